import { parsePeriodId } from '../period';
import { contactDisplayName } from '../plan';
import type { Dependencies, EmailTemplates } from '../ports';
import type { DeliveryOutcome } from '../records';

/** An SES event about one email, as the edge read it from SES's JSON. */
export interface DeliveryNotification {
  outcome: DeliveryOutcome;
  /** Unique per SES event: the bounce's or complaint's feedback id, or `delivery-<message id>`. */
  eventId: string;
  sesMessageId: string;
  occurredAt: string;
  recipients: Array<{ email: string; reason: string }>;
  /** The message tags every email to a contact person carries (adapters/ses/mail-sender.ts). */
  cycleId: string | null;
  contactPersonId: string | null;
}

export type DeliveryResult =
  | { recorded: false; reason: 'not-a-contact-email' | 'unknown-contact' | 'duplicate' }
  | { recorded: true; outcome: DeliveryOutcome; flagged: boolean; arrNotified: boolean };

export type DeliveryDeps = Pick<Dependencies, 'clock' | 'config' | 'plans' | 'cycles' | 'mail'> & { emails: Pick<EmailTemplates, 'undeliverable'> };

/**
 * Records what SES says about an email to a contact person, against the person and the cycle.
 * A hard bounce or a complaint flags the address in the cycle (no more reminders to it, the
 * dashboard shows it, the escalation names it) and tells ARR once. A soft bounce (SES retries
 * it) and a delivery are only recorded and shown.
 *
 * SES and SQS deliver at least once: the event is recorded under its own id, the flag keeps
 * the first one, and ARR's notice is claimed once per person and cycle, so a redelivered event
 * changes nothing twice. A bounce of an address the person no longer has (ARR changed it) is
 * recorded but flags nothing.
 */
export async function recordDeliveryEvent(deps: DeliveryDeps, notification: DeliveryNotification): Promise<DeliveryResult> {
  const { cycleId, contactPersonId } = notification;
  if (cycleId === null || contactPersonId === null) return { recorded: false, reason: 'not-a-contact-email' };
  const [cycle, contact] = await Promise.all([deps.cycles.getCycle(cycleId), deps.cycles.getContact(cycleId, contactPersonId)]);
  if (!cycle || !contact) return { recorded: false, reason: 'unknown-contact' };
  const plan = await deps.plans.getPlan(cycle.planId);
  const person = plan.contactPersons.find((candidate) => candidate.id === contactPersonId);
  const now = deps.clock.now().toISOString();

  let recordedAny = false;
  for (const recipient of notification.recipients) {
    const recorded = await deps.cycles.recordDeliveryEvent({
      cycleId,
      contactPersonId,
      eventId: `${notification.eventId}#${recipient.email}`,
      outcome: notification.outcome,
      email: recipient.email,
      reason: recipient.reason,
      occurredAt: notification.occurredAt,
      sesMessageId: notification.sesMessageId,
      recordedAt: now,
    });
    recordedAny ||= recorded;
  }

  const serious = notification.outcome === 'hard-bounce' || notification.outcome === 'complaint';
  const current = person ? notification.recipients.find((recipient) => recipient.email.toLowerCase() === person.email.toLowerCase()) : undefined;
  if (!serious || !person || !current) {
    return recordedAny ? { recorded: true, outcome: notification.outcome, flagged: false, arrNotified: false } : { recorded: false, reason: 'duplicate' };
  }
  // Both steps are idempotent, so they run again for a redelivered event: a crash after the
  // record above but before them is made up by the redelivery.
  const outcome = notification.outcome as 'hard-bounce' | 'complaint';
  await deps.cycles.markUndeliverable(cycleId, contactPersonId, { outcome, email: current.email, reason: current.reason, at: notification.occurredAt });
  let arrNotified = false;
  if (await deps.cycles.claimUndeliverableNotice(cycleId, contactPersonId, now)) {
    try {
      const email = deps.emails.undeliverable({
        personName: contactDisplayName(person),
        email: current.email,
        periodLabel: parsePeriodId(cycleId).label,
        outcome,
        reason: current.reason,
        projects: contact.projectIds.flatMap((id) => plan.projects.find((project) => project.id === id)?.name ?? []),
      });
      await deps.mail.send({ to: [deps.config.arr.email], ...email });
      arrNotified = true;
    } catch (error) {
      // Not sent: give the claim back so the retried message sends it.
      await deps.cycles.releaseUndeliverableNotice(cycleId, contactPersonId);
      throw error;
    }
  }
  if (!recordedAny && !arrNotified) return { recorded: false, reason: 'duplicate' };
  return { recorded: true, outcome, flagged: true, arrNotified };
}
