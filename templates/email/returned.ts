import { deadlineStatus, describeDeadlineStatus, formatDate, formatDeadline } from '../format';
import type { ProjectReturnedView, RenderedEmail } from '../../domain/emails';
import type { Block } from './blocks';
import { renderEmail } from './blocks';
import { personalLinkNote, projectItems, questionsContact, signature } from './common';

/** ARR asks a contact person to revise one project's report: the comment, and the same personal link. */
export function renderProjectReturned(view: ProjectReturnedView): RenderedEmail {
  const deadline = formatDeadline(view.deadline);
  const remaining = describeDeadlineStatus(deadlineStatus(view.deadline, view.now));
  const blocks: Block[] = [
    { kind: 'paragraph', content: ['Dobrý den,'] },
    {
      kind: 'paragraph',
      content: [
        `děkujeme za podklady za ${view.periodLabel}. Podklady k tomuto projektu, které jste odeslali `,
        { strong: formatDate(view.submittedAt) },
        ` (verze ${view.version}), Vám vracíme k doplnění:`,
      ],
    },
    { kind: 'list', items: projectItems([view.project]) },
    { kind: 'heading', text: 'Co prosíme doplnit nebo opravit' },
    { kind: 'lines', lines: view.comment.split('\n').map((line) => [line]) },
    {
      kind: 'paragraph',
      content: [
        'Na stránce s Vašimi projekty najdete tento komentář u projektu. Upravte prosím podklady a uložte je znovu; ',
        'projekt do té doby vedeme jako nedodaný.',
      ],
    },
    { kind: 'paragraph', content: ['Termín odevzdání: ', { strong: deadline }, ` (${remaining}).`] },
    { kind: 'button', href: view.link, text: 'Doplnit podklady' },
    personalLinkNote(view.recipientName),
    questionsContact(view.arrContact),
    signature(view.arrContact.name),
  ];
  return renderEmail(`Vráceno k doplnění: ${view.project.name} (podklady za ${view.periodLabel})`, blocks);
}
