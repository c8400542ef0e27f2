/**
 * `POST /local/ses-events` (local only, with the ARR key): an SES event notification in SES's
 * own JSON goes into the SES events queue as SNS's raw delivery would put it, so the deployed
 * consumer (functions/ses-events.ts) handles it the same way. The local SES emulator cannot
 * bounce; this is how a bounce, a complaint or a delivery is played locally
 * (`npm run arr -- ses-event FILE`, tests/fixtures/ses/).
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { readSesEvent, UnreadableSesEventError } from '../adapters/ses/event-notification';

const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

export function createSesEventInbox(sqs: SQSClient, queueUrl: string) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const text = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
      // Checked here too, so a wrong file gets an answer instead of a trip to the dead-letter queue.
      const notification = readSesEvent(parsed);
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: text }));
      return json(202, { queued: true, outcome: notification.outcome, cycleId: notification.cycleId, contactPersonId: notification.contactPersonId });
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof UnreadableSesEventError) {
        return json(400, { message: 'Tělo není oznámení SES o nedoručení, stížnosti ani doručení (JSON ve tvaru SES).', details: { body: error.message } });
      }
      throw error;
    }
  };
}
