import { createEvent, indicatorsRecomputedV1, reportRequestedV1, type AnyEvent } from '../../events';
import { pendingProjectIds } from '../editorial';
import { countsLookComplete } from '../completeness';
import { ConflictError } from '../errors';
import { baselineValues, figuresFromTotals, moveContribution, type PreviousIndicatorValues } from '../indicators';
import { previousPeriod, parsePeriodId } from '../period';
import type { IndicatorDefinition } from '../plan';
import type { Dependencies, IndicatorStore } from '../ports';
import type { AppliedContribution, IndicatorTotalsRecord } from '../records';

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

/**
 * Whether this version answers a return: the version right after one ARR returned. Such a
 * version can complete the cycle again, although its project was counted as submitted before.
 */
async function answersReturn(
  deps: Pick<Dependencies, 'editorial'>,
  cycleId: string,
  latest: { projectId: string; version: number },
): Promise<boolean> {
  if (latest.version === 1) return false;
  const returns = await deps.editorial.listProjectReturns(cycleId, latest.projectId);
  return returns.some((returned) => returned.version === latest.version - 1);
}

/**
 * The values this cycle starts from: those of the newest earlier cycle with any, or the plan's
 * baseline before the first. Usually that is the half-year just before; a half-year ARR skipped,
 * or one in which nobody answered, has none, and the values carry over it rather than falling
 * back to the baseline. Cycles taken from reports have no values of their own (the baseline is
 * where they end), so only cycles this system opened are looked at.
 */
export async function previousIndicatorValues(
  deps: Pick<Dependencies, 'indicators' | 'cycles'>,
  cycleId: string,
  definitions: Parameters<typeof baselineValues>[0],
): Promise<PreviousIndicatorValues> {
  const justBefore = previousPeriod(parsePeriodId(cycleId)).id;
  const previous = (await deps.indicators.getTotals(justBefore)) ?? (await newestEarlierTotals(deps, justBefore));
  if (!previous) return baselineValues(definitions);
  return Object.fromEntries(
    previous.values.map((value) => [value.code, { periodValue: value.periodValue, cumulativeValue: value.cumulativeValue }]),
  );
}

/** The totals of the newest cycle this system opened before `before`, or null when none has any. */
async function newestEarlierTotals(deps: Pick<Dependencies, 'indicators' | 'cycles'>, before: string): Promise<IndicatorTotalsRecord | null> {
  const earlier = (await deps.cycles.listCycles())
    .filter((cycle) => cycle.source === 'system' && cycle.id < before)
    // Ids sort as the half-years do (`2026-H1` < `2026-H2` < `2027-H1`).
    .sort((a, b) => b.id.localeCompare(a.id));
  for (const cycle of earlier) {
    const totals = await deps.indicators.getTotals(cycle.id);
    if (totals) return totals;
  }
  return null;
}

function conflict(cycleId: string): ConflictError {
  return new ConflictError(`Indikátory cyklu ${cycleId} se nepodařilo uložit kvůli souběžným změnám.`);
}

export interface FoldContext {
  indicators: IndicatorStore;
  cycleId: string;
  definitions: IndicatorDefinition[];
  previous: PreviousIndicatorValues;
  now: Date;
}

/**
 * Markers of the totals whose contribution is no longer pending: left by a consumer that died
 * between committing and settling. Reading them is cheap: there are only as many as updates in
 * flight or crashed.
 */
async function settledMarkers(context: FoldContext, totals: IndicatorTotalsRecord | null, except: string): Promise<string[]> {
  const marked = Object.entries(totals?.inFlight ?? {}).filter(([projectId]) => projectId !== except);
  const settled = await Promise.all(
    marked.map(async ([projectId, version]) => {
      const item = await context.indicators.getContribution(context.cycleId, projectId);
      return item?.pending?.version === version ? null : projectId;
    }),
  );
  return settled.filter((projectId): projectId is string => projectId !== null);
}

/**
 * Folds a project's pending contribution into the totals, then commits it. Safe to run by any
 * number of consumers at once and to resume after a crash at any point (the argument is in
 * adapters/dynamodb/table-design.md, "Indicators"):
 *
 * 1. the totals are read BEFORE the project's item, and saved only on the revision read;
 * 2. the totals' `inFlight[projectId] = version` says "this pending contribution is included";
 * 3. the project's item is committed, then the marker dropped.
 */
