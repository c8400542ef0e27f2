/**
 * ARR's back-office API: one function, routed on API Gateway's route key (`GET /cycles/{cycleId}`),
 * so every route shares one warm execution environment. All routes are IAM-signed.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { renderAnnualReportHtml } from '../documents/annual/html';
import { renderAnnualReportMarkdown } from '../documents/annual/markdown';
import { renderMonitoringReportHtml } from '../documents/monitoring/html';
import { renderMonitoringReportMarkdown } from '../documents/monitoring/markdown';
import { renderIndicatorsCsv, renderIndicatorsJson, type IndicatorOpenDataRow } from '../documents/open-data';
import { NotFoundError, ValidationError } from '../domain/errors';
import { parsePeriodId } from '../domain/period';
import type { ActionPlan } from '../domain/plan';
import type { Dependencies } from '../domain/ports';
import {
  getAllIndicators,
  getCycleIndicators,
  getCycleOverview,
  getMonitoringReport,
  listCycles,
  putAgencySection,
  reissueContactLink,
  revokeContactLinks,
  type IndicatorRow,
} from '../domain/use-cases/arr';
import {
  addContactPerson,
  addProject,
  exportPlan,
  getPlanRevision,
  importPlan,
  listPlanHistory,
  updateContactPerson,
  updateGuarantor,
  updateIndicator,
  updateProject,
} from '../domain/use-cases/manage-plan';
import { importPastReport } from '../domain/use-cases/load-history';
import { getAnnualReport, getAnnualTexts, putAnnualTexts } from '../domain/use-cases/annual-report';
import { getProjectDetail, putEditorialVersion, returnProject } from '../domain/use-cases/editorial';
import { awsAgency, awsAnnualTexts, awsClock, awsConfig, awsCycles, awsEditorial, awsEvents, awsIndicators, awsPlans, awsReminders, awsReports, awsSubmissions, awsTokens } from './composition/aws';
import { lazyReportDocuments } from './composition/documents';
import { actorOf, correlationIdOf, parseBody, pathParameter, queryParameter } from './http/body';
import { httpHandler } from './http/middleware';
import { file, html, json, type HttpResponse } from './http/responses';

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type ArrApiDependencies = Pick<
  Dependencies,
  | 'clock'
  | 'config'
  | 'plans'
  | 'cycles'
  | 'submissions'
  | 'tokens'
  | 'reminders'
  | 'indicators'
  | 'agency'
  | 'editorial'
  | 'reports'
  | 'annualTexts'
  | 'events'
  | 'documents'
>;

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const REPORT_FORMATS = ['html', 'md', 'docx', 'json'] as const;
export const INDICATOR_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `?format=`, one of `formats`; absent means the first. */
function formatOf<F extends string>(event: APIGatewayProxyEventV2, formats: readonly F[]): F {
  const requested = queryParameter(event, 'format')?.trim().toLowerCase();
  if (requested === undefined || requested === '') return formats[0] as F;
  if ((formats as readonly string[]).includes(requested)) return requested as F;
  const list = formats.join(', ');
  throw new ValidationError(`Formát „${requested}“ není podporován. Podporované formáty: ${list}.`, {
    format: `Použijte jeden z formátů: ${list}.`,
  });
}

interface Renderers<R> {
  html: (report: R) => string;
  md: (report: R) => string;
  docx: (report: R) => Promise<Uint8Array>;
}

export async function documentResponse<R>(
  report: R,
  format: ReportFormat,
  renderers: Renderers<R>,
  filenameStem: string,
): Promise<HttpResponse> {
  switch (format) {
    case 'json':
      return json(200, report);
    case 'html':
      return html(200, renderers.html(report));
    case 'md':
      return file(renderers.md(report), { contentType: 'text/markdown; charset=utf-8', filename: `${filenameStem}.md` });
    case 'docx':
      return file(await renderers.docx(report), { contentType: DOCX_TYPE, filename: `${filenameStem}.docx` });
  }
}

/** The open-data rows of indicator values, each labelled with its own half-year. */
export async function openDataRows(deps: Pick<Dependencies, 'plans' | 'config'>, rows: IndicatorRow[]): Promise<IndicatorOpenDataRow[]> {
  const plan = await deps.plans.getPlan(deps.config.planId);
  const areaNames = new Map(plan.activityAreas.map((area) => [area.id, area.name]));
  return rows.map((row) => {
    const period = parsePeriodId(row.cycleId);
    return {
      period: period.shortLabel,
      code: row.code,
      name: row.definition.name,
      areaName: areaNames.get(row.definition.activityAreaId) ?? '',
      periodValue: row.periodValue,
      cumulativeValue: row.cumulativeValue,
      unit: row.definition.unit,
      asOf: period.lastDay,
    };
  });
}

