/**
 * The reminder ladder: which reminder each contact person with unreported projects is due now.
 * Runs on a schedule; only the latest due stage is sent, so a missed run never causes a burst.
 */
import { builtOnFirstUse } from './lazy';
import * as z from 'zod/mini';
import { addDays, isWorkingDay, pragueDate, pragueParts, type IsoDate } from './time';

export interface ReminderLadder {
  /** Days before the deadline's day on which a reminder goes out, e.g. `[14, 7, 1]`. */
  daysBeforeDeadline: number[];
  /** Days after the deadline's day on which the "overdue" reminder goes out. */
  overdueAfterDays: number;
  /** Days after the deadline's day on which the contact is escalated (guarantor in copy). */
  escalateAfterDays: number;
}

export const defaultReminderLadder: ReminderLadder = {
  daysBeforeDeadline: [14, 7, 1],
  overdueAfterDays: 1,
  escalateAfterDays: 7,
};

export const MAX_LADDER_DAYS = 60;
const MAX_LADDER_STEPS = 10;

const DAYS_MESSAGE = `Zadejte počet dní jako celé číslo od 1 do ${MAX_LADDER_DAYS}.`;

const ladderDays = builtOnFirstUse(() =>
  z
    .number({ error: DAYS_MESSAGE })
    .check(z.int({ error: DAYS_MESSAGE }), z.gte(1, { error: DAYS_MESSAGE }), z.lte(MAX_LADDER_DAYS, { error: DAYS_MESSAGE })),
);

/** The ladder's fields without the cross-field rule, so a partial ladder can be validated too. */
export const reminderLadderShape = builtOnFirstUse(() =>
  z.object({
    daysBeforeDeadline: z.pipe(
      z
        .array(ladderDays(), { error: 'Zadejte seznam dní před termínem, např. [14, 7, 1].' })
        .check(z.maxLength(MAX_LADDER_STEPS, { error: `Připomínek před termínem může být nejvýše ${MAX_LADDER_STEPS}.` })),
      // Descending and without duplicates: the order the stages go out in.
      z.transform((days: number[]) => [...new Set(days)].sort((a, b) => b - a)),
    ),
    overdueAfterDays: ladderDays(),
    escalateAfterDays: ladderDays(),
  }),
);

export const ESCALATION_ORDER_MESSAGE = 'Eskalace musí přijít později než upozornění na zpoždění.';

export function refineLadder(ladder: ReminderLadder, ctx: z.core.$RefinementCtx, path: PropertyKey[] = []): void {
  if (ladder.escalateAfterDays <= ladder.overdueAfterDays) {
    ctx.addIssue({ code: 'custom', path: [...path, 'escalateAfterDays'], message: ESCALATION_ORDER_MESSAGE });
  }
}

export const reminderLadderSchema = builtOnFirstUse(() => reminderLadderShape().check(z.superRefine((ladder, ctx) => refineLadder(ladder, ctx))));

/** `before-14d`, `before-7d`, `before-1d`, `overdue`, `escalation`. */
export type ReminderStage = string;

export interface ReminderCandidate {
  contactPersonId: string;
  pendingProjectIds: string[];
  /** Of those, the ones the stages after the deadline chase (see overdueProjectIds). */
  overdueProjectIds: string[];
}

export interface DueReminder {
  stage: ReminderStage;
  contactPersonId: string;
  projectIds: string[];
}

export interface ScheduledStage {
  stage: ReminderStage;
  day: IsoDate;
  /** The overdue notice and the escalation: they chase only the overdue projects (overdueProjectIds). */
  afterDeadline: boolean;
}

export const WORKING_HOURS = { from: 8, toExclusive: 18 } as const;

function previousWorkingDay(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

function nextWorkingDay(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The stages of the ladder in the order they go out, each with its day. A reminder before the
 * deadline moves earlier off a weekend or holiday (it must still precede the deadline); one after
 * it moves later (the contact must have had a working day to react).
 */
export function reminderSchedule(deadline: Date, ladder: ReminderLadder): ScheduledStage[] {
  const deadlineDay = pragueDate(deadline);
  const before = [...new Set(ladder.daysBeforeDeadline)]
    .sort((a, b) => b - a)
    .map((days) => ({ stage: `before-${days}d`, day: previousWorkingDay(addDays(deadlineDay, -days)), afterDeadline: false }));
  return [
    ...before,
    { stage: 'overdue', day: nextWorkingDay(addDays(deadlineDay, ladder.overdueAfterDays)), afterDeadline: true },
    { stage: 'escalation', day: nextWorkingDay(addDays(deadlineDay, ladder.escalateAfterDays)), afterDeadline: true },
  ];
}

/** The Prague day the overdue notice goes out. */
export function overdueNoticeDay(deadline: Date, ladder: ReminderLadder): IsoDate {
  return reminderSchedule(deadline, ladder).find((scheduled) => scheduled.stage === 'overdue')!.day;
}

/**
 * The awaited projects that the stages after the deadline (the overdue notice and the escalation)
 * chase: those asked for before the overdue notice's day. One asked for on that day or later
 * (added to the open cycle, or returned for revision) was asked for by its own email: a notice
 * that the person is late, or an escalation naming them to the guarantor, the morning after they
 * were asked would be wrong. It stays awaited, and the dashboard shows it.
 */
export function overdueProjectIds(
  awaited: ReadonlyArray<{ projectId: string; askedAt?: string }>,
  deadline: Date,
  ladder: ReminderLadder,
): Set<string> {
  const overdueDay = overdueNoticeDay(deadline, ladder);
  return new Set(
    awaited
      .filter((request) => request.askedAt === undefined || pragueDate(new Date(request.askedAt)) < overdueDay)
      .map((request) => request.projectId),
  );
}

export function dueReminders(input: {
  deadline: Date;
  now: Date;
  ladder: ReminderLadder;
  candidates: ReminderCandidate[];
  alreadySent: ReadonlyArray<{ stage: ReminderStage; contactPersonId: string }>;
}): DueReminder[] {
  const { hour } = pragueParts(input.now);
  const today = pragueDate(input.now);
  if (!isWorkingDay(today) || hour < WORKING_HOURS.from || hour >= WORKING_HOURS.toExclusive) return [];

  const schedule = reminderSchedule(input.deadline, input.ladder);
  let latestIndex = -1;
  schedule.forEach((scheduled, index) => {
    if (scheduled.day <= today) latestIndex = index;
  });
  if (latestIndex < 0) return [];
  const { stage, afterDeadline } = schedule[latestIndex]!;
  const stageAndLater = new Set(schedule.slice(latestIndex).map((scheduled) => scheduled.stage));

  return input.candidates
    .map((candidate) => ({
      stage,
      contactPersonId: candidate.contactPersonId,
      projectIds: [...(afterDeadline ? candidate.overdueProjectIds : candidate.pendingProjectIds)],
    }))
    .filter((due) => due.projectIds.length > 0)
    .filter(
      (due) =>
        !input.alreadySent.some((sent) => sent.contactPersonId === due.contactPersonId && stageAndLater.has(sent.stage)),
    );
}
