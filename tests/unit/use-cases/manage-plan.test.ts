import { describe, expect, it } from 'vitest';
import { createEvent, invitationRequestedV1, reminderDueV1 } from '../../../events';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { ConflictError, NotFoundError, ValidationError } from '../../../domain/errors';
import { closeCycle } from '../../../domain/use-cases/close-cycle';
import { loadContactWorkspace, resolveContactAccess } from '../../../domain/use-cases/contact-workspace';
import { deliverMail } from '../../../domain/use-cases/deliver-mail';
import { returnProject } from '../../../domain/use-cases/editorial';
import {
  addContactPerson,
  addProject,
  exportPlan,
  importPlan,
  listPlanHistory,
  updateContactPerson,
  updateGuarantor,
  updateIndicator,
  updateProject,
} from '../../../domain/use-cases/manage-plan';
import { openCycle } from '../../../domain/use-cases/open-cycle';
import { runReminderSweep } from '../../../domain/use-cases/run-reminder-sweep';
import { saveContactProjects, submitProject } from '../../../domain/use-cases/submit-project';
import { loadHistory } from '../../../domain/use-cases/load-history';
import { inMemoryWorld, type InMemoryWorld } from '../../support/in-memory-dependencies';
import { drain, latestTokenOf } from '../../support/in-memory-drain';

const plan = liberecActionPlan;
const active = plan.projects.filter((project) => project.lifecycle === 'active');
const ARR = 'jana.arr';
const change = (body: unknown, extra: Record<string, unknown> = {}) => ({ actor: ARR, correlationId: 'test', body, ...extra });
const personOf = (projectId: string) => {
  const project = plan.projects.find((candidate) => candidate.id === projectId)!;
  return plan.contactPersons.find((person) => person.id === project.contactPersonIds[0])!;
};
const answer = (overrides: Record<string, unknown> = {}) => ({
  thisPeriod: 'Hotovo, co bylo v plánu.',
  nextPeriodPlan: 'Pokračovat.',
  status: 'on-track',
  expectedVersion: 0,
  ...overrides,
});

async function openedWorld(period = '2026-H1', at = '2026-06-01T08:00:00Z'): Promise<InMemoryWorld> {
  const world = inMemoryWorld(plan, at);
  await openCycle(world.deps, { period, deadline: period === '2026-H1' ? '2026-07-15' : '2027-01-15', meetingDate: period === '2026-H1' ? '2026-09-10' : '2027-03-10' }, 'test');
  await drain(world);
  return world;
}

/** The morning sweep on 28 July (escalation day): the persons escalated, and the guarantors' emails. */
async function sweepAfterTheEscalationDay(world: InMemoryWorld) {
  const before = world.sentMail.length;
  world.setNow('2026-07-28T08:30:00+02:00');
  await runReminderSweep(world.deps, 'sweep');
  await drain(world);
  const escalated = (await world.deps.reminders.listReminders('2026-H1')).flatMap((reminder) =>
    reminder.stage === 'escalation' && reminder.audience.kind === 'contact' ? [reminder.audience.contactPersonId] : [],
  );
  return { escalated, guarantorMail: world.sentMail.slice(before).filter((mail) => mail.subject.startsWith('Chybějící podklady')) };
}

/** Runs `act` in a process that dies at the first call of `port[method]`; the method works again afterwards. */
async function diesAt<Port extends object>(port: Port, method: keyof Port, act: () => Promise<unknown>): Promise<void> {
  const original = port[method];
  port[method] = (async () => {
    throw new Error('process died');
  }) as Port[keyof Port];
  try {
    await expect(act()).rejects.toThrow('process died');
  } finally {
    port[method] = original;
  }
}

/** The morning sweeps of two days in a row, each followed by the emails it queued. */
async function twoMorningSweeps(world: InMemoryWorld, first: string, second: string) {
  world.setNow(first);
  const sweep = await runReminderSweep(world.deps, 'sweep-1');
  await drain(world);
  world.setNow(second);
  const again = await runReminderSweep(world.deps, 'sweep-2');
  await drain(world);
  return { sweep, again };
}

