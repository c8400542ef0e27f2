/**
 * Every route of ARR's console, as API Gateway route keys. The stack and the local server route
 * exactly these to the console function (a unit test keeps them equal to the handler's routes);
 * none has an IAM authorizer, because the console authenticates each request with its session.
 */
export const CONSOLE_ROUTE_KEYS = [
  'GET /arr/sign-in',
  'GET /arr/auth/callback',
  'POST /arr/sign-out',
  'GET /arr/signed-out',
  'GET /arr',
  'POST /arr/cycles',
  'GET /arr/cycles/{cycleId}',
  'POST /arr/cycles/{cycleId}/dates',
  'POST /arr/cycles/{cycleId}/contacts/{contactPersonId}/link',
  'POST /arr/cycles/{cycleId}/contacts/{contactPersonId}/revoke',
  'GET /arr/cycles/{cycleId}/close',
  'POST /arr/cycles/{cycleId}/close',
  'GET /arr/cycles/{cycleId}/projects/{projectId}',
  'POST /arr/cycles/{cycleId}/projects/{projectId}/return',
  'POST /arr/cycles/{cycleId}/projects/{projectId}/editorial',
  'GET /arr/cycles/{cycleId}/report',
  'GET /arr/cycles/{cycleId}/report/{format}',
  'GET /arr/years/{year}/report',
  'GET /arr/years/{year}/report/{format}',
  'GET /arr/years/{year}/texts',
  'POST /arr/years/{year}/texts',
  'GET /arr/indicators',
  'GET /arr/indicators/{format}',
  'GET /arr/cycles/{cycleId}/chapters/{section}',
  'POST /arr/cycles/{cycleId}/chapters/{section}',
  'GET /arr/plan',
  'GET /arr/plan/contacts',
  'POST /arr/plan/contacts',
  'GET /arr/plan/contacts/{contactPersonId}',
  'POST /arr/plan/contacts/{contactPersonId}',
  'GET /arr/plan/areas',
  'GET /arr/plan/areas/{activityAreaId}',
  'POST /arr/plan/areas/{activityAreaId}',
  'GET /arr/plan/projects',
  'POST /arr/plan/projects',
  'GET /arr/plan/projects/{projectId}',
  'POST /arr/plan/projects/{projectId}',
  'GET /arr/plan/indicators',
  'GET /arr/plan/indicators/{code}',
  'POST /arr/plan/indicators/{code}',
  'GET /arr/plan/export',
  'GET /arr/plan/import',
  'POST /arr/plan/import',
  'GET /arr/plan/history',
  'GET /arr/plan/history/{revision}',
  'GET /arr/plan/history/{revision}/export',
  'GET /arr/plan/past-reports',
  'POST /arr/plan/past-reports',
  // API Gateway's greedy routes: every other GET or POST under /arr/, so a mistyped or outdated
  // address (a form of a page opened before its address changed) gets the console's own page
  // rather than the gateway's JSON. Specific routes take precedence.
  'GET /arr/{path+}',
  'POST /arr/{path+}',
] as const;

export type ConsoleRouteKey = (typeof CONSOLE_ROUTE_KEYS)[number];
