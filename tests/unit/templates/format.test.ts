import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  deadlineStatus,
  describeDeadlineStatus,
  formatDate,
  formatDeadline,
  formatIsoDate,
  oneLine,
  sentence,
} from '../../../templates/format';

// 23:59 in Prague on 15 July 2026 (summer time, UTC+2).
const DEADLINE = new Date('2026-07-15T21:59:00Z');

describe('formatDate', () => {
  it.each([
    ['2026-07-15T10:00:00Z', '15. 7. 2026'],
    ['2026-12-31T23:30:00Z', '1. 1. 2027'],
    ['2026-06-30T22:30:00Z', '1. 7. 2026'],
    ['2026-01-05T22:59:00Z', '5. 1. 2026'],
  ])('shows %s as the Prague calendar date %s', (iso, expected) => {
    // Prepare
    const date = new Date(iso);

    // Act
    const formatted = formatDate(date);

    // Assess
    expect(formatted).toBe(expected);
  });

  it('rejects an invalid date instead of printing NaN', () => {
    // Prepare
    const invalid = new Date('not a date');

    // Act
    const act = () => formatDate(invalid);

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('formatDeadline', () => {
  it('shows only the date for an end-of-day deadline', () => {
    // Prepare
    const winterDeadline = new Date('2026-01-15T22:59:00Z');

    // Act
    const formatted = [formatDeadline(DEADLINE), formatDeadline(winterDeadline)];

    // Assess
    expect(formatted).toEqual(['15. 7. 2026', '15. 1. 2026']);
  });

  it('adds the Prague time when the deadline is not at the end of the day', () => {
    // Prepare
    const noon = new Date('2026-07-15T10:00:00Z');
    const midnight = new Date('2026-07-14T22:00:00Z');

    // Act
    const formatted = [formatDeadline(noon), formatDeadline(midnight)];

    // Assess
    expect(formatted).toEqual(['15. 7. 2026, 12:00', '15. 7. 2026, 0:00']);
  });
});

describe('formatIsoDate', () => {
  it('formats a calendar date without shifting it', () => {
    // Prepare
    const iso = '2026-10-08';

    // Act
    const formatted = formatIsoDate(iso);

    // Assess
    expect(formatted).toBe('8. 10. 2026');
  });

  it('rejects anything that is not YYYY-MM-DD', () => {
    // Prepare
    const wrong = '8. 10. 2026';

    // Act
    const act = () => formatIsoDate(wrong);

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('calendarDaysBetween', () => {
  it('counts Prague calendar days, not 24-hour spans', () => {
    // Prepare: 00:30 on 14 July in Prague is still 13 July in UTC.
    const justAfterPragueMidnight = new Date('2026-07-13T22:30:00Z');

    // Act
    const days = calendarDaysBetween(justAfterPragueMidnight, DEADLINE);

    // Assess
    expect(days).toBe(1);
  });
});

describe('deadline status wording', () => {
  it.each([
    ['2026-07-14T08:00:00Z', 'zbývá 1 den'],
    ['2026-07-13T22:30:00Z', 'zbývá 1 den'],
    ['2026-07-12T08:00:00Z', 'zbývají 3 dny'],
    ['2026-07-11T08:00:00Z', 'zbývají 4 dny'],
    ['2026-07-10T08:00:00Z', 'zbývá 5 dní'],
    ['2026-06-24T08:00:00Z', 'zbývá 21 dní'],
    ['2026-07-15T21:00:00Z', 'termín vyprší dnes'],
    ['2026-07-15T21:59:30Z', 'termín vypršel dnes'],
    ['2026-07-16T06:00:00Z', '1 den po termínu'],
    ['2026-07-17T06:00:00Z', '2 dny po termínu'],
    ['2026-07-25T06:00:00Z', '10 dní po termínu'],
  ])('now %s → %s', (nowIso, expected) => {
    // Prepare
    const now = new Date(nowIso);

    // Act
    const wording = describeDeadlineStatus(deadlineStatus(DEADLINE, now));

    // Assess
    expect(wording).toBe(expected);
  });
});

describe('oneLine', () => {
  it('removes line breaks that could split an email header', () => {
    // Prepare
    const name = 'Projekt\r\nBcc: someone@example.com';

    // Act
    const line = oneLine(name);

    // Assess
    expect(line).toBe('Projekt Bcc: someone@example.com');
  });
});

describe('sentence', () => {
  it('adds a full stop, unless the last word already ends with one', () => {
    // Prepare
    const texts = ['Určeno pro: Odbor kultury', 'Určeno pro: ARR, spol. s r. o.', 'Hotovo! ', 'Opravdu?'];

    // Act
    const sentences = texts.map(sentence);

    // Assess
    expect(sentences).toEqual(['Určeno pro: Odbor kultury.', 'Určeno pro: ARR, spol. s r. o.', 'Hotovo!', 'Opravdu?']);
  });
});
