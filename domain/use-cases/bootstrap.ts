import { ConflictError, ValidationError } from '../errors';
import { NotAMonitoringReportError, parseMonitoringReport } from '../importer/parse-monitoring-report';
import { SYSTEM_AUTHOR, diffPlans } from '../plan-history';
import { parseActionPlan } from '../plan-schema';
import type { Dependencies } from '../ports';
import { loadHistory } from './load-history';

/** What a new deployment starts with: the default plan and the past reports that pre-fill the first cycle. */
export interface BootstrapSource {
  /** The plan file's content (checked here, like any imported plan). */
  plan: unknown;
  /** Past monitoring reports, Markdown or text, e.g. `data/history/monitoring-2025-H2.md`. */
  history: Array<{ name: string; text: string }>;
}

export interface BootstrapResult {
  planId: string;
  /** true when this run stored the default plan; false when a plan was there (ARR's, or an earlier run's). */
  planSeeded: boolean;
  planRevision: number;
  history: Array<{ name: string; cycleId: string; imported: number; unmatched: string[]; alreadyLoaded: boolean }>;
  /** Reports that could not be loaded, with the reason, e.g. a period the system ran itself. */
  skipped: Array<{ name: string; reason: string }>;
}

export const SEED_REASON = 'Výchozí plán nahrán při nasazení.';

/**
 * Brings an empty deployment to the point where ARR can open the first cycle: the default plan
 * as revision 1 and the past reports as history. Run by the deploy (a CloudFormation custom
 * resource on AWS) and by the local runtime on every start, so it must be harmless to repeat:
 * - a stored plan is never overwritten, whoever stored it: the seed only fills an empty table;
 * - a history period already loaded is skipped project by project, so an interrupted run
 *   completes on the next one; a period the system ran itself is never touched.
 */
export async function bootstrapDeployment(
  deps: Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions'>,
  source: BootstrapSource,
): Promise<BootstrapResult> {
  const seed = parseActionPlan(source.plan);
  let stored = await deps.plans.getStoredPlan(seed.id);
  let planSeeded = false;
  if (stored === null) {
    const claimed = await deps.plans.appendRevision({
      planId: seed.id,
      revision: 1,
      author: SYSTEM_AUTHOR,
      at: deps.clock.now().toISOString(),
      reason: SEED_REASON,
      changes: diffPlans(null, seed),
      plan: seed,
    });
    // Another run claimed revision 1 first: make its plan current (a no-op when it finished).
    const first = claimed ? seed : ((await deps.plans.getRevision(seed.id, 1))?.plan ?? seed);
    if ((await deps.plans.currentRevision(seed.id)) < 1) await deps.plans.savePlan(first, 1);
    planSeeded = claimed;
    stored = { plan: first, revision: 1 };
  }

  const result: BootstrapResult = { planId: seed.id, planSeeded, planRevision: stored.revision, history: [], skipped: [] };
  for (const file of source.history) {
    try {
      const loaded = await loadHistory(deps, stored.plan, parseMonitoringReport(file.text));
      result.history.push({ name: file.name, ...loaded });
    } catch (error) {
      if (error instanceof NotAMonitoringReportError || error instanceof ConflictError || error instanceof ValidationError) {
        result.skipped.push({ name: file.name, reason: error.message });
        continue;
      }
      throw error;
    }
  }
  return result;
}
