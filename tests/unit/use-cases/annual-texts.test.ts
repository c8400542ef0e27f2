import { beforeEach, describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { NotFoundError, ValidationError } from '../../../domain/errors';
import { parseMonitoringReport } from '../../../domain/importer/parse-monitoring-report';
import { getAnnualReport, getAnnualTexts, putAnnualTexts } from '../../../domain/use-cases/annual-report';
import { loadHistory } from '../../../domain/use-cases/load-history';
import { inMemoryWorld, type InMemoryWorld } from '../../support/in-memory-dependencies';
import { pastReportText } from '../../support/past-reports';

const plan = liberecActionPlan;
const input = (body?: unknown, year = '2025') => ({ year, planId: plan.id, body });
const ACTIVITY = 'kulturni-dedictvi-a2';

describe('ARR’s texts of the annual report', () => {
  let world: InMemoryWorld;

  beforeEach(async () => {
    world = inMemoryWorld(plan, '2026-01-15T08:00:00Z');
    const report = parseMonitoringReport(await pastReportText('2025-H2'));
    await loadHistory(world.deps, plan, report);
  });

  it('pre-fills every activity and the projects outside the plan from the half-years there are', async () => {
    // Act
    const view = await getAnnualTexts(world.deps, input());

    // Assess
    expect(view.prefilledFrom).toEqual(['2025-H2']);
    expect(view.texts).toHaveLength(16);
    expect(view.texts.every((text) => !text.edited && text.text === text.prefill && text.updatedAt === null)).toBe(true);
    expect(view.texts.find((text) => text.key === ACTIVITY)?.prefill).toContain('- Karta přítele ZOO – ');
  });

  it('keeps ARR’s text with its time, and goes back to the pre-filled one on null', async () => {
    // Act
    const saved = await putAnnualTexts(world.deps, input({ texts: { [ACTIVITY]: 'Zavedena elektronická návštěvnická karta ZOO.' } }));
    world.setNow('2026-01-16T08:00:00Z');
    const reset = await putAnnualTexts(world.deps, input({ texts: { [ACTIVITY]: null } }));

    // Assess
    expect(saved.texts.find((text) => text.key === ACTIVITY)).toMatchObject({
      text: 'Zavedena elektronická návštěvnická karta ZOO.',
      edited: true,
      updatedAt: '2026-01-15T08:00:00.000Z',
    });
    expect(reset.texts.find((text) => text.key === ACTIVITY)).toMatchObject({ edited: false, updatedAt: null });
    expect(await world.deps.annualTexts.listAnnualTexts(2025)).toEqual([]);
  });

  it('refuses a bad edit as a whole, naming each field in Czech, and stores nothing', async () => {
    // Prepare
    await putAnnualTexts(world.deps, input({ texts: { [ACTIVITY]: 'Původní text.' } }));
    const before = await world.deps.annualTexts.listAnnualTexts(2025);

    // Act
    const attempts = [
      putAnnualTexts(world.deps, input({ texts: { [ACTIVITY]: 'Nový text.', 'socialni-oblast-a1': 42 } })),
      putAnnualTexts(world.deps, input({ texts: {} })),
      putAnnualTexts(world.deps, input(['texty'])),
      putAnnualTexts(world.deps, input({ texts: { [ACTIVITY]: 'x' } }, '25')),
    ];
    const errors = await Promise.all(attempts.map((attempt) => attempt.then(() => null, (error: unknown) => error)));

    // Assess
    expect(errors.every((error) => error instanceof ValidationError)).toBe(true);
    expect((errors[0] as ValidationError).details).toEqual({
      'texts.socialni-oblast-a1': 'Zadejte text, nebo null pro návrat k předvyplněnému textu.',
    });
    expect((errors[1] as ValidationError).details).toEqual({ texts: 'Pošlete alespoň jeden text.' });
    expect((errors[2] as ValidationError).details).toEqual({ body: 'Tělo požadavku musí být objekt s polem texts.' });
    expect((errors[3] as ValidationError).details).toEqual({ year: 'Zadejte rok čtyřmi číslicemi, např. 2026.' });
    expect(await world.deps.annualTexts.listAnnualTexts(2025)).toEqual(before);
  });

  it('cannot produce the annual report with one half-year missing, and says which', async () => {
    // Act
    const attempt = getAnnualReport(world.deps, { year: '2025', planId: plan.id });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt).rejects.toThrow('Výroční zprávu za rok 2025 nelze sestavit: chybí monitorovací zpráva za 1. pololetí.');
  });
});