describe('importing and exporting the plan', () => {
  it('refuses an invalid plan file with Czech errors per field and stores nothing', async () => {
    // Prepare
    const world = inMemoryWorld(plan);
    const broken = structuredClone(plan) as unknown as Record<string, any>;
    broken.contactPersons[0].email = 'není-adresa';
    broken.projects[2].name = '';
    delete broken.indicators[0].unit;

    // Act
    const importing = importPlan(world.deps, change(broken));

    // Assess
    await expect(importing).rejects.toBeInstanceOf(ValidationError);
    const error = (await importing.catch((caught: unknown) => caught)) as ValidationError;
    expect(error.details).toMatchObject({
      'contactPersons.0.email': expect.stringContaining('platnou e-mailovou adresu'),
      'projects.2.name': 'Vyplňte název projektu.',
      'indicators.0.unit': 'Vyplňte jednotku indikátoru.',
    });
    expect((await exportPlan(world.deps)).plan).toEqual(plan);
    expect(await listPlanHistory(world.deps)).toEqual([]);
  });

  it('refuses baselines that could not be stored exactly: above a billion, beyond four decimal places, too small to store', async () => {
    // Prepare
    const world = inMemoryWorld(plan);
    const withBaselines = (...values: number[]) => {
      const edited = structuredClone(plan);
      values.forEach((value, index) => (edited.indicators[index]!.baseline.value = value));
      return edited;
    };

    // Act
    const refused = await importPlan(world.deps, change(withBaselines(9007199254740993, 1_000_000_001, 0.00001, 1e-200))).catch((caught: unknown) => caught);
    const accepted = await importPlan(world.deps, change(withBaselines(1_000_000_000, 12.3456, 0.1, 0)));

    // Assess
    expect(refused).toBeInstanceOf(ValidationError);
    const message = 'Výchozí hodnota musí být číslo od 0 do 1 000 000 000 s nejvýše čtyřmi desetinnými místy.';
    expect((refused as ValidationError).details).toMatchObject(
      Object.fromEntries([0, 1, 2, 3].map((index) => [`indicators.${index}.baseline.value`, message])),
    );
    expect(accepted.revision).toBe(1);
    expect((await exportPlan(world.deps)).plan.indicators.slice(0, 4).map((indicator) => indicator.baseline.value)).toEqual([1_000_000_000, 12.3456, 0.1, 0]);
  });

  it('checks that the plan refers only to what it contains', async () => {
    // Prepare
    const world = inMemoryWorld(plan);
    const dangling = structuredClone(plan);
    dangling.projects[1]!.contactPersonIds = ['nikdo-takovy'];
    dangling.projects[3]!.placement = { kind: 'activity', activityId: 'neznama-aktivita' };
    dangling.projects[4]!.id = dangling.projects[5]!.id;

    // Act
    const importing = importPlan(world.deps, change(dangling));

    // Assess
    await expect(importing).rejects.toMatchObject({
      kind: 'validation',
      details: {
        'projects.1.contactPersonIds.0': 'Kontaktní osoba „nikdo-takovy“ v plánu není.',
        'projects.3.placement.activityId': 'Aktivita „neznama-aktivita“ v plánu není.',
        'projects.4.id': `Projekt „${plan.projects[5]!.id}“ je v plánu vícekrát.`,
      },
    });
    expect(await listPlanHistory(world.deps)).toEqual([]);
  });

  it('imports an exported and edited plan as a new revision that names who changed what', async () => {
    // Prepare
    const world = inMemoryWorld(plan);
    const exported = await exportPlan(world.deps);
    const edited = structuredClone(exported.plan);
    edited.indicators[0]!.baseline = { asOf: '2026-06-30', value: 42 };

    // Act
    const result = await importPlan(world.deps, change(edited));

    // Assess
    expect(result.revision).toBe(exported.revision + 1);
    const [latest] = await listPlanHistory(world.deps);
    expect(latest).toMatchObject({ revision: result.revision, author: ARR, at: '2026-06-01T08:00:00.000Z' });
    expect(latest!.changes.map((entry) => entry.description)).toEqual([
      `Indikátor ${edited.indicators[0]!.code}: výchozí hodnota změněna z ${plan.indicators[0]!.baseline.value} (k 2025-12-31) na 42 (k 2026-06-30).`,
    ]);
  });

  it('refuses a plan that removes a project with reports in an open cycle unless ARR confirms it', async () => {
    // Prepare
    const world = await openedWorld();
    const project = active[0]!;
    await submitProject(world.deps, { token: latestTokenOf(world, personOf(project.id).email), projectId: project.id, body: answer(), correlationId: 't' });
    const without = { ...structuredClone(plan), projects: plan.projects.filter((candidate) => candidate.id !== project.id) };

    // Act
    const refused = await importPlan(world.deps, change(without)).catch((caught: unknown) => caught);
    const before = await exportPlan(world.deps);
    const confirmed = await importPlan(world.deps, change(without, { confirmRemovals: true }));

    // Assess
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).details).toEqual({ [`projects.${project.id}`]: `Projekt „${project.name}“ má podklady za 1. pololetí 2026.` });
    expect(before.plan.projects.some((candidate) => candidate.id === project.id)).toBe(true);
    expect(confirmed.openCycles.removed).toEqual([{ cycleId: '2026-H1', projectId: project.id }]);
    expect((await world.deps.cycles.listRequests('2026-H1')).some((request) => request.projectId === project.id)).toBe(false);
  });

  it('refuses an edit based on an older revision', async () => {
    // Prepare
    const world = inMemoryWorld(plan);
    await updateIndicator(world.deps, { ...change({ unit: 'kusy' }), code: plan.indicators[0]!.code });

    // Act
    const stale = updateIndicator(world.deps, { ...change({ unit: 'počet', expectedRevision: 0 }), code: plan.indicators[0]!.code });

    // Assess
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect((await exportPlan(world.deps)).plan.indicators[0]!.unit).toBe('kusy');
  });
});

