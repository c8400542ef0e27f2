/**
 * The data of the published documents, independent of their format: the half-year monitoring
 * report (Monitorovací zpráva) and the annual report (Výroční zpráva) that carries two of them.
 */
import type { AgencySections } from '../agency';
import { ValidationError } from '../errors';
import type { ActionPlan, Project } from '../plan';
import { annualTextSlots, OUTSIDE_PLAN_TEXT_KEY, type AnnualTextRecord } from '../annual-texts';
import type { SlipAppendix } from '../slips/report';
import { wholeTextSimilarity } from '../slips/similarity';

/** One project as a monitoring report prints it. */
export interface ReportProject {
  id: string;
  name: string;
  goal: string;
  goalLabel: 'cíl projektu' | 'bližší popis';
  previousPeriod: string;
  /** `null`: the contact persons did not submit anything for this period. */
  thisPeriod: string | null;
  nextPeriodPlan: string | null;
  /** The submission's ProjectStatus code (`delayed`, …; domain/submission.ts), or `null` when not submitted. */
  status: string | null;
  /** Display names, e.g. `M. Féna (D. Nejedlo)`. */
  contacts: string[];
}

export interface ReportPeriod {
  id: string;
  /** `1. pololetí 2026` */
  label: string;
  /** `01/2026` */
  shortLabel: string;
  previousShortLabel: string;
  nextShortLabel: string;
  /** `YYYY-MM-DD`, Europe/Prague calendar days. */
  firstDay: string;
  lastDay: string;
}

export interface MonitoringReport {
  period: ReportPeriod;
  annualReportYear: number;
  attachmentNumber: 1 | 2;
  agency: AgencySections;
  areas: Array<{
    /** The activity area's id (absent in reports assembled before ARR's narratives existed). */
    id?: string;
    name: string;
    description?: string;
    activities: Array<{ number: number; name: string; projects: ReportProject[] }>;
  }>;
  outsidePlan: ReportProject[];
  indicators: Array<{ areaName: string; code: string; name: string; periodValue: number; cumulativeValue: number }>;
  /**
   * The appendix „Projekty se skluzem“ for the steering group. Absent from reports assembled
   * before slip detection existed (still stored locally and read back as they were).
   */
  slips?: SlipAppendix;
  /** ISO timestamp. */
  generatedAt: string;
}

/** One of ARR's texts as the annual report prints it (domain/annual-texts.ts). */
export interface AnnualReportText {
  key: string;
  text: string;
  /** True when ARR rewrote the text pre-filled from the half-years. */
  edited: boolean;
}

export interface AnnualReport {
  year: number;
  /** The action plan's span, printed in chapter titles („akčního plánu 2024-2026“). */
  planYears: { from: number; to: number };
  priorityAreas: Array<{ name: string; activityAreaName: string | null }>;
  areas: Array<{
    name: string;
    guarantor: string;
    activities: Array<{ number: number; name: string; text: AnnualReportText }>;
  }>;
  /** The projects outside the plan's activity areas. */
  outsidePlan: AnnualReportText;
  indicators: Array<{ areaName: string; name: string; value: number; asOf: string }>;
  nextYearPlan: Array<{ projectName: string; plan: string }>;
  /** The two monitoring reports, printed after the annual report. */
  attachments: Array<{ number: 1 | 2; title: string; report: MonitoringReport }>;
}

/** The reports write `-` (or nothing) where there is nothing to say. */
function hasContent(text: string | null | undefined): text is string {
  return text != null && text.trim() !== '' && text.trim() !== '-';
}

/** Every project of a monitoring report: by area and activity, then those outside the plan's areas. */
export function reportProjects(report: MonitoringReport): ReportProject[] {
  return [...report.areas.flatMap((a) => a.activities.flatMap((act) => act.projects)), ...report.outsidePlan];
}

function projectsById(report: MonitoringReport): Map<string, ReportProject> {
  return new Map(reportProjects(report).map((p) => [p.id, p]));
}

/** A text on one line, so it stays one list item of a pre-filled text. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Two half-years' texts at least this alike (Dice coefficient, as slip detection measures) say
 * the same thing; far stricter than slip detection's step threshold, so that two half-years
 * that differ in substance are both kept.
 */
const SAME_TEXT_SIMILARITY = 0.9;

/**
 * What a project did in the year, from the half-years' reports, oldest first. A half-year that
 * only says again what the one before said is left out, so the line reads as one account.
 */
function projectYear(project: Project, halves: readonly Map<string, ReportProject>[]): { name: string; text: string } | null {
  const texts: string[] = [];
  for (const half of halves) {
    const text = half.get(project.id)?.thisPeriod;
    if (!hasContent(text)) continue;
    const previous = texts.at(-1);
    if (previous !== undefined && wholeTextSimilarity(previous, text) >= SAME_TEXT_SIMILARITY) texts.pop();
    texts.push(oneLine(text));
  }
  if (texts.length === 0) return null;
  const name = halves.map((half) => half.get(project.id)?.name).findLast((n) => n !== undefined) ?? project.name;
  return { name, text: texts.join(' ') };
}

export const NO_PROJECT_TEXT = 'V rámci této aktivity nebyl dosud realizován žádný projekt.';

