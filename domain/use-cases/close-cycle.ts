import { createEvent, cycleClosedV1, reportRequestedV1 } from '../../events';
import { nextCycleState } from '../cycle';
import { ConflictError, NotFoundError } from '../errors';
import type { Dependencies } from '../ports';
import { settleFinishedProjects, type SettleDeps } from './settle-finished-projects';
import type { CycleRecord } from '../records';
import { reminderSchedule } from '../reminders';
import { addDays, pragueDate } from '../time';

type CloseDeps = SettleDeps;

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
  const closed: CycleRecord = { ...cycle, state: to, closedAt, closeReason: input.reason };
  // The cycle is closed whatever happens here; a failure is made up by the next openCycle.
  await settleFinishedProjects(deps, closed, input.correlationId).catch(() => undefined);
  return closed;
}

/**
 * The last Prague day an open cycle stays open by itself: the deadline plus the grace period,
 * but never before its escalation day, so the guarantors are told about late projects while
 * they can still do something about them.
 */
export function lastOpenDay(cycle: CycleRecord, graceDays: number): string {
  const graceEnd = addDays(pragueDate(new Date(cycle.deadline)), graceDays);
  const escalation = reminderSchedule(new Date(cycle.deadline), cycle.reminderLadder).find(
    (stage) => stage.stage === 'escalation',
  )?.day;
  return escalation !== undefined && escalation > graceEnd ? escalation : graceEnd;
}

/** Closes every open cycle past its last open day (Prague days). */
export async function closeOverdueCycles(
  deps: CloseDeps & Pick<Dependencies, 'config'>,
  correlationId: string,
): Promise<string[]> {
  const today = pragueDate(deps.clock.now());
  const closed: string[] = [];
  for (const cycle of await deps.cycles.listCycles()) {
    if (cycle.state !== 'open') continue;
    if (today <= lastOpenDay(cycle, deps.config.autoCloseGraceDays)) continue;
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
