import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  MessageRejected,
  SendEmailCommand,
  SESv2Client,
  TooManyRequestsException,
  type SendEmailCommandInput,
} from '@aws-sdk/client-sesv2';
import { SesMailSender } from '../../../adapters/ses/mail-sender';
import type { OutgoingMail } from '../../../domain/ports';

const ses = mockClient(SESv2Client);
const sender = () =>
  new SesMailSender(new SESv2Client({ region: 'eu-central-1' }), {
    from: 'Chytřejší Liberecký kraj <monitoring@kraj-lbc.cz>',
    configurationSet: 'monitoring',
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });

const mail: OutgoingMail = {
  to: ['k.simonova@kraj-lbc.cz'],
  subject: 'Připomínka: termín pro podklady je zítra',
  html: '<p>Dobrý den, připomínáme termín.</p>',
  text: 'Dobrý den, připomínáme termín.',
};

const throttled = () => new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} });

function rawMessage(input: SendEmailCommandInput | undefined): string {
  return Buffer.from(input?.Content?.Raw?.Data ?? new Uint8Array()).toString('utf8');
}

beforeEach(() => {
  ses.reset();
});

describe('SesMailSender', () => {
  it('sends a mail without attachments as Simple UTF-8 content through the configuration set', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'zprava-1' });

    // Act
    const result = await sender().send(mail);

    // Assess
    expect(result).toEqual({ messageId: 'zprava-1' });
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, {
      FromEmailAddress: `=?UTF-8?B?${Buffer.from('Chytřejší Liberecký kraj').toString('base64')}?= <monitoring@kraj-lbc.cz>`,
      Destination: { ToAddresses: mail.to },
      ConfigurationSetName: 'monitoring',
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('sends a subject with line breaks on one line', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'zprava-4' });

    // Act
    await sender().send({ ...mail, subject: 'Pozvánka: Jana\r\nNováková\n(2. pololetí)' });

    // Assess
    const subject = ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple?.Subject;
    expect(subject).toEqual({ Data: 'Pozvánka: Jana Nováková (2. pololetí)', Charset: 'UTF-8' });
  });

  it('retries throttling and returns the id of the attempt that succeeded', async () => {
    // Prepare
    ses
      .on(SendEmailCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .rejectsOnce(Object.assign(new Error('Socket hang up'), { $retryable: {} }))
      .resolves({ MessageId: 'zprava-2' });

    // Act
    const result = await sender().send(mail);

    // Assess
    expect(result).toEqual({ messageId: 'zprava-2' });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 4);
  });

  it('gives up after five throttled attempts and rethrows, so the queue message comes back', async () => {
    // Prepare
    ses.on(SendEmailCommand).rejects(throttled());

    // Act
    const sending = sender().send(mail);

    // Assess
    await expect(sending).rejects.toBeInstanceOf(TooManyRequestsException);
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 5);
  });

  it('does not retry a rejection that is not throttling', async () => {
    // Prepare
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified.', $metadata: {} }));

    // Act
    const sending = sender().send(mail);

    // Assess
    await expect(sending).rejects.toBeInstanceOf(MessageRejected);
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
  });

  it('sends a mail with an attachment as raw multipart MIME with encoded Czech headers', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'zprava-3' });
    const content = new Uint8Array(Buffer.from('obsah přílohy'));
    const withAttachment: OutgoingMail = {
      ...mail,
      cc: ['Agentura regionálního rozvoje <arr@arr-liberec.cz>'],
      attachments: [{ filename: 'Zpráva č. 1.docx', contentType: 'application/octet-stream', content }],
    };

    // Act
    await sender().send(withAttachment);

    // Assess
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    const raw = rawMessage(input);
    expect(input?.Content?.Simple).toBeUndefined();
    expect(input?.Destination).toEqual({
      ToAddresses: mail.to,
      CcAddresses: [`=?UTF-8?B?${Buffer.from('Agentura regionálního rozvoje').toString('base64')}?= <arr@arr-liberec.cz>`],
    });
    expect(raw).toContain(`Subject: =?UTF-8?B?${Buffer.from(mail.subject).toString('base64')}?=`);
    expect(raw).toMatch(/Content-Type: multipart\/mixed; boundary="([^"]+)"/);
    expect(raw).toMatch(/Content-Type: multipart\/alternative; boundary="([^"]+)"/);
    expect(raw).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(raw).toContain('Content-Type: text/html; charset=UTF-8');
    expect(raw).toContain(`filename="Zprava_c._1.docx"; filename*=UTF-8''Zpr%C3%A1va%20%C4%8D.%201.docx`);
    expect(raw).toContain(Buffer.from(content).toString('base64'));
    expect(raw).toContain(Buffer.from(mail.text).toString('base64'));
    expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
  });
});
