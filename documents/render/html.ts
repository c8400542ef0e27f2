/**
 * Renders a document tree as one self-contained, print-ready HTML page. Every piece of text, in
 * element content and in attributes alike, goes through `escapeHtml`.
 */
import { slugify } from '../../domain/slug';
import { escapeHtml } from '../../templates/html';
import { isWebLink, tocEntries } from '../blocks';
import type { Block, DocumentModel, FieldsBlock, HeadingBlock, Inline, ListBlock, ParagraphBlock, TableBlock, TitleBlock } from '../blocks';

/** Escapes, then keeps the author's line breaks (spaces are kept: the text may be part of a sentence). */
function multiline(value: string): string {
  const lines = value.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '');
  return escapeHtml(lines).replace(/\n+/g, '<br>');
}

const STYLES = `
:root { color-scheme: light; }
body { font-family: Calibri, "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
header.title-block { text-align: center; margin: 4rem 0; }
header.title-block .kicker { font-weight: bold; font-size: 1.6rem; letter-spacing: 0.05em; }
header.title-block h1 { font-style: italic; font-weight: normal; font-size: 1.5rem; }
header.title-block .subtitle { font-style: italic; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; color: #00457e; }
h3 { font-size: 1.15rem; margin-top: 1.8rem; color: #00457e; }
h4 { font-size: 1rem; margin-top: 1.4rem; font-style: italic; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc ol ol { padding-left: 1.5rem; }
nav.toc a { color: inherit; }
dl.fields { display: grid; grid-template-columns: minmax(10rem, 14rem) 1fr; gap: 0.3rem 1rem; margin: 0.5rem 0 1.2rem; }
dl.fields dt { font-style: italic; }
dl.fields dd { margin: 0; }
.missing { color: #9b1c1c; font-weight: bold; }
.note { font-style: italic; font-size: 0.95em; }
table { border-collapse: collapse; margin: 0.8rem 0 1.2rem; min-width: 60%; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
th, td { border: 1px solid #9aa5b1; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef4; }
tbody th { font-weight: normal; }
tr.group th { background: #f3f6f9; font-weight: bold; }
td.numeric { text-align: right; white-space: nowrap; }
tfoot th, tfoot td { font-weight: bold; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  @page { size: A4; margin: 2cm; }
  header.title-block { margin: 8cm 0 0; break-after: page; }
  h2.chapter { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  table, dl.fields, li { break-inside: avoid; }
  nav.toc a { text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
}
`;

class Anchors {
  private readonly used = new Set<string>();
  private readonly byHeading = new Map<HeadingBlock, string>();

  of(block: HeadingBlock): string {
    const known = this.byHeading.get(block);
    if (known) return known;
    const base = slugify(block.tocText ?? block.text) || 'kapitola';
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    this.byHeading.set(block, id);
    return id;
  }
}

function inline(part: Inline): string {
  let html = multiline(part.text);
  if (part.bold) html = `<strong>${html}</strong>`;
  if (part.italic) html = `<em>${html}</em>`;
  if (part.href && isWebLink(part.href)) html = `<a href="${escapeHtml(part.href)}">${html}</a>`;
  return html;
}

function title(block: TitleBlock): string {
  const kicker = block.kicker ? `<p class="kicker">${escapeHtml(block.kicker)}</p>` : '';
  const subtitle = block.subtitle ? `<p class="subtitle">${escapeHtml(block.subtitle)}</p>` : '';
  return `<header class="title-block">${kicker}<h1>${escapeHtml(block.title)}</h1>${subtitle}</header>`;
}

function headingHtml(block: HeadingBlock, anchors: Anchors): string {
  const cls = block.chapter ? ' class="chapter"' : '';
  return `<h${block.level} id="${escapeHtml(anchors.of(block))}"${cls}>${escapeHtml(block.text)}</h${block.level}>`;
}

function paragraphHtml(block: ParagraphBlock): string {
  const cls = block.tone ? ` class="${block.tone}"` : '';
  return `<p${cls}>${block.inlines.map(inline).join('')}</p>`;
}

function fieldsHtml(block: FieldsBlock): string {
  const items = block.items.map(
    (item) =>
      `<dt>${escapeHtml(item.label)}:</dt><dd${item.missing ? ' class="missing"' : ''}>${multiline(item.value)}</dd>`,
  );
  return `<dl class="fields">${items.join('')}</dl>`;
}

function listHtml(block: ListBlock): string {
  return `<ul>${block.items.map((item) => `<li>${item.map(inline).join('')}</li>`).join('')}</ul>`;
}

function tableHtml(block: TableBlock): string {
  const cell = (value: string, index: number): string => {
    if (index === 0) return `<th scope="row">${multiline(value)}</th>`;
    const numeric = block.columns[index]?.numeric ? ' class="numeric"' : '';
    return `<td${numeric}>${multiline(value)}</td>`;
  };
  const head = block.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = block.rows
    .map((row) =>
      row.group
        ? `<tr class="group"><th scope="rowgroup" colspan="${block.columns.length}">${multiline(row.cells[0] ?? '')}</th></tr>`
        : `<tr>${row.cells.map(cell).join('')}</tr>`,
    )
    .join('');
  const foot = block.total ? `<tfoot><tr>${block.total.map(cell).join('')}</tr></tfoot>` : '';
  return `<table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>`;
}

function tocHtml(blocks: readonly Block[], anchors: Anchors): string {
  const entries = tocEntries(blocks);
  const link = (h: HeadingBlock) => `<a href="#${escapeHtml(anchors.of(h))}">${escapeHtml(h.tocText ?? h.text)}</a>`;
  const items: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as HeadingBlock;
    if (entry.level !== 2) continue;
    const children: string[] = [];
    for (let j = i + 1; j < entries.length && (entries[j] as HeadingBlock).level === 3; j++) {
      children.push(`<li>${link(entries[j] as HeadingBlock)}</li>`);
    }
    items.push(`<li>${link(entry)}${children.length ? `<ol>${children.join('')}</ol>` : ''}</li>`);
  }
  return `<nav class="toc" aria-label="Obsah"><ol>${items.join('')}</ol></nav>`;
}

export function renderHtmlDocument(model: DocumentModel, meta: { generatedAt?: string } = {}): string {
  const anchors = new Anchors();
  const body = model.blocks.map((block): string => {
    switch (block.kind) {
      case 'title':
        return title(block);
      case 'heading':
        return headingHtml(block, anchors);
      case 'paragraph':
        return paragraphHtml(block);
      case 'fields':
        return fieldsHtml(block);
      case 'list':
        return listHtml(block);
      case 'table':
        return tableHtml(block);
      case 'toc':
        return tocHtml(model.blocks, anchors);
    }
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="cs">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(meta.generatedAt ? [`<meta name="dcterms.created" content="${escapeHtml(meta.generatedAt)}">`] : []),
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
