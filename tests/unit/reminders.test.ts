import { describe, expect, it } from 'vitest';
import {
  defaultReminderLadder,
  dueReminders,
  overdueProjectIds,
  reminderLadderSchema,
  reminderSchedule,
  type ReminderCandidate,
  type ReminderLadder,
} from '../../domain/reminders';
import { pragueInstant } from '../../domain/time';

/** Wednesday 15 July 2026, end of the Prague day. */
const wednesdayDeadline = pragueInstant('2026-07-15', 23, 59, 59);
const candidates: ReminderCandidate[] = [
  { contactPersonId: 'simonova', pendingProjectIds: ['p1', 'p2'], overdueProjectIds: ['p1', 'p2'] },
  { contactPersonId: 'fena', pendingProjectIds: ['p3'], overdueProjectIds: ['p3'] },
];

function remindersAt(
  day: string,
  options: {
    hour?: number;
    minute?: number;
    deadline?: Date;
    ladder?: ReminderLadder;
    candidates?: ReminderCandidate[];
    alreadySent?: Array<{ stage: string; contactPersonId: string }>;
  } = {},
) {
  return dueReminders({
    deadline: options.deadline ?? wednesdayDeadline,
    now: pragueInstant(day, options.hour ?? 10, options.minute ?? 0),
    ladder: options.ladder ?? defaultReminderLadder,
    candidates: options.candidates ?? candidates,
    alreadySent: options.alreadySent ?? [],
  });
}

const stagesOf = (reminders: Array<{ stage: string }>) => [...new Set(reminders.map((r) => r.stage))];

describe('dueReminders: the default ladder', () => {
  it('has 14, 7 and 1 days before, overdue after 1 day, escalation after 7', () => {
    // Prepare
    const expected = { daysBeforeDeadline: [14, 7, 1], overdueAfterDays: 1, escalateAfterDays: 7 };

    // Act
    const ladder = defaultReminderLadder;

    // Assess
    expect(ladder).toEqual(expected);
  });

  it('sends nothing before the first stage', () => {
    // Prepare
    const dayBefore = '2026-06-30';

    // Act
    const reminders = remindersAt(dayBefore);

    // Assess
    expect(reminders).toEqual([]);
  });

  it.each([
    ['2026-07-01', 'before-14d'],
    ['2026-07-08', 'before-7d'],
    ['2026-07-14', 'before-1d'],
    ['2026-07-16', 'overdue'],
    ['2026-07-22', 'escalation'],
  ])('on %s the %s reminder is due to every contact with pending projects', (day, stage) => {
    // Prepare
    const expected = [
      { stage, contactPersonId: 'simonova', projectIds: ['p1', 'p2'] },
      { stage, contactPersonId: 'fena', projectIds: ['p3'] },
    ];

    // Act
    const reminders = remindersAt(day);

    // Assess
    expect(reminders).toEqual(expected);
  });

  it('uses the Prague date of the deadline', () => {
    // Prepare
    const deadline = new Date('2026-07-15T22:30:00Z'); // 16 July, 00:30 in Prague

    // Act
    const onFifteenth = remindersAt('2026-07-15', { deadline });
    const onSixteenth = remindersAt('2026-07-16', { deadline });
    const onSeventeenth = remindersAt('2026-07-17', { deadline });

    // Assess
    expect(stagesOf(onFifteenth)).toEqual(['before-1d']);
    expect(stagesOf(onSixteenth)).toEqual(['before-1d']);
    expect(stagesOf(onSeventeenth)).toEqual(['overdue']);
  });
});

