import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../domain/errors';
import {
  baselineValues,
  computeIndicators,
  figuresFromTotals,
  moveContribution,
  type IndicatorContribution,
  type IndicatorValue,
} from '../../domain/indicators';
import type { IndicatorAggregation, IndicatorDefinition } from '../../domain/plan';
import type { IndicatorStore } from '../../domain/ports';
import type { AppliedContribution } from '../../domain/records';
import { foldContribution } from '../../domain/use-cases/recompute-indicators';
import { InMemoryIndicatorStore } from '../support/in-memory-indicators';

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
    expect(values).toEqual([
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
    expect(values).toEqual([
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

describe('moveContribution and figuresFromTotals', () => {
  it('replaces a project’s earlier contribution, lowering a "latest" value when its top project lowers it', () => {
    // Prepare
    let totals = moveContribution({}, definitions, {}, { 'VS-1': 4, 'PP-1': 45 });
    totals = moveContribution(totals, definitions, {}, { 'VS-1': 1, 'PP-1': 42 });

    // Act
    const replaced = moveContribution(totals, definitions, { 'VS-1': 4, 'PP-1': 45 }, { 'VS-1': 2, 'PP-1': 41 });

    // Assess
    expect(figuresFromTotals(definitions, replaced, previous)).toEqual([
      { code: 'VS-1', periodValue: 3, cumulativeValue: 8 },
      { code: 'VS-2', periodValue: 0, cumulativeValue: 10 },
      { code: 'PP-1', periodValue: 42, cumulativeValue: 42 },
    ]);
  });

  it('returns to the previous state of a "latest" indicator when every project withdraws its amount', () => {
    // Prepare
    const totals = moveContribution({}, definitions, {}, { 'PP-1': 45, 'XX-1': 3 });

    // Act
    const withdrawn = moveContribution(totals, definitions, { 'PP-1': 45, 'XX-1': 3 }, {});

    // Assess
    expect(figuresFromTotals(definitions, withdrawn, previous)).toEqual(figuresFromTotals(definitions, {}, previous));
    expect(figuresFromTotals(definitions, withdrawn, previous)[2]).toEqual({ code: 'PP-1', periodValue: 40, cumulativeValue: 40 });
  });
});

/** Contributors per indicator, read back from the projects' applied contributions (provenance). */
function provenance(items: AppliedContribution[]): Record<string, IndicatorValue['contributors']> {
  return Object.fromEntries(
    definitions.map((definition) => [
      definition.code,
      items
        .map((item) => ({ projectId: item.projectId, version: item.version, amount: item.contributions[definition.code] ?? 0 }))
        .filter((contributor) => contributor.amount !== 0)
        .sort((a, b) => a.projectId.localeCompare(b.projectId)),
    ]),
  );
}

class Crash extends Error {}

/** The store as one consumer sees it: every call waits for the scheduler; it dies after its `crashAfter`-th write. */
function consumerView(store: InMemoryIndicatorStore, scheduler: fc.Scheduler, crashAfter: number | null): IndicatorStore {
  let writes = 0;
  const writesOf = new Set(['saveTotals', 'settleInFlight', 'beginContribution', 'commitContribution']);
  return new Proxy(store, {
    get(target, name: string) {
      const method = (target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name];
      if (typeof method !== 'function') return method;
      return async (...args: unknown[]) => {
        await scheduler.schedule(Promise.resolve(name));
        const result = await method.apply(target, args);
        if (writesOf.has(name) && result !== false) {
          writes += 1;
          if (writes === crashAfter) throw new Crash(`died after ${name}`);
        }
        return result;
      };
    },
  }) as unknown as IndicatorStore;
}

describe('foldContribution (incremental) against computeIndicators (full)', () => {
  it('ends in the full recomputation’s values and provenance whatever the order, redeliveries, concurrency and crashes', async () => {
    // Prepare
    const codes = definitions.map((d) => d.code);
    const contributions = fc.dictionary(fc.constantFrom(...codes, 'XX-1'), fc.integer({ min: 0, max: 50 }));
    const projectId = fc.constantFrom('a', 'b', 'c', 'd');
    const delivery = fc.record({
      projectId,
      /** 0: the newest stored version; n > 0: a consumer that read the latest version n versions ago. */
      staleBy: fc.nat({ max: 2 }),
      /** Dies after its n-th successful write (there are at most four), or not at all. */
      crashAfter: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), projectId, contributions }),
      fc.record({ kind: fc.constant('deliver' as const), deliveries: fc.array(delivery, { minLength: 1, maxLength: 3 }) }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 20 }), fc.scheduler(), async (steps, scheduler) => {
        const store = new InMemoryIndicatorStore();
        const stored = new Map<string, IndicatorContribution[]>();
        const deliver = async (id: string, staleBy: number, crashAfter: number | null) => {
          const versions = stored.get(id) ?? [];
          const latest = versions[Math.max(0, versions.length - 1 - staleBy)];
          if (latest === undefined) return;
          const context = { indicators: consumerView(store, scheduler, crashAfter), cycleId: '2026-H1', definitions, previous, now: new Date(0) };
          try {
            await foldContribution(context, latest);
          } catch (error) {
            // A crash, or too many concurrent saves: SQS delivers the message again later.
            if (!(error instanceof Crash) && !(error instanceof ConflictError)) throw error;
          }
        };

        // Act
        for (const current of steps) {
          if (current.kind === 'edit') {
            const versions = stored.get(current.projectId) ?? [];
            versions.push({ projectId: current.projectId, version: versions.length + 1, contributions: current.contributions });
            stored.set(current.projectId, versions);
          } else {
            const running = Promise.all(current.deliveries.map((d) => deliver(d.projectId, d.staleBy, d.crashAfter)));
            await scheduler.waitFor(running);
          }
        }
        // Every message is delivered until it succeeds; the last delivery of each project does.
        for (const id of stored.keys()) {
          const last = deliver(id, 0, null);
          await scheduler.waitFor(last);
        }

        // Assess
        const latest = [...stored.values()].map((versions) => versions.at(-1) as IndicatorContribution);
        const full = computeIndicators(definitions, latest, previous);
        const totals = await store.getTotals('2026-H1');
        const items = await store.listContributions('2026-H1');
        expect(totals?.values ?? figuresFromTotals(definitions, {}, previous)).toEqual(
          full.map(({ code, periodValue, cumulativeValue }) => ({ code, periodValue, cumulativeValue })),
        );
        expect(provenance(items)).toEqual(Object.fromEntries(full.map((value) => [value.code, value.contributors])));
        expect(totals?.projects ?? 0).toBe(stored.size);
        expect(items.filter((item) => item.pending !== undefined)).toEqual([]);
        // Markers left by a crash after the commit are harmless: their contribution is no longer pending.
        for (const [id, version] of Object.entries(totals?.inFlight ?? {})) {
          expect(items.find((item) => item.projectId === id)?.version).toBeGreaterThanOrEqual(version);
        }
      }),
      { numRuns: 200 },
    );
  });
});
