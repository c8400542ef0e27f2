/**
 * To ARR, once per contact person and cycle: the invitation did not arrive (a hard bounce or a
 * complaint), so ARR can find the right address and change it in the plan; a new link then
 * goes to the new address by itself.
 */
import { renderPage } from '../jsx/render';
import { oneLine } from '../format';
import { ARR_NAME } from './blocks';
import type { RenderedEmail, UndeliverableView } from '../../domain/emails';

const WHAT: Record<UndeliverableView['outcome'], string> = {
  'hard-bounce': 'E-mail se nepodařilo doručit (adresa je trvale nedostupná).',
  complaint: 'Příjemce označil e-mail jako nevyžádaný; další e-maily mu neposíláme.',
};

export function renderUndeliverableNotice(view: UndeliverableView): RenderedEmail {
  // A name imported in the plan's JSON may hold a line break, which cannot stand in a header.
  const subject = oneLine(`Pozvánka se nedoručila: ${view.personName} (${view.periodLabel})`);
  const next = 'Zjistěte prosím správnou adresu a změňte ji u kontaktní osoby v akčním plánu. Na novou adresu pak automaticky odejde nový odkaz a staré odkazy přestanou platit. Do té doby této osobě neposíláme připomínky a v eskalaci garantovi je uvedeno, že se pozvánka nedoručila.';
  const html = renderPage(
    <html lang="cs">
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">
        <p>Dobrý den,</p>
        <p>
          pozvánka k podkladům za {view.periodLabel} se nedoručila kontaktní osobě <strong>{view.personName}</strong> ({view.email}).
        </p>
        <p>{WHAT[view.outcome]}</p>
        <p>Důvod podle e-mailové služby: {view.reason}</p>
        <p>Projekty této osoby:</p>
        <ul>
          {view.projects.map((project) => (
            <li>{project}</li>
          ))}
        </ul>
        <p>{next}</p>
        <p>
          S pozdravem
          <br />
          {ARR_NAME} – monitorovací systém
        </p>
      </body>
    </html>,
  );
  const text = [
    'Dobrý den,',
    '',
    `pozvánka k podkladům za ${view.periodLabel} se nedoručila kontaktní osobě ${view.personName} (${view.email}).`,
    WHAT[view.outcome],
    `Důvod podle e-mailové služby: ${view.reason}`,
    '',
    'Projekty této osoby:',
    ...view.projects.map((project) => `- ${project}`),
    '',
    next,
    '',
    'S pozdravem',
    `${ARR_NAME} – monitorovací systém`,
  ].join('\n');
  return { subject, html, text };
}
