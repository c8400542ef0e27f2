import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors';
import { nextPeriod, parsePeriodId, periodIdSchema, periodOfDate, periodsToOpen, previousPeriod, usualPeriodToOpen } from '../../domain/period';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parsePeriodId', () => {
  it('reads the first half-year with its Czech labels and Prague boundaries', () => {
    // Prepare
    const id = '2026-H1';

    // Act
    const period = parsePeriodId(id);

    // Assess
    expect(period).toEqual({
      id: '2026-H1',
      year: 2026,
      half: 1,
      label: '1. pololetí 2026',
      shortLabel: '01/2026',
      firstDay: '2026-01-01',
      lastDay: '2026-06-30',
      start: new Date('2025-12-31T23:00:00Z'),
      end: new Date('2026-06-30T22:00:00Z'),
    });
  });

  it('reads the second half-year, ending at the winter-time midnight of the new year', () => {
    // Prepare
    const id = '2025-H2';

    // Act
    const period = parsePeriodId(id);

    // Assess
    expect(period.label).toBe('2. pololetí 2025');
    expect(period.shortLabel).toBe('02/2025');
    expect([period.firstDay, period.lastDay]).toEqual(['2025-07-01', '2025-12-31']);
    expect(period.start.toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(period.end.toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });

  it.each(['2026-H3', '26-H1', '2026H1', '', '2026-h1', ' 2026-H1', '2026-H0', '2026-H12'])(
    'rejects %j with a Czech ValidationError naming it',
    (id) => {
      // Prepare
      const expected = `Období „${id}“ není platné. Použijte tvar RRRR-H1 nebo RRRR-H2, např. 2026-H1.`;

      // Act
      const error = thrownBy(() => parsePeriodId(id));

      // Assess
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ message: expected, details: { period: expected } });
    },
  );
});

describe('previousPeriod and nextPeriod', () => {
  it('step within a year and across the year boundary', () => {
    // Prepare
    const h1 = parsePeriodId('2026-H1');
    const h2 = parsePeriodId('2026-H2');

    // Act
    const ids = [previousPeriod(h1), nextPeriod(h1), previousPeriod(h2), nextPeriod(h2)].map((p) => p.id);

    // Assess
    expect(ids).toEqual(['2025-H2', '2026-H2', '2026-H1', '2027-H1']);
  });

  it('a period ends exactly where the next one starts', () => {
    // Prepare
    const period = parsePeriodId('2026-H2');

    // Act
    const next = nextPeriod(period);

    // Assess
    expect(next.start.getTime()).toBe(period.end.getTime());
    expect(next.label).toBe('1. pololetí 2027');
  });
});

describe('periodIdSchema', () => {
  it('accepts a valid id, trimming spaces from a form', () => {
    // Prepare
    const input = ' 2026-H2 ';

    // Act
    const result = periodIdSchema().safeParse(input);

    // Assess
    expect(result).toEqual({ success: true, data: '2026-H2' });
  });

  it('rejects an invalid id with the Czech message', () => {
    // Prepare
    const input = '2026-H3';

    // Act
    const result = periodIdSchema().safeParse(input);

    // Assess
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Období „2026-H3“ není platné. Použijte tvar RRRR-H1 nebo RRRR-H2, např. 2026-H1.',
    ]);
  });

  it('asks for the period when it is missing', () => {
    // Prepare
    const input = undefined;

    // Act
    const result = periodIdSchema().safeParse(input);

    // Assess
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Zadejte období ve tvaru RRRR-H1 nebo RRRR-H2, např. 2026-H1.',
    ]);
  });
});

describe('periodOfDate', () => {
  it('puts 30 June in the first half-year and 1 July in the second', () => {
    // Act
    const ids = ['2026-06-30', '2026-07-01', '2026-12-31', '2027-01-01'].map((date) => periodOfDate(date).id);

    // Assess
    expect(ids).toEqual(['2026-H1', '2026-H2', '2026-H2', '2027-H1']);
  });
});

describe('usualPeriodToOpen', () => {
  it('is the half-year that ended while its usual deadline, 15 days after its end, is still ahead', () => {
    // Act
    const ids = ['2027-01-01', '2027-01-14', '2026-07-10'].map((today) => usualPeriodToOpen(today).id);

    // Assess
    expect(ids).toEqual(['2026-H2', '2026-H2', '2026-H1']);
  });

  it('is the running half-year from the last one’s usual deadline on', () => {
    // Act
    const ids = ['2027-01-15', '2026-12-03', '2026-07-15'].map((today) => usualPeriodToOpen(today).id);

    // Assess
    expect(ids).toEqual(['2027-H1', '2026-H2', '2026-H2']);
  });
});

describe('periodsToOpen', () => {
  const ids = (today: string, cycles: Array<{ id: string; source: 'system' | 'import' }>) => periodsToOpen(today, cycles).map((period) => period.id);

  it('offers the last, the running and the next half-year while none has a cycle', () => {
    // Act
    const offered = ids('2026-12-03', []);

    // Assess
    expect(offered).toEqual(['2026-H1', '2026-H2', '2027-H1']);
  });

  it('leaves out the half-years that have a cycle, opened or taken from a report', () => {
    // Act
    const offered = ids('2026-06-01', [
      { id: '2025-H2', source: 'import' },
      { id: '2026-H1', source: 'system' },
    ]);

    // Assess
    expect(offered).toEqual(['2026-H2']);
  });

  it('leaves out a half-year before the one ARR opened last, but not one before a report’s', () => {
    // Act
    const afterOpened = ids('2026-12-03', [{ id: '2026-H2', source: 'system' }]);
    const afterImported = ids('2026-12-03', [{ id: '2026-H2', source: 'import' }]);

    // Assess
    expect(afterOpened).toEqual(['2027-H1']);
    expect(afterImported).toEqual(['2026-H1', '2027-H1']);
  });
});
