import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityAreaOfProject } from '../../domain/plan';
import { pragueInstant } from '../../domain/time';
import { MovableClock } from '../../local/composition';
import { generateActionPlan, runCycleScenario, type CycleScenarioResult } from '../../local/scenario';
import { startLocalSystem, type LocalSystem } from '../../local/system';

const plan = generateActionPlan({ id: 'test-6', projects: 6, contacts: 3 });

let system: LocalSystem;
let dataDir: string;
let result: CycleScenarioResult;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scenario-test-'));
  system = await startLocalSystem({
    dataDir,
    clock: new MovableClock(pragueInstant('2026-06-01', 8), { frozen: true }),
    background: false,
    historyDir: null,
    // Long enough for the escalation a week after the deadline to go out before anything closes.
    config: { planId: plan.id, autoCloseGraceDays: 10 },
    visibilityTimeoutSeconds: 5,
  });
  await system.deps.plans.savePlan(plan);
  result = await runCycleScenario(system, plan, {
    period: '2026-H1',
    deadline: '2026-07-15',
    meetingDate: '2026-09-10',
    openAt: pragueInstant('2026-06-01', 8),
    seed: 7,
    silentContacts: 1,
    lateShare: 0,
    remindedShare: 0,
    editShare: 1,
    staleEditConflict: true,
  });
}, 90_000);

afterAll(async () => {
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the scripted cycle on a tiny generated plan', () => {
  it('collects every project except those of the one person who never answers', () => {
    // Prepare
    const silent = result.contacts.filter((contact) => contact.persona === 'silent');
    const silentEmail = silent[0]?.email;
    const silentProjects = plan.projects.filter((project) =>
      project.contactPersonIds.some((id) => plan.contactPersons.find((person) => person.id === id)?.email === silentEmail),
    );
    const onlySilents = silentProjects.filter((project) => project.contactPersonIds.length === 1);

    // Act
    const { completeness } = result;

    // Assess
    expect(silent).toHaveLength(1);
    expect(completeness.projects).toBe(6);
    expect(completeness.submitted).toBe(6 - onlySilents.length);
    expect(completeness.late).toBe(onlySilents.length);
    expect(result.submissions.submittedProjects).toBe(completeness.submitted);
  });

  it('keeps a version for every correction, resolving a stale page by reloading it', () => {
    // Prepare
    const { submissions } = result;

    // Act
    const corrections = submissions.versions - submissions.submittedProjects;

    // Assess
    expect(submissions.editedProjects).toBe(submissions.submittedProjects);
    expect(corrections).toBeGreaterThanOrEqual(submissions.editedProjects);
    expect(corrections).toBeLessThanOrEqual(2 * submissions.editedProjects);
    expect(submissions.conflicts).toBe(corrections > submissions.editedProjects ? 1 : 0);
  });

  it('sends one invitation each, the whole reminder ladder to the silent person only, and one steering-group email', () => {
    // Prepare
    const silentEmail = result.contacts.find((contact) => contact.persona === 'silent')?.email;
    const pendingAreas = new Set(
      plan.projects
        .filter((project) =>
          project.contactPersonIds.every((id) => plan.contactPersons.find((person) => person.id === id)?.email === silentEmail),
        )
        .map((project) => activityAreaOfProject(plan, project)?.id ?? 'outside-plan'),
    );

    // Act
    const { emails } = result;

    // Assess
    expect(emails.invitation).toBe(3);
    expect(emails.reminder).toBe(3);
    expect(emails.overdue).toBe(1);
    expect(emails.escalation).toBe(pendingAreas.size);
    expect(emails['steering-group']).toBe(1);
    expect(emails.other).toBe(0);
  });

  it('hands ARR the report in every format and the indicators of the plan', () => {
    // Prepare
    const { documents } = result;

    // Act
    const csvRows = documents.indicatorsCsv.trim().split('\r\n');

    // Assess
    expect(documents.html).toContain('1. pololetí 2026');
    expect(documents.markdown).toContain('Platebního portálu');
    expect(documents.docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(csvRows).toHaveLength(1 + plan.indicators.length);
    expect(result.indicators.map((indicator) => indicator.code)).toEqual(plan.indicators.map((indicator) => indicator.code));
    expect(result.steeringGroupNotifiedAt.slice(0, 10) < '2026-09-10').toBe(true);
  });
});
