import { formatIsoDate, formatNumber, PROJECT_STATUS_LABELS } from '../format';
import { countOf, czechPlural, PROJECT_GENITIVE_FORMS } from '../../domain/czech-plural';
import type { RenderedEmail, SteeringGroupNoticeView } from '../../domain/emails';
import type { Block, Inline } from './blocks';
import { renderEmail } from './blocks';
import { signature } from './common';

function indicatorChange(indicator: SteeringGroupNoticeView['changedIndicators'][number]): Inline[] {
  const delta = indicator.current - indicator.previous;
  // A typographic minus, as Czech typesetting uses; the plus sign makes growth explicit.
  const signed = delta >= 0 ? `+${formatNumber(delta)}` : `−${formatNumber(-delta)}`;
  return [
    { strong: indicator.name },
    `: ${formatNumber(indicator.previous)} → ${formatNumber(indicator.current)} (${signed})`,
  ];
}

function completenessSentence(submitted: number, total: number): string {
  const share = total > 0 ? ` (${Math.round((submitted / total) * 100)} %)` : '';
  return `Podklady jsou k dispozici u ${submitted} z ${countOf(total, PROJECT_GENITIVE_FORMS)}${share}.`;
}

/** Sent to the steering group before its meeting: how complete the report is and what stands out. */
export function renderSteeringGroupNotice(view: SteeringGroupNoticeView): RenderedEmail {
  const meeting = formatIsoDate(view.meetingDate);
  const { submitted, total, missing } = view.completeness;

  const missingBlocks: Block[] =
    missing.length === 0
      ? [{ kind: 'paragraph', content: ['Podklady jsou kompletní.'] }]
      : [
          {
            kind: 'paragraph',
            content: [
              czechPlural(missing.length, {
                one: 'Chybějí podklady k tomuto projektu:',
                few: 'Chybějí podklady k těmto projektům:',
                many: 'Chybějí podklady k těmto projektům:',
              }),
            ],
          },
          {
            kind: 'list',
            items: missing.map((entry) => [
              { strong: entry.projectName },
              entry.contacts.length > 0
                ? ` – kontakt: ${entry.contacts.join(', ')}`
                : ' – kontaktní osoba není uvedena',
            ]),
          },
        ];

  const blocks: Block[] = [
    { kind: 'paragraph', content: ['Vážení členové Řídící skupiny koncepce Chytřejší Liberecký kraj,'] },
    {
      kind: 'paragraph',
      content: [
        'před jednáním Řídící skupiny dne ',
        { strong: meeting },
        ` Vám zasíláme monitorovací zprávu o naplňování akčního plánu za ${view.periodLabel}.`,
      ],
    },
    { kind: 'heading', text: 'Úplnost podkladů' },
    { kind: 'paragraph', content: [completenessSentence(submitted, total)] },
    ...missingBlocks,
    { kind: 'heading', text: 'Indikátory změněné oproti minulému období' },
    view.changedIndicators.length === 0
      ? { kind: 'paragraph', content: ['Žádný indikátor se oproti minulému období nezměnil.'] }
      : { kind: 'list', items: view.changedIndicators.map(indicatorChange) },
    { kind: 'heading', text: 'Zpožděné a zrušené projekty' },
    view.flaggedProjects.length === 0
      ? { kind: 'paragraph', content: ['Žádný projekt není zpožděný ani zrušený.'] }
      : {
          kind: 'list',
          items: view.flaggedProjects.map((project) => [
            { strong: project.name },
            ` – ${PROJECT_STATUS_LABELS[project.status]}`,
          ]),
        },
    { kind: 'heading', text: 'Projekty se skluzem' },
    { kind: 'paragraph', content: [view.slipLine] },
    { kind: 'heading', text: 'Zpráva ke stažení' },
    {
      kind: 'list',
      items: [
        [{ href: view.links.html, text: 'Zpráva k zobrazení v prohlížeči (HTML)' }],
        [{ href: view.links.md, text: 'Zpráva ve formátu Markdown' }],
        [{ href: view.links.docx, text: 'Zpráva ve formátu DOCX (Microsoft Word)' }],
      ],
    },
    signature(),
  ];

  return renderEmail(
    `Monitorovací zpráva za ${view.periodLabel} – podklady pro jednání Řídící skupiny ${meeting}`,
    blocks,
  );
}
