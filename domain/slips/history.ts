/**
 * The history slip detection reads: per period, which projects were asked about and what each
 * answered. Built from either source the system has: a report imported from the region's
 * documents (the 2025 history), or a cycle run by the system (requests and submission versions).
 */
import type { ImportedProject, ImportedReport } from '../importer/parse-monitoring-report';
import type { PeriodId } from '../period';
import { OUTSIDE_PLAN_NAME, type ActionPlan, type Project } from '../plan';
import type { CycleRecord, RequestRecord } from '../records';
import { slugify } from '../slug';
import type { ProjectStatus, SubmissionVersion } from '../submission';
import { normalizeForComparison, wholeTextSimilarity } from './similarity';

/** What one project reported for one period (its latest version). */
export interface ProjectPeriodRecord {
  projectId: string;
  /** Aktivity v období: what was done in the period; blank when nothing was written. */
  done: string;
  /** Plán pro další období: the plan for the next period, written in this one. */
  plan: string;
  /** `null` where the source has no status: reports imported from the region's documents. */
  status: ProjectStatus | null;
}

export interface PeriodRecords {
  periodId: PeriodId;
  /** Projects asked about in the period. */
  asked: readonly string[];
  /** The projects that answered, one record each. */
  records: readonly ProjectPeriodRecord[];
}

/**
 * The least name similarity at which a project of an imported report is taken for a catalog
 * project of the same activity area whose name differs (a typo, or a renamed organisation:
 * "Modul sdílení služebních vozů" / "Modul pro sdílení služebních vozů").
 */
export const RENAMED_PROJECT_MIN_SIMILARITY = 0.7;

function areaIdOf(plan: ActionPlan, project: Project): string | null {
  if (project.placement.kind === 'outside-plan') return null;
  const { activityId } = project.placement;
  return plan.activityAreas.find((area) => area.activities.some((activity) => activity.id === activityId))?.id ?? null;
}

function importedAreaId(plan: ActionPlan, entry: ImportedProject): string | null | undefined {
  const name = normalizeForComparison(entry.activityArea);
  if (name === normalizeForComparison(OUTSIDE_PLAN_NAME)) return null;
  return plan.activityAreas.find((area) => normalizeForComparison(area.name) === name)?.id;
}

/**
 * Catalog project ids for the entries of an imported report, in the report's order (`null` for
 * an entry that matches no catalog project). An entry takes, in this order: the project of the
 * same name in its own activity area; the most similarly named one there not yet taken; the
 * project of the same name in another area (a project the plan moved between areas). The 2025
 * reports name one gallery project in two areas, so the area decides before the name alone.
 */
export function matchImportedProjects(plan: ActionPlan, report: ImportedReport): (string | null)[] {
  const candidates = plan.projects.map((project) => ({ project, areaId: areaIdOf(plan, project) }));
  const sameArea = (entry: ImportedProject) => {
    const areaId = importedAreaId(plan, entry);
    return candidates.filter((candidate) => areaId === undefined || candidate.areaId === areaId);
  };
  const taken = new Set<string>();
  const result: (string | null)[] = report.projects.map(() => null);
  const take = (index: number, projectId: string | undefined): void => {
    if (projectId === undefined || result[index] !== null || taken.has(projectId)) return;
    result[index] = projectId;
    taken.add(projectId);
  };
  report.projects.forEach((entry, index) =>
    take(index, sameArea(entry).find((candidate) => candidate.project.id === slugify(entry.name))?.project.id),
  );
  const renamed = report.projects
    .flatMap((entry, index) =>
      sameArea(entry).map((candidate) => ({
        index,
        projectId: candidate.project.id,
        similarity: wholeTextSimilarity(entry.name, candidate.project.name),
      })),
    )
    .filter((pair) => pair.similarity >= RENAMED_PROJECT_MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity);
  for (const pair of renamed) take(pair.index, pair.projectId);
  report.projects.forEach((entry, index) =>
    take(index, candidates.find((candidate) => candidate.project.id === slugify(entry.name))?.project.id),
  );
  return result;
}

/**
 * A period read from an imported report: every listed project counts as asked and answered. An
 * entry that matches no catalog project keeps the slug of its name, so it still has a history.
 */
export function periodFromImportedReport(plan: ActionPlan, report: ImportedReport): PeriodRecords {
  const ids = matchImportedProjects(plan, report);
  const records = report.projects.map((entry, index) => ({
    projectId: ids[index] ?? slugify(entry.name),
    done: entry.thisPeriod,
    plan: entry.nextPeriodPlan,
    status: null,
  }));
  return { periodId: report.period, asked: records.map((record) => record.projectId), records };
}

/**
 * A period the system holds: the cycle's requests are what was asked, the latest version of each
 * project what was answered. A cycle loaded from an imported report has no requests (its versions
 * are what the report listed) and no real status: the import stores a placeholder.
 */
export function periodFromCycle(
  cycle: Pick<CycleRecord, 'id' | 'source'>,
  requests: readonly Pick<RequestRecord, 'projectId'>[],
  latestVersions: readonly Pick<SubmissionVersion, 'projectId' | 'thisPeriod' | 'nextPeriodPlan' | 'status'>[],
): PeriodRecords {
  const imported = cycle.source === 'import';
  const records = latestVersions.map((version) => ({
    projectId: version.projectId,
    done: version.thisPeriod,
    plan: version.nextPeriodPlan,
    status: imported ? null : version.status,
  }));
  const asked = imported ? records.map((record) => record.projectId) : requests.map((request) => request.projectId);
  return { periodId: cycle.id, asked, records };
}