/** A cycle's monitoring report as a file of the format; shared with the console's downloads. */
export async function monitoringReportDocument(
  deps: ArrApiDependencies,
  input: { cycleId: string; correlationId: string },
  format: ReportFormat,
): Promise<HttpResponse> {
  const { cycleId } = input;
  return documentResponse(
    await getMonitoringReport(deps, input),
    format,
    { html: renderMonitoringReportHtml, md: renderMonitoringReportMarkdown, docx: (report) => deps.documents.monitoringReportDocx(report) },
    `monitorovaci-zprava-${cycleId}`,
  );
}

/** A year's annual report as a file of the format; shared with the console's downloads. */
export async function annualReportDocument(deps: ArrApiDependencies, year: string, format: ReportFormat): Promise<HttpResponse> {
  return documentResponse(
    await getAnnualReport(deps, { year, planId: deps.config.planId }),
    format,
    { html: renderAnnualReportHtml, md: renderAnnualReportMarkdown, docx: (report) => deps.documents.annualReportDocx(report) },
    `vyrocni-zprava-${year}`,
  );
}

/** Every cycle's indicators as the open-data CSV or JSON; shared with the console's downloads. */
export async function openDataDocument(deps: ArrApiDependencies, format: (typeof INDICATOR_FORMATS)[number]): Promise<HttpResponse> {
  const rows = await openDataRows(deps, await getAllIndicators(deps));
  if (format === 'csv') {
    return file(renderIndicatorsCsv(rows), { contentType: 'text/csv; charset=utf-8', filename: 'indikatory.csv' });
  }
  const document = renderIndicatorsJson(rows, { contact: deps.config.arr, modified: deps.clock.now().toISOString() });
  return file(document, { contentType: 'application/json; charset=utf-8', filename: 'indikatory.json' });
}

/** A plan revision as the JSON file that can be imported again; shared with the console's export. */
export function planFile(plan: ActionPlan, revision: number): HttpResponse {
  return file(`${JSON.stringify(plan, null, 2)}\n`, {
    contentType: 'application/json; charset=utf-8',
    filename: `akcni-plan-${plan.id}-verze-${revision}.json`,
  });
}

type Route = (event: APIGatewayProxyEventV2, deps: ArrApiDependencies) => Promise<HttpResponse>;

/** What every plan change needs from the request: who, the body, and ARR's confirmation. */
function changeOf(event: APIGatewayProxyEventV2) {
  return {
    actor: actorOf(event),
    correlationId: correlationIdOf(event),
    body: parseBody(event),
    confirmRemovals: queryParameter(event, 'confirm') === 'true',
  };
}

