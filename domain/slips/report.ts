/**
 * What the steering group reads about slipping projects: the data of the monitoring report's
 * appendix "Projekty se skluzem" and the one line of the steering-group email. Renderers (HTML,
 * Markdown, DOCX, the email template, the dashboard) take these as they are.
 */
import { countOf, PROJECT_FORMS } from '../czech-plural';
import type { PeriodId } from '../period';
import { OUTSIDE_PLAN_NAME, type ActionPlan } from '../plan';
import { slipReasonLabels, type SlipFinding, type SlipReason } from './detect';

export const SLIP_APPENDIX_TITLE = 'Projekty se skluzem';

export interface SlipAppendixRow {
  projectId: string;
  projectName: string;
  /** The activity area's name, or the group of projects outside the plan's areas. */
  activityAreaName: string;
  reasons: SlipReason[];
}

export interface SlipAppendix {
  title: typeof SLIP_APPENDIX_TITLE;
  periodId: PeriodId;
  /** In the report's order: by activity area, then as the plan lists the projects. */
  rows: SlipAppendixRow[];
}

/** More names than this make the email line a list nobody reads; the appendix has them all. */
export const SUMMARY_NAMED_PROJECTS = 5;

interface Placed {
  name: string;
  areaName: string;
  /** Area order, then the project's place in the plan. */
  order: [number, number];
}

function placeOf(plan: ActionPlan, projectId: string): Placed {
  const index = plan.projects.findIndex((project) => project.id === projectId);
  const project = plan.projects[index];
  // A finding for a project the plan no longer has (history of an imported report) is listed
  // last under its id rather than dropped.
  if (!project) return { name: projectId, areaName: OUTSIDE_PLAN_NAME, order: [Number.MAX_SAFE_INTEGER, 0] };
  if (project.placement.kind === 'outside-plan') {
    return { name: project.name, areaName: OUTSIDE_PLAN_NAME, order: [plan.activityAreas.length + 1, index] };
  }
  const { activityId } = project.placement;
  const area = plan.activityAreas.find((candidate) => candidate.activities.some((a) => a.id === activityId));
  return { name: project.name, areaName: area?.name ?? OUTSIDE_PLAN_NAME, order: [area?.order ?? 0, index] };
}

export function buildSlipAppendix(plan: ActionPlan, periodId: PeriodId, findings: readonly SlipFinding[]): SlipAppendix {
  const rows = findings
    .filter((finding) => finding.periodId === periodId)
    .map((finding) => ({ finding, place: placeOf(plan, finding.projectId) }))
    .sort((a, b) => a.place.order[0] - b.place.order[0] || a.place.order[1] - b.place.order[1])
    .map(({ finding, place }) => ({
      projectId: finding.projectId,
      projectName: place.name,
      activityAreaName: place.areaName,
      reasons: finding.reasons,
    }));
  return { title: SLIP_APPENDIX_TITLE, periodId, rows };
}

/** "a další 3" / "a dalších 5" (projects left out of the line). */
function andOthers(count: number): string {
  return count >= 2 && count <= 4 ? `a další ${count}` : `a dalších ${count}`;
}

/**
 * The steering-group email's line, e.g. "3 projekty se skluzem: Modul pro sdílení služebních vozů
 * (opakovaný plán), … (podrobnosti v příloze Projekty se skluzem)."
 */
export function slipSummaryLine(appendix: SlipAppendix): string {
  const { rows } = appendix;
  if (rows.length === 0) return 'Žádný projekt se skluzem.';
  const named = rows.slice(0, SUMMARY_NAMED_PROJECTS).map((row) => {
    const labels = [...new Set(row.reasons.map((reason) => slipReasonLabels[reason.code]))];
    return `${row.projectName} (${labels.join(', ')})`;
  });
  const rest = rows.length - named.length;
  const list = rest > 0 ? `${named.join(', ')} ${andOthers(rest)}` : named.join(', ');
  return `${countOf(rows.length, PROJECT_FORMS)} se skluzem: ${list} (podrobnosti v příloze ${SLIP_APPENDIX_TITLE}).`;
}
