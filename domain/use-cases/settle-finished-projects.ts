import { ConflictError } from '../errors';
import { parsePeriodId } from '../period';
import { SYSTEM_AUTHOR } from '../plan-history';
import type { CycleRecord } from '../records';
import { commitPlan, type PlanDeps } from './manage-plan';

export type SettleDeps = PlanDeps;

const ATTEMPTS = 3;

/**
 * After a cycle closes, the projects whose final report says "dokončeno" or "zrušeno" leave the
 * plan's active projects, so the next cycle does not ask for them again. It is a plan revision
 * by the system, readable in the plan's history. It runs once per cycle (`projectsSettledAt`):
 * a project ARR reactivates afterwards stays active. Safe to repeat after a crash: a project
 * already retired is no change.
 */
export async function settleFinishedProjects(deps: SettleDeps, cycle: CycleRecord, correlationId: string): Promise<string[]> {
  if (cycle.source !== 'system' || cycle.projectsSettledAt || cycle.state === 'open' || cycle.state === 'draft') return [];
  const finished = new Map(
    (await deps.submissions.latestVersions(cycle.id)).flatMap((version) =>
      version.status === 'completed' || version.status === 'cancelled' ? [[version.projectId, version.status] as const] : [],
    ),
  );
  let retired: string[] = [];
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await commitPlan(deps, {
        actor: SYSTEM_AUTHOR,
        correlationId,
        reason: `Projekty hlášené za ${parsePeriodId(cycle.id).label} jako dokončené nebo zrušené se dalších cyklů neúčastní.`,
        change: (plan) => {
          retired = [];
          for (const project of plan.projects) {
            const status = finished.get(project.id);
            if (status && project.lifecycle === 'active') {
              project.lifecycle = status;
              retired.push(project.id);
            }
          }
          return plan;
        },
      });
      if (result.changes.length === 0) retired = [];
      break;
    } catch (error) {
      // ARR saved a change at the same moment: read the plan again and retry.
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
  await deps.cycles.claimOnce(cycle.id, 'projectsSettledAt', deps.clock.now().toISOString());
  return retired;
}
