/** The monitoring report's appendix „Projekty se skluzem“ in every format. */
import { describe, expect, it } from 'vitest';
import { renderMonitoringReportDocx } from '../../../documents/monitoring/docx';
import { renderMonitoringReportHtml } from '../../../documents/monitoring/html';
import { renderMonitoringReportMarkdown } from '../../../documents/monitoring/markdown';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { parseMonitoringReport } from '../../../domain/importer/parse-monitoring-report';
import type { SlipFinding } from '../../../domain/slips/detect';
import { buildSlipAppendix } from '../../../domain/slips/report';
import { aMonitoringReport } from './factory';
import { docxParagraphs, htmlHeadings, htmlText, readZipEntry } from './read';

const findings: SlipFinding[] = [
  {
    projectId: 'taxibusy',
    periodId: '2026-H1',
    reasons: [{ code: 'status-delayed', message: 'Kontaktní osoba uvedla stav „zpožděno“.', periods: ['2026-H1'] }],
  },
  {
    projectId: 'karta-pritele-zoo',
    periodId: '2026-H1',
    reasons: [
      { code: 'plan-repeated', message: 'Plán se opakuje: „Propagace nových funkcionalit“.', periods: ['2025-H2', '2026-H1'], similarity: 1 },
      { code: 'done-repeated', message: 'Vykázána znovu táž činnost.', periods: ['2025-H2', '2026-H1'], similarity: 0.8 },
    ],
  },
];

const withSlips = (rows: SlipFinding[]) =>
  aMonitoringReport({ slips: buildSlipAppendix(liberecActionPlan, '2026-H1', rows) });

describe('the appendix „Projekty se skluzem“', () => {
  it('closes the HTML report with every slipping project under its area, each reason a sentence', () => {
    // Act
    const html = renderMonitoringReportHtml(withSlips(findings));

    // Assess
    const headings = htmlHeadings(html);
    expect(headings.at(-1)).toBe('h2: Projekty se skluzem');
    const appendix = htmlText(html.slice(html.lastIndexOf('<h2')));
    expect(appendix).toContain('Projekty se skluzem za 1. pololetí 2026 (2)');
    expect(appendix).toMatch(/Moderní prezentace kulturního dědictví a cílů cestovního ruchu Karta přítele ZOO Plán se opakuje: „Propagace nových funkcionalit“\. Vykázána znovu táž činnost\./);
    expect(appendix).toMatch(/Další projekty realizované mimo oblasti aktivit akčního plánu Taxibusy Kontaktní osoba uvedla stav „zpožděno“\./);
    expect(html).toMatch(/<a href="#projekty-se-skluzem">Projekty se skluzem<\/a>/);
  });

  it('is a chapter of the Markdown the importer still reads as the same report', () => {
    // Prepare
    const report = withSlips(findings);

    // Act
    const markdown = renderMonitoringReportMarkdown(report);

    // Assess
    expect(markdown).toContain('## Projekty se skluzem');
    expect(markdown).toContain('| Taxibusy | Kontaktní osoba uvedla stav „zpožděno“. |');
    expect(markdown).toContain('| **Další projekty realizované mimo oblasti aktivit akčního plánu** | |');
    const reread = parseMonitoringReport(markdown);
    expect(reread.projects.map((project) => project.name)).toEqual(
      parseMonitoringReport(renderMonitoringReportMarkdown(aMonitoringReport())).projects.map((project) => project.name),
    );
  });

  it('is the last Heading 1 of the Word document, on its own page, with the reasons in the table', async () => {
    // Act
    const xml = readZipEntry(await renderMonitoringReportDocx(withSlips(findings)), 'word/document.xml');

    // Assess
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs.filter((p) => p.style === 'Heading1').at(-1)?.text).toBe('Projekty se skluzem');
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('Karta přítele ZOO');
    expect(texts).toContain('Kontaktní osoba uvedla stav „zpožděno“.');
  });

  it('says so when no project slips, and is left out of a report assembled before slip detection', () => {
    // Act
    const none = htmlText(renderMonitoringReportHtml(withSlips([])));
    const before = renderMonitoringReportHtml(aMonitoringReport());

    // Assess
    expect(none).toContain('Ve sledovaném období nebyl zjištěn žádný projekt se skluzem.');
    expect(htmlHeadings(before)).not.toContain('h2: Projekty se skluzem');
  });
});