describe('dueReminders: working days and hours', () => {
  it.each([
    [7, 59, 0],
    [8, 0, 2],
    [17, 59, 2],
    [18, 0, 0],
  ])('at %i:%i Prague time it returns %i reminders', (hour, minute, count) => {
    // Prepare
    const day = '2026-07-14';

    // Act
    const reminders = remindersAt(day, { hour, minute });

    // Assess
    expect(reminders).toHaveLength(count);
  });

  it('sends nothing on a weekend or a public holiday', () => {
    // Prepare
    const days = ['2026-07-04', '2026-07-05', '2026-07-06'];

    // Act
    const reminders = days.flatMap((day) => remindersAt(day));

    // Assess
    expect(reminders).toEqual([]);
  });

  it('brings a reminder before the deadline forward to the previous working day', () => {
    // Prepare
    const mondayDeadline = pragueInstant('2026-07-20', 23, 59, 59);

    // Act
    const friday = remindersAt('2026-07-17', { deadline: mondayDeadline });
    const thursday = remindersAt('2026-07-16', { deadline: mondayDeadline });
    // 14 days before is Monday 6 July, Jan Hus day; Friday 3 July precedes it.
    const beforeHoliday = remindersAt('2026-07-03', { deadline: mondayDeadline });
    const dayBefore = remindersAt('2026-07-02', { deadline: mondayDeadline });

    // Assess
    expect(stagesOf(friday)).toEqual(['before-1d']);
    expect(stagesOf(thursday)).toEqual(['before-7d']);
    expect(stagesOf(beforeHoliday)).toEqual(['before-14d']);
    expect(dayBefore).toEqual([]);
  });

  it('moves a reminder after the deadline to the next working day', () => {
    // Prepare
    const fridayDeadline = pragueInstant('2026-07-03', 23, 59, 59);

    // Act
    const schedule = reminderSchedule(fridayDeadline, defaultReminderLadder);
    const tuesday = remindersAt('2026-07-07', { deadline: fridayDeadline });

    // Assess
    expect(schedule.find((s) => s.stage === 'overdue')?.day).toBe('2026-07-07');
    expect(stagesOf(tuesday)).toEqual(['overdue']);
  });
});

describe('dueReminders: one stage at a time', () => {
  it('sends only the latest stage when earlier ones were missed', () => {
    // Prepare
    const day = '2026-07-14';

    // Act
    const reminders = remindersAt(day, { candidates: [candidates[0]!] });

    // Assess
    expect(reminders).toEqual([{ stage: 'before-1d', contactPersonId: 'simonova', projectIds: ['p1', 'p2'] }]);
  });

  it('does not repeat a stage already sent to that contact, but still sends it to others', () => {
    // Prepare
    const alreadySent = [{ stage: 'before-7d', contactPersonId: 'simonova' }];

    // Act
    const reminders = remindersAt('2026-07-09', { alreadySent });

    // Assess
    expect(reminders).toEqual([{ stage: 'before-7d', contactPersonId: 'fena', projectIds: ['p3'] }]);
  });

  it('sends the next stage when only an earlier one was sent', () => {
    // Prepare
    const alreadySent = [
      { stage: 'before-14d', contactPersonId: 'fena' },
      { stage: 'before-7d', contactPersonId: 'fena' },
    ];

    // Act
    const reminders = remindersAt('2026-07-16', { alreadySent, candidates: [candidates[1]!] });

    // Assess
    expect(reminders).toEqual([{ stage: 'overdue', contactPersonId: 'fena', projectIds: ['p3'] }]);
  });

  it('sends nothing when a later stage was already sent', () => {
    // Prepare
    const alreadySent = [{ stage: 'escalation', contactPersonId: 'fena' }];

    // Act
    const reminders = remindersAt('2026-07-16', { alreadySent, candidates: [candidates[1]!] });

    // Assess
    expect(reminders).toEqual([]);
  });

  it('sends nothing to a contact whose projects are all reported', () => {
    // Prepare
    const reported: ReminderCandidate[] = [{ contactPersonId: 'fena', pendingProjectIds: [], overdueProjectIds: [] }];

    // Act
    const reminders = remindersAt('2026-07-14', { candidates: reported });

    // Assess
    expect(reminders).toEqual([]);
  });

  it('sends nothing more after the escalation', () => {
    // Prepare
    const alreadySent = [{ stage: 'escalation', contactPersonId: 'fena' }];

    // Act
    const reminders = remindersAt('2026-08-31', { alreadySent, candidates: [candidates[1]!] });

    // Assess
    expect(reminders).toEqual([]);
  });
});

