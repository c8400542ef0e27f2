/**
 * The 2025 annual report produced from the imported 2025 history (both half-years' reports read by
 * the importer and loaded as the system loads history), compared with the region's own 2025
 * annual report (tests/fixtures/seed/annual-report-2025.md) chapter by chapter: structure and key
 * facts, not prose. ARR writes the prose; the system pre-fills it.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { annualChapterTitles } from '../../../documents/annual/content';
import { renderAnnualReportDocx } from '../../../documents/annual/docx';
import { renderAnnualReportMarkdown } from '../../../documents/annual/markdown';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { parseMonitoringReport } from '../../../domain/importer/parse-monitoring-report';
import { OUTSIDE_PLAN_NAME } from '../../../domain/plan';
import type { AnnualReport } from '../../../domain/report/model';
import { getAnnualReport } from '../../../domain/use-cases/annual-report';
import { loadHistory } from '../../../domain/use-cases/load-history';
import { inMemoryWorld } from '../../support/in-memory-dependencies';
import { pastReportText } from '../../support/past-reports';
import { docxParagraphs, readZipEntry } from './read';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/seed/${name}`, import.meta.url), 'utf8');

/** The seed's lines with its markup (`#`, `**`, `*`, `<b>`) taken off. */
function plainLines(markdown: string): Array<{ heading: boolean; text: string }> {
  return markdown.split('\n').map((line) => ({
    heading: /^#{1,6}\s/.test(line),
    text: line
      .replace(/^#{1,6}\s+/, '')
      .replace(/<\/?b>|\*\*|\*/g, '')
      .trim(),
  }));
}

const isUpper = (text: string) => /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('cs');
const normalize = (text: string) => text.replace(/č\.\s*/g, 'č. ').replace(/\s+/g, ' ').trim();

/** The seed's annual report read into the parts the test compares. */
function readSeed() {
  const lines = plainLines(fixture('annual-report-2025.md'));
  const headings = lines.filter((line) => line.heading).map((line) => line.text);
  // The heading after „Aktivita N“ is the activity's name; upper-case ones are activity areas.
  const chapters = headings.filter(
    (text, index) => text !== 'Obsah' && !/^Aktivita \d/.test(text) && !/^Aktivita \d$/.test(headings[index - 1] ?? '') && !isUpper(text),
  );
  const indexOf = (prefix: string) => lines.findIndex((line) => line.heading && line.text.startsWith(prefix));
  const section = (from: string, to: string) => lines.slice(indexOf(from) + 1, indexOf(to));

  const overview = section('Přehled naplňování', 'Informace o naplňování')
    .filter((line) => line.text.includes('\t'))
    .slice(1)
    .map((line) => line.text.split('\t').map((cell) => cell.trim()));

  const areas: Array<{ name: string; guarantor: string; activities: Array<{ number: number; none: boolean }> }> = [];
  const fulfilment = section('Informace o naplňování', 'Sledování nastavených indikátorů');
  for (const line of fulfilment) {
    const area = areas.at(-1);
    const activity = area?.activities.at(-1);
    if (line.heading && line.text === OUTSIDE_PLAN_NAME.toLocaleUpperCase('cs')) break;
    if (line.heading && isUpper(line.text)) areas.push({ name: line.text, guarantor: '', activities: [] });
    else if (line.text.startsWith('Garant: ') && area) area.guarantor = line.text.slice('Garant: '.length);
    else if (line.heading && /^Aktivita (\d)$/.test(line.text) && area) area.activities.push({ number: Number(line.text.slice(-1)), none: false });
    else if (activity && line.text.includes('nebyl dosud realizován žádný projekt')) activity.none = true;
  }
  const indicators = section('Sledování nastavených indikátorů', 'Plán realizace projektů')
    .map((line) => /^(.+?)\t\s*(\d+)$/.exec(line.text))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]?.trim(), Number(match[2])]);
  const attachments = lines.filter((line) => line.text.startsWith('Příloha č.')).map((line) => normalize(line.text));
  return { chapters, overview, areas, indicators, attachments, text: lines.map((line) => line.text).join('\n') };
}

