/**
 * Renders a document tree as one self-contained, print-ready HTML page, as JSX: every piece of
 * text, in element content and in attributes alike, is escaped on rendering.
 */
import type { ComponentChildren } from 'preact';
import { slugify } from '../../domain/slug';
import { renderPage, styleSheet } from '../../templates/jsx/render';
import { isWebLink, tocEntries } from '../blocks';
import type { AnnexBlock, Block, DocumentModel, FieldsBlock, HeadingBlock, Inline, ListBlock, ParagraphBlock, TableBlock, TitleBlock } from '../blocks';

/** Keeps the author's line breaks (spaces are kept: the text may be part of a sentence). */
function multiline(value: string): ComponentChildren {
  const text = value.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '');
  return text.split(/\n+/).map((line, index) => (
    <>
      {index > 0 ? <br /> : null}
      {line}
    </>
  ));
}

/** The document's own frame: a page of its own, printed on A4. */
const DOCUMENT_STYLES = `
:root { color-scheme: light; }
body { font-family: Calibri, "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
`;

/**
 * The look of the report's content, as [selectors, declarations]: written once for the document
 * and, each selector scoped, for the report's preview inside a console page, whose frame and
 * fonts are the console's own.
 */
const CONTENT_RULES: ReadonlyArray<readonly [string, string]> = [
  ['header.title-block', 'text-align: center; margin: 4rem 0;'],
  ['header.title-block .kicker', 'font-weight: bold; font-size: 1.6rem; letter-spacing: 0.05em;'],
  ['header.title-block h1, header.title-block .title', 'font-style: italic; font-weight: normal; font-size: 1.5rem;'],
  ['section.annex', 'margin-top: 4rem; border-top: 2px solid #00457e;'],
  ['header.title-block .subtitle', 'font-style: italic;'],
  ['h2', 'font-size: 1.35rem; margin-top: 2.5rem; color: #00457e;'],
  ['h3', 'font-size: 1.15rem; margin-top: 1.8rem; color: #00457e;'],
  ['h4', 'font-size: 1rem; margin-top: 1.4rem; font-style: italic;'],
  // The chapters carry their own numbers („1. Sledování trendů…“), as in the region's reports.
  ['nav.toc ol', 'list-style: none; padding-left: 0;'],
  ['nav.toc ol ol', 'padding-left: 1.5rem;'],
  ['nav.toc a', 'color: inherit;'],
  ['dl.fields', 'display: grid; grid-template-columns: minmax(10rem, 14rem) 1fr; gap: 0.3rem 1rem; margin: 0.5rem 0 1.2rem;'],
  ['dl.fields dt', 'font-style: italic;'],
  ['dl.fields dd', 'margin: 0;'],
  ['.missing', 'color: #9b1c1c; font-weight: bold;'],
  ['.note', 'font-style: italic; font-size: 0.95em;'],
  ['table', 'border-collapse: collapse; margin: 0.8rem 0 1.2rem; min-width: 60%;'],
  ['caption', 'text-align: left; font-weight: bold; padding-bottom: 0.3rem;'],
  ['th, td', 'border: 1px solid #9aa5b1; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top;'],
  ['thead th', 'background: #e8eef4;'],
  ['tbody th', 'font-weight: normal;'],
  ['tr.group th', 'background: #f3f6f9; font-weight: bold;'],
  ['td.numeric', 'text-align: right; white-space: nowrap;'],
  ['tfoot th, tfoot td', 'font-weight: bold;'],
];

/**
 * On a phone a project's labels go above their texts (beside them, both columns would be a few
 * words wide), and the title page's kicker is set smaller.
 */
const NARROW_CONTENT_RULES: ReadonlyArray<readonly [string, string]> = [
  ['header.title-block .kicker', 'font-size: 1.25rem;'],
  ['dl.fields', 'grid-template-columns: 1fr; gap: 0.15rem;'],
  ['dl.fields dd', 'margin: 0 0 0.4rem 1rem;'],
];

