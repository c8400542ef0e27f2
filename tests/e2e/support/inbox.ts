/**
 * The SES emulator's store, read as a sequence: a mark taken before a step and the emails after
 * it tell exactly what that step sent.
 */
import { listSentEmails, type SentEmail } from '../../../local/ses-inbox';

export type { SentEmail };

export interface InboxMark {
  count: number;
}

export class Inbox {
  constructor(private readonly sesEndpoint: string) {}

  all(): Promise<SentEmail[]> {
    return listSentEmails(this.sesEndpoint);
  }

  async mark(): Promise<InboxMark> {
    return { count: (await this.all()).length };
  }

  /** Emails sent after the mark, in the order the emulator received them. */
  async since(mark: InboxMark): Promise<SentEmail[]> {
    return (await this.all()).slice(mark.count);
  }
}

/** The plain-text part, or the HTML part when the email has none. */
export function bodyOf(email: SentEmail): string {
  return email.text ?? email.html ?? '';
}

/** Every personal link (`<api>/s/<43-character token>`) an email carries, each once. */
export function personalLinksOf(email: SentEmail, apiUrl: string): string[] {
  const escaped = apiUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escaped}/s/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`, 'g');
  return [...new Set(bodyOf(email).match(pattern) ?? [])];
}

/** Recipient → how many of the emails went to them. */
export function countByRecipient(emails: SentEmail[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const recipient of emails.flatMap((email) => email.to)) counts[recipient] = (counts[recipient] ?? 0) + 1;
  return counts;
}

/** Recipient → the personal link of the last email to them that carried one. */
export function linksByRecipient(emails: SentEmail[], apiUrl: string): Map<string, string> {
  const links = new Map<string, string>();
  for (const email of emails) {
    const [link] = personalLinksOf(email, apiUrl);
    if (link !== undefined) for (const recipient of email.to) links.set(recipient, link);
  }
  return links;
}
