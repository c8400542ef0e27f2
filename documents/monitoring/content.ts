/**
 * The half-year monitoring report as a document tree: the chapters, their order and wording
 * follow the region's own reports (Monitorovací zpráva za 1./2. pololetí 2025).
 */
import type { CommunicationSection, OtherActivitiesSection, PaymentPortalSection, TrendsSection } from '../../domain/agency';
import { OUTSIDE_PLAN_NAME } from '../../domain/plan';
import type { MonitoringReport, ReportProject } from '../../domain/report/model';
import type { SlipAppendix } from '../../domain/slips/report';
import { projectStatusLabels, type ProjectStatus } from '../../domain/submission';
import { asPrinted, bold, bulletList, heading, paragraph, text } from '../blocks';
import type { Block, DocumentModel, FieldsBlock, TableBlock } from '../blocks';
import { formatCount, formatCzk, formatDate, formatLongDate, formatMonth, formatMonthCapitalised, sumCzk } from '../format';

/** Printed wherever someone should have delivered data for the period and did not. */
export const NOT_SUBMITTED_TEXT = 'Za toto období nebyly dodány podklady.';

export const CHAPTER_TITLES = {
  trends: '1. Sledování trendů a zkušeností',
  communication: '2. Komunikace a budování partnerství',
  projects: '3. Informace o stavu rozpracování jednotlivých projektů',
  paymentPortal: '4. Zajištění provozu a rozvoje Platebního portálu Libereckého kraje',
  otherActivities: '5. Informace o dalších činnostech',
} as const;


const EMPTY = '-';

const upper = (value: string) => value.toLocaleUpperCase('cs');
const orDash = (value: string | null | undefined) => (value && value.trim() !== '' ? value : EMPTY);
const missing = () => ({ kind: 'paragraph' as const, inlines: [text(NOT_SUBMITTED_TEXT)], tone: 'missing' as const });

function statusLabel(status: string): string {
  return Object.hasOwn(projectStatusLabels, status) ? projectStatusLabels[status as ProjectStatus] : status;
}

function projectBlocks(project: ReportProject, report: MonitoringReport): Block[] {
  const { shortLabel, nextShortLabel } = report.period;
  const submitted = project.thisPeriod !== null;
  const items: FieldsBlock['items'] = [
    { label: project.goalLabel, value: orDash(project.goal) },
    { label: 'aktivity v předchozím období', value: orDash(project.previousPeriod) },
    submitted
      ? { label: `aktivity v období ${shortLabel}`, value: orDash(project.thisPeriod) }
      : { label: `aktivity v období ${shortLabel}`, value: NOT_SUBMITTED_TEXT, missing: true },
    submitted
      ? { label: `plán pro období ${nextShortLabel}`, value: orDash(project.nextPeriodPlan) }
      : { label: `plán pro období ${nextShortLabel}`, value: NOT_SUBMITTED_TEXT, missing: true },
  ];
  if (project.status) items.push({ label: 'stav projektu', value: statusLabel(project.status), humanOnly: true });
  items.push({ label: 'kontaktní osoba', value: project.contacts.length > 0 ? project.contacts.join(', ') : EMPTY });
  return [heading(4, project.name), { kind: 'fields', items }];
}

