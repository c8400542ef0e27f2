/**
 * The annual report (Výroční zpráva akčního plánu) as a document tree, following the region's
 * report for 2025: overview of priority areas, what each activity achieved in the year,
 * indicators, the plan for the next year and the two monitoring reports as attachments.
 */
import type { AnnualReport } from '../../domain/report/model';
import { asPrinted, bulletList, heading, italic, paragraph, plainTextBlocks, text } from '../blocks';
import type { AnnexBlock, Block, DocumentModel } from '../blocks';
import { monitoringReportDocument } from '../monitoring/content';
import { formatCount, formatDate } from '../format';
import { OUTSIDE_PLAN_NAME } from '../../domain/plan';

const upper = (value: string) => value.toLocaleUpperCase('cs');

type Attachment = AnnualReport['attachments'][number];

const attachmentHeading = (a: Attachment) => `Příloha č. ${a.number}: ${a.title}`;
const attachmentAnchor = (a: Attachment) => `priloha-${a.number}`;

export function annualReportTitle(report: AnnualReport): string {
  return `Výroční zpráva akčního plánu koncepce Chytřejší Liberecký kraj za rok ${report.year}`;
}

export function annualChapterTitles(report: AnnualReport) {
  const span = `${report.planYears.from}-${report.planYears.to}`;
  return {
    overview: `Přehled naplňování prioritních oblastí koncepce v rámci akčního plánu na období ${span}`,
    fulfilment: `Informace o naplňování akčního plánu ${span} v roce ${report.year}`,
    indicators: 'Sledování nastavených indikátorů',
    nextYear: `Plán realizace projektů pro rok ${report.year + 1}`,
    attachments: 'Přílohy',
  };
}

function introduction(report: AnnualReport): Block[] {
  const span = `${report.planYears.from}-${report.planYears.to}`;
  const areaCount = report.areas.length;
  const areas = areaCount === 1 ? 'jeho 1 oblasti aktivit' : `jeho ${areaCount} oblastí aktivit`;
  return [
    paragraph(
      text(
        `Tato výroční zpráva přináší souhrn činností realizovaných za účelem naplňování Akčního plánu koncepce Chytřejší kraj pro Liberecký kraj (dále také jen Chytřejší Liberecký kraj) za období od 1. ledna ${report.year} do 31. prosince ${report.year}.`,
      ),
    ),
    paragraph(
      text(
        'Cílem koncepce je nasměrování aktivit kraje jako instituce v oblasti využívání chytrých technologií tak, aby docházelo k co nejefektivnější správě majetku a kompetencí a zároveň tyto kroky pozitivně ovlivňovaly život obyvatel v regionu.',
      ),
    ),
    paragraph(
      text(
        'Akční plán je prováděcí dokument koncepce pro oblasti, ve kterých lze v následujících letech dosáhnout konkrétních viditelných výsledků.',
      ),
    ),
    paragraph(
      text(
        `Výroční zpráva je strukturována na základě prioritních oblastí nastavených v koncepci Chytřejší Liberecký kraj, které byly pro rok ${report.year} naplňovány prostřednictvím akčního plánu na období ${span} a ${areas}.`,
      ),
    ),
  ];
}

function fulfilment(report: AnnualReport): Block[] {
  const blocks: Block[] = [
    paragraph(
      text(
        `V kapitole je uvedeno, jakými projekty byly naplňovány jednotlivé oblasti aktivit. Bližší informace k projektům realizovaným v rámci jednotlivých oblastí aktivit a stavu jejich rozpracování jsou uvedeny v monitorovacích zprávách za 1. a 2. pololetí roku ${report.year}, které jsou uvedeny v Příloze č. 1 a 2.`,
      ),
    ),
  ];
  for (const area of report.areas) {
    blocks.push(heading(3, upper(area.name), { tocText: area.name }), paragraph(italic(`Garant: ${area.guarantor}`)));
    for (const activity of area.activities) {
      blocks.push(heading(4, `Aktivita ${activity.number} – ${activity.name}`), ...plainTextBlocks(activity.text.text));
    }
  }
  blocks.push(heading(3, upper(OUTSIDE_PLAN_NAME), { tocText: OUTSIDE_PLAN_NAME }), ...plainTextBlocks(report.outsidePlan.text));
  return blocks;
}

