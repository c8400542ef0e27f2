import { withoutBidiControls, withoutNoncharacters } from '../domain/text';

/**
 * A small format-neutral document tree. Each report is written once as blocks and rendered to
 * HTML, Markdown and DOCX, so the three formats cannot drift apart in chapters or wording, and
 * every piece of user text passes through exactly one escaping point per format.
 */

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Printed as a link only when it is an http(s) address. */
  href?: string;
  /** A link to an annex of the same document (AnnexBlock.anchor), where the format has one. */
  anchor?: string;
}

export interface TitleBlock {
  kind: 'title';
  /** Printed above the title in capitals, e.g. „NAPLŇOVÁNÍ AKČNÍHO PLÁNU …“. */
  kicker?: string;
  title: string;
  subtitle?: string;
}

/**
 * Levels follow the Markdown the importer reads: 2 = chapter (`##`, h2, Word Heading 1),
 * 3 = area or subsection, 4 = project or item.
 */
export interface HeadingBlock {
  kind: 'heading';
  level: 2 | 3 | 4;
  text: string;
  /** Starts a new page when printed. */
  chapter?: boolean;
  /** Text for the table of contents when it differs (areas are printed in capitals). */
  tocText?: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  inlines: Inline[];
  /** `missing`: data someone should have delivered and did not; printed conspicuously. */
  tone?: 'missing' | 'note';
}

export interface FieldsBlock {
  kind: 'fields';
  items: Array<{
    label: string;
    value: string;
    missing?: boolean;
    /** Shown to readers (HTML, DOCX) but left out of the Markdown, which keeps to the fields the importer reads. */
    humanOnly?: boolean;
  }>;
}

export interface ListBlock {
  kind: 'list';
  items: Inline[][];
}

export interface TableRow {
  cells: string[];
  /** A heading row spanning the whole table (e.g. an activity area above its indicators). */
  group?: boolean;
}

export interface TableBlock {
  kind: 'table';
  caption: string;
  columns: Array<{ label: string; numeric?: boolean }>;
  rows: TableRow[];
  total?: string[];
}

/** The table of contents: chapters and level-3 headings. */
export interface TocBlock {
  kind: 'toc';
}

/**
 * A whole document appended to this one (the annual report's two monitoring reports): it starts
 * on a new page under its own heading, and keeps its own title and table of contents, which list
 * only its own headings.
 */
export interface AnnexBlock {
  kind: 'annex';
  /** „Příloha č. 1: …“ */
  heading: string;
  /** Letters, digits and hyphens: the HTML id and (hyphens as underscores) the Word bookmark. */
  anchor: string;
  document: DocumentModel;
}

export type Block = TitleBlock | HeadingBlock | ParagraphBlock | FieldsBlock | ListBlock | TableBlock | TocBlock | AnnexBlock;

export interface DocumentModel {
  /** Document title for metadata (HTML <title>, DOCX properties). */
  title: string;
  blocks: Block[];
}

export const text = (value: string): Inline => ({ text: value });
export const bold = (value: string): Inline => ({ text: value, bold: true });
export const italic = (value: string): Inline => ({ text: value, italic: true });
export const paragraph = (...inlines: Inline[]): ParagraphBlock => ({ kind: 'paragraph', inlines });
export const heading = (level: HeadingBlock['level'], value: string, extra: Partial<HeadingBlock> = {}): HeadingBlock => ({
  kind: 'heading',
  level,
  text: value,
  ...extra,
});
export const bulletList = (items: Inline[][]): ListBlock => ({ kind: 'list', items });

/**
 * Plain text as ARR types it into a form, as blocks: paragraphs separated by blank lines, lines
 * starting with „- “ (or „• “) as list items; other lines of a paragraph keep their line breaks.
 */
export function plainTextBlocks(value: string): Block[] {
  const blocks: Block[] = [];
  let paragraphLines: string[] = [];
  let items: Inline[][] = [];
  const flush = () => {
    if (paragraphLines.length > 0) blocks.push(paragraph(text(paragraphLines.join('\n'))));
    if (items.length > 0) blocks.push(bulletList(items));
    paragraphLines = [];
    items = [];
  };
  for (const line of value.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = line.trim();
    const item = /^[-•]\s+(.*)$/.exec(trimmed);
    if (trimmed === '') {
      flush();
    } else if (item) {
      if (paragraphLines.length > 0) flush();
      items.push([text(item[1] ?? '')]);
    } else {
      if (items.length > 0) flush();
      paragraphLines.push(trimmed);
    }
  }
  flush();
  return blocks;
}

/** The headings listed in the table of contents, in document order. */
export function tocEntries(blocks: readonly Block[]): HeadingBlock[] {
  return blocks.filter((b): b is HeadingBlock => b.kind === 'heading' && b.level <= 3);
}

/** Only web links become links; anything else (javascript:, data:) stays plain text. */
export function isWebLink(href: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(href);
}

function mapTexts<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapTexts(item, map)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapTexts(item, map)])) as T;
  }
  return value;
}

/**
 * The document as it is printed: every bidirectional embedding, override and isolate removed from
 * its texts, and every noncharacter. A report is a legal document: it must read in the order its
 * texts were stored, so a right-to-left override in someone's text cannot make HTML, Markdown or
 * Word show it otherwise; and a noncharacter, which a text stored before the input dropped them
 * may hold, must not make the Word document unreadable.
 */
export function asPrinted(model: DocumentModel): DocumentModel {
  return mapTexts(model, (value) => withoutNoncharacters(withoutBidiControls(value)));
}