function trendsChapter(section: TrendsSection | undefined): Block[] {
  const blocks: Block[] = [
    heading(2, CHAPTER_TITLES.trends, { chapter: true }),
    paragraph(
      text(
        'Sdílení zkušeností, vzájemná inspirace a informovanost je důležitou součástí naplňování akčního plánu. Proto se zaměřujeme na zajímavé zdroje informací týkající se problematiky SMART, inspirujeme se od sousedních krajů a zahraničních kolegů.',
      ),
    ),
  ];
  if (!section) return [...blocks, missing()];
  blocks.push(
    heading(3, 'Účast na odborných akcích'),
    paragraph(
      text(
        'V rámci sledování trendů je důležitá účast na odborných seminářích, konferencích, webinářích nebo konzultacích. Zde jsou zejména získávány důležité informace a odkazy na zajímavé zdroje.',
      ),
    ),
  );
  if (section.events.length > 0) {
    blocks.push(
      paragraph(text('Ve sledovaném období proběhla účast na těchto akcích:')),
      bulletList(section.events.map((e) => [text(`${formatMonth(e.month)} – ${e.name}`)])),
    );
  } else {
    blocks.push(paragraph(text('Ve sledovaném období neproběhla účast na žádné odborné akci.')));
  }
  blocks.push(
    heading(3, 'Studium SMART dokumentů'),
    paragraph(text('V rámci sledování trendů dochází také ke studiu dokumentů majících vazbu na problematiku SMART a nastavené oblasti aktivit.')),
  );
  if (section.smartDocuments.length > 0) {
    blocks.push(
      paragraph(text('Ve sledovaném období byly prostudovány tyto dokumenty:')),
      bulletList(section.smartDocuments.map((d) => [text(d)])),
    );
  } else {
    blocks.push(paragraph(text('Ve sledovaném období nebyly prostudovány žádné odborné dokumenty.')));
  }
  blocks.push(
    heading(3, 'Vyhledávání nových příležitostí'),
    paragraph(text('Součástí agendy je i vyhledávání nových příležitostí nebo námětů pro nové projekty postavené na užívání SMART technologií.')),
  );
  if (section.opportunities.length > 0) {
    blocks.push(
      paragraph(text('Jako nové potenciální projekty byly ve sledovaném období vyhodnoceny tyto záměry:')),
      bulletList(section.opportunities.map((o) => [text(o)])),
    );
  } else {
    blocks.push(paragraph(text('Ve sledovaném období nebyly vyhodnoceny žádné nové záměry.')));
  }
  return blocks;
}

function communicationChapter(section: CommunicationSection | undefined): Block[] {
  const blocks: Block[] = [heading(2, CHAPTER_TITLES.communication, { chapter: true })];
  if (!section) return [...blocks, missing()];
  blocks.push(heading(3, 'Komunikační strategie'));
  if (section.mediaPresentations.length > 0) {
    blocks.push(
      paragraph(
        text(
          'Součástí aktivit je i prezentace tématu a dosažených výsledků či plánovaných aktivit. Ve sledovaném období byly realizovány následující mediální prezentace:',
        ),
      ),
    );
    for (const media of section.mediaPresentations) {
      blocks.push(heading(4, media.title), {
        kind: 'fields',
        items: [
          { label: 'zveřejněno', value: formatDate(media.publishedOn) },
          { label: 'forma', value: media.form },
        ],
      });
      if (media.link) blocks.push(paragraph({ text: media.link, href: media.link }));
    }
  } else {
    blocks.push(
      paragraph(
        text(
          'Součástí aktivit je i prezentace tématu a dosažených výsledků či plánovaných aktivit. Ve sledovaném období nebyly realizovány žádné mediální prezentace.',
        ),
      ),
    );
  }
  blocks.push(heading(3, 'Budování partnerství'));
  if (section.partnershipMeetings.length > 0) {
    blocks.push(paragraph(text('V rámci aktivit pro budování partnerství byly ve sledovaném období realizovány tyto akce:')));
    for (const meeting of section.partnershipMeetings) {
      blocks.push(heading(4, meeting.title), {
        kind: 'fields',
        items: [
          { label: 'datum', value: formatDate(meeting.date) },
          { label: 'bližší informace', value: meeting.details },
        ],
      });
    }
  } else {
    blocks.push(paragraph(text('V rámci aktivit pro budování partnerství nebyly ve sledovaném období realizovány žádné akce.')));
  }
  return blocks;
}

/** ARR's own text under an area: paragraphs split by empty lines, `- ` lines as a bulleted list. */
export function narrativeBlocks(source: string): Block[] {
  return source
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .flatMap((part): Block[] => {
      const lines = part.split('\n').map((line) => line.trim());
      const items = lines.filter((line) => line.startsWith('- ')).map((line) => line.slice(2).trim());
      const prose = lines.filter((line) => !line.startsWith('- ')).join(' ');
      return [...(prose ? [paragraph(text(prose))] : []), ...(items.length > 0 ? [bulletList(items.map((item) => [text(item)]))] : [])];
    });
}