describe('editing the plan during an open cycle', () => {
  it('renames a project and changes a guarantor: the emails still to be sent carry the new names', async () => {
    // Prepare
    const world = await openedWorld();
    const project = active.find((candidate) => candidate.placement.kind === 'activity')!;
    const area = plan.activityAreas.find((candidate) => candidate.activities.some((activity) => project.placement.kind === 'activity' && activity.id === project.placement.activityId))!;
    world.sentMail.length = 0;

    // Act
    await updateProject(world.deps, { ...change({ name: 'Nový název projektu' }), projectId: project.id });
    await updateGuarantor(world.deps, { ...change({ department: 'Odbor nový', email: 'novy.garant@kraj-lbc.cz' }), activityAreaId: area.id });
    world.setNow('2026-07-24T08:00:00Z');
    await deliverMail(world.deps, createEvent(reminderDueV1, { cycleId: '2026-H1', stage: 'overdue', audience: { kind: 'contact', contactPersonId: project.contactPersonIds[0]! } }, { correlationId: 't', now: new Date() }));
    await deliverMail(world.deps, createEvent(reminderDueV1, { cycleId: '2026-H1', stage: 'escalation', audience: { kind: 'guarantor', activityAreaId: area.id } }, { correlationId: 't', now: new Date() }));

    // Assess
    const [reminder, escalation] = world.sentMail;
    expect(reminder!.text).toContain('Nový název projektu');
    expect(escalation!.to).toEqual(['novy.garant@kraj-lbc.cz']);
    expect(escalation!.text).toContain('Nový název projektu');
    expect((await listPlanHistory(world.deps)).map((revision) => revision.author)).toEqual([ARR, ARR]);
  });

  it('sends a fresh link to a changed email; the old link then gets the uniform invalid-link answer', async () => {
    // Prepare
    const world = await openedWorld();
    const person = personOf(active[0]!.id);
    const oldToken = latestTokenOf(world, person.email);

    // Act
    const result = await updateContactPerson(world.deps, { ...change({ email: 'Nova.Adresa@Kraj-LBC.cz' }), contactPersonId: person.id });
    await drain(world);

    // Assess
    expect(result.openCycles.reinvited).toEqual([{ cycleId: '2026-H1', contactPersonId: person.id, email: 'nova.adresa@kraj-lbc.cz' }]);
    await expect(resolveContactAccess(world.deps, oldToken)).rejects.toMatchObject({ kind: 'not-found', message: 'Odkaz není platný nebo už vypršel.' });
    const access = await resolveContactAccess(world.deps, latestTokenOf(world, 'nova.adresa@kraj-lbc.cz'));
    expect(access.person.email).toBe('nova.adresa@kraj-lbc.cz');
  });

  it('stops the links sent to an old address on the next morning when the change of address died before, and invites the new one', async () => {
    // Prepare
    const world = await openedWorld();
    const person = personOf(active[0]!.id);
    const oldToken = latestTokenOf(world, person.email);
    await diesAt(world.deps.tokens, 'revokeTokens', () => updateContactPerson(world.deps, { ...change({ email: 'nova.adresa@kraj-lbc.cz' }), contactPersonId: person.id }));
    world.sentMail.length = 0;

    // Act
    const { sweep, again } = await twoMorningSweeps(world, '2026-06-02T08:30:00+02:00', '2026-06-03T08:30:00+02:00');

    // Assess
    expect([sweep.planChangesFinished, again.planChangesFinished]).toEqual([1, 0]);
    await expect(resolveContactAccess(world.deps, oldToken)).rejects.toMatchObject({ kind: 'not-found' });
    expect(world.sentMail.map((mail) => mail.to)).toEqual([['nova.adresa@kraj-lbc.cz']]);
    const access = await resolveContactAccess(world.deps, latestTokenOf(world, 'nova.adresa@kraj-lbc.cz'));
    expect(access.person.id).toBe(person.id);
  });

  it('invites a bounced person at the address ARR gave instead on the next morning when the process died before', async () => {
    // Prepare
    const world = await openedWorld();
    const person = personOf(active[0]!.id);
    await world.deps.cycles.markUndeliverable('2026-H1', person.id, { outcome: 'hard-bounce', email: person.email.toUpperCase(), reason: 'smtp; 550 5.1.1 user unknown', at: '2026-06-01T08:05:00Z' });
    await diesAt(world.deps.tokens, 'revokeTokens', () => updateContactPerson(world.deps, { ...change({ email: 'nova.adresa@kraj-lbc.cz' }), contactPersonId: person.id }));
    world.sentMail.length = 0;

    // Act
    const { sweep, again } = await twoMorningSweeps(world, '2026-06-02T08:30:00+02:00', '2026-06-03T08:30:00+02:00');

    // Assess
    expect(sweep.planChangesFinished).toBe(1);
    expect(again.planChangesFinished).toBe(0);
    expect((await world.deps.cycles.getContact('2026-H1', person.id))?.undeliverable).toBeUndefined();
    expect(world.sentMail.map((mail) => mail.to)).toEqual([['nova.adresa@kraj-lbc.cz']]);
  });

  it('asks for a project added during the cycle at once, and invites its new contact person', async () => {
    // Prepare
    const world = await openedWorld();
    const activityId = plan.activityAreas[0]!.activities[0]!.id;

    // Act
    const person = await addContactPerson(world.deps, change({ name: 'P. Nová', email: 'p.nova@kraj-lbc.cz', organisation: 'Krajský úřad' }));
    const added = await addProject(world.deps, change({ name: 'Digitální archiv kraje', activityId, contactPersonIds: [person.contactPersonId] }));
    await drain(world);

    // Assess
    expect(added.openCycles.added).toEqual([{ cycleId: '2026-H1', projectId: 'digitalni-archiv-kraje' }]);
    const access = await resolveContactAccess(world.deps, latestTokenOf(world, 'p.nova@kraj-lbc.cz'));
    expect(access.contact.projectIds).toEqual(['digitalni-archiv-kraje']);
    const cycle = await world.deps.cycles.getCycle('2026-H1');
    expect(cycle?.requestCount).toBe(active.length + 1);
  });

  it('gives an added project to its person on the next morning when the process died after asking for it, and invites them', async () => {
    // Prepare
    const world = await openedWorld();
    const activityId = plan.activityAreas[0]!.activities[0]!.id;
    const person = await addContactPerson(world.deps, change({ name: 'P. Nová', email: 'p.nova@kraj-lbc.cz', organisation: 'Krajský úřad' }));
    await diesAt(world.deps.cycles, 'addContactProject', () => addProject(world.deps, change({ name: 'Digitální archiv kraje', activityId, contactPersonIds: [person.contactPersonId] })));
    await drain(world);

    // Act
    world.setNow('2026-06-02T08:30:00+02:00');
    const sweep = await runReminderSweep(world.deps, 'sweep');
    await drain(world);

    // Assess
    expect(sweep).toMatchObject({ planChangesFinished: 1, invitationsRequeued: 0 });
    expect(world.sentMail.filter((mail) => mail.to.includes('p.nova@kraj-lbc.cz')).map((mail) => mail.subject)).toEqual([
      'Podklady k monitoringu akčního plánu za 1. pololetí 2026 – termín 15. 7. 2026',
    ]);
    const access = await resolveContactAccess(world.deps, latestTokenOf(world, 'p.nova@kraj-lbc.cz'));
    expect(access.contact.projectIds).toEqual(['digitalni-archiv-kraje']);
    expect((await world.deps.cycles.getCycle('2026-H1'))?.requestCount).toBe(active.length + 1);
  });

  it('tells a person invited before of the added project alone, once, and a new person invites to all', async () => {
    // Prepare
    const world = await openedWorld();
    const activityId = plan.activityAreas[0]!.activities[0]!.id;
    const invited = personOf(active[0]!.id);
    const otherProjects = active.filter((project) => project.contactPersonIds.includes(invited.id)).map((project) => project.name);
    world.sentMail.length = 0;

    // Act
    const newcomer = await addContactPerson(world.deps, change({ name: 'P. Nová', email: 'p.nova@kraj-lbc.cz', organisation: 'Krajský úřad' }));
    await addProject(world.deps, change({ name: 'Digitální archiv kraje', activityId, contactPersonIds: [invited.id, newcomer.contactPersonId] }));
    await drain(world);
    await addProject(world.deps, change({ name: 'Otevřená data obcí', activityId, contactPersonIds: [newcomer.contactPersonId] }));
    await drain(world);

    // Assess
    const toInvited = world.sentMail.filter((mail) => mail.to.includes(invited.email));
    expect(toInvited).toHaveLength(1);
    expect(toInvited[0]!.subject).toBe('Nový projekt k monitoringu akčního plánu za 1. pololetí 2026');
    expect(toInvited[0]!.text).toContain('Digitální archiv kraje');
    for (const name of otherProjects) expect(toInvited[0]!.text).not.toContain(name);
    const toNewcomer = world.sentMail.filter((mail) => mail.to.includes('p.nova@kraj-lbc.cz'));
    expect(toNewcomer.map((mail) => mail.subject)).toEqual([
      'Podklady k monitoringu akčního plánu za 1. pololetí 2026 – termín 15. 7. 2026',
      'Nový projekt k monitoringu akčního plánu za 1. pololetí 2026',
    ]);
    expect(toNewcomer[1]!.text).toContain('Otevřená data obcí');
    expect(toNewcomer[1]!.text).not.toContain('Digitální archiv kraje');
    const access = await resolveContactAccess(world.deps, latestTokenOf(world, invited.email));
    expect(access.contact.projectIds).toContain('digitalni-archiv-kraje');
  });

  it('tells the person of an added project on the next morning when the news was lost in a crash, once', async () => {
    // Prepare
    const world = await openedWorld();
    const activityId = plan.activityAreas[0]!.activities[0]!.id;
    const invited = personOf(active[0]!.id);
    world.setNow('2026-06-10T14:00:00+02:00');
    world.losePublishes(1);
    await expect(addProject(world.deps, change({ name: 'Digitální archiv kraje', activityId, contactPersonIds: [invited.id] }))).rejects.toThrow('process died');
    await drain(world);
    world.sentMail.length = 0;

    // Act
    const { sweep, again } = await twoMorningSweeps(world, '2026-06-11T08:30:00+02:00', '2026-06-12T08:30:00+02:00');

    // Assess
    expect(sweep.additionsRequeued).toBe(1);
    expect(again.additionsRequeued).toBe(0);
    expect(world.sentMail.map((mail) => [mail.to, mail.subject])).toEqual([[[invited.email], 'Nový projekt k monitoringu akčního plánu za 1. pololetí 2026']]);
    expect(world.sentMail[0]!.text).toContain('Digitální archiv kraje');
  });

  it('sends no news of an added project that its person has answered before the email went out', async () => {
    // Prepare
    const world = await openedWorld();
    const activityId = plan.activityAreas[0]!.activities[0]!.id;
    const invited = personOf(active[0]!.id);
    await addProject(world.deps, change({ name: 'Digitální archiv kraje', activityId, contactPersonIds: [invited.id] }));
    await drain(world);
    const token = latestTokenOf(world, invited.email);
    await submitProject(world.deps, { token, projectId: 'digitalni-archiv-kraje', body: answer(), correlationId: 't' });
    await drain(world);
    const news = createEvent(
      invitationRequestedV1,
      { cycleId: '2026-H1', contactPersonId: invited.id, addedProjectIds: ['digitalni-archiv-kraje'] },
      { correlationId: 't', now: new Date() },
    );

    // Act
    const outcome = await deliverMail(world.deps, news);

    // Assess
    expect(outcome).toEqual({ sent: false, reason: 'nothing-pending' });
  });

  it('does not escalate a project added after the overdue notice’s day; one added before the deadline it does', async () => {
    // Prepare
    const world = await openedWorld();
    const activityId = plan.activityAreas[0]!.activities[0]!.id;
    const addWithNewPerson = async (at: string, name: string, email: string) => {
      world.setNow(at);
      const person = await addContactPerson(world.deps, change({ name, email, organisation: 'Krajský úřad' }));
      await addProject(world.deps, change({ name: `Projekt osoby ${name}`, activityId, contactPersonIds: [person.contactPersonId] }));
      await drain(world);
      return person.contactPersonId;
    };
    const early = await addWithNewPerson('2026-07-01T10:00:00+02:00', 'P. Včasná', 'p.vcasna@kraj-lbc.cz');
    const late = await addWithNewPerson('2026-07-27T10:00:00+02:00', 'P. Pozdní', 'p.pozdni@kraj-lbc.cz');

    // Act
    const { escalated, guarantorMail } = await sweepAfterTheEscalationDay(world);

    // Assess
    expect(escalated).toContain(early);
    expect(escalated).not.toContain(late);
    expect(guarantorMail.some((mail) => mail.text.includes('Projekt osoby P. Včasná'))).toBe(true);
    expect(guarantorMail.some((mail) => mail.text.includes('Projekt osoby P. Pozdní'))).toBe(false);
  });

  it('answers an unknown project with not found and a bad field with a Czech message', async () => {
    // Prepare
    const world = inMemoryWorld(plan);

    // Act
    const unknown = updateProject(world.deps, { ...change({ name: 'X' }), projectId: 'neni-v-planu' });
    const badLifecycle = updateProject(world.deps, { ...change({ lifecycle: 'hotovo' }), projectId: active[0]!.id });
    const unknownField = updateProject(world.deps, { ...change({ budget: 5 }), projectId: active[0]!.id });

    // Assess
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    await expect(badLifecycle).rejects.toMatchObject({ details: { lifecycle: expect.stringContaining('„completed“ (dokončen)') } });
    await expect(unknownField).rejects.toMatchObject({ details: { form: expect.stringContaining('Neznámé pole') } });
  });
});

