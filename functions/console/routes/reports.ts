/**
 * The reports' previews and downloads, the indicators as open data, and ARR's texts of the annual
 * report. The texts are in this group because they share the annual report's model with the
 * reports: in a group of their own, esbuild would split that model into a chunk of its own.
 */
import { renderAnnualReportHtml } from '../../../documents/annual/html';
import { renderMonitoringReportHtml } from '../../../documents/monitoring/html';
import type { CycleState } from '../../../domain/cycle';
import { DomainError, NotFoundError } from '../../../domain/errors';
import { parsePeriodId, previousPeriod } from '../../../domain/period';
import { getAnnualReport } from '../../../domain/use-cases/annual-report';
import { reportProjects, type MonitoringReport } from '../../../domain/report/model';
import { listCycles, newestCycleIndicators, type CycleIndicatorsByArea } from '../../../domain/use-cases/arr';
import { draftReport, readMonitoringReport } from '../../../domain/use-cases/assemble-report';
import { renderIndicatorsPage, renderReportPage, reportBody, type IndicatorValuesView } from '../../../templates/console/report';
import { INDICATOR_FORMATS, openDataDocument } from '../../downloads/open-data';
import { annualReportDocument, monitoringReportDocument, REPORT_FORMATS } from '../../downloads/report-documents';
import { correlationIdOf, pathParameter } from '../../http/body';
import { html } from '../../http/responses';
import { annualTextRoutes } from '../annual-text-routes';
import { member, type ConsoleRoute, type SignedInContext } from '../context';
import { chaptersPath, cyclePath, frameUser } from '../pages';

/** The `{format}` of a download path, one of `formats`. */
function formatParameter<F extends string>(context: SignedInContext, formats: readonly F[]): F {
  const format = pathParameter(context.event, 'format').toLowerCase();
  if ((formats as readonly string[]).includes(format)) return format as F;
  throw new NotFoundError(`Formát „${format}“ není k dispozici. K dispozici jsou: ${formats.join(', ')}.`);
}

/** The half-year before, by its label, when the system has no cycle of it (not even one taken from a report). */
async function previousMissing(context: SignedInContext, cycleId: string): Promise<{ previousMissing?: string }> {
  const previous = previousPeriod(parsePeriodId(cycleId));
  return (await context.deps.app.cycles.getCycle(previous.id)) ? {} : { previousMissing: previous.label };
}

function indicatorValuesView(found: CycleIndicatorsByArea | null): IndicatorValuesView | null {
  if (found === null) return null;
  const period = parsePeriodId(found.cycle.id);
  return {
    cycleId: found.cycle.id,
    cycleLabel: period.label,
    running: found.cycle.state === 'open',
    asOf: period.lastDay,
    areas: found.areas.map((area) => ({
      name: area.name,
      indicators: area.indicators.map((row) => ({
        code: row.code,
        name: row.definition.name,
        periodValue: row.definition.aggregation === 'latest' ? null : row.periodValue,
        value: row.cumulativeValue,
        contributors: row.contributors.length,
      })),
    })),
  };
}

/** How many of a draft's projects are answered: a project asked for and not answered has no text of this period. */
function draftProgress(draft: MonitoringReport): { submitted: number; total: number } {
  const projects = reportProjects(draft);
  return { submitted: projects.filter((project) => project.thisPeriod !== null).length, total: projects.length };
}

/**
 * Why a cycle has no report to show: an open cycle's report waits for the last answer or the
 * close; a closed one's is being assembled (its queue has not run yet).
 */
function reportPendingMessage(state: CycleState): string {
  return state === 'open' || state === 'draft'
    ? 'Zpráva se sestaví, jakmile odevzdají všechny kontaktní osoby, nebo po uzavření cyklu.'
    : 'Cyklus je uzavřený a zpráva se právě sestavuje. Obnovte stránku za chvíli.';
}

