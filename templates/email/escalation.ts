import { deadlineStatus, describeDeadlineStatus, formatDeadline, sentence } from '../format';
import { CARRIED_OUT_DATIVE_FORMS, countOf, czechPlural, PROJECT_FORMS, THESE_PROJECTS_DATIVE_FORMS } from '../../domain/czech-plural';
import type { Contact, EscalationView, RenderedEmail } from '../../domain/emails';
import { OUTSIDE_PLAN_NAME } from '../../domain/plan';
import type { Block, Inline } from './blocks';
import { renderEmail } from './blocks';
import { contactInline, signature } from './common';

function lateItem(entry: EscalationView['late'][number]): Inline[] {
  if (entry.contacts.length === 0) return [{ strong: entry.projectName }, ' – kontaktní osoba není uvedena'];
  const contacts = entry.contacts.flatMap((contact, index) => [
    ...(index > 0 ? [', '] : []),
    ...contactInline(contact),
    ...(contact.undelivered === undefined ? [] : [{ strong: ` – pozvánka se nedoručila (${contact.undelivered})` }]),
  ]);
  const label = czechPlural(entry.contacts.length, {
    one: 'kontaktní osoba',
    few: 'kontaktní osoby',
    many: 'kontaktní osoby',
  });
  return [{ strong: entry.projectName }, ` – ${label}: `, ...contacts];
}

/** Tells an activity area's guarantor (or ARR) which projects are late and whom to chase. */
export function renderEscalation(view: EscalationView): RenderedEmail {
  const deadline = formatDeadline(view.deadline);
  const overdue = describeDeadlineStatus(deadlineStatus(view.deadline, view.now));
  const count = view.late.length;
  const theseProjects = czechPlural(count, THESE_PROJECTS_DATIVE_FORMS);

  const blocks: Block[] = [
    { kind: 'paragraph', content: ['Dobrý den,'] },
    {
      kind: 'paragraph',
      content: [
        view.areaName === null
          ? `po termínu nám chybějí podklady za ${view.periodLabel} k ${theseProjects} ${czechPlural(count, CARRIED_OUT_DATIVE_FORMS)} mimo oblasti aktivit akčního plánu `
          : `v oblasti aktivit „${view.areaName}“ nám po termínu chybějí podklady za ${view.periodLabel} k ${theseProjects} `,
        `(${countOf(count, PROJECT_FORMS)}). Termín byl `,
        { strong: deadline },
        ` (${overdue}).`,
      ],
    },
    { kind: 'heading', text: 'Projekty bez podkladů' },
    { kind: 'list', items: view.late.map(lateItem) },
    {
      kind: 'paragraph',
      content: [
        'Prosíme Vás o pomoc s doplněním podkladů, například připomenutím u uvedených kontaktních osob. ',
        'Kontaktní osoby vyplňují podklady přes svůj osobní odkaz, který dostaly e-mailem.',
      ],
    },
    { kind: 'paragraph', muted: true, content: [sentence(`Tento přehled je určen pro: ${view.recipientName}`)] },
    signature(),
  ];

  return renderEmail(
    `Chybějící podklady za ${view.periodLabel} – ${view.areaName ?? OUTSIDE_PLAN_NAME} (${countOf(count, PROJECT_FORMS)})`,
    blocks,
  );
}
