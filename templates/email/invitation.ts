import { deadlineStatus, describeDeadlineStatus, formatDeadline, PROJECT_STATUS_LABELS } from '../format';
import { countOf, czechPlural, PROJECT_FORMS } from '../../domain/czech-plural';
import type { InvitationView, RenderedEmail } from '../../domain/emails';
import type { Block } from './blocks';
import { renderEmail } from './blocks';
import { personalLinkNote, projectItems, questionsContact, signature } from './common';

/**
 * One email per contact person, listing all of their projects behind a single personal link. When
 * ARR sends a new link after revoking the earlier ones, it says so instead of announcing the
 * collection again.
 */
export function renderInvitation(view: InvitationView): RenderedEmail {
  const deadline = formatDeadline(view.deadline);
  const remaining = describeDeadlineStatus(deadlineStatus(view.deadline, view.now));
  const count = view.projects.length;
  const statuses = Object.values(PROJECT_STATUS_LABELS).join(', ');

  const blocks: Block[] = [
    { kind: 'paragraph', content: ['Dobrý den,'] },
    {
      kind: 'paragraph',
      content: [
        ...(view.replacesRevokedLinks
          ? [
              'posíláme Vám nový osobní odkaz k podkladům pro monitorovací zprávu o naplňování akčního plánu koncepce ',
              `Chytřejší Liberecký kraj za ${view.periodLabel}. `,
              { strong: 'Odkazy, které jste dostali dříve, už neplatí.' },
              ' ',
            ]
          : [
              'zahajujeme sběr podkladů pro monitorovací zprávu o naplňování akčního plánu koncepce ',
              `Chytřejší Liberecký kraj za ${view.periodLabel}. `,
            ]),
        czechPlural(count, {
          one: 'Jste kontaktní osobou tohoto projektu:',
          few: `Jste kontaktní osobou těchto projektů (${countOf(count, PROJECT_FORMS)}):`,
          many: `Jste kontaktní osobou těchto projektů (${countOf(count, PROJECT_FORMS)}):`,
        }),
      ],
    },
    { kind: 'list', items: projectItems(view.projects) },
    { kind: 'heading', text: 'Co od Vás potřebujeme' },
    { kind: 'paragraph', content: ['Ke každému projektu prosíme o:'] },
    {
      kind: 'list',
      items: [
        [`co se v projektu udělalo v období ${view.periodLabel},`],
        ['plán na další pololetí,'],
        [`stav projektu (${statuses}),`],
        ['příspěvek projektu k indikátorům akčního plánu za sledované období.'],
      ],
    },
    {
      kind: 'paragraph',
      content: ['U každého projektu uvidíte jako výchozí bod plán, který jste uvedli v minulém období.'],
    },
    { kind: 'heading', text: 'Termín' },
    {
      kind: 'paragraph',
      content: ['Podklady prosíme vyplňte do ', { strong: deadline }, ` (${remaining}).`],
    },
    { kind: 'button', href: view.link, text: 'Vyplnit podklady' },
    personalLinkNote(view.recipientName),
    {
      kind: 'paragraph',
      content: [
        'Všechny projekty vyplníte na jedné stránce; odeslané podklady můžete až do uzavření sběru opravit.',
      ],
    },
    { kind: 'heading', text: 'Kontakt na ARR' },
    questionsContact(view.arrContact),
    signature(view.arrContact.name),
  ];

  const subject = view.replacesRevokedLinks
    ? `Nový odkaz: podklady k monitoringu akčního plánu za ${view.periodLabel} – termín ${deadline}`
    : `Podklady k monitoringu akčního plánu za ${view.periodLabel} – termín ${deadline}`;
  return renderEmail(subject, blocks);
}