function projectsChapter(report: MonitoringReport): Block[] {
  const blocks: Block[] = [heading(2, CHAPTER_TITLES.projects, { chapter: true })];
  for (const area of report.areas) {
    blocks.push(heading(3, upper(area.name), { tocText: area.name }));
    if (area.description) blocks.push(paragraph(text(area.description)));
    for (const activity of area.activities) {
      if (activity.projects.length === 0) {
        blocks.push(
          paragraph(text('V rámci aktivity '), bold(activity.name), text(' nebyly ve sledovaném období realizovány žádné činnosti.')),
        );
        continue;
      }
      blocks.push(
        paragraph(
          text('V rámci aktivity '),
          bold(activity.name),
          text(' jsou v současné době realizovány nebo připravovány následující projekty:'),
        ),
      );
      for (const project of activity.projects) blocks.push(...projectBlocks(project, report));
    }
    const narrative = report.agency['area-narratives']?.areas.find((entry) => entry.activityAreaId === area.id);
    if (narrative) blocks.push(...narrativeBlocks(narrative.text));
  }
  blocks.push(heading(3, upper(OUTSIDE_PLAN_NAME), { tocText: OUTSIDE_PLAN_NAME }));
  if (report.outsidePlan.length > 0) {
    blocks.push(
      paragraph(
        text(
          'Ve sledovaném období byly dále realizovány projekty, které sice nepatří do oblastí aktivit nastavených v akčním plánu, ale svým charakterem přispívají k naplňování cílů koncepce Chytřejší kraj pro Liberecký kraj. Jedná se o následující projekty:',
        ),
      ),
    );
    for (const project of report.outsidePlan) blocks.push(...projectBlocks(project, report));
  } else {
    blocks.push(paragraph(text('Ve sledovaném období nebyly evidovány žádné další projekty mimo oblasti aktivit akčního plánu.')));
  }
  return blocks;
}

function paymentPortalChapter(section: PaymentPortalSection | undefined, report: MonitoringReport): Block[] {
  const blocks: Block[] = [
    heading(2, CHAPTER_TITLES.paymentPortal, { chapter: true }),
    paragraph(text('Jedná se o jednotný systém pro elektronické platby obecních poplatků.')),
  ];
  if (!section) return [...blocks, missing()];
  const { shortLabel, nextShortLabel, lastDay } = report.period;
  blocks.push(heading(3, `Aktivity v období ${shortLabel}`), paragraph(text(section.activitiesThisPeriod)));
  blocks.push(heading(3, `Stav k ${formatDate(lastDay)}`), {
    kind: 'table',
    caption: `Uživatelé a služby Platebního portálu, stav k ${formatDate(lastDay)}`,
    columns: [{ label: 'Ukazatel' }, { label: 'Počet', numeric: true }],
    rows: [
      { cells: ['Počet aktivních uživatelů (obcí)', formatCount(section.activeMunicipalities)] },
      { cells: ['Počet aktivních služeb', formatCount(section.activeServices)] },
      { cells: ['Počet obcí před podpisem smlouvy – v přípravě', formatCount(section.municipalitiesInPreparation)] },
      { cells: ['Počet obcí se zájmem', formatCount(section.interestedMunicipalities)] },
    ],
  });
  blocks.push(heading(3, 'Realizované transakce'));
  if (section.monthlyPayments.length > 0) {
    const months = [...section.monthlyPayments].sort((a, b) => a.month.localeCompare(b.month));
    blocks.push({
      kind: 'table',
      caption: `Transakce přes platební bránu Libereckého kraje v období ${shortLabel}`,
      columns: [{ label: 'Měsíc' }, { label: 'Počet plateb', numeric: true }, { label: 'Finanční objem transakcí', numeric: true }],
      rows: months.map((m) => ({ cells: [formatMonthCapitalised(m.month), formatCount(m.count), formatCzk(m.volumeCzk)] })),
      total: [
        'Celkem',
        formatCount(months.reduce((sum, m) => sum + m.count, 0)),
        formatCzk(sumCzk(months.map((m) => m.volumeCzk))),
      ],
    });
  } else {
    blocks.push(paragraph(text('Ve sledovaném období neproběhly přes platební bránu žádné transakce.')));
  }
  blocks.push(heading(3, `Plán pro období ${nextShortLabel}`), paragraph(text(section.nextPeriodPlan)));
  return blocks;
}

