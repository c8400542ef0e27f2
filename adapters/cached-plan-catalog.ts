import type { ActionPlan } from '../domain/plan';
import type { PlanCatalog } from '../domain/ports';

/** Freezes a plan and everything in it, so one copy can be handed to every caller. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Keeps each plan in memory for a while. The plan is read by every request and every queue
 * message, but it changes only when ARR loads a new catalog; reading its thousands of items each
 * time made the work grow with the square of the plan's size. A warm function sees a reloaded
 * plan after at most `ttlMs`; a save through this catalog is seen at once.
 *
 * Every caller gets the same deeply frozen plan: a copy per call (structuredClone) cost as much
 * CPU per request as the plan is large, and no caller changes the plan.
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
    if (cached && cached.until > this.now()) return cached.plan;
    // Copied once per load, so that freezing never reaches an object the inner catalog keeps.
    const plan = deepFreeze(structuredClone(await this.inner.getPlan(planId)));
    this.cache.set(planId, { plan, until: this.now() + this.ttlMs });
    return plan;
  }

  async savePlan(plan: ActionPlan): Promise<void> {
    this.cache.delete(plan.id);
    await this.inner.savePlan(plan);
  }
}
