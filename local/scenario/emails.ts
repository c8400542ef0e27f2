/** What the scenario reads from the SES emulator's inbox: which kind each email is, and the personal links. */
import type { SentEmail } from '../ses-inbox';

export type EmailKind = 'invitation' | 'reminder' | 'overdue' | 'escalation' | 'undeliverable' | 'steering-group' | 'other';

export const EMAIL_KINDS: readonly EmailKind[] = ['invitation', 'reminder', 'overdue', 'escalation', 'undeliverable', 'steering-group', 'other'];

export const emailKindLabels: Record<EmailKind, string> = {
  invitation: 'pozvánka',
  reminder: 'připomínka',
  overdue: 'upozornění po termínu',
  escalation: 'eskalace garantovi',
  undeliverable: 'ARR: pozvánka se nedoručila',
  'steering-group': 'řídící skupina',
  other: 'jiné',
};

/** By subject, as a person sorting their inbox would (the subjects are set by templates/email/). */
export function classifyEmail(subject: string): EmailKind {
  if (subject.startsWith('Podklady k monitoringu')) return 'invitation';
  if (subject.startsWith('Připomínka:')) return 'reminder';
  if (subject.startsWith('Po termínu:')) return 'overdue';
  if (subject.startsWith('Chybějící podklady')) return 'escalation';
  if (subject.startsWith('Pozvánka se nedoručila')) return 'undeliverable';
  if (subject.startsWith('Monitorovací zpráva')) return 'steering-group';
  return 'other';
}

/** Emails of one period: every subject names the period (`1. pololetí 2026`). */
export function emailsOfPeriod(emails: SentEmail[], periodLabel: string): SentEmail[] {
  return emails.filter((email) => email.subject.includes(periodLabel));
}

export function countByKind(emails: SentEmail[]): Record<EmailKind, number> {
  const counts = Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, 0])) as Record<EmailKind, number>;
  for (const email of emails) counts[classifyEmail(email.subject)] += 1;
  return counts;
}

/** The `/s/<token>` path of the personal link in an email's text, or null. */
export function personalLinkPath(email: SentEmail): string | null {
  const source = email.text ?? email.html ?? '';
  return /\/s\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/.exec(source)?.[0] ?? null;
}