describe('changing the contact persons of a project the open cycle asks for', () => {
  /** A project whose only contact person has no other project, and a person invited for five others. */
  const handedOver = active[1]!;
  const leaving = personOf(handedOver.id);
  const taking = plan.contactPersons.find((person) => person.id === 's-jager')!;
  const handOver = (world: InMemoryWorld, contactPersonIds: string[]) =>
    updateProject(world.deps, { ...change({ contactPersonIds }), projectId: handedOver.id });

  it('asks the new person for the awaited project and stops chasing the one removed', async () => {
    // Prepare
    const world = await openedWorld();
    const leavingToken = latestTokenOf(world, leaving.email);
    world.sentMail.length = 0;

    // Act
    const result = await handOver(world, [taking.id]);
    await drain(world);
    world.setNow('2026-07-01T08:30:00+02:00');
    await runReminderSweep(world.deps, 'sweep');
    await drain(world);

    // Assess
    expect(result.openCycles.reassigned).toEqual([{ cycleId: '2026-H1', projectId: handedOver.id, added: [taking.id], removed: [leaving.id] }]);
    const toTaking = world.sentMail.filter((mail) => mail.to.includes(taking.email));
    expect(toTaking[0]!.subject).toBe('Nový projekt k monitoringu akčního plánu za 1. pololetí 2026');
    expect(toTaking[0]!.text).toContain(handedOver.name);
    expect(toTaking[1]!.subject).toContain('Připomínka');
    expect(toTaking[1]!.text).toContain(handedOver.name);
    expect(world.sentMail.filter((mail) => mail.to.includes(leaving.email))).toEqual([]);
    const leavingAccess = await resolveContactAccess(world.deps, leavingToken);
    expect((await loadContactWorkspace(world.deps, leavingAccess)).projects).toEqual([]);
    const posting = submitProject(world.deps, { token: leavingToken, projectId: handedOver.id, body: answer(), correlationId: 't' });
    await expect(posting).rejects.toMatchObject({ message: expect.stringContaining('ARR mohla mezitím změnit jeho kontaktní osobu') });
    const takingAccess = await resolveContactAccess(world.deps, latestTokenOf(world, taking.email));
    expect(takingAccess.contact.projectIds).toContain(handedOver.id);
    const [request] = await world.deps.cycles.getRequests('2026-H1', [handedOver.id]);
    expect(request?.contactPersonIds).toEqual([taking.id]);
  });

  it('leaves the versions stored with the project: the new person continues from the latest, and a return reaches only them', async () => {
    // Prepare
    const world = await openedWorld();
    await submitProject(world.deps, { token: latestTokenOf(world, leaving.email), projectId: handedOver.id, body: answer({ thisPeriod: 'Stará osoba: hotová první etapa.' }), correlationId: 't' });
    await drain(world);
    // ARR returns the version, but the email is still queued when the project changes hands.
    await returnProject(world.deps, { cycleId: '2026-H1', projectId: handedOver.id, body: { version: 1, comment: 'Doplňte počty.' }, returnedBy: ARR, correlationId: 't' });
    world.sentMail.length = 0;

    // Act
    await handOver(world, [taking.id]);
    await drain(world);

    // Assess
    expect(world.sentMail.filter((mail) => mail.to.includes(leaving.email))).toEqual([]);
    const toTaking = world.sentMail.filter((mail) => mail.to.includes(taking.email));
    expect(toTaking.map((mail) => mail.subject)).toEqual(['Nový projekt k monitoringu akčního plánu za 1. pololetí 2026']);
    const workspace = await loadContactWorkspace(world.deps, await resolveContactAccess(world.deps, latestTokenOf(world, taking.email)));
    const project = workspace.projects.find((candidate) => candidate.project.id === handedOver.id);
    expect(project?.latest?.thisPeriod).toBe('Stará osoba: hotová první etapa.');
    expect(project?.standingReturn?.comment).toBe('Doplňte počty.');
  });

  it('saves the rest of a page opened before the change and reports the project handed over, with what was typed', async () => {
    // Prepare
    const world = await openedWorld();
    const [kept, given] = active.filter((project) => project.contactPersonIds.includes(taking.id));
    const token = latestTokenOf(world, taking.email);
    await updateProject(world.deps, { ...change({ contactPersonIds: [leaving.id] }), projectId: given!.id });
    await drain(world);

    // Act
    const saved = await saveContactProjects(world.deps, {
      token,
      projects: { [kept!.id]: answer(), [given!.id]: answer({ thisPeriod: 'Text k předanému projektu.' }) },
      correlationId: 't',
    });

    // Assess
    expect(saved.outcomes.map((outcome) => [outcome.projectId, outcome.outcome])).toEqual([[kept!.id, 'saved'], [given!.id, 'not-theirs']]);
    expect(saved.outcomes[1]).toMatchObject({ message: `Podklady k projektu „${given!.name}“ se neuložily: ARR mezitím změnila jeho kontaktní osobu, takže je od vás už nepotřebujeme.`, input: { thisPeriod: 'Text k předanému projektu.' } });
    expect(await world.deps.submissions.latestVersion('2026-H1', given!.id)).toBeNull();
    expect((await world.deps.submissions.latestVersion('2026-H1', kept!.id))?.version).toBe(1);
  });

  it('sends nothing to a person made contact person of a project answered already', async () => {
    // Prepare
    const world = await openedWorld();
    await submitProject(world.deps, { token: latestTokenOf(world, leaving.email), projectId: handedOver.id, body: answer(), correlationId: 't' });
    await drain(world);
    world.sentMail.length = 0;

    // Act
    const result = await handOver(world, [leaving.id, taking.id]);
    await drain(world);

    // Assess
    expect(result.openCycles.reassigned).toEqual([{ cycleId: '2026-H1', projectId: handedOver.id, added: [taking.id], removed: [] }]);
    expect(world.sentMail).toEqual([]);
    expect((await world.deps.cycles.getContact('2026-H1', taking.id))?.projectIds).toContain(handedOver.id);
  });

  /** Hands the project over in a process that dies before writing the request's persons. */
  async function handOverCutShort(world: InMemoryWorld): Promise<void> {
    await diesAt(world.deps.cycles, 'setRequestContacts', () => handOver(world, [taking.id]));
    await drain(world);
  }

  const newsMail = [[[taking.email], 'Nový projekt k monitoringu akčního plánu za 1. pololetí 2026']];

  it('finishes a change cut short by a crash when ARR saves it again, and tells the new person at once', async () => {
    // Prepare
    const world = await openedWorld();
    world.setNow('2026-06-10T14:00:00+02:00');
    await handOverCutShort(world);
    world.sentMail.length = 0;

    // Act
    const again = await handOver(world, [taking.id]);
    await drain(world);
    world.setNow('2026-06-11T08:30:00+02:00');
    const sweep = await runReminderSweep(world.deps, 'sweep');
    await drain(world);

    // Assess
    expect(again.changes).toEqual([]);
    expect(again.openCycles.reassigned).toEqual([{ cycleId: '2026-H1', projectId: handedOver.id, added: [taking.id], removed: [leaving.id] }]);
    const [request] = await world.deps.cycles.getRequests('2026-H1', [handedOver.id]);
    expect(request?.contactPersonIds).toEqual([taking.id]);
    expect((await world.deps.cycles.getContact('2026-H1', leaving.id))?.projectIds).toEqual([]);
    expect(sweep).toMatchObject({ planChangesFinished: 0, additionsRequeued: 0 });
    expect(world.sentMail.map((mail) => [mail.to, mail.subject])).toEqual(newsMail);
  });

  it('finishes a change cut short by a crash with the next morning’s sweep when nothing else changes, once', async () => {
    // Prepare
    const world = await openedWorld();
    world.setNow('2026-06-10T14:00:00+02:00');
    await handOverCutShort(world);
    world.sentMail.length = 0;

    // Act
    const { sweep, again } = await twoMorningSweeps(world, '2026-06-11T08:30:00+02:00', '2026-06-12T08:30:00+02:00');

    // Assess
    expect(sweep).toMatchObject({ planChangesFinished: 1, additionsRequeued: 0 });
    expect(again).toMatchObject({ planChangesFinished: 0, additionsRequeued: 0 });
    const [request] = await world.deps.cycles.getRequests('2026-H1', [handedOver.id]);
    expect(request).toMatchObject({ contactPersonIds: [taking.id], contactsAddedAt: { [taking.id]: '2026-06-11T06:30:00.000Z' } });
    expect(world.sentMail.map((mail) => [mail.to, mail.subject])).toEqual(newsMail);
    const access = await resolveContactAccess(world.deps, latestTokenOf(world, taking.email));
    expect((await loadContactWorkspace(world.deps, access)).projects.map(({ project }) => project.id)).toContain(handedOver.id);
  });

  it('does not escalate a project handed to a new person after the overdue notice’s day', async () => {
    // Prepare
    const world = await openedWorld();
    const keptOn = active[2]!;
    world.setNow('2026-07-27T10:00:00+02:00');
    const newcomer = await addContactPerson(world.deps, change({ name: 'P. Nová', email: 'p.nova@kraj-lbc.cz', organisation: 'Muzeum' }));
    await handOver(world, [newcomer.contactPersonId]);
    await drain(world);

    // Act
    const { escalated, guarantorMail } = await sweepAfterTheEscalationDay(world);

    // Assess
    expect(escalated).toContain(personOf(keptOn.id).id);
    expect(escalated).not.toContain(newcomer.contactPersonId);
    expect(guarantorMail.some((mail) => mail.text.includes(keptOn.name))).toBe(true);
    expect(guarantorMail.some((mail) => mail.text.includes(handedOver.name))).toBe(false);
  });
});

