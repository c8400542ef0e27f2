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
