/**
 * The AWS side of the handler tests: the real SDK clients mocked with aws-sdk-client-mock, the
 * function environment stubbed, and the table seeded through the real DynamoDB adapters.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { vi } from 'vitest';
import { DynamoMonitoringStore } from '../../../adapters/dynamodb/monitoring-store';
import { CryptoTokenIssuer } from '../../../adapters/token-issuer';
import type { AnyEvent } from '../../../events';
import type { ActionPlan } from '../../../domain/plan';
import type { CycleRecord } from '../../../domain/records';
import { defaultReminderLadder } from '../../../domain/reminders';
import { FakeTable } from './fake-table';

export const TABLE_NAME = 'monitoring-test';
export const QUEUES = {
  mail: 'https://sqs.eu-central-1.amazonaws.com/123456789012/mail',
  submissions: 'https://sqs.eu-central-1.amazonaws.com/123456789012/submissions',
  report: 'https://sqs.eu-central-1.amazonaws.com/123456789012/report',
  notify: 'https://sqs.eu-central-1.amazonaws.com/123456789012/notify',
};
export const PUBLIC_BASE_URL = 'https://monitoring.example.org';
export const ARR_EMAIL = 'arr@example.org';

export function stubAwsEnvironment(): void {
  const env: Record<string, string> = {
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    TABLE_NAME,
    MAIL_QUEUE_URL: QUEUES.mail,
    SUBMISSIONS_QUEUE_URL: QUEUES.submissions,
    REPORT_QUEUE_URL: QUEUES.report,
    NOTIFY_QUEUE_URL: QUEUES.notify,
    SENDER_EMAIL: 'monitoring@example.org',
    ARR_EMAIL,
    STEERING_GROUP_EMAILS: 'rs1@example.org, rs2@example.org',
    PUBLIC_BASE_URL,
    SES_CONFIGURATION_SET: 'monitoring',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

export interface AwsMocks {
  table: FakeTable;
  /** The low-level client: Powertools idempotency records. */
  dynamodb: AwsClientStub<DynamoDBClient>;
  sqs: AwsClientStub<SQSClient>;
  ses: AwsClientStub<SESv2Client>;
  /** The events the handler queued, in order. */
  published(): AnyEvent[];
  /** The adapters over the fake table, for seeding and for reading what a handler stored. */
  store: DynamoMonitoringStore;
  reset(): void;
}

export function mockAws(): AwsMocks {
  const table = new FakeTable();
  const dynamodb = mockClient(DynamoDBClient);
  const sqs = mockClient(SQSClient);
  const ses = mockClient(SESv2Client);
  const install = () => {
    sqs.on(SendMessageBatchCommand).callsFake((input) => ({
      Successful: (input.Entries ?? []).map((entry: { Id: string }) => ({ Id: entry.Id, MessageId: `sqs-${entry.Id}`, MD5OfMessageBody: 'md5' })),
      Failed: [],
    }));
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-message-1' });
  };
  install();
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-central-1' }));
  return {
    table,
    dynamodb,
    sqs,
    ses,
    store: new DynamoMonitoringStore(documents, TABLE_NAME),
    published: () =>
      sqs
        .commandCalls(SendMessageBatchCommand)
        .flatMap((call) => call.args[0].input.Entries ?? [])
        .map((entry) => JSON.parse(entry.MessageBody ?? '{}') as AnyEvent),
    reset: () => {
      table.reset();
      dynamodb.reset();
      sqs.reset();
      ses.reset();
      install();
    },
  };
}

