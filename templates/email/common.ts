import type { Block, Inline } from './blocks';
import { ARR_NAME } from './blocks';
import type { Contact, ProjectLine } from '../../domain/emails';

export function projectItems(projects: ProjectLine[]): Inline[][] {
  return projects.map((project) => [{ strong: project.name }, ` – oblast aktivit: ${project.activityAreaName}`]);
}

export function contactInline(contact: Contact): Inline[] {
  return [contact.name, ' (', { href: `mailto:${contact.email}`, text: contact.email }, ')'];
}

/** Whom to ask. As a label, so the name needs no declension („obraťte se na Janu Novákovou“). */
export function questionsContact(contact: Contact): Block {
  return { kind: 'paragraph', content: ['Kontakt pro dotazy: ', ...contactInline(contact), '.'] };
}

/** The link lets its holder edit the reports, so the email says plainly whom it belongs to. */
export function personalLinkNote(recipientName: string): Block {
  return {
    kind: 'paragraph',
    muted: true,
    content: [
      `Odkaz je osobní a patří jen Vám (${recipientName}). Prosíme, nepřeposílejte ho – kdokoli, `,
      'kdo ho má, může podklady za Vás upravit.',
    ],
  };
}

export function signature(senderName?: string): Block {
  const lines: Inline[][] = [['S pozdravem']];
  // Where ARR's contact is the agency itself (no person named), its name is signed once.
  if (senderName && senderName !== ARR_NAME) lines.push([senderName]);
  lines.push([ARR_NAME]);
  return { kind: 'lines', lines };
}
