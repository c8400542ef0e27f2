/** The personal link of a contact person, as their invitation email carries it. */
import type { SentEmail } from '../../../local/ses-inbox';

/**
 * @throws Error when the address got no email, or its email has no link into the system.
 */
export function personalLinkOf(emails: SentEmail[], address: string, apiUrl: string): string {
  const email = emails.find((candidate) => candidate.to.includes(address));
  if (!email) throw new Error(`No email was sent to ${address}; sent to: ${emails.flatMap((candidate) => candidate.to).join(', ')}`);
  const pattern = new RegExp(`${apiUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/s/[^\\s"'<>]+`);
  const link = pattern.exec(email.text ?? '')?.[0] ?? pattern.exec(email.html ?? '')?.[0];
  if (!link) throw new Error(`The email „${email.subject}“ to ${address} carries no personal link under ${apiUrl}/s/.`);
  return link;
}
