import { describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import type { SlipFinding, SlipReason } from '../../../domain/slips/detect';
import { buildSlipAppendix, slipSummaryLine } from '../../../domain/slips/report';

const reason = (code: SlipReason['code']): SlipReason => ({ code, message: `zpráva ${code}`, periods: ['2026-H1'] });
const finding = (projectId: string, ...codes: SlipReason['code'][]): SlipFinding => ({
  projectId,
  periodId: '2026-H1',
  reasons: codes.map(reason),
});

describe('buildSlipAppendix', () => {
  it('lists the period’s slipping projects by area, as the plan orders them, with name, area and reasons', () => {
    // Prepare: findings in no particular order, one of another period, one for a project outside the plan.
    const findings = [
      finding('taxibusy', 'status-delayed'),
      finding('spst-belgicka-4852-jablonec-nad-nisou', 'plan-repeated'),
      finding('karta-pritele-zoo', 'done-repeated', 'plan-repeated'),
      { ...finding('sw-zoobook', 'nothing-done'), periodId: '2025-H2' },
    ];

    // Act
    const appendix = buildSlipAppendix(liberecActionPlan, '2026-H1', findings);

    // Assess
    expect(appendix.title).toBe('Projekty se skluzem');
    expect(appendix.rows.map((row) => [row.projectName, row.activityAreaName, row.reasons.map((r) => r.code)])).toEqual([
      ['Karta přítele ZOO', 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu', ['done-repeated', 'plan-repeated']],
      ['SPŠT, Belgická 4852, Jablonec nad Nisou', 'Energetický management a hospodaření s vodou', ['plan-repeated']],
      ['Taxibusy', 'Další projekty realizované mimo oblasti aktivit akčního plánu', ['status-delayed']],
    ]);
  });

  it('keeps a finding for a project the plan no longer has, under its id', () => {
    // Act
    const appendix = buildSlipAppendix(liberecActionPlan, '2026-H1', [finding('zruseny-projekt', 'not-answered')]);

    // Assess
    expect(appendix.rows).toMatchObject([{ projectId: 'zruseny-projekt', projectName: 'zruseny-projekt' }]);
  });
});

describe('slipSummaryLine', () => {
  const line = (...findings: SlipFinding[]) => slipSummaryLine(buildSlipAppendix(liberecActionPlan, '2026-H1', findings));

  it('says when no project slips', () => {
    expect(line()).toBe('Žádný projekt se skluzem.');
  });

  it('names the projects with short reasons, in Czech plural', () => {
    expect(line(finding('taxibusy', 'status-cancelled'))).toBe(
      '1 projekt se skluzem: Taxibusy (zrušeno) (podrobnosti v příloze Projekty se skluzem).',
    );
    expect(line(finding('karta-pritele-zoo', 'plan-repeated', 'done-repeated'), finding('taxibusy', 'not-answered'))).toBe(
      '2 projekty se skluzem: Karta přítele ZOO (opakovaný plán, opakovaná činnost), Taxibusy (bez odpovědi) ' +
        '(podrobnosti v příloze Projekty se skluzem).',
    );
  });

  it('names five projects and counts the rest', () => {
    // Prepare
    const findings = liberecActionPlan.projects.slice(0, 7).map((project) => finding(project.id, 'nothing-done'));

    // Act
    const summary = line(...findings);

    // Assess
    expect(summary.startsWith('7 projektů se skluzem: ')).toBe(true);
    expect(summary.match(/\(nic neuděláno\)/g)).toHaveLength(5);
    expect(summary.endsWith(' a další 2 (podrobnosti v příloze Projekty se skluzem).')).toBe(true);
  });
});
