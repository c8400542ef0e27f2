import { describe, expect, it, vi } from 'vitest';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../../domain/errors';
import { closeCycle, closeOverdueCycles, lastOpenDay } from '../../../domain/use-cases/close-cycle';
import { InvalidLinkError, resolveContactAccess } from '../../../domain/use-cases/contact-workspace';
import { notifyDueSteeringGroups, notifySteeringGroup } from '../../../domain/use-cases/notify-steering-group';
import { openCycle } from '../../../domain/use-cases/open-cycle';
import { returnProject } from '../../../domain/use-cases/editorial';
import { runReminderSweep } from '../../../domain/use-cases/run-reminder-sweep';
import { submitProject } from '../../../domain/use-cases/submit-project';
import { getCycleIndicators, getCycleOverview, getMonitoringReport, newestCycleIndicators } from '../../../domain/use-cases/arr';
import type { ImportedReport } from '../../../domain/importer/parse-monitoring-report';
import { importPastReport, loadHistory } from '../../../domain/use-cases/load-history';
import { draftReport } from '../../../domain/use-cases/assemble-report';
import { reportProjects } from '../../../domain/report/model';
import { activityAreaOfProject, contactDisplayName } from '../../../domain/plan';
import { inMemoryWorld, type InMemoryWorld } from '../../support/in-memory-dependencies';
import { drain } from '../../support/in-memory-drain';
import { pastReportText } from '../../support/past-reports';

