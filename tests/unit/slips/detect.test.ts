import { describe, expect, it } from 'vitest';
import { detectSlips } from '../../../domain/slips/detect';
import { periodFromCycle, type PeriodRecords, type ProjectPeriodRecord } from '../../../domain/slips/history';

const record = (projectId: string, fields: Partial<ProjectPeriodRecord> = {}): ProjectPeriodRecord => ({
  projectId,
  done: 'Zpracování studie proveditelnosti.',
  plan: 'Výběr zhotovitele stavby.',
  status: 'on-track',
  ...fields,
});

const period = (periodId: string, records: ProjectPeriodRecord[], asked = records.map((r) => r.projectId)): PeriodRecords => ({
  periodId,
  asked,
  records,
});

const codes = (history: PeriodRecords[], periodId?: string) =>
  detectSlips(history, periodId ? { periodId } : {}).map((finding) => [
    finding.projectId,
    finding.reasons.map((reason) => reason.code),
  ]);

describe('detectSlips', () => {
  it('finds a plan written again for the next half-year, and says which step and when', () => {
    // Prepare
    const history = [
      period('2026-H1', [record('a', { done: 'Příprava zadávací dokumentace.', plan: 'Výběr zhotovitele stavby.' })]),
      period('2026-H2', [record('a', { done: 'Úpravy projektové dokumentace.', plan: 'Výběr zhotovitele stavby, zahájení prací.' })]),
    ];

    // Act
    const [finding] = detectSlips(history);

    // Assess
    expect(finding).toMatchObject({ projectId: 'a', periodId: '2026-H2', reasons: [{ code: 'plan-repeated', periods: ['2026-H1', '2026-H2'] }] });
    expect(finding?.reasons[0]?.message).toBe(
      'Plán se opakuje: „Výběr zhotovitele stavby“ je v plánu na 2. pololetí 2026 i na 1. pololetí 2027 (shoda 100 % s plánem „Výběr zhotovitele stavby“).',
    );
  });

  it('counts every half-year a plan keeps coming back', () => {
    // Prepare
    const same = { plan: 'Podání žádosti o dotaci.' };
    const history = [
      period('2025-H2', [record('a', { ...same, done: 'Studie.' })]),
      period('2026-H1', [record('a', { ...same, done: 'Jednání s poskytovatelem.' })]),
      period('2026-H2', [record('a', { ...same, done: 'Úpravy rozpočtu projektu.' })]),
    ];

    // Act
    const [finding] = detectSlips(history);

    // Assess
    expect(finding?.reasons[0]?.periods).toEqual(['2025-H2', '2026-H1', '2026-H2']);
    expect(finding?.reasons[0]?.message).toContain('na 1. pololetí 2026, na 2. pololetí 2026 i na 1. pololetí 2027');
  });

  it('finds the same work reported for two half-years in a row', () => {
    // Prepare
    const history = [
      period('2026-H1', [record('a', { done: 'Proběhl výběr dodavatelů.', plan: 'Podpis smlouvy.' })]),
      period('2026-H2', [record('a', { done: 'Probíhal výběr dodavatelů.', plan: 'Zahájení výstavby.' })]),
    ];

    // Act
    const [finding] = detectSlips(history);

    // Assess
    expect(finding?.reasons.map((r) => r.code)).toEqual(['done-repeated']);
    expect(finding?.reasons[0]?.message).toMatch(/^Vykázána znovu táž činnost: „Probíhal výběr dodavatelů“ za 1\. pololetí 2026 i za 2\. pololetí 2026 \(shoda \d+ %\)\.$/);
  });

  it('does not take a plan carried out as a slip', () => {
    // Prepare: what was done in 2026-H2 is what was planned for it; the new plan moves on.
    const history = [
      period('2026-H1', [record('a', { done: 'Výběr dodavatele.', plan: 'Dodávka hardware a software.' })]),
      period('2026-H2', [record('a', { done: 'Dodávka hardware a software.', plan: 'Zkušební provoz.' })]),
    ];

    // Act + Assess
    expect(detectSlips(history)).toEqual([]);
  });

  it('reports the statuses "zpožděno" and "zrušeno"', () => {
    // Prepare
    const history = [
      period('2026-H2', [
        record('late', { status: 'delayed' }),
        record('dropped', { status: 'cancelled', plan: '' }),
        record('fine', { status: 'on-track' }),
      ]),
    ];

    // Act
    const findings = detectSlips(history);

    // Assess
    expect(findings.map((f) => [f.projectId, f.reasons.map((r) => r.message)])).toEqual([
      ['late', ['Kontaktní osoba uvedla stav „zpožděno“.']],
      ['dropped', ['Kontaktní osoba uvedla stav „zrušeno“.']],
    ]);
  });

  it('finds nothing done although a plan existed, but not after a project finished', () => {
    // Prepare
    const history = [
      period('2026-H1', [
        record('idle', { plan: 'Instalace čidel v knihovně.' }),
        record('finished', { plan: 'Kolaudace.', status: 'completed' }),
        record('new', { plan: '' }),
      ]),
      period('2026-H2', [record('idle', { done: '-' }), record('finished', { done: '' }), record('new', { done: '–' })]),
    ];

    // Act
    const findings = detectSlips(history);

    // Assess
    expect(findings.map((f) => [f.projectId, f.reasons.map((r) => r.code)])).toEqual([['idle', ['nothing-done']]]);
    expect(findings[0]?.reasons[0]?.message).toBe(
      'Za 2. pololetí 2026 není uvedeno nic, co se udělalo, ačkoli plán na ně byl „Instalace čidel v knihovně.“.',
    );
  });

  it('finds a project not answered in two cycles in a row, and not after one silent cycle', () => {
    // Prepare
    const history = [
      period('2026-H1', [record('answered-before')], ['silent', 'answered-before']),
      period('2026-H2', [], ['silent', 'answered-before']),
    ];

    // Act
    const findings = detectSlips(history);

    // Assess
    expect(findings).toEqual([
      {
        projectId: 'silent',
        periodId: '2026-H2',
        reasons: [
          {
            code: 'not-answered',
            message: 'Za projekt nepřišla odpověď ve dvou pololetích po sobě: za 1. pololetí 2026 ani za 2. pololetí 2026.',
            periods: ['2026-H1', '2026-H2'],
          },
        ],
      },
    ]);
  });

  it('compares only consecutive half-years: a gap in the history breaks a repetition', () => {
    // Prepare: 2026-H1 is missing.
    const history = [
      period('2025-H2', [record('a', { plan: 'Podání žádosti o dotaci.' })], ['a', 'b']),
      period('2026-H2', [record('a', { plan: 'Podání žádosti o dotaci.' })], ['a', 'b']),
    ];

    // Act + Assess
    expect(codes(history)).toEqual([]);
  });

  it('looks at the period asked for, the latest by default, whatever the order of the history', () => {
    // Prepare
    const history = [
      period('2026-H2', [record('a', { done: 'Stavba dokončena.', plan: 'Nový plán na rok 2027.' })]),
      period('2026-H1', [record('a', { done: 'Jednání s dodavateli.', plan: 'Výběr zhotovitele stavby.' })]),
      period('2025-H2', [record('a', { done: 'Studie proveditelnosti.', plan: 'Výběr zhotovitele stavby.' })]),
    ];

    // Act + Assess
    expect(codes(history)).toEqual([]);
    expect(codes(history, '2026-H1')).toEqual([['a', ['plan-repeated']]]);
    expect(detectSlips([])).toEqual([]);
  });
});

describe('periodFromCycle', () => {
  const version = { projectId: 'a', thisPeriod: 'Hotovo.', nextPeriodPlan: 'Další krok.', status: 'delayed' as const };

  it('takes what a cycle asked for from its requests and the status from the latest version', () => {
    // Act
    const result = periodFromCycle({ id: '2026-H1', source: 'system' }, [{ projectId: 'a' }, { projectId: 'b' }], [version]);

    // Assess
    expect(result).toEqual({
      periodId: '2026-H1',
      asked: ['a', 'b'],
      records: [{ projectId: 'a', done: 'Hotovo.', plan: 'Další krok.', status: 'delayed' }],
    });
  });

  it('has no status for a cycle loaded from an imported report, whose status is a placeholder', () => {
    // Act
    const result = periodFromCycle({ id: '2025-H2', source: 'import' }, [], [{ ...version, status: 'on-track' }]);

    // Assess
    expect(result).toMatchObject({ asked: ['a'], records: [{ status: null }] });
  });
});