describe('the 2025 annual report from the imported 2025 history, against the region’s own', () => {
  const seed = readSeed();
  let report: AnnualReport;
  let markdown: string;

  beforeAll(async () => {
    const world = inMemoryWorld(liberecActionPlan, '2026-01-15T08:00:00Z');
    for (const period of ['2025-H1', '2025-H2']) {
      await loadHistory(world.deps, liberecActionPlan, parseMonitoringReport(await pastReportText(period)));
    }
    report = await getAnnualReport(world.deps, { year: '2025', planId: liberecActionPlan.id });
    markdown = renderAnnualReportMarkdown(report);
  });

  it('has the seed’s chapters in the seed’s order', () => {
    // Act
    const own = markdown.slice(0, markdown.indexOf('## Příloha č. 1'));
    const chapters = own.split('\n').filter((line) => line.startsWith('## ') && line !== '## Obsah').map((line) => line.slice(3));

    // Assess
    expect(seed.chapters).toEqual(Object.values(annualChapterTitles(report)));
    expect(chapters).toEqual(seed.chapters);
  });

  it('has the seed’s overview table: each priority area with the activity area that fulfils it', () => {
    expect(report.priorityAreas.map((area) => [area.name, area.activityAreaName ?? '-'])).toEqual(seed.overview);
  });

  it('has the seed’s activity areas in order, each with its guarantor and its numbered activities', () => {
    expect(report.areas.map((area) => [area.name.toLocaleUpperCase('cs'), area.guarantor])).toEqual(
      seed.areas.map((area) => [area.name, area.guarantor]),
    );
    expect(report.areas.map((area) => area.activities.map((activity) => activity.number))).toEqual(
      seed.areas.map((area) => area.activities.map((activity) => activity.number)),
    );
  });

  it('says „no project yet“ exactly where the seed does, except where the seed’s projects are not in the plan', () => {
    // Prepare: two activities of the seed rest on 1st half-year projects that the plan's catalog (the
    // 54 projects of the 2nd half-year report) does not hold: „Založení krajských společností pro
    // energetiku“ and „Platforma digitalizace ve školství“.
    const notInCatalog = [
      'Energetický management a hospodaření s vodou 3',
      'Digitální technologie ve středních školách poskytujících všeobecné vzdělání 1',
    ];
    const key = (area: string, number: number) => `${area} ${number}`;

    // Act
    const ours = report.areas.flatMap((area) =>
      area.activities.map((activity) => [key(area.name, activity.number), activity.text.text.includes('nebyl dosud realizován žádný projekt')]),
    );
    const theirs = seed.areas.flatMap((area, index) =>
      area.activities.map((activity) => [key(report.areas[index]?.name ?? '', activity.number), activity.none]),
    );

    // Assess
    const inCatalog = ([name]: (string | boolean)[]) => !notInCatalog.includes(name as string);
    expect(ours.filter(inCatalog)).toEqual(theirs.filter(inCatalog));
    expect(ours.filter(inCatalog)).toHaveLength(13);
    for (const name of notInCatalog) {
      expect([Object.fromEntries(ours)[name], Object.fromEntries(theirs)[name]], name).toEqual([true, false]);
    }
  });

  it('names the projects the seed names in its activity texts and outside the plan', () => {
    // Act
    const text = (areaIndex: number, number: number) =>
      report.areas[areaIndex]?.activities.find((activity) => activity.number === number)?.text.text ?? '';

    // Assess: a few facts each activity text of the seed states, found in the pre-filled texts.
    expect(seed.text).toContain('Muzea Českého ráje v Turnově');
    expect(text(4, 1)).toContain('FVE letiště Ralsko');
    expect(seed.text).toContain('chatbota na krajský web');
    expect(text(1, 1)).toContain('Nasazení chatbota na webový portál Libereckého kraje');
    expect(seed.text).toContain('Ohbot');
    expect(text(6, 1)).toContain('Programovatelná robotická hlava „Ohbot“');
    expect(seed.text).toMatch(/taxibusy/);
    expect(seed.text).toContain('Trans-Borders Plus');
    expect(report.outsidePlan.text).toContain('- Taxibusy – ');
    expect(report.outsidePlan.text).toContain('- Trans-Borders Plus – ');
  });

  it('has the seed’s indicator table: every indicator with its value as of 31 December 2025', () => {
    expect(seed.indicators).toHaveLength(15);
    expect(report.indicators.map((indicator) => [indicator.name, indicator.value])).toEqual(seed.indicators);
    expect(report.indicators.every((indicator) => indicator.asOf === '2025-12-31')).toBe(true);
    expect(markdown).toContain('Stav\\* (k 31. 12. 2025)');
  });

  it('plans the next year from the 2nd half-year report, which the seed points to as Příloha č. 2', () => {
    expect(seed.text).toContain('je uveden v Monitorovací zprávě za 2. pololetí 2025, která je součástí Přílohy č.2');
    expect(markdown).toContain('je uveden v Monitorovací zprávě za 2. pololetí 2025, která je součástí Přílohy č. 2');
    expect(report.nextYearPlan).toContainEqual({
      projectName: 'Střední škola hospodářská a lesnická, Frýdlant – snížení energetické náročnosti objektu tělocvičny v ulici Zámecká',
      plan: 'Zahájení výběrového řízení na stavbu.',
    });
  });

  it('lists the seed’s two annexes and carries them: the half-year reports, whose projects read back as imported', async () => {
    // Act
    const docx = docxParagraphs(readZipEntry(await renderAnnualReportDocx(report), 'word/document.xml'));
    const second = markdown.slice(markdown.indexOf('## Příloha č. 2'));

    // Assess
    expect(report.attachments.map((attachment) => `Příloha č. ${attachment.number}: ${attachment.title}`)).toEqual(seed.attachments);
    expect(docx.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(expect.arrayContaining(seed.attachments));
    const imported = parseMonitoringReport(await pastReportText('2025-H2'));
    expect(parseMonitoringReport(second).projects.map((project) => project.name)).toEqual(imported.projects.map((project) => project.name));
  });
});
