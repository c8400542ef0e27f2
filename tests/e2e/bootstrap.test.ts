/**
 * From an empty table to the first cycle, the way a deploy into an empty AWS account gets
 * there: the bootstrap function receives CloudFormation's "Create" from the custom resource
 * (locally: the same handler, the same event, on the first start), seeds the default plan and
 * both 2025 reports, and ARR opens 2026-H2 with nothing else done by hand. Then a redeploy
 * leaves ARR's edits alone, and an SES bounce injected locally reaches the deployed consumer.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../domain/catalog/liberec';
import { LOCAL_TABLE_NAME } from '../../local/system';
import { ensureInfrastructure } from '../../local/setup';
import { openPersonalPage } from './support/http';
import { personalLinksOf } from './support/inbox';
import { parsePersonalPage, type PageProject } from './support/page';
import { startStack, type E2eStack } from './support/stack';

const CYCLE = '2026-H2';

describe('bootstrap from an empty table to 2026-H2', () => {
  let stack: E2eStack;
  const pages = new Map<string, PageProject>();

  beforeAll(async () => {
    stack = await startStack({ startsAt: { date: '2026-07-01', hour: 8 } });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('seeds the default plan as revision 1 and both 2025 reports as history on the first start', async () => {
    // Prepare
    const answer = stack.system.infrastructure.bootstrap;

    // Act
    const history = await stack.arr.request<{ revisions: Array<{ revision: number; author: string; reason: string }> }>('GET', '/plan/history');
    const cycles = await stack.arr.request<{ cycles: Array<{ id: string; source: string }> }>('GET', '/cycles');

    // Assess
    expect(answer).toMatchObject({
      PhysicalResourceId: 'bootstrap-2024-2026',
      Data: { PlanId: '2024-2026', PlanRevision: 1, PlanSeeded: 'true', HistoryPeriods: '2025-H1 2025-H2' },
    });
    expect(history.body.revisions).toEqual([{ revision: 1, author: 'systém', reason: 'Výchozí plán nahrán při nasazení.', at: expect.any(String), planId: '2024-2026', changes: expect.any(Array) }]);
    expect(cycles.body.cycles.map((cycle) => [cycle.id, cycle.source])).toEqual([
      ['2025-H2', 'import'],
      ['2025-H1', 'import'],
    ]);
  });

  it('opens 2026-H2 and pre-fills every project that had a plan in 2025-H2 from that plan, saying so', async () => {
    // Prepare
    const opened = await stack.arr.openCycle({ period: CYCLE, deadline: '2027-01-15', meetingDate: '2027-03-10' });

    // Act
    await stack.system.drainQueues();
    const emails = await stack.inbox.all();
    for (const email of emails) {
      for (const link of personalLinksOf(email, stack.system.apiUrl)) {
        for (const project of parsePersonalPage((await openPersonalPage(link)).html)) pages.set(project.projectId, project);
      }
    }

    // Assess
    expect(opened.status).toBe(201);
    const active = liberecActionPlan.projects.filter((project) => project.lifecycle === 'active');
    expect([...pages.keys()].sort()).toEqual(active.map((project) => project.id).sort());
    let prefilled = 0;
    for (const project of active) {
      const planned = (await stack.system.deps.submissions.latestVersion('2025-H2', project.id))?.nextPeriodPlan ?? '';
      if (planned.trim() === '') continue;
      prefilled += 1;
      expect(pages.get(project.id), project.id).toMatchObject({ previousPlan: planned, previousPlanHeading: 'Plán z 2. pololetí 2025' });
    }
    expect(prefilled).toBe(active.length);
  });

  it('runs again on a redeploy without touching a plan ARR edited', async () => {
    // Prepare
    const person = liberecActionPlan.contactPersons[0]!;
    await stack.arr.request('PATCH', `/plan/contacts/${person.id}`, { name: 'S. Jägerová' });

    // Act
    const again = await ensureInfrastructure({
      endpoints: stack.system.endpoints,
      tableName: LOCAL_TABLE_NAME,
      clock: stack.system.deps.clock,
    });
    const plan = await stack.arr.request<{ contactPersons: Array<{ id: string; name: string }> }>('GET', '/plan');

    // Assess
    expect(again.bootstrap.Data).toMatchObject({ PlanSeeded: 'false', PlanRevision: 2, HistoryImported: 0 });
    expect(plan.body.contactPersons.find((candidate) => candidate.id === person.id)?.name).toBe('S. Jägerová');
  });

  it('answers a broken plan file and a text that is no report with Czech errors per field, storing nothing', async () => {
    // Prepare
    const exported = await stack.arr.request<Record<string, any>>('GET', '/plan');
    const broken = structuredClone(exported.body);
    broken.indicators[0].baseline = { asOf: '31. 12. 2025', value: -1 };

    // Act
    const refused = await stack.arr.request<{ message: string; details: Record<string, string> }>('PUT', '/plan', broken);
    const notAReport = await stack.arr.request<{ details: Record<string, string> }>('POST', '/history', { report: 'Zápis z porady' });
    const after = await stack.arr.request<{ revisions: unknown[] }>('GET', '/plan/history');

    // Assess
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('Akční plán obsahuje chyby; nic nebylo uloženo.');
    expect(Object.keys(refused.body.details).sort()).toEqual(['indicators.0.baseline.asOf', 'indicators.0.baseline.value']);
    expect(notAReport.status).toBe(400);
    expect(notAReport.body.details.report).toContain('Monitorovací zpráva za N. pololetí RRRR');
    expect(after.body.revisions).toHaveLength(2);
  });

  it('records an SES bounce injected locally through the deployed consumer: flagged once, ARR told once', async () => {
    // Prepare
    const bounce = JSON.parse(readFileSync(new URL('../fixtures/ses/bounce.json', import.meta.url), 'utf8')) as unknown;
    const before = await stack.inbox.mark();

    // Act
    const first = await stack.arr.request('POST', '/local/ses-events', bounce);
    const duplicate = await stack.arr.request('POST', '/local/ses-events', bounce);
    await stack.system.drainQueues();
    const overview = await stack.arr.request<{ delivery: Array<{ contactPersonId: string; undeliverable: { outcome: string } | null; events: unknown[] }> }>('GET', `/cycles/${CYCLE}`);
    const junk = await stack.arr.request('POST', '/local/ses-events', { eventType: 'Open' });

    // Assess
    expect([first.status, duplicate.status, junk.status]).toEqual([202, 202, 400]);
    expect(overview.body.delivery).toEqual([{ contactPersonId: 's-jager', undeliverable: expect.objectContaining({ outcome: 'hard-bounce' }), events: [expect.any(Object)] }]);
    const notices = (await stack.inbox.since(before)).filter((email) => email.subject.startsWith('Pozvánka se nedoručila'));
    expect(notices.map((email) => email.to)).toEqual([['arr@example.org']]);
  });
});
