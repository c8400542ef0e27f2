/**
 * ARR's editorial loop on the local stack: a return for revision with its email, completeness and
 * reminders while the project is returned, the resubmission; ARR's text for the report and the
 * flag when the person sends a newer version; the refusals that change nothing; and the
 * read-only page the link shows once the cycle has closed.
 *
 * The steps run in order and share the one system.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../domain/catalog/liberec';
import type { Project } from '../../domain/plan';
import { openPersonalPage, reportProjects, submitJson, submitPage, type ProjectReport } from './support/http';
import { bodyOf, personalLinksOf } from './support/inbox';
import { startStack, type E2eStack } from './support/stack';

const CYCLE = '2026-H1';
const activeProjects = liberecActionPlan.projects.filter((project) => project.lifecycle === 'active');
const projectsOf = (personId: string): Project[] => activeProjects.filter((project) => project.contactPersonIds.includes(personId));
/** A contact person with one project and no one sharing it: every reminder to them is about that project. */
const SOLO = liberecActionPlan.contactPersons.find((person) => {
  const projects = projectsOf(person.id);
  return projects.length === 1 && projects[0]?.contactPersonIds.length === 1;
}) as { id: string; email: string };
const SOLO_PROJECT = projectsOf(SOLO.id)[0] as Project;
/** A contact person with several projects, for the never-submitted case and the page. */
const MANY = 'k-simonova';
const NEVER_SUBMITTED = projectsOf(MANY)[1] as Project;

const COMMENT = 'Doplňte prosím, kolik škol se zapojilo.\nA uveďte termín dokončení.';
const ARR_TEXT = 'Text upravený ARR pro zprávu řídící skupině.';

function report(thisPeriod: string): ProjectReport {
  return { thisPeriod, nextPeriodPlan: 'Pokračování v 2. pololetí.', status: 'on-track', indicatorContributions: {} };
}

interface ProjectDetailBody {
  state: string;
  stateLabel: string;
  versions: Array<{ version: number; thisPeriod: string }>;
  returns: Array<{ version: number; comment: string; returnedBy: string }>;
  standingReturn: { version: number } | null;
  editorial: { thisPeriod: string; editedBy: string; editedAt: string; basedOnVersion: number } | null;
  changedSinceEditorial: boolean;
  flagLabel: string | null;
  reportText: { thisPeriod: string; source: string } | null;
  history: Array<{ kind: string }>;
}

interface OverviewBody {
  cycle: { state: string };
  completeness: {
    projects: Array<{ projectId: string; status: string; returned?: { version: number } }>;
    totals: { submitted: number; returned: number };
  };
  projectFlags: Array<{ projectId: string; flags: Array<{ code: string; label: string }> }>;
}

