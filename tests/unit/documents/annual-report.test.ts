import { describe, expect, it } from 'vitest';
import { renderAnnualReportDocx } from '../../../documents/annual/docx';
import { renderAnnualReportHtml } from '../../../documents/annual/html';
import { renderAnnualReportMarkdown } from '../../../documents/annual/markdown';
import { ValidationError } from '../../../domain/errors';
import { parseMonitoringReport } from '../../../domain/importer/parse-monitoring-report';
import { assembleAnnualReport } from '../../../domain/report/model';
import { aMonitoringReport, aPlan, aProject, aSecondHalfReport } from './factory';
import { docxParagraphs, htmlHeadings, htmlText, readZipEntry } from './read';

function twoHalves() {
  const first = aMonitoringReport();
  const second = aSecondHalfReport({
    areas: [
      {
        name: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu',
        activities: [
          { number: 1, name: 'Digitalizace sbírkových předmětů a sdílení informací o nich', projects: [] },
          {
            number: 2,
            name: 'Nové formy prezentace cílů cestovního ruchu',
            projects: [aProject({ thisPeriod: 'Nasazení zákaznické zóny.', nextPeriodPlan: 'Propagace mezi klienty.' })],
          },
        ],
      },
    ],
    outsidePlan: [aProject({ id: 'taxibusy', name: 'Taxibusy', thisPeriod: null, nextPeriodPlan: null })],
  });
  return { first, second };
}

function anAnnualReport() {
  const { first, second } = twoHalves();
  return assembleAnnualReport(first, second, aPlan());
}

