/** A report in the console: the HTML preview inside the page, and every download. */
import type { VNode } from 'preact';
import { reportContentStyles } from '../../documents/render/html';
import { formatIsoDate, formatNumber } from '../format';
import { rawHtml, renderPage } from '../jsx/render';
import { ConsolePage, cyclePath, TableWrap, type ConsoleFrameUser, type Crumb } from './layout';

export interface ReportPageView {
  user: ConsoleFrameUser;
  title: string;
  breadcrumbs: Crumb[];
  /** Base of the downloads: `<base>/docx`, `/md`, `/json`, `/html`. */
  downloadBase: string;
  /** The report's own HTML (from documents/), or null while it is not assembled yet. */
  previewHtml: string | null;
  missingMessage: string;
  /**
   * Set when the preview is a working draft of an open cycle, built for this page and stored
   * nowhere: how many of its projects are answered. A draft has no downloads, so that no file of an
   * unfinished report goes round as if it were the report.
   */
  draft?: { submitted: number; total: number; previousMissing?: string };
  /** A word on where the report comes from, above it. */
  notice?: string;
  /** Pages that belong with this report: ARR's chapters of a half-year, the annual report's texts. */
  links?: Array<{ href: string; label: string }>;
}

function Downloads(props: { base: string }): VNode {
  return (
    <ul>
      <li>
        <a href={`${props.base}/docx`}>Stáhnout DOCX (Microsoft Word)</a>
      </li>
      <li>
        <a href={`${props.base}/md`}>Stáhnout Markdown</a>
      </li>
      <li>
        <a href={`${props.base}/json`}>Stáhnout data zprávy (JSON)</a>
      </li>
      <li>
        <a href={`${props.base}/html`}>Stáhnout HTML k tisku</a>
      </li>
    </ul>
  );
}

/** The part of a rendered report document inside its `<main>`: the console page has its own frame. */
export function reportBody(document: string): string {
  return /<main>([\s\S]*)<\/main>/.exec(document)?.[1] ?? '';
}

/**
 * The report's own look inside the console's frame: its content's stylesheet, scoped to the
 * preview, with the title page's margins (meant for a page of its own) made smaller.
 */
function previewStyles(): string {
  return `${reportContentStyles('.report-preview ')}.report-preview header.title-block { margin: 1rem 0 2rem; }\n`;
}

export function renderReportPage(view: ReportPageView): string {
  return renderPage(
    <ConsolePage
      title={view.title}
      user={view.user}
      breadcrumbs={view.breadcrumbs}
      {...(view.previewHtml === null ? {} : { pageStyles: previewStyles() })}
    >
      <h1>{view.title}</h1>
      {view.links && view.links.length > 0 ? (
        <p class="actions">
          {view.links.map((link) => (
            <a class="button-link secondary" href={link.href}>
              {link.label}
            </a>
          ))}
        </p>
      ) : null}
      {view.notice ? <p class="panel">{view.notice}</p> : null}
      {view.previewHtml === null ? (
        <p class="panel">{view.missingMessage}</p>
      ) : (
        <>
          {view.draft ? (
            <section class="panel attention" aria-labelledby="pracovni">
              <h2 id="pracovni">Pracovní verze</h2>
              <p>
                Odevzdáno {view.draft.submitted} z {view.draft.total} projektů. Takto by zpráva vypadala teď; projekty bez podkladů jsou v ní
                označené. Zpráva se sestaví a bude ke stažení, jakmile odevzdají všechny kontaktní osoby, nebo po uzavření cyklu.
              </p>
              {view.draft.previousMissing ? (
                <p>
                  {view.draft.previousMissing} v systému není, proto je sloupec „aktivity v předchozím období“ prázdný. Máte-li jeho monitorovací zprávu, nahrajte ji na stránce{' '}
                  <a href="/arr/plan/past-reports">Minulé zprávy</a>; zpráva ji pak převezme.
                </p>
              ) : null}
            </section>
          ) : (
            <section class="panel" aria-labelledby="stazeni">
              <h2 id="stazeni">Ke stažení</h2>
              <Downloads base={view.downloadBase} />
            </section>
          )}
          <section aria-labelledby="nahled">
            <h2 id="nahled">{view.draft ? 'Náhled pracovní verze' : 'Náhled zprávy'}</h2>
            {rawHtml(view.previewHtml, { className: 'report-preview' })}
          </section>
        </>
      )}
    </ConsolePage>,
  );
}

/** One indicator's values in a half-year. */
export interface IndicatorValueView {
  code: string;
  name: string;
  /** What the half-year added; null for an indicator of a state (e.g. subjects connected), not a flow. */
  periodValue: number | null;
  /** The value at the half-year's end. */
  value: number;
  /** How many projects contributed to it this half-year. */
  contributors: number;
}

/** The indicators of the newest cycle, by activity area. */
export interface IndicatorValuesView {
  cycleId: string;
  cycleLabel: string;
  /** Values so far: the cycle is open and persons are still answering. */
  running: boolean;
  /** The half-year's last day, `YYYY-MM-DD`. */
  asOf: string;
  areas: Array<{ name: string; indicators: IndicatorValueView[] }>;
}

export interface IndicatorsPageView {
  user: ConsoleFrameUser;
  /** Null before the first cycle opens. */
  values: IndicatorValuesView | null;
  cycles: Array<{ id: string; label: string }>;
  /** Years with at least one half-year's report, and which; the annual report needs both. */
  years: Array<{ year: string; firstHalf: boolean; secondHalf: boolean }>;
}

