import { describe, expect, it } from 'vitest';
import { renderMonitoringReportHtml } from '../../../documents/monitoring/html';
import { aMonitoringReport, aProject, aReportWithEveryTextAs } from './factory';
import { htmlHeadings, htmlText } from './read';

describe('renderMonitoringReportHtml', () => {
  it('has the title block and the chapters of the region’s half-year reports, in their order', () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const html = renderMonitoringReportHtml(report);

    // Assess
    const chapters = htmlHeadings(html).filter((h) => /^h[12]:/.test(h));
    expect(chapters).toEqual([
      'h1: Monitorovací zpráva za 1. pololetí 2026',
      'h2: Obsah',
      'h2: 1. Sledování trendů a zkušeností',
      'h2: 2. Komunikace a budování partnerství',
      'h2: 3. Informace o stavu rozpracování jednotlivých projektů',
      'h2: 4. Zajištění provozu a rozvoje Platebního portálu Libereckého kraje',
      'h2: 5. Informace o dalších činnostech',
    ]);
    const text = htmlText(html);
    expect(text).toContain('(příloha č. 1 Výroční zprávy za rok 2026)');
    expect(text).toContain('za období od 1. ledna 2026 do 30. června 2026.');
  });

  it('is a complete, accessible, print-ready page', () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const html = renderMonitoringReportHtml(report);

    // Assess
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<html lang="cs">');
    expect(html).toMatch(/@media print\s*{[\s\S]*h2\.chapter\s*{\s*break-before: page;/);
    expect(html).toContain('<h2 id="3-informace-o-stavu-rozpracovani-jednotlivych-projektu" class="chapter">');
    const levels = htmlHeadings(html).map((h) => Number(h.charAt(1)));
    const skips = levels.filter((level, i) => i > 0 && level > (levels[i - 1] as number) + 1);
    expect(skips).toEqual([]);
    expect(html).toContain('<th scope="col">Počet plateb</th>');
    expect(html).toContain('<th scope="row">Leden 2026</th>');
    expect(html).toContain('<a href="#3-informace-o-stavu-rozpracovani-jednotlivych-projektu">');
  });

  it('lists each project under its area in capitals and its activity sentence, with every field', () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const html = renderMonitoringReportHtml(report);

    // Assess
    expect(htmlHeadings(html)).toContain('h3: MODERNÍ PREZENTACE KULTURNÍHO DĚDICTVÍ A CÍLŮ CESTOVNÍHO RUCHU');
    const text = htmlText(html);
    expect(text).toContain(
      'V rámci aktivity Nové formy prezentace cílů cestovního ruchu jsou v současné době realizovány nebo připravovány následující projekty:',
    );
    expect(text).toContain(
      'Karta přítele ZOO cíl projektu: Zavedení elektronické návštěvnické karty. ' +
        'aktivity v předchozím období: Příprava a uvedení návštěvnické karty do provozu. ' +
        'aktivity v období 01/2026: Dokončení zákaznické zóny Moje ZOO a nasazení do praxe. ' +
        'plán pro období 02/2026: Propagace nových funkcionalit mezi klienty. ' +
        'stav projektu: probíhá podle plánu ' +
        'kontaktní osoba: M. Féna (P. Lieskovská)',
    );
    expect(htmlHeadings(html)).toContain('h3: DALŠÍ PROJEKTY REALIZOVANÉ MIMO OBLASTI AKTIVIT AKČNÍHO PLÁNU');
    expect(text).toContain('Taxibusy bližší popis: Zajištění poptávkové dopravy.');
  });

  it('says so for an activity without projects', () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const text = htmlText(renderMonitoringReportHtml(report));

    // Assess
    expect(text).toContain(
      'V rámci aktivity Osvěta veřejnosti v sociální oblasti nebyly ve sledovaném období realizovány žádné činnosti.',
    );
  });

  it('keeps a project that did not submit and marks it', () => {
    // Prepare
    const report = aMonitoringReport({
      outsidePlan: [aProject({ id: 'late', name: 'Trans-Borders Plus', thisPeriod: null, nextPeriodPlan: null, status: null })],
    });

    // Act
    const html = renderMonitoringReportHtml(report);

    // Assess
    expect(htmlHeadings(html)).toContain('h4: Trans-Borders Plus');
    expect(html).toContain('<dt>aktivity v období 01/2026:</dt><dd class="missing">Za toto období nebyly dodány podklady.</dd>');
    expect(html).toContain('<dt>plán pro období 02/2026:</dt><dd class="missing">Za toto období nebyly dodány podklady.</dd>');
  });

  it('totals the payment portal’s months', () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const text = htmlText(renderMonitoringReportHtml(report));

    // Assess
    expect(text).toContain('Celkem 701 806\u00a0265\u00a0Kč');
    expect(text).toContain('Leden 2026 162 183\u00a0476\u00a0Kč');
  });

  it('marks ARR’s chapters that are not filled in yet', () => {
    // Prepare
    const report = aMonitoringReport({ agency: {} });

    // Act
    const html = renderMonitoringReportHtml(report);

    // Assess
    expect(html.match(/<p class="missing">Za toto období nebyly dodány podklady\.<\/p>/g)).toHaveLength(4);
  });

  it.each(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'])(
    'never lets user text %s through unescaped',
    (payload) => {
      // Prepare
      const report = aReportWithEveryTextAs(payload);

      // Act
      const html = renderMonitoringReportHtml(report);

      // Assess
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('alert(1)</script>');
      // Escaped in text and in attributes alike: `<`, `&` and `"` as entities (`>` alone opens nothing).
      const escaped = payload.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
      expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(20);
      expect(htmlText(html).split(payload).length - 1).toBeGreaterThanOrEqual(20);
    },
  );

  it('links only web addresses, escaped inside the attribute', () => {
    // Prepare
    const report = aReportWithEveryTextAs('x');

    // Act
    const html = renderMonitoringReportHtml(report);

    // Assess
    expect(html).toContain('<a href="https://example.cz/?q=&quot;>&lt;script>alert(1)&lt;/script>">');
  });
});
