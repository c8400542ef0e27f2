/** Czech formatting of dates, months and amounts as the region's reports write them. */
import { builtOnFirstUse } from '../domain/lazy';

const MONTHS_NOMINATIVE = [
  'leden', 'únor', 'březen', 'duben', 'květen', 'červen',
  'červenec', 'srpen', 'září', 'říjen', 'listopad', 'prosinec',
];
const MONTHS_GENITIVE = [
  'ledna', 'února', 'března', 'dubna', 'května', 'června',
  'července', 'srpna', 'září', 'října', 'listopadu', 'prosince',
];

function parts(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.split('-').map(Number);
  return [year ?? 0, month ?? 1, day ?? 1];
}

/** `2025-01-31` → `31. 1. 2025` */
export function formatDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${day}. ${month}. ${year}`;
}

/** `2025-07-01` → `1. července 2025` */
export function formatLongDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${day}. ${MONTHS_GENITIVE[month - 1]} ${year}`;
}

/** `2025-03` → `březen 2025` */
export function formatMonth(isoMonth: string): string {
  const [year, month] = parts(isoMonth);
  return `${MONTHS_NOMINATIVE[month - 1]} ${year}`;
}

/** `2025-03` → `Březen 2025` (table rows start with a capital). */
export function formatMonthCapitalised(isoMonth: string): string {
  const month = formatMonth(isoMonth);
  return month.charAt(0).toLocaleUpperCase('cs') + month.slice(1);
}

// Created on first use: the first Czech Intl.NumberFormat loads ICU's locale data, 20–30 ms of CPU
// (measured: these two formats in a fresh Node process), and most requests of a function
// that can render a report format no number.
const integerFormat = builtOnFirstUse(() => new Intl.NumberFormat('cs-CZ', { maximumFractionDigits: 0, useGrouping: true }));
const hellerFormat = builtOnFirstUse(() => new Intl.NumberFormat('cs-CZ', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true }));

/** `1234` → `1 234` (no-break space as the thousands separator). */
export function formatCount(value: number): string {
  return integerFormat().format(value);
}

/** `183476` → `183 476 Kč`, `99.5` → `99,50 Kč` */
export function formatCzk(value: number): string {
  const amount = Number.isInteger(value) ? integerFormat().format(value) : hellerFormat().format(value);
  return `${amount}\u00a0Kč`;
}

/** Sums amounts in hellers so that a column of decimal amounts adds up exactly. */
export function sumCzk(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + Math.round(v * 100), 0) / 100;
}
