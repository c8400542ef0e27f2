import { describe, expect, it } from 'vitest';
import type { ScheduledEvent } from 'aws-lambda';
import { MovableClock } from '../../../local/composition';
import { nextOccurrence, parseCron, Scheduler, type ScheduledJob } from '../../../local/scheduler';
import { SCHEDULE_DEFINITIONS } from '../../../local/topology';

const expressionOf = (name: string): string => SCHEDULE_DEFINITIONS.find((schedule) => schedule.name === name)!.expression;

function recordingJobs(): { jobs: ScheduledJob[]; calls: Array<{ name: string; time: string }> } {
  const calls: Array<{ name: string; time: string }> = [];
  const jobs = SCHEDULE_DEFINITIONS.map((definition) => ({
    ...definition,
    handler: async (event: ScheduledEvent) => {
      calls.push({ name: definition.name, time: event.time });
    },
  }));
  return { jobs, calls };
}

const waitFor = async (condition: () => boolean, timeoutMs = 2_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('nextOccurrence', () => {
  it('skips the weekend and follows Prague summer time for the working-day reminder sweep', () => {
    // Prepare: Friday 27 March 2026, 09:00 CET; summer time starts on Sunday 29 March.
    const fridayAfterSweep = new Date('2026-03-27T08:00:00Z');

    // Act
    const next = nextOccurrence(expressionOf('reminder-sweep'), fridayAfterSweep);

    // Assess: Monday 30 March, 08:30 CEST = 06:30 UTC.
    expect(next.toISOString()).toBe('2026-03-30T06:30:00.000Z');
  });

  it('fires auto-close at five past every hour, strictly after the given instant', () => {
    // Prepare
    const exactlyAtFivePast = new Date('2026-06-01T10:05:00Z');

    // Act
    const next = nextOccurrence(expressionOf('auto-close'), exactlyAtFivePast);

    // Assess
    expect(next.toISOString()).toBe('2026-06-01T11:05:00.000Z');
  });

  it('plans the steering group schedule for 09:00 Prague in winter time', () => {
    // Prepare: Saturday 10 January 2026.
    const saturday = new Date('2026-01-10T12:00:00Z');

    // Act
    const next = nextOccurrence(expressionOf('steering-group-schedule'), saturday);

    // Assess: Monday 12 January, 09:00 CET = 08:00 UTC.
    expect(next.toISOString()).toBe('2026-01-12T08:00:00.000Z');
  });

  it('rejects expressions outside the supported cron subset', () => {
    // Prepare
    const expressions = ['rate(1 hour)', 'cron(5 * * *)', 'cron(61 * * * ? *)'];

    // Act
    const failures = expressions.map((expression) => {
      try {
        parseCron(expression);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    });

    // Assess
    expect(failures.every((message) => message !== null)).toBe(true);
  });
});

describe('Scheduler', () => {
  it('fires each schedule once when the clock jumps over several occurrences', async () => {
    // Prepare: Monday 1 June 2026, 07:00 Prague.
    const clock = new MovableClock(new Date('2026-06-01T05:00:00Z'), { frozen: true });
    const { jobs, calls } = recordingJobs();
    const scheduler = new Scheduler(clock, jobs, { tickMs: 60_000, onClockChange: (listener) => clock.onChange(listener) });
    scheduler.start();

    // Act: to Wednesday 3 June, 10:00 Prague.
    clock.set(new Date('2026-06-03T08:00:00Z'));
    await waitFor(() => calls.length >= 3);
    await scheduler.stop();

    // Assess
    expect(calls.map((call) => call.name).sort()).toEqual(['auto-close', 'reminder-sweep', 'steering-group-schedule']);
    expect(calls.every((call) => call.time === '2026-06-03T08:00:00.000Z')).toBe(true);
    expect(scheduler.nextRun('reminder-sweep')?.toISOString()).toBe('2026-06-04T06:30:00.000Z');
  });

  it('fires nothing while the clock stands before the next occurrence', async () => {
    // Prepare: Saturday 6 June 2026, 12:00 Prague.
    const clock = new MovableClock(new Date('2026-06-06T10:00:00Z'), { frozen: true });
    const { jobs, calls } = recordingJobs();
    const scheduler = new Scheduler(clock, jobs, { tickMs: 5, onClockChange: (listener) => clock.onChange(listener) });
    scheduler.start();

    // Act: to 12:04, one minute before auto-close.
    clock.advance(4 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await scheduler.stop();

    // Assess
    expect(calls).toEqual([]);
  });

  it('runs a schedule on demand regardless of the time', async () => {
    // Prepare: Sunday, when no working-day schedule is due.
    const clock = new MovableClock(new Date('2026-06-07T10:00:00Z'), { frozen: true });
    const { jobs, calls } = recordingJobs();
    const scheduler = new Scheduler(clock, jobs);

    // Act
    await scheduler.runSchedule('reminder-sweep');

    // Assess
    expect(calls).toEqual([{ name: 'reminder-sweep', time: '2026-06-07T10:00:00.000Z' }]);
  });
});
