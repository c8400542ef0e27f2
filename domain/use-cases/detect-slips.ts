import { NotFoundError } from '../errors';
import { parsePeriodId, previousPeriod, type PeriodId } from '../period';
import type { Dependencies } from '../ports';
import type { RequestRecord } from '../records';
import type { SubmissionVersion } from '../submission';
import { detectSlips, type SlipFinding } from '../slips/detect';
import { periodFromCycle, type PeriodRecords } from '../slips/history';

/**
 * Periods read for one period's slips: itself, the one before (every rule) and one more, so a
 * plan repeated over three half-years is reported as such.
 */
export const SLIP_HISTORY_PERIODS = 3;

/**
 * The slipping projects of a cycle, from the cycles the system holds (run by it or loaded from
 * an imported report). Periods the system has no cycle for are simply not part of the history.
 * `current` is the cycle's own requests and newest versions when the caller has read them already.
 * @throws NotFoundError when the cycle itself does not exist.
 */
export async function detectCycleSlips(
  deps: Pick<Dependencies, 'cycles' | 'submissions'>,
  cycleId: PeriodId,
  current?: { requests: RequestRecord[]; versions: SubmissionVersion[] },
): Promise<SlipFinding[]> {
  const ids: PeriodId[] = [];
  for (let period = parsePeriodId(cycleId); ids.length < SLIP_HISTORY_PERIODS; period = previousPeriod(period)) {
    ids.push(period.id);
  }
  const history: PeriodRecords[] = [];
  for (const id of ids) {
    const cycle = await deps.cycles.getCycle(id);
    if (!cycle && id === cycleId) throw new NotFoundError(`Cyklus ${cycleId} neexistuje.`);
    if (!cycle) continue;
    const [requests, versions] =
      id === cycleId && current
        ? [current.requests, current.versions]
        : await Promise.all([deps.cycles.listRequests(id), deps.submissions.latestVersions(id)]);
    history.push(periodFromCycle(cycle, requests, versions));
  }
  return detectSlips(history, { periodId: cycleId });
}
