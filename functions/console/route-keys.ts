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
] as const;
