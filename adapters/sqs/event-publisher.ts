import {
  SendMessageBatchCommand,
  type BatchResultErrorEntry,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { AnyEvent, EventType } from '../../events';
import type { EventPublisher } from '../../domain/ports';
import { backoffDelay, sleep } from '../retry';

export type EventRoutes = Partial<Record<EventType, string>>;

export interface PublisherLogger {
  info(message: string, extra?: object): void;
}

export interface SqsPublisherOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
}

/** Which queue consumes which event. Events missing here have no consumer: they are only logged. */
export function eventRoutes(queues: { mail: string; submissions: string; report: string; notify: string }): EventRoutes {
  return {
    'invitation-requested': queues.mail,
    'reminder-due': queues.mail,
    'project-returned': queues.mail,
    'submission-received': queues.submissions,
    'report-requested': queues.report,
    'report-ready': queues.notify,
  };
}

/** SQS's limits of one SendMessageBatch: 10 entries, 256 KiB of bodies and attributes together. */
const BATCH_ENTRIES = 10;
const BATCH_BYTES = 256 * 1024;

export class EventPublishError extends Error {
  constructor(
    message: string,
    readonly failed: BatchResultErrorEntry[],
  ) {
    super(message);
    this.name = 'EventPublishError';
  }
}

export class SqsEventPublisher implements EventPublisher {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;

  constructor(
    private readonly sqs: SQSClient,
    private readonly routes: EventRoutes,
    private readonly logger?: PublisherLogger,
    options: SqsPublisherOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 100;
  }

  async publish(events: AnyEvent[]): Promise<void> {
    const byQueue = new Map<string, AnyEvent[]>();
    for (const event of events) {
      const queueUrl = this.routes[event.type];
      if (queueUrl === undefined) {
        this.logger?.info('Event has no consumer; not queued', { eventId: event.id, eventType: event.type });
        continue;
      }
      byQueue.set(queueUrl, [...(byQueue.get(queueUrl) ?? []), event]);
    }
    for (const [queueUrl, queued] of byQueue) {
      for (const batch of batches(queued.map(toEntry))) {
        // Ids need only be unique within a batch; positions are, even if one event is passed twice.
        await this.sendBatch(queueUrl, batch.map((entry, index) => ({ ...entry, Id: String(index) })));
      }
    }
  }

  /** Resends only the failed entries; a sender fault would fail again, so it is thrown at once. */
  private async sendBatch(queueUrl: string, entries: SendMessageBatchRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 1; ; attempt += 1) {
      const output = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }));
      const failed = output.Failed ?? [];
      if (failed.length === 0) return;
      const senderFaults = failed.filter((entry) => entry.SenderFault);
      if (senderFaults.length > 0 || attempt >= this.maxAttempts) {
        const reasons = failed.map((entry) => `${entry.Id}: ${entry.Code} ${entry.Message ?? ''}`.trim()).join('; ');
        throw new EventPublishError(
          `${failed.length} event(s) could not be queued to ${queueUrl} after ${attempt} attempt(s): ${reasons}`,
          failed,
        );
      }
      const failedIds = new Set(failed.map((entry) => entry.Id));
      pending = pending.filter((entry) => failedIds.has(entry.Id));
      await sleep(backoffDelay(attempt, this.baseDelayMs, 2_000));
    }
  }
}

function toEntry(event: AnyEvent): SendMessageBatchRequestEntry {
  return {
    Id: event.id,
    MessageBody: JSON.stringify(event),
    MessageAttributes: {
      type: { DataType: 'String', StringValue: event.type },
      version: { DataType: 'Number', StringValue: String(event.version) },
    },
  };
}

function entrySize(entry: SendMessageBatchRequestEntry): number {
  const attributes = Object.entries(entry.MessageAttributes ?? {}).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '') + Buffer.byteLength(value.StringValue ?? ''),
    0,
  );
  return Buffer.byteLength(entry.MessageBody ?? '') + attributes;
}

function batches(entries: SendMessageBatchRequestEntry[]): SendMessageBatchRequestEntry[][] {
  const result: SendMessageBatchRequestEntry[][] = [];
  let current: SendMessageBatchRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    if (current.length === BATCH_ENTRIES || (current.length > 0 && bytes + size > BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}
