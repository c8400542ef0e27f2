/**
 * Czech formatting shared by emails and pages. Every date is shown as the Europe/Prague
 * calendar date, whatever the server's time zone is.
 */
import { countOf, czechPlural, DAY_FORMS } from '../domain/czech-plural';
import { pragueParts } from '../domain/time';

let czechNumber: Intl.NumberFormat | undefined;

interface PragueDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function toPrague(date: Date): PragueDateTime {
  const { year, month, day, hour, minute } = pragueParts(date);
  return { year, month, day, hour, minute };
}

/** Built from parts rather than the cs-CZ pattern so the output does not depend on the ICU version. */
function czechDate(year: number, month: number, day: number): string {
  return `${day}. ${month}. ${year}`;
}

/** `15. 7. 2026`, the Prague calendar date of the instant. */
export function formatDate(date: Date): string {
  const { year, month, day } = toPrague(date);
  return czechDate(year, month, day);
}

/**
 * A deadline: just the date when it falls at the end of the day (23:59 Prague time, the usual
 * convention), otherwise date and time, so a deadline at noon is not mistaken for the whole day.
 */
export function formatDeadline(deadline: Date): string {
  const { year, month, day, hour, minute } = toPrague(deadline);
  const date = czechDate(year, month, day);
  if (hour === 23 && minute === 59) return date;
  return `${date}, ${hour}:${String(minute).padStart(2, '0')}`;
}

/** `15. 7. 2026, 9:05`, Prague time: when something happened. */
export function formatDateTime(date: Date): string {
  const { year, month, day, hour, minute } = toPrague(date);
  return `${czechDate(year, month, day)}, ${hour}:${String(minute).padStart(2, '0')}`;
}

/** `2026-10-08` → `8. 10. 2026`: a calendar date with no time zone to convert. */
export function formatIsoDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${isoDate}"`);
  return czechDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatNumber(value: number): string {
  // Created on first use: most cold starts format no number.
  czechNumber ??= new Intl.NumberFormat('cs-CZ');
  return czechNumber.format(value);
}

/** Whole Prague calendar days from `from` to `to` (negative when `to` is an earlier day). */
export function calendarDaysBetween(from: Date, to: Date): number {
  const dayNumber = (date: Date): number => {
    const { year, month, day } = toPrague(date);
    return Date.UTC(year, month - 1, day) / 86_400_000;
  };
  return dayNumber(to) - dayNumber(from);
}

export type DeadlineStatus =
  | { kind: 'ahead'; daysLeft: number }
  | { kind: 'past'; daysOverdue: number };

/** Days are counted in Prague calendar days, so "1 day left" means the deadline is tomorrow. */
export function deadlineStatus(deadline: Date, now: Date): DeadlineStatus {
  const days = calendarDaysBetween(now, deadline);
  if (now.getTime() <= deadline.getTime()) return { kind: 'ahead', daysLeft: Math.max(days, 0) };
  return { kind: 'past', daysOverdue: Math.max(-days, 0) };
}

/** `zbývá 1 den`, `zbývají 3 dny`, `termín vyprší dnes`, `2 dny po termínu`, `termín vypršel dnes`. */
export function describeDeadlineStatus(status: DeadlineStatus): string {
  if (status.kind === 'ahead') {
    if (status.daysLeft === 0) return 'termín vyprší dnes';
    const verb = czechPlural(status.daysLeft, { one: 'zbývá', few: 'zbývají', many: 'zbývá' });
    return `${verb} ${countOf(status.daysLeft, DAY_FORMS)}`;
  }
  if (status.daysOverdue === 0) return 'termín vypršel dnes';
  return `${countOf(status.daysOverdue, DAY_FORMS)} po termínu`;
}

export type ProjectStatus = 'on-track' | 'delayed' | 'completed' | 'cancelled' | 'not-started';

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  'on-track': 'probíhá podle plánu',
  delayed: 'zpožděno',
  completed: 'dokončeno',
  cancelled: 'zrušeno',
  'not-started': 'nezahájeno',
};

/** Collapses line breaks so a catalog name cannot break an email header. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Ends a sentence with a full stop, unless its last word already brings one („spol. s r. o.“). */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text.trimEnd()) ? text.trimEnd() : `${text}.`;
}
