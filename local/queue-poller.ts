/**
 * Lambda's SQS event source mapping, locally: long-polls a queue, hands the consumer batches of
 * the configured size as an SQS event, and deletes only what the consumer did not report in
 * `batchItemFailures`. A failed message stays in the queue, comes back after the visibility
 * timeout, and after the fifth receive the SQS emulator itself moves it to the dead-letter queue
 * (tests/integration/emulators.test.ts shows it does), exactly as on AWS.
 */
import { randomUUID } from 'node:crypto';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { LOCAL_REGION } from './composition';
import { createLambdaContext } from './lambda-context';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void | undefined>;

export interface QueueConsumer {
  /** For logs and the Lambda context, e.g. `mailer`. */
  functionName: string;
  queueUrl: string;
  queueArn: string;
  batchSize: number;
  timeoutSeconds: number;
  handler: SqsHandler;
}

export interface QueuePollerLogger {
  warn(message: string, extra?: object): void;
  error(message: string, extra?: object): void;
}

export interface QueuePollerOptions {
  /** Long-poll wait of the background loops; short, because stop() waits for the poll in flight. */
  waitTimeSeconds?: number;
  logger?: QueuePollerLogger;
}

export interface DrainOptions {
  /** Rounds over every queue before giving up; an idle round waits `idleDelayMs`. */
  maxRounds?: number;
  idleDelayMs?: number;
}

export class QueueNotDrainedError extends Error {
  override readonly name = 'QueueNotDrainedError';

  constructor(readonly remaining: Record<string, number>) {
    super(
      `Fronty se nevyprázdnily: ${Object.entries(remaining)
        .map(([queue, count]) => `${queue} ${count}`)
        .join(', ')} zpráv stále čeká nebo se opakuje.`,
    );
  }
}

/** A message whose processing failed: kept so that a shutdown can release it for the spool. */
interface FailedMessage {
  queueUrl: string;
  receiptHandle: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class QueuePoller {
  private running = false;
  private loops: Promise<void>[] = [];
  private inFlight = 0;
  private readonly failed = new Map<string, FailedMessage>();
  private readonly waitTimeSeconds: number;

  constructor(
    private readonly sqs: SQSClient,
    private readonly consumers: readonly QueueConsumer[],
    private readonly options: QueuePollerOptions = {},
  ) {
    this.waitTimeSeconds = options.waitTimeSeconds ?? 1;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = this.consumers.map((consumer) => this.loop(consumer));
  }

  /** Stops polling; resolves once every batch already received has been handled. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
  }

  /**
   * Processes until every queue is empty, nothing is in flight and nothing waits for a retry.
   * @throws QueueNotDrainedError when that does not happen within `maxRounds`.
   */
  async drainQueues(options: DrainOptions = {}): Promise<void> {
    const maxRounds = options.maxRounds ?? 600;
    const idleDelayMs = options.idleDelayMs ?? 50;
    for (let round = 0; round < maxRounds; round += 1) {
      const received = await Promise.all(this.consumers.map((consumer) => this.pollOnce(consumer, 0)));
      if (received.some((count) => count > 0)) continue;
      const remaining = await this.remainingMessages();
      if (this.inFlight === 0 && Object.values(remaining).every((count) => count === 0)) return;
      await sleep(idleDelayMs);
    }
    throw new QueueNotDrainedError(await this.remainingMessages());
  }

  /** Makes the messages that failed and wait for their visibility timeout receivable at once. */
  async releaseFailed(): Promise<void> {
    for (const [messageId, message] of this.failed) {
      this.failed.delete(messageId);
      await this.sqs
        .send(new ChangeMessageVisibilityCommand({ QueueUrl: message.queueUrl, ReceiptHandle: message.receiptHandle, VisibilityTimeout: 0 }))
        // A handle goes stale once the message was received again or moved to its DLQ: nothing to release then.
        .catch(() => undefined);
    }
  }

  private async loop(consumer: QueueConsumer): Promise<void> {
    while (this.running) {
      try {
        await this.pollOnce(consumer, this.waitTimeSeconds);
      } catch (error) {
        this.options.logger?.error('Queue poll failed', { queue: consumer.queueUrl, error: describe(error) });
        if (this.running) await sleep(1_000);
      }
    }
  }

  /** One receive and, if it returned anything, one invocation. @returns how many messages it received. */
  private async pollOnce(consumer: QueueConsumer, waitTimeSeconds: number): Promise<number> {
    this.inFlight += 1;
    try {
      const { Messages: messages = [] } = await this.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: consumer.queueUrl,
          MaxNumberOfMessages: consumer.batchSize,
          WaitTimeSeconds: waitTimeSeconds,
          // The emulator honours only the deprecated AttributeNames; AWS reads both.
          AttributeNames: ['All'],
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      if (messages.length > 0) await this.invoke(consumer, messages);
      return messages.length;
    } finally {
      this.inFlight -= 1;
    }
  }

  private async invoke(consumer: QueueConsumer, messages: Message[]): Promise<void> {
    const records = messages.map((message) => toRecord(message, consumer.queueArn));
    let failedIds: Set<string>;
    try {
      const response = await consumer.handler(
        { Records: records },
        createLambdaContext(consumer.functionName, consumer.timeoutSeconds, randomUUID()),
      );
      failedIds = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
      // Lambda fails the whole batch when a reported identifier names no record of it.
      if ([...failedIds].some((id) => !records.some((record) => record.messageId === id))) {
        this.options.logger?.error('batchItemFailures names an unknown message; the whole batch is retried', {
          function: consumer.functionName,
        });
        failedIds = new Set(records.map((record) => record.messageId));
      }
    } catch (error) {
      this.options.logger?.error('Queue consumer failed; the whole batch is retried', {
        function: consumer.functionName,
        error: describe(error),
      });
      failedIds = new Set(records.map((record) => record.messageId));
    }

    const succeeded = messages.filter((message) => !failedIds.has(message.MessageId ?? ''));
    for (const message of messages) {
      if (failedIds.has(message.MessageId ?? '')) {
        this.failed.set(message.MessageId ?? '', { queueUrl: consumer.queueUrl, receiptHandle: message.ReceiptHandle ?? '' });
        this.options.logger?.warn('Message failed; it returns after the visibility timeout', {
          function: consumer.functionName,
          messageId: message.MessageId,
          receiveCount: message.Attributes?.ApproximateReceiveCount,
        });
      } else {
        this.failed.delete(message.MessageId ?? '');
      }
    }
    if (succeeded.length === 0) return;
    const result = await this.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: consumer.queueUrl,
        Entries: succeeded.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })),
      }),
    );
    if ((result.Failed ?? []).length > 0) {
      this.options.logger?.error('Some handled messages could not be deleted and will be delivered again', {
        function: consumer.functionName,
        failed: result.Failed,
      });
    }
  }

  private async remainingMessages(): Promise<Record<string, number>> {
    const remaining: Record<string, number> = {};
    for (const consumer of this.consumers) {
      const { Attributes = {} } = await this.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: consumer.queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
        }),
      );
      remaining[consumer.functionName] =
        Number(Attributes.ApproximateNumberOfMessages ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0);
    }
    return remaining;
  }
}

/** The record Lambda's event source mapping builds from a received message. */
export function toRecord(message: Message, queueArn: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'LOCAL',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        {
          dataType: value.DataType ?? 'String',
          ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
          ...(value.BinaryValue === undefined ? {} : { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }),
          stringListValues: [],
          binaryListValues: [],
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: LOCAL_REGION,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
