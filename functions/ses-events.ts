/**
 * SesEventsQueue consumer: SES bounce, complaint and delivery events (configuration set → SNS →
 * SQS, raw message delivery) recorded against the contact person and the cycle. Powertools
 * batch processing reports failed records alone; an unreadable message fails alone too and
 * ends in the dead-letter queue. Redelivery is harmless: the use case records each SES event
 * once and tells ARR once per person and cycle.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { readSesEvent, UnreadableSesEventError } from '../adapters/ses/event-notification';
import { recordDeliveryEvent, type DeliveryDeps } from '../domain/use-cases/record-delivery-event';
import { awsClock, awsConfig, awsCycles, awsMail, awsPlans } from './composition/aws';
import { deliveryEmails } from '../templates/email';
import { logger } from './observability';

/** The ports this function's use case reads: all it composes (bottom of the file). */
export type SesEventsDependencies = DeliveryDeps;

export function createSesEventsHandler(deps: () => SesEventsDependencies) {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      throw new UnreadableSesEventError(`Message ${record.messageId} is not JSON.`);
    }
    try {
      const notification = readSesEvent(body);
      const result = await recordDeliveryEvent(deps(), notification);
      // Addresses are personal data: the log names the person's id and the cycle, never the address.
      logger.info('SES event handled', {
        messageId: record.messageId,
        outcome: notification.outcome,
        cycleId: notification.cycleId,
        contactPersonId: notification.contactPersonId,
        ...result,
      });
    } catch (error) {
      logger.error('SES event failed; it will be retried', { messageId: record.messageId, error: error as Error });
      throw error;
    }
  };
  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .handler(async (event: SQSEvent, context: Context) =>
      processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false }),
    );
}

export const handler = createSesEventsHandler(() => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  clock: awsClock,
  config: awsConfig(),
  mail: awsMail(),
  emails: deliveryEmails,
}));
