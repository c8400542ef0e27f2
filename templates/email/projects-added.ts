import { deadlineStatus, describeDeadlineStatus, formatDeadline } from '../format';
import { czechPlural, THESE_PROJECTS_DATIVE_FORMS } from '../../domain/czech-plural';
import type { InvitationView, RenderedEmail } from '../../domain/emails';
import type { Block } from './blocks';
import { renderEmail } from './blocks';
import { personalLinkNote, projectItems, questionsContact, signature } from './common';

/**
 * To a person asked for projects after the cycle opened: ARR added projects of theirs to the open
 * cycle, or made them a contact person of projects it asks for. It names just those; the page
 * behind the link shows them with the person's other projects.
 */
export function renderProjectsAdded(view: InvitationView): RenderedEmail {
  const deadline = formatDeadline(view.deadline);
  const status = deadlineStatus(view.deadline, view.now);
  const count = view.projects.length;
  const theseProjects = czechPlural(count, THESE_PROJECTS_DATIVE_FORMS);

  const blocks: Block[] = [
    { kind: 'paragraph', content: ['Dobrý den,'] },
    {
      kind: 'paragraph',
      content: [
        `pro monitorovací zprávu za ${view.periodLabel} od Vás nově potřebujeme podklady `,
        czechPlural(count, {
          one: 'k projektu, u kterého jste kontaktní osobou:',
          few: 'k projektům, u kterých jste kontaktní osobou:',
          many: 'k projektům, u kterých jste kontaktní osobou:',
        }),
      ],
    },
    { kind: 'list', items: projectItems(view.projects) },
    {
      kind: 'paragraph',
      content: [
        `Podklady k ${theseProjects} vyplníte přes odkaz níže: co se v projektu udělalo, plán na další pololetí, stav projektu a příspěvek k indikátorům. Máte-li v monitoringu i jiné projekty, najdete je na téže stránce.`,
      ],
    },
    status.kind === 'ahead'
      ? { kind: 'paragraph', content: ['Podklady prosíme vyplňte do ', { strong: deadline }, ` (${describeDeadlineStatus(status)}).`] }
      : { kind: 'paragraph', content: ['Termín sběru (', { strong: deadline }, ') už uplynul, podklady proto prosíme doplňte co nejdříve.'] },
    { kind: 'button', href: view.link, text: 'Vyplnit podklady' },
    personalLinkNote(view.recipientName),
    questionsContact(view.arrContact),
    signature(view.arrContact.name),
  ];

  const subject = czechPlural(count, {
    one: `Nový projekt k monitoringu akčního plánu za ${view.periodLabel}`,
    few: `Nové projekty k monitoringu akčního plánu za ${view.periodLabel}`,
    many: `Nové projekty k monitoringu akčního plánu za ${view.periodLabel}`,
  });
  return renderEmail(subject, blocks);
}
