import { createEvent, indicatorsRecomputedV1, reportRequestedV1, type AnyEvent } from '../../events';
import { pendingProjectIds } from '../editorial';
import { ConflictError } from '../errors';
import { applySubmission, baselineValues, type PreviousIndicatorValues } from '../indicators';
import { previousPeriod, parsePeriodId } from '../period';
import type { Dependencies } from '../ports';
import type { IndicatorState } from '../records';

/** Optimistic-concurrency retries before the message goes back to the queue. */
const MAX_ATTEMPTS = 8;

/**
 * The full check behind the counter, made only when the counter says the cycle is complete: the
 * counter counts first answers, so a project returned for revision is caught only here.
 */
async function everyRequestAnswered(deps: Pick<Dependencies, 'cycles' | 'editorial'>, cycleId: string): Promise<boolean> {
  const [requests, returns] = await Promise.all([deps.cycles.listRequests(cycleId), deps.editorial.listReturns(cycleId)]);
  return pendingProjectIds(requests, returns).size === 0;
}

/** The previous cycle's values, or the plan's baseline before the first cycle. */
export async function previousIndicatorValues(
  deps: Pick<Dependencies, 'indicators'>,
  cycleId: string,
  definitions: Parameters<typeof baselineValues>[0],
): Promise<PreviousIndicatorValues> {
  const previous = await deps.indicators.getIndicatorState(previousPeriod(parsePeriodId(cycleId)).id);
  if (!previous) return baselineValues(definitions);
  return Object.fromEntries(
    previous.values.map((value) => [value.code, { periodValue: value.periodValue, cumulativeValue: value.cumulativeValue }]),
  );
}

/**
 * Folds one project's newest stored version into the cycle's indicators (incrementally; the
 * domain guarantees the same result as a full recomputation), marks the request submitted, and
 * requests the report when every request of an open cycle has an answer.
 *
 * Idempotent: a redelivered or out-of-order event changes nothing, because the state records
 * which version of each project it includes and the newest stored version is always the one
 * applied.
 */
export async function recomputeIndicators(
  deps: Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions' | 'indicators' | 'editorial' | 'events'>,
  input: { cycleId: string; projectId: string; correlationId: string },
): Promise<{ applied: boolean }> {
  const cycle = await deps.cycles.getCycle(input.cycleId);
  const latest = await deps.submissions.latestVersion(input.cycleId, input.projectId);
  if (!cycle || !latest) return { applied: false };
  const plan = await deps.plans.getPlan(cycle.planId);
  const previous = await previousIndicatorValues(deps, cycle.id, plan.indicators);
  const now = deps.clock.now();

  let applied = false;
  let includedProjects = 0;
  for (let attempt = 1; ; attempt += 1) {
    const current = await deps.indicators.getIndicatorState(cycle.id);
    if (current && (current.appliedVersions[latest.projectId] ?? 0) >= latest.version) {
      includedProjects = Object.keys(current.appliedVersions).length;
      break;
    }
    const next: IndicatorState = {
      cycleId: cycle.id,
      values: applySubmission(current?.values ?? [], plan.indicators, previous, {
        projectId: latest.projectId,
        version: latest.version,
        contributions: latest.indicatorContributions,
      }),
      appliedVersions: { ...current?.appliedVersions, [latest.projectId]: latest.version },
      revision: (current?.revision ?? 0) + 1,
      updatedAt: now.toISOString(),
    };
    if (await deps.indicators.saveIndicatorState(next, current ? current.revision : null)) {
      applied = true;
      includedProjects = Object.keys(next.appliedVersions).length;
      break;
    }
    if (attempt >= MAX_ATTEMPTS) {
      throw new ConflictError(`Indikátory cyklu ${cycle.id} se nepodařilo uložit kvůli souběžným změnám.`);
    }
  }

  // The first submission time comes from version 1; only a later version needs the history read.
  const firstVersion =
    latest.version === 1 ? latest : ((await deps.submissions.listVersions(cycle.id, latest.projectId))[0] ?? latest);
  const first = await deps.cycles.markRequestSubmitted(cycle.id, latest.projectId, latest.version, firstVersion.submittedAt);
  if (first) await deps.cycles.incrementSubmittedCount(cycle.id);
  const counted = (first ? await deps.cycles.getCycle(cycle.id) : cycle) ?? cycle;
  const requests = counted.requestCount ?? 0;
  const submitted = Math.min(counted.submittedCount ?? 0, requests);
  const events: AnyEvent[] = [];
  if (applied) {
    events.push(
      createEvent(
        indicatorsRecomputedV1,
        { cycleId: cycle.id, appliedVersions: includedProjects, submitted, requests },
        { correlationId: input.correlationId, now },
      ),
    );
  }
  // A complete open cycle gets its report assembled at once, so ARR can read it before the
  // deadline; closing the cycle assembles it again with whatever was edited meanwhile.
  if (cycle.state === 'open' && applied && requests > 0 && submitted >= requests && (await everyRequestAnswered(deps, cycle.id))) {
    events.push(createEvent(reportRequestedV1, { cycleId: cycle.id, reason: 'complete' }, { correlationId: input.correlationId, now }));
  }
  if (events.length > 0) await deps.events.publish(events);
  return { applied };
}
