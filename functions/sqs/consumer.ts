/**
 * The shape of every queue consumer: Powertools batch processing with partial responses, so one
 * bad message is retried (and finally parked in the dead-letter queue) without holding back or
 * replaying the rest of its batch.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseEvent, type EventOfType, type EventType as DomainEventType } from '../../events';
import { logger } from '../observability';

/** A message that is not an event of this queue. It fails alone; its redeliveries end in the DLQ. */
export class UnexpectedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedMessageError';
  }
}

/** The event a queue message carries, validated against its published contract. */
export function eventOfRecord<T extends DomainEventType>(record: SQSRecord, accepts: readonly T[]): EventOfType<T> {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new UnexpectedMessageError(`Message ${record.messageId} is not JSON.`);
  }
  const event = parseEvent(body);
  if (!(accepts as readonly DomainEventType[]).includes(event.type)) {
    throw new UnexpectedMessageError(
      `Message ${record.messageId} carries a "${event.type}" event; this queue takes ${accepts.join(', ')}.`,
    );
  }
  return event as EventOfType<T>;
}

export interface ConsumerOptions<T extends DomainEventType> {
  accepts: readonly T[];
  /** Handles one event; returns a small summary for the log line. Throwing fails only this record. */
  handle: (event: EventOfType<T>) => Promise<Record<string, unknown>>;
  /** Runs at the start of every invocation, before any record (e.g. to register the Lambda context). */
  beforeBatch?: (context: Context) => void;
  /** false where every record writes the same item: run side by side they would only conflict. Default true. */
  inParallel?: boolean;
}

export function sqsConsumer<T extends DomainEventType>(options: ConsumerOptions<T>) {
  const processor = new BatchProcessor(EventType.SQS);

  // Records run concurrently, so their identifiers go into each log line rather than into shared logger keys.
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const ids: Record<string, unknown> = { messageId: record.messageId };
    try {
      const event = eventOfRecord(record, options.accepts);
      Object.assign(ids, { eventId: event.id, eventType: event.type, correlationId: event.correlationId, cycleId: event.data.cycleId });
      const summary = await options.handle(event);
      logger.info('Event handled', { ...ids, ...summary });
    } catch (error) {
      logger.error('Event failed; it will be retried', { ...ids, error: error as Error });
      throw error;
    }
  };

  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .handler(async (event: SQSEvent, context: Context) => {
      options.beforeBatch?.(context);
      // A batch whose every record failed is reported like any other, not thrown: the answer names them all.
      return processPartialResponse(event, recordHandler, processor, {
        context,
        throwOnFullBatchFailure: false,
        processInParallel: options.inParallel ?? true,
      });
    });
}
