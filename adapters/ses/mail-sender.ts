import { SendEmailCommand, type SendEmailCommandInput, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailSender, OutgoingMail } from '../../domain/ports';
import { backoffDelay, sleep } from '../retry';
import { MAIL_TAGS } from './event-notification';
import { buildRawMessage, encodeAddress, singleLine } from './mime';

export interface SesMailSenderOptions {
  /** `Chytřejší Liberecký kraj <monitoring@kraj-lbc.cz>` or a bare address. */
  from: string;
  configurationSet?: string;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
}

const THROTTLING_ERRORS = new Set(['TooManyRequestsException', 'LimitExceededException', 'ThrottlingException']);

function isThrottling(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $retryable } = error as { name?: string; $retryable?: unknown };
  return (name !== undefined && THROTTLING_ERRORS.has(name)) || Boolean($retryable);
}

/**
 * Sends through SES v2: Simple content when there is nothing attached, Raw MIME otherwise. Either
 * way the subject goes out on one line, whatever text a template put into it.
 * Throttling is retried here (sending quotas are per second); after the last attempt the error
 * propagates, so the queue message that asked for the mail comes back and nothing is dropped.
 */
export class SesMailSender implements MailSender {
  private readonly from: string;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly ses: SESv2Client,
    private readonly options: SesMailSenderOptions,
  ) {
    this.from = encodeAddress(options.from);
    this.maxAttempts = options.retry?.maxAttempts ?? 5;
    this.baseDelayMs = options.retry?.baseDelayMs ?? 200;
    this.maxDelayMs = options.retry?.maxDelayMs ?? 5_000;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const input = this.toInput(mail);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const output = await this.ses.send(new SendEmailCommand(input));
        // SES always returns an id; were it missing, the mail is still sent and must not be sent again.
        return { messageId: output.MessageId ?? '' };
      } catch (error) {
        if (!isThrottling(error) || attempt >= this.maxAttempts) throw error;
        await sleep(backoffDelay(attempt, this.baseDelayMs, this.maxDelayMs));
      }
    }
  }

  private toInput(mail: OutgoingMail): SendEmailCommandInput {
    const destination = {
      ToAddresses: mail.to.map(encodeAddress),
      ...(mail.cc && mail.cc.length > 0 ? { CcAddresses: mail.cc.map(encodeAddress) } : {}),
    };
    const common = {
      FromEmailAddress: this.from,
      Destination: destination,
      ...(this.options.configurationSet ? { ConfigurationSetName: this.options.configurationSet } : {}),
      ...(mail.tags
        ? {
            EmailTags: [
              { Name: MAIL_TAGS.cycleId, Value: mail.tags.cycleId },
              { Name: MAIL_TAGS.contactPersonId, Value: mail.tags.contactPersonId },
            ],
          }
        : {}),
    };
    if (mail.attachments && mail.attachments.length > 0) {
      return { ...common, Content: { Raw: { Data: buildRawMessage(this.options.from, mail) } } };
    }
    return {
      ...common,
      Content: {
        Simple: {
          Subject: { Data: singleLine(mail.subject), Charset: 'UTF-8' },
          Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    };
  }
}
