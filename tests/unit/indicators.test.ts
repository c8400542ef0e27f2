import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySubmission,
  baselineValues,
  computeIndicators,
  type IndicatorContribution,
  type IndicatorValue,
} from '../../domain/indicators';
import type { IndicatorAggregation, IndicatorDefinition } from '../../domain/plan';

function definition(code: string, aggregation: IndicatorAggregation, baseline = 0): IndicatorDefinition {
  return {
    code,
    name: `Indikátor ${code}`,
    activityAreaId: 'verejna-sprava',
    aggregation,
    unit: 'počet',
    baseline: { asOf: '2025-12-31', value: baseline },
  };
}

const definitions = [
  definition('VS-1', 'sum-per-period', 2),
  definition('VS-2', 'cumulative', 10),
  definition('PP-1', 'latest', 40),
];
const previous = {
  'VS-1': { periodValue: 2, cumulativeValue: 5 },
  'VS-2': { periodValue: 3, cumulativeValue: 10 },
  'PP-1': { periodValue: 40, cumulativeValue: 40 },
};

/** The values without `projectVersions`, which is bookkeeping for applySubmission. */
const visible = (values: IndicatorValue[]) => values.map(({ projectVersions: _versions, ...value }) => value);

describe('baselineValues', () => {
  it('starts every indicator at its baseline', () => {
    // Prepare
    const defs = definitions;

    // Act
    const values = baselineValues(defs);

    // Assess
    expect(values).toEqual({
      'VS-1': { periodValue: 2, cumulativeValue: 2 },
      'VS-2': { periodValue: 10, cumulativeValue: 10 },
      'PP-1': { periodValue: 40, cumulativeValue: 40 },
    });
  });
});

describe('computeIndicators', () => {
  it('sums flows, adds them to the previous cumulative value and takes the largest state', () => {
    // Prepare
    const submissions: IndicatorContribution[] = [
      { projectId: 'portal', version: 1, contributions: { 'PP-1': 42, 'VS-1': 1 } },
      { projectId: 'digitalizace', version: 2, contributions: { 'VS-1': 2, 'VS-2': 4, 'PP-1': 41 } },
    ];

    // Act
    const values = computeIndicators(definitions, submissions, previous);

    // Assess
    expect(visible(values)).toEqual([
      {
        code: 'VS-1',
        periodValue: 3,
        cumulativeValue: 8,
        contributors: [
          { projectId: 'digitalizace', version: 2, amount: 2 },
          { projectId: 'portal', version: 1, amount: 1 },
        ],
      },
      {
        code: 'VS-2',
        periodValue: 4,
        cumulativeValue: 14,
        contributors: [{ projectId: 'digitalizace', version: 2, amount: 4 }],
      },
      {
        code: 'PP-1',
        periodValue: 42,
        cumulativeValue: 42,
        contributors: [
          { projectId: 'digitalizace', version: 2, amount: 41 },
          { projectId: 'portal', version: 1, amount: 42 },
        ],
      },
    ]);
  });

  it('keeps the previous state of a "latest" indicator and adds nothing to flows when nobody reported', () => {
    // Prepare
    const submissions: IndicatorContribution[] = [{ projectId: 'portal', version: 1, contributions: { 'PP-1': 0 } }];

    // Act
    const values = computeIndicators(definitions, submissions, previous);

    // Assess
    expect(visible(values)).toEqual([
      { code: 'VS-1', periodValue: 0, cumulativeValue: 5, contributors: [] },
      { code: 'VS-2', periodValue: 0, cumulativeValue: 10, contributors: [] },
      { code: 'PP-1', periodValue: 40, cumulativeValue: 40, contributors: [] },
    ]);
  });

  it('counts only the highest version of each project and ignores unknown codes', () => {
    // Prepare
    const submissions: IndicatorContribution[] = [
      { projectId: 'portal', version: 2, contributions: { 'VS-1': 5, 'XX-1': 9 } },
      { projectId: 'portal', version: 1, contributions: { 'VS-1': 100 } },
    ];

    // Act
    const values = computeIndicators(definitions, submissions, previous);

    // Assess
    expect(values[0]).toMatchObject({ periodValue: 5, contributors: [{ projectId: 'portal', version: 2, amount: 5 }] });
    expect(values.map((v) => v.code)).toEqual(['VS-1', 'VS-2', 'PP-1']);
  });

  it('treats an indicator missing from the previous values as starting at zero', () => {
    // Prepare
    const submissions: IndicatorContribution[] = [{ projectId: 'p', version: 1, contributions: { 'VS-2': 3 } }];

    // Act
    const values = computeIndicators(definitions, submissions, {});

    // Assess
    expect(values.map((v) => [v.periodValue, v.cumulativeValue])).toEqual([
      [0, 0],
      [3, 3],
      [0, 0],
    ]);
  });
});

