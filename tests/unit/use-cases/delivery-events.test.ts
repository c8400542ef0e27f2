import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSesEvent } from '../../../adapters/ses/event-notification';
import { createEvent, reminderDueV1 } from '../../../events';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { getCycleOverview } from '../../../domain/use-cases/arr';
import { deliverMail } from '../../../domain/use-cases/deliver-mail';
import { openCycle } from '../../../domain/use-cases/open-cycle';
import { recordDeliveryEvent } from '../../../domain/use-cases/record-delivery-event';
import { runReminderSweep } from '../../../domain/use-cases/run-reminder-sweep';
import { updateContactPerson } from '../../../domain/use-cases/manage-plan';
import { inMemoryWorld, type InMemoryWorld } from '../../support/in-memory-dependencies';
import { drain } from '../../support/in-memory-drain';

/** The fixtures are SES's documented event records, addressed to S. Jäger's invitation in 2026-H2. */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ses/${name}.json`, import.meta.url), 'utf8'));
const PERSON = 's-jager';
const EMAIL = 's.jager@example.org';

async function openedWorld(): Promise<InMemoryWorld> {
  const world = inMemoryWorld(liberecActionPlan, '2026-07-01T06:00:00Z');
  await openCycle(world.deps, { period: '2026-H2', deadline: '2027-01-15', meetingDate: '2027-03-10' }, 'test');
  await drain(world);
  world.sentMail.length = 0;
  return world;
}

const noticesToArr = (world: InMemoryWorld) => world.sentMail.filter((mail) => mail.to.includes('arr@example.org') && mail.subject.startsWith('Pozvánka se nedoručila'));

describe('reading SES event records', () => {
  it('reads the bounce, complaint and delivery records with the cycle and person from the message tags', () => {
    // Prepare
    const names = ['bounce', 'soft-bounce', 'complaint', 'delivery'];

    // Act
    const read = names.map((name) => readSesEvent(fixture(name)));

    // Assess
    expect(read.map(({ outcome, cycleId, contactPersonId, recipients }) => ({ outcome, cycleId, contactPersonId, reason: recipients[0]!.reason }))).toEqual([
      { outcome: 'hard-bounce', cycleId: '2026-H2', contactPersonId: PERSON, reason: 'smtp; 550 5.1.1 user unknown' },
      { outcome: 'soft-bounce', cycleId: '2026-H2', contactPersonId: PERSON, reason: 'smtp; 452 4.2.2 mailbox full' },
      { outcome: 'complaint', cycleId: '2026-H2', contactPersonId: PERSON, reason: 'complaint: abuse' },
      { outcome: 'delivered', cycleId: '2026-H2', contactPersonId: PERSON, reason: '250 2.6.0 Message received' },
    ]);
  });

  it('refuses what is not an SES event record', () => {
    // Prepare
    const notAnEvent = { eventType: 'Open', mail: {} };

    // Act
    const reading = () => readSesEvent(notAnEvent);

    // Assess
    expect(reading).toThrow(/Not an SES bounce, complaint or delivery event/);
  });
});

describe('recording SES events against the contact person and the cycle', () => {
  it('a hard bounce flags the address, tells ARR once, stops reminders and is named in the escalation', async () => {
    // Prepare
    const world = await openedWorld();

    // Act
    const result = await recordDeliveryEvent(world.deps, readSesEvent(fixture('bounce')));
    world.setNow('2027-01-14T09:00:00+01:00');
    const sweep = await runReminderSweep(world.deps, 'sweep');
    world.setNow('2027-01-25T09:00:00+01:00');
    const escalationSweep = await runReminderSweep(world.deps, 'sweep');
    const escalationArea = liberecActionPlan.projects.find((project) => project.contactPersonIds.includes(PERSON) && project.lifecycle === 'active')!;
    const areaId = liberecActionPlan.activityAreas.find((area) => escalationArea.placement.kind === 'activity' && area.activities.some((activity) => activity.id === (escalationArea.placement as { activityId: string }).activityId))!.id;
    await deliverMail(world.deps, createEvent(reminderDueV1, { cycleId: '2026-H2', stage: 'escalation', audience: { kind: 'guarantor', activityAreaId: areaId } }, { correlationId: 't', now: world.deps.clock.now() }));

    // Assess
    expect(result).toEqual({ recorded: true, outcome: 'hard-bounce', flagged: true, arrNotified: true });
    const overview = await getCycleOverview(world.deps, '2026-H2');
    expect(overview.delivery.find((entry) => entry.contactPersonId === PERSON)?.undeliverable).toEqual({
      outcome: 'hard-bounce',
      email: EMAIL,
      reason: 'smtp; 550 5.1.1 user unknown',
      at: '2026-07-01T06:41:02.669Z',
    });
    expect(noticesToArr(world)).toHaveLength(1);
    expect(noticesToArr(world)[0]!.text).toContain('smtp; 550 5.1.1 user unknown');
    expect(sweep.remindersQueued).toBeGreaterThan(0);
    const reminded = overview.reminders.flatMap((reminder) =>
      reminder.audience.kind === 'contact' && reminder.stage !== 'escalation' ? [reminder.audience.contactPersonId] : [],
    );
    expect(reminded).not.toContain(PERSON);
    expect(escalationSweep.escalationsQueued).toBeGreaterThan(0);
    const escalated = (await getCycleOverview(world.deps, '2026-H2')).reminders.filter((reminder) => reminder.stage === 'escalation');
    expect(escalated.some((reminder) => reminder.audience.kind === 'contact' && reminder.audience.contactPersonId === PERSON)).toBe(true);
    const escalation = world.sentMail.find((mail) => mail.subject.startsWith('Chybějící podklady'))!;
    expect(escalation.text).toContain(`${EMAIL}) – pozvánka se nedoručila (smtp; 550 5.1.1 user unknown)`);
  });

  it('a complaint flags the address and tells ARR, like a hard bounce', async () => {
    // Prepare
    const world = await openedWorld();

    // Act
    const result = await recordDeliveryEvent(world.deps, readSesEvent(fixture('complaint')));

    // Assess
    expect(result).toEqual({ recorded: true, outcome: 'complaint', flagged: true, arrNotified: true });
    expect((await world.deps.cycles.getContact('2026-H2', PERSON))?.undeliverable?.outcome).toBe('complaint');
    expect(noticesToArr(world)).toHaveLength(1);
  });

  it('a soft bounce and a delivery are only shown', async () => {
    // Prepare
    const world = await openedWorld();

    // Act
    const soft = await recordDeliveryEvent(world.deps, readSesEvent(fixture('soft-bounce')));
    const delivered = await recordDeliveryEvent(world.deps, readSesEvent(fixture('delivery')));

    // Assess
    expect([soft, delivered]).toEqual([
      { recorded: true, outcome: 'soft-bounce', flagged: false, arrNotified: false },
      { recorded: true, outcome: 'delivered', flagged: false, arrNotified: false },
    ]);
    const entry = (await getCycleOverview(world.deps, '2026-H2')).delivery.find((candidate) => candidate.contactPersonId === PERSON)!;
    expect(entry.undeliverable).toBeNull();
    expect(entry.events.map((event) => event.outcome).sort()).toEqual(['delivered', 'soft-bounce']);
    expect(world.sentMail).toEqual([]);
  });

  it('a duplicate SES event changes nothing twice', async () => {
    // Prepare
    const world = await openedWorld();
    await recordDeliveryEvent(world.deps, readSesEvent(fixture('bounce')));
    const before = await getCycleOverview(world.deps, '2026-H2');

    // Act
    const again = await recordDeliveryEvent(world.deps, readSesEvent(fixture('bounce')));

    // Assess
    expect(again).toEqual({ recorded: false, reason: 'duplicate' });
    expect(await getCycleOverview(world.deps, '2026-H2')).toEqual(before);
    expect(noticesToArr(world)).toHaveLength(1);
  });

  it('sends ARR the notice on the retry when it could not be sent the first time', async () => {
    // Prepare
    const world = await openedWorld();
    world.failMail(1);

    // Act
    const first = await recordDeliveryEvent(world.deps, readSesEvent(fixture('bounce'))).catch((error: unknown) => error);
    const retry = await recordDeliveryEvent(world.deps, readSesEvent(fixture('bounce')));

    // Assess
    expect(first).toBeInstanceOf(Error);
    expect(retry).toMatchObject({ recorded: true, arrNotified: true });
    expect(noticesToArr(world)).toHaveLength(1);
  });

  it('a new email from ARR clears the flag, and a late bounce of the old address flags nothing', async () => {
    // Prepare
    const world = await openedWorld();
    await recordDeliveryEvent(world.deps, readSesEvent(fixture('bounce')));

    // Act
    await updateContactPerson(world.deps, { actor: 'arr', correlationId: 't', body: { email: 'sabine.jager@kraj-lbc.cz' }, contactPersonId: PERSON });
    const late = await recordDeliveryEvent(world.deps, readSesEvent(fixture('complaint')));

    // Assess
    expect(late).toEqual({ recorded: true, outcome: 'complaint', flagged: false, arrNotified: false });
    expect((await world.deps.cycles.getContact('2026-H2', PERSON))?.undeliverable).toBeUndefined();
  });

  it('ignores events of emails that are not to a contact person', async () => {
    // Prepare
    const world = await openedWorld();
    const untagged = structuredClone(fixture('bounce')) as { mail: { tags: Record<string, string[]> } };
    untagged.mail.tags = { 'ses:configuration-set': ['ChytrejsiKrajConfigurationSet'] };

    // Act
    const result = await recordDeliveryEvent(world.deps, readSesEvent(untagged));

    // Assess
    expect(result).toEqual({ recorded: false, reason: 'not-a-contact-email' });
  });
});
