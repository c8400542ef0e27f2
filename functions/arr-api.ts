/**
 * ARR's back-office API: one function, routed on API Gateway's route key (`GET /cycles/{cycleId}`),
 * so every route shares one warm execution environment. All routes are IAM-signed.
 *
 * The routes live in groups under arr-api/routes/ (http/route-groups.ts). The cycles' and the
 * editorial routes are read with this router; the reports (their renderers, with the annual
 * report's texts) and the plan (import, export, history, with the import of past reports) are
 * loaded on the first request that needs them.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { NotFoundError } from '../domain/errors';
import type { Dependencies } from '../domain/ports';
import * as cycleRoutes from './arr-api/routes/cycles';
import * as editorialRoutes from './arr-api/routes/editorial';
import { awsAgency, awsAnnualTexts, awsClock, awsConfig, awsCycles, awsEditorial, awsEvents, awsIndicators, awsPlans, awsReminders, awsReports, awsSubmissions, awsTokens } from './composition/aws';
import { lazyReportDocuments } from './composition/documents';
import { httpHandler } from './http/middleware';
import type { HttpResponse } from './http/responses';
import { routeOf, withEntry, type RouteGroupModules } from './http/route-groups';

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

export type ArrApiRoute = (event: APIGatewayProxyEventV2, deps: ArrApiDependencies) => Promise<HttpResponse>;

type ArrRouteGroup = 'cycles' | 'reports' | 'editorial' | 'plan';

export const ARR_ROUTE_GROUP_MODULES: RouteGroupModules<ArrRouteGroup, ArrApiRoute> = {
  cycles: withEntry(cycleRoutes),
  editorial: withEntry(editorialRoutes),
  reports: () => import('./arr-api/routes/reports'),
  plan: () => import('./arr-api/routes/plan'),
};

/** Every route key this function answers, and the group that handles it (a unit test loads each). */
export const ARR_ROUTE_GROUPS: Readonly<Record<string, ArrRouteGroup>> = {
  'GET /cycles': 'cycles',
  'GET /cycles/{cycleId}': 'cycles',
  'GET /cycles/{cycleId}/indicators': 'cycles',
  'GET /indicators': 'cycles',
  'PUT /cycles/{cycleId}/agency/{section}': 'cycles',
  'POST /cycles/{cycleId}/contacts/{contactPersonId}/token': 'cycles',
  'DELETE /cycles/{cycleId}/contacts/{contactPersonId}/token': 'cycles',
  'GET /cycles/{cycleId}/report': 'reports',
  'GET /years/{year}/report': 'reports',
  'GET /years/{year}/texts': 'reports',
  'PUT /years/{year}/texts': 'reports',
  'GET /cycles/{cycleId}/projects/{projectId}': 'editorial',
  'POST /cycles/{cycleId}/projects/{projectId}/return': 'editorial',
  'PUT /cycles/{cycleId}/projects/{projectId}/editorial': 'editorial',
  'GET /plan': 'plan',
  'PUT /plan': 'plan',
  'GET /plan/history': 'plan',
  'GET /plan/history/{revision}': 'plan',
  'POST /plan/contacts': 'plan',
  'PATCH /plan/contacts/{contactPersonId}': 'plan',
  'PATCH /plan/areas/{activityAreaId}/guarantor': 'plan',
  'POST /plan/projects': 'plan',
  'PATCH /plan/projects/{projectId}': 'plan',
  'PATCH /plan/indicators/{code}': 'plan',
  'POST /history': 'plan',
};

export function createArrApiHandler(deps: () => ArrApiDependencies) {
  return httpHandler(
    async (event) => {
      const route = await routeOf(event.routeKey, ARR_ROUTE_GROUPS, ARR_ROUTE_GROUP_MODULES);
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
