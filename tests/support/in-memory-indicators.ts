/**
 * The indicator store in memory, with the DynamoDB adapter's single-item conditions: the totals
 * saved on a revision, a project's contribution begun only on the applied version it was read at,
 * committed only while pending.
 */
import type { IndicatorStore } from '../../domain/ports';
import type { AppliedContribution, IndicatorTotalsRecord } from '../../domain/records';

const clone = <T>(value: T): T => structuredClone(value);

export class InMemoryIndicatorStore implements IndicatorStore {
  readonly totals = new Map<string, IndicatorTotalsRecord>();
  readonly contributions = new Map<string, AppliedContribution>();

  async getTotals(cycleId: string): Promise<IndicatorTotalsRecord | null> {
    const found = this.totals.get(cycleId);
    return found ? clone(found) : null;
  }

  async saveTotals(record: IndicatorTotalsRecord, expectedRevision: number | null): Promise<boolean> {
    if ((this.totals.get(record.cycleId)?.revision ?? null) !== expectedRevision) return false;
    this.totals.set(record.cycleId, clone(record));
    return true;
  }

  async settleInFlight(cycleId: string, projectId: string, version: number): Promise<void> {
    const found = this.totals.get(cycleId);
    if (found?.inFlight[projectId] !== version) return;
    const { [projectId]: _settled, ...inFlight } = found.inFlight;
    this.totals.set(cycleId, { ...found, inFlight, revision: found.revision + 1 });
  }

  async getContribution(cycleId: string, projectId: string): Promise<AppliedContribution | null> {
    const found = this.contributions.get(`${cycleId}/${projectId}`);
    return found ? clone(found) : null;
  }

  async beginContribution(
    cycleId: string,
    projectId: string,
    appliedVersion: number,
    pending: NonNullable<AppliedContribution['pending']>,
  ): Promise<boolean> {
    const key = `${cycleId}/${projectId}`;
    const found = this.contributions.get(key);
    if (found?.pending || (found?.version ?? 0) !== appliedVersion) return false;
    this.contributions.set(key, { cycleId, projectId, version: 0, contributions: {}, ...found, pending: clone(pending) });
    return true;
  }

  async commitContribution(cycleId: string, projectId: string, version: number): Promise<boolean> {
    const key = `${cycleId}/${projectId}`;
    const found = this.contributions.get(key);
    if (found?.pending?.version !== version) return false;
    this.contributions.set(key, { cycleId, projectId, version, contributions: found.pending.contributions });
    return true;
  }

  async listContributions(cycleId: string): Promise<AppliedContribution[]> {
    return [...this.contributions.values()].filter((item) => item.cycleId === cycleId).map(clone);
  }
}