describe('assembleAnnualReport', () => {
  it('pre-fills a text per activity from both half-years, in plan order, one list item per project', () => {
    // Prepare
    const plan = aPlan();
    const { first, second } = twoHalves();

    // Act
    const annual = assembleAnnualReport(first, second, plan);

    // Assess
    expect(annual.year).toBe(2026);
    expect(annual.areas).toEqual([
      {
        name: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu',
        guarantor: plan.activityAreas[0]?.guarantor.department,
        activities: [
          {
            number: 1,
            name: 'Digitalizace sbírkových předmětů a sdílení informací o nich',
            text: {
              key: plan.activityAreas[0]?.activities[0]?.id,
              edited: false,
              text:
                'V roce 2026 byly realizovány tyto projekty a činnosti:\n\n' +
                '- Krajská vědecká knihovna v Liberci – digitalizace – Dokončení zákaznické zóny Moje ZOO a nasazení do praxe.',
            },
          },
          {
            number: 2,
            name: 'Nové formy prezentace cílů cestovního ruchu',
            text: {
              key: plan.activityAreas[0]?.activities[1]?.id,
              edited: false,
              text:
                'V roce 2026 byly realizovány tyto projekty a činnosti:\n\n' +
                '- Karta přítele ZOO – Dokončení zákaznické zóny Moje ZOO a nasazení do praxe. Nasazení zákaznické zóny.',
            },
          },
        ],
      },
    ]);
    expect(annual.outsidePlan.text).toMatch(/^Dále jsou realizovány projekty, .*:\n\n- Taxibusy – Dokončení zákaznické zóny Moje ZOO a nasazení do praxe\.$/);
  });

  it('leaves out a half-year that only repeats the one before, and prints ARR’s text where ARR wrote one', () => {
    // Prepare
    const plan = aPlan();
    const first = aMonitoringReport();
    const second = aSecondHalfReport({
      outsidePlan: [aProject({ id: 'taxibusy', name: 'Taxibusy', thisPeriod: 'Dokončení zákaznické zóny Moje ZOO a nasazení do praxe!' })],
    });
    const activityId = plan.activityAreas[0]?.activities[1]?.id as string;

    // Act
    const annual = assembleAnnualReport(first, second, plan, [{ key: activityId, text: 'Zavedena elektronická návštěvnická karta.' }]);

    // Assess
    expect(annual.outsidePlan.text).toContain('- Taxibusy – Dokončení zákaznické zóny Moje ZOO a nasazení do praxe!');
    expect(annual.outsidePlan.text).not.toContain('praxe. Dokončení');
    expect(annual.areas[0]?.activities[1]?.text).toEqual({ key: activityId, text: 'Zavedena elektronická návštěvnická karta.', edited: true });
  });

  it('takes the indicators as of the year’s end, the next year’s plan and the two attachments', () => {
    // Prepare
    const { first, second } = twoHalves();

    // Act
    const annual = assembleAnnualReport(first, second, aPlan());

    // Assess
    expect(annual.priorityAreas).toEqual([
      { name: 'Doprava', activityAreaName: null },
      { name: 'Ekonomický rozvoj a cestovní ruch', activityAreaName: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu' },
    ]);
    expect(annual.indicators).toEqual([
      {
        areaName: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu',
        name: 'Počet sbírek, u kterých byla zahájena digitalizace',
        value: 33,
        asOf: '2026-12-31',
      },
    ]);
    expect(annual.nextYearPlan).toEqual([{ projectName: 'Karta přítele ZOO', plan: 'Propagace mezi klienty.' }]);
    expect(annual.attachments.map(({ number, title, report }) => [number, title, report.period.id])).toEqual([
      [1, 'Monitorovací zpráva za naplňování akčního plánu 2024-2026 v 1. pololetí 2026', '2026-H1'],
      [2, 'Monitorovací zpráva za naplňování akčního plánu 2024-2026 ve 2. pololetí 2026', '2026-H2'],
    ]);
  });

  it('refuses reports that are not the first and second half of one year', () => {
    // Prepare
    const first = aMonitoringReport();
    const otherYear = aSecondHalfReport({ annualReportYear: 2025 });

    // Act
    const swapped = () => assembleAnnualReport(aSecondHalfReport(), first, aPlan());
    const mixed = () => assembleAnnualReport(first, otherYear, aPlan());

    // Assess
    expect(swapped).toThrow(ValidationError);
    expect(mixed).toThrow(ValidationError);
  });
});

describe('annual report documents', () => {
  const chapters = [
    'Obsah',
    'Přehled naplňování prioritních oblastí koncepce v rámci akčního plánu na období 2024-2026',
    'Informace o naplňování akčního plánu 2024-2026 v roce 2026',
    'Sledování nastavených indikátorů',
    'Plán realizace projektů pro rok 2027',
    'Přílohy',
  ];

  it('renders HTML with the seed’s chapters, guarantors, indicator table and attachments', () => {
    // Prepare
    const annual = anAnnualReport();

    // Act
    const html = renderAnnualReportHtml(annual);

    // Assess
    expect(htmlHeadings(html.slice(0, html.indexOf('<section class="annex"'))).filter((h) => /^h[12]:/.test(h))).toEqual([
      'h1: Výroční zpráva akčního plánu koncepce Chytřejší Liberecký kraj za rok 2026',
      ...chapters.map((c) => `h2: ${c}`),
    ]);
    expect(htmlHeadings(html)).toContain('h4: Aktivita 2 – Nové formy prezentace cílů cestovního ruchu');
    const text = htmlText(html);
    expect(text).toContain('Garant: Odbor kultury, památkové péče a cestovního ruchu');
    expect(text).toContain('Doprava -');
    expect(text).toContain('Stav* (k 31. 12. 2026)');
    expect(text).toContain('Moderní prezentace kulturního dědictví a cílů cestovního ruchu Počet sbírek, u kterých byla zahájena digitalizace 33');
    expect(text).toContain('Příloha č. 1: Monitorovací zpráva za naplňování akčního plánu 2024-2026 v 1. pololetí 2026');
    expect(text).toContain('Příloha č. 2: Monitorovací zpráva za naplňování akčního plánu 2024-2026 ve 2. pololetí 2026');
    expect(html).toContain('<th scope="rowgroup" colspan="2">Moderní prezentace kulturního dědictví a cílů cestovního ruchu</th>');
  });

  it('says so for an activity without any project in the year', () => {
    // Prepare
    const annual = { ...anAnnualReport() };
    annual.areas = annual.areas.map((area) => ({
      ...area,
      activities: area.activities.map((activity) => ({
        ...activity,
        text: { ...activity.text, text: 'V rámci této aktivity nebyl dosud realizován žádný projekt.' },
      })),
    }));

    // Act
    const text = htmlText(renderAnnualReportHtml(annual));

    // Assess
    expect(text.match(/V rámci této aktivity nebyl dosud realizován žádný projekt\./g)).toHaveLength(2);
  });

  it('renders Markdown and DOCX with the same chapters', async () => {
    // Prepare
    const annual = anAnnualReport();

    // Act
    const markdown = renderAnnualReportMarkdown(annual);
    const docx = await renderAnnualReportDocx(annual);

    // Assess
    const own = markdown.slice(0, markdown.indexOf('## Příloha č. 1'));
    expect(own.split('\n').filter((l) => l.startsWith('## '))).toEqual(chapters.map((c) => `## ${c}`));
    expect(markdown).toContain('### MODERNÍ PREZENTACE KULTURNÍHO DĚDICTVÍ A CÍLŮ CESTOVNÍHO RUCHU');
    const paragraphs = docxParagraphs(readZipEntry(docx, 'word/document.xml'));
    const headings = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings.slice(0, chapters.length)).toEqual(chapters);
  });
});

