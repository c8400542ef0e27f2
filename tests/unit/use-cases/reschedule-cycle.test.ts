import { describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { ConflictError, NotFoundError, ValidationError } from '../../../domain/errors';
import { closeCycle } from '../../../domain/use-cases/close-cycle';
import { openCycle } from '../../../domain/use-cases/open-cycle';
import { rescheduleCycle } from '../../../domain/use-cases/reschedule-cycle';
import { runReminderSweep } from '../../../domain/use-cases/run-reminder-sweep';
import { inMemoryWorld, type InMemoryWorld } from '../../support/in-memory-dependencies';

async function opened(): Promise<InMemoryWorld> {
  const world = inMemoryWorld(liberecActionPlan, '2026-06-01T08:00:00Z');
  await openCycle(world.deps, { period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' }, 'test');
  return world;
}

async function contactStagesAt(world: InMemoryWorld, instant: string): Promise<string[]> {
  world.setNow(instant);
  await runReminderSweep(world.deps, 'test');
  const reminders = await world.deps.reminders.listReminders('2026-H1');
  return [...new Set(reminders.filter((reminder) => reminder.queuedAt === new Date(instant).toISOString()).map((reminder) => reminder.stage))];
}

describe('moving a cycle’s dates', () => {
  it('moves the deadline and the meeting, and the reminder ladder runs again against the new deadline', async () => {
    // Prepare
    const world = await opened();
    // 14 July 2026 (a Tuesday), 10:00 Prague: the 1-day reminder of the first deadline.
    const beforeMove = await contactStagesAt(world, '2026-07-14T08:00:00Z');

    // Act
    const moved = await rescheduleCycle(world.deps, { cycleId: '2026-H1', body: { deadline: '2026-08-14', meetingDate: '2026-10-08' } });
    // 31 July 2026 (Friday): 14 days before the new deadline; 13 August: 1 day before it.
    const fourteenBefore = await contactStagesAt(world, '2026-07-31T08:00:00Z');
    const oneBefore = await contactStagesAt(world, '2026-08-13T08:00:00Z');

    // Assess
    expect(beforeMove).toEqual(['before-1d']);
    expect(moved.meetingDate).toBe('2026-10-08');
    expect(moved.scheduleRound).toBe(1);
    expect((await world.deps.cycles.getCycle('2026-H1'))?.deadline).toBe('2026-08-14T21:59:59.000Z');
    expect(fourteenBefore).toEqual(['before-14d']);
    expect(oneBefore).toEqual(['before-1d']);
  });

  it('moves only the meeting without restarting the reminders', async () => {
    // Prepare
    const world = await opened();

    // Act
    const moved = await rescheduleCycle(world.deps, { cycleId: '2026-H1', body: { meetingDate: '2026-09-24' } });

    // Assess
    expect(moved.meetingDate).toBe('2026-09-24');
    expect(moved.scheduleRound).toBeUndefined();
  });

  it('refuses a deadline already past, a meeting before the deadline and an unchanged form with Czech field messages', async () => {
    // Prepare
    const world = await opened();

    // Act
    const attempts = await Promise.allSettled([
      rescheduleCycle(world.deps, { cycleId: '2026-H1', body: { deadline: '2026-05-20' } }),
      rescheduleCycle(world.deps, { cycleId: '2026-H1', body: { meetingDate: '2026-07-10' } }),
      rescheduleCycle(world.deps, { cycleId: '2026-H1', body: { deadline: '2026-07-15', meetingDate: '2026-09-10' } }),
      rescheduleCycle(world.deps, { cycleId: '2026-H1', body: { deadline: '15. 8. 2026' } }),
    ]);

    // Assess
    const details = attempts.map((attempt) => (attempt.status === 'rejected' && attempt.reason instanceof ValidationError ? attempt.reason.details : null));
    expect(details[0]).toEqual({ deadline: 'Nový termín odevzdání už uplynul. Zvolte datum v budoucnosti.' });
    expect(details[1]).toEqual({ meetingDate: 'Jednání řídící skupiny musí být později než termín odevzdání.' });
    expect(details[2]).toEqual({ deadline: 'Zadejte nový termín odevzdání nebo nové datum jednání.' });
    expect(details[3]?.deadline).toMatch(/RRRR-MM-DD/);
  });

  it('keeps the deadline of a closed cycle but still lets the meeting move', async () => {
    // Prepare
    const world = await opened();
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 'test' });

    // Act
    const deadline = rescheduleCycle(world.deps, { cycleId: '2026-H1', body: { deadline: '2026-07-30' } });
    const meeting = await rescheduleCycle(world.deps, { cycleId: '2026-H1', body: { meetingDate: '2026-09-17' } });

    // Assess
    await expect(deadline).rejects.toBeInstanceOf(ValidationError);
    expect(meeting.meetingDate).toBe('2026-09-17');
    await expect(rescheduleCycle(world.deps, { cycleId: '2026-H9', body: {} })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses to move the dates of a half-year taken from a report, changing nothing', async () => {
    // Prepare
    const world = inMemoryWorld(liberecActionPlan, '2026-06-01T08:00:00Z');
    const imported = {
      id: '2025-H2',
      planId: liberecActionPlan.id,
      state: 'closed' as const,
      deadline: '2025-12-31T22:59:59.000Z',
      meetingDate: '2025-12-31',
      reminderLadder: { daysBeforeDeadline: [14, 7, 1], overdueAfterDays: 1, escalateAfterDays: 7 },
      source: 'import' as const,
      createdAt: '2026-01-10T08:00:00.000Z',
    };
    await world.deps.cycles.createCycle(imported);

    // Act
    const moved = rescheduleCycle(world.deps, { cycleId: '2025-H2', body: { meetingDate: '2026-09-17' } });

    // Assess
    await expect(moved).rejects.toThrow('Cyklus 2025-H2 je převzatý z monitorovací zprávy; jeho termíny nelze měnit.');
    await expect(moved).rejects.toBeInstanceOf(ConflictError);
    expect((await world.deps.cycles.getCycle('2025-H2'))?.meetingDate).toBe('2025-12-31');
  });
});