function IndicatorValues(props: { values: IndicatorValuesView | null }): VNode {
  const { values } = props;
  if (values === null) {
    return (
      <section class="panel" aria-labelledby="hodnoty">
        <h2 id="hodnoty">Hodnoty indikátorů</h2>
        <p>
          Hodnoty se počítají z podkladů kontaktních osob od otevření prvního pololetí. Výchozí hodnoty jsou v akčním plánu na stránce{' '}
          <a href="/arr/plan/indicators">Indikátory</a>.
        </p>
      </section>
    );
  }
  const asOf = formatIsoDate(values.asOf);
  const cycleLink = <a href={cyclePath(values.cycleId)}>stránka cyklu</a>;
  const states = values.areas.some((area) => area.indicators.some((indicator) => indicator.periodValue === null));
  return (
    <section class="panel" aria-labelledby="hodnoty">
      <h2 id="hodnoty">Hodnoty indikátorů za {values.cycleLabel}</h2>
      <p>
        {values.running ? (
          <>
            Průběžné hodnoty z podkladů, které kontaktní osoby dosud odeslaly; každé odeslání je přepočítá. Kdo ještě neodevzdal, ukazuje{' '}
            {cycleLink}.
          </>
        ) : (
          <>Hodnoty z podkladů uzavřeného cyklu; kdo co odevzdal, ukazuje {cycleLink}.</>
        )}{' '}
        Hodnoty dřívějších pololetí jsou v otevřených datech níže.
      </p>
      <TableWrap labelledBy="hodnoty">
        <table>
          <thead>
            <tr>
              <th scope="col">Indikátor</th>
              <th scope="col" class="number">
                Za pololetí
              </th>
              <th scope="col" class="number">
                Stav k <span class="nowrap">{asOf}</span>
              </th>
              <th scope="col" class="number">
                Přispělo projektů
              </th>
            </tr>
          </thead>
          {values.areas.map((area) => (
            <tbody>
              <tr>
                <th scope="rowgroup" colspan={4}>
                  {area.name}
                </th>
              </tr>
              {area.indicators.map((indicator) => (
                <tr>
                  <th scope="row">
                    <span class="nowrap">{indicator.code}</span> <span class="indicator-name">{indicator.name}</span>
                  </th>
                  <td class="number">{indicator.periodValue === null ? '–' : formatNumber(indicator.periodValue)}</td>
                  <td class="number">{formatNumber(indicator.value)}</td>
                  <td class="number">{formatNumber(indicator.contributors)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </TableWrap>
      {states ? <p class="muted">– Indikátor vyjadřuje stav (například počet zapojených subjektů), ne přírůstek za pololetí.</p> : null}
    </section>
  );
}

export function renderIndicatorsPage(view: IndicatorsPageView): string {
  return renderPage(
    <ConsolePage title="Indikátory a otevřená data" user={view.user} breadcrumbs={[{ href: '/arr', label: 'Cykly' }, { label: 'Indikátory a otevřená data' }]}>
      <h1>Indikátory a otevřená data</h1>
      <IndicatorValues values={view.values} />
      <section class="panel" aria-labelledby="otevrena-data">
        <h2 id="otevrena-data">Otevřená data: indikátory všech cyklů</h2>
        <ul>
          <li>
            <a href="/arr/indicators/csv">Stáhnout CSV</a>
          </li>
          <li>
            <a href="/arr/indicators/json">Stáhnout JSON s metadaty pro portál otevřených dat</a>
          </li>
        </ul>
      </section>
      <section class="panel" aria-labelledby="vyrocni">
        <h2 id="vyrocni">Výroční zprávy</h2>
        {view.user.role === 'arr' ? (
          <p>Výroční zprávu lze sestavit, až budou hotové monitorovací zprávy obou pololetí roku; její texty k aktivitám lze upravovat už po prvním pololetí.</p>
        ) : (
          <p>Výroční zpráva je k dispozici, jakmile jsou hotové monitorovací zprávy obou pololetí roku.</p>
        )}
        {view.years.length === 0 ? null : (
          <ul>
            {view.years.map(({ year, firstHalf, secondHalf }) => (
              <li>
                {firstHalf && secondHalf ? (
                  <a href={`/arr/years/${year}/report`}>Výroční zpráva za rok {year}</a>
                ) : firstHalf ? (
                  `Výroční zpráva za rok ${year} (zatím jen 1. pololetí)`
                ) : (
                  // The first half-year was never collected here: only its past report, loaded by ARR, completes the year.
                  <>
                    Výroční zpráva za rok {year} (chybí monitorovací zpráva za 1. pololetí
                    {view.user.role === 'arr' ? (
                      <>
                        , kterou lze nahrát na stránce <a href="/arr/plan/past-reports">Minulé zprávy</a>
                      </>
                    ) : null}
                    )
                  </>
                )}
                {' · '}
                <a href={`/arr/years/${year}/texts`}>texty k aktivitám za rok {year}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="zpravy">
        <h2 id="zpravy">Monitorovací zprávy</h2>
        {view.cycles.length === 0 ? (
          <p>Zatím není sestavená žádná monitorovací zpráva. Zpráva pololetí se sestaví, jakmile odevzdají všechny kontaktní osoby, nebo po uzavření cyklu.</p>
        ) : (
          <ul>
            {view.cycles.map((cycle) => (
              <li>
                <a href={cyclePath(cycle.id, '/report')}>Monitorovací zpráva za {cycle.label}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </ConsolePage>,
  );
}
