import { describe, expect, it } from 'vitest';
import { CachedPlanCatalog } from '../../../adapters/cached-plan-catalog';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { NotFoundError } from '../../../domain/errors';
import { InMemoryPlanCatalog } from '../../support/in-memory-plan-catalog';

const CountingCatalog = InMemoryPlanCatalog;

describe('CachedPlanCatalog', () => {
  it('reads the plan once while it is fresh, again after the time to live', async () => {
    // Prepare
    const inner = new CountingCatalog();
    await inner.savePlan(liberecActionPlan);
    let now = 0;
    const catalog = new CachedPlanCatalog(inner, 1_000, () => now);

    // Act
    await catalog.getPlan(liberecActionPlan.id);
    await catalog.getPlan(liberecActionPlan.id);
    now = 1_001;
    const reread = await catalog.getPlan(liberecActionPlan.id);

    // Assess
    expect(inner.reads).toBe(2);
    expect(reread.projects).toHaveLength(liberecActionPlan.projects.length);
  });

  it('sees a plan saved through it at once, and hands out a plan nobody can alter', async () => {
    // Prepare
    const inner = new CountingCatalog();
    const catalog = new CachedPlanCatalog(inner, 60_000, () => 0);
    await catalog.savePlan(liberecActionPlan);
    const first = await catalog.getPlan(liberecActionPlan.id);
    const alter = () => {
      first.projects.length = 0;
    };

    // Act
    await catalog.savePlan({ ...liberecActionPlan, name: 'Nový název' });
    const second = await catalog.getPlan(liberecActionPlan.id);

    // Assess
    expect(alter).toThrow(TypeError);
    expect(first.projects).toHaveLength(liberecActionPlan.projects.length);
    expect(second.name).toBe('Nový název');
    expect(second.projects).toHaveLength(liberecActionPlan.projects.length);
    expect(Object.isFrozen(liberecActionPlan)).toBe(false);
  });

  it('does not remember a plan that is missing', async () => {
    // Prepare
    const inner = new CountingCatalog();
    const catalog = new CachedPlanCatalog(inner, 60_000, () => 0);

    // Act
    const missing = catalog.getPlan('2024-2026').catch((error: unknown) => error);
    await inner.savePlan(liberecActionPlan);
    const found = await catalog.getPlan('2024-2026');

    // Assess
    expect(await missing).toBeInstanceOf(NotFoundError);
    expect(found.id).toBe('2024-2026');
  });

  it('checks a versioned plan against its current revision on every read, so an edit elsewhere is seen at once', async () => {
    // Prepare
    const inner = new CountingCatalog();
    await inner.savePlan(liberecActionPlan, 1);
    const catalog = new CachedPlanCatalog(inner, 60_000, () => 0);
    await catalog.getPlan(liberecActionPlan.id);
    await catalog.getPlan(liberecActionPlan.id);

    // Act
    await inner.savePlan({ ...liberecActionPlan, name: 'Upraveno jinde' }, 2);
    const after = await catalog.getPlan(liberecActionPlan.id);

    // Assess
    expect(inner.reads).toBe(2);
    expect(after.name).toBe('Upraveno jinde');
  });

  it('takes a current revision the caller read for its own check, and reloads the plan when it is newer', async () => {
    // Prepare
    const inner = new CountingCatalog();
    await inner.savePlan(liberecActionPlan, 1);
    const catalog = new CachedPlanCatalog(inner, 60_000, () => 0);
    await catalog.getPlan(liberecActionPlan.id);
    let revisionReads = 0;
    const currentRevision = inner.currentRevision.bind(inner);
    inner.currentRevision = (planId) => {
      revisionReads += 1;
      return currentRevision(planId);
    };

    // Act
    const same = await catalog.getPlan(liberecActionPlan.id, 1);
    await inner.savePlan({ ...liberecActionPlan, name: 'Upraveno jinde' }, 2);
    const edited = await catalog.getPlan(liberecActionPlan.id, 2);

    // Assess
    expect(revisionReads).toBe(0);
    expect(same.name).toBe(liberecActionPlan.name);
    expect(edited.name).toBe('Upraveno jinde');
    expect(inner.reads).toBe(2);
  });
});
