import { NotFoundError } from '../domain/errors';
import type { ActionPlan } from '../domain/plan';
import type { PlanRevision, PlanRevisionSummary } from '../domain/plan-history';
import type { PlanCatalog, StoredPlan } from '../domain/ports';

/** Freezes a plan and everything in it, so one copy can be handed to every caller. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Keeps each plan in memory. The plan is read by every request and every queue message, but it
 * changes only when ARR edits it; reading its thousands of items each time made the work grow
 * with the square of the plan's size. A versioned plan (revision 1 and up) is checked against
 * the one-item current revision on every read, so an edit reaches the very next email and page
 * in every warm function; a caller that read the current revision with its other items (a
 * contact person's link) passes it, sparing that read. A plan stored without history (revision
 * 0: the benchmark's generated plans) is kept for `ttlMs`; a save through this catalog is seen at once.
 *
 * `getPlan` hands every caller the same deeply frozen plan: a copy per call (structuredClone)
 * cost as much CPU per request as the plan is large, and no reader changes the plan.
 * `getStoredPlan` is what a plan edit starts from, so it gets its own copy to change.
 */
export class CachedPlanCatalog implements PlanCatalog {
  private readonly cache = new Map<string, { stored: StoredPlan; until: number }>();

  constructor(
    private readonly inner: PlanCatalog,
    private readonly ttlMs = 5 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async getPlan(planId: string, currentRevision?: number): Promise<ActionPlan> {
    const stored = await this.cachedPlan(planId, currentRevision);
    if (stored === null) throw new NotFoundError(`Akční plán „${planId}“ nebyl nahrán.`);
    return stored.plan;
  }

  async getStoredPlan(planId: string): Promise<StoredPlan | null> {
    const stored = await this.cachedPlan(planId);
    return stored === null ? null : structuredClone(stored);
  }

  /** The cached, frozen plan, read again when it is stale; `known`: the current revision, read just now by the caller. */
  private async cachedPlan(planId: string, known?: number): Promise<StoredPlan | null> {
    const cached = this.cache.get(planId);
    if (cached) {
      const fresh =
        cached.stored.revision === 0
          ? (known ?? 0) === 0 && cached.until > this.now()
          : (known ?? (await this.inner.currentRevision(planId))) === cached.stored.revision;
      if (fresh) return cached.stored;
    }
    const read = await this.inner.getStoredPlan(planId);
    if (read === null) return null;
    // Copied once per load, so that freezing never reaches an object the inner catalog keeps.
    const stored = deepFreeze(structuredClone(read));
    this.cache.set(planId, { stored, until: this.now() + this.ttlMs });
    return stored;
  }

  currentRevision(planId: string): Promise<number> {
    return this.inner.currentRevision(planId);
  }

  async savePlan(plan: ActionPlan, revision?: number): Promise<void> {
    this.cache.delete(plan.id);
    await this.inner.savePlan(plan, revision);
  }

  appendRevision(revision: PlanRevision): Promise<boolean> {
    return this.inner.appendRevision(revision);
  }

  getRevision(planId: string, revision: number): Promise<PlanRevision | null> {
    return this.inner.getRevision(planId, revision);
  }

  listRevisions(planId: string): Promise<PlanRevisionSummary[]> {
    return this.inner.listRevisions(planId);
  }
}