describe('applySubmission', () => {
  it('replaces the earlier contribution of the same project', () => {
    // Prepare
    const current = computeIndicators(
      definitions,
      [
        { projectId: 'a', version: 1, contributions: { 'VS-1': 4 } },
        { projectId: 'b', version: 1, contributions: { 'VS-1': 1 } },
      ],
      previous,
    );

    // Act
    const values = applySubmission(current, definitions, previous, {
      projectId: 'a',
      version: 2,
      contributions: { 'VS-1': 2 },
    });

    // Assess
    expect(values[0]).toMatchObject({
      periodValue: 3,
      cumulativeValue: 8,
      contributors: [
        { projectId: 'a', version: 2, amount: 2 },
        { projectId: 'b', version: 1, amount: 1 },
      ],
    });
  });

  it('ignores an older version delivered late, even after a newer one that contributed nothing', () => {
    // Prepare
    const current = computeIndicators(definitions, [{ projectId: 'a', version: 3, contributions: {} }], previous);

    // Act
    const values = applySubmission(current, definitions, previous, {
      projectId: 'a',
      version: 2,
      contributions: { 'VS-1': 7 },
    });

    // Assess
    expect(values).toEqual(current);
    expect(values[0]?.periodValue).toBe(0);
  });

  it('starts from no values at all', () => {
    // Prepare
    const current: IndicatorValue[] = [];

    // Act
    const values = applySubmission(current, definitions, previous, {
      projectId: 'a',
      version: 1,
      contributions: { 'PP-1': 45 },
    });

    // Assess
    expect(visible(values)).toEqual([
      { code: 'VS-1', periodValue: 0, cumulativeValue: 5, contributors: [] },
      { code: 'VS-2', periodValue: 0, cumulativeValue: 10, contributors: [] },
      { code: 'PP-1', periodValue: 45, cumulativeValue: 45, contributors: [{ projectId: 'a', version: 1, amount: 45 }] },
    ]);
  });

  it('folded over any delivery order equals computing from the highest version per project', () => {
    // Prepare
    const codes = definitions.map((d) => d.code);
    const submission = fc.record({
      projectId: fc.constantFrom('a', 'b', 'c', 'd'),
      version: fc.integer({ min: 1, max: 5 }),
      contributions: fc.dictionary(fc.constantFrom(...codes, 'XX-1'), fc.integer({ min: 0, max: 50 })),
    });
    // One content per (project, version): a re-delivered version carries the same content.
    const deliveries = fc
      .array(submission, { maxLength: 25 })
      .map((all) =>
        all.map((s) => all.find((first) => first.projectId === s.projectId && first.version === s.version) ?? s),
      );

    fc.assert(
      fc.property(deliveries, (sequence) => {
        // Act
        const folded = sequence.reduce<IndicatorValue[]>(
          (current, s) => applySubmission(current, definitions, previous, s),
          computeIndicators(definitions, [], previous),
        );
        const highest = [...new Set(sequence.map((s) => s.projectId))].map((projectId) =>
          sequence
            .filter((s) => s.projectId === projectId)
            .reduce((best, s) => (s.version > best.version ? s : best)),
        );
        const expected = computeIndicators(definitions, highest, previous);

        // Assess
        expect(folded).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