describe('after the deadline: only the projects asked for before the overdue notice’s day', () => {
  /** The overdue notice's day for the Wednesday deadline: Thursday 16 July. */
  const awaited = [
    { projectId: 'at-opening' },
    { projectId: 'added-before-deadline', askedAt: '2026-07-10T09:00:00Z' },
    { projectId: 'returned-on-deadline-evening', askedAt: pragueInstant('2026-07-15', 23, 30).toISOString() },
    { projectId: 'returned-on-overdue-day', askedAt: pragueInstant('2026-07-16', 7, 0).toISOString() },
    { projectId: 'added-after-escalation-day', askedAt: '2026-07-28T10:00:00Z' },
  ];

  it('counts a project asked for before the overdue notice’s Prague day, and none asked for on it or later', () => {
    // Prepare
    const expected = new Set(['at-opening', 'added-before-deadline', 'returned-on-deadline-evening']);

    // Act
    const overdue = overdueProjectIds(awaited, wednesdayDeadline, defaultReminderLadder);

    // Assess
    expect(overdue).toEqual(expected);
  });

  it('follows the ladder: a later overdue notice counts a later return', () => {
    // Prepare
    const ladder = { ...defaultReminderLadder, overdueAfterDays: 3, escalateAfterDays: 10 };

    // Act
    const overdue = overdueProjectIds(awaited, wednesdayDeadline, ladder);

    // Assess
    expect(overdue.has('returned-on-overdue-day')).toBe(true);
    expect(overdue.has('added-after-escalation-day')).toBe(false);
  });

  it('sends the overdue notice and the escalation only for those projects, and none for a person with none; the reminders before the deadline for all', () => {
    // Prepare
    const asked: ReminderCandidate[] = [
      { contactPersonId: 'simonova', pendingProjectIds: ['p1', 'p2'], overdueProjectIds: ['p1'] },
      { contactPersonId: 'fena', pendingProjectIds: ['p3'], overdueProjectIds: [] },
    ];

    // Act
    const onEscalationDay = remindersAt('2026-07-22', { candidates: asked });
    const onOverdueDay = remindersAt('2026-07-16', { candidates: asked });
    const dayBeforeDeadline = remindersAt('2026-07-14', { candidates: asked });

    // Assess
    expect(onEscalationDay).toEqual([{ stage: 'escalation', contactPersonId: 'simonova', projectIds: ['p1'] }]);
    expect(onOverdueDay).toEqual([{ stage: 'overdue', contactPersonId: 'simonova', projectIds: ['p1'] }]);
    expect(dayBeforeDeadline).toEqual([
      { stage: 'before-1d', contactPersonId: 'simonova', projectIds: ['p1', 'p2'] },
      { stage: 'before-1d', contactPersonId: 'fena', projectIds: ['p3'] },
    ]);
  });
});

describe('dueReminders: a configured ladder', () => {
  it('follows the ladder it is given', () => {
    // Prepare
    const ladder: ReminderLadder = { daysBeforeDeadline: [3], overdueAfterDays: 2, escalateAfterDays: 5 };
    // 3 days before is Sunday 12 July, brought forward to Friday 10 July.
    const days = ['2026-07-09', '2026-07-10', '2026-07-14', '2026-07-16', '2026-07-17', '2026-07-20', '2026-07-21'];

    // Act
    const stages = days.map((day) => stagesOf(remindersAt(day, { ladder, candidates: [candidates[1]!] }))[0] ?? null);

    // Assess
    expect(stages).toEqual([null, 'before-3d', 'before-3d', 'before-3d', 'overdue', 'escalation', 'escalation']);
  });
});

describe('reminderLadderSchema', () => {
  it('accepts a ladder and orders its days from the furthest', () => {
    // Prepare
    const input = { daysBeforeDeadline: [1, 14, 7, 7], overdueAfterDays: 2, escalateAfterDays: 10 };

    // Act
    const result = reminderLadderSchema().safeParse(input);

    // Assess
    expect(result).toEqual({
      success: true,
      data: { daysBeforeDeadline: [14, 7, 1], overdueAfterDays: 2, escalateAfterDays: 10 },
    });
  });

  it('rejects days that are not whole numbers 1..60, in Czech', () => {
    // Prepare
    const input = { daysBeforeDeadline: [0, 2.5], overdueAfterDays: 61, escalateAfterDays: '7' };

    // Act
    const result = reminderLadderSchema().safeParse(input);

    // Assess
    const messages = new Set(result.error?.issues.map((issue) => issue.message));
    expect(result.error?.issues).toHaveLength(4);
    expect([...messages]).toEqual(['Zadejte počet dní jako celé číslo od 1 do 60.']);
  });

  it('requires the escalation to come after the overdue reminder', () => {
    // Prepare
    const input = { daysBeforeDeadline: [7], overdueAfterDays: 7, escalateAfterDays: 7 };

    // Act
    const result = reminderLadderSchema().safeParse(input);

    // Assess
    expect(result.error?.issues).toMatchObject([
      { path: ['escalateAfterDays'], message: 'Eskalace musí přijít později než upozornění na zpoždění.' },
    ]);
  });
});
