import { deadlineStatus, describeDeadlineStatus, formatDeadline } from '../format';
import { czechPlural, THESE_PROJECTS_DATIVE_FORMS } from '../../domain/czech-plural';
import type { RenderedEmail, ReminderView } from '../../domain/emails';
import type { Block } from './blocks';
import { renderEmail } from './blocks';
import { contactInline, personalLinkNote, projectItems, signature } from './common';

/** A short nudge listing only the projects still waiting for a report. */
export function renderReminder(view: ReminderView): RenderedEmail {
  const deadline = formatDeadline(view.deadline);
  const remaining = describeDeadlineStatus(deadlineStatus(view.deadline, view.now));
  const theseProjects = czechPlural(view.projects.length, THESE_PROJECTS_DATIVE_FORMS);

  const intro: Block[] =
    view.stage === 'before'
      ? [
          {
            kind: 'paragraph',
            content: [`připomínáme, že k ${theseProjects} od Vás zatím nemáme podklady za ${view.periodLabel}:`],
          },
          { kind: 'list', items: projectItems(view.projects) },
          { kind: 'paragraph', content: ['Termín odevzdání: ', { strong: deadline }, ` (${remaining}).`] },
        ]
      : [
          {
            kind: 'paragraph',
            content: [
              `termín pro odevzdání podkladů za ${view.periodLabel} byl `,
              { strong: deadline },
              ` (${remaining}) a k ${theseProjects} nám od Vás podklady zatím chybějí:`,
            ],
          },
          { kind: 'list', items: projectItems(view.projects) },
          { kind: 'paragraph', content: ['Prosíme o doplnění co nejdříve, odkaz stále platí.'] },
        ];

  const help: Block =
    view.stage === 'before'
      ? { kind: 'paragraph', content: ['Pokud potřebujete s čímkoli pomoci, napište nám: ', ...contactInline(view.arrContact), '.'] }
      : {
          kind: 'paragraph',
          content: [
            'Pokud potřebujete více času nebo projekt už nemáte na starosti, dejte nám prosím vědět: ',
            ...contactInline(view.arrContact),
            '.',
          ],
        };

  const blocks: Block[] = [
    { kind: 'paragraph', content: ['Dobrý den,'] },
    ...intro,
    { kind: 'button', href: view.link, text: 'Vyplnit podklady' },
    personalLinkNote(view.recipientName),
    help,
    { kind: 'paragraph', content: ['Děkujeme!'] },
    signature(view.arrContact.name),
  ];

  const subject =
    view.stage === 'before'
      ? `Připomínka: podklady za ${view.periodLabel} do ${deadline} (${remaining})`
      : `Po termínu: chybějí podklady za ${view.periodLabel} (termín byl ${deadline})`;
  return renderEmail(subject, blocks);
}
