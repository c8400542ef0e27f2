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
  /**
   * The submission version of every project the value reflects, zero contributions included.
   * `applySubmission` needs it to recognise an out-of-order older version from a project whose
   * newer version contributed nothing; values computed here always carry it.
   */
  projectVersions?: Record<string, number>;
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
  const projectVersions = Object.fromEntries(submissions.map((s) => [s.projectId, s.version]));

  return definitions.map((definition) => {
    const before = previous[definition.code] ?? { periodValue: 0, cumulativeValue: 0 };
    const contributors = submissions
      .map((s) => ({ projectId: s.projectId, version: s.version, amount: s.contributions[definition.code] ?? 0 }))
      .filter((contributor) => contributor.amount !== 0);
    const amounts = contributors.map((contributor) => contributor.amount);

    if (definition.aggregation === 'latest') {
      // A state, not a flow: a zero means "nothing to report", so it keeps the previous state.
      const periodValue = amounts.length > 0 ? Math.max(...amounts) : before.periodValue;
      return { code: definition.code, periodValue, cumulativeValue: periodValue, contributors, projectVersions };
    }
    const periodValue = amounts.reduce((sum, amount) => sum + amount, 0);
    return {
      code: definition.code,
      periodValue,
      cumulativeValue: before.cumulativeValue + periodValue,
      contributors,
      projectVersions,
    };
  });
}

/** The latest submission of every project, as far as the current values reveal them. */
function submissionsBehind(current: IndicatorValue[]): IndicatorContribution[] {
  const submissions = new Map<string, IndicatorContribution>();
  const ensure = (projectId: string, version: number) => {
    const known = submissions.get(projectId);
    if (known) return known;
    const created: IndicatorContribution = { projectId, version, contributions: {} };
    submissions.set(projectId, created);
    return created;
  };
  for (const value of current) {
    for (const [projectId, version] of Object.entries(value.projectVersions ?? {})) ensure(projectId, version);
    for (const contributor of value.contributors) {
      ensure(contributor.projectId, contributor.version).contributions[value.code] = contributor.amount;
    }
  }
  return [...submissions.values()];
}

/**
 * Folds one more submission into the current values: it replaces the project's earlier
 * contribution, and an older version than the one already applied (queues deliver out of order)
 * leaves the values as they are.
 */
export function applySubmission(
  current: IndicatorValue[],
  definitions: IndicatorDefinition[],
  previous: PreviousIndicatorValues,
  submission: IndicatorContribution,
): IndicatorValue[] {
  const others = submissionsBehind(current);
  const applied = others.find((s) => s.projectId === submission.projectId);
  if (applied && submission.version < applied.version) return current;
  return computeIndicators(
    definitions,
    [...others.filter((s) => s.projectId !== submission.projectId), submission],
    previous,
  );
}
