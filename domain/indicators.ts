/**
 * Indicator values of a cycle, recomputed from the latest submission of every project. The rules
 * per aggregation kind are described on `IndicatorAggregation` in plan.ts.
 */
import type { IndicatorDefinition } from './plan';

export interface IndicatorContribution {
  projectId: string;
  version: number;
  contributions: Record<string, number>;
}

export interface IndicatorValue {
  code: string;
  periodValue: number;
  cumulativeValue: number;
  /** Sorted by projectId; projects contributing zero are left out. */
  contributors: Array<{ projectId: string; version: number; amount: number }>;
}

export type PreviousIndicatorValues = Record<string, { periodValue: number; cumulativeValue: number }>;

export function baselineValues(definitions: IndicatorDefinition[]): PreviousIndicatorValues {
  return Object.fromEntries(
    definitions.map((definition) => [
      definition.code,
      { periodValue: definition.baseline.value, cumulativeValue: definition.baseline.value },
    ]),
  );
}

/** Keeps the highest version per project, whatever order the submissions come in. */
function latestPerProject(submissions: IndicatorContribution[]): IndicatorContribution[] {
  const latest = new Map<string, IndicatorContribution>();
  for (const submission of submissions) {
    const known = latest.get(submission.projectId);
    if (!known || submission.version >= known.version) latest.set(submission.projectId, submission);
  }
  return [...latest.values()];
}

const byProjectId = (a: { projectId: string }, b: { projectId: string }) =>
  a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0;

export function computeIndicators(
  definitions: IndicatorDefinition[],
  latestSubmissions: IndicatorContribution[],
  previous: PreviousIndicatorValues,
): IndicatorValue[] {
  const submissions = latestPerProject(latestSubmissions).sort(byProjectId);

  return definitions.map((definition) => {
    const before = previous[definition.code] ?? { periodValue: 0, cumulativeValue: 0 };
    const contributors = submissions
      .map((s) => ({ projectId: s.projectId, version: s.version, amount: s.contributions[definition.code] ?? 0 }))
      .filter((contributor) => contributor.amount !== 0);
    const amounts = contributors.map((contributor) => contributor.amount);

    if (definition.aggregation === 'latest') {
      // A state, not a flow: a zero means "nothing to report", so it keeps the previous state.
      const periodValue = amounts.length > 0 ? Math.max(...amounts) : before.periodValue;
      return { code: definition.code, periodValue, cumulativeValue: periodValue, contributors };
    }
    const periodValue = amounts.reduce((sum, amount) => sum + amount, 0);
    return {
      code: definition.code,
      periodValue,
      cumulativeValue: before.cumulativeValue + periodValue,
      contributors,
    };
  });
}

/**
 * The running sums of a cycle's contributions, small whatever the size of the plan: one entry per
 * indicator. Every part is a sum over projects, so replacing one project's contribution is a
 * subtraction and an addition (`moveContribution`), never a pass over the other projects.
 */
export interface IndicatorTotal {
  /** Sum of every project's amount. */
  sum: number;
  /**
   * Only for `latest` indicators: each non-zero amount reported and by how many projects. The
   * largest is the value; counting them (rather than keeping the maximum) lets a project lower or
   * withdraw its amount without a re-read of the others.
   */
  amounts?: Record<string, number>;
}

export type IndicatorTotals = Record<string, IndicatorTotal>;

/** A value as the totals give it; who contributed is kept per project (provenance) beside them. */
export type IndicatorFigure = Pick<IndicatorValue, 'code' | 'periodValue' | 'cumulativeValue'>;

/**
 * The totals after one project's contribution changed from `from` to `to` (`{}` for none). Codes
 * outside the definitions are ignored, as in `computeIndicators`. Returns a new object.
 */
export function moveContribution(
  totals: IndicatorTotals,
  definitions: IndicatorDefinition[],
  from: Record<string, number>,
  to: Record<string, number>,
): IndicatorTotals {
  const next: IndicatorTotals = structuredClone(totals);
  for (const definition of definitions) {
    const before = from[definition.code] ?? 0;
    const after = to[definition.code] ?? 0;
    if (before === after) continue;
    const total = (next[definition.code] ??= { sum: 0 });
    total.sum += after - before;
    if (definition.aggregation !== 'latest') continue;
    const amounts = (total.amounts ??= {});
    if (before !== 0) {
      const left = (amounts[before] ?? 0) - 1;
      if (left > 0) amounts[before] = left;
      else delete amounts[before];
    }
    if (after !== 0) amounts[after] = (amounts[after] ?? 0) + 1;
  }
  return next;
}

/** The values the totals make, by the same rules as `computeIndicators`. */
export function figuresFromTotals(
  definitions: IndicatorDefinition[],
  totals: IndicatorTotals,
  previous: PreviousIndicatorValues,
): IndicatorFigure[] {
  return definitions.map((definition) => {
    const before = previous[definition.code] ?? { periodValue: 0, cumulativeValue: 0 };
    const total = totals[definition.code] ?? { sum: 0 };
    if (definition.aggregation === 'latest') {
      const amounts = Object.keys(total.amounts ?? {}).map(Number);
      const periodValue = amounts.length > 0 ? Math.max(...amounts) : before.periodValue;
      return { code: definition.code, periodValue, cumulativeValue: periodValue };
    }
    return { code: definition.code, periodValue: total.sum, cumulativeValue: before.cumulativeValue + total.sum };
  });
}
