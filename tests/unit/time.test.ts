import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  easterSunday,
  formatCzechDate,
  formatCzechDateTime,
  isoDateSchema,
  isWorkingDay,
  pragueDate,
  pragueInstant,
  pragueParts,
} from '../../domain/time';

describe('pragueParts and pragueDate', () => {
  it('reads a summer instant in CEST (UTC+2), Wednesday', () => {
    // Prepare
    const instant = new Date('2026-07-15T21:59:00Z');

    // Act
    const parts = pragueParts(instant);

    // Assess
    expect(parts).toEqual({ year: 2026, month: 7, day: 15, hour: 23, minute: 59, weekday: 3 });
  });

  it('reads a winter instant in CET (UTC+1), late evening UTC already the next Prague day', () => {
    // Prepare
    const instant = new Date('2026-12-31T23:30:00Z');

    // Act
    const date = pragueDate(instant);
    const parts = pragueParts(instant);

    // Assess
    expect(date).toBe('2027-01-01');
    expect(parts.hour).toBe(0);
    expect(parts.weekday).toBe(5);
  });

  it('numbers Sunday 7', () => {
    // Prepare
    const sundayNoon = new Date('2026-07-05T10:00:00Z');

    // Act
    const { weekday } = pragueParts(sundayNoon);

    // Assess
    expect(weekday).toBe(7);
  });
});

