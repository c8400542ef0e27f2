// The SQS publisher and the SES sender against local-aws-sqs and aws-ses-v2-local through the real SDK.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailSender } from '../../../adapters/ses/mail-sender';
import { eventRoutes, SqsEventPublisher } from '../../../adapters/sqs/event-publisher';
import {
  createEvent,
  cycleOpenedV1,
  invitationRequestedV1,
  parseEvent,
  reminderDueV1,
  reportReadyV1,
  reportRequestedV1,
  submissionReceivedV1,
  type AnyEvent,
} from '../../../events';
import type { RunningEmulators } from '../../../local/emulators';
import { clearSentEmails, listSentEmails } from '../../../local/ses-inbox';
import { localClientConfig, startTestEmulators } from '../emulators';

let emulators: RunningEmulators;
let sqs: SQSClient;
let ses: SESv2Client;
let queueCounter = 0;

const options = { correlationId: 'cycle-2025-h2', now: new Date('2026-01-05T08:00:00.000Z') };

async function createQueues(): Promise<{ mail: string; submissions: string; report: string; notify: string }> {
  const create = async (name: string): Promise<string> => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-${++queueCounter}` }));
    return QueueUrl as string;
  };
  return { mail: await create('mail'), submissions: await create('submissions'), report: await create('report'), notify: await create('notify') };
}

async function drain(queueUrl: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (;;) {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageAttributeNames: ['All'] }),
    );
    if (!Messages || Messages.length === 0) return messages;
    messages.push(...Messages);
  }
}

const typesOf = (messages: Message[]): string[] => messages.map((message) => parseEvent(JSON.parse(message.Body ?? '')).type).sort();

beforeAll(async () => {
  emulators = await startTestEmulators();
  sqs = new SQSClient(localClientConfig(emulators.endpoints.sqs));
  ses = new SESv2Client(localClientConfig(emulators.endpoints.ses));
});

afterAll(async () => {
  sqs?.destroy();
  ses?.destroy();
  await emulators?.stop();
});

describe('SqsEventPublisher', () => {
  it('routes each event to the queue of its consumer and only logs events nobody consumes', async () => {
    // Prepare
    const queues = await createQueues();
    const logged: string[] = [];
    const publisher = new SqsEventPublisher(sqs, eventRoutes(queues), { info: (message) => logged.push(message) });
    const invitations = Array.from({ length: 23 }, (_, index) =>
      createEvent(invitationRequestedV1, { cycleId: '2025-H2', contactPersonId: `osoba-${index}` }, options),
    );
    const events: AnyEvent[] = [
      ...invitations,
      createEvent(reminderDueV1, reminderDueV1.example, options),
      createEvent(submissionReceivedV1, submissionReceivedV1.example, options),
      createEvent(reportRequestedV1, reportRequestedV1.example, options),
      createEvent(reportReadyV1, reportReadyV1.example, options),
      createEvent(cycleOpenedV1, cycleOpenedV1.example, options),
    ];

    // Act
    await publisher.publish(events);

    // Assess
    const mail = await drain(queues.mail);
    expect(typesOf(mail)).toEqual([...Array(23).fill('invitation-requested'), 'reminder-due']);
    expect(typesOf(await drain(queues.submissions))).toEqual(['submission-received']);
    expect(typesOf(await drain(queues.report))).toEqual(['report-requested']);
    expect(typesOf(await drain(queues.notify))).toEqual(['report-ready']);
    expect(logged).toHaveLength(1);
    const first = mail.find((message) => JSON.parse(message.Body ?? '').id === invitations[0]?.id);
    expect(JSON.parse(first?.Body ?? '')).toEqual(invitations[0]);
    expect(first?.MessageAttributes?.['type']?.StringValue).toBe('invitation-requested');
    expect(first?.MessageAttributes?.['version']?.StringValue).toBe('1');
  });
});

describe('SesMailSender', () => {
  const sender = () =>
    new SesMailSender(ses, { from: 'Chytřejší Liberecký kraj <monitoring@kraj-lbc.cz>', retry: { baseDelayMs: 1 } });

  beforeEach(async () => {
    await clearSentEmails(emulators.endpoints.ses);
  });

  it('sends a mail without attachments as Simple content', async () => {
    // Prepare
    const mail = {
      to: ['k.simonova@kraj-lbc.cz'],
      cc: ['arr@arr-liberec.cz'],
      subject: 'Výzva k vyplnění podkladů za 1. pololetí 2026',
      html: '<p>Dobrý den, paní Šimonová, prosíme o vyplnění podkladů.</p>',
      text: 'Dobrý den, paní Šimonová, prosíme o vyplnění podkladů.',
    };

    // Act
    const { messageId } = await sender().send(mail);

    // Assess
    expect(await listSentEmails(emulators.endpoints.ses)).toMatchObject([
      { messageId, to: mail.to, cc: mail.cc, subject: mail.subject, html: mail.html, text: mail.text, attachments: [] },
    ]);
  });

  it('sends a mail with an attachment as raw MIME that a mail parser reads back in Czech', async () => {
    // Prepare
    const document = new Uint8Array(Buffer.from('PK\u0003\u0004 zkušební obsah dokumentu'));
    const mail = {
      to: ['ridici.skupina@kraj-lbc.cz', 'Jana Nováková <jana.novakova@kraj-lbc.cz>'],
      subject: 'Monitorovací zpráva za 1. pololetí 2026 – podklady pro jednání řídící skupiny Chytřejší Liberecký kraj',
      html: '<h1>Monitorovací zpráva</h1><p>V příloze zasíláme zprávu ke schválení.</p>',
      text: 'Monitorovací zpráva\nV příloze zasíláme zprávu ke schválení.',
      attachments: [
        {
          filename: 'Monitorovací zpráva 01-2026.docx',
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          content: document,
        },
      ],
    };

    // Act
    const { messageId } = await sender().send(mail);

    // Assess
    const [sent] = await listSentEmails(emulators.endpoints.ses);
    expect(sent).toMatchObject({
      messageId,
      from: '"Chytřejší Liberecký kraj" <monitoring@kraj-lbc.cz>',
      to: ['ridici.skupina@kraj-lbc.cz', 'jana.novakova@kraj-lbc.cz'],
      subject: mail.subject,
      text: mail.text,
      attachments: [{ filename: mail.attachments[0]?.filename, contentType: mail.attachments[0]?.contentType, size: document.length }],
    });
    expect(sent?.html).toContain('V příloze zasíláme zprávu ke schválení.');
  });
});
