/**
 * Renders a document tree as Markdown in the shape the project's report importer reads back:
 * `##`/`###`/`####` headings, and each project field as its own paragraph `**label:** value`.
 * User text is escaped just enough that it cannot open a heading, list, quote, table cell,
 * emphasis, link or raw HTML, nor split a field into two lines.
 */
import { builtOnFirstUse } from '../../domain/lazy';
import { isWebLink, tocEntries } from '../blocks';
import type { Block, DocumentModel, FieldsBlock, Inline, TableBlock, TitleBlock } from '../blocks';

/**
 * Characters that open inline markup anywhere in a line: code, emphasis (an underscore only at a
 * word boundary, so `snake_case` stays readable), GFM strikethrough, links and raw HTML; the
 * pipe, because a GFM table needs no pipe at the line's start (`a | b` over `:--- | ---` is one)
 * nor a blank line before it: a text's own lines could otherwise become a table; and an ampersand
 * that starts an entity, which a reader would show decoded (`&#65;` as `A`). A lone `&` is left as is.
 */
const inlineSpecial = builtOnFirstUse(() => new RegExp('[\\\\`*[<|~]|&(?=#?[\\p{L}\\p{N}]+;)|(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])', 'gu'));
/**
 * Line starts that would open a heading, quote, list, setext underline or fence; and the colon,
 * because `:-` alone is a table's delimiter row under any line that holds a pipe, even an escaped one.
 */
const BLOCK_START = /^(\s*)([#>+=~:-]|\d+[.)])/;

function escapeInline(value: string): string {
  return value.replace(inlineSpecial(), '\\$&');
}

/** Escapes a marker at the start of a Markdown line. */
function escapeBlockStart(line: string): string {
  return line.replace(BLOCK_START, (_match, indent: string, marker: string) =>
    /^\d/.test(marker) ? `${indent}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${indent}\\${marker}`,
  );
}

/**
 * Escapes user text for a paragraph or list item. Line breaks survive as hard breaks (two
 * trailing spaces, as in the region's reports); blank lines are dropped so the text stays one
 * paragraph. Spaces at the very start and end are kept: the text may be one piece of a sentence.
 * The first line's start is left to the block, which knows whether it starts a Markdown line.
 */
export function escapeMarkdown(value: string): string {
  const lines = value.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line, index) => (index === 0 ? line : line.trimStart()))
    .map((line, index) => (index === lines.length - 1 ? line : line.trimEnd()))
    .filter((line, _index, all) => line.trim() !== '' || all.length === 1)
    .map((line, index) => (index === 0 ? escapeInline(line) : escapeBlockStart(escapeInline(line))))
    .join('  \n');
}

/**
 * Text that follows a marker on its line (a label, `|`), so only inline markup matters. No-break
 * spaces (thousands separators) are kept.
 */
function escapeSingleLine(value: string): string {
  return escapeInline(value.replace(/[^\S\u00a0]+/g, ' ').trim());
}

/**
 * A leading `#` would read as part of the heading marker to a line-based reader, and a closing
 * `#` run would be stripped, so both are escaped.
 */
function escapeHeading(value: string): string {
  // One pass, so that a text of only `#` is escaped once, not by both rules.
  return escapeSingleLine(value).replace(/^#+$|^#|#+$/g, (run) => run.replace(/#/g, '\\#'));
}

function inline(part: Inline): string {
  // Emphasis markers must touch the text, so emphasised pieces lose their outer spaces.
  let md = escapeMarkdown(part.bold || part.italic ? part.text.trim() : part.text);
  if (md === '') return '';
  if (part.bold) md = `**${md}**`;
  if (part.italic) md = `*${md}*`;
  if (part.href && isWebLink(part.href)) md = `[${md}](<${part.href.replace(/[<>]/g, encodeURIComponent)}>)`;
  return md;
}

function title(block: TitleBlock): string {
  const lines: string[] = [];
  if (block.kicker) lines.push(`**${escapeSingleLine(block.kicker)}**`);
  lines.push(`*${escapeSingleLine(block.title)}*`);
  if (block.subtitle) lines.push(`*${escapeSingleLine(block.subtitle)}*`);
  return lines.join('\n\n');
}

/**
 * The importer reads line by line, so a field's value stays on its label's line: a continuation
 * line could otherwise be taken for a label or an activity sentence.
 */
function fields(block: FieldsBlock): string {
  return block.items
    .filter((item) => !item.humanOnly)
    .map((item) => `**${escapeSingleLine(item.label)}:** ${escapeSingleLine(item.value)}`)
    .join('\n\n');
}

function table(block: TableBlock): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeSingleLine).join(' | ')} |`;
  const lines = [
    row(block.columns.map((c) => c.label)),
    `| ${block.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`,
    ...block.rows.map((r) =>
      r.group
        ? `| **${escapeSingleLine(r.cells[0] ?? '')}** |${' |'.repeat(block.columns.length - 1)}`
        : row(r.cells),
    ),
  ];
  if (block.total) lines.push(`| ${block.total.map((c) => `**${escapeSingleLine(c)}**`).join(' | ')} |`);
  return lines.join('\n');
}

function toc(blocks: readonly Block[]): string {
  return tocEntries(blocks)
    .map((h) => `${h.level === 3 ? '  ' : ''}- ${escapeBlockStart(escapeSingleLine(h.tocText ?? h.text))}`)
    .join('\n');
}

export function renderMarkdownDocument(model: DocumentModel): string {
  const parts = model.blocks.map((block): string => {
    switch (block.kind) {
      case 'title':
        return title(block);
      case 'heading':
        return `${'#'.repeat(block.level)} ${escapeHeading(block.text)}`;
      case 'paragraph':
        return escapeBlockStart(block.inlines.map(inline).join('').trim());
      case 'fields':
        return fields(block);
      case 'list':
        return block.items
          .map((item) => `- ${escapeBlockStart(item.map(inline).join('').trim()).replace(/ {2}\n/g, '  \n  ')}`)
          .join('\n');
      case 'table':
        return table(block);
      case 'toc':
        return toc(model.blocks);
      case 'annex':
        return `## ${escapeHeading(block.heading)}\n\n${renderMarkdownDocument(block.document).trimEnd()}`;
    }
  });
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
