/**
 * What a project planned for a half-year: the plan its contact persons sent in an earlier
 * half-year's report. The contact person's form starts from it, and ARR's project page shows it
 * beside what was done.
 */
import type { Dependencies } from '../ports';
import type { SubmissionVersion } from '../submission';

/** The periods before `cycleId` that hold reports (run by the system or imported), newest first. */
export async function earlierPeriodsNewestFirst(deps: Pick<Dependencies, 'cycles'>, cycleId: string): Promise<string[]> {
  return (await deps.cycles.listCycles())
    .filter((cycle) => cycle.id < cycleId && cycle.state !== 'draft')
    .map((cycle) => cycle.id)
    .sort((a, b) => b.localeCompare(a));
}

/**
 * The newest report before this cycle that has a plan for the project: usually the half-year
 * just before, but a project skipped for a period (or a gap in the imported history) still
 * gets the plan it last had.
 */
export async function latestPlanBefore(
  deps: Pick<Dependencies, 'submissions'>,
  earlierCycleIds: string[],
  projectId: string,
): Promise<{ version: SubmissionVersion } | null> {
  for (const cycleId of earlierCycleIds) {
    const version = await deps.submissions.latestVersion(cycleId, projectId);
    if (version && version.nextPeriodPlan.trim() !== '') return { version };
  }
  return null;
}