const PRINT_STYLES = `
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  @page { size: A4; margin: 2cm; }
  header.title-block { margin: 8cm 0 0; break-after: page; }
  section.annex { border-top: none; break-before: page; }
  h2.chapter { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  table, dl.fields, li { break-inside: avoid; }
  nav.toc a { text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
}
`;

function cssRules(rules: ReadonlyArray<readonly [string, string]>, scope: string): string {
  return rules
    .map(([selectors, declarations]) => {
      const scoped = selectors.split(',').map((selector) => `${scope}${selector.trim()}`);
      return `${scoped.join(', ')} { ${declarations} }`;
    })
    .join('\n');
}

/**
 * The stylesheet of the report's content with every selector inside `scope` (a selector and a
 * space, e.g. `.report-preview `): what a page that shows the report inside its own frame adds.
 */
export function reportContentStyles(scope: string): string {
  return `${cssRules(CONTENT_RULES, scope)}\n@media (max-width: 32rem) {\n${cssRules(NARROW_CONTENT_RULES, scope)}\n}\n`;
}

class Anchors {
  private readonly used: Set<string>;
  private readonly byHeading = new Map<HeadingBlock, string>();

  /** An annex's anchors start with its own anchor and share the page's set of used ids. */
  constructor(
    private readonly prefix = '',
    used = new Set<string>(),
  ) {
    this.used = used;
  }

  within(anchor: string): Anchors {
    this.used.add(anchor);
    return new Anchors(`${anchor}-`, this.used);
  }

