/** The half-year monitoring cycle: its life-cycle and the ARR's request that opens it. */
import * as z from 'zod/mini';
import { IllegalTransitionError, ValidationError } from './errors';
import { parsePeriodId, periodIdSchema, type PeriodId } from './period';
import { defaultReminderLadder, refineLadder, reminderLadderShape, type ReminderLadder } from './reminders';
import { addDays, isoDateSchema, pragueDate, pragueInstant, zodErrorDetails, type IsoDate } from './time';

export type CycleState = 'draft' | 'open' | 'closed' | 'report-ready' | 'steering-group-notified';
export type CycleAction = 'open' | 'close' | 'mark-report-ready' | 'mark-steering-group-notified';

export const cycleStateLabels: Record<CycleState, string> = {
  draft: 'rozpracovaný',
  open: 'otevřený',
  closed: 'uzavřený',
  'report-ready': 'zpráva připravena',
  'steering-group-notified': 'řídící skupina informována',
};

const transitions: Record<CycleAction, { from: CycleState; to: CycleState; verb: string }> = {
  open: { from: 'draft', to: 'open', verb: 'otevřít' },
  close: { from: 'open', to: 'closed', verb: 'uzavřít' },
  'mark-report-ready': {
    from: 'closed',
    to: 'report-ready',
    verb: `označit jako „${cycleStateLabels['report-ready']}“`,
  },
  'mark-steering-group-notified': {
    from: 'report-ready',
    to: 'steering-group-notified',
    verb: `označit jako „${cycleStateLabels['steering-group-notified']}“`,
  },
};

/**
 * The cycle only moves forward, one step at a time. The error carries the Czech state label, so
 * its message reads `Cyklus ve stavu „otevřený“ nelze otevřít.`
 */
export function nextCycleState(state: CycleState, action: CycleAction): CycleState {
  const transition = transitions[action];
  if (transition.from !== state) throw new IllegalTransitionError(cycleStateLabels[state], transition.verb);
  return transition.to;
}

export function acceptsSubmissions(state: CycleState): boolean {
  return state === 'open';
}

/**
 * ARR's edits of what contact persons sent (returns for revision, texts for the report) belong
 * to the open cycle: once it closes, the report is assembled from what was stored by then.
 * @throws IllegalTransitionError (409) naming the cycle's state, e.g. „Cyklus ve stavu „uzavřený“ nelze upravovat: …“.
 */
export function requireEditableCycle(state: CycleState): void {
  if (state !== 'open') {
    throw new IllegalTransitionError(
      cycleStateLabels[state],
      'upravovat: vracet projekty k doplnění a upravovat jejich texty do zprávy lze jen v otevřeném cyklu',
    );
  }
}

export interface OpenCycleRequest {
  period: PeriodId;
  deadline: Date;
  meetingDate: IsoDate;
  reminderLadder: ReminderLadder;
}

const DEADLINE_MESSAGE =
  'Zadejte termín odevzdání jako datum RRRR-MM-DD nebo jako datum a čas s časovou zónou, např. 2026-07-15T12:00:00+02:00.';

/** A bare date means the whole Prague day: the deadline is its last second, 23:59:59. */
function buildDeadlineSchema() {
  return z.union(
    [
      z.pipe(isoDateSchema(), z.transform((date: string) => new Date(pragueInstant(addDays(date, 1)).getTime() - 1000))),
      z.pipe(z.iso.datetime({ offset: true }), z.transform((value: string) => new Date(value))),
    ],
    { error: DEADLINE_MESSAGE },
  );
}

let deadline: ReturnType<typeof buildDeadlineSchema> | undefined;

/**
 * The deadline of an open or a rescheduled cycle. Built on first use, not when the module loads:
 * most functions import this module only for the state machine, and a cold start should not pay
 * for building schemas.
 */
export function deadlineSchema(): ReturnType<typeof buildDeadlineSchema> {
  deadline ??= buildDeadlineSchema();
  return deadline;
}

function buildOpenCycleRequestSchema() {

  return z.pipe(
    z.object(
      {
        period: periodIdSchema(),
        deadline: deadlineSchema(),
        meetingDate: isoDateSchema(),
        reminderLadder: z.optional(z.partial(reminderLadderShape())),
      },
      { error: 'Žádost o otevření cyklu musí být objekt s poli period, deadline a meetingDate.' },
    ),
    z.transform(
      (body: { period: string; deadline: Date; meetingDate: string; reminderLadder?: Partial<ReminderLadder> | undefined }): OpenCycleRequest => ({
        period: body.period,
        deadline: body.deadline,
        meetingDate: body.meetingDate,
        reminderLadder: { ...defaultReminderLadder, ...body.reminderLadder },
      }),
    ),
  ).check(
    z.superRefine((request: OpenCycleRequest, ctx) => {
      refineLadder(request.reminderLadder, ctx, ['reminderLadder']);
      const period = parsePeriodId(request.period);
      const deadlineDay = pragueDate(request.deadline);
      if (deadlineDay <= period.firstDay) {
        ctx.addIssue({
          code: 'custom',
          path: ['deadline'],
          message: `Termín odevzdání musí být později než první den období (${period.label}).`,
        });
      }
      if (request.meetingDate <= deadlineDay) {
        ctx.addIssue({
          code: 'custom',
          path: ['meetingDate'],
          message: 'Jednání řídící skupiny musí být později než termín odevzdání.',
        });
      }
    }),
  );
}

let openCycleRequestSchema: ReturnType<typeof buildOpenCycleRequestSchema> | undefined;

export function parseOpenCycleRequest(body: unknown): OpenCycleRequest {
  openCycleRequestSchema ??= buildOpenCycleRequestSchema();
  const result = openCycleRequestSchema.safeParse(body);
  if (!result.success) {
    throw new ValidationError('Žádost o otevření cyklu obsahuje chyby.', zodErrorDetails(result.error));
  }
  return result.data;
}
