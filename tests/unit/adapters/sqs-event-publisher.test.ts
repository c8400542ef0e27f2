import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { EventPublishError, eventRoutes, SqsEventPublisher } from '../../../adapters/sqs/event-publisher';
import { createEvent, cycleClosedV1, invitationRequestedV1, submissionReceivedV1 } from '../../../events';

const sqs = mockClient(SQSClient);
const queues = {
  mail: 'https://sqs.eu-central-1.amazonaws.com/1/mail',
  submissions: 'https://sqs.eu-central-1.amazonaws.com/1/submissions',
  report: 'https://sqs.eu-central-1.amazonaws.com/1/report',
  notify: 'https://sqs.eu-central-1.amazonaws.com/1/notify',
};
const options = { correlationId: 'cycle-2026-h1', now: new Date('2026-06-02T08:00:00.000Z') };
const invitation = (contactPersonId: string) =>
  createEvent(invitationRequestedV1, { cycleId: '2026-H1', contactPersonId }, options);

function publisher(logged: Array<{ message: string; extra?: object }> = []) {
  return new SqsEventPublisher(
    new SQSClient({ region: 'eu-central-1' }),
    eventRoutes(queues),
    { info: (message, extra) => logged.push({ message, ...(extra ? { extra } : {}) }) },
    { baseDelayMs: 1 },
  );
}

beforeEach(() => {
  sqs.reset();
});

describe('SqsEventPublisher', () => {
  it('sends batches of at most ten, each message carrying the envelope and its type and version', async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const events = Array.from({ length: 23 }, (_, index) => invitation(`osoba-${index}`));

    // Act
    await publisher().publish(events);

    // Assess
    const batches = sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input);
    expect(batches.map((batch) => batch.Entries?.length)).toEqual([10, 10, 3]);
    expect(batches.every((batch) => batch.QueueUrl === queues.mail)).toBe(true);
    expect(batches[0]?.Entries?.[0]).toEqual({
      Id: '0',
      MessageBody: JSON.stringify(events[0]),
      MessageAttributes: {
        type: { DataType: 'String', StringValue: 'invitation-requested' },
        version: { DataType: 'Number', StringValue: '1' },
      },
    });
  });

  it('resends only the failed entries of a partial batch failure', async () => {
    // Prepare
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Successful: [{ Id: '0', MessageId: 'a', MD5OfMessageBody: 'x' }], Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }] })
      .resolves({ Successful: [{ Id: '1', MessageId: 'b', MD5OfMessageBody: 'y' }], Failed: [] });
    const events = [invitation('m-fena'), invitation('k-simonova')];

    // Act
    await publisher().publish(events);

    // Assess
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 2);
    expect(sqs.commandCalls(SendMessageBatchCommand)[1]?.args[0].input.Entries?.map((entry) => entry.MessageBody)).toEqual([
      JSON.stringify(events[1]),
    ]);
  });

  it('throws after three attempts rather than drop an event', async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });

    // Act
    const publishing = publisher().publish([invitation('m-fena')]);

    // Assess
    await expect(publishing).rejects.toBeInstanceOf(EventPublishError);
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 3);
  });

  it('throws at once on a sender fault, which a retry would only repeat', async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InvalidMessageContents', SenderFault: true }] });

    // Act
    const publishing = publisher().publish([invitation('m-fena')]);

    // Assess
    await expect(publishing).rejects.toThrow(/InvalidMessageContents/);
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 1);
  });

  it('only logs an event that no queue consumes, and routes the rest', async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const logged: Array<{ message: string; extra?: object }> = [];
    const closed = createEvent(cycleClosedV1, cycleClosedV1.example, options);
    const received = createEvent(submissionReceivedV1, submissionReceivedV1.example, options);

    // Act
    await publisher(logged).publish([closed, received]);

    // Assess
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 1);
    expect(sqs).toHaveReceivedCommandWith(SendMessageBatchCommand, { QueueUrl: queues.submissions });
    expect(logged).toEqual([{ message: expect.any(String), extra: { eventId: closed.id, eventType: 'cycle-closed' } }]);
  });
});