describe('projects leaving the plan', () => {
  it('stops asking for a project removed from the plan on the next morning when the process died before', async () => {
    // Prepare
    const world = await openedWorld();
    const project = active[0]!;
    const without = { ...structuredClone(plan), projects: plan.projects.filter((candidate) => candidate.id !== project.id) };
    await diesAt(world.deps.cycles, 'removeRequest', () => importPlan(world.deps, change(without)));

    // Act
    world.setNow('2026-06-02T08:30:00+02:00');
    const sweep = await runReminderSweep(world.deps, 'sweep');

    // Assess
    expect(sweep.planChangesFinished).toBe(1);
    expect((await world.deps.cycles.listRequests('2026-H1')).some((request) => request.projectId === project.id)).toBe(false);
    expect((await world.deps.cycles.getCycle('2026-H1'))?.requestCount).toBe(active.length - 1);
  });
  it('a project ARR cancels stays in the open cycle and gets no request in the next one', async () => {
    // Prepare
    const world = await openedWorld();
    const project = active[1]!;

    // Act
    await updateProject(world.deps, { ...change({ lifecycle: 'cancelled' }), projectId: project.id });
    world.setNow('2026-07-20T08:00:00Z');
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });
    await openCycle(world.deps, { period: '2026-H2', deadline: '2027-01-15', meetingDate: '2027-03-10' }, 'test');

    // Assess
    expect((await world.deps.cycles.getRequests('2026-H1', [project.id])).map((request) => request.projectId)).toEqual([project.id]);
    expect(await world.deps.cycles.getRequests('2026-H2', [project.id])).toEqual([]);
  });

  it('a project reported "dokončeno" is not asked for again, until ARR reactivates it', async () => {
    // Prepare
    const world = await openedWorld();
    const project = active[2]!;
    await submitProject(world.deps, {
      token: latestTokenOf(world, personOf(project.id).email),
      projectId: project.id,
      body: answer({ status: 'completed' }),
      correlationId: 't',
    });
    world.setNow('2026-07-20T08:00:00Z');
    await closeCycle(world.deps, { cycleId: '2026-H1', reason: 'manual', correlationId: 't' });

    // Act
    await openCycle(world.deps, { period: '2026-H2', deadline: '2027-01-15', meetingDate: '2027-03-10' }, 'test');
    const inSecondHalf = await world.deps.cycles.getRequests('2026-H2', [project.id]);
    await updateProject(world.deps, { ...change({ lifecycle: 'active' }), projectId: project.id });
    world.setNow('2027-01-20T08:00:00Z');
    await closeCycle(world.deps, { cycleId: '2026-H2', reason: 'manual', correlationId: 't' });
    await openCycle(world.deps, { period: '2027-H1', deadline: '2027-07-15', meetingDate: '2027-09-10' }, 'test');

    // Assess
    expect(inSecondHalf).toEqual([]);
    const [retired] = (await listPlanHistory(world.deps)).reverse();
    expect(retired).toMatchObject({ author: 'systém', changes: [{ id: project.id, description: expect.stringContaining('„dokončen“') }] });
    expect((await world.deps.cycles.getRequests('2027-H1', [project.id])).map((request) => request.projectId)).toEqual([project.id]);
  });
});

