// The DynamoDB stores against dynalite through the real SDK: every port method, each conditional failure.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../../adapters/dynamodb/create-table';
import { DynamoMonitoringStore, VERSION_CONFLICT_MESSAGE } from '../../../adapters/dynamodb/monitoring-store';
import type { RunningEmulators } from '../../../local/emulators';
import { ConflictError, NotFoundError, ValidationError } from '../../../domain/errors';
import type { ActionPlan } from '../../../domain/plan';
import type { CycleRecord, IndicatorTotalsRecord, ReminderRecord } from '../../../domain/records';
import type { MonitoringReport } from '../../../domain/report/model';
import type { SubmissionVersion } from '../../../domain/submission';
import { localClientConfig, startTestEmulators } from '../emulators';

const TABLE = 'monitoring-adapters';

let emulators: RunningEmulators;
let dynamodb: DynamoDBClient;
let documents: DynamoDBDocumentClient;
let store: DynamoMonitoringStore;
let nextYear = 2100;

/** Every test works in a cycle of its own, so tests never see each other's items. */
const freshCycleId = (): string => `${nextYear++}-H1`;

function cycle(id: string, overrides: Partial<CycleRecord> = {}): CycleRecord {
  return {
    id,
    planId: 'chytrejsi-kraj',
    state: 'draft',
    deadline: '2026-07-15T21:59:59.000Z',
    meetingDate: '2026-08-20',
    reminderLadder: { daysBeforeDeadline: [14, 7, 1], overdueAfterDays: 1, escalateAfterDays: 7 },
    source: 'system',
    createdAt: '2026-06-01T08:00:00.000Z',
    ...overrides,
  };
}

function submission(cycleId: string, projectId: string, version: number, text = 'Proběhlo jednání s obcemi.'): SubmissionVersion {
  return {
    cycleId,
    projectId,
    version,
    submittedAt: `2026-07-0${Math.min(version, 9)}T10:00:00.000Z`,
    submittedBy: 'k-simonova',
    thisPeriod: text,
    nextPeriodPlan: '',
    status: 'completed',
    indicatorContributions: { 'DI-1': version },
  };
}

function plan(projectIds: string[]): ActionPlan {
  return {
    id: `plan-${nextYear++}`,
    name: 'Akční plán Chytřejší Liberecký kraj 2024–2026',
    years: { from: 2024, to: 2026 },
    priorityAreas: [{ id: 'doprava', name: 'Doprava', activityAreaId: null }],
    activityAreas: [
      {
        id: 'digitalni-infrastruktura',
        order: 1,
        name: 'Digitální infrastruktura',
        guarantor: { department: 'Odbor informatiky', email: 'informatika@kraj-lbc.cz' },
        activities: [{ id: 'di-1', activityAreaId: 'digitalni-infrastruktura', number: 1, name: 'Sítě' }],
      },
    ],
    projects: projectIds.map((id) => ({
      id,
      name: `Projekt ${id}`,
      goal: 'Zlepšit dostupnost služeb.',
      goalLabel: 'cíl projektu',
      placement: id.startsWith('mimo') ? { kind: 'outside-plan' } : { kind: 'activity', activityId: 'di-1' },
      contactPersonIds: ['m-fena'],
      lifecycle: 'active',
    })),
    contactPersons: [
      { id: 'm-fena', name: 'M. Féna', reportingPerson: 'D. Nejedlo', email: 'nejedlo@kraj-lbc.cz', organisation: 'KÚLK' },
      { id: 'k-simonova', name: 'K. Šimonová', email: 'simonova@kraj-lbc.cz', organisation: 'ARR' },
    ],
    indicators: [
      {
        code: 'DI-1',
        name: 'Počet připojených obcí',
        activityAreaId: 'digitalni-infrastruktura',
        aggregation: 'latest',
        unit: 'obcí',
        baseline: { asOf: '2025-12-31', value: 12 },
      },
    ],
  };
}