describe('pragueInstant', () => {
  it('maps a summer wall time with +02:00 and a winter one with +01:00', () => {
    // Prepare
    const summer = { date: '2026-07-15', hour: 23, minute: 59, second: 59 };
    const winter = { date: '2026-01-10', hour: 8, minute: 0, second: 0 };

    // Act
    const summerInstant = pragueInstant(summer.date, summer.hour, summer.minute, summer.second);
    const winterInstant = pragueInstant(winter.date, winter.hour);

    // Assess
    expect(summerInstant.toISOString()).toBe('2026-07-15T21:59:59.000Z');
    expect(winterInstant.toISOString()).toBe('2026-01-10T07:00:00.000Z');
  });

  it('defaults to midnight', () => {
    // Prepare
    const date = '2026-07-01';

    // Act
    const instant = pragueInstant(date);

    // Assess
    expect(instant.toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('handles the spring change (last Sunday of March 2026): before, in and after the gap', () => {
    // Prepare
    const day = '2026-03-29';

    // Act
    const midnight = pragueInstant(day);
    const beforeGap = pragueInstant(day, 1, 30);
    const inGap = pragueInstant(day, 2, 30);
    const afterGap = pragueInstant(day, 3, 0);
    const nextMidnight = pragueInstant(addDays(day, 1));

    // Assess
    expect(midnight.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(beforeGap.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    // 02:30 does not exist; it moves forward by the hour to 03:30 CEST.
    expect(inGap.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(afterGap.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(nextMidnight.getTime() - midnight.getTime()).toBe(23 * 3_600_000);
  });

  it('handles the autumn change (last Sunday of October 2026): the repeated hour takes summer time', () => {
    // Prepare
    const day = '2026-10-25';

    // Act
    const midnight = pragueInstant(day);
    const repeated = pragueInstant(day, 2, 30);
    const afterChange = pragueInstant(day, 3, 0);
    const nextMidnight = pragueInstant(addDays(day, 1));

    // Assess
    expect(midnight.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(repeated.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(afterChange.toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(nextMidnight.getTime() - midnight.getTime()).toBe(25 * 3_600_000);
  });

  it('round-trips with pragueParts for every hour of the DST days that exists', () => {
    // Prepare
    const springDays = ['2025-03-30', '2026-03-29'];
    const autumnDays = ['2025-10-26', '2026-10-25'];
    const hours = Array.from({ length: 24 }, (_, hour) => hour);
    const wallTimes = [
      ...springDays.flatMap((day) => hours.filter((hour) => hour !== 2).map((hour) => ({ day, hour }))),
      ...autumnDays.flatMap((day) => hours.map((hour) => ({ day, hour }))),
    ];

    // Act
    const readBack = wallTimes.map(({ day, hour }) => {
      const instant = pragueInstant(day, hour, 15);
      return { day: pragueDate(instant), hour: pragueParts(instant).hour };
    });

    // Assess
    expect(readBack).toEqual(wallTimes);
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month, year and DST boundaries by calendar days', () => {
    // Prepare
    const start = '2026-03-28';

    // Act
    const later = addDays(start, 2);
    const newYear = addDays('2026-12-31', 1);
    const back = addDays('2026-03-01', -1);

    // Assess
    expect(later).toBe('2026-03-30');
    expect(newYear).toBe('2027-01-01');
    expect(back).toBe('2026-02-28');
  });

  it('counts calendar days, negative when to is earlier', () => {
    // Prepare
    const from = '2026-10-20';

    // Act
    const forward = daysBetween(from, '2026-10-30');
    const backward = daysBetween(from, '2026-10-13');
    const leap = daysBetween('2028-02-28', '2028-03-01');

    // Assess
    expect(forward).toBe(10);
    expect(backward).toBe(-7);
    expect(leap).toBe(2);
  });
});

describe('isWorkingDay', () => {
  it('finds Easter Sunday for known years', () => {
    // Prepare
    const years = [2024, 2025, 2026, 2027];

    // Act
    const easters = years.map(easterSunday);

    // Assess
    expect(easters).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28']);
  });

  it('is false on weekends, fixed-date holidays, Good Friday and Easter Monday', () => {
    // Prepare
    const days = [
      '2026-07-04', // Saturday
      '2026-07-05', // Sunday, also a holiday
      '2026-07-06', // Jan Hus day, Monday
      '2026-01-01',
      '2026-05-01',
      '2026-05-08',
      '2026-09-28',
      '2026-10-28',
      '2026-11-17',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-04-03', // Good Friday
      '2026-04-06', // Easter Monday
    ];

    // Act
    const working = days.filter(isWorkingDay);

    // Assess
    expect(working).toEqual([]);
  });

  it('is true on an ordinary weekday, including Maundy Thursday and the Tuesday after Easter', () => {
    // Prepare
    const days = ['2026-07-15', '2026-04-02', '2026-04-07', '2026-12-23'];

    // Act
    const working = days.filter(isWorkingDay);

    // Assess
    expect(working).toEqual(days);
  });
});

describe('Czech formatting', () => {
  it('formats a date without leading zeros', () => {
    // Prepare
    const date = '2026-07-05';

    // Act
    const formatted = formatCzechDate(date);

    // Assess
    expect(formatted).toBe('5. 7. 2026');
  });

  it('formats an instant on its Prague day', () => {
    // Prepare
    const instant = new Date('2026-07-15T22:30:00Z');

    // Act
    const formatted = formatCzechDate(instant);

    // Assess
    expect(formatted).toBe('16. 7. 2026');
  });

  it('formats an instant with Prague time', () => {
    // Prepare
    const evening = new Date('2026-07-15T21:59:59Z');
    const morning = new Date('2026-01-10T07:05:00Z');

    // Act
    const formattedEvening = formatCzechDateTime(evening);
    const formattedMorning = formatCzechDateTime(morning);

    // Assess
    expect(formattedEvening).toBe('15. 7. 2026 23:59');
    expect(formattedMorning).toBe('10. 1. 2026 8:05');
  });
});

describe('isoDateSchema', () => {
  it('accepts a real calendar date', () => {
    // Prepare
    const input = '2028-02-29';

    // Act
    const result = isoDateSchema().safeParse(input);

    // Assess
    expect(result).toEqual({ success: true, data: '2028-02-29' });
  });

  it.each(['2026-02-29', '2026-13-01', '2026-7-15', '15. 7. 2026', '', 20260715, null])(
    'rejects %j with the Czech message',
    (input) => {
      // Prepare
      const expected = 'Zadejte datum ve tvaru RRRR-MM-DD.';

      // Act
      const result = isoDateSchema().safeParse(input);

      // Assess
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([expected]);
    },
  );
});

describe('pragueParts against ICU', () => {
  it('gives the wall clock ICU gives for Europe/Prague, every fifth hour from 1995 to 2031 and around each change', () => {
    // Prepare
    const icu = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Prague',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    const expected = (instant: Date) => {
      const values = Object.fromEntries(icu.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
      return { year: values.year, month: values.month, day: values.day, hour: values.hour, minute: values.minute };
    };
    const instants: Date[] = [];
    for (let t = Date.UTC(1995, 0, 1); t < Date.UTC(2031, 0, 1); t += 5 * 3_600_000) instants.push(new Date(t));
    // A minute either side of every change (01:00 UTC on the last Sundays of March and October).
    for (let year = 1996; year <= 2030; year += 1) {
      for (const month of [2, 9]) {
        const last = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
        instants.push(new Date(change - 60_000), new Date(change), new Date(change + 60_000));
      }
    }

    // Act
    const mismatches = instants.filter((instant) => {
      const { weekday: _weekday, ...parts } = pragueParts(instant);
      return JSON.stringify(parts) !== JSON.stringify(expected(instant));
    });

    // Assess
    expect(instants.length).toBeGreaterThan(60_000);
    expect(mismatches).toEqual([]);
  });
});
