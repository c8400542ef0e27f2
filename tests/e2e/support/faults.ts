/**
 * Faults injected through the local system's own seams (`handlerOverrides`): the functions stay
 * the real ones, built by their real factories; only a delivery or a dependency misbehaves.
 */
import { SendMessageCommand, SQSClient, type MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { AnyEvent } from '../../../events';
import type { EventPublisher, IndicatorStore, SubmissionStore } from '../../../domain/ports';
import { createLocalIdempotency } from '../../../local/composition';
import { createLocalHandlers, type LocalHandlers } from '../../../local/handlers';
import { LOCAL_TABLE_NAME, type LocalSystem } from '../../../local/system';
import { QUEUES, type QueueName } from '../../../local/topology';

/** The running system, known only after `startLocalSystem` returns; overrides are built before it. */
export type SystemRef = () => LocalSystem;

function attributesOf(record: SQSRecord): Record<string, MessageAttributeValue> {
  return Object.fromEntries(
    Object.entries(record.messageAttributes).map(([name, value]) => [
      name,
      { DataType: value.dataType, ...(value.stringValue === undefined ? {} : { StringValue: value.stringValue }) },
    ]),
  );
}

export interface DuplicatedDelivery {
  /** Every queue consumer, each sending a copy of every message it receives back to its queue. */
  handlers: Partial<LocalHandlers>;
  /** How many copies each queue got. */
  copies: Record<QueueName, number>;
}

/**
 * At-least-once delivery at its worst: every message any queue delivers comes a second time.
 * Before the consumer handles a message for the first time, a copy with the same body and
 * attributes goes back to the queue, to be received again like an SQS duplicate.
 */
export function duplicatedDelivery(system: SystemRef): DuplicatedDelivery {
  let idempotency: ((functionName: string) => BasePersistenceLayer) | undefined;
  const real = createLocalHandlers(
    () => system().deps,
    (functionName) => (idempotency ??= createLocalIdempotency({ endpoints: system().endpoints, tableName: LOCAL_TABLE_NAME }))(functionName),
    () => system().consoleDeps,
  );
  let sqs: SQSClient | undefined;
  const copied = new Set<string>();
  const copies = Object.fromEntries(QUEUES.map((queue) => [queue.name, 0])) as Record<QueueName, number>;

  const duplicating = (queueName: QueueName, consumer: (event: SQSEvent, context: Context) => Promise<unknown>) =>
    async (event: SQSEvent, context: Context) => {
      const queueUrl = system().infrastructure.queues[queueName].url;
      sqs ??= new SQSClient({ endpoint: system().endpoints.sqs, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      for (const record of event.Records.filter((candidate) => !copied.has(candidate.body))) {
        copied.add(record.body);
        await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: record.body, MessageAttributes: attributesOf(record) }));
        copies[queueName] += 1;
      }
      return consumer(event, context);
    };

  const handlers = Object.fromEntries(
    QUEUES.map((queue) => [queue.consumer, duplicating(queue.name, real[queue.consumer] as (event: SQSEvent, context: Context) => Promise<unknown>)]),
  ) as Partial<LocalHandlers>;
  return { handlers, copies };
}

/**
 * A publisher that fails the next `failNext` publishes as a process dying right after the
 * write would: nothing of that call reaches a queue.
 */
export class CrashingPublisher implements EventPublisher {
  failNext = 0;
  readonly lost: AnyEvent[] = [];

  constructor(private readonly inner: () => EventPublisher) {}

  async publish(events: AnyEvent[]): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      this.lost.push(...events);
      throw new Error('Simulated crash between storing the submission and queuing its event.');
    }
    await this.inner().publish(events);
  }
}

/**
 * A submission store whose reads of one project always fail, as a consumer with a bug that only
 * one message triggers; it also counts how often each project was read, i.e. delivered.
 */
export class PoisonedSubmissions {
  readonly reads = new Map<string, number>();

  constructor(
    private readonly inner: () => SubmissionStore,
    readonly poisonedProjectId: string,
  ) {}

  store(): SubmissionStore {
    return {
      appendVersion: (version) => this.inner().appendVersion(version),
      latestVersion: async (cycleId, projectId) => {
        this.reads.set(projectId, (this.reads.get(projectId) ?? 0) + 1);
        if (projectId === this.poisonedProjectId) throw new Error(`Simulated consumer bug on project ${projectId}.`);
        return this.inner().latestVersion(cycleId, projectId);
      },
      listVersions: (cycleId, projectId) => this.inner().listVersions(cycleId, projectId),
      latestVersions: (cycleId) => this.inner().latestVersions(cycleId),
    };
  }
}

type IndicatorWrite = 'beginContribution' | 'saveTotals' | 'commitContribution' | 'settleInFlight';

/**
 * An indicator store whose consumer dies right after one of its writes succeeded, as a Lambda
 * killed between the writes would: the write is stored, nothing after it happens, and the
 * message comes back after its visibility timeout.
 */
export class CrashingIndicators {
  private readonly planned: IndicatorWrite[] = [];
  readonly crashes: IndicatorWrite[] = [];

  constructor(private readonly inner: () => IndicatorStore) {}

  /** The next successful call of each of `writes` (in any order) is the consumer's last. */
  crashAfter(...writes: IndicatorWrite[]): void {
    this.planned.push(...writes);
  }

  private async after<T>(write: IndicatorWrite, call: Promise<T>): Promise<T> {
    const result = await call;
    const index = this.planned.indexOf(write);
    if (result !== false && index >= 0) {
      this.planned.splice(index, 1);
      this.crashes.push(write);
      throw new Error(`Simulated crash of the consumer right after ${write}.`);
    }
    return result;
  }

  store(): IndicatorStore {
    const inner = this.inner();
    return {
      getTotals: (cycleId) => inner.getTotals(cycleId),
      getContribution: (cycleId, projectId) => inner.getContribution(cycleId, projectId),
      listContributions: (cycleId) => inner.listContributions(cycleId),
      saveTotals: (record, expected) => this.after('saveTotals', inner.saveTotals(record, expected)),
      settleInFlight: (cycleId, projectId, version) => this.after('settleInFlight', inner.settleInFlight(cycleId, projectId, version)),
      beginContribution: (cycleId, projectId, applied, pending) =>
        this.after('beginContribution', inner.beginContribution(cycleId, projectId, applied, pending)),
      commitContribution: (cycleId, projectId, version) => this.after('commitContribution', inner.commitContribution(cycleId, projectId, version)),
    };
  }
}
