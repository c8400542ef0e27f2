/**
 * Calendar arithmetic in Europe/Prague, the time zone every date and deadline of the cycle lives in.
 * The offset follows the EU summer-time rule by arithmetic, so the Lambda bundle carries no
 * time-zone library and a cold start does not initialise ICU's time zones (an `Intl.DateTimeFormat`
 * with a `timeZone` costs some 20 ms when first created); Intl answers only for dates before 1996.
 */
import { builtOnFirstUse } from './lazy';
import * as z from 'zod/mini';

export const PRAGUE_TIME_ZONE = 'Europe/Prague';

/** `YYYY-MM-DD`, a calendar day in Prague. */
export type IsoDate = string;

export interface PragueParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const DAY_MS = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Since 1996 Czechia keeps the EU rule: summer time from 01:00 UTC on March's last Sunday to 01:00 UTC on October's. */
const EU_RULE_SINCE_YEAR = 1996;
const HOUR_MS = 3_600_000;

/** 01:00 UTC on the last Sunday of the month (0-based `month`) of `year`. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

let historicFormatter: Intl.DateTimeFormat | undefined;

/** Before the EU rule (never for the cycle's own dates), the offset as ICU knows it. */
function historicOffset(timestamp: number): number {
  historicFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: PRAGUE_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  const values: Record<string, string> = {};
  for (const part of historicFormatter.formatToParts(new Date(timestamp))) values[part.type] = part.value;
  const asUtc = Date.UTC(Number(values.year), Number(values.month) - 1, Number(values.day), Number(values.hour), Number(values.minute), Number(values.second));
  return asUtc - Math.floor(timestamp / 1000) * 1000;
}

/** Prague's offset from UTC in milliseconds at the given instant (+1 h in winter, +2 h in summer). */
function offsetAt(timestamp: number): number {
  const year = new Date(timestamp).getUTCFullYear();
  if (year < EU_RULE_SINCE_YEAR) return historicOffset(timestamp);
  const summer = timestamp >= lastSundayAtOneUtc(year, 2) && timestamp < lastSundayAtOneUtc(year, 9);
  return summer ? 2 * HOUR_MS : HOUR_MS;
}

function wallClock(instant: Date): PragueParts & { second: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  const wall = new Date(instant.getTime() + offsetAt(instant.getTime()));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
  };
}

export function pragueParts(instant: Date): PragueParts {
  const { second: _second, ...parts } = wallClock(instant);
  return parts;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not an ISO date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The calendar day as a UTC timestamp: day arithmetic on it is free of DST. */
function utcDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcDay(timestamp: number): IsoDate {
  const d = new Date(timestamp);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function pragueDate(instant: Date): IsoDate {
  const { year, month, day } = wallClock(instant);
  return toIsoDate(year, month, day);
}


/**
 * The instant a Prague wall-clock time denotes. Around DST changes it behaves like Temporal's
 * `compatible` disambiguation: a time skipped in March (02:30) moves forward by the gap (03:30 CEST),
 * a time repeated in October takes its first, summer-time occurrence.
 */
export function pragueInstant(date: IsoDate, hour = 0, minute = 0, second = 0): Date {
  const wall = utcDay(date) + ((hour * 60 + minute) * 60 + second) * 1000;
  // Transitions are months apart, so the offsets a day either side are the only two candidates.
  const offsetBefore = offsetAt(wall - DAY_MS);
  const offsetAfter = offsetAt(wall + DAY_MS);
  const valid = [offsetBefore, offsetAfter].filter((offset) => offsetAt(wall - offset) === offset);
  if (valid.length === 0) return new Date(wall - offsetBefore);
  return new Date(wall - Math.max(...valid));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcDay(utcDay(date) + days * DAY_MS);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  const sundayZero = new Date(utcDay(date)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** Easter Sunday (Gregorian), by the anonymous Meeus/Jones/Butcher algorithm. */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

/** Czech public holidays with a fixed date (zákon č. 245/2000 Sb.), as `MM-DD`. */
const FIXED_HOLIDAYS = new Set([
  '01-01', '05-01', '05-08', '07-05', '07-06', '09-28', '10-28', '11-17', '12-24', '12-25', '12-26',
]);

/** Good Friday became a public holiday in 2016. */
const GOOD_FRIDAY_SINCE = 2016;

export function isCzechPublicHoliday(date: IsoDate): boolean {
  const { year } = parseIsoDate(date);
  if (FIXED_HOLIDAYS.has(date.slice(5))) return true;
  const easter = easterSunday(year);
  if (date === addDays(easter, 1)) return true;
  return year >= GOOD_FRIDAY_SINCE && date === addDays(easter, -2);
}

export function isWorkingDay(date: IsoDate): boolean {
  return weekdayOf(date) <= 5 && !isCzechPublicHoliday(date);
}

/** `15. 7. 2026`: the Czech way, day and month without leading zeros. */
export function formatCzechDate(dateOrInstant: IsoDate | Date): string {
  const date = typeof dateOrInstant === 'string' ? dateOrInstant : pragueDate(dateOrInstant);
  const { year, month, day } = parseIsoDate(date);
  return `${day}. ${month}. ${year}`;
}

/** `15. 7. 2026 23:59` in Prague time; the hour has no leading zero (`1. 3. 2026 8:05`). */
export function formatCzechDateTime(instant: Date): string {
  const { hour, minute } = pragueParts(instant);
  return `${formatCzechDate(instant)} ${hour}:${pad(minute)}`;
}

export const ISO_DATE_MESSAGE = 'Zadejte datum ve tvaru RRRR-MM-DD.';

export const isoDateSchema = builtOnFirstUse(() =>
  z
    .string({ error: ISO_DATE_MESSAGE })
    .check(z.trim(), z.refine(isRealIsoDate, { error: ISO_DATE_MESSAGE })),
);

/**
 * Field-level details for a ValidationError: the first Czech message per field path
 * (`indicatorContributions.EK-1`); an issue about the whole input is keyed `form`.
 */
export function zodErrorDetails(error: z.core.$ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? 'form' : issue.path.map(String).join('.');
    details[key] ??= issue.message;
  }
  return details;
}
