import { createEvent, reportRequestedV1 } from '../../events';
import type { Dependencies } from '../ports';
import type { CycleRecord } from '../records';

/** What became of a cycle's assembled report: it will read the change, or it stays as the steering group got it. */
export type ReportRefresh = 'refreshed' | 'kept-as-sent';

/**
 * Something an assembled report reads has changed (an ARR chapter, the half-year before the
 * cycle). While the cycle is open, the report is marked stale and assembled again when read;
 * after the close it is requested again at once, because the steering group gets the stored one;
 * once the steering group has it, it stays as it was sent.
 *
 * @returns `refreshed` when the report will read the change, `kept-as-sent` when the steering
 * group has it already, null when the cycle has no report yet (its first assembly reads it).
 */
export async function refreshAssembledReport(
  deps: Pick<Dependencies, 'cycles' | 'events'>,
  cycle: CycleRecord,
  correlationId: string,
  now: Date,
): Promise<ReportRefresh | null> {
  if (!cycle.reportAssembledAt) return null;
  if (cycle.state === 'steering-group-notified') return 'kept-as-sent';
  if (cycle.state === 'open') {
    await deps.cycles.markReportStale(cycle.id, now.toISOString());
  } else {
    await deps.events.publish([createEvent(reportRequestedV1, { cycleId: cycle.id, reason: 'closed' }, { correlationId, now })]);
  }
  return 'refreshed';
}
