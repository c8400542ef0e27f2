/** The console's report pages: a report's preview, and the indicators page with what it lists of the reports. */
import { describe, expect, it } from 'vitest';
import { renderIndicatorsPage, renderReportPage, type ReportPageView } from '../../../templates/console/report';
import { htmlText } from '../documents/read';

const user = { name: 'Jana Nováková', role: 'arr' as const, csrf: 'csrf-token' };

describe('the report page', () => {
  const reportPage = (previewHtml: string | null): ReportPageView => ({
    user,
    title: 'Monitorovací zpráva za 2. pololetí 2026',
    breadcrumbs: [],
    downloadBase: '/arr/cycles/2026-H2/report',
    previewHtml,
    missingMessage: 'Zpráva se sestavuje.',
  });
  const pageStyles = (html: string) => [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] as string);

  it('shows the preview in the report’s own look: chapters numbered once, missing texts marked, nothing outside the preview restyled', () => {
    // Act
    const html = renderReportPage(reportPage('<nav class="toc"><ol><li>1. Sledování trendů</li></ol></nav>'));

    // Assess
    const preview = pageStyles(html).find((css) => css.includes('.report-preview nav.toc ol'));
    expect(preview).toContain('.report-preview nav.toc ol { list-style: none;');
    expect(preview).toContain('.report-preview .missing { color: #9b1c1c; font-weight: bold; }');
    const selectors = [...(preview ?? '').matchAll(/^([^@}\n][^{]*?)\s*{/gm)].flatMap((match) => (match[1] as string).split(','));
    expect(selectors.length).toBeGreaterThan(20);
    for (const selector of selectors) expect(selector.trim()).toMatch(/^\.report-preview /);
  });

  it('adds no stylesheet of a report while there is no report to show', () => {
    // Act
    const html = renderReportPage(reportPage(null));

    // Assess
    expect(htmlText(html)).toContain('Zpráva se sestavuje.');
    expect(pageStyles(html).some((css) => css.includes('.report-preview nav.toc'))).toBe(false);
  });
});

describe('the indicators page', () => {
  it('says that no monitoring report is assembled yet instead of an empty list', () => {
    // Act
    const html = renderIndicatorsPage({ user, values: null, cycles: [], years: [] });

    // Assess
    expect(htmlText(html)).toContain('Zatím není sestavená žádná monitorovací zpráva.');
    expect(html).not.toMatch(/<ul>\s*<\/ul>/);
  });

  it('lists each half-year’s report and the year whose two half-years are done', () => {
    // Act
    const html = renderIndicatorsPage({
      user,
      values: null,
      cycles: [{ id: '2026-H1', label: '1. pololetí 2026' }],
      years: [{ year: '2026', firstHalf: true, secondHalf: false }],
    });

    // Assess
    expect(html).toContain('<a href="/arr/cycles/2026-H1/report">Monitorovací zpráva za 1. pololetí 2026</a>');
    expect(htmlText(html)).toContain('Výroční zpráva za rok 2026 (zatím jen 1. pololetí)');
    expect(htmlText(html)).not.toContain('Zatím není sestavená');
  });

  it('names the missing first half-year of a year whose second half-year alone has a report, and where ARR loads it', () => {
    // Act
    const page = (role: 'arr' | 'steering-group') =>
      renderIndicatorsPage({ user: { ...user, role }, values: null, cycles: [{ id: '2026-H2', label: '2. pololetí 2026' }], years: [{ year: '2026', firstHalf: false, secondHalf: true }] });

    // Assess
    expect(page('arr')).toContain('Výroční zpráva za rok 2026 (chybí monitorovací zpráva za 1. pololetí, kterou lze nahrát na stránce <a href="/arr/plan/past-reports">Minulé zprávy</a>)');
    expect(htmlText(page('steering-group'))).toContain('Výroční zpráva za rok 2026 (chybí monitorovací zpráva za 1. pololetí)');
    expect(page('steering-group')).not.toContain('/arr/plan/past-reports');
    expect(page('arr')).not.toContain('zatím jen 1. pololetí');
  });

  it('tells ARR when the annual report can be assembled and its texts edited, and the steering group only when it is there to read', () => {
    // Act
    const page = (role: 'arr' | 'steering-group') => htmlText(renderIndicatorsPage({ user: { ...user, role }, values: null, cycles: [], years: [] }));

    // Assess
    expect(page('arr')).toContain('její texty k aktivitám lze upravovat už po prvním pololetí');
    expect(page('steering-group')).toContain('Výroční zpráva je k dispozici, jakmile jsou hotové monitorovací zprávy obou pololetí roku.');
    expect(page('steering-group')).not.toContain('lze upravovat');
  });
});