describe('pre-fill', () => {
  it('takes the newest earlier period that has a plan for the project and says which one it is', async () => {
    // Prepare
    const world = inMemoryWorld(plan, '2026-07-20T08:00:00Z');
    const [withBoth, onlyInFirst] = [active[0]!, active[1]!];
    const entry = (name: string, nextPeriodPlan: string) => ({ name, activityArea: '', activity: null, goal: '', previousPeriod: '', thisPeriod: 'x', nextPeriodPlan, contacts: [] });
    await loadHistory(world.deps, plan, { period: '2025-H1', warnings: [], projects: [entry(withBoth.name, 'Plán z jara.'), entry(onlyInFirst.name, 'Jediný plán.')] });
    await loadHistory(world.deps, plan, { period: '2025-H2', warnings: [], projects: [entry(withBoth.name, 'Plán z podzimu.')] });
    await openCycle(world.deps, { period: '2026-H2', deadline: '2027-01-15', meetingDate: '2027-03-10' }, 'test');
    await drain(world);

    // Act
    const workspace = await loadContactWorkspace(world.deps, await resolveContactAccess(world.deps, latestTokenOf(world, personOf(onlyInFirst.id).email)));
    const other = await loadContactWorkspace(world.deps, await resolveContactAccess(world.deps, latestTokenOf(world, personOf(withBoth.id).email)));

    // Assess
    const first = workspace.projects.find((candidate) => candidate.project.id === onlyInFirst.id)!;
    const both = other.projects.find((candidate) => candidate.project.id === withBoth.id)!;
    expect([first.previousPlan, first.previousPlanPeriod?.label]).toEqual(['Jediný plán.', '1. pololetí 2025']);
    expect([both.previousPlan, both.previousPlanPeriod?.label]).toEqual(['Plán z podzimu.', '2. pololetí 2025']);
  });
});