/**
 * The annual report's texts as the half-years' reports suggest them, by key (domain/annual-texts.ts):
 * per activity a list of its projects, each with what it did in the year. ARR starts from these.
 * `reports` are the year's monitoring reports there are, first half-year first.
 */
export function prefillAnnualTexts(year: number, plan: ActionPlan, reports: readonly MonitoringReport[]): Map<string, string> {
  const halves = reports.map(projectsById);
  const lines = (projects: readonly Project[]) =>
    projects.flatMap((project) => {
      const line = projectYear(project, halves);
      return line ? [`- ${line.name} – ${line.text}`] : [];
    });
  const texts = new Map<string, string>();
  for (const slot of annualTextSlots(plan)) {
    const outside = slot.key === OUTSIDE_PLAN_TEXT_KEY;
    const projects = plan.projects.filter((project) =>
      outside ? project.placement.kind === 'outside-plan' : project.placement.kind === 'activity' && project.placement.activityId === slot.key,
    );
    const list = lines(projects);
    if (list.length === 0) {
      texts.set(slot.key, outside ? `V roce ${year} nebyly evidovány žádné další projekty mimo oblasti aktivit akčního plánu.` : NO_PROJECT_TEXT);
      continue;
    }
    const lead = outside
      ? 'Dále jsou realizovány projekty, které sice nepatří do oblastí aktivit nastavených v akčním plánu, ale svým charakterem přispívají k naplňování cílů koncepce Chytřejší kraj pro Liberecký kraj:'
      : `V roce ${year} byly realizovány tyto projekty a činnosti:`;
    texts.set(slot.key, [lead, '', ...list].join('\n'));
  }
  return texts;
}

/**
 * The texts of the annual report: ARR's where ARR wrote one, the pre-filled one elsewhere.
 */
export function annualReportTexts(
  prefill: ReadonlyMap<string, string>,
  edits: readonly Pick<AnnualTextRecord, 'key' | 'text'>[],
): Map<string, AnnualReportText> {
  const edited = new Map(edits.map((edit) => [edit.key, edit.text]));
  return new Map(
    [...prefill].map(([key, text]) => {
      const own = edited.get(key);
      return [key, own === undefined ? { key, text, edited: false } : { key, text: own, edited: true }];
    }),
  );
}

/**
 * Builds the annual report for a year from its two monitoring reports and ARR's texts. Projects
 * come from the plan so that one finished in the first half-year, and absent from the second
 * report, still counts.
 */
export function assembleAnnualReport(
  first: MonitoringReport,
  second: MonitoringReport,
  plan: ActionPlan,
  edits: readonly Pick<AnnualTextRecord, 'key' | 'text'>[] = [],
): AnnualReport {
  if (first.attachmentNumber !== 1 || second.attachmentNumber !== 2) {
    throw new ValidationError('Výroční zprávu lze sestavit jen z monitorovacích zpráv za 1. a 2. pololetí.', {
      reports: 'Zprávy musí být přílohou č. 1 a č. 2 v tomto pořadí.',
    });
  }
  if (first.annualReportYear !== second.annualReportYear) {
    throw new ValidationError('Monitorovací zprávy patří k různým rokům.', {
      reports: `Zprávy patří k rokům ${first.annualReportYear} a ${second.annualReportYear}.`,
    });
  }
  const year = first.annualReportYear;
  const texts = annualReportTexts(prefillAnnualTexts(year, plan, [first, second]), edits);
  const textOf = (key: string): AnnualReportText => texts.get(key) ?? { key, text: NO_PROJECT_TEXT, edited: false };
  const areaById = new Map(plan.activityAreas.map((a) => [a.id, a]));
  const planSpan = `${plan.years.from}-${plan.years.to}`;

  const areas = [...plan.activityAreas]
    .sort((a, b) => a.order - b.order)
    .map((area) => ({
      name: area.name,
      guarantor: area.guarantor.department,
      activities: [...area.activities]
        .sort((a, b) => a.number - b.number)
        .map((activity) => ({ number: activity.number, name: activity.name, text: textOf(activity.id) })),
    }));

  const secondProjects = [
    ...second.areas.flatMap((a) => a.activities.flatMap((act) => act.projects)),
    ...second.outsidePlan,
  ];

  return {
    year,
    planYears: { ...plan.years },
    priorityAreas: plan.priorityAreas.map((pa) => ({
      name: pa.name,
      activityAreaName: pa.activityAreaId ? (areaById.get(pa.activityAreaId)?.name ?? null) : null,
    })),
    areas,
    outsidePlan: textOf(OUTSIDE_PLAN_TEXT_KEY),
    indicators: second.indicators.map((i) => ({
      areaName: i.areaName,
      name: i.name,
      value: i.cumulativeValue,
      asOf: second.period.lastDay,
    })),
    nextYearPlan: secondProjects.flatMap((p) =>
      hasContent(p.nextPeriodPlan) ? [{ projectName: p.name, plan: p.nextPeriodPlan.trim() }] : [],
    ),
    attachments: [
      { number: 1, title: `Monitorovací zpráva za naplňování akčního plánu ${planSpan} v ${first.period.label}`, report: first },
      { number: 2, title: `Monitorovací zpráva za naplňování akčního plánu ${planSpan} ve ${second.period.label}`, report: second },
    ],
  };
}
