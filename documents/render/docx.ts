/**
 * Renders a document tree as a Word document with real heading styles (so Word's navigation
 * pane and the table of contents work), a TOC field, and tables with header rows.
 */
import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  bookmarkUniqueNumericId,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ParagraphChild } from 'docx';
import { isWebLink } from '../blocks';
import type { Block, DocumentModel, Inline, TableBlock } from '../blocks';

const HEADING_BY_LEVEL = {
  2: HeadingLevel.HEADING_1,
  3: HeadingLevel.HEADING_2,
  4: HeadingLevel.HEADING_3,
} as const;

const MISSING_COLOR = '9B1C1C';

/** Text runs with the author's line breaks kept. */
function runs(value: string, style: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun[] {
  const lines = value.replace(/\r\n?/g, '\n').split('\n').filter((line, _i, all) => line.trim() !== '' || all.length === 1);
  return lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0, ...style }));
}

/** Word bookmark names allow letters, digits and underscores only. */
function bookmarkName(anchor: string): string {
  return anchor.replace(/[^A-Za-z0-9_]/g, '_');
}

/** The bookmark around the document's own part, when annexes follow it. */
const MAIN_BOOKMARK = 'dokument';

function inlineChildren(part: Inline): ParagraphChild[] {
  const style = { bold: part.bold, italics: part.italic };
  if (part.href && isWebLink(part.href)) {
    return [new ExternalHyperlink({ link: part.href, children: runs(part.text, { ...style, color: '0563C1' }) })];
  }
  if (part.anchor) {
    return [new InternalHyperlink({ anchor: bookmarkName(part.anchor), children: runs(part.text, { ...style, color: '0563C1' }) })];
  }
  return runs(part.text, style);
}

type BodyChild = Paragraph | Table | TableOfContents;

/**
 * The paragraphs between a bookmark's start and end: a table of contents limited to the bookmark
 * (Word's `\b` switch) lists only the headings of its own part.
 */
function bookmarked(name: string, children: BodyChild[]): BodyChild[] {
  const id = bookmarkUniqueNumericId();
  // docx documents BookmarkStart and BookmarkEnd as paragraph children (a bookmark across
  // paragraphs), but its ParagraphChild type does not list them.
  const start = new BookmarkStart(name, id) as unknown as ParagraphChild;
  const end = new BookmarkEnd(id) as unknown as ParagraphChild;
  return [new Paragraph({ children: [start] }), ...children, new Paragraph({ children: [end] })];
}

function cellParagraph(value: string, options: { bold?: boolean; numeric?: boolean }): Paragraph {
  return new Paragraph({
    alignment: options.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: runs(value, { bold: options.bold }),
  });
}

function table(block: TableBlock): Array<Paragraph | Table> {
  const width = block.columns.length;
  const header = new TableRow({
    tableHeader: true,
    children: block.columns.map(
      (c) =>
        new TableCell({
          shading: { type: ShadingType.CLEAR, fill: 'E8EEF4', color: 'auto' },
          children: [cellParagraph(c.label, { bold: true, numeric: c.numeric })],
        }),
    ),
  });
  const row = (cells: readonly string[], bold: boolean) =>
    new TableRow({
      children: cells.map(
        (value, i) => new TableCell({ children: [cellParagraph(value, { bold, numeric: block.columns[i]?.numeric })] }),
      ),
    });
  const body = block.rows.map((r) =>
    r.group
      ? new TableRow({
          children: [
            new TableCell({
              columnSpan: width,
              shading: { type: ShadingType.CLEAR, fill: 'F3F6F9', color: 'auto' },
              children: [cellParagraph(r.cells[0] ?? '', { bold: true })],
            }),
          ],
        })
      : row(r.cells, false),
  );
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: block.caption, bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [header, ...body, ...(block.total ? [row(block.total, true)] : [])],
    }),
    new Paragraph({ children: [] }),
  ];
}

/** `bookmark`: the part the block belongs to, when the document has annexes. */
function render(block: Block, bookmark: string | null): BodyChild[] {
  switch (block.kind) {
    case 'title':
      return [
        ...(block.kicker
          ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 3000 }, children: [new TextRun({ text: block.kicker, bold: true, size: 36 })] })]
          : []),
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { before: block.kicker ? 400 : 3000 },
          children: [new TextRun({ text: block.title, italics: true })],
        }),
        ...(block.subtitle
          ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.subtitle, italics: true })] })]
          : []),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: HEADING_BY_LEVEL[block.level],
          pageBreakBefore: block.chapter ?? false,
          children: [new TextRun({ text: block.text })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          children: block.inlines.flatMap((part) =>
            block.tone === 'missing'
              ? runs(part.text, { bold: true, color: MISSING_COLOR })
              : inlineChildren(block.tone === 'note' ? { ...part, italic: true } : part),
          ),
        }),
      ];
    case 'fields':
      return block.items.map(
        (item) =>
          new Paragraph({
            spacing: { after: 60 },
            children: [
              new TextRun({ text: `${item.label}: `, italics: true, bold: true }),
              ...runs(item.value, item.missing ? { bold: true, color: MISSING_COLOR } : {}),
            ],
          }),
      );
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: item.flatMap(inlineChildren) }));
    case 'table':
      return table(block);
    case 'toc':
      return [
        new TableOfContents('Obsah', {
          hyperlink: true,
          headingStyleRange: '1-2',
          ...(bookmark === null ? {} : { entriesFromBookmark: bookmark }),
        }),
      ];
    case 'annex': {
      const name = bookmarkName(block.anchor);
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun({ text: block.heading })] }),
        ...bookmarked(name, block.document.blocks.flatMap((child) => render(child, name))),
      ];
    }
  }
}

function body(model: DocumentModel): BodyChild[] {
  const own = model.blocks.filter((block) => block.kind !== 'annex');
  const annexes = model.blocks.filter((block) => block.kind === 'annex');
  if (annexes.length === 0) return own.flatMap((block) => render(block, null));
  return [
    ...bookmarked(MAIN_BOOKMARK, own.flatMap((block) => render(block, MAIN_BOOKMARK))),
    ...annexes.flatMap((block) => render(block, null)),
  ];
}

export async function renderDocxDocument(model: DocumentModel): Promise<Buffer> {
  const document = new Document({
    title: model.title,
    creator: 'ARR – Agentura regionálního rozvoje, spol. s r. o.',
    // Word asks to refresh fields on opening, which fills in the contents' page numbers.
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: 'cs-CZ' } } },
        heading1: { run: { font: 'Calibri', size: 32, bold: true, color: '00457E' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: 'Calibri', size: 26, bold: true, color: '00457E' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: 'Calibri', size: 22, bold: true, italics: true }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    sections: [{ children: body(model) }],
  });
  return Packer.toBuffer(document);
}