function otherActivitiesChapter(section: OtherActivitiesSection | undefined): Block[] {
  const blocks: Block[] = [heading(2, CHAPTER_TITLES.otherActivities, { chapter: true })];
  if (!section) return [...blocks, missing()];
  for (const group of section.workingGroups) {
    blocks.push(heading(3, group.name));
    if (group.meetings.length === 0) {
      blocks.push(paragraph(text('Ve sledovaném období se pracovní skupina nesešla.')));
      continue;
    }
    const meetings = [...group.meetings].sort((a, b) => a.date.localeCompare(b.date));
    blocks.push(
      paragraph(
        text(
          `Ve sledovaném období se pracovní skupina sešla celkem ${meetings.length}x (${meetings.map((m) => formatDate(m.date)).join(', ')}) a projednávala tato témata:`,
        ),
      ),
      bulletList(meetings.map((m) => [bold(formatDate(m.date)), text(` – ${m.topics}`)])),
    );
  }
  blocks.push(heading(3, 'Koordinace a porady'));
  if (section.coordinationMeetings.length > 0) {
    const meetings = [...section.coordinationMeetings].sort((a, b) => a.date.localeCompare(b.date));
    blocks.push(
      paragraph(text('Ve sledovaném období se uskutečnily následující porady:')),
      bulletList(meetings.map((m) => [text(`${formatDate(m.date)} – ${m.title}: ${m.details}`)])),
    );
  } else {
    blocks.push(paragraph(text('Ve sledovaném období se neuskutečnily žádné porady.')));
  }
  return blocks;
}

/**
 * The appendix for the steering group: every slipping project under its activity area, with
 * each reason as one sentence. The reasons are computed from the history of periods.
 */
function slipAppendix(appendix: SlipAppendix, report: MonitoringReport): Block[] {
  const blocks: Block[] = [
    heading(2, appendix.title, { chapter: true }),
    paragraph(
      text(
        `Projekty, u nichž porovnání plánu se skutečností ukazuje za ${report.period.label} skluz: plán opakovaný beze změny ve dvou a více pololetích, stav „zpožděno“ nebo „zrušeno“, nic neuděláno, ačkoli byl plán, nebo žádná odpověď ve dvou cyklech po sobě. Přehled se sestavuje z historie pololetí, nikdo jej nezadává ručně.`,
      ),
    ),
  ];
  if (appendix.rows.length === 0) {
    return [...blocks, paragraph(text('Ve sledovaném období nebyl zjištěn žádný projekt se skluzem.'))];
  }
  const rows: TableBlock['rows'] = [];
  let area: string | null = null;
  for (const row of appendix.rows) {
    if (row.activityAreaName !== area) {
      area = row.activityAreaName;
      rows.push({ cells: [area], group: true });
    }
    rows.push({ cells: [row.projectName, row.reasons.map((reason) => reason.message).join('\n')] });
  }
  blocks.push({
    kind: 'table',
    caption: `${appendix.title} za ${report.period.label} (${appendix.rows.length})`,
    columns: [{ label: 'Oblast aktivit / projekt' }, { label: 'Důvod' }],
    rows,
  });
  return blocks;
}

export function monitoringReportTitle(report: MonitoringReport): string {
  return `Monitorovací zpráva za ${report.period.label}`;
}

export function monitoringReportDocument(report: MonitoringReport): DocumentModel {
  const title = monitoringReportTitle(report);
  return asPrinted({
    title,
    blocks: [
      {
        kind: 'title',
        kicker: 'NAPLŇOVÁNÍ AKČNÍHO PLÁNU KONCEPCE CHYTŘEJŠÍ LIBERECKÝ KRAJ',
        title,
        subtitle: `(příloha č. ${report.attachmentNumber} Výroční zprávy za rok ${report.annualReportYear})`,
      },
      heading(2, 'Obsah', { chapter: true }),
      { kind: 'toc' },
      paragraph(
        text(
          `Tato monitorovací zpráva přináší souhrn činností realizovaných za účelem naplňování Akčního plánu koncepce Chytřejší Liberecký kraj za období od ${formatLongDate(report.period.firstDay)} do ${formatLongDate(report.period.lastDay)}.`,
        ),
      ),
      paragraph(
        text(
          'Činnosti vedoucí k naplňování akčního plánu jsou realizovány prostřednictvím ARR – Agentury regionálního rozvoje, spol. s r. o. Struktura této monitorovací zprávy vychází z popisu výstupů, které pro tyto činnosti stanovil Liberecký kraj.',
        ),
      ),
      ...trendsChapter(report.agency.trends),
      ...communicationChapter(report.agency.communication),
      ...projectsChapter(report),
      ...paymentPortalChapter(report.agency['payment-portal'], report),
      ...otherActivitiesChapter(report.agency['other-activities']),
      ...(report.slips ? slipAppendix(report.slips, report) : []),
    ],
  });
}
