/**
 * SES event publishing's JSON (configuration set → SNS, raw delivery into SQS), read into the
 * domain's DeliveryNotification. Only bounces, complaints and deliveries are subscribed; SES
 * writes `eventType` for event publishing and `notificationType` for identity notifications,
 * and both are accepted. The shapes follow the examples of the SES Developer Guide,
 * "Examples of event data that Amazon SES publishes to Amazon SNS".
 */
import { builtOnFirstUse } from '../../domain/lazy';
import * as z from 'zod/mini';
import type { DeliveryNotification } from '../../domain/use-cases/record-delivery-event';

/** The message tags every email to a contact person carries; SES hands them back in `mail.tags`. */
export const MAIL_TAGS = { cycleId: 'cycle-id', contactPersonId: 'contact-person-id' } as const;

const nonEmpty = () => z.string().check(z.minLength(1));

const mailSchema = builtOnFirstUse(() =>
  z.object({
    messageId: nonEmpty(),
    timestamp: z.string(),
    destination: z._default(z.array(z.string()), []),
    tags: z._default(z.record(z.string(), z.array(z.string())), {}),
  }),
);

const bounceSchema = builtOnFirstUse(() =>
  z.object({
    eventType: z.literal('Bounce'),
    mail: mailSchema(),
    bounce: z.object({
      bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
      bounceSubType: z._default(z.string(), ''),
      bouncedRecipients: z
        .array(
          z.object({
            emailAddress: z.string(),
            diagnosticCode: z.optional(z.string()),
            status: z.optional(z.string()),
            action: z.optional(z.string()),
          }),
        )
        .check(z.minLength(1)),
      timestamp: z.string(),
      feedbackId: nonEmpty(),
    }),
  }),
);

const complaintSchema = builtOnFirstUse(() =>
  z.object({
    eventType: z.literal('Complaint'),
    mail: mailSchema(),
    complaint: z.object({
      complainedRecipients: z.array(z.object({ emailAddress: z.string() })).check(z.minLength(1)),
      timestamp: z.string(),
      feedbackId: nonEmpty(),
      complaintFeedbackType: z.optional(z.string()),
    }),
  }),
);

const deliverySchema = builtOnFirstUse(() =>
  z.object({
    eventType: z.literal('Delivery'),
    mail: mailSchema(),
    delivery: z.object({
      timestamp: z.string(),
      recipients: z.array(z.string()).check(z.minLength(1)),
      smtpResponse: z._default(z.string(), ''),
    }),
  }),
);

const notificationSchema = builtOnFirstUse(() =>
  z.pipe(
    z.transform((value: unknown) =>
      typeof value === 'object' && value !== null && !('eventType' in value) && 'notificationType' in value
        ? { ...value, eventType: (value as { notificationType: unknown }).notificationType }
        : value,
    ),
    z.discriminatedUnion('eventType', [bounceSchema(), complaintSchema(), deliverySchema()]),
  ),
);

export class UnreadableSesEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableSesEventError';
  }
}

function tag(tags: Record<string, string[]>, name: string): string | null {
  return tags[name]?.[0] ?? null;
}

/** @throws UnreadableSesEventError for anything that is not an SES bounce, complaint or delivery. */
export function readSesEvent(input: unknown): DeliveryNotification {
  const result = notificationSchema().safeParse(input);
  if (!result.success) {
    throw new UnreadableSesEventError(`Not an SES bounce, complaint or delivery event: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const event = result.data;
  const common = {
    sesMessageId: event.mail.messageId,
    cycleId: tag(event.mail.tags, MAIL_TAGS.cycleId),
    contactPersonId: tag(event.mail.tags, MAIL_TAGS.contactPersonId),
  };
  switch (event.eventType) {
    case 'Bounce':
      return {
        ...common,
        outcome: event.bounce.bounceType === 'Permanent' ? 'hard-bounce' : 'soft-bounce',
        eventId: event.bounce.feedbackId,
        occurredAt: event.bounce.timestamp,
        recipients: event.bounce.bouncedRecipients.map((recipient) => ({
          email: recipient.emailAddress,
          reason: recipient.diagnosticCode ?? `${event.bounce.bounceType} ${event.bounce.bounceSubType}`.trim(),
        })),
      };
    case 'Complaint':
      return {
        ...common,
        outcome: 'complaint',
        eventId: event.complaint.feedbackId,
        occurredAt: event.complaint.timestamp,
        recipients: event.complaint.complainedRecipients.map((recipient) => ({
          email: recipient.emailAddress,
          reason: `complaint: ${event.complaint.complaintFeedbackType ?? 'not specified'}`,
        })),
      };
    case 'Delivery':
      return {
        ...common,
        outcome: 'delivered',
        eventId: `delivery-${event.mail.messageId}`,
        occurredAt: event.delivery.timestamp,
        recipients: event.delivery.recipients.map((email) => ({ email, reason: event.delivery.smtpResponse })),
      };
  }
}
