import { NotFoundError } from '../../domain/errors';
import type { ActionPlan } from '../../domain/plan';
import type { PlanRevision, PlanRevisionSummary } from '../../domain/plan-history';
import type { PlanCatalog, StoredPlan } from '../../domain/ports';

/** The plan port in memory, with the same revision rules as the DynamoDB catalog. */
export class InMemoryPlanCatalog implements PlanCatalog {
  /** How many times the whole plan was read: what a cache in front of it should save. */
  reads = 0;
  private readonly plans = new Map<string, StoredPlan>();
  private readonly revisions = new Map<string, PlanRevision>();

  async getPlan(planId: string): Promise<ActionPlan> {
    const stored = await this.getStoredPlan(planId);
    if (stored === null) throw new NotFoundError(`Akční plán „${planId}“ nebyl nahrán.`);
    return stored.plan;
  }

  async getStoredPlan(planId: string): Promise<StoredPlan | null> {
    this.reads += 1;
    const stored = this.plans.get(planId);
    return stored ? structuredClone(stored) : null;
  }

  async currentRevision(planId: string): Promise<number> {
    return this.plans.get(planId)?.revision ?? 0;
  }

  async savePlan(plan: ActionPlan, revision = 0): Promise<void> {
    this.plans.set(plan.id, { plan: structuredClone(plan), revision });
  }

  async appendRevision(revision: PlanRevision): Promise<boolean> {
    const key = `${revision.planId}#${revision.revision}`;
    if (this.revisions.has(key)) return false;
    this.revisions.set(key, structuredClone(revision));
    return true;
  }

  async getRevision(planId: string, revision: number): Promise<PlanRevision | null> {
    const found = this.revisions.get(`${planId}#${revision}`);
    return found ? structuredClone(found) : null;
  }

  async listRevisions(planId: string): Promise<PlanRevisionSummary[]> {
    return [...this.revisions.values()]
      .filter((revision) => revision.planId === planId)
      .sort((a, b) => a.revision - b.revision)
      .map(({ plan: _plan, ...summary }) => structuredClone(summary));
  }
}