const plan = liberecActionPlan;
const openBody = { period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' };
const activeProjects = plan.projects.filter((project) => project.lifecycle === 'active');
/** Every contact person of an active project: each gets one invitation, one reminder of a stage. */
const invitedContactIds = new Set(activeProjects.flatMap((project) => project.contactPersonIds));

async function openedWorld(): Promise<InMemoryWorld> {
  const world = inMemoryWorld(plan, '2026-06-01T08:00:00Z');
  await openCycle(world.deps, openBody, 'test');
  await drain(world);
  return world;
}

function tokenOf(world: InMemoryWorld, email: string): string {
  const mail = world.sentMail.find((candidate) => candidate.to.includes(email));
  const match = mail?.text.match(/\/s\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no link for ${email}`);
  return match[1]!;
}

function answer(overrides: Record<string, unknown> = {}) {
  return { thisPeriod: 'Hotovo, co bylo v plánu.', nextPeriodPlan: 'Pokračovat.', status: 'on-track', expectedVersion: 0, ...overrides };
}

/** Answers the only project of a person who has just one, through their invitation's link. */
async function answerSoleProject(world: InMemoryWorld) {
  const person = plan.contactPersons.find(
    (candidate) => activeProjects.filter((project) => project.contactPersonIds.includes(candidate.id)).length === 1,
  )!;
  const project = activeProjects.find((candidate) => candidate.contactPersonIds.includes(person.id))!;
  await submitProject(world.deps, { token: tokenOf(world, person.email), projectId: project.id, body: answer(), correlationId: 't' });
  await drain(world);
  return person;
}

/** The guarantors' escalation emails among `mail`. */
const escalationsIn = (mail: InMemoryWorld['sentMail']) => mail.filter((email) => email.subject.startsWith('Chybějící podklady'));

/** The morning's sweep at `at`, and every email it queued delivered. */
async function sweepAt(world: InMemoryWorld, at: string, correlationId: string) {
  world.setNow(at);
  const sweep = await runReminderSweep(world.deps, correlationId);
  await drain(world);
  return sweep;
}

describe('opening a cycle', () => {
  it('asks for every active project and sends each contact person exactly one invitation', async () => {
    // Prepare
    const world = inMemoryWorld(plan, '2026-06-01T08:00:00Z');

    // Act
    await openCycle(world.deps, openBody, 'test');
    await drain(world);

    // Assess
    expect(world.sentMail).toHaveLength(invitedContactIds.size);
    const recipients = world.sentMail.flatMap((mail) => mail.to);
    expect(new Set(recipients).size).toBe(recipients.length);
    const overview = await getCycleOverview(world.deps, '2026-H1');
    expect(overview.completeness.totals.projects).toBe(activeProjects.length);
    expect(overview.cycle.state).toBe('open');
  });

  it('refuses to open the same period twice', async () => {
    // Prepare
    const world = await openedWorld();

    // Act
    const reopening = openCycle(world.deps, openBody, 'test');

    // Assess
    await expect(reopening).rejects.toBeInstanceOf(ConflictError);
  });

  it('rejects a malformed period with a Czech message', async () => {
    // Prepare
    const world = inMemoryWorld(plan);

    // Act
    const opening = openCycle(world.deps, { ...openBody, period: '2026-H3' }, 'test');

    // Assess
    await expect(opening).rejects.toBeInstanceOf(ValidationError);
    await expect(opening).rejects.toMatchObject({ details: { period: expect.stringContaining('není platné') } });
  });
});

describe('submitting through the personal link', () => {
  it('keeps every version and counts the project as submitted', async () => {
    // Prepare
    const world = await openedWorld();
    const project = activeProjects[0]!;
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    const token = tokenOf(world, person.email);

    // Act
    await submitProject(world.deps, { token, projectId: project.id, body: answer(), correlationId: 't' });
    await submitProject(world.deps, { token, projectId: project.id, body: answer({ thisPeriod: 'Opraveno.', expectedVersion: 1 }), correlationId: 't' });
    await drain(world);

    // Assess
    const versions = await world.deps.submissions.listVersions('2026-H1', project.id);
    expect(versions.map((version) => [version.version, version.thisPeriod])).toEqual([
      [1, 'Hotovo, co bylo v plánu.'],
      [2, 'Opraveno.'],
    ]);
    const overview = await getCycleOverview(world.deps, '2026-H1');
    expect(overview.completeness.projects.find((entry) => entry.projectId === project.id)?.status).toBe('submitted');
  });

  it('gives ARR the notes of the newest versions, newest first, and none for a person who cleared the note', async () => {
    // Prepare
    const world = await openedWorld();
    const reporter = (project: (typeof activeProjects)[number]) => {
      const personId = project.contactPersonIds[0]!;
      const token = tokenOf(world, plan.contactPersons.find((candidate) => candidate.id === personId)!.email);
      const send = (body: Record<string, unknown>) => submitProject(world.deps, { token, projectId: project.id, body: answer(body), correlationId: 't' });
      return { projectId: project.id, personId, send };
    };
    const [first, second, third] = activeProjects.slice(0, 3).map(reporter) as [ReturnType<typeof reporter>, ReturnType<typeof reporter>, ReturnType<typeof reporter>];

    // Act
    await first.send({ noteToArr: 'Od září píšete zástupkyni.' });
    world.setNow('2026-06-02T08:00:00Z');
    await second.send({ noteToArr: 'Faktura přijde až v srpnu.' });
    await third.send({ noteToArr: 'Omlouvám se za zpoždění.' });
    world.setNow('2026-06-03T08:00:00Z');
    await third.send({ expectedVersion: 1, noteToArr: '' });
    const overview = await getCycleOverview(world.deps, '2026-H1');

    // Assess
    expect(overview.notesToArr.map((note) => [note.projectId, note.version, note.submittedBy, note.note])).toEqual([
      [second.projectId, 1, second.personId, 'Faktura přijde až v srpnu.'],
      [first.projectId, 1, first.personId, 'Od září píšete zástupkyni.'],
    ]);
  });

  it('returns a conflict for an edit based on an outdated version, and overwrites nothing', async () => {
    // Prepare
    const world = await openedWorld();
    const project = activeProjects[0]!;
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    const token = tokenOf(world, person.email);
    await submitProject(world.deps, { token, projectId: project.id, body: answer({ thisPeriod: 'První.' }), correlationId: 't' });

    // Act
    const stale = submitProject(world.deps, { token, projectId: project.id, body: answer({ thisPeriod: 'Souběžná.' }), correlationId: 't' });

    // Assess
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect((await world.deps.submissions.latestVersion('2026-H1', project.id))?.thisPeriod).toBe('První.');
  });

  it("refuses a project that is not the person's own", async () => {
    // Prepare
    const world = await openedWorld();
    const project = activeProjects[0]!;
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    const foreign = activeProjects.find((candidate) => !candidate.contactPersonIds.includes(person.id))!;

    // Act
    const attempt = submitProject(world.deps, { token: tokenOf(world, person.email), projectId: foreign.id, body: answer(), correlationId: 't' });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('treats a closed cycle’s link like one that never existed: the same invalid-link error', async () => {
    // Prepare
    const world = await openedWorld();
    const project = activeProjects[0]!;
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    const token = tokenOf(world, person.email);
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });

    // Act
    const late = submitProject(world.deps, { token, projectId: project.id, body: answer(), correlationId: 't' });
    const unknown = resolveContactAccess(world.deps, 'x'.repeat(43));

    // Assess
    await expect(late).rejects.toBeInstanceOf(InvalidLinkError);
    await expect(unknown).rejects.toBeInstanceOf(InvalidLinkError);
  });
});

describe('at-least-once delivery', () => {
  it('gives the same indicators when a submission event is delivered twice', async () => {
    // Prepare
    const world = await openedWorld();
    const project = activeProjects.find((candidate) => candidate.placement.kind === 'activity')!;
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    const area = plan.activityAreas.find((candidate) =>
      candidate.activities.some((activity) => project.placement.kind === 'activity' && activity.id === project.placement.activityId),
    )!;
    const indicator = plan.indicators.find((candidate) => candidate.activityAreaId === area.id)!;
    await submitProject(world.deps, {
      token: tokenOf(world, person.email),
      projectId: project.id,
      body: answer({ indicatorContributions: { [indicator.code]: 3 } }),
      correlationId: 't',
    });
    const event = world.published.find((candidate) => candidate.type === 'submission-received')!;
    world.published.push(structuredClone(event));

    // Act
    await drain(world);

    // Assess
    const rows = await getCycleIndicators(world.deps, '2026-H1');
    const row = rows.find((candidate) => candidate.code === indicator.code)!;
    expect(row.periodValue).toBe(3);
    expect(row.contributors).toEqual([{ projectId: project.id, version: 1, amount: 3 }]);
    const totals = await world.deps.indicators.getTotals('2026-H1');
    expect(totals?.values.find((value) => value.code === indicator.code)?.periodValue).toBe(3);
  });

  it('recovers a submission whose event was lost between storing and publishing', async () => {
    // Prepare
    const world = await openedWorld();
    const project = activeProjects[0]!;
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    world.losePublishes(1);
    await expect(
      submitProject(world.deps, { token: tokenOf(world, person.email), projectId: project.id, body: answer(), correlationId: 't' }),
    ).rejects.toThrow('process died');
    world.setNow('2026-06-02T07:00:00Z');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep');
    await drain(world);

    // Assess
    expect(sweep.staleSubmissionsRepublished).toBe(1);
    expect((await world.deps.indicators.getContribution('2026-H1', project.id))?.version).toBe(1);
    const overview = await getCycleOverview(world.deps, '2026-H1');
    expect(overview.completeness.totals.submitted).toBe(1);
  });
});

describe('indicator values over a half-year with none', () => {
  /** 2026-H1 with one project's contribution of 3 to a cumulative indicator of its area, then closed. */
  async function firstHalfYearCounted(world: InMemoryWorld) {
    const project = activeProjects.find((candidate) => candidate.placement.kind === 'activity')!;
    const area = activityAreaOfProject(plan, project)!;
    const indicator = plan.indicators.find((candidate) => candidate.activityAreaId === area.id && candidate.aggregation === 'cumulative')!;
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    await submitProject(world.deps, {
      token: tokenOf(world, person.email),
      projectId: project.id,
      body: answer({ indicatorContributions: { [indicator.code]: 3 } }),
      correlationId: 't',
    });
    await drain(world);
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });
    await drain(world);
    return indicator;
  }

  async function openOn(world: InMemoryWorld, now: string, request: { period: string; deadline: string; meetingDate: string }) {
    world.setNow(now);
    await openCycle(world.deps, request, 't');
    await drain(world);
  }

  it('carries the cumulative values over a half-year ARR did not open', async () => {
    // Prepare
    const world = await openedWorld();
    const indicator = await firstHalfYearCounted(world);

    // Act: 2026-H2 is skipped
    await openOn(world, '2027-07-01T08:00:00Z', { period: '2027-H1', deadline: '2027-07-15', meetingDate: '2027-09-09' });

    // Assess
    const row = (await getCycleIndicators(world.deps, '2027-H1')).find((candidate) => candidate.code === indicator.code)!;
    expect(row).toMatchObject({ periodValue: 0, cumulativeValue: indicator.baseline.value + 3 });
  });

  it('carries the cumulative values over a half-year in which nobody answered', async () => {
    // Prepare
    const world = await openedWorld();
    const indicator = await firstHalfYearCounted(world);
    await openOn(world, '2027-01-02T08:00:00Z', { period: '2026-H2', deadline: '2027-01-15', meetingDate: '2027-03-11' });
    await closeCycle(world.deps, { cycleId: '2026-H2', reason: 'manual', correlationId: 't' });
    await drain(world);

    // Act
    await openOn(world, '2027-07-01T08:00:00Z', { period: '2027-H1', deadline: '2027-07-15', meetingDate: '2027-09-09' });

    // Assess
    const row = (await getCycleIndicators(world.deps, '2027-H1')).find((candidate) => candidate.code === indicator.code)!;
    expect(row).toMatchObject({ periodValue: 0, cumulativeValue: indicator.baseline.value + 3 });
  });
});

describe('the newest cycle’s indicators, as the console shows them', () => {
  it('are none before a cycle opens, then the open cycle’s, by activity area in the plan’s order; a newer half-year takes over once it opens', async () => {
    // Prepare
    const world = inMemoryWorld(plan, '2026-06-01T08:00:00Z');
    const before = await newestCycleIndicators(world.deps, await world.deps.cycles.listCycles());
    await openCycle(world.deps, openBody, 'test');
    await drain(world);

    // Act
    const first = await newestCycleIndicators(world.deps, await world.deps.cycles.listCycles());
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });
    world.setNow('2027-01-02T08:00:00Z');
    await openCycle(world.deps, { period: '2026-H2', deadline: '2027-01-15', meetingDate: '2027-03-11' }, 't');
    await drain(world);
    const second = await newestCycleIndicators(world.deps, await world.deps.cycles.listCycles());

    // Assess
    expect(before).toBeNull();
    expect(first?.cycle.id).toBe('2026-H1');
    const areaOrder = plan.activityAreas.map((area) => area.name).filter((name) => first!.areas.some((area) => area.name === name));
    expect(first!.areas.map((area) => area.name)).toEqual(areaOrder);
    expect(first!.areas.flatMap((area) => area.indicators.map((row) => row.code)).sort()).toEqual(plan.indicators.map((indicator) => indicator.code).sort());
    for (const area of first!.areas) {
      const areaId = plan.activityAreas.find((candidate) => candidate.name === area.name)!.id;
      expect(area.indicators.every((row) => row.definition.activityAreaId === areaId)).toBe(true);
    }
    expect(second?.cycle).toMatchObject({ id: '2026-H2', state: 'open' });
  });
});

describe('a past report imported after the next half-year’s report was assembled', () => {
  const withPreviousText = (report: Awaited<ReturnType<typeof getMonitoringReport>>) =>
    reportProjects(report).filter((project) => project.previousPeriod !== '');

  /** 2026-H1 closed with one answer, its report assembled; the system holds nothing of 2025-H2. */
  async function closedWithReport(): Promise<InMemoryWorld> {
    const world = await openedWorld();
    await answerSoleProject(world);
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });
    await drain(world);
    return world;
  }

  it('fills the report’s column of the previous period, before the steering group gets it', async () => {
    // Prepare
    const world = await closedWithReport();
    expect(withPreviousText(await getMonitoringReport(world.deps, { cycleId: '2026-H1', correlationId: 't' }))).toEqual([]);

    // Act
    const result = await importPastReport(world.deps, { report: await pastReportText('2025-H2') }, 't');
    await drain(world);

    // Assess
    expect(result.nextReport).toEqual({ periodLabel: '1. pololetí 2026', outcome: 'refreshed' });
    const stored = (await world.deps.reports.getReport('2026-H1'))!;
    expect(withPreviousText(stored).length).toBeGreaterThan(10);
    const imported = await world.deps.submissions.latestVersions('2025-H2');
    const project = withPreviousText(stored)[0]!;
    expect(project.previousPeriod).toBe(imported.find((version) => version.projectId === project.id)?.thisPeriod);
  });

  it('is finished by the same import again when it was cut short before the report was requested', async () => {
    // Prepare: the versions are stored, the request of the report is lost
    const world = await closedWithReport();
    world.losePublishes(1);
    await expect(importPastReport(world.deps, { report: await pastReportText('2025-H2') }, 't')).rejects.toThrow('process died');
    await drain(world);
    expect(withPreviousText((await world.deps.reports.getReport('2026-H1'))!)).toEqual([]);

    // Act
    const again = await importPastReport(world.deps, { report: await pastReportText('2025-H2') }, 't');
    await drain(world);

    // Assess
    expect(again).toMatchObject({ alreadyLoaded: true, imported: 0, nextReport: { periodLabel: '1. pololetí 2026', outcome: 'refreshed' } });
    expect(withPreviousText((await world.deps.reports.getReport('2026-H1'))!).length).toBeGreaterThan(10);
  });

  it('leaves a report the steering group already got as it was sent', async () => {
    // Prepare
    const world = await closedWithReport();
    world.setNow('2026-09-05T09:00:00+02:00');
    await notifySteeringGroup(world.deps, { cycleId: '2026-H1', correlationId: 't' });
    await drain(world);
    const sent = await world.deps.reports.getReport('2026-H1');

    // Act
    const result = await importPastReport(world.deps, { report: await pastReportText('2025-H2') }, 't');
    await drain(world);

    // Assess
    expect(result.nextReport).toEqual({ periodLabel: '1. pololetí 2026', outcome: 'kept-as-sent' });
    expect((await world.deps.cycles.getCycle('2026-H1'))?.state).toBe('steering-group-notified');
    expect(await world.deps.reports.getReport('2026-H1')).toEqual(sent);
  });
});

describe('the count of an answer cut short', () => {
  /** Every active project answered but `last`, through its first contact person's link. */
  async function answeredAllBut(world: InMemoryWorld, last: string): Promise<void> {
    for (const project of activeProjects.filter((candidate) => candidate.id !== last)) {
      const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
      await submitProject(world.deps, { token: tokenOf(world, person.email), projectId: project.id, body: answer(), correlationId: 't' });
    }
    await drain(world);
  }

  /** The last answer, whose count fails on its delivery and is not made by the redelivery. */
  async function lastAnswerUncounted(world: InMemoryWorld, project: (typeof activeProjects)[number]): Promise<void> {
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    vi.spyOn(world.deps.cycles, 'incrementSubmittedCount').mockRejectedValueOnce(new Error('process died'));
    await submitProject(world.deps, { token: tokenOf(world, person.email), projectId: project.id, body: answer(), correlationId: 't' });
    const delivery = world.published.find((event) => event.type === 'submission-received')!;
    await expect(drain(world)).rejects.toThrow('process died');
    world.published.push(delivery);
    await drain(world);
  }

  it('is made up by the next morning’s sweep, which then requests the report the last answer did not', async () => {
    // Prepare
    const world = await openedWorld();
    const last = activeProjects.at(-1)!;
    await answeredAllBut(world, last.id);
    await lastAnswerUncounted(world, last);
    const before = await world.deps.cycles.getCycle('2026-H1');
    const reportBefore = await world.deps.reports.getReport('2026-H1');

    // Act
    const sweep = await sweepAt(world, '2026-06-02T08:30:00+02:00', 'sweep-1');
    const again = await sweepAt(world, '2026-06-03T08:30:00+02:00', 'sweep-2');

    // Assess
    expect(before).toMatchObject({ requestCount: activeProjects.length, submittedCount: activeProjects.length - 1 });
    expect(reportBefore).toBeNull();
    expect([sweep.countsCorrected, again.countsCorrected]).toEqual([1, 0]);
    expect(await world.deps.cycles.getCycle('2026-H1')).toMatchObject({ requestCount: activeProjects.length, submittedCount: activeProjects.length });
    expect(await world.deps.reports.getReport('2026-H1')).not.toBeNull();
  });

  it('is made up by the sweep also when the count of requests was lost, which never looked complete', async () => {
    // Prepare
    const world = await openedWorld();
    const last = activeProjects.at(-1)!;
    await answeredAllBut(world, last.id);
    const counted = (await world.deps.cycles.getCycle('2026-H1'))!;
    await world.deps.cycles.correctCounts('2026-H1', { requestCount: counted.requestCount, submittedCount: counted.submittedCount }, { requestCount: 0, submittedCount: 0 });
    const person = plan.contactPersons.find((candidate) => candidate.id === last.contactPersonIds[0])!;
    await submitProject(world.deps, { token: tokenOf(world, person.email), projectId: last.id, body: answer(), correlationId: 't' });
    await drain(world);
    const reportBefore = await world.deps.reports.getReport('2026-H1');

    // Act
    const sweep = await sweepAt(world, '2026-06-02T08:30:00+02:00', 'sweep-1');

    // Assess
    expect(reportBefore).toBeNull();
    expect(sweep.countsCorrected).toBe(1);
    expect(await world.deps.cycles.getCycle('2026-H1')).toMatchObject({ requestCount: activeProjects.length, submittedCount: activeProjects.length });
    expect(await world.deps.reports.getReport('2026-H1')).not.toBeNull();
  });

  it('is left to a later sweep while an answer is fresher than its count may take', async () => {
    // Prepare
    const world = await openedWorld();
    const last = activeProjects.at(-1)!;
    await answeredAllBut(world, last.id);
    await lastAnswerUncounted(world, last);

    // Act
    const early = await sweepAt(world, '2026-06-01T08:10:00Z', 'sweep-early');

    // Assess
    expect(early.countsCorrected).toBe(0);
    expect((await world.deps.cycles.getCycle('2026-H1'))?.submittedCount).toBe(activeProjects.length - 1);
    expect(await world.deps.reports.getReport('2026-H1')).toBeNull();
  });
});

describe('invitations lost between opening and queueing', () => {
  async function openedWithoutInvitations(): Promise<InMemoryWorld> {
    const world = inMemoryWorld(plan, '2026-06-01T08:00:00Z');
    world.losePublishes(1);
    await expect(openCycle(world.deps, openBody, 'test')).rejects.toThrow('process died');
    await drain(world);
    return world;
  }

  it('are queued again by the next morning’s sweep, one per person', async () => {
    // Prepare
    const world = await openedWithoutInvitations();
    world.setNow('2026-06-02T08:30:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep');
    await drain(world);

    // Assess
    expect(sweep.invitationsRequeued).toBe(invitedContactIds.size);
    expect(world.sentMail).toHaveLength(invitedContactIds.size);
    expect(world.sentMail.every((mail) => mail.subject.startsWith('Podklady k monitoringu akčního plánu za 1. pololetí 2026'))).toBe(true);
    const recipients = world.sentMail.flatMap((mail) => mail.to);
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it('are not queued twice: not within the hour after opening, and never again once a link was sent', async () => {
    // Prepare
    const world = await openedWithoutInvitations();
    world.setNow('2026-06-01T08:30:00Z');
    const early = await runReminderSweep(world.deps, 'sweep-early');
    await sweepAt(world, '2026-06-02T08:30:00+02:00', 'sweep-1');
    const sent = world.sentMail.length;

    // Act
    const later = await sweepAt(world, '2026-06-03T08:30:00+02:00', 'sweep-2');

    // Assess
    expect(early.invitationsRequeued).toBe(0);
    expect(later.invitationsRequeued).toBe(0);
    expect(world.sentMail).toHaveLength(sent);
  });

  it('are not queued for a person who was invited', async () => {
    // Prepare
    const world = await openedWorld();
    const invited = world.sentMail.length;
    world.setNow('2026-06-02T08:30:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep');
    await drain(world);

    // Assess
    expect(sweep.invitationsRequeued).toBe(0);
    expect(world.sentMail).toHaveLength(invited);
  });

  it('are not queued for a person whose reminder the same sweep sends: it brings the link', async () => {
    // Prepare
    const world = await openedWithoutInvitations();
    world.setNow('2026-07-01T08:30:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep');
    await drain(world);

    // Assess
    expect(sweep.invitationsRequeued).toBe(0);
    expect(sweep.remindersQueued).toBe(invitedContactIds.size);
    expect(world.sentMail).toHaveLength(invitedContactIds.size);
    expect(world.sentMail.every((mail) => mail.subject.startsWith('Připomínka'))).toBe(true);
  });
});

describe('a return whose email was lost', () => {
  /** An open cycle in which a project of one person was answered, four hours after the invitations. */
  async function answeredWorld() {
    const world = await openedWorld();
    const project = activeProjects.find((candidate) => candidate.contactPersonIds.length === 1)!;
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    await submitProject(world.deps, { token: tokenOf(world, person.email), projectId: project.id, body: answer(), correlationId: 't' });
    await drain(world);
    world.setNow('2026-06-01T12:00:00Z');
    return { world, project, person };
  }

  it('is emailed by the next morning’s sweep, once', async () => {
    // Prepare
    const { world, project, person } = await answeredWorld();
    world.losePublishes(1);
    const returning = returnProject(world.deps, {
      cycleId: '2026-H1',
      projectId: project.id,
      body: { version: 1, comment: 'Doplňte prosím, co se za pololetí udělalo.' },
      returnedBy: 'arr@example.org',
      correlationId: 't',
    });
    await expect(returning).rejects.toThrow('process died');
    await drain(world);
    const before = world.sentMail.length;
    world.setNow('2026-06-02T08:30:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep-1');
    await drain(world);
    world.setNow('2026-06-03T08:30:00+02:00');
    const again = await runReminderSweep(world.deps, 'sweep-2');

    // Assess
    expect(sweep.returnsRequeued).toBe(1);
    expect(again.returnsRequeued).toBe(0);
    const emails = world.sentMail.slice(before);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.to).toEqual([person.email]);
    expect(emails[0]!.subject).toContain('Vráceno k doplnění');
    expect(emails[0]!.text).toContain('Doplňte prosím, co se za pololetí udělalo.');
  });

  it('is not emailed again when its email went out', async () => {
    // Prepare
    const { world, project, person } = await answeredWorld();
    await returnProject(world.deps, { cycleId: '2026-H1', projectId: project.id, body: { version: 1, comment: 'Doplňte.' }, returnedBy: 'arr@example.org', correlationId: 't' });
    await drain(world);
    world.setNow('2026-06-02T08:30:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep');

    // Assess
    expect(sweep.returnsRequeued).toBe(0);
  });
});

/** The sweep at `at` recorded what was due, and the process died before it queued any of it or released the records. */
async function sweepDiedAt(at: string): Promise<InMemoryWorld> {
  const world = await openedWorld();
  world.setNow(at);
  world.losePublishes(1);
  vi.spyOn(world.deps.reminders, 'releaseReminder').mockRejectedValue(new Error('process died'));
  await expect(runReminderSweep(world.deps, 'sweep-crashed')).rejects.toThrow('process died');
  vi.mocked(world.deps.reminders.releaseReminder).mockRestore();
  return world;
}

describe('reminders lost between their record and their queueing', () => {
  /** The 14-day reminders. */
  const remindersLostInACrash = () => sweepDiedAt('2026-07-01T08:30:00+02:00');

  it('are queued again by the next morning’s sweep, once per person', async () => {
    // Prepare
    const world = await remindersLostInACrash();
    const before = world.sentMail.length;
    world.setNow('2026-07-02T08:30:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep-1');
    await drain(world);
    const again = await sweepAt(world, '2026-07-03T08:30:00+02:00', 'sweep-2');

    // Assess
    expect(sweep.remindersQueued).toBe(0);
    expect(sweep.remindersRequeued).toBe(invitedContactIds.size);
    expect(again.remindersRequeued).toBe(0);
    const emails = world.sentMail.slice(before);
    expect(emails).toHaveLength(invitedContactIds.size);
    expect(emails.every((mail) => mail.subject.startsWith('Připomínka'))).toBe(true);
    const recipients = emails.flatMap((mail) => mail.to);
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it('are not queued again for a person who has answered since', async () => {
    // Prepare
    const world = await remindersLostInACrash();
    const soleProjectPerson = await answerSoleProject(world);
    const before = world.sentMail.length;
    world.setNow('2026-07-02T08:30:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep');
    await drain(world);

    // Assess
    expect(sweep.remindersRequeued).toBe(invitedContactIds.size - 1);
    expect(world.sentMail.slice(before).some((mail) => mail.to.includes(soleProjectPerson.email))).toBe(false);
  });

  it('are not queued again once they went out', async () => {
    // Prepare
    const world = await openedWorld();
    await sweepAt(world, '2026-07-01T08:30:00+02:00', 'sweep-1');
    const sent = world.sentMail.length;
    world.setNow('2026-07-02T08:30:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep-2');
    await drain(world);

    // Assess
    expect(sweep.remindersRequeued).toBe(0);
    expect(world.sentMail).toHaveLength(sent);
  });
});

describe('escalations lost between their record and their queueing', () => {
  /** One per activity area with late projects, to its guarantor, and one to ARR for the projects outside the plan. */

  /** The escalation day's. */
  const escalationsLostInACrash = () => sweepDiedAt('2026-07-22T09:00:00+02:00');

  it('are queued again by the next sweep an hour or more later, once per area', async () => {
    // Prepare
    const world = await escalationsLostInACrash();
    const before = world.sentMail.length;
    world.setNow('2026-07-22T09:30:00+02:00');
    const tooSoon = await runReminderSweep(world.deps, 'sweep-soon');
    world.setNow('2026-07-23T09:00:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep-next-day');
    const again = await runReminderSweep(world.deps, 'sweep-again');
    await drain(world);

    // Assess
    expect(tooSoon.escalationsRequeued).toBe(0);
    expect(sweep.escalationsQueued).toBe(0);
    expect(sweep.escalationsRequeued).toBeGreaterThan(0);
    expect(again.escalationsRequeued).toBe(0);
    const escalations = escalationsIn(world.sentMail.slice(before));
    expect(escalations).toHaveLength(sweep.escalationsRequeued);
    const areas = escalations.map((mail) => mail.subject);
    expect(new Set(areas).size).toBe(areas.length);
  });

  it('stay pending for the run after, when the queue refuses them again', async () => {
    // Prepare
    const world = await escalationsLostInACrash();
    world.setNow('2026-07-23T09:00:00+02:00');
    world.losePublishes(1);
    await expect(runReminderSweep(world.deps, 'sweep-refused')).rejects.toThrow();
    const before = world.sentMail.length;
    world.setNow('2026-07-24T09:00:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep-retried');
    await drain(world);

    // Assess
    expect(sweep.escalationsRequeued).toBeGreaterThan(0);
    expect(escalationsIn(world.sentMail.slice(before))).toHaveLength(sweep.escalationsRequeued);
  });

  it('are not queued again once they were queued', async () => {
    // Prepare
    const world = await openedWorld();
    const first = await sweepAt(world, '2026-07-22T09:00:00+02:00', 'sweep-1');
    world.setNow('2026-07-23T09:00:00+02:00');

    // Act
    const sweep = await runReminderSweep(world.deps, 'sweep-2');

    // Assess
    expect(first.escalationsQueued).toBeGreaterThan(0);
    expect(sweep.escalationsRequeued).toBe(0);
    expect((await world.deps.reminders.listReminders('2026-H1')).some((reminder) => reminder.pending)).toBe(false);
  });
});

describe('reminders and escalation', () => {
  it('sends the 14-day reminder once, however often the sweep runs, and only to those with pending projects', async () => {
    // Prepare
    const world = await openedWorld();
    const invitations = world.sentMail.length;
    const soleProjectPerson = await answerSoleProject(world);
    world.setNow('2026-07-01T08:30:00+02:00');

    // Act
    await runReminderSweep(world.deps, 'sweep-1');
    await runReminderSweep(world.deps, 'sweep-2');
    await drain(world);

    // Assess
    const reminders = world.sentMail.slice(invitations);
    expect(reminders).toHaveLength(invitedContactIds.size - 1);
    expect(reminders.some((mail) => mail.to.includes(soleProjectPerson.email))).toBe(false);
  });

  it('sends the reminders the queue refused on the next run, not never', async () => {
    // Prepare
    const world = await openedWorld();
    const invitations = world.sentMail.length;
    world.setNow('2026-07-01T08:30:00+02:00');
    world.losePublishes(1);
    await expect(runReminderSweep(world.deps, 'sweep-refused')).rejects.toThrow();

    // Act
    const retried = await runReminderSweep(world.deps, 'sweep-retried');
    await drain(world);

    // Assess
    expect(retried.remindersQueued).toBe(invitedContactIds.size);
    expect(world.sentMail.slice(invitations)).toHaveLength(invitedContactIds.size);
  });

  it('escalates a late person once, also when the first escalation could not be queued', async () => {
    // Prepare
    const world = await openedWorld();
    world.setNow('2026-07-24T08:30:00+02:00');
    world.losePublishes(1);
    await expect(runReminderSweep(world.deps, 'sweep-refused')).rejects.toThrow();

    // Act
    const retried = await runReminderSweep(world.deps, 'sweep-retried');
    const again = await runReminderSweep(world.deps, 'sweep-again');

    // Assess
    expect(retried.escalationsQueued).toBeGreaterThan(0);
    expect(again.escalationsQueued).toBe(0);
  });

  it('escalates late projects to the guarantor of their area with ARR in copy', async () => {
    // Prepare
    const world = await openedWorld();
    world.setNow('2026-07-22T09:00:00+02:00');

    // Act
    await runReminderSweep(world.deps, 'sweep');
    await drain(world);

    // Assess
    const escalations = world.sentMail.filter((mail) => mail.cc?.includes('arr@example.org'));
    const guarantors = new Set(plan.activityAreas.map((area) => area.guarantor.email));
    expect(escalations.length).toBeGreaterThan(0);
    for (const mail of escalations) expect(guarantors.has(mail.to[0]!)).toBe(true);
  });
});

describe('the ladder after the deadline and projects asked for late', () => {
  /** A cycle in which every project was answered before the deadline. */
  async function answeredOnTime() {
    const world = await openedWorld();
    for (const project of activeProjects) {
      const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
      await submitProject(world.deps, { token: tokenOf(world, person.email), projectId: project.id, body: answer(), correlationId: 't' });
    }
    await drain(world);
    return world;
  }

  async function returnAt(world: InMemoryWorld, at: string, projectId: string) {
    world.setNow(at);
    await returnProject(world.deps, {
      cycleId: '2026-H1',
      projectId,
      body: { version: 1, comment: 'Doplňte prosím čísla.' },
      returnedBy: 'arr@example.org',
      correlationId: 't',
    });
    await drain(world);
  }

  it('does not report a person late to the guarantor the morning after ARR returned their project', async () => {
    // Prepare
    const world = await answeredOnTime();
    const project = activeProjects[0]!;
    await returnAt(world, '2026-07-27T14:00:00+02:00', project.id);
    const before = world.sentMail.length;

    // Act
    const sweep = await sweepAt(world, '2026-07-28T08:30:00+02:00', 'sweep');

    // Assess
    expect(sweep.escalationsQueued).toBe(0);
    expect(escalationsIn(world.sentMail.slice(before))).toEqual([]);
    expect((await world.deps.reminders.listReminders('2026-H1')).filter((reminder) => reminder.stage === 'escalation')).toEqual([]);
  });

  it('sends no overdue notice the morning after ARR returned a project after the overdue notice’s day', async () => {
    // Prepare
    const world = await answeredOnTime();
    const project = activeProjects[0]!;
    await returnAt(world, '2026-07-17T14:00:00+02:00', project.id);
    const before = world.sentMail.length;

    // Act
    const sweep = await sweepAt(world, '2026-07-20T08:30:00+02:00', 'sweep');

    // Assess
    expect(sweep.remindersQueued).toBe(0);
    expect(world.sentMail.slice(before)).toEqual([]);
  });

  it('escalates a project returned before the overdue notice’s day and still not answered', async () => {
    // Prepare
    const world = await answeredOnTime();
    const project = activeProjects[0]!;
    await returnAt(world, '2026-07-10T14:00:00+02:00', project.id);
    const before = world.sentMail.length;

    // Act
    const sweep = await sweepAt(world, '2026-07-22T08:30:00+02:00', 'sweep');

    // Assess
    expect(sweep.escalationsQueued).toBe(1);
    const escalations = escalationsIn(world.sentMail.slice(before));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.text).toContain(project.name);
  });

  it('leaves a project returned after the overdue notice’s day out of the guarantor’s email about the late ones', async () => {
    // Prepare
    const world = await openedWorld();
    const late = activeProjects[0]!;
    const area = plan.activityAreas.find((candidate) =>
      candidate.activities.some((activity) => late.placement.kind === 'activity' && activity.id === late.placement.activityId),
    )!;
    const returned = activeProjects.find(
      (candidate) =>
        candidate.id !== late.id &&
        !candidate.contactPersonIds.some((id) => late.contactPersonIds.includes(id)) &&
        area.activities.some((activity) => candidate.placement.kind === 'activity' && activity.id === candidate.placement.activityId),
    )!;
    const answerer = plan.contactPersons.find((candidate) => candidate.id === returned.contactPersonIds[0])!;
    for (const project of activeProjects.filter((candidate) => candidate.id !== late.id)) {
      const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
      await submitProject(world.deps, { token: tokenOf(world, person.email), projectId: project.id, body: answer(), correlationId: 't' });
    }
    await drain(world);
    await returnAt(world, '2026-07-20T14:00:00+02:00', returned.id);
    const before = world.sentMail.length;

    // Act
    await sweepAt(world, '2026-07-22T08:30:00+02:00', 'sweep');

    // Assess
    const escalations = escalationsIn(world.sentMail.slice(before));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.to).toEqual([area.guarantor.email]);
    expect(escalations[0]!.text).toContain(late.name);
    expect(escalations[0]!.text).not.toContain(returned.name);
    const recorded = (await world.deps.reminders.listReminders('2026-H1')).filter((reminder) => reminder.stage === 'escalation');
    expect(recorded.some((reminder) => reminder.audience.kind === 'contact' && reminder.audience.contactPersonId === answerer.id)).toBe(false);
  });
});

describe('closing, report and steering group', () => {
  it('assembles a complete cycle\'s report once, and after a burst of edits only when it is read', async () => {
    // Prepare
    const world = await openedWorld();
    const saves = vi.spyOn(world.deps.reports, 'saveReport');
    const send = (project: (typeof activeProjects)[number], body: Record<string, unknown>) => {
      const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
      return submitProject(world.deps, { token: tokenOf(world, person.email), projectId: project.id, body, correlationId: 't' });
    };
    for (const project of activeProjects) await send(project, answer());
    await drain(world);
    const savesWhenComplete = saves.mock.calls.length;
    const edited = activeProjects.slice(0, 3);

    // Act
    for (const [index, project] of edited.entries()) await send(project, answer({ thisPeriod: `Opraveno ${index}.`, expectedVersion: 1 }));
    await drain(world);
    const savesAfterEdits = saves.mock.calls.length;
    const staleSince = (await world.deps.cycles.getCycle('2026-H1'))?.reportStaleSince;
    const read = await getMonitoringReport(world.deps, { cycleId: '2026-H1', correlationId: 't' });
    const readAgain = await getMonitoringReport(world.deps, { cycleId: '2026-H1', correlationId: 't' });

    // Assess
    expect(savesWhenComplete).toBe(1);
    expect(savesAfterEdits).toBe(1);
    expect(staleSince).toBeDefined();
    expect(saves).toHaveBeenCalledTimes(2);
    const texts = new Map(
      [...read.areas.flatMap((area) => area.activities.flatMap((activity) => activity.projects)), ...read.outsidePlan].map((project) => [project.id, project.thisPeriod]),
    );
    expect(edited.map((project) => texts.get(project.id))).toEqual(['Opraveno 0.', 'Opraveno 1.', 'Opraveno 2.']);
    expect(readAgain).toEqual(read);
    expect((await world.deps.cycles.getCycle('2026-H1'))?.reportStaleSince).toBeUndefined();
  });

  it('builds a working draft of an open cycle on each read, stores nothing, and none once the cycle is closed', async () => {
    // Prepare
    const world = await openedWorld();
    const person = await answerSoleProject(world);
    const saves = vi.spyOn(world.deps.reports, 'saveReport');

    // Act
    const draft = await draftReport(world.deps, { cycleId: '2026-H1' });
    const savesByDraft = saves.mock.calls.length;
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });
    const afterClose = await draftReport(world.deps, { cycleId: '2026-H1' });

    // Assess
    const projects = reportProjects(draft!);
    const answered = projects.filter((project) => project.thisPeriod !== null);
    expect(answered.map((project) => project.thisPeriod)).toEqual(['Hotovo, co bylo v plánu.']);
    expect(answered[0]!.contacts).toContain(contactDisplayName(person));
    expect(projects).toHaveLength(activeProjects.length);
    expect(savesByDraft).toBe(0);
    expect(afterClose).toBeNull();
  });

  it('closes once, assembles the report with missing projects marked, and notifies the steering group once', async () => {
    // Prepare
    const world = await openedWorld();
    const project = activeProjects[0]!;
    const person = plan.contactPersons.find((candidate) => candidate.id === project.contactPersonIds[0])!;
    await submitProject(world.deps, { token: tokenOf(world, person.email), projectId: project.id, body: answer(), correlationId: 't' });
    await drain(world);
    world.setNow('2026-09-05T09:00:00+02:00');

    // Act
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });
    const secondClose = closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });
    await drain(world);
    const again = await notifySteeringGroup(world.deps, { cycleId: '2026-H1', correlationId: 't' });

    // Assess
    await expect(secondClose).rejects.toBeInstanceOf(IllegalTransitionError);
    const report = await world.deps.reports.getReport('2026-H1');
    const projects = report!.areas.flatMap((area) => area.activities.flatMap((activity) => activity.projects));
    expect(projects.find((candidate) => candidate.id === project.id)?.thisPeriod).toBe('Hotovo, co bylo v plánu.');
    expect(projects.filter((candidate) => candidate.thisPeriod === null).length).toBe(activeProjects.length - 1 - report!.outsidePlan.length);
    const notices = world.sentMail.filter((mail) => mail.to.includes('rizeni@example.org'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.attachments?.[0]?.filename).toBe('monitorovaci-zprava-2026-H1.docx');
    // Every link lands on the console's report page (members sign in there), none on the IAM-only API.
    const links = [...notices[0]!.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual([
      'https://monitoring.example.org/arr/cycles/2026-H1/report',
      'https://monitoring.example.org/arr/cycles/2026-H1/report/md',
      'https://monitoring.example.org/arr/cycles/2026-H1/report/docx',
    ]);
    expect(again).toBe('already-sent');
    expect((await world.deps.cycles.getCycle('2026-H1'))?.state).toBe('steering-group-notified');
  });

  it('requests the report again when its request was lost at the close, so the steering group still hears', async () => {
    // Prepare
    const world = await openedWorld();
    world.setNow('2026-07-20T09:00:00+02:00');
    world.losePublishes(1);
    await expect(closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' })).rejects.toThrow('process died');
    await drain(world);
    const stuck = (await world.deps.cycles.getCycle('2026-H1'))?.state;
    world.setNow('2026-07-20T09:30:00+02:00');
    const withinTheHour = await notifyDueSteeringGroups(world.deps, 'schedule-0');

    // Act
    world.setNow('2026-07-21T09:00:00+02:00');
    const nextMorning = await notifyDueSteeringGroups(world.deps, 'schedule-1');
    await drain(world);
    world.setNow('2026-09-03T09:00:00+02:00');
    const noticeDay = await notifyDueSteeringGroups(world.deps, 'schedule-2');

    // Assess
    expect(stuck).toBe('closed');
    expect(withinTheHour['2026-H1']).toBeUndefined();
    expect(nextMorning['2026-H1']).toBe('report-requested-again');
    expect(await world.deps.reports.getReport('2026-H1')).not.toBeNull();
    expect(noticeDay['2026-H1']).toBe('sent');
    expect(world.sentMail.filter((mail) => mail.to.includes('rizeni@example.org'))).toHaveLength(1);
  });

  it('never requests a report for an imported past half-year', async () => {
    // Prepare
    const world = inMemoryWorld(plan, '2026-06-01T08:00:00Z');
    const project = activeProjects[0]!;
    await loadHistory(world.deps, plan, {
      period: '2025-H2',
      warnings: [],
      projects: [{ name: project.name, activityArea: '', activity: null, goal: project.goal, previousPeriod: '', thisPeriod: 'Hotovo.', nextPeriodPlan: 'Dál.', contacts: [] }],
    } satisfies ImportedReport);
    world.setNow('2026-07-21T09:00:00+02:00');

    // Act
    const outcomes = await notifyDueSteeringGroups(world.deps, 'schedule');

    // Assess
    expect(outcomes).toEqual({});
    expect(world.published).toEqual([]);
  });

  it('waits with the notice until the configured days before the meeting', async () => {
    // Prepare
    const world = await openedWorld();
    world.setNow('2026-07-20T09:00:00+02:00');
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });
    await drain(world);

    // Act
    const early = await notifySteeringGroup(world.deps, { cycleId: '2026-H1', correlationId: 't' });
    world.setNow('2026-09-03T09:00:00+02:00');
    const due = await notifySteeringGroup(world.deps, { cycleId: '2026-H1', correlationId: 't' });

    // Assess
    expect(early).toBe('too-early');
    expect(due).toBe('sent');
  });

  it('closes automatically after the deadline plus the grace period, but not before the escalation day', async () => {
    // Prepare
    const world = await openedWorld();

    // Act
    world.setNow('2026-07-19T10:00:00+02:00');
    const afterGrace = await closeOverdueCycles(world.deps, 'auto');
    world.setNow('2026-07-22T10:00:00+02:00');
    const onEscalationDay = await closeOverdueCycles(world.deps, 'auto');
    world.setNow('2026-07-23T00:05:00+02:00');
    const closed = await closeOverdueCycles(world.deps, 'auto');

    // Assess
    expect(afterGrace).toEqual([]);
    expect(onEscalationDay).toEqual([]);
    expect(closed).toEqual(['2026-H1']);
    expect((await world.deps.cycles.getCycle('2026-H1'))?.closeReason).toBe('deadline');
  });

  it('keeps to the grace period when it ends after the escalation day', async () => {
    // Prepare
    const world = await openedWorld();
    const cycle = (await world.deps.cycles.getCycle('2026-H1'))!;

    // Act
    const lastDay = lastOpenDay(cycle, 14);

    // Assess
    expect(lastDay).toBe('2026-07-29');
  });
});

describe('opening a cycle whose deadline has passed', () => {
  it('is refused, so nobody is invited already late', async () => {
    // Prepare
    const world = inMemoryWorld(plan, '2026-07-20T08:00:00Z');

    // Act
    const opening = openCycle(world.deps, openBody, 'test');

    // Assess
    await expect(opening).rejects.toMatchObject({ details: { deadline: expect.stringContaining('uplynul') } });
    expect(world.published).toEqual([]);
  });
});

describe('slips in the overview, the report and the steering-group email', () => {
  it('shows a delayed project and a repeated plan in all three places, with the same reasons', async () => {
    // Prepare: 2025-H2 loaded as history, then 2026-H1 where one project repeats its plan and another is delayed.
    const world = inMemoryWorld(plan, '2026-06-01T08:00:00Z');
    const [repeating, delayed] = activeProjects.filter((project) => project.placement.kind === 'activity');
    await loadHistory(world.deps, plan, {
      period: '2025-H2',
      warnings: [],
      projects: [repeating!, delayed!].map((project) => ({
        name: project.name,
        activityArea: '',
        activity: null,
        goal: project.goal,
        previousPeriod: '',
        thisPeriod: 'Výběrové řízení na dodavatele bylo vyhlášeno.',
        nextPeriodPlan: 'Podpis smlouvy s vybraným dodavatelem a zahájení prací na stavbě.',
        contacts: [],
      })),
    } satisfies ImportedReport);
    await openCycle(world.deps, openBody, 'test');
    await drain(world);
    const submit = async (projectId: string, body: Record<string, unknown>) => {
      const person = plan.contactPersons.find((candidate) => candidate.id === plan.projects.find((p) => p.id === projectId)!.contactPersonIds[0])!;
      await submitProject(world.deps, { token: tokenOf(world, person.email), projectId, body: answer(body), correlationId: 't' });
    };
    await submit(repeating!.id, { thisPeriod: 'Soutěž stále běží.', nextPeriodPlan: 'Podpis smlouvy s vybraným dodavatelem a zahájení prací na stavbě.' });
    await submit(delayed!.id, { thisPeriod: 'Smlouva podepsána.', nextPeriodPlan: 'Stavba.', status: 'delayed' });
    await drain(world);

    // Act
    const overview = await getCycleOverview(world.deps, '2026-H1');
    world.setNow('2026-09-05T09:00:00+02:00');
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });
    await drain(world);

    // Assess
    const expected = [
      [repeating!.id, ['plan-repeated']],
      [delayed!.id, ['status-delayed']],
    ];
    expect(overview.slips.map((row) => [row.projectId, row.reasons.map((reason) => reason.code)])).toEqual(expected);
    const report = await world.deps.reports.getReport('2026-H1');
    expect(report?.slips?.rows.map((row) => [row.projectId, row.reasons.map((reason) => reason.code)])).toEqual(expected);
    const notice = world.sentMail.find((mail) => mail.to.includes('rizeni@example.org'));
    expect(notice?.text).toContain(
      `2 projekty se skluzem: ${repeating!.name} (opakovaný plán), ${delayed!.name} (zpožděno) (podrobnosti v příloze Projekty se skluzem).`,
    );
  });
});