describe('the indicator values on the indicators page', () => {
  const values = (running: boolean) => ({
    cycleId: '2026-H2',
    cycleLabel: '2. pololetí 2026',
    running,
    asOf: '2026-12-31',
    areas: [
      {
        name: 'Elektronická komunikace a kyberbezpečnost',
        indicators: [
          { code: 'EK-4', name: 'Počet vzdělávacích akcí', periodValue: 3, value: 1250, contributors: 2 },
          { code: 'EK-5', name: 'Počet zapojených subjektů', periodValue: null, value: 81, contributors: 0 },
        ],
      },
    ],
  });

  it('shows the newest half-year’s values by activity area, a state’s half-year as a dash explained below the table', () => {
    // Act
    const html = renderIndicatorsPage({ user, values: values(true), cycles: [], years: [] });

    // Assess
    const text = htmlText(html);
    expect(text).toContain('Hodnoty indikátorů za 2. pololetí 2026');
    expect(text).toContain('Za pololetí Stav k 31. 12. 2026 Přispělo projektů');
    expect(html).toContain('<th scope="rowgroup" colspan="4">Elektronická komunikace a kyberbezpečnost</th>');
    expect(text).toContain('EK-4 Počet vzdělávacích akcí 3 1\u00a0250 2');
    expect(text).toContain('EK-5 Počet zapojených subjektů – 81 0');
    expect(text).toContain('– Indikátor vyjadřuje stav');
  });

  it('calls an open cycle’s values running and a closed one’s not, each linking the cycle’s page', () => {
    // Act
    const page = (running: boolean) => renderIndicatorsPage({ user, values: values(running), cycles: [], years: [] });

    // Assess
    expect(htmlText(page(true))).toContain('Průběžné hodnoty z podkladů, které kontaktní osoby dosud odeslaly');
    expect(htmlText(page(false))).toContain('Hodnoty z podkladů uzavřeného cyklu');
    expect(htmlText(page(false))).not.toContain('Průběžné');
    for (const running of [true, false]) expect(page(running)).toContain('<a href="/arr/cycles/2026-H2">stránka cyklu</a>');
  });

  it('says where the values come from before the first cycle opens, and where the baselines are', () => {
    // Act
    const html = renderIndicatorsPage({ user, values: null, cycles: [], years: [] });

    // Assess
    expect(htmlText(html)).toContain('Hodnoty se počítají z podkladů kontaktních osob od otevření prvního pololetí.');
    expect(html).toContain('<a href="/arr/plan/indicators">Indikátory</a>');
    expect(html).not.toContain('<table');
  });
});

describe('the console frame', () => {
  it('calls the site ARR’s console for ARR, and the plan’s monitoring for a member of the steering group, who only reads', () => {
    // Act
    const page = (role: 'arr' | 'steering-group') => renderIndicatorsPage({ user: { ...user, role }, values: null, cycles: [], years: [] });

    // Assess
    expect(page('arr')).toContain('<title>Indikátory a otevřená data – konzole ARR – Chytřejší Liberecký kraj</title>');
    expect(htmlText(page('arr'))).toContain('Chytřejší Liberecký kraj · konzole ARR');
    expect(page('steering-group')).toContain('<title>Indikátory a otevřená data – monitoring akčního plánu – Chytřejší Liberecký kraj</title>');
    expect(htmlText(page('steering-group'))).toContain('Chytřejší Liberecký kraj · monitoring akčního plánu');
    expect(htmlText(page('steering-group'))).not.toContain('konzole ARR');
  });
});
