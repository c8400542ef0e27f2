/** Half-year reporting periods: `2026-H1` is 1 Jan–30 Jun 2026, written `01/2026` in the reports. */
import { builtOnFirstUse } from './lazy';
import * as z from 'zod/mini';
import { ValidationError } from './errors';
import { addDays, pragueInstant, type IsoDate } from './time';

/** `2026-H1` or `2026-H2`. */
export type PeriodId = string;

export interface Period {
  id: PeriodId;
  year: number;
  half: 1 | 2;
  /** `1. pololetí 2026` */
  label: string;
  /** `01/2026`, as the monitoring reports write the period. */
  shortLabel: string;
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** Prague midnight at the start of `firstDay`. */
  start: Date;
  /** Prague midnight after `lastDay` (exclusive). */
  end: Date;
}

const PERIOD_ID_PATTERN = /^([1-9]\d{3})-H([12])$/;

export function invalidPeriodMessage(value: string): string {
  return `Období „${value}“ není platné. Použijte tvar RRRR-H1 nebo RRRR-H2, např. 2026-H1.`;
}

const MISSING_PERIOD_MESSAGE = 'Zadejte období ve tvaru RRRR-H1 nebo RRRR-H2, např. 2026-H1.';

export function isPeriodId(value: string): boolean {
  return PERIOD_ID_PATTERN.test(value);
}

export function periodOf(year: number, half: 1 | 2): Period {
  const firstDay = `${year}-${half === 1 ? '01-01' : '07-01'}`;
  const lastDay = `${year}-${half === 1 ? '06-30' : '12-31'}`;
  return {
    id: `${year}-H${half}`,
    year,
    half,
    label: `${half}. pololetí ${year}`,
    shortLabel: `0${half}/${year}`,
    firstDay,
    lastDay,
    start: pragueInstant(firstDay),
    end: pragueInstant(addDays(lastDay, 1)),
  };
}

export function parsePeriodId(id: string): Period {
  const match = PERIOD_ID_PATTERN.exec(id);
  if (!match) {
    const message = invalidPeriodMessage(id);
    throw new ValidationError(message, { period: message });
  }
  return periodOf(Number(match[1]), match[2] === '1' ? 1 : 2);
}

export function previousPeriod(period: Period): Period {
  return period.half === 2 ? periodOf(period.year, 1) : periodOf(period.year - 1, 2);
}

export function nextPeriod(period: Period): Period {
  return period.half === 1 ? periodOf(period.year, 2) : periodOf(period.year + 1, 1);
}

/** The half-year that `date` (a Prague date) falls in. */
export function periodOfDate(date: IsoDate): Period {
  return periodOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)) <= 6 ? 1 : 2);
}

/** Days after a half-year's last day that its reports are usually due, when ARR suggests a deadline. */
export const USUAL_DEADLINE_DAYS = 15;

/**
 * The half-year ARR would usually open on `today`: the one that ended last while its usual
 * deadline is still ahead (its reports are being collected), else the running one (opened early,
 * ahead of its end).
 */
export function usualPeriodToOpen(today: IsoDate): Period {
  const running = periodOfDate(today);
  const ended = previousPeriod(running);
  return addDays(ended.lastDay, USUAL_DEADLINE_DAYS) > today ? ended : running;
}

export const periodIdSchema = builtOnFirstUse(() =>
  z
    .string({ error: MISSING_PERIOD_MESSAGE })
    .check(
      z.trim(),
      z.superRefine((value, ctx) => {
        if (!isPeriodId(value)) ctx.addIssue({ code: 'custom', message: invalidPeriodMessage(value) });
      }),
    ),
);

/**
 * The half-years ARR may open on `today` in the console: of the one that ended last, the running
 * one and the next, those with no cycle yet and later than every cycle ARR opened. A half-year
 * skipped in the past is opened through the API, deliberately, not by a slip in a form; the
 * half-years taken from reports (`import`) are history and do not count.
 */
export function periodsToOpen(today: IsoDate, cycles: ReadonlyArray<{ id: PeriodId; source: 'system' | 'import' }>): Period[] {
  const running = periodOfDate(today);
  const existing = new Set(cycles.map((cycle) => cycle.id));
  // Ids sort as the half-years do (`2026-H1` < `2026-H2` < `2027-H1`).
  const newestOpened = cycles.filter((cycle) => cycle.source === 'system').reduce((newest, cycle) => (cycle.id > newest ? cycle.id : newest), '');
  return [previousPeriod(running), running, nextPeriod(running)].filter((period) => !existing.has(period.id) && period.id > newestOpened);
}
