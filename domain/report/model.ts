/**
 * The data of the published documents, independent of their format: the half-year monitoring
 * report (Monitorovací zpráva) and the annual report (Výroční zpráva) that carries two of them.
 */
import type { AgencySections } from '../agency';
import { ValidationError } from '../errors';
import type { ActionPlan, Project } from '../plan';
import type { SlipAppendix } from '../slips/report';

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

export interface AnnualReport {
  year: number;
  /** The action plan's span, printed in chapter titles („akčního plánu 2024-2026“). */
  planYears: { from: number; to: number };
  priorityAreas: Array<{ name: string; activityAreaName: string | null }>;
  areas: Array<{
    name: string;
    guarantor: string;
    activities: Array<{
      number: number;
      name: string;
      /** What was done in the year, one entry per project, from both half-years. */
      summary: string[];
    }>;
  }>;
  outsidePlan: Array<{ name: string; summary: string }>;
  indicators: Array<{ areaName: string; name: string; value: number; asOf: string }>;
  nextYearPlan: Array<{ projectName: string; plan: string }>;
  attachments: Array<{ number: number; title: string }>;
}

/** The reports write `-` (or nothing) where there is nothing to say. */
function hasContent(text: string | null | undefined): text is string {
  return text != null && text.trim() !== '' && text.trim() !== '-';
}

function projectsById(report: MonitoringReport): Map<string, ReportProject> {
  const all = [...report.areas.flatMap((a) => a.activities.flatMap((act) => act.projects)), ...report.outsidePlan];
  return new Map(all.map((p) => [p.id, p]));
}

/**
 * One line per project: what its contact persons reported for each half-year, or `null` when
 * neither half-year says anything.
 */
function yearSummary(
  project: Project,
  halves: ReadonlyArray<{ label: string; projects: Map<string, ReportProject> }>,
): { name: string; text: string } | null {
  const parts = halves.flatMap(({ label, projects }) => {
    const text = projects.get(project.id)?.thisPeriod;
    return hasContent(text) ? [`${label}: ${text.trim()}`] : [];
  });
  if (parts.length === 0) return null;
  const name = halves.map((h) => h.projects.get(project.id)?.name).findLast((n) => n !== undefined) ?? project.name;
  return { name, text: parts.join(' ') };
}

/**
 * Builds the annual report for a year from its two monitoring reports. Projects come from the plan
 * so that one finished in the first half-year, and absent from the second report, still counts.
 */
export function assembleAnnualReport(first: MonitoringReport, second: MonitoringReport, plan: ActionPlan): AnnualReport {
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
  const halves = [
    { label: first.period.label, projects: projectsById(first) },
    { label: second.period.label, projects: projectsById(second) },
  ];
  const areaById = new Map(plan.activityAreas.map((a) => [a.id, a]));
  const planSpan = `${plan.years.from}-${plan.years.to}`;

  const areas = [...plan.activityAreas]
    .sort((a, b) => a.order - b.order)
    .map((area) => ({
      name: area.name,
      guarantor: area.guarantor.department,
      activities: [...area.activities]
        .sort((a, b) => a.number - b.number)
        .map((activity) => ({
          number: activity.number,
          name: activity.name,
          summary: plan.projects
            .filter((p) => p.placement.kind === 'activity' && p.placement.activityId === activity.id)
            .flatMap((p) => {
              const line = yearSummary(p, halves);
              return line ? [`${line.name} – ${line.text}`] : [];
            }),
        })),
    }));

  const outsidePlan = plan.projects
    .filter((p) => p.placement.kind === 'outside-plan')
    .flatMap((p) => {
      const line = yearSummary(p, halves);
      return line ? [{ name: line.name, summary: line.text }] : [];
    });

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
    outsidePlan,
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
      { number: 1, title: `Monitorovací zpráva za naplňování akčního plánu ${planSpan} v ${first.period.label}` },
      { number: 2, title: `Monitorovací zpráva za naplňování akčního plánu ${planSpan} ve ${second.period.label}` },
    ],
  };
}
