import { describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { listImportedCycles } from '../../../domain/use-cases/arr';
import { importPastReport } from '../../../domain/use-cases/load-history';
import { openCycle } from '../../../domain/use-cases/open-cycle';
import { inMemoryWorld } from '../../support/in-memory-dependencies';
import { pastReportText } from '../../support/past-reports';

describe('ARR’s list of imported half-years', () => {
  it('lists only the half-years loaded from past reports, newest first, with their Czech names', async () => {
    // Prepare
    const world = inMemoryWorld(liberecActionPlan, '2026-06-01T08:00:00Z');
    await importPastReport(world.deps, { report: await pastReportText('2025-H1') }, 'test');
    await importPastReport(world.deps, { report: await pastReportText('2025-H2') }, 'test');
    await openCycle(world.deps, { period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' }, 'test');

    // Act
    const imported = await listImportedCycles(world.deps);

    // Assess
    expect(imported).toEqual([
      { id: '2025-H2', label: '2. pololetí 2025' },
      { id: '2025-H1', label: '1. pololetí 2025' },
    ]);
  });
});

describe('a past report loaded again', () => {
  it('takes a corrected text as the project’s next version, and nothing when the same report comes again', async () => {
    // Prepare
    const world = inMemoryWorld(liberecActionPlan, '2026-06-01T08:00:00Z');
    const original = await pastReportText('2025-H1');
    const first = await importPastReport(world.deps, { report: original }, 'test');
    const [projectId, stored] = await firstImportedVersion(world);
    const correctedText = original.replace(stored.thisPeriod, 'Opravený text: instalace regálů dokončena.');

    // Act
    const corrected = await importPastReport(world.deps, { report: correctedText }, 'test');
    const again = await importPastReport(world.deps, { report: correctedText }, 'test');

    // Assess
    expect(first).toMatchObject({ alreadyLoaded: false, corrected: 0 });
    expect(first.imported).toBeGreaterThan(10);
    expect(corrected).toMatchObject({ alreadyLoaded: true, imported: 0, corrected: 1 });
    expect(again).toMatchObject({ alreadyLoaded: true, imported: 0, corrected: 0 });
    const latest = await world.deps.submissions.latestVersion('2025-H1', projectId);
    expect(latest).toMatchObject({ version: 2, thisPeriod: 'Opravený text: instalace regálů dokončena.', nextPeriodPlan: stored.nextPeriodPlan });
  });
});

/** The version one import stored for the first project of the plan that the 2025-H1 report names. */
async function firstImportedVersion(world: ReturnType<typeof inMemoryWorld>) {
  for (const project of liberecActionPlan.projects) {
    const version = await world.deps.submissions.latestVersion('2025-H1', project.id);
    if (version && version.thisPeriod.length > 20) return [project.id, version] as const;
  }
  throw new Error('no project of the plan in the 2025-H1 report');
}