function indicatorTable(report: AnnualReport): Block[] {
  if (report.indicators.length === 0) {
    return [paragraph(text('Za sledovaný rok nejsou k dispozici hodnoty indikátorů.'))];
  }
  const asOf = report.indicators[0]?.asOf ?? `${report.year}-12-31`;
  const rows: Array<{ cells: string[]; group?: boolean }> = [];
  let currentArea: string | null = null;
  for (const indicator of report.indicators) {
    if (indicator.areaName !== currentArea) {
      currentArea = indicator.areaName;
      rows.push({ cells: [indicator.areaName], group: true });
    }
    rows.push({ cells: [indicator.name, formatCount(indicator.value)] });
  }
  return [
    {
      kind: 'table',
      caption: `Stav indikátorů k ${formatDate(asOf)}`,
      columns: [{ label: 'Oblast aktivit / indikátor' }, { label: `Stav* (k ${formatDate(asOf)})`, numeric: true }],
      rows,
    },
    {
      kind: 'paragraph',
      tone: 'note',
      inlines: [
        text(
          '* Nejedná se o výčet všech aktivit realizovaných na území Libereckého kraje, ale pouze o aktivity přímo spojené s naplňováním akčního plánu koncepce Chytřejší Liberecký kraj.',
        ),
      ],
    },
  ];
}

function nextYear(report: AnnualReport): Block[] {
  const span = `${report.planYears.from}-${report.planYears.to}`;
  const next = report.year + 1;
  const blocks: Block[] = [
    paragraph(
      text(
        `Naplňování jednotlivých oblastí aktivit akčního plánu ${span} bude stejně jako v předchozím období probíhat prostřednictvím konkrétních aktivit a projektů.`,
      ),
    ),
    paragraph(
      text(
        `Plán pro jednotlivé již započaté projekty na první pololetí roku ${next} je uveden v Monitorovací zprávě za 2. pololetí ${report.year}, která je součástí Přílohy č. 2. V Monitorovací zprávě za 1. pololetí ${next} pak dojde k nastavení plánu realizace projektů do konce roku ${next}.`,
      ),
    ),
  ];
  if (report.nextYearPlan.length > 0) {
    blocks.push(
      paragraph(text(`Plán pro 1. pololetí ${next} podle jednotlivých projektů:`)),
      bulletList(report.nextYearPlan.map((p) => [{ text: p.projectName, bold: true }, text(` – ${p.plan}`)])),
    );
  }
  return blocks;
}

export function annualReportDocument(report: AnnualReport): DocumentModel {
  const titles = annualChapterTitles(report);
  return asPrinted({
    title: annualReportTitle(report),
    blocks: [
      { kind: 'title', title: annualReportTitle(report) },
      heading(2, 'Obsah', { chapter: true }),
      { kind: 'toc' },
      ...introduction(report),
      heading(2, titles.overview, { chapter: true }),
      {
        kind: 'table',
        caption: 'Prioritní oblasti koncepce a oblasti aktivit akčního plánu, které je naplňují',
        columns: [
          { label: 'Prioritní oblast koncepce' },
          { label: `Oblasti aktivit v akčním plánu ${report.planYears.from}-${report.planYears.to}` },
        ],
        rows: report.priorityAreas.map((p) => ({ cells: [p.name, p.activityAreaName ?? '-'] })),
      },
      heading(2, titles.fulfilment, { chapter: true }),
      ...fulfilment(report),
      heading(2, titles.indicators, { chapter: true }),
      ...indicatorTable(report),
      heading(2, titles.nextYear, { chapter: true }),
      ...nextYear(report),
      heading(2, titles.attachments),
      ...report.attachments.map((a) => paragraph({ text: attachmentHeading(a), anchor: attachmentAnchor(a) })),
      ...report.attachments.map(
        (a): AnnexBlock => ({
          kind: 'annex',
          heading: attachmentHeading(a),
          anchor: attachmentAnchor(a),
          document: monitoringReportDocument(a.report),
        }),
      ),
    ],
  });
}
