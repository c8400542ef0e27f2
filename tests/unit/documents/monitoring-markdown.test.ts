import { describe, expect, it } from 'vitest';
import { renderMonitoringReportMarkdown } from '../../../documents/monitoring/markdown';
import { parseMonitoringReport } from '../../../domain/importer/parse-monitoring-report';
import { aMonitoringReport, aProject } from './factory';

const headings = (markdown: string) => markdown.split('\n').filter((line) => /^#{1,6} /.test(line));

describe('renderMonitoringReportMarkdown', () => {
  it('opens with the title line and has the chapters in the seed’s order', () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const markdown = renderMonitoringReportMarkdown(report);

    // Assess
    expect(markdown.split('\n')).toContain('*Monitorovací zpráva za 1. pololetí 2026*');
    expect(markdown.split('\n')).toContain('*(příloha č. 1 Výroční zprávy za rok 2026)*');
    expect(headings(markdown).filter((h) => h.startsWith('## '))).toEqual([
      '## Obsah',
      '## 1. Sledování trendů a zkušeností',
      '## 2. Komunikace a budování partnerství',
      '## 3. Informace o stavu rozpracování jednotlivých projektů',
      '## 4. Zajištění provozu a rozvoje Platebního portálu Libereckého kraje',
      '## 5. Informace o dalších činnostech',
    ]);
  });

  it('writes chapter 3 in the shape the importer reads', () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const markdown = renderMonitoringReportMarkdown(report);

    // Assess
    const chapter3 = markdown.slice(markdown.indexOf('## 3.'), markdown.indexOf('## 4.'));
    expect(chapter3).toContain(
      [
        '### MODERNÍ PREZENTACE KULTURNÍHO DĚDICTVÍ A CÍLŮ CESTOVNÍHO RUCHU',
        '',
        'Projekty muzeí, galerií a ZOO.',
        '',
        'V rámci aktivity **Digitalizace sbírkových předmětů a sdílení informací o nich** jsou v současné době realizovány nebo připravovány následující projekty:',
      ].join('\n'),
    );
    expect(chapter3).toContain(
      [
        '#### Karta přítele ZOO',
        '',
        '**cíl projektu:** Zavedení elektronické návštěvnické karty.',
        '',
        '**aktivity v předchozím období:** Příprava a uvedení návštěvnické karty do provozu.',
        '',
        '**aktivity v období 01/2026:** Dokončení zákaznické zóny Moje ZOO a nasazení do praxe.',
        '',
        '**plán pro období 02/2026:** Propagace nových funkcionalit mezi klienty.',
        '',
        '**kontaktní osoba:** M. Féna (P. Lieskovská)',
      ].join('\n'),
    );
    expect(chapter3).toContain('**bližší popis:** Zajištění poptávkové dopravy.');
    expect(chapter3).toContain(
      'V rámci aktivity **Osvěta veřejnosti v sociální oblasti** nebyly ve sledovaném období realizovány žádné činnosti.',
    );
    expect(chapter3).not.toContain('stav projektu');
  });

  it('marks a project that did not submit instead of leaving it out', () => {
    // Prepare
    const report = aMonitoringReport({
      outsidePlan: [aProject({ id: 'late', name: 'Trans-Borders Plus', thisPeriod: null, nextPeriodPlan: null })],
    });

    // Act
    const markdown = renderMonitoringReportMarkdown(report);

    // Assess
    expect(markdown).toContain(
      '#### Trans-Borders Plus\n\n**cíl projektu:** Zavedení elektronické návštěvnické karty.\n\n' +
        '**aktivity v předchozím období:** Příprava a uvedení návštěvnické karty do provozu.\n\n' +
        '**aktivity v období 01/2026:** Za toto období nebyly dodány podklady.\n\n' +
        '**plán pro období 02/2026:** Za toto období nebyly dodány podklady.',
    );
  });

  it('keeps user text from opening headings, lists or markup, and keeps each field on one line', () => {
    // Prepare
    const report = aMonitoringReport({
      outsidePlan: [
        aProject({
          name: '# Není nadpis *ani* <b>tučné</b>',
          goal: '## 4. Falešná kapitola\n- položka\n\n1. bod',
          contacts: ['A. Nováková', 'B_ Dvořák'],
        }),
      ],
      agency: {
        trends: { events: [], smartDocuments: ['# dokument\n## 3. Informace o stavu rozpracování jednotlivých projektů'], opportunities: [] },
      },
    });

    // Act
    const markdown = renderMonitoringReportMarkdown(report);

    // Assess
    expect(markdown).toContain('#### \\# Není nadpis \\*ani\\* \\<b>tučné\\</b>');
    expect(markdown).toContain('**cíl projektu:** ## 4. Falešná kapitola - položka 1. bod\n');
    expect(markdown).toContain('**kontaktní osoba:** A. Nováková, B\\_ Dvořák');
    expect(markdown).toContain('- \\# dokument  \n  \\## 3. Informace o stavu rozpracování jednotlivých projektů');
    expect(headings(markdown).filter((h) => h.startsWith('## 3.') || h.startsWith('## 4.'))).toHaveLength(2);
  });

  it('is read back by the report importer with every project and field', () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const imported = parseMonitoringReport(renderMonitoringReportMarkdown(report));

    // Assess
    expect(imported.period).toBe('2026-H1');
    expect(imported.projects.map((p) => [p.name, p.activity, p.thisPeriod, p.nextPeriodPlan, p.contacts])).toEqual([
      [
        'Krajská vědecká knihovna v Liberci – digitalizace',
        'Digitalizace sbírkových předmětů a sdílení informací o nich',
        'Dokončení zákaznické zóny Moje ZOO a nasazení do praxe.',
        'Propagace nových funkcionalit mezi klienty.',
        ['M. Féna (P. Lieskovská)'],
      ],
      [
        'Karta přítele ZOO',
        'Nové formy prezentace cílů cestovního ruchu',
        'Dokončení zákaznické zóny Moje ZOO a nasazení do praxe.',
        'Propagace nových funkcionalit mezi klienty.',
        ['M. Féna (P. Lieskovská)'],
      ],
      ['Taxibusy', null, 'Dokončení zákaznické zóny Moje ZOO a nasazení do praxe.', 'Propagace nových funkcionalit mezi klienty.', ['P. Porkertová']],
    ]);
  });

  it('writes the payment months as a table with a total row', () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const markdown = renderMonitoringReportMarkdown(report);

    // Assess
    expect(markdown).toContain('| Měsíc | Počet plateb | Finanční objem transakcí |\n| --- | ---: | ---: |\n| Leden 2026 | 162 | 183\u00a0476\u00a0Kč |');
    expect(markdown).toContain('| **Celkem** | **701** | **806\u00a0265\u00a0Kč** |');
  });
});
