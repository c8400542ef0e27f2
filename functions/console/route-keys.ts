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
] as const;
