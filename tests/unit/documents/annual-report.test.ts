import { describe, expect, it } from 'vitest';
import { renderAnnualReportDocx } from '../../../documents/annual/docx';
import { renderAnnualReportHtml } from '../../../documents/annual/html';
import { renderAnnualReportMarkdown } from '../../../documents/annual/markdown';
import { ValidationError } from '../../../domain/errors';
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
  it('summarises each project’s year from both half-years, per activity in plan order', () => {
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
            summary: [
              'Krajská vědecká knihovna v Liberci – digitalizace – 1. pololetí 2026: Dokončení zákaznické zóny Moje ZOO a nasazení do praxe.',
            ],
          },
          {
            number: 2,
            name: 'Nové formy prezentace cílů cestovního ruchu',
            summary: [
              'Karta přítele ZOO – 1. pololetí 2026: Dokončení zákaznické zóny Moje ZOO a nasazení do praxe. 2. pololetí 2026: Nasazení zákaznické zóny.',
            ],
          },
        ],
      },
    ]);
    expect(annual.outsidePlan).toEqual([
      { name: 'Taxibusy', summary: '1. pololetí 2026: Dokončení zákaznické zóny Moje ZOO a nasazení do praxe.' },
    ]);
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
    expect(annual.attachments).toEqual([
      { number: 1, title: 'Monitorovací zpráva za naplňování akčního plánu 2024-2026 v 1. pololetí 2026' },
      { number: 2, title: 'Monitorovací zpráva za naplňování akčního plánu 2024-2026 ve 2. pololetí 2026' },
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
    expect(htmlHeadings(html).filter((h) => /^h[12]:/.test(h))).toEqual([
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
      activities: area.activities.map((activity) => ({ ...activity, summary: [] })),
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
    expect(markdown.split('\n').filter((l) => l.startsWith('## '))).toEqual(chapters.map((c) => `## ${c}`));
    expect(markdown).toContain('### MODERNÍ PREZENTACE KULTURNÍHO DĚDICTVÍ A CÍLŮ CESTOVNÍHO RUCHU');
    const paragraphs = docxParagraphs(readZipEntry(docx, 'word/document.xml'));
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(chapters);
  });
});