/** The error a call fails with; awaiting it at once keeps a rejection from going unhandled. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

async function rawSortKeys(pk: string, prefix: string): Promise<string[]> {
  const { Items } = await documents.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ProjectionExpression: 'SK',
    }),
  );
  return (Items ?? []).map((item) => String(item['SK']));
}

beforeAll(async () => {
  emulators = await startTestEmulators();
  dynamodb = new DynamoDBClient(localClientConfig(emulators.endpoints.dynamodb));
  documents = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  await ensureTable(dynamodb, TABLE);
  store = new DynamoMonitoringStore(documents, TABLE, { batchRetry: { baseDelayMs: 5 } });
});

afterAll(async () => {
  dynamodb?.destroy();
  await emulators?.stop();
});

describe('ensureTable', () => {
  it('leaves an existing table alone when called again', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId));

    // Act
    await ensureTable(dynamodb, TABLE);

    // Assess
    expect(await store.cycles.getCycle(cycleId)).toEqual(cycle(cycleId));
  });
});

describe('PlanCatalog', () => {
  it('reads back a saved plan with projects and contacts in the plan order', async () => {
    // Prepare
    const saved = plan(['zeta-portal', 'alfa-sit', 'mimo-taxibusy']);

    // Act
    await store.plans.savePlan(saved);
    const read = await store.plans.getPlan(saved.id);

    // Assess
    expect(read).toEqual(saved);
  });

  it('drops projects the plan no longer has when it is saved again', async () => {
    // Prepare
    const first = plan(['alfa-sit', 'beta-portal', 'gama-data']);
    await store.plans.savePlan(first);
    const second = { ...first, projects: first.projects.filter((project) => project.id !== 'beta-portal') };

    // Act
    await store.plans.savePlan(second);

    // Assess
    expect(await store.plans.getPlan(first.id)).toEqual(second);
    expect(await rawSortKeys(`PLAN#${first.id}`, 'PROJECT#')).toEqual(['PROJECT#alfa-sit', 'PROJECT#gama-data']);
  });

  it('throws NotFoundError for a plan never saved', async () => {
    // Act
    const failure = await failureOf(store.plans.getPlan('neexistujici-plan'));

    // Assess
    expect(failure).toBeInstanceOf(NotFoundError);
  });
});

describe('CycleStore', () => {
  it('creates a cycle once and lists it', async () => {
    // Prepare
    const cycleId = freshCycleId();

    // Act
    const first = await store.cycles.createCycle(cycle(cycleId));
    const second = await store.cycles.createCycle(cycle(cycleId, { state: 'open' }));

    // Assess
    expect([first, second]).toEqual([true, false]);
    expect(await store.cycles.getCycle(cycleId)).toEqual(cycle(cycleId));
    expect(await store.cycles.listCycles()).toContainEqual(cycle(cycleId));
    expect(await store.cycles.getCycle(freshCycleId())).toBeNull();
  });

  it('transitions only from the expected state, applying the changes', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId));

    // Act
    const opened = await store.cycles.transitionCycle(cycleId, 'draft', 'open', { openedAt: '2026-06-02T08:00:00.000Z' });
    const reopened = await store.cycles.transitionCycle(cycleId, 'draft', 'open', { openedAt: '2026-06-03T08:00:00.000Z' });

    // Assess
    expect([opened, reopened]).toEqual([true, false]);
    expect(await store.cycles.getCycle(cycleId)).toEqual(cycle(cycleId, { state: 'open', openedAt: '2026-06-02T08:00:00.000Z' }));
  });

  it('claims an attribute once until the claim is released', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId));
    const attribute = 'steeringGroupNotificationClaimedAt';

    // Act
    const first = await store.cycles.claimOnce(cycleId, attribute, '2026-08-01T07:00:00.000Z');
    const second = await store.cycles.claimOnce(cycleId, attribute, '2026-08-01T07:05:00.000Z');
    await store.cycles.releaseClaim(cycleId, attribute);
    const afterRelease = await store.cycles.claimOnce(cycleId, attribute, '2026-08-01T07:10:00.000Z');
    const missingCycle = await store.cycles.claimOnce(freshCycleId(), attribute, '2026-08-01T07:10:00.000Z');

    // Assess
    expect([first, second, afterRelease, missingCycle]).toEqual([true, false, true, false]);
    expect((await store.cycles.getCycle(cycleId))?.steeringGroupNotificationClaimedAt).toBe('2026-08-01T07:10:00.000Z');
  });

  it('sets reportAssembledAt, and refuses to for a missing cycle', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId));

    // Act
    await store.cycles.setReportAssembledAt(cycleId, '2026-07-20T09:00:00.000Z');
    const missing = await failureOf(store.cycles.setReportAssembledAt(freshCycleId(), '2026-07-20T09:00:00.000Z'));

    // Assess
    expect((await store.cycles.getCycle(cycleId))?.reportAssembledAt).toBe('2026-07-20T09:00:00.000Z');
    expect(missing).toBeInstanceOf(NotFoundError);
  });

  it('batch-writes 2,000 requests and lists them all', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const requests = Array.from({ length: 2000 }, (_, index) => ({
      cycleId,
      projectId: `projekt-${String(index).padStart(4, '0')}`,
      contactPersonIds: ['m-fena', 'k-simonova'],
    }));

    // Act
    await store.cycles.putRequests(requests);
    const listed = await store.cycles.listRequests(cycleId);

    // Assess
    expect(listed).toEqual(requests);
  });

  it('keeps the first submission time and only ever raises the counted version', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.putRequests([{ cycleId, projectId: 'edih-neb', contactPersonIds: ['m-fena'] }]);

    // Act
    const firsts = [
      await store.cycles.markRequestSubmitted(cycleId, 'edih-neb', 1, '2026-07-01T10:00:00.000Z'),
      await store.cycles.markRequestSubmitted(cycleId, 'edih-neb', 3, '2026-07-03T10:00:00.000Z'),
      await store.cycles.markRequestSubmitted(cycleId, 'edih-neb', 2, '2026-07-02T10:00:00.000Z'),
    ];
    const unknown = await failureOf(store.cycles.markRequestSubmitted(cycleId, 'nezadany-projekt', 1, '2026-07-02T10:00:00.000Z'));

    // Assess
    expect(await store.cycles.listRequests(cycleId)).toEqual([
      { cycleId, projectId: 'edih-neb', contactPersonIds: ['m-fena'], firstSubmittedAt: '2026-07-01T10:00:00.000Z', latestVersion: 3 },
    ]);
    expect(firsts).toEqual([true, false, false]);
    expect(unknown).toBeInstanceOf(NotFoundError);
  });

  it('counts submitted projects on the cycle and reads the requests of chosen projects', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId));
    await store.cycles.putRequests(
      ['edih-neb', 'taxibusy', 'platebni-portal'].map((projectId) => ({ cycleId, projectId, contactPersonIds: ['m-fena'] })),
    );

    // Act
    await store.cycles.incrementSubmittedCount(cycleId);
    await store.cycles.incrementSubmittedCount(cycleId);
    const chosen = await store.cycles.getRequests(cycleId, ['taxibusy', 'nezadany-projekt', 'edih-neb']);

    // Assess
    expect((await store.cycles.getCycle(cycleId))?.submittedCount).toBe(2);
    expect(chosen.map((request) => request.projectId)).toEqual(['taxibusy', 'edih-neb']);
  });

  it('corrects the counts of a cycle only while they are still those read', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const uncounted = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId, { requestCount: 3, submittedCount: 1 }));
    await store.cycles.createCycle(cycle(uncounted));
    const seen = { requestCount: 3, submittedCount: 1 };

    // Act
    const corrected = await store.cycles.correctCounts(cycleId, seen, { requestCount: 3, submittedCount: 2 });
    await store.cycles.incrementSubmittedCount(cycleId);
    const outdated = await store.cycles.correctCounts(cycleId, { requestCount: 3, submittedCount: 2 }, { requestCount: 3, submittedCount: 2 });
    const fromNone = await store.cycles.correctCounts(uncounted, { requestCount: undefined, submittedCount: undefined }, { requestCount: 2, submittedCount: 0 });
    const missing = await store.cycles.correctCounts(freshCycleId(), seen, { requestCount: 1, submittedCount: 1 });

    // Assess
    expect([corrected, outdated, fromNone, missing]).toEqual([true, false, true, false]);
    expect(await store.cycles.getCycle(cycleId)).toMatchObject({ requestCount: 3, submittedCount: 3 });
    expect(await store.cycles.getCycle(uncounted)).toMatchObject({ requestCount: 2, submittedCount: 0 });
  });

  it('stores, lists and gets the contacts of a cycle', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const contacts = [
      { cycleId, contactPersonId: 'k-simonova', projectIds: ['edih-neb'] },
      { cycleId, contactPersonId: 'm-fena', projectIds: ['taxibusy', 'platebni-portal'] },
    ];

    // Act
    await store.cycles.putContacts(contacts);

    // Assess
    expect(await store.cycles.listContacts(cycleId)).toEqual(contacts);
    expect(await store.cycles.getContact(cycleId, 'm-fena')).toEqual(contacts[1]);
    expect(await store.cycles.getContact(cycleId, 'nikdo')).toBeNull();
  });
});

describe('SubmissionStore', () => {
  it('appends versions and refuses a version number twice with the Czech conflict message', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.submissions.appendVersion(submission(cycleId, 'taxibusy', 1));
    await store.submissions.appendVersion(submission(cycleId, 'taxibusy', 2));

    // Act
    const duplicate = await failureOf(store.submissions.appendVersion(submission(cycleId, 'taxibusy', 2, 'Jiný text')));

    // Assess
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect((duplicate as ConflictError).message).toBe(VERSION_CONFLICT_MESSAGE);
    expect(await store.submissions.latestVersion(cycleId, 'taxibusy')).toEqual(submission(cycleId, 'taxibusy', 2));
    expect(await store.submissions.listVersions(cycleId, 'taxibusy')).toEqual([
      submission(cycleId, 'taxibusy', 1),
      submission(cycleId, 'taxibusy', 2),
    ]);
    expect(await store.submissions.latestVersion(cycleId, 'nic')).toBeNull();
  });

  it('orders versions numerically, not as text', async () => {
    // Prepare
    const cycleId = freshCycleId();
    for (const version of [9, 10, 2]) await store.submissions.appendVersion(submission(cycleId, 'edih-neb', version));

    // Act
    const latest = await store.submissions.latestVersion(cycleId, 'edih-neb');
    const all = await store.submissions.latestVersions(cycleId);

    // Assess
    expect(latest?.version).toBe(10);
    expect(all.map((version) => version.version)).toEqual([10]);
  });

  it('orders versions past 999 999 up to 2^53 − 1 after items stored with the earlier 6-digit keys', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const legacy = submission(cycleId, 'edih-neb', 7);
    // As the store wrote versions before the long keys existed.
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          PK: `CYCLE#${cycleId}#PROJECT#edih-neb`,
          SK: 'V#000007',
          GSI1PK: `CYCLE#${cycleId}#SUBMISSIONS`,
          GSI1SK: 'edih-neb#V#000007',
          ...legacy,
        },
      }),
    );
    const versions = [Number.MAX_SAFE_INTEGER, 1_000_000, 999_999, 10_000_000, 9_999_999];
    for (const version of versions) await store.submissions.appendVersion(submission(cycleId, 'edih-neb', version));

    // Act
    const latest = await store.submissions.latestVersion(cycleId, 'edih-neb');
    const all = await store.submissions.listVersions(cycleId, 'edih-neb');

    // Assess
    expect(latest?.version).toBe(Number.MAX_SAFE_INTEGER);
    expect(all.map((version) => version.version)).toEqual([7, 999_999, 1_000_000, 9_999_999, 10_000_000, Number.MAX_SAFE_INTEGER]);
    expect(all[0]).toEqual(legacy);
  });

  it('reads the latest version of every project across more than 1 MB of versions', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const longText = 'Podrobný popis činností v pololetí. '.repeat(108);
    const versions = Array.from({ length: 60 }, (_, project) =>
      [1, 2, 3].map((version) => ({
        ...submission(cycleId, `projekt-${String(project).padStart(3, '0')}`, version, longText),
        nextPeriodPlan: longText,
      })),
    ).flat();
    await Promise.all(versions.map((version) => store.submissions.appendVersion(version)));
    let queries = 0;
    const counting = new DynamoMonitoringStore(documents, TABLE, {
      onConsumedCapacity: (operation) => (queries += operation === 'Query' ? 1 : 0),
    });

    // Act
    const latest = await counting.submissions.latestVersions(cycleId);

    // Assess
    expect(queries).toBeGreaterThan(1);
    expect(latest).toHaveLength(60);
    expect(latest.every((version) => version.version === 3 && version.thisPeriod === longText)).toBe(true);
  });
});

describe('TokenStore', () => {
  it('finds tokens by hash and revokes those of one contact person once', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const token = (hash: string, contactPersonId: string, issuedAt: string) => ({ tokenHash: hash, cycleId, contactPersonId, issuedAt });
    const first = token(`${cycleId}-a`, 'm-fena', '2026-06-02T08:00:00.000Z');
    const second = token(`${cycleId}-b`, 'm-fena', '2026-06-10T08:00:00.000Z');
    const other = token(`${cycleId}-c`, 'k-simonova', '2026-06-02T08:00:00.000Z');
    for (const saved of [first, second, other]) await store.tokens.saveToken(saved);

    // Act
    const revoked = await store.tokens.revokeTokens(cycleId, 'm-fena', '2026-06-11T08:00:00.000Z');
    const again = await store.tokens.revokeTokens(cycleId, 'm-fena', '2026-06-12T08:00:00.000Z');
    await store.tokens.saveToken(first);

    // Assess
    expect([revoked, again]).toEqual([2, 0]);
    expect(await store.tokens.findToken(first.tokenHash)).toEqual({ ...first, revokedAt: '2026-06-11T08:00:00.000Z' });
    expect(await store.tokens.findToken(other.tokenHash)).toEqual(other);
    expect(await store.tokens.findToken('neznamy')).toBeNull();
  });

  it('tells whether a person was sent a link in a cycle since a time, a revoked one included', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const opened = '2026-06-01T08:00:00.000Z';
    await store.tokens.saveToken({ tokenHash: `${cycleId}-a`, cycleId, contactPersonId: 'm-fena', issuedAt: '2026-06-02T08:00:00.000Z' });
    await store.tokens.saveToken({ tokenHash: `${cycleId}-b`, cycleId, contactPersonId: 'k-simonova', issuedAt: '2026-06-02T08:00:00.000Z' });
    await store.tokens.revokeTokens(cycleId, 'k-simonova', '2026-06-03T08:00:00.000Z');

    // Act
    const [sent, revoked, never, otherCycle, sinceIssued, sinceLater] = await Promise.all([
      store.tokens.hasIssuedLink(cycleId, 'm-fena', opened),
      store.tokens.hasIssuedLink(cycleId, 'k-simonova', opened),
      store.tokens.hasIssuedLink(cycleId, 'j-novak', opened),
      store.tokens.hasIssuedLink(freshCycleId(), 'm-fena', opened),
      store.tokens.hasIssuedLink(cycleId, 'm-fena', '2026-06-02T08:00:00.000Z'),
      store.tokens.hasIssuedLink(cycleId, 'm-fena', '2026-06-02T08:00:00.001Z'),
    ]);

    // Assess
    expect({ sent, revoked, never, otherCycle, sinceIssued, sinceLater }).toEqual({
      sent: true,
      revoked: true,
      never: false,
      otherCycle: false,
      sinceIssued: true,
      sinceLater: false,
    });
  });

  it('reads a link with its cycle, contact and the versions asked for, in one request once the token is known', async () => {
    // Prepare
    const operations: string[] = [];
    const measured = new DynamoMonitoringStore(documents, TABLE, { onConsumedCapacity: (operation) => operations.push(operation) });
    const cycleId = freshCycleId();
    const versioned = plan(['taxibusy', 'platebni-portal']);
    await store.plans.savePlan(versioned, 3);
    const token = { tokenHash: `${cycleId}-link`, cycleId, contactPersonId: 'm-fena', issuedAt: '2026-06-02T08:00:00.000Z' };
    const contact = { cycleId, contactPersonId: 'm-fena', projectIds: ['taxibusy', 'platebni-portal'] };
    await store.cycles.createCycle(cycle(cycleId, { state: 'open', planId: versioned.id }));
    await store.cycles.putContacts([contact]);
    await store.tokens.saveToken(token);
    await store.submissions.appendVersion(submission(cycleId, 'taxibusy', 1));
    const wanted = [
      { projectId: 'taxibusy', version: 1 },
      { projectId: 'platebni-portal', version: 0 },
      { projectId: 'edih-neb', version: 4 },
    ];

    // Act
    const first = await measured.tokens.findLink(token.tokenHash, wanted);
    const firstOperations = operations.splice(0);
    const second = await measured.tokens.findLink(token.tokenHash, wanted);

    // Assess
    expect(first).toEqual({
      token,
      cycle: cycle(cycleId, { state: 'open', planId: versioned.id }),
      contact,
      versions: new Map([
        ['taxibusy', submission(cycleId, 'taxibusy', 1)],
        ['platebni-portal', null],
        ['edih-neb', null],
      ]),
    });
    expect(second).toEqual({ ...first, planRevision: 3 });
    expect(firstOperations).toEqual(['GetItem', 'BatchGetItem']);
    expect(operations).toEqual(['BatchGetItem']);
    expect(await measured.tokens.findLink('neznamy')).toBeNull();
  });

  it('sees a revocation, a closed cycle, a new version and a plan edit at once, though it knows the token already', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const edited = plan(['taxibusy']);
    await store.plans.savePlan(edited, 1);
    const token = { tokenHash: `${cycleId}-link`, cycleId, contactPersonId: 'm-fena', issuedAt: '2026-06-02T08:00:00.000Z' };
    await store.cycles.createCycle(cycle(cycleId, { state: 'open', planId: edited.id }));
    await store.cycles.putContacts([{ cycleId, contactPersonId: 'm-fena', projectIds: ['taxibusy'] }]);
    await store.tokens.saveToken(token);
    await store.tokens.findLink(token.tokenHash);
    const known = await store.tokens.findLink(token.tokenHash, [{ projectId: 'taxibusy', version: 1 }]);

    // Act
    await store.tokens.revokeTokens(cycleId, 'm-fena', '2026-06-11T08:00:00.000Z');
    await store.cycles.transitionCycle(cycleId, 'open', 'closed', { closedAt: '2026-06-12T08:00:00.000Z' });
    await store.submissions.appendVersion(submission(cycleId, 'taxibusy', 1));
    await store.plans.savePlan(edited, 2);
    const after = await store.tokens.findLink(token.tokenHash, [{ projectId: 'taxibusy', version: 1 }]);

    // Assess
    expect(known?.token.revokedAt).toBeUndefined();
    expect(known?.versions.get('taxibusy')).toBeNull();
    expect(known?.planRevision).toBe(1);
    expect(after?.token.revokedAt).toBe('2026-06-11T08:00:00.000Z');
    expect(after?.cycle?.state).toBe('closed');
    expect(after?.versions.get('taxibusy')).toEqual(submission(cycleId, 'taxibusy', 1));
    expect(after?.planRevision).toBe(2);
  });
});

describe('ReminderLog', () => {
  it('records each stage for each audience once', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const reminder = (stage: string, audience: ReminderRecord['audience']): ReminderRecord => ({
      cycleId,
      stage,
      audience,
      projectIds: ['taxibusy'],
      queuedAt: '2026-07-01T06:00:00.000Z',
    });
    const contact = { kind: 'contact', contactPersonId: 'm-fena' } as const;
    const guarantor = { kind: 'guarantor', activityAreaId: 'digitalni-infrastruktura' } as const;

    // Act
    const results = [
      await store.reminders.recordReminder(reminder('before-7d', contact)),
      await store.reminders.recordReminder(reminder('before-7d', contact)),
      await store.reminders.recordReminder(reminder('before-1d', contact)),
      await store.reminders.recordReminder(reminder('escalation', guarantor)),
    ];

    // Assess
    expect(results).toEqual([true, false, true, true]);
    expect(await store.reminders.listReminders(cycleId)).toEqual(
      expect.arrayContaining([reminder('before-7d', contact), reminder('before-1d', contact), reminder('escalation', guarantor)]),
    );
    expect(await store.reminders.listReminders(cycleId)).toHaveLength(3);
  });

  it('releases a record only to the run that made it, so that stage can be recorded again', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const audience = { kind: 'contact', contactPersonId: 'm-fena' } as const;
    const ours: ReminderRecord = { cycleId, stage: 'before-7d', audience, projectIds: ['taxibusy'], queuedAt: '2026-07-01T06:00:00.000Z', round: 1 };
    const another: ReminderRecord = { ...ours, stage: 'before-1d', queuedAt: '2026-07-07T06:00:00.000Z' };
    await store.reminders.recordReminder(ours);
    await store.reminders.recordReminder(another);

    // Act
    await store.reminders.releaseReminder(ours);
    await store.reminders.releaseReminder({ ...another, queuedAt: '2026-07-08T06:00:00.000Z' });
    const recordedAgain = await store.reminders.recordReminder(ours);

    // Assess
    expect(recordedAgain).toBe(true);
    expect(await store.reminders.listReminders(cycleId)).toEqual(expect.arrayContaining([ours, another]));
    expect(await store.reminders.listReminders(cycleId)).toHaveLength(2);
  });

  it('lets one run take over a pending escalation, and keeps a confirmed one from being taken over', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const escalation = (activityAreaId: string): ReminderRecord => ({
      cycleId,
      stage: 'escalation',
      audience: { kind: 'guarantor', activityAreaId },
      projectIds: ['taxibusy'],
      queuedAt: '2026-07-22T07:00:00.000Z',
      pending: true,
    });
    const stranded = escalation('doprava');
    const confirmed = escalation('energetika');
    await store.reminders.recordReminder(stranded);
    await store.reminders.recordReminder(confirmed);
    await store.reminders.confirmReminder({ ...confirmed, queuedAt: '2026-07-22T08:00:00.000Z' });
    await store.reminders.confirmReminder(confirmed);

    // Act
    const takeovers = [
      await store.reminders.reclaimReminder(stranded, '2026-07-23T07:00:00.000Z'),
      await store.reminders.reclaimReminder(stranded, '2026-07-23T07:00:01.000Z'),
      await store.reminders.reclaimReminder(confirmed, '2026-07-23T07:00:00.000Z'),
    ];

    // Assess
    expect(takeovers).toEqual([true, false, false]);
    const { pending: _pending, ...confirmedRecord } = confirmed;
    expect(await store.reminders.listReminders(cycleId)).toEqual(
      expect.arrayContaining([{ ...stranded, queuedAt: '2026-07-23T07:00:00.000Z' }, confirmedRecord]),
    );
  });
});

describe('IndicatorStore', () => {
  it('saves the totals on the expected revision only, in-flight markers included', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const totals = (revision: number, amount: number, inFlight: Record<string, number>): IndicatorTotalsRecord => ({
      cycleId,
      totals: { 'DI-1': { sum: amount }, 'DI-2': { sum: amount, amounts: { [amount]: 1 } } },
      values: [{ code: 'DI-1', periodValue: amount, cumulativeValue: 12 + amount }],
      projects: 1,
      inFlight,
      revision,
      updatedAt: `2026-07-0${revision}T10:00:00.000Z`,
    });
    const before = await store.indicators.getTotals(cycleId);

    // Act
    const created = await store.indicators.saveTotals(totals(1, 3, { taxibusy: 1 }), null);
    const createdTwice = await store.indicators.saveTotals(totals(1, 4, {}), null);
    const updated = await store.indicators.saveTotals(totals(2, 5, { taxibusy: 2, 'e-podpis': 1 }), 1);
    const stale = await store.indicators.saveTotals(totals(2, 6, {}), 1);

    // Assess
    expect(before).toBeNull();
    expect([created, createdTwice, updated, stale]).toEqual([true, false, true, false]);
    expect(await store.indicators.getTotals(cycleId)).toEqual(totals(2, 5, { taxibusy: 2, 'e-podpis': 1 }));
  });

  it('settles a marker only at its version, as a new revision', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.indicators.saveTotals(
      { cycleId, totals: {}, values: [], projects: 2, inFlight: { taxibusy: 2, 'e-podpis': 1 }, revision: 4, updatedAt: '2026-07-01T10:00:00.000Z' },
      null,
    );

    // Act
    await store.indicators.settleInFlight(cycleId, 'taxibusy', 1);
    const afterWrongVersion = await store.indicators.getTotals(cycleId);
    await store.indicators.settleInFlight(cycleId, 'taxibusy', 2);

    // Assess
    expect(afterWrongVersion).toMatchObject({ inFlight: { taxibusy: 2, 'e-podpis': 1 }, revision: 4 });
    expect(await store.indicators.getTotals(cycleId)).toMatchObject({ inFlight: { 'e-podpis': 1 }, revision: 5 });
  });

  it('begins a contribution only on the applied version read, and commits it once', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const first = { version: 1, contributions: { 'DI-1': 2 } };
    const second = { version: 3, contributions: { 'DI-1': 5 } };

    // Act
    const begun = await store.indicators.beginContribution(cycleId, 'taxibusy', 0, first);
    const begunTwice = await store.indicators.beginContribution(cycleId, 'taxibusy', 0, first);
    const whilePending = await store.indicators.getContribution(cycleId, 'taxibusy');
    const committed = await store.indicators.commitContribution(cycleId, 'taxibusy', 1);
    const committedTwice = await store.indicators.commitContribution(cycleId, 'taxibusy', 1);
    const fromStaleVersion = await store.indicators.beginContribution(cycleId, 'taxibusy', 0, second);
    const fromApplied = await store.indicators.beginContribution(cycleId, 'taxibusy', 1, second);
    await store.indicators.beginContribution(freshCycleId(), 'taxibusy', 0, first);

    // Assess
    expect([begun, begunTwice, committed, committedTwice, fromStaleVersion, fromApplied]).toEqual([true, false, true, false, false, true]);
    expect(whilePending).toEqual({ cycleId, projectId: 'taxibusy', version: 0, contributions: {}, pending: first });
    expect(await store.indicators.listContributions(cycleId)).toEqual([
      { cycleId, projectId: 'taxibusy', version: 1, contributions: { 'DI-1': 2 }, pending: second },
    ]);
  });
});

describe('AgencyStore', () => {
  it('keeps each chapter separately, the last write of a chapter winning', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const trends = { events: [{ month: '2026-03', name: 'Smart City Expo' }], smartDocuments: [], opportunities: [] };
    const communication = { mediaPresentations: [], partnershipMeetings: [] };

    // Act
    await store.agency.putAgencySection(cycleId, 'trends', { events: [], smartDocuments: [], opportunities: [] }, '2026-07-01T08:00:00.000Z');
    await store.agency.putAgencySection(cycleId, 'trends', trends, '2026-07-02T08:00:00.000Z');
    await store.agency.putAgencySection(cycleId, 'communication', communication, '2026-07-02T08:00:00.000Z');

    // Assess
    expect(await store.agency.getAgencySections(cycleId)).toEqual({ trends, communication });
    expect(await store.agency.getAgencySections(freshCycleId())).toEqual({});
  });
});

describe('ReportStore', () => {
  function report(projectCount: number): MonitoringReport {
    const project = (index: number) => ({
      id: `projekt-${index}`,
      name: `Projekt č. ${index}`,
      goal: 'Zlepšit dostupnost veřejných služeb.',
      goalLabel: 'cíl projektu' as const,
      previousPeriod: randomBytes(120).toString('base64'),
      thisPeriod: randomBytes(240).toString('base64'),
      nextPeriodPlan: 'Pokračovat podle harmonogramu.',
      status: null,
      contacts: ['M. Féna (D. Nejedlo)'],
    });
    return {
      period: {
        id: '2026-H1',
        label: '1. pololetí 2026',
        shortLabel: '01/2026',
        previousShortLabel: '02/2025',
        nextShortLabel: '02/2026',
        firstDay: '2026-01-01',
        lastDay: '2026-06-30',
      },
      annualReportYear: 2026,
      attachmentNumber: 1,
      agency: {},
      areas: [
        { name: 'Digitální infrastruktura', activities: [{ number: 1, name: 'Sítě', projects: Array.from({ length: projectCount }, (_, i) => project(i)) }] },
      ],
      outsidePlan: [],
      indicators: [{ areaName: 'Digitální infrastruktura', code: 'DI-1', name: 'Počet obcí', periodValue: 3, cumulativeValue: 15 }],
      generatedAt: '2026-07-20T09:00:00.000Z',
    };
  }

  it('round-trips a report of 2,000 projects stored in several chunks', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const large = report(2000);

    // Act
    await store.reports.saveReport(cycleId, large);
    const read = await store.reports.getReport(cycleId);

    // Assess
    expect(read).toEqual(large);
    expect((await rawSortKeys(`CYCLE#${cycleId}`, 'REPORT#')).length).toBeGreaterThan(1);
  });

  it('replaces a report, deleting the chunks of the previous one', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.reports.saveReport(cycleId, report(2000));
    const small = report(3);

    // Act
    await store.reports.saveReport(cycleId, small);

    // Assess
    expect(await store.reports.getReport(cycleId)).toEqual(small);
    expect(await rawSortKeys(`CYCLE#${cycleId}`, 'REPORT#')).toHaveLength(1);
    expect(await store.reports.getReport(freshCycleId())).toBeNull();
  });

  it('keeps a consistent report when two saves race', async () => {
    // Prepare
    const cycleId = freshCycleId();
    const [first, second] = [report(900), report(800)];

    // Act
    await Promise.all([store.reports.saveReport(cycleId, first), store.reports.saveReport(cycleId, second)]);
    const read = await store.reports.getReport(cycleId);

    // Assess
    expect([first, second]).toContainEqual(read);
    const chunkKeys = await rawSortKeys(`CYCLE#${cycleId}`, 'REPORT#');
    expect(new Set(chunkKeys.map((key) => key.split('#')[1])).size).toBe(1);
  });
});

describe('consumed capacity', () => {
  it('reports every request with its DynamoDB operation name and capacity', async () => {
    // Prepare
    const calls: Array<{ operation: string; units: number | undefined }> = [];
    const measured = new DynamoMonitoringStore(documents, TABLE, {
      onConsumedCapacity: (operation, capacity) =>
        calls.push({ operation, units: Array.isArray(capacity) ? capacity[0]?.CapacityUnits : capacity?.CapacityUnits }),
    });
    const cycleId = freshCycleId();

    // Act
    await measured.cycles.createCycle(cycle(cycleId));
    await measured.cycles.createCycle(cycle(cycleId));
    await measured.cycles.getCycle(cycleId);
    await measured.cycles.putRequests([{ cycleId, projectId: 'taxibusy', contactPersonIds: ['m-fena'] }]);
    await measured.cycles.listRequests(cycleId);

    // Assess
    expect(calls.map((call) => call.operation)).toEqual(['PutItem', 'PutItem', 'GetItem', 'BatchWriteItem', 'Query']);
    expect(calls[0]?.units).toBeGreaterThan(0);
    expect(calls[1]?.units).toBeUndefined();
    expect(calls[3]?.units).toBeGreaterThan(0);
  });
});

describe('plan revisions and changes to an open cycle (dynalite)', () => {
  it('claims each revision number once, keeps the whole plan with it and tells the current revision', async () => {
    // Prepare
    const stored = plan(['a', 'b']);
    const revision = { planId: stored.id, revision: 1, author: 'systém', at: '2026-06-01T08:00:00.000Z', reason: 'Výchozí plán.', changes: [], plan: stored };

    // Act
    const first = await store.plans.appendRevision(revision);
    const second = await store.plans.appendRevision({ ...revision, author: 'někdo jiný' });
    await store.plans.savePlan(stored, 1);

    // Assess
    expect([first, second]).toEqual([true, false]);
    expect(await store.plans.currentRevision(stored.id)).toBe(1);
    expect(await store.plans.getStoredPlan(stored.id)).toEqual({ plan: stored, revision: 1 });
    expect(await store.plans.getRevision(stored.id, 1)).toEqual(revision);
    const { plan: _whole, ...summary } = revision;
    expect(await store.plans.listRevisions(stored.id)).toEqual([summary]);
  });

  it('refuses to claim a revision of a plan its items would not hold, so the next change still can', async () => {
    // Prepare
    const wideAreas = plan(['a']);
    wideAreas.activityAreas[0]!.description = 'ž'.repeat(200_000);
    const incompressible = plan(['a', 'b', 'c']);
    incompressible.projects.forEach((project) => (project.goal = randomBytes(200_000).toString('base64')));
    const revisionOf = (stored: ActionPlan) => ({ planId: stored.id, revision: 1, author: 'jana.arr', at: '2026-06-01T08:00:00.000Z', reason: 'Import plánu ze souboru.', changes: [], plan: stored });

    // Act
    const refused = await Promise.all([wideAreas, incompressible].map((stored) => store.plans.appendRevision(revisionOf(stored)).catch((error: unknown) => error)));
    const fitting = plan(['a']);
    const claimed = await store.plans.appendRevision(revisionOf({ ...fitting, id: wideAreas.id }));

    // Assess
    expect(refused.map((error) => (error as ValidationError).details['body'])).toEqual([
      expect.stringMatching(/^Oblasti aktivit, indikátory a seznamy projektů a kontaktních osob mají dohromady 39\d kB; uložit lze nejvýše 380 kB\./),
      expect.stringMatching(/^Celý plán má i zkomprimovaný \d+ kB; uložit lze nejvýše 380 kB\. Zkraťte texty projektů\.$/),
    ]);
    expect(refused.every((error) => error instanceof ValidationError)).toBe(true);
    expect(await store.plans.getRevision(incompressible.id, 1)).toBeNull();
    expect(claimed).toBe(true);
  });

  it('adds a project to an open cycle once, keeping when it was asked for, to a new or an invited person, and removes it again', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId, { requestCount: 1, submittedCount: 0 }));
    await store.cycles.putContacts([{ cycleId, contactPersonId: 'k-simonova', projectIds: ['a'] }]);

    // Act
    const added = await store.cycles.addRequest({ cycleId, projectId: 'b', contactPersonIds: ['k-simonova', 'p-nova'], askedAt: '2026-07-27T08:00:00.000Z' });
    const again = await store.cycles.addRequest({ cycleId, projectId: 'b', contactPersonIds: ['k-simonova'], askedAt: '2026-07-28T08:00:00.000Z' });
    const asked = await store.cycles.getRequests(cycleId, ['b']);
    const toInvited = await store.cycles.addContactProject(cycleId, 'k-simonova', 'b', 'k.simonova@example.org');
    const twice = await store.cycles.addContactProject(cycleId, 'k-simonova', 'b', 'k.simonova@example.org');
    const toNew = await store.cycles.addContactProject(cycleId, 'p-nova', 'b', 'p.nova@example.org');
    const removed = await store.cycles.removeRequest(cycleId, 'b');
    const removedAgain = await store.cycles.removeRequest(cycleId, 'b');

    // Assess
    expect([added, again, toInvited, twice, toNew, removed, removedAgain]).toEqual([true, false, 'added', 'present', 'created', true, false]);
    expect(asked.map((request) => request.askedAt)).toEqual(['2026-07-27T08:00:00.000Z']);
    expect((await store.cycles.getContact(cycleId, 'k-simonova'))?.projectIds).toEqual(['a', 'b']);
    expect(await store.cycles.getContact(cycleId, 'p-nova')).toEqual({ cycleId, contactPersonId: 'p-nova', projectIds: ['b'], address: 'p.nova@example.org' });
    expect((await store.cycles.getCycle(cycleId))?.requestCount).toBe(1);
  });

  it('changes the persons of an asked project only from the persons read, and takes a project from a person once', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId, { requestCount: 1, submittedCount: 0 }));
    await store.cycles.putRequests([{ cycleId, projectId: 'b', contactPersonIds: ['k-simonova'] }]);
    await store.cycles.putContacts([{ cycleId, contactPersonId: 'k-simonova', projectIds: ['a', 'b', 'c'] }]);
    const addedAt = { 'p-nova': '2026-07-27T08:00:00.000Z' };

    // Act
    const changed = await store.cycles.setRequestContacts(cycleId, 'b', { from: ['k-simonova'], to: ['p-nova'], contactsAddedAt: addedAt });
    const stale = await store.cycles.setRequestContacts(cycleId, 'b', { from: ['k-simonova'], to: ['j-stary'], contactsAddedAt: {} });
    const afterChange = await store.cycles.getRequests(cycleId, ['b']);
    const back = await store.cycles.setRequestContacts(cycleId, 'b', { from: ['p-nova'], to: ['k-simonova'], contactsAddedAt: {} });
    const missing = await store.cycles.setRequestContacts(cycleId, 'zadny', { from: [], to: ['p-nova'], contactsAddedAt: {} });
    const taken = await store.cycles.removeContactProject(cycleId, 'k-simonova', 'b');
    const takenAgain = await store.cycles.removeContactProject(cycleId, 'k-simonova', 'b');
    const nobody = await store.cycles.removeContactProject(cycleId, 'nikdo', 'b');

    // Assess
    expect([changed, stale, back, missing, taken, takenAgain, nobody]).toEqual([true, false, true, false, true, false, false]);
    expect(afterChange).toEqual([{ cycleId, projectId: 'b', contactPersonIds: ['p-nova'], contactsAddedAt: addedAt }]);
    expect(await store.cycles.getRequests(cycleId, ['b'])).toEqual([{ cycleId, projectId: 'b', contactPersonIds: ['k-simonova'] }]);
    expect((await store.cycles.getContact(cycleId, 'k-simonova'))?.projectIds).toEqual(['a', 'c']);
  });

  it('takes the right project from a person while other projects are taken concurrently', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId));
    const projectIds = ['a', 'b', 'c', 'd', 'e', 'f'];
    await store.cycles.putContacts([{ cycleId, contactPersonId: 'k-simonova', projectIds }]);

    // Act
    const taken = await Promise.all(['b', 'd', 'e'].map((projectId) => store.cycles.removeContactProject(cycleId, 'k-simonova', projectId)));

    // Assess
    expect(taken).toEqual([true, true, true]);
    expect((await store.cycles.getContact(cycleId, 'k-simonova'))?.projectIds).toEqual(['a', 'c', 'f']);
  });

  it('records an SES event once, keeps the first flag and claims the notice once; a new address clears both', async () => {
    // Prepare
    const cycleId = freshCycleId();
    await store.cycles.createCycle(cycle(cycleId));
    await store.cycles.putContacts([{ cycleId, contactPersonId: 'k-simonova', projectIds: ['a'] }]);
    const event = { cycleId, contactPersonId: 'k-simonova', eventId: 'feedback-1#k@example.org', outcome: 'hard-bounce' as const, email: 'k@example.org', reason: 'smtp; 550', occurredAt: '2026-06-02T08:00:00.000Z', sesMessageId: 'm-1', recordedAt: '2026-06-02T08:00:01.000Z' };

    // Act
    const recorded = [await store.cycles.recordDeliveryEvent(event), await store.cycles.recordDeliveryEvent(event)];
    await store.cycles.markUndeliverable(cycleId, 'k-simonova', { outcome: 'hard-bounce', email: 'k@example.org', reason: 'smtp; 550', at: event.occurredAt });
    await store.cycles.markUndeliverable(cycleId, 'k-simonova', { outcome: 'complaint', email: 'k@example.org', reason: 'abuse', at: event.occurredAt });
    const claims = [await store.cycles.claimUndeliverableNotice(cycleId, 'k-simonova', 'now'), await store.cycles.claimUndeliverableNotice(cycleId, 'k-simonova', 'now')];
    const flagged = await store.cycles.getContact(cycleId, 'k-simonova');
    await store.cycles.readdressContact(cycleId, 'k-simonova', 'simonova@kraj-lbc.cz');

    // Assess
    expect(recorded).toEqual([true, false]);
    expect(claims).toEqual([true, false]);
    expect(await store.cycles.listDeliveryEvents(cycleId)).toEqual([event]);
    expect(flagged?.undeliverable?.outcome).toBe('hard-bounce');
    const contact = await store.cycles.getContact(cycleId, 'k-simonova');
    expect([contact?.undeliverable, contact?.undeliverableNoticeClaimedAt, contact?.address]).toEqual([undefined, undefined, 'simonova@kraj-lbc.cz']);
  });
});