describe('the monitoring reports as annexes of the annual report', () => {
  const annexHeadings = [
    'Příloha č. 1: Monitorovací zpráva za naplňování akčního plánu 2024-2026 v 1. pololetí 2026',
    'Příloha č. 2: Monitorovací zpráva za naplňování akčního plánu 2024-2026 ve 2. pololetí 2026',
  ];

  it('appends both reports to the Word document, each under its heading, with tables of contents kept to their own part', async () => {
    // Act
    const xml = readZipEntry(await renderAnnualReportDocx(anAnnualReport()), 'word/document.xml');

    // Assess
    const headings = docxParagraphs(xml).filter((p) => p.style === 'Heading1').map((p) => p.text);
    const annexStart = headings.indexOf(annexHeadings[0] as string);
    expect(annexStart).toBeGreaterThan(0);
    expect(headings.indexOf(annexHeadings[1] as string)).toBeGreaterThan(annexStart);
    expect(headings.slice(annexStart + 1, annexStart + 3)).toEqual(['Obsah', '1. Sledování trendů a zkušeností']);
    expect(docxParagraphs(xml).map((p) => p.text)).toContain('Monitorovací zpráva za 2. pololetí 2026');
    expect(xml).toContain('TOC \\b &quot;dokument&quot; \\h \\o &quot;1-2&quot;');
    expect(xml).toContain('\\b &quot;priloha_1&quot;');
    expect(xml).toContain('\\b &quot;priloha_2&quot;');
    expect(xml).toMatch(/<w:bookmarkStart w:name="priloha_1" w:id="\d+"\/>/);
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="priloha_2"/);
  });

  it('links the HTML annex sections from the chapter Přílohy, each with its own contents', () => {
    // Act
    const html = renderAnnualReportHtml(anAnnualReport());

    // Assess
    expect(html).toContain(`<a href="#priloha-1">${annexHeadings[0]}</a>`);
    expect(html).toContain(`<section class="annex" aria-labelledby="priloha-2"><h2 id="priloha-2" class="chapter">${annexHeadings[1]}</h2>`);
    expect(html).toContain('<nav class="toc" aria-label="Obsah – Příloha č. 1');
    expect(html).toContain('<a href="#priloha-1-3-informace-o-stavu-rozpracovani-jednotlivych-projektu">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('appends both reports to the Markdown as sections the importer reads back', () => {
    // Act
    const markdown = renderAnnualReportMarkdown(anAnnualReport());

    // Assess
    expect(markdown).toContain(`## ${annexHeadings[0]}`);
    const second = markdown.slice(markdown.indexOf(`## ${annexHeadings[1]}`));
    expect(parseMonitoringReport(second)).toMatchObject({ period: '2026-H2' });
  });
});
