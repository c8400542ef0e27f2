import { SendEmailCommand, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEvent, invitationRequestedV1, reminderDueV1 } from '../../../events';
import { handler } from '../../../functions/mailer';
import { CYCLE_ID, PUBLIC_BASE_URL, mockAws, seedOpenCycle, stubAwsEnvironment } from './aws';
import { IdempotencyTable } from './idempotency-table';
import { lambdaContext, sqsEvent, sqsRecord } from './events';

const aws = mockAws();
const idempotency = new IdempotencyTable(aws.dynamodb);

function invitation(contactPersonId = 'k-simonova') {
  return createEvent(invitationRequestedV1, { cycleId: CYCLE_ID, contactPersonId }, { correlationId: 'open-1', now: new Date() });
}

const throttled = () => new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} });

describe('mailer', () => {
  beforeEach(async () => {
    stubAwsEnvironment();
    aws.reset();
    idempotency.records.clear();
    idempotency.install();
    await seedOpenCycle(aws);
  });

  it('sends the invitation with a fresh personal link listing all of the person’s projects', async () => {
    // Prepare
    const event = sqsEvent(invitation());

    // Act
    const response = await handler(event, lambdaContext('mailer'));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(aws.ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    const input = aws.ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input?.Destination?.ToAddresses).toEqual(['k.simonova@example.org']);
    expect(input?.ConfigurationSetName).toBe('monitoring');
    const html = input?.Content?.Simple?.Body?.Html?.Data ?? '';
    expect(html).toContain('Digitalizace sbírek muzea');
    expect(html).toContain('Elektronický podpis na úřadě');
    expect(html).toMatch(new RegExp(`${PUBLIC_BASE_URL}/s/[A-Za-z0-9_-]{43}`));
  });

  it('does not send a second email when the same message is delivered again', async () => {
    // Prepare
    const message = invitation();
    await handler(sqsEvent(message), lambdaContext('mailer'));

    // Act
    const response = await handler(sqsEvent(message), lambdaContext('mailer'));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(aws.ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
  });

  it('sends nothing for a message whose idempotency record says it was handled', async () => {
    // Prepare
    const message = invitation();
    await handler(sqsEvent(message), lambdaContext('mailer'));
    const [[, stored]] = [...idempotency.records];
    idempotency.records.clear();
    idempotency.putCompleted(String(stored['PK']), String(stored['SK']), { sent: true, messageId: 'earlier', to: ['k.simonova@example.org'] });
    aws.ses.resetHistory();

    // Act
    const response = await handler(sqsEvent(message), lambdaContext('mailer'));

    // Assess
    expect(stored['PK']).toBe('IDEMPOTENCY#mailer');
    expect(response).toEqual({ batchItemFailures: [] });
    expect(aws.ses).not.toHaveReceivedCommand(SendEmailCommand);
  });

  it('sends two different messages for the same person twice: the key is the event id, not its content', async () => {
    // Prepare
    const event = sqsEvent(invitation(), invitation());

    // Act
    await handler(event, lambdaContext('mailer'));

    // Assess
    expect(aws.ses).toHaveReceivedCommandTimes(SendEmailCommand, 2);
  });

  it('retries SES throttling and then sends', async () => {
    // Prepare
    aws.ses.on(SendEmailCommand).rejectsOnce(throttled()).resolves({ MessageId: 'after-retry' });

    // Act
    const response = await handler(sqsEvent(invitation()), lambdaContext('mailer'));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(aws.ses).toHaveReceivedCommandTimes(SendEmailCommand, 2);
  });

  it('reports a record that is still throttled after the retries, and sends it on redelivery', async () => {
    // Prepare
    const failing = sqsRecord(JSON.stringify(invitation('k-simonova')), 'throttled-message');
    const fine = sqsRecord(JSON.stringify(invitation('v-ondracek')), 'fine-message');
    aws.ses.on(SendEmailCommand, { Destination: { ToAddresses: ['k.simonova@example.org'] } }).rejects(throttled());

    // Act
    const response = await handler(sqsEvent(failing, fine), lambdaContext('mailer'));
    aws.ses.on(SendEmailCommand, { Destination: { ToAddresses: ['k.simonova@example.org'] } }).resolves({ MessageId: 'later' });
    const redelivery = await handler(sqsEvent(failing), lambdaContext('mailer'));

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'throttled-message' }] });
    expect(redelivery).toEqual({ batchItemFailures: [] });
    const recipients = aws.ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input.Destination?.ToAddresses?.[0]);
    expect(recipients.filter((to) => to === 'v.ondracek@example.org')).toHaveLength(1);
    expect(recipients.at(-1)).toBe('k.simonova@example.org');
  });

  it('fails only the malformed message of a batch', async () => {
    // Prepare
    const event = sqsEvent(
      sqsRecord('{"type": "invitation-requested", ', 'not-json'),
      sqsRecord(JSON.stringify({ ...invitation(), data: { cycleId: 'loni' } }), 'breaks-contract'),
      sqsRecord(JSON.stringify(invitation()), 'good'),
    );

    // Act
    const response = await handler(event, lambdaContext('mailer'));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'not-json' }, { itemIdentifier: 'breaks-contract' }]);
    expect(aws.ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
  });

  it('sends a reminder only about the projects still missing', async () => {
    // Prepare
    await aws.store.cycles.markRequestSubmitted(CYCLE_ID, 'digitalizace-sbirek', 1, '2026-03-01T09:00:00.000Z');
    const reminder = createEvent(
      reminderDueV1,
      { cycleId: CYCLE_ID, stage: 'before-7d', audience: { kind: 'contact', contactPersonId: 'k-simonova' } },
      { correlationId: 'sweep-1', now: new Date() },
    );

    // Act
    const response = await handler(sqsEvent(reminder), lambdaContext('mailer'));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const html = aws.ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple?.Body?.Html?.Data ?? '';
    expect(html).toContain('Elektronický podpis na úřadě');
    expect(html).not.toContain('Digitalizace sbírek muzea');
  });
});
