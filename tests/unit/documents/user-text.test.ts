import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import { renderMonitoringReportDocx } from '../../../documents/monitoring/docx';
import { renderMonitoringReportHtml } from '../../../documents/monitoring/html';
import { renderMonitoringReportMarkdown } from '../../../documents/monitoring/markdown';
import type { Block } from '../../../documents/blocks';
import { renderMarkdownDocument } from '../../../documents/render/markdown';
import { aReportWithEveryTextAs } from './factory';
import { readZipEntry } from './read';

/** A CommonMark parser with GFM tables and strikethrough, as GitHub and most viewers read Markdown. */
const markdown = new MarkdownIt();

/**
 * The document's structure as a reader sees it: every block token, and inside each paragraph the
 * markup tokens (emphasis, links, code, HTML, strikethrough). Plain text and line breaks are left
 * out, so two documents that differ only in their texts have the same structure.
 */
function structure(source: string): string[] {
  const describe = (token: Token): string => `${token.type}:${token.tag}:${token.level}`;
  return markdown.parse(source, {}).flatMap((token) =>
    token.type === 'inline'
      ? (token.children ?? []).filter((child) => !['text', 'softbreak', 'hardbreak'].includes(child.type)).map(describe)
      : [describe(token)],
  );
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

describe('user text in the Markdown report', () => {
  const baseline = structure(renderMonitoringReportMarkdown(aReportWithEveryTextAs('text')));

  it.each([
    ['a table under a line of text', 'intro\n| a | b |\n|---|---|\n| c | d |'],
    ['a table without leading pipes', 'a | b\n:--- | ---\nc | d'],
    ['a one-column table under an escaped pipe', 'a | b\n--- | ---\n:-'],
    ['a heading', 'intro\n# Nadpis'],
    ['a quote', 'intro\n> citace'],
    ['a list', 'intro\n- položka\n1. položka'],
    ['a fence', 'intro\n```\nkód\n```\n~~~\nkód'],
    ['a setext underline', 'intro\n===\nintro\n---'],
    ['strikethrough, emphasis, a link and raw HTML', '~~zrušeno~~ **tučně** [odkaz](https://example.org) <b>x</b>'],
  ])('cannot open %s anywhere a person’s text is written', (_name, payload) => {
    // Prepare
    const report = aReportWithEveryTextAs(payload);

    // Act
    const rendered = renderMonitoringReportMarkdown(report);

    // Assess
    expect(structure(rendered)).toEqual(baseline);
  });

  it('keeps the document’s structure whatever a text holds', () => {
    // Prepare
    const markdownish = fc.oneof(
      fc.constantFrom('|', '-', ':', '#', '>', '=', '~', '`', '*', '_', '[', ']', '(', ')', '<', '\\', '1.', '2)', '+', '!', ' ', '  ', '\n', '\t', 'a', 'ž', '&amp;', 'http://x.cz'),
      // Whole constructs, which single characters rarely line up into.
      fc.constantFrom('a | b\n--- | ---\n', '\n|---|---|\n', '\n:-- | :-:', '~~x~~', '**x**', '`x`', '<b>x</b>', '[x](y)', '\n# x', '\n> x', '\n- x', '\n1. x', '\n```\n', '\nx\n===', '\n    code'),
    );
    const payload = fc.array(markdownish, { minLength: 1, maxLength: 40 }).map((parts) => parts.join('')).filter((text) => text.trim() !== '');

    // Act
    const property = fc.property(payload, (text) => {
      expect(structure(renderMonitoringReportMarkdown(aReportWithEveryTextAs(text)))).toEqual(baseline);
    });

    // Assess
    fc.assert(property, { numRuns: 300 });
  });
});

/** The text a reader sees in each inline run of a Markdown document, line breaks as `\n`. */
function textsRead(source: string): string[] {
  return markdown
    .parse(source, {})
    .filter((token) => token.type === 'inline')
    .map((token) => (token.children ?? []).map((child) => (['softbreak', 'hardbreak'].includes(child.type) ? '\n' : child.content)).join(''));
}

/** A text of several lines as a paragraph keeps it: every line trimmed, blank lines dropped. */
const asLines = (text: string) => text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join('\n');
/** A text on one line (a field, a cell, a heading): runs of white space as one space; no-break spaces kept. */
const asOneLine = (text: string) => text.replace(/[^\S\u00a0]+/g, ' ').trim();

describe('a person’s text in the Markdown report', () => {
  const characters = fc.constantFrom('|', '-', ':', '#', '>', '=', '~', '`', '*', '_', '[', ']', '(', ')', '<', '\\', '&', ';', '#', '1.', '+', '!', ' ', '\n', '\t', '\u00a0', 'a', 'ž', '7');
  const constructs = fc.constantFrom('&amp;', '&#65;', '&#x41;', 'a_b', '**x**', '~~x~~', '<b>', '[x](y)', '\n:-', 'R&D');
  const written = fc.array(fc.oneof(characters, constructs), { minLength: 1, maxLength: 30 }).map((parts) => parts.join('')).filter((text) => text.trim() !== '');

  it('reads exactly as it was written, in every kind of block', () => {
    // Prepare
    const placements = (text: string): Array<{ block: Block; reads: string[] }> => [
      { block: { kind: 'paragraph', inlines: [{ text }] }, reads: [asLines(text)] },
      { block: { kind: 'paragraph', inlines: [{ text, bold: true }] }, reads: [asLines(text)] },
      { block: { kind: 'paragraph', inlines: [{ text: 'a ' }, { text, italic: true }, { text: ' b' }] }, reads: [asLines(`a ${text.trim()} b`)] },
      { block: { kind: 'list', items: [[{ text }]] }, reads: [asLines(text)] },
      { block: { kind: 'heading', level: 3, text }, reads: [asOneLine(text)] },
      { block: { kind: 'fields', items: [{ label: 'Stav', value: text }] }, reads: [`Stav: ${asOneLine(text)}`] },
      { block: { kind: 'table', caption: 'Tabulka', columns: [{ label: 'Projekt' }], rows: [{ cells: [text] }] }, reads: ['Projekt', asOneLine(text)] },
    ];

    // Act
    const property = fc.property(written, (text) => {
      for (const { block, reads } of placements(text)) {
        expect(textsRead(renderMarkdownDocument({ title: 'Zpráva', blocks: [block] })), JSON.stringify(block)).toEqual(reads);
      }
    });

    // Assess
    fc.assert(property, { numRuns: 300 });
  });
});

describe('bidirectional controls in the reports', () => {
  // "Schváleno: 1000 Kč" shown reversed after U+202E, and isolates that would reorder a sentence.
  const payload = 'Schváleno: \u202E0001 Kč\u202C, \u2067نص\u2069 a \u202Atext\u202B\u202D.';

  it('are dropped from the HTML, Markdown and Word reports, the text kept in its stored order', async () => {
    // Prepare
    const report = aReportWithEveryTextAs(payload);

    // Act
    const [html, md, docx] = [
      renderMonitoringReportHtml(report),
      renderMonitoringReportMarkdown(report),
      readZipEntry(await renderMonitoringReportDocx(report), 'word/document.xml'),
    ];

    // Assess
    for (const document of [html, md, docx]) {
      expect(document).not.toMatch(BIDI_CONTROLS);
      expect(document).toContain('Schváleno: 0001 Kč, نص a text.');
    }
  });
});

describe('noncharacters in a text stored before the input dropped them', () => {
  /** Every character that XML 1.0 allows in a document; Word refuses a file with any other. */
  const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

  it('are left out of the reports, so the Word document stays readable', async () => {
    // Prepare
    const report = aReportWithEveryTextAs('Stav\uFFFE: hotovo\uFFFF.');

    // Act
    const [html, md, docx] = [
      renderMonitoringReportHtml(report),
      renderMonitoringReportMarkdown(report),
      readZipEntry(await renderMonitoringReportDocx(report), 'word/document.xml'),
    ];

    // Assess
    expect(docx).not.toMatch(NOT_XML);
    for (const document of [html, md, docx]) {
      expect(document).not.toMatch(/\p{Noncharacter_Code_Point}/u);
      expect(document).toContain('Stav: hotovo.');
    }
  });
});