export const routes: Record<string, ConsoleRoute> = {
  ...annualTextRoutes,
  'GET /arr/cycles/{cycleId}/report': member(async (context) => {
    const cycleId = pathParameter(context.event, 'cycleId');
    const cycle = await context.deps.app.cycles.getCycle(cycleId);
    if (!cycle) throw new NotFoundError(`Cyklus ${cycleId} neexistuje.`);
    const stored = await readMonitoringReport(context.deps.app, { cycleId, correlationId: correlationIdOf(context.event) });
    // ARR's working draft while persons answer; the steering group reads only an assembled report.
    const draft = stored === null && context.user.role === 'arr' ? await draftReport(context.deps.app, { cycleId }) : null;
    const report = stored ?? draft;
    const label = parsePeriodId(cycleId).label;
    const imported = cycle.source === 'import';
    return html(
      200,
      renderReportPage({
        user: frameUser(context),
        title: `Monitorovací zpráva za ${label}`,
        // A half-year taken from a report has no page of its own: it was never collected here.
        breadcrumbs: [{ href: '/arr', label: 'Cykly' }, imported ? { label } : { href: cyclePath(cycleId), label }, { label: 'Monitorovací zpráva' }],
        ...(imported
          ? {
              notice:
                'Zpráva je sestavená z monitorovací zprávy za toto pololetí, která vznikla před zavedením systému: má její texty k projektům, ne však hodnoty indikátorů ani stavy projektů.',
            }
          : {}),
        downloadBase: cyclePath(cycleId, '/report'),
        previewHtml: report ? reportBody(renderMonitoringReportHtml(report)) : null,
        ...(draft ? { draft: { ...draftProgress(draft), ...(await previousMissing(context, cycleId)) } } : {}),
        missingMessage: reportPendingMessage(cycle.state),
        // ARR's chapters can be written before the report exists, open cycle or closed; reading the
        // report or its draft is where ARR finds what to correct in them.
        links: context.user.role === 'arr' && !imported ? [{ href: chaptersPath(cycleId), label: 'Upravit kapitoly ARR' }] : [],
      }),
    );
  }),

  'GET /arr/cycles/{cycleId}/report/{format}': member(async (context) =>
    monitoringReportDocument(
      context.deps.app,
      { cycleId: pathParameter(context.event, 'cycleId'), correlationId: correlationIdOf(context.event) },
      formatParameter(context, REPORT_FORMATS),
    ),
  ),

  'GET /arr/years/{year}/report': member(async (context) => {
    const year = pathParameter(context.event, 'year');
    let preview: string | null = null;
    let missing = '';
    try {
      preview = reportBody(renderAnnualReportHtml(await getAnnualReport(context.deps.app, { year, planId: context.deps.app.config.planId })));
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'not-found') throw error;
      missing = error.message;
    }
    return html(
      200,
      renderReportPage({
        user: frameUser(context),
        title: `Výroční zpráva za rok ${year}`,
        breadcrumbs: [{ href: '/arr', label: 'Cykly' }, { href: '/arr/indicators', label: 'Indikátory a otevřená data' }, { label: `Výroční zpráva ${year}` }],
        downloadBase: `/arr/years/${encodeURIComponent(year)}/report`,
        previewHtml: preview,
        missingMessage: missing,
        links: [
          { href: `/arr/years/${encodeURIComponent(year)}/texts`, label: context.user.role === 'arr' ? 'Upravit texty k aktivitám' : 'Texty k aktivitám' },
        ],
      }),
    );
  }),

  'GET /arr/years/{year}/report/{format}': member(async (context) =>
    annualReportDocument(context.deps.app, pathParameter(context.event, 'year'), formatParameter(context, REPORT_FORMATS)),
  ),

  'GET /arr/indicators': member(async (context) => {
    const all = await listCycles(context.deps.app);
    // The half-years with a monitoring report: assembled, or built on demand from an imported report.
    const withReport = all.filter((cycle) => cycle.source === 'import' || cycle.reportAssembledAt !== undefined);
    const halfYears = new Set(withReport.map((cycle) => cycle.id));
    const years = [...new Set([...halfYears].map((id) => id.slice(0, 4)))]
      .sort((a, b) => b.localeCompare(a))
      .map((year) => ({ year, firstHalf: halfYears.has(`${year}-H1`), secondHalf: halfYears.has(`${year}-H2`) }));
    return html(
      200,
      renderIndicatorsPage({
        user: frameUser(context),
        values: indicatorValuesView(await newestCycleIndicators(context.deps.app, all)),
        cycles: withReport.map((cycle) => ({ id: cycle.id, label: parsePeriodId(cycle.id).label })),
        years,
      }),
    );
  }),

  'GET /arr/indicators/{format}': member(async (context) => openDataDocument(context.deps.app, formatParameter(context, INDICATOR_FORMATS))),
};
