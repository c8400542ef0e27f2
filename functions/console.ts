/**
 * ARR's web console under `/arr/`: server-rendered Czech pages for ARR and the steering group.
 * One function routed on API Gateway's route key. Every route declares who may use it, and the
 * check runs here on the server before the route: a session (else the sign-in), the group, and
 * the CSRF token of every form post.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { requireAccess, type ConsoleAccess } from '../domain/access';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { authenticate } from './console/auth';
import { consoleErrorPages } from './console/error-pages';
import type { ConsoleDependencies, ConsoleRoute } from './console/context';
import { consoleRoutes } from './console/routes';
import { planRoutes } from './console/plan';
import { readConsoleForm } from './console/request-form';
import { signInRoutes } from './console/sign-in-routes';
import { csrfMatches, CSRF_FIELD, safeReturnTo } from './console/session';
import { awsConsoleDependencies } from './composition/aws-console';
import { httpHandler } from './http/middleware';
import { redirect, type HttpResponse } from './http/responses';

export const CSRF_MESSAGE =
  'Formulář nelze přijmout: chybí bezpečnostní token nebo neplatí (stránka mohla být otevřená příliš dlouho). Načtěte stránku znovu a akci zopakujte.';

function pathWithQuery(event: APIGatewayProxyEventV2): string {
  return event.rawQueryString ? `${event.rawPath}?${event.rawQueryString}` : event.rawPath;
}

/** Runs a signed-in route: session, group, CSRF for posts, then the route itself. */
async function runProtected(
  event: APIGatewayProxyEventV2,
  deps: ConsoleDependencies,
  route: Extract<ConsoleRoute, { access: ConsoleAccess }>,
): Promise<HttpResponse> {
  const now = deps.app.clock.now();
  const authentication = await authenticate(event, deps.auth);
  if (authentication.kind === 'none') {
    const returnTo = event.requestContext.http.method === 'GET' ? pathWithQuery(event) : '/arr';
    return redirect(`/arr/sign-in?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`);
  }
  const { user } = authentication;
  requireAccess(user.role, route.access);
  let form: Record<string, string> = {};
  if (event.requestContext.http.method === 'POST') {
    form = await readConsoleForm(event);
    if (!csrfMatches(user.csrf, form[CSRF_FIELD])) throw new ForbiddenError(CSRF_MESSAGE);
  }
  const response = await route.handle({ event, deps, user, session: authentication.session, form, now });
  if (authentication.setCookies.length > 0) response.cookies = [...(response.cookies ?? []), ...authentication.setCookies];
  return response;
}

/**
 * Browsers apply a page's `form-action` to the redirects that follow a form post too, and the
 * sign-out form ends at the issuer's logout: every console page allows that one origin.
 */
function allowSignOutTarget(response: HttpResponse, origin: string): HttpResponse {
  const policy = response.headers['content-security-policy'];
  if (policy === undefined) return response;
  return { ...response, headers: { ...response.headers, 'content-security-policy': policy.replace("form-action 'self'", `form-action 'self' ${origin}`) } };
}

export function createConsoleHandler(deps: () => ConsoleDependencies) {
  const routes: Record<string, ConsoleRoute> = { ...signInRoutes, ...consoleRoutes, ...planRoutes };
  return httpHandler(
    async (event) => {
      const route = routes[event.routeKey];
      if (route === undefined) throw new NotFoundError('Tato stránka konzole neexistuje.');
      const resolved = deps();
      const response =
        route.access === 'anyone'
          ? await route.handle({ event, deps: resolved, now: resolved.app.clock.now() })
          : await runProtected(event, resolved, route);
      return allowSignOutTarget(response, resolved.auth.signIn.signOutOrigin);
    },
    { format: consoleErrorPages },
  );
}

/** The route keys this handler answers; functions/console/route-keys.ts must list the same. */
export const HANDLED_CONSOLE_ROUTE_KEYS = [...Object.keys(signInRoutes), ...Object.keys(consoleRoutes), ...Object.keys(planRoutes)];

export const handler = createConsoleHandler(awsConsoleDependencies);