const routes: Record<string, Route> = {
  'GET /cycles': async (_event, deps) => json(200, { cycles: await listCycles(deps) }),

  'GET /cycles/{cycleId}': async (event, deps) => json(200, await getCycleOverview(deps, pathParameter(event, 'cycleId'))),

  'GET /cycles/{cycleId}/indicators': async (event, deps) => {
    const format = formatOf(event, INDICATOR_FORMATS);
    const cycleId = pathParameter(event, 'cycleId');
    const rows = await getCycleIndicators(deps, cycleId);
    if (format === 'json') return json(200, { cycleId, indicators: rows });
    return file(renderIndicatorsCsv(await openDataRows(deps, rows)), {
      contentType: 'text/csv; charset=utf-8',
      filename: `indikatory-${cycleId}.csv`,
    });
  },

  // Open data: every cycle's indicators, with the metadata a regional open-data portal needs.
  'GET /indicators': async (event, deps) => openDataDocument(deps, formatOf(event, INDICATOR_FORMATS)),

  'PUT /cycles/{cycleId}/agency/{section}': async (event, deps) =>
    json(
      200,
      await putAgencySection(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        sectionId: pathParameter(event, 'section'),
        body: parseBody(event),
        correlationId: correlationIdOf(event),
      }),
    ),

  'GET /cycles/{cycleId}/report': async (event, deps) =>
    monitoringReportDocument(
      deps,
      { cycleId: pathParameter(event, 'cycleId'), correlationId: correlationIdOf(event) },
      formatOf(event, REPORT_FORMATS),
    ),

  'GET /years/{year}/report': async (event, deps) => annualReportDocument(deps, pathParameter(event, 'year'), formatOf(event, REPORT_FORMATS)),

  'GET /years/{year}/texts': async (event, deps) =>
    json(200, await getAnnualTexts(deps, { year: pathParameter(event, 'year'), planId: deps.config.planId })),

  'PUT /years/{year}/texts': async (event, deps) =>
    json(200, await putAnnualTexts(deps, { year: pathParameter(event, 'year'), planId: deps.config.planId, body: parseBody(event) })),

  'GET /cycles/{cycleId}/projects/{projectId}': async (event, deps) =>
    json(200, await getProjectDetail(deps, { cycleId: pathParameter(event, 'cycleId'), projectId: pathParameter(event, 'projectId') })),

  // 201: the return is a new record in the project's history; its emails are only queued here.
  'POST /cycles/{cycleId}/projects/{projectId}/return': async (event, deps) =>
    json(
      201,
      await returnProject(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        projectId: pathParameter(event, 'projectId'),
        body: parseBody(event),
        returnedBy: actorOf(event),
        correlationId: correlationIdOf(event),
      }),
    ),

  'PUT /cycles/{cycleId}/projects/{projectId}/editorial': async (event, deps) =>
    json(
      200,
      await putEditorialVersion(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        projectId: pathParameter(event, 'projectId'),
        body: parseBody(event),
        editedBy: actorOf(event),
        correlationId: correlationIdOf(event),
      }),
    ),

  // 202: the new link goes out in an email that is only queued here.
  'POST /cycles/{cycleId}/contacts/{contactPersonId}/token': async (event, deps) =>
    json(
      202,
      await reissueContactLink(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        contactPersonId: pathParameter(event, 'contactPersonId'),
        correlationId: correlationIdOf(event),
      }),
    ),

  'DELETE /cycles/{cycleId}/contacts/{contactPersonId}/token': async (event, deps) =>
    json(
      200,
      await revokeContactLinks(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        contactPersonId: pathParameter(event, 'contactPersonId'),
      }),
    ),

  // The action plan: export, import (`?confirm=true` removes projects that have reports in an open cycle), history.
  'GET /plan': async (_event, deps) => {
    const { revision, plan } = await exportPlan(deps);
    return planFile(plan, revision);
  },
  'PUT /plan': async (event, deps) => json(200, await importPlan(deps, changeOf(event))),
  'GET /plan/history': async (_event, deps) => json(200, { revisions: await listPlanHistory(deps) }),
  'GET /plan/history/{revision}': async (event, deps) => json(200, await getPlanRevision(deps, pathParameter(event, 'revision'))),
  'POST /plan/contacts': async (event, deps) => json(201, await addContactPerson(deps, changeOf(event))),
  'PATCH /plan/contacts/{contactPersonId}': async (event, deps) =>
    json(200, await updateContactPerson(deps, { ...changeOf(event), contactPersonId: pathParameter(event, 'contactPersonId') })),
  'PATCH /plan/areas/{activityAreaId}/guarantor': async (event, deps) =>
    json(200, await updateGuarantor(deps, { ...changeOf(event), activityAreaId: pathParameter(event, 'activityAreaId') })),
  'POST /plan/projects': async (event, deps) => json(201, await addProject(deps, changeOf(event))),
  'PATCH /plan/projects/{projectId}': async (event, deps) =>
    json(200, await updateProject(deps, { ...changeOf(event), projectId: pathParameter(event, 'projectId') })),
  'PATCH /plan/indicators/{code}': async (event, deps) =>
    json(200, await updateIndicator(deps, { ...changeOf(event), code: pathParameter(event, 'code') })),

  // A past monitoring report (Markdown or text) becomes history that pre-fills later cycles.
  'POST /history': async (event, deps) => json(201, await importPastReport(deps, parseBody(event))),
};

export const ARR_ROUTE_KEYS = Object.keys(routes);

export function createArrApiHandler(deps: () => ArrApiDependencies) {
  return httpHandler(
    async (event) => {
      const route = routes[event.routeKey];
      if (route === undefined) throw new NotFoundError(`Neznámá adresa: ${event.routeKey}.`);
      return route(event, deps());
    },
    { format: 'json' },
  );
}

export const handler = createArrApiHandler(() => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  submissions: awsSubmissions(),
  tokens: awsTokens(),
  reminders: awsReminders(),
  indicators: awsIndicators(),
  agency: awsAgency(),
  editorial: awsEditorial(),
  reports: awsReports(),
  annualTexts: awsAnnualTexts(),
  clock: awsClock,
  config: awsConfig(),
  events: awsEvents(),
  documents: lazyReportDocuments,
}));
