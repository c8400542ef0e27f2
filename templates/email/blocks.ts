/**
 * Emails are described once as blocks and rendered twice, to HTML and to plain text, so both
 * parts always carry the same facts. All escaping happens here.
 */
import { escapeHtml } from '../html';
import { oneLine } from '../format';

export type Inline = string | { strong: string } | { href: string; text: string };

export type Block =
  | { kind: 'paragraph'; content: Inline[]; muted?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: Inline[][] }
  /** Lines kept together, e.g. a signature. */
  | { kind: 'lines'; lines: Inline[][] }
  | { kind: 'button'; href: string; text: string };

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

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

function inlineHtml(inline: Inline): string {
  if (typeof inline === 'string') return escapeHtml(inline);
  if ('strong' in inline) return `<strong>${escapeHtml(inline.strong)}</strong>`;
  return `<a href="${escapeHtml(inline.href)}" style="${STYLE.link}">${escapeHtml(inline.text)}</a>`;
}

/** A link whose text already is its address (an email, a URL) is written once. */
function inlineText(inline: Inline): string {
  if (typeof inline === 'string') return inline;
  if ('strong' in inline) return inline.strong;
  const address = inline.href.replace(/^mailto:/, '');
  return address === inline.text ? inline.text : `${inline.text} (${address})`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${block.muted ? STYLE.muted : STYLE.paragraph}">${block.content.map(inlineHtml).join('')}</p>`;
    case 'heading':
      return `<h2 style="${STYLE.heading}">${escapeHtml(block.text)}</h2>`;
    case 'list':
      return (
        `<ul style="${STYLE.list}">` +
        block.items.map((item) => `<li style="${STYLE.listItem}">${item.map(inlineHtml).join('')}</li>`).join('') +
        '</ul>'
      );
    case 'lines':
      return `<p style="${STYLE.paragraph}">${block.lines.map((line) => line.map(inlineHtml).join('')).join('<br>')}</p>`;
    case 'button':
      return `<p style="${STYLE.paragraph}"><a href="${escapeHtml(block.href)}" style="${STYLE.button}">${escapeHtml(block.text)}</a></p>`;
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
  const html =
    '<!DOCTYPE html>\n' +
    '<html lang="cs">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(cleanSubject)}</title>\n</head>\n` +
    `<body style="${STYLE.body}">\n<div style="${STYLE.container}">\n` +
    blocks.map(blockHtml).join('\n') +
    `\n<p style="${STYLE.footer}">${escapeHtml(FOOTER)}</p>\n</div>\n</body>\n</html>\n`;
  const text = `${blocks.map(blockText).join('\n\n')}\n\n--\n${FOOTER}\n`;
  return { subject: cleanSubject, html, text };
}