describe('ARR’s editorial loop, end to end', () => {
  let stack: E2eStack;
  const links = new Map<string, string>();
  const linkOf = (personId: string): string => links.get(personId) as string;
  const overview = async () => (await stack.arr.request<OverviewBody>('GET', `/cycles/${CYCLE}`)).body;
  const detail = async (projectId: string) => stack.arr.request<ProjectDetailBody>('GET', `/cycles/${CYCLE}/projects/${projectId}`);
  const returnVersion = (projectId: string, body: unknown) => stack.arr.request<{ message?: string; details?: Record<string, string> }>('POST', `/cycles/${CYCLE}/projects/${projectId}/return`, body);
  const editText = (projectId: string, body: unknown) => stack.arr.request<{ message?: string; editedBy?: string }>('PUT', `/cycles/${CYCLE}/projects/${projectId}/editorial`, body);
  const flagsOf = (body: OverviewBody, projectId: string) => body.projectFlags.find((entry) => entry.projectId === projectId)?.flags.map((flag) => flag.label) ?? [];
  const storedReturns = () => stack.table.query(`CYCLE#${CYCLE}`, 'RETURN#');

  beforeAll(async () => {
    stack = await startStack();
    const opened = await stack.arr.openCycle({ period: CYCLE, deadline: '2026-07-15', meetingDate: '2026-09-10' });
    if (opened.status !== 201) throw new Error(`Opening failed: ${opened.status}`);
    await stack.system.drainQueues();
    for (const email of await stack.inbox.all()) {
      const [link] = personalLinksOf(email, stack.system.apiUrl);
      const person = liberecActionPlan.contactPersons.find((candidate) => email.to.includes(candidate.email));
      if (link && person) links.set(person.id, link);
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a return of a project never submitted and a comment over 5,000 characters with Czech errors, storing nothing', async () => {
    // Prepare
    expect((await submitJson(linkOf(SOLO.id), SOLO_PROJECT.id, report('Proběhla první etapa.'), 0)).status).toBe(201);
    await stack.system.drainQueues();
    const mark = await stack.inbox.mark();

    // Act
    const neverSubmitted = await returnVersion(NEVER_SUBMITTED.id, { version: 1, comment: 'Doplňte.' });
    const tooLong = await returnVersion(SOLO_PROJECT.id, { version: 1, comment: 'x'.repeat(5001) });
    const stale = await returnVersion(SOLO_PROJECT.id, { version: 2, comment: 'Doplňte.' });
    await stack.system.drainQueues();

    // Assess
    expect(neverSubmitted.status).toBe(409);
    expect(neverSubmitted.body.message).toBe('Projekt zatím nikdo neodeslal, není co vrátit k doplnění.');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details?.comment).toBe('Komentář může mít nejvýše 5 000 znaků.');
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('nejnovější uložená verze je 1');
    expect(await storedReturns()).toEqual([]);
    expect(await stack.inbox.since(mark)).toEqual([]);
    expect((await detail(SOLO_PROJECT.id)).body.state).toBe('submitted');
  });

  it('returns the newest version with a comment: the person gets an email with their link, the page and the dashboard show it', async () => {
    // Prepare
    const mark = await stack.inbox.mark();

    // Act
    const returned = await returnVersion(SOLO_PROJECT.id, { version: 1, comment: COMMENT });
    const again = await returnVersion(SOLO_PROJECT.id, { version: 1, comment: 'Podruhé.' });
    await stack.system.drainQueues();
    const emails = await stack.inbox.since(mark);
    const link = personalLinksOf(emails[0] ?? { to: [] } as never, stack.system.apiUrl)[0] ?? '';
    const page = await openPersonalPage(link);
    const body = await overview();

    // Assess
    expect(returned.status).toBe(201);
    expect(again.status).toBe(409);
    expect(emails.map((email) => email.to)).toEqual([[SOLO.email]]);
    expect(emails[0]?.subject).toContain('Vráceno k doplnění');
    expect(bodyOf(emails[0] as never)).toContain('Doplňte prosím, kolik škol se zapojilo.');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Vráceno k doplnění (verze 1)');
    expect(page.html).toContain('Doplňte prosím, kolik škol se zapojilo.\nA uveďte termín dokončení.');
    const project = body.completeness.projects.find((candidate) => candidate.projectId === SOLO_PROJECT.id);
    expect(project?.status).toBe('invited');
    expect(project?.returned?.version).toBe(1);
    expect(body.completeness.totals.returned).toBe(1);
    expect(flagsOf(body, SOLO_PROJECT.id)).toEqual(['vráceno k doplnění']);
    expect((await detail(SOLO_PROJECT.id)).body.stateLabel).toBe('vráceno k doplnění');
  });

  it('reminds the person of the returned project like of any pending one', async () => {
    // Prepare: 14 days before the deadline, a working day, after 8:00 in Prague.
    stack.setPragueTime('2026-07-01', 9);
    const mark = await stack.inbox.mark();

    // Act
    await stack.system.runSchedule('reminder-sweep');
    await stack.system.drainQueues();
    const reminders = (await stack.inbox.since(mark)).filter((email) => email.to.includes(SOLO.email));

    // Assess
    expect(reminders).toHaveLength(1);
    expect(bodyOf(reminders[0] as never)).toContain(SOLO_PROJECT.name);
  });

  it('counts the project done again once a new version arrives, and keeps the return and its comment in the history', async () => {
    // Act
    const resubmitted = await submitJson(linkOf(SOLO.id), SOLO_PROJECT.id, report('Zapojilo se 12 škol, dokončení v září.'), 1);
    await stack.system.drainQueues();
    const body = await overview();
    const project = (await detail(SOLO_PROJECT.id)).body;

    // Assess
    expect(resubmitted.status).toBe(201);
    expect(body.completeness.projects.find((candidate) => candidate.projectId === SOLO_PROJECT.id)?.status).toBe('submitted');
    expect(body.completeness.totals.returned).toBe(0);
    expect(flagsOf(body, SOLO_PROJECT.id)).toEqual([]);
    expect(project.state).toBe('submitted');
    expect(project.standingReturn).toBeNull();
    expect(project.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(project.returns).toEqual([expect.objectContaining({ version: 1, comment: COMMENT, returnedBy: expect.stringContaining('arr-local') })]);
    expect(project.history.map((entry) => entry.kind)).toEqual(['version', 'return', 'version']);
  });

  it('keeps ARR’s text for the report when the person sends a newer version, and flags it „změněno po úpravě ARR“', async () => {
    // Act
    const edited = await editText(SOLO_PROJECT.id, { version: 2, thisPeriod: ARR_TEXT, nextPeriodPlan: 'Plán upravený ARR.' });
    const flagsAfterEdit = flagsOf(await overview(), SOLO_PROJECT.id);
    const later = await submitJson(linkOf(SOLO.id), SOLO_PROJECT.id, report('Ještě jedna oprava od kontaktní osoby.'), 2);
    await stack.system.drainQueues();
    const flagsAfterSubmission = flagsOf(await overview(), SOLO_PROJECT.id);
    const project = (await detail(SOLO_PROJECT.id)).body;

    // Assess
    expect(edited.status).toBe(200);
    expect(flagsAfterEdit).toEqual(['text do zprávy upravila ARR']);
    expect(later.status).toBe(201);
    expect(flagsAfterSubmission).toEqual(['text do zprávy upravila ARR', 'změněno po úpravě ARR']);
    expect(project.changedSinceEditorial).toBe(true);
    expect(project.flagLabel).toBe('změněno po úpravě ARR');
    expect(project.editorial).toMatchObject({ thisPeriod: ARR_TEXT, basedOnVersion: 2, editedBy: expect.stringContaining('arr-local') });
    expect(project.reportText).toEqual({ thisPeriod: ARR_TEXT, nextPeriodPlan: 'Plán upravený ARR.', source: 'arr' });
    expect(project.versions.map((version) => version.thisPeriod)).toEqual([
      'Proběhla první etapa.',
      'Zapojilo se 12 škol, dokončení v září.',
      'Ještě jedna oprava od kontaktní osoby.',
    ]);
  });

  it('prints ARR’s text in the report, and refuses any edit of the closed cycle with a Czech error, changing nothing', async () => {
    // Prepare
    expect((await stack.arr.close(CYCLE)).status).toBe(200);
    await stack.system.drainQueues();
    const before = await detail(SOLO_PROJECT.id);

    // Act
    const edit = await editText(SOLO_PROJECT.id, { version: 3, thisPeriod: 'Pozdě.', nextPeriodPlan: '' });
    const returned = await returnVersion(SOLO_PROJECT.id, { version: 3, comment: 'Pozdě.' });
    const report = await stack.arr.report(CYCLE);

    // Assess
    expect(edit.status).toBe(409);
    expect(edit.body.message).toMatch(/^Cyklus ve stavu „[^“]+“ nelze upravovat: /);
    expect(returned.status).toBe(409);
    expect((await detail(SOLO_PROJECT.id)).body).toEqual(before.body);
    expect(reportProjects(report.body).find((project) => project.id === SOLO_PROJECT.id)?.thisPeriod).toBe(ARR_TEXT);
  });

  it('shows the link a read-only summary of what the person sent after the close; POST and a revoked link get the uniform 404', async () => {
    // Act
    const page = await openPersonalPage(linkOf(SOLO.id));
    const post = await submitPage(linkOf(SOLO.id), { [SOLO_PROJECT.id]: { expectedVersion: 3, fields: { thisPeriod: 'Po uzávěrce.' } } });
    const unknown = await openPersonalPage(`${stack.system.apiUrl}/s/${'A'.repeat(43)}`);
    await stack.arr.request('DELETE', `/cycles/${CYCLE}/contacts/${SOLO.id}/token`);
    const revoked = await openPersonalPage(linkOf(SOLO.id));

    // Assess
    expect(page.status).toBe(200);
    expect(page.html).toContain('byl uzavřen');
    expect(page.html).toContain('Ještě jedna oprava od kontaktní osoby.');
    expect(page.html).toContain('Odesláno 1. 7. 2026 (verze 3)');
    expect(page.html).not.toContain('<form');
    expect(page.html).not.toContain(ARR_TEXT);
    expect(post.status).toBe(404);
    expect(revoked.status).toBe(404);
    expect(revoked.html).toBe(unknown.html);
  });
});
