/**
 * The cycle under the faults AWS promises will happen: SQS delivering a message twice, a function
 * dying between its write and its publish, and a consumer failing on one message. The functions
 * are the real ones; the faults come in through the local system's `handlerOverrides`.
 */
// First: the functions' logger reads its level from the environment this sets, when it is imported.
import '../../local/function-environment';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../domain/catalog/liberec';
import type { ContactPerson } from '../../domain/plan';
import { createRecomputeIndicatorsHandler } from '../../functions/recompute-indicators';
import { createSubmissionIntakeHandler } from '../../functions/submission-intake';
import type { LocalSystem } from '../../local/system';
import { MAX_RECEIVE_COUNT } from '../../local/topology';
import { CrashingIndicators, CrashingPublisher, duplicatedDelivery, PoisonedSubmissions } from './support/faults';
import { reportProjects, submitForm, submitJson, type CycleOverviewBody, type ProjectReport } from './support/http';
import { linksByRecipient } from './support/inbox';
import { SubmissionLedger } from './support/ledger';
import { startStack, type E2eStack } from './support/stack';

const CYCLE = '2026-H1';
const OPEN_CYCLE = { period: CYCLE, deadline: '2026-07-15', meetingDate: '2026-09-10' };
const plan = liberecActionPlan;
const emailOf = (personId: string): string => (plan.contactPersons.find((person) => person.id === personId) as ContactPerson).email;

function report(thisPeriod: string, indicatorContributions: Record<string, number>): ProjectReport {
  return { thisPeriod, nextPeriodPlan: 'Pokračování projektu.', status: 'on-track', indicatorContributions };
}

