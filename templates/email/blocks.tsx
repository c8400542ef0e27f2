/**
 * Emails are described once as blocks and rendered twice, to HTML and to plain text, so both
 * parts always carry the same facts. The HTML part is JSX, so every text is escaped on rendering.
 */
import type { ComponentChildren } from 'preact';
import { oneLine } from '../format';
import { renderPage } from '../jsx/render';
import type { RenderedEmail } from '../../domain/emails';

export type Inline = string | { strong: string } | { href: string; text: string };

export type Block =
  | { kind: 'paragraph'; content: Inline[]; muted?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: Inline[][] }
  /** Lines kept together, e.g. a signature. */
  | { kind: 'lines'; lines: Inline[][] }
  | { kind: 'button'; href: string; text: string };

export const ARR_NAME = 'ARR – Agentura regionálního rozvoje, spol. s r. o.';

const FOOTER =
  'Tento e-mail byl odeslán automaticky systémem pro monitoring akčního plánu koncepce ' +
  'Chytřejší Liberecký kraj.';

const STYLE = {
  body: 'margin:0;padding:0;background-color:#f3f4f6;',
  container:
    'max-width:640px;margin:0 auto;padding:24px;background-color:#ffffff;color:#1a1a1a;' +
    'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;',
  paragraph: 'margin:0 0 16px 0;',
  muted: 'margin:0 0 16px 0;color:#4b5563;font-size:14px;',
  heading: 'margin:24px 0 8px 0;font-size:18px;line-height:1.3;color:#1a1a1a;',
  list: 'margin:0 0 16px 0;padding-left:24px;',
  listItem: 'margin:0 0 6px 0;',
  link: 'color:#0b4f9c;text-decoration:underline;',
  button:
    'display:inline-block;padding:12px 20px;background-color:#0b4f9c;color:#ffffff;' +
    'font-weight:bold;text-decoration:none;border-radius:4px;',
  footer: 'margin:32px 0 0 0;padding-top:16px;border-top:1px solid #d1d5db;color:#4b5563;font-size:13px;',
} as const;

function InlineHtml(props: { inline: Inline }) {
  const { inline } = props;
  if (typeof inline === 'string') return <>{inline}</>;
  if ('strong' in inline) return <strong>{inline.strong}</strong>;
  return (
    <a href={inline.href} style={STYLE.link}>
      {inline.text}
    </a>
  );
}

function inlinesHtml(inlines: Inline[]): ComponentChildren {
  return inlines.map((inline) => <InlineHtml inline={inline} />);
}

/** A link whose text already is its address (an email, a URL) is written once. */
function inlineText(inline: Inline): string {
  if (typeof inline === 'string') return inline;
  if ('strong' in inline) return inline.strong;
  const address = inline.href.replace(/^mailto:/, '');
  return address === inline.text ? inline.text : `${inline.text} (${address})`;
}

function BlockHtml(props: { block: Block }) {
  const { block } = props;
  switch (block.kind) {
    case 'paragraph':
      return <p style={block.muted ? STYLE.muted : STYLE.paragraph}>{inlinesHtml(block.content)}</p>;
    case 'heading':
      return <h2 style={STYLE.heading}>{block.text}</h2>;
    case 'list':
      return (
        <ul style={STYLE.list}>
          {block.items.map((item) => (
            <li style={STYLE.listItem}>{inlinesHtml(item)}</li>
          ))}
        </ul>
      );
    case 'lines':
      return (
        <p style={STYLE.paragraph}>
          {block.lines.map((line, index) => (
            <>
              {index > 0 ? <br /> : null}
              {inlinesHtml(line)}
            </>
          ))}
        </p>
      );
    case 'button':
      return (
        <p style={STYLE.paragraph}>
          <a href={block.href} style={STYLE.button}>
            {block.text}
          </a>
        </p>
      );
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.content.map(inlineText).join('');
    case 'heading':
      return `${block.text}\n${'-'.repeat(block.text.length)}`;
    case 'list':
      return block.items.map((item) => `- ${item.map(inlineText).join('')}`).join('\n');
    case 'lines':
      return block.lines.map((line) => line.map(inlineText).join('')).join('\n');
    case 'button':
      return `${block.text}:\n${block.href}`;
  }
}

export function renderEmail(subject: string, blocks: Block[]): RenderedEmail {
  const cleanSubject = oneLine(subject);
  const html = renderPage(
    <html lang="cs">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{cleanSubject}</title>
      </head>
      <body style={STYLE.body}>
        <div style={STYLE.container}>
          {blocks.map((block) => (
            <BlockHtml block={block} />
          ))}
          <p style={STYLE.footer}>{FOOTER}</p>
        </div>
      </body>
    </html>,
  );
  // "-- " with its space is the signature separator mail clients recognise (RFC 3676): they grey
  // out what follows and leave it out of a reply.
  const text = `${blocks.map(blockText).join('\n\n')}\n\n-- \n${FOOTER}\n`;
  return { subject: cleanSubject, html, text };
}
