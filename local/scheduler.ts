/**
 * EventBridge Scheduler, locally: fires the scheduled functions at the stack's cron expressions in
 * Prague time, by the injectable clock. When the clock jumps ahead (a demo moving to the deadline),
 * each schedule that fell due in between fires once, as a late schedule does after an outage.
 */
import { randomUUID } from 'node:crypto';
import type { Context, ScheduledEvent } from 'aws-lambda';
import type { Clock } from '../domain/ports';
import { addDays, pragueDate, pragueInstant, weekdayOf } from '../domain/time';
import { LOCAL_REGION } from './composition';
import { createLambdaContext } from './lambda-context';
import { functionTimeoutSeconds, type ScheduleDefinition, type ScheduleName } from './topology';

export type ScheduledHandler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

export interface ScheduledJob extends ScheduleDefinition {
  handler: ScheduledHandler;
}

export interface SchedulerLogger {
  info(message: string, extra?: object): void;
  error(message: string, extra?: object): void;
}

export interface SchedulerOptions {
  /** How often (real time) the clock is looked at. */
  tickMs?: number;
  logger?: SchedulerLogger;
  /** Subscribes to clock moves, so a jump fires what fell due without waiting for the next tick. */
  onClockChange?: (listener: () => void) => () => void;
}

interface CronSpec {
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number> | null;
  months: Set<number> | null;
  /** 1 = Monday … 7 = Sunday, as domain/time.ts counts. */
  weekdays: Set<number> | null;
}

const DAY_NAMES: Record<string, number> = { MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6, SUN: 7 };
/** Searching further than this for the next occurrence means the expression never matches. */
const SEARCH_DAYS = 800;

/** Parses the subset of EventBridge cron the stack uses: numbers, `*`, `?`, ranges, lists, day names. */
export function parseCron(expression: string): CronSpec {
  const match = /^cron\((.+)\)$/.exec(expression.trim());
  const fields = match?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6) throw new Error(`Not an EventBridge cron expression: ${expression}`);
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = fields;
  const all = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);
  const values = (field: string, from: number, to: number, names: Record<string, number> = {}): number[] | null => {
    if (field === '*' || field === '?') return null;
    return field.split(',').flatMap((part) => {
      const [start = '', end] = part.split('-');
      const value = (text: string): number => {
        const number = names[text.toUpperCase()] ?? (/^\d+$/.test(text) ? Number(text) : Number.NaN);
        if (!Number.isInteger(number) || number < from || number > to) throw new Error(`Unsupported cron field "${field}" in ${expression}`);
        return number;
      };
      return end === undefined ? [value(start)] : all(value(start), value(end));
    });
  };
  // AWS numbers weekdays 1 = Sunday … 7 = Saturday; names are converted directly.
  const awsWeekdays = values(dayOfWeek, 1, 7, Object.fromEntries(Object.entries(DAY_NAMES).map(([name, iso]) => [name, (iso % 7) + 1])));
  const toSet = (list: number[] | null): Set<number> | null => (list === null ? null : new Set(list));
  return {
    minutes: values(minute, 0, 59) ?? all(0, 59),
    hours: values(hour, 0, 23) ?? all(0, 23),
    daysOfMonth: toSet(values(dayOfMonth, 1, 31)),
    months: toSet(values(month, 1, 12)),
    weekdays: toSet(awsWeekdays === null ? null : awsWeekdays.map((aws) => (aws === 1 ? 7 : aws - 1))),
  };
}

/** The first instant strictly after `after` that the expression names, in Prague time. */
export function nextOccurrence(expression: string, after: Date): Date {
  const spec = parseCron(expression);
  const hours = [...spec.hours].sort((a, b) => a - b);
  const minutes = [...spec.minutes].sort((a, b) => a - b);
  let date = pragueDate(after);
  for (let day = 0; day < SEARCH_DAYS; day += 1, date = addDays(date, 1)) {
    const [, month, dayOfMonth] = date.split('-').map(Number);
    if (spec.months && !spec.months.has(month ?? 0)) continue;
    if (spec.daysOfMonth && !spec.daysOfMonth.has(dayOfMonth ?? 0)) continue;
    if (spec.weekdays && !spec.weekdays.has(weekdayOf(date))) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        const instant = pragueInstant(date, hour, minute);
        if (instant.getTime() > after.getTime()) return instant;
      }
    }
  }
  throw new Error(`The cron expression ${expression} names no time in the next ${SEARCH_DAYS} days.`);
}

export class Scheduler {
  private readonly next = new Map<ScheduleName, Date>();
  private readonly running = new Map<ScheduleName, Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastTick: Date | undefined;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly jobs: readonly ScheduledJob[],
    private readonly options: SchedulerOptions = {},
  ) {}

  start(): void {
    if (this.timer !== undefined) return;
    this.plan();
    this.timer = setInterval(() => this.requestTick(), this.options.tickMs ?? 1_000);
    this.unsubscribe = this.options.onClockChange?.(() => this.requestTick());
  }

  /** Stops firing; resolves once the runs already started have ended. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.ticking;
    await Promise.allSettled(this.running.values());
  }

  nextRun(name: ScheduleName): Date | undefined {
    return this.next.get(name);
  }

  /** Runs a scheduled function now, whatever its schedule says (the demo and the CLI). */
  async runSchedule(name: ScheduleName): Promise<unknown> {
    const job = this.jobs.find((candidate) => candidate.name === name);
    if (job === undefined) throw new Error(`Unknown schedule "${name}".`);
    // One run of a schedule at a time, as a single scheduled Lambda invocation would be.
    await this.running.get(name)?.catch(() => undefined);
    const run = this.invoke(job);
    this.running.set(name, run);
    try {
      return await run;
    } finally {
      if (this.running.get(name) === run) this.running.delete(name);
    }
  }

  private plan(): void {
    const now = this.clock.now();
    this.lastTick = now;
    for (const job of this.jobs) this.next.set(job.name, nextOccurrence(job.expression, now));
  }

  private requestTick(): void {
    this.ticking = this.ticking.then(() => this.tick());
  }

  private async tick(): Promise<void> {
    const now = this.clock.now();
    // A clock set back: occurrences are planned again from the new present.
    if (this.lastTick !== undefined && now < this.lastTick) this.plan();
    this.lastTick = now;
    for (const job of this.jobs) {
      const due = this.next.get(job.name);
      if (due === undefined || due > now || this.running.has(job.name)) continue;
      this.next.set(job.name, nextOccurrence(job.expression, now));
      this.options.logger?.info('Schedule fired', { schedule: job.name, due: due.toISOString() });
      void this.runSchedule(job.name).catch((error: unknown) => {
        this.options.logger?.error('Scheduled function failed', {
          schedule: job.name,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
      });
    }
  }

  private invoke(job: ScheduledJob): Promise<unknown> {
    const id = randomUUID();
    const event: ScheduledEvent = {
      version: '0',
      id,
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: '123456789012',
      time: this.clock.now().toISOString(),
      region: LOCAL_REGION,
      resources: [`arn:aws:scheduler:${LOCAL_REGION}:123456789012:schedule/default/${job.name}`],
      detail: {},
    };
    return job.handler(event, createLambdaContext(job.fn, functionTimeoutSeconds(job.fn), id));
  }
}