function sqsClient(system: LocalSystem): SQSClient {
  return new SQSClient({ endpoint: system.endpoints.sqs, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Opens the cycle, delivers the invitations and returns contactPersonId → personal link. */
async function openCycleWithLinks(stack: E2eStack): Promise<(personId: string) => string> {
  const mark = await stack.inbox.mark();
  const opened = await stack.arr.openCycle(OPEN_CYCLE);
  if (opened.status !== 201) throw new Error(`Opening the cycle answered ${opened.status}.`);
  await stack.system.drainQueues();
  const links = linksByRecipient(await stack.inbox.since(mark), stack.system.apiUrl);
  return (personId) => {
    const link = links.get(emailOf(personId));
    if (link === undefined) throw new Error(`No invitation reached ${personId}.`);
    return link;
  };
}

/** What a run leaves behind, without what differs between any two runs (tokens, message ids). */
interface EndState {
  /** Recipient (to or cc) → subjects of the emails they got, sorted. */
  emails: Record<string, string[]>;
  versions: Record<string, Array<{ version: unknown; thisPeriod: unknown; indicatorContributions: unknown }>>;
  indicators: Record<string, { periodValue: number; cumulativeValue: number }>;
  completeness: CycleOverviewBody['completeness'];
  reminders: string[];
  cycleState: string;
  report: Record<string, string | null>;
}

const SUBMITTERS = [
  { personId: 'm-fena-r-janousek', projectId: 'severoceske-muzeum-v-liberci-rozsireni-digitalizacniho-pracoviste' },
  { personId: 'a-fulkova', projectId: 'nasazeni-chatbota-na-webovy-portal-libereckeho-kraje' },
  { personId: 'i-jarosova', projectId: 'modul-pro-sdileni-sluzebnich-vozu' },
  { personId: 'i-jarosova', projectId: 'elektronizace-cinnosti-v-personalni-oblasti' },
] as const;

/**
 * The same story every time: open, four reports and one edit, a reminder sweep, escalations,
 * close, the steering group's notice. Throws if the system refuses a step the story needs.
 */
async function runCycle(stack: E2eStack): Promise<EndState> {
  const linkOf = await openCycleWithLinks(stack);
  const [museum, chatbot, cars, personnel] = SUBMITTERS;
  const answers = [
    (await submitJson(linkOf(museum.personId), museum.projectId, report('Zkušební provoz digitalizace.', { 'KD-1': 2 }), 0)).status,
    (await submitForm(linkOf(museum.personId), museum.projectId, report('Digitalizováno 120 válců.', { 'KD-1': 3, 'KD-2': 1 }), 1)).status,
    (await submitJson(linkOf(chatbot.personId), chatbot.projectId, report('Chatbot nasazen.', { 'EK-1': 1, 'EK-2': 3 }), 0)).status,
    (await submitForm(linkOf(cars.personId), cars.projectId, report('Modul spuštěn.', { 'EK-1': 2 }), 0)).status,
    (await submitJson(linkOf(personnel.personId), personnel.projectId, report('Docházka elektronizována.', { 'EK-3': 4 }), 0)).status,
  ];
  if (answers.join() !== '201,303,201,303,201') throw new Error(`Submissions answered ${answers.join()}.`);
  await stack.system.drainQueues();

  for (const date of ['2026-07-01', '2026-07-22']) {
    stack.setPragueTime(date, 8, 30);
    await stack.system.runSchedule('reminder-sweep');
    await stack.system.drainQueues();
  }
  stack.setPragueTime('2026-07-23', 10, 0);
  await stack.arr.close(CYCLE);
  await stack.system.drainQueues();
  stack.setPragueTime('2026-09-03', 9, 0);
  await stack.system.runSchedule('steering-group-schedule');
  await stack.system.drainQueues();

  const emails: Record<string, string[]> = {};
  for (const email of await stack.inbox.all()) {
    for (const recipient of [...email.to, ...email.cc]) emails[recipient] = [...(emails[recipient] ?? []), email.subject].sort();
  }
  const versions = Object.fromEntries(
    await Promise.all(
      SUBMITTERS.map(async ({ projectId }) => [
        projectId,
        (await stack.table.query(`CYCLE#${CYCLE}#PROJECT#${projectId}`, 'V#')).map(({ version, thisPeriod, indicatorContributions }) => ({
          version,
          thisPeriod,
          indicatorContributions,
        })),
      ]),
    ),
  );
  const overview = (await stack.arr.overview(CYCLE)).body;
  const indicators = (await stack.arr.indicators(CYCLE)).body.indicators;
  const assembled = (await stack.arr.report(CYCLE)).body;
  return {
    emails,
    versions,
    indicators: Object.fromEntries(indicators.map((row) => [row.code, { periodValue: row.periodValue, cumulativeValue: row.cumulativeValue }])),
    completeness: overview.completeness,
    reminders: overview.reminders
      .map(({ stage, audience }) => `${stage}|${audience.kind === 'contact' ? audience.contactPersonId : audience.activityAreaId}`)
      .sort(),
    cycleState: overview.cycle.state,
    report: Object.fromEntries(reportProjects(assembled).map((project) => [project.id, project.thisPeriod])),
  };
}

describe('every message delivered twice', () => {
  it('leaves the same emails, versions, indicators, completeness and report as a run that delivers each once', async () => {
    // Prepare
    const once = await startStack();
    let expected: EndState;
    try {
      expected = await runCycle(once);
    } finally {
      await once.stop();
    }
    let twiceSystem: LocalSystem | undefined;
    const delivery = duplicatedDelivery(() => {
      if (twiceSystem === undefined) throw new Error('The duplicating system has not started yet.');
      return twiceSystem;
    });
    const twice = await startStack({ handlerOverrides: delivery.handlers });
    twiceSystem = twice.system;

    // Act
    let actual: EndState;
    try {
      actual = await runCycle(twice);
    } finally {
      await twice.stop();
    }

    // Assess
    expect(actual).toEqual(expected);
    expect(Object.values(expected.emails).flat().length).toBeGreaterThan(30);
    expect(expected.cycleState).toBe('steering-group-notified');
    expect(expected.emails['ridici-skupina@example.org']).toHaveLength(1);
    // Every queue had its messages duplicated, so each consumer's idempotency was exercised.
    expect(delivery.copies.MailQueue).toBeGreaterThan(22);
    expect(delivery.copies.SubmissionsQueue).toBe(5);
    expect(delivery.copies.ReportQueue).toBeGreaterThanOrEqual(1);
    expect(delivery.copies.NotifyQueue).toBe(1);
  }, 60_000);
});

describe('faults while contact persons report', () => {
  let stack: E2eStack;
  let system: LocalSystem | undefined;
  let linkOf: (personId: string) => string;
  let sqs: SQSClient;
  const current = (): LocalSystem => {
    if (system === undefined) throw new Error('The system has not started yet.');
    return system;
  };
  const publisher = new CrashingPublisher(() => current().deps.events);
  const poisoned = new PoisonedSubmissions(() => current().deps.submissions, 'karta-pritele-zoo');
  const crashing = new CrashingIndicators(() => current().deps.indicators);

  const completenessOf = async (projectId: string) =>
    (await stack.arr.overview(CYCLE)).body.completeness.projects.find((project) => project.projectId === projectId)?.status;

  beforeAll(async () => {
    stack = await startStack({
      // Short, so that five failed receives take seconds.
      visibilityTimeoutSeconds: 1,
      handlerOverrides: {
        'submission-intake': createSubmissionIntakeHandler(() => ({ ...current().deps, events: publisher })),
        'recompute-indicators': createRecomputeIndicatorsHandler(() => ({
          ...current().deps,
          submissions: poisoned.store(),
          indicators: crashing.store(),
        })),
      },
    });
    system = stack.system;
    sqs = sqsClient(stack.system);
    linkOf = await openCycleWithLinks(stack);
  });

  afterAll(async () => {
    sqs?.destroy();
    await stack?.stop();
  });

  it('loses no submission when the intake dies between storing it and publishing its event: the reminder sweep republishes it', async () => {
    // Prepare
    const projectId = 'nasazeni-chatbota-na-webovy-portal-libereckeho-kraje';
    const sent = report('Chatbot nasazen na webový portál.', { 'EK-1': 2, 'EK-3': 1 });
    const ledger = new SubmissionLedger();
    publisher.failNext = 1;
    const crashed = await submitJson(linkOf('a-fulkova'), projectId, sent, 0);
    ledger.accepted(projectId, 1, sent);
    await stack.system.drainQueues();
    const storedAfterCrash = await stack.table.query(`CYCLE#${CYCLE}#PROJECT#${projectId}`, 'V#');
    const statusAfterCrash = await completenessOf(projectId);
    const appliedAfterCrash = await stack.table.appliedVersions(CYCLE);
    const mark = await stack.inbox.mark();

    // Act
    stack.setPragueTime('2026-06-01', 8, 30);
    await stack.system.runSchedule('reminder-sweep');
    await stack.system.drainQueues();

    // Assess
    expect(crashed.status).toBe(500);
    expect(publisher.lost.map((event) => event.type)).toEqual(['submission-received']);
    expect(storedAfterCrash).toEqual([expect.objectContaining({ version: 1, thisPeriod: sent.thisPeriod })]);
    expect(statusAfterCrash).toBe('invited');
    expect(appliedAfterCrash[projectId]).toBeUndefined();
    expect(await completenessOf(projectId)).toBe('submitted');
    expect((await stack.table.appliedVersions(CYCLE))[projectId]).toBe(1);
    const indicators = (await stack.arr.indicators(CYCLE)).body.indicators;
    const expected = ledger.expectedIndicators(plan.indicators);
    expect(indicators.find((row) => row.code === 'EK-1')).toMatchObject(expected['EK-1'] as object);
    expect(indicators.find((row) => row.code === 'EK-3')).toMatchObject(expected['EK-3'] as object);
    // The sweep ran weeks before the first reminder is due: it only recovered the lost event.
    expect(await stack.inbox.since(mark)).toEqual([]);
  });

  it('ends in the totals of a full recomputation when the indicator consumer dies between its writes', async () => {
    // Prepare
    const [museum, , cars, personnel] = SUBMITTERS;
    const ledger = new SubmissionLedger();
    const sent = [
      { ...museum, report: report('Digitalizace pokračuje.', { 'KD-1': 4, 'KD-2': 2 }) },
      { ...cars, report: report('Modul spuštěn.', { 'EK-1': 3 }) },
      { ...personnel, report: report('Docházka elektronizována.', { 'EK-3': 5, 'EK-1': 1 }) },
    ];
    crashing.crashAfter('beginContribution', 'saveTotals', 'commitContribution');

    // Act
    const answers: number[] = [];
    for (const { personId, projectId, report: body } of sent) {
      answers.push((await submitJson(linkOf(personId), projectId, body, 0)).status);
      ledger.accepted(projectId, 1, body);
    }
    await stack.system.drainQueues();

    // Assess
    expect(answers).toEqual([201, 201, 201]);
    expect([...crashing.crashes].sort()).toEqual(['beginContribution', 'commitContribution', 'saveTotals']);
    const applied = await stack.table.appliedVersions(CYCLE);
    for (const { projectId } of sent) expect(applied[projectId]).toBe(1);
    const pending = (await stack.table.query(`CYCLE#${CYCLE}`, 'INDICATORS#PROJECT#')).filter((item) => item.pendingVersion !== undefined);
    expect(pending).toEqual([]);
    // The stored totals are the incremental ones; the API computes them in full from the stored versions.
    const totals = await stack.table.indicatorTotals(CYCLE);
    const full = (await stack.arr.indicators(CYCLE)).body.indicators.map(({ code, periodValue, cumulativeValue }) => ({ code, periodValue, cumulativeValue }));
    expect(totals?.values).toEqual(full);
    expect(totals?.projects).toBe(Object.keys(applied).length);
    const expected = ledger.expectedIndicators(plan.indicators);
    expect(full.find((row) => row.code === 'KD-2')).toMatchObject(expected['KD-2'] as object);
  }, 30_000);

  it('retries only the message its consumer fails on and parks it in the dead-letter queue after the last receive', async () => {
    // Prepare
    const healthy = [
      { personId: 'm-fena-j-vondrova', projectId: 'vlastivedne-muzeum-a-galerie-v-ceske-lipe-digitalizace-sbirkovych-predmetu' },
      { personId: 'p-lenkvik', projectId: 'fve-letiste-ralsko' },
    ];
    const poison = { personId: 'm-fena-p-lieskovska', projectId: poisoned.poisonedProjectId };
    const answers: number[] = [];
    for (const { personId, projectId } of [healthy[0], poison, healthy[1]] as const) {
      answers.push((await submitJson(linkOf(personId), projectId, report('Podklady za pololetí.', {}), 0)).status);
    }
    poisoned.reads.clear();
    const submissionsQueue = stack.system.infrastructure.queues.SubmissionsQueue;

    // Act
    await stack.system.drainQueues();
    const deadLetters = await sqs.send(new ReceiveMessageCommand({ QueueUrl: submissionsQueue.dlqUrl, MaxNumberOfMessages: 10 }));
    const source = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: submissionsQueue.url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );

    // Assess
    expect(answers).toEqual([201, 201, 201]);
    expect(Object.fromEntries(poisoned.reads)).toEqual({
      [healthy[0]?.projectId as string]: 1,
      [healthy[1]?.projectId as string]: 1,
      [poison.projectId]: MAX_RECEIVE_COUNT,
    });
    expect(deadLetters.Messages?.map((message) => (JSON.parse(message.Body ?? '{}') as { data: { projectId: string } }).data.projectId)).toEqual([
      poison.projectId,
    ]);
    expect(source.Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
    expect(await completenessOf(healthy[0]?.projectId as string)).toBe('submitted');
    expect(await completenessOf(healthy[1]?.projectId as string)).toBe('submitted');
    expect(await completenessOf(poison.projectId)).toBe('invited');
  }, 30_000);
});
