import * as z from 'zod/mini';
import { cycleStateLabels, deadlineSchema } from '../cycle';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parsePeriodId } from '../period';
import type { Dependencies } from '../ports';
import type { CycleRecord } from '../records';
import { isoDateSchema, pragueDate, zodErrorDetails } from '../time';

/** Built on first use, like the cycle's other schemas (see deadlineSchema). */
function buildRescheduleSchema() {
  return z.object(
    { deadline: z.optional(deadlineSchema()), meetingDate: z.optional(isoDateSchema()) },
    { error: 'Zadejte nový termín odevzdání nebo nové datum jednání.' },
  );
}

let rescheduleSchema: ReturnType<typeof buildRescheduleSchema> | undefined;

export const NOTHING_TO_MOVE_MESSAGE = 'Zadejte nový termín odevzdání nebo nové datum jednání.';

/**
 * ARR moves the deadline or the steering group's meeting. Reminders follow by themselves: the
 * sweep plans every stage from the cycle's current deadline, and a moved deadline starts a new
 * schedule round, so the ladder (14, 7, 1 days before…) runs again against the new date. The
 * automatic close and the steering group's notice are computed from the stored dates too.
 *
 * The deadline moves only while the cycle is open; the meeting until the report has gone out.
 */
export async function rescheduleCycle(
  deps: Pick<Dependencies, 'clock' | 'cycles'>,
  input: { cycleId: string; body: unknown },
): Promise<CycleRecord> {
  const cycle = await deps.cycles.getCycle(input.cycleId);
  if (!cycle) throw new NotFoundError(`Cyklus ${input.cycleId} neexistuje.`);
  // A half-year taken from a report has no collection and no meeting of this system to move.
  if (cycle.source === 'import') throw new ConflictError(`Cyklus ${cycle.id} je převzatý z monitorovací zprávy; jeho termíny nelze měnit.`);
  rescheduleSchema ??= buildRescheduleSchema();
  const parsed = rescheduleSchema.safeParse(input.body);
  if (!parsed.success) throw new ValidationError('Termíny obsahují chyby.', zodErrorDetails(parsed.error));
  const now = deps.clock.now();
  const newDeadline = parsed.data.deadline?.toISOString();
  const deadlineMoves = newDeadline !== undefined && newDeadline !== cycle.deadline;
  const meetingMoves = parsed.data.meetingDate !== undefined && parsed.data.meetingDate !== cycle.meetingDate;
  if (!deadlineMoves && !meetingMoves) throw new ValidationError(NOTHING_TO_MOVE_MESSAGE, { deadline: NOTHING_TO_MOVE_MESSAGE });

  const errors: Record<string, string> = {};
  if (cycle.state === 'steering-group-notified' || cycle.state === 'draft') {
    throw new ConflictError(`Termíny cyklu ve stavu „${cycleStateLabels[cycle.state]}“ už nelze měnit.`);
  }
  const deadline = new Date(newDeadline ?? cycle.deadline);
  if (deadlineMoves) {
    if (cycle.state !== 'open') errors.deadline = 'Termín odevzdání lze posunout jen v otevřeném cyklu.';
    else if (deadline.getTime() <= now.getTime()) errors.deadline = 'Nový termín odevzdání už uplynul. Zvolte datum v budoucnosti.';
    else if (pragueDate(deadline) <= parsePeriodId(cycle.id).firstDay) errors.deadline = 'Termín odevzdání musí být později než první den období.';
  }
  const meetingDate = parsed.data.meetingDate ?? cycle.meetingDate;
  if (meetingDate <= pragueDate(deadline)) errors.meetingDate = 'Jednání řídící skupiny musí být později než termín odevzdání.';
  if (Object.keys(errors).length > 0) throw new ValidationError('Termíny obsahují chyby.', errors);

  const changes: Partial<CycleRecord> = {
    deadline: deadline.toISOString(),
    meetingDate,
    rescheduledAt: now.toISOString(),
    ...(deadlineMoves ? { scheduleRound: (cycle.scheduleRound ?? 0) + 1 } : {}),
  };
  if (!(await deps.cycles.transitionCycle(cycle.id, cycle.state, cycle.state, changes))) {
    throw new ConflictError('Cyklus mezitím změnil stav. Načtěte stránku znovu a zkuste to prosím ještě jednou.');
  }
  return { ...cycle, ...changes };
}