  of(block: HeadingBlock): string {
    const known = this.byHeading.get(block);
    if (known) return known;
    const base = `${this.prefix}${slugify(block.tocText ?? block.text) || 'kapitola'}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    this.byHeading.set(block, id);
    return id;
  }
}

function InlineText(props: { part: Inline }) {
  const { part } = props;
  let content = multiline(part.text);
  if (part.bold) content = <strong>{content}</strong>;
  if (part.italic) content = <em>{content}</em>;
  if (part.href && isWebLink(part.href)) content = <a href={part.href}>{content}</a>;
  else if (part.anchor) content = <a href={`#${part.anchor}`}>{content}</a>;
  return <>{content}</>;
}

function inlines(parts: Inline[]): ComponentChildren {
  return parts.map((part) => <InlineText part={part} />);
}

/** An annex's title is not the page's: it is printed as large, but the page keeps one h1. */
function Title(props: { block: TitleBlock; annex: boolean }) {
  const { block } = props;
  return (
    <header class="title-block">
      {block.kicker ? <p class="kicker">{block.kicker}</p> : null}
      {props.annex ? <p class="title">{block.title}</p> : <h1>{block.title}</h1>}
      {block.subtitle ? <p class="subtitle">{block.subtitle}</p> : null}
    </header>
  );
}

function Heading(props: { block: HeadingBlock; anchors: Anchors }) {
  const { block } = props;
  const Tag = `h${block.level}` as const;
  return (
    <Tag id={props.anchors.of(block)} class={block.chapter ? 'chapter' : undefined}>
      {block.text}
    </Tag>
  );
}

function Paragraph(props: { block: ParagraphBlock }) {
  return <p class={props.block.tone}>{inlines(props.block.inlines)}</p>;
}

function Fields(props: { block: FieldsBlock }) {
  return (
    <dl class="fields">
      {props.block.items.map((item) => (
        <>
          <dt>{item.label}:</dt>
          <dd class={item.missing ? 'missing' : undefined}>{multiline(item.value)}</dd>
        </>
      ))}
    </dl>
  );
}

function List(props: { block: ListBlock }) {
  return (
    <ul>
      {props.block.items.map((item) => (
        <li>{inlines(item)}</li>
      ))}
    </ul>
  );
}

function Table(props: { block: TableBlock }) {
  const { block } = props;
  const cell = (value: string, index: number) => {
    if (index === 0) return <th scope="row">{multiline(value)}</th>;
    return <td class={block.columns[index]?.numeric ? 'numeric' : undefined}>{multiline(value)}</td>;
  };
  return (
    <table>
      <caption>{block.caption}</caption>
      <thead>
        <tr>
          {block.columns.map((column) => (
            <th scope="col">{column.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.rows.map((row) =>
          row.group ? (
            <tr class="group">
              <th scope="rowgroup" colspan={block.columns.length}>
                {multiline(row.cells[0] ?? '')}
              </th>
            </tr>
          ) : (
            <tr>{row.cells.map(cell)}</tr>
          ),
        )}
      </tbody>
      {block.total ? (
        <tfoot>
          <tr>{block.total.map(cell)}</tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function TableOfContents(props: { blocks: readonly Block[]; anchors: Anchors; label: string }) {
  const { anchors } = props;
  const entries = tocEntries(props.blocks);
  const link = (h: HeadingBlock) => <a href={`#${anchors.of(h)}`}>{h.tocText ?? h.text}</a>;
  const items = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as HeadingBlock;
    if (entry.level !== 2) continue;
    const children = [];
    for (let j = i + 1; j < entries.length && (entries[j] as HeadingBlock).level === 3; j++) {
      children.push(<li>{link(entries[j] as HeadingBlock)}</li>);
    }
    items.push(
      <li>
        {link(entry)}
        {children.length ? <ol>{children}</ol> : null}
      </li>,
    );
  }
  return (
    <nav class="toc" aria-label={props.label}>
      <ol>{items}</ol>
    </nav>
  );
}

/** Where a block is rendered: the page itself, or one of its annexes. */
interface Scope {
  model: DocumentModel;
  anchors: Anchors;
  /** The annex's heading, or null on the page itself. */
  annex: string | null;
}

function Annex(props: { block: AnnexBlock; scope: Scope }) {
  const { block, scope } = props;
  const inner: Scope = { model: block.document, anchors: scope.anchors.within(block.anchor), annex: block.heading };
  return (
    <section class="annex" aria-labelledby={block.anchor}>
      <h2 id={block.anchor} class="chapter">
        {block.heading}
      </h2>
      {block.document.blocks.map((child) => (
        <DocumentBlock block={child} scope={inner} />
      ))}
    </section>
  );
}

function DocumentBlock(props: { block: Block; scope: Scope }) {
  const { block, scope } = props;
  const { anchors } = scope;
  switch (block.kind) {
    case 'title':
      return <Title block={block} annex={scope.annex !== null} />;
    case 'heading':
      return <Heading block={block} anchors={anchors} />;
    case 'paragraph':
      return <Paragraph block={block} />;
    case 'fields':
      return <Fields block={block} />;
    case 'list':
      return <List block={block} />;
    case 'table':
      return <Table block={block} />;
    case 'toc':
      return (
        <TableOfContents blocks={scope.model.blocks} anchors={anchors} label={scope.annex === null ? 'Obsah' : `Obsah – ${scope.annex}`} />
      );
    case 'annex':
      return <Annex block={block} scope={scope} />;
  }
}

export function renderHtmlDocument(model: DocumentModel, meta: { generatedAt?: string } = {}): string {
  const scope: Scope = { model, anchors: new Anchors(), annex: null };
  return renderPage(
    <html lang="cs">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {meta.generatedAt ? <meta name="dcterms.created" content={meta.generatedAt} /> : null}
        <title>{model.title}</title>
        {styleSheet(`${DOCUMENT_STYLES}${reportContentStyles('')}${PRINT_STYLES}`)}
      </head>
      <body>
        <main>
          {model.blocks.map((block) => (
            <DocumentBlock block={block} scope={scope} />
          ))}
        </main>
      </body>
    </html>,
  );
}
