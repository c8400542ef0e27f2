import { createEvent, cycleClosedV1, reportRequestedV1 } from '../../events';
import { nextCycleState } from '../cycle';
import { ConflictError, NotFoundError } from '../errors';
import type { Dependencies } from '../ports';
import type { CycleRecord } from '../records';
import { addDays, pragueDate } from '../time';

type CloseDeps = Pick<Dependencies, 'clock' | 'cycles' | 'events'>;

/**
 * Closes a cycle: submissions are frozen and the report is requested. Closing a cycle twice is
 * an illegal transition (409); the state check and the write are one conditional update.
 */
export async function closeCycle(
  deps: CloseDeps,
  input: { cycleId: string; reason: 'manual' | 'deadline'; correlationId: string },
): Promise<CycleRecord> {
  const cycle = await deps.cycles.getCycle(input.cycleId);
  if (!cycle) throw new NotFoundError(`Cyklus ${input.cycleId} neexistuje.`);
  const to = nextCycleState(cycle.state, 'close');
  const now = deps.clock.now();
  const closedAt = now.toISOString();
  if (!(await deps.cycles.transitionCycle(cycle.id, cycle.state, to, { closedAt, closeReason: input.reason }))) {
    throw new ConflictError(`Cyklus ${cycle.id} mezitím změnil stav; načtěte jej znovu.`);
  }
  await deps.events.publish([
    createEvent(cycleClosedV1, { cycleId: cycle.id, closedAt, reason: input.reason }, { correlationId: input.correlationId, now }),
    createEvent(reportRequestedV1, { cycleId: cycle.id, reason: 'closed' }, { correlationId: input.correlationId, now }),
  ]);
  return { ...cycle, state: to, closedAt, closeReason: input.reason };
}

/** Closes every open cycle whose deadline plus the grace period has passed (Prague days). */
export async function closeOverdueCycles(
  deps: CloseDeps & Pick<Dependencies, 'config'>,
  correlationId: string,
): Promise<string[]> {
  const today = pragueDate(deps.clock.now());
  const closed: string[] = [];
  for (const cycle of await deps.cycles.listCycles()) {
    if (cycle.state !== 'open') continue;
    const lastDay = addDays(pragueDate(new Date(cycle.deadline)), deps.config.autoCloseGraceDays);
    if (today <= lastDay) continue;
    try {
      await closeCycle(deps, { cycleId: cycle.id, reason: 'deadline', correlationId });
      closed.push(cycle.id);
    } catch (error) {
      // ARR closed it by hand at the same moment: nothing left to do.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return closed;
}
