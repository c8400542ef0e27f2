import type { ActionPlan } from '../domain/plan';
import type { PlanCatalog } from '../domain/ports';

/**
 * Keeps each plan in memory for a while. The plan is read by every request and every queue
 * message, but it changes only when ARR loads a new catalog; reading its thousands of items each
 * time made the work grow with the square of the plan's size. A warm function sees a reloaded
 * plan after at most `ttlMs`; a save through this catalog is seen at once.
 */
export class CachedPlanCatalog implements PlanCatalog {
  private readonly cache = new Map<string, { plan: ActionPlan; until: number }>();

  constructor(
    private readonly inner: PlanCatalog,
    private readonly ttlMs = 5 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async getPlan(planId: string): Promise<ActionPlan> {
    const cached = this.cache.get(planId);
    if (cached && cached.until > this.now()) return structuredClone(cached.plan);
    const plan = await this.inner.getPlan(planId);
    this.cache.set(planId, { plan: structuredClone(plan), until: this.now() + this.ttlMs });
    return plan;
  }

  async savePlan(plan: ActionPlan): Promise<void> {
    this.cache.delete(plan.id);
    await this.inner.savePlan(plan);
  }
}