async function completePending(context: FoldContext, projectId: string, version: number): Promise<number> {
  let projects: number;
  for (let attempt = 1; ; attempt += 1) {
    const totals = await context.indicators.getTotals(context.cycleId);
    const item = await context.indicators.getContribution(context.cycleId, projectId);
    projects = totals?.projects ?? 0;
    // Somebody else committed it since: the totals include it and must not get it twice.
    if (item?.pending?.version !== version) return projects;
    if (totals?.inFlight[projectId] === version) break;
    const settled = new Set(await settledMarkers(context, totals, projectId));
    const nextTotals = moveContribution(totals?.totals ?? {}, context.definitions, item.contributions, item.pending.contributions);
    const next: IndicatorTotalsRecord = {
      cycleId: context.cycleId,
      totals: nextTotals,
      values: figuresFromTotals(context.definitions, nextTotals, context.previous),
      projects: (totals?.projects ?? 0) + (item.version === 0 ? 1 : 0),
      inFlight: {
        ...Object.fromEntries(Object.entries(totals?.inFlight ?? {}).filter(([marked]) => !settled.has(marked))),
        [projectId]: version,
      },
      revision: (totals?.revision ?? 0) + 1,
      updatedAt: context.now.toISOString(),
    };
    if (await context.indicators.saveTotals(next, totals ? totals.revision : null)) {
      projects = next.projects;
      break;
    }
    if (attempt >= MAX_ATTEMPTS) throw conflict(context.cycleId);
  }
  await context.indicators.commitContribution(context.cycleId, projectId, version);
  await context.indicators.settleInFlight(context.cycleId, projectId, version);
  return projects;
}

/**
 * Makes the totals include `latest` (the project's newest stored version) unless they include it
 * or a newer one already. Finishes whatever an earlier, crashed attempt left pending first.
 * @returns whether this call changed the totals, and how many projects they include (when it did).
 */
export async function foldContribution(
  context: FoldContext,
  latest: { projectId: string; version: number; contributions: Record<string, number> },
): Promise<{ changed: boolean; projects: number | null }> {
  let projects: number | null = null;
  for (let attempt = 1; ; attempt += 1) {
    const item: AppliedContribution | null = await context.indicators.getContribution(context.cycleId, latest.projectId);
    if (item?.pending) {
      projects = await completePending(context, latest.projectId, item.pending.version);
      continue;
    }
    const appliedVersion = item?.version ?? 0;
    if (appliedVersion >= latest.version) return { changed: projects !== null, projects };
    const pending = { version: latest.version, contributions: latest.contributions };
    if (await context.indicators.beginContribution(context.cycleId, latest.projectId, appliedVersion, pending)) {
      return { changed: true, projects: await completePending(context, latest.projectId, latest.version) };
    }
    if (attempt >= MAX_ATTEMPTS) throw conflict(context.cycleId);
  }
}

/**
 * Folds one project's newest stored version into the cycle's indicator totals (incrementally, at a
 * cost that does not grow with the plan; the result equals a full recomputation), marks the
 * request submitted, and requests the report when every request of an open cycle has an answer.
 *
 * Idempotent: a redelivered or out-of-order event changes nothing, because the project's item
 * records which version the totals include and the newest stored version is always the one
 * folded in.
 */
export async function recomputeIndicators(
  deps: Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions' | 'indicators' | 'editorial' | 'events'>,
  input: { cycleId: string; projectId: string; correlationId: string },
): Promise<{ applied: boolean }> {
  const cycle = await deps.cycles.getCycle(input.cycleId);
  const latest = await deps.submissions.latestVersion(input.cycleId, input.projectId);
  if (!cycle || !latest) return { applied: false };
  const plan = await deps.plans.getPlan(cycle.planId);
  const now = deps.clock.now();
  const context: FoldContext = {
    indicators: deps.indicators,
    cycleId: cycle.id,
    definitions: plan.indicators,
    previous: await previousIndicatorValues(deps, cycle.id, plan.indicators),
    now,
  };
  const folded = await foldContribution(context, {
    projectId: latest.projectId,
    version: latest.version,
    contributions: latest.indicatorContributions,
  });

  // The first submission time comes from version 1; only a later version needs the history read.
  const firstVersion =
    latest.version === 1 ? latest : ((await deps.submissions.listVersions(cycle.id, latest.projectId))[0] ?? latest);
  const first = await deps.cycles.markRequestSubmitted(cycle.id, latest.projectId, latest.version, firstVersion.submittedAt);
  if (first) await deps.cycles.incrementSubmittedCount(cycle.id);
  const counted = (first ? await deps.cycles.getCycle(cycle.id) : cycle) ?? cycle;
  const requests = counted.requestCount ?? 0;
  const submitted = Math.min(counted.submittedCount ?? 0, requests);
  const events: AnyEvent[] = [];
  if (folded.changed) {
    events.push(
      createEvent(
        indicatorsRecomputedV1,
        { cycleId: cycle.id, appliedVersions: folded.projects ?? 0, submitted, requests },
        { correlationId: input.correlationId, now },
      ),
    );
  }
  const complete = cycle.state === 'open' && countsLookComplete(counted);
  const completing = first || (folded.changed && (await answersReturn(deps, cycle.id, latest)));
  if (complete && completing && (await everyRequestAnswered(deps, cycle.id))) {
    // The submission that completed the cycle (a project's first answer, or the answer to a
    // return): its report is assembled at once, so ARR can read it before the deadline.
    events.push(createEvent(reportRequestedV1, { cycleId: cycle.id, reason: 'complete' }, { correlationId: input.correlationId, now }));
  } else if (complete && folded.changed) {
    // An edit of a complete cycle only marks its report stale: it is assembled again when ARR
    // reads it (or when the cycle closes), never once per edit.
    await deps.cycles.markReportStale(cycle.id, now.toISOString());
  }
  if (events.length > 0) await deps.events.publish(events);
  return { applied: folded.changed };
}