/** A small plan: two activity areas with one indicator each, and a project outside the plan. */
export const testPlan: ActionPlan = {
  id: '2024-2026',
  name: 'Akční plán koncepce Chytřejší Liberecký kraj 2024–2026',
  years: { from: 2024, to: 2026 },
  priorityAreas: [
    { id: 'verejna-sprava', name: 'Veřejná správa', activityAreaId: 'elektronicka-komunikace' },
    { id: 'ekonomicky-rozvoj', name: 'Ekonomický rozvoj a cestovní ruch', activityAreaId: 'kulturni-dedictvi' },
  ],
  activityAreas: [
    {
      id: 'kulturni-dedictvi',
      order: 1,
      name: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu',
      guarantor: { department: 'Odbor kultury, památkové péče a cestovního ruchu', email: 'garant.kultura@example.org' },
      activities: [
        { id: 'kd-a1', activityAreaId: 'kulturni-dedictvi', number: 1, name: 'Digitalizace sbírkových předmětů' },
      ],
    },
    {
      id: 'elektronicka-komunikace',
      order: 2,
      name: 'Elektronická komunikace a kyberbezpečnost',
      guarantor: { department: 'Ředitel krajského úřadu', email: 'garant.reditel@example.org' },
      activities: [
        { id: 'ek-a1', activityAreaId: 'elektronicka-komunikace', number: 1, name: 'Elektronická komunikace v rámci úřadu' },
      ],
    },
  ],
  projects: [
    {
      id: 'digitalizace-sbirek',
      name: 'Digitalizace sbírek muzea',
      goal: 'Zpřístupnit sbírky muzea online.',
      goalLabel: 'cíl projektu',
      placement: { kind: 'activity', activityId: 'kd-a1' },
      contactPersonIds: ['k-simonova'],
      lifecycle: 'active',
    },
    {
      id: 'elektronicky-podpis',
      name: 'Elektronický podpis na úřadě',
      goal: 'Podepisovat dokumenty elektronicky.',
      goalLabel: 'cíl projektu',
      placement: { kind: 'activity', activityId: 'ek-a1' },
      contactPersonIds: ['k-simonova', 'v-ondracek'],
      lifecycle: 'active',
    },
    {
      id: 'taxibusy',
      name: 'Taxibusy',
      goal: 'Doprava na zavolání.',
      goalLabel: 'bližší popis',
      placement: { kind: 'outside-plan' },
      contactPersonIds: ['v-ondracek'],
      lifecycle: 'active',
    },
  ],
  contactPersons: [
    { id: 'k-simonova', name: 'K. Šimonová', email: 'k.simonova@example.org', organisation: 'Liberecký kraj' },
    { id: 'v-ondracek', name: 'V. Ondráček', email: 'v.ondracek@example.org', organisation: 'Liberecký kraj' },
  ],
  indicators: [
    {
      code: 'KD-1',
      name: 'Počet sbírek, u kterých byla zahájena digitalizace',
      activityAreaId: 'kulturni-dedictvi',
      aggregation: 'cumulative',
      unit: 'počet',
      baseline: { asOf: '2025-12-31', value: 31 },
    },
    {
      code: 'EK-1',
      name: 'Počet nově digitalizovaných procesů krajského úřadu',
      activityAreaId: 'elektronicka-komunikace',
      aggregation: 'cumulative',
      unit: 'počet',
      baseline: { asOf: '2025-12-31', value: 2 },
    },
  ],
};

export const CYCLE_ID = '2026-H1';

export function openCycleRecord(overrides: Partial<CycleRecord> = {}): CycleRecord {
  return {
    id: CYCLE_ID,
    planId: testPlan.id,
    state: 'open',
    deadline: '2026-06-30T21:59:59.000Z',
    meetingDate: '2026-09-15',
    reminderLadder: defaultReminderLadder,
    source: 'system',
    createdAt: '2026-01-05T08:00:00.000Z',
    openedAt: '2026-01-05T08:00:00.000Z',
    requestCount: testPlan.projects.length,
    submittedCount: 0,
    ...overrides,
  };
}

/** The plan and an open cycle with its requests and contacts, as opening it leaves them. */
export async function seedOpenCycle(mocks: AwsMocks, overrides: Partial<CycleRecord> = {}): Promise<CycleRecord> {
  const cycle = openCycleRecord(overrides);
  await mocks.store.plans.savePlan(testPlan);
  await mocks.store.cycles.createCycle(cycle);
  await mocks.store.cycles.putRequests(
    testPlan.projects.map((project) => ({ cycleId: cycle.id, projectId: project.id, contactPersonIds: project.contactPersonIds })),
  );
  await mocks.store.cycles.putContacts([
    { cycleId: cycle.id, contactPersonId: 'k-simonova', projectIds: ['digitalizace-sbirek', 'elektronicky-podpis'] },
    { cycleId: cycle.id, contactPersonId: 'v-ondracek', projectIds: ['elektronicky-podpis', 'taxibusy'] },
  ]);
  return cycle;
}

/** A personal link of a contact person; returns the raw token that goes into the URL. */
export async function seedToken(
  mocks: AwsMocks,
  contactPersonId = 'k-simonova',
  options: { revoked?: boolean; cycleId?: string } = {},
): Promise<string> {
  const { token, tokenHash } = new CryptoTokenIssuer().issue();
  const cycleId = options.cycleId ?? CYCLE_ID;
  await mocks.store.tokens.saveToken({ tokenHash, cycleId, contactPersonId, issuedAt: new Date().toISOString() });
  if (options.revoked) await mocks.store.tokens.revokeTokens(cycleId, contactPersonId, new Date().toISOString());
  return token;
}

/** No response of ours may ever show how the code failed inside. */
export function expectNoStackTrace(body: string | undefined): void {
  const text = body ?? '';
  if (/\n\s+at\s|\bat\s+\S+\s+\(.*:\d+:\d+\)|node_modules|\.ts:\d+/.test(text)) {
    throw new Error(`The response body contains a stack trace: ${text.slice(0, 500)}`);
  }
}
