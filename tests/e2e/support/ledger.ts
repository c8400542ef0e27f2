/**
 * What the test itself sent, kept on the test's side: the expected indicators and completeness
 * are computed from it, never read back from the system under test.
 */
import type { IndicatorDefinition } from '../../../domain/plan';
import type { ProjectReport } from './http';

export interface IndicatorExpectation {
  periodValue: number;
  cumulativeValue: number;
}

export class SubmissionLedger {
  private readonly versions = new Map<string, ProjectReport[]>();

  /** Records a version the system accepted; `version` must follow the previous one. */
  accepted(projectId: string, version: number, report: ProjectReport): void {
    const stored = this.versions.get(projectId) ?? [];
    if (version !== stored.length + 1) throw new Error(`Ledger: ${projectId} v${version} follows v${stored.length}.`);
    this.versions.set(projectId, [...stored, report]);
  }

  versionsOf(projectId: string): ProjectReport[] {
    return this.versions.get(projectId) ?? [];
  }

  submittedProjectIds(): Set<string> {
    return new Set(this.versions.keys());
  }

  latest(projectId: string): ProjectReport | undefined {
    return this.versions.get(projectId)?.at(-1);
  }

  /**
   * The plan's rules (plan.ts, IndicatorAggregation), applied to the latest version of every
   * project over the 31 Dec 2025 baseline: flows add up, a state takes the largest report.
   */
  expectedIndicators(definitions: IndicatorDefinition[]): Record<string, IndicatorExpectation> {
    const latest = [...this.versions.keys()].map((projectId) => this.latest(projectId) as ProjectReport);
    return Object.fromEntries(
      definitions.map((definition) => {
        const amounts = latest.map((report) => report.indicatorContributions[definition.code] ?? 0).filter((amount) => amount > 0);
        if (definition.aggregation === 'latest') {
          const value = amounts.length > 0 ? Math.max(...amounts) : definition.baseline.value;
          return [definition.code, { periodValue: value, cumulativeValue: value }];
        }
        const sum = amounts.reduce((total, amount) => total + amount, 0);
        return [definition.code, { periodValue: sum, cumulativeValue: definition.baseline.value + sum }];
      }),
    );
  }
}
