/**
 * ARR's web console under `/arr/`: server-rendered Czech pages for ARR and the steering group.
 * One function routed on API Gateway's route key. Every route declares who may use it, and the
 * check runs here on the server before the route: a session (else the sign-in), the group, and
 * the CSRF token of every form post.
 *
 * The routes live in groups under console/routes/ (http/route-groups.ts). Only the sign-in is read
 * with this router; every group of pages (the cycles, their opening and closing, the projects,
 * ARR's chapters, the reports with the annual report's texts, the plan's editing with import,
 * export and history) is loaded on the first request that needs it. A route's access is declared
 * beside its handler, so its group is loaded before the check runs.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { requireAccess, type ConsoleAccess } from '../domain/access';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { authenticate } from './console/auth';
import { consoleErrorPages } from './console/error-pages';
import { anyone, type ConsoleDependencies, type ConsoleRoute } from './console/context';
import { readConsoleForm } from './console/request-form';
import type { ConsoleRouteKey } from './console/route-keys';
import * as signInRoutes from './console/routes/sign-in';
import { csrfMatches, CSRF_FIELD, safeReturnTo } from './console/session';
import { awsConsoleDependencies } from './composition/aws-console';
import { httpHandler } from './http/middleware';
import { redirect, type HttpResponse } from './http/responses';
import { routeOf, withEntry, type RouteGroupModules } from './http/route-groups';

export const CSRF_MESSAGE =
  'Formulář nelze přijmout: chybí bezpečnostní token nebo neplatí (stránka mohla být otevřená příliš dlouho). Načtěte stránku znovu a akci zopakujte.';

function pathWithQuery(event: APIGatewayProxyEventV2, path = event.rawPath): string {
  return event.rawQueryString ? `${path}?${event.rawQueryString}` : path;
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

type ConsoleRouteGroup = 'sign-in' | 'unknown-address' | 'cycles' | 'open-close' | 'projects' | 'chapters' | 'reports' | 'plan';

export const UNKNOWN_PAGE_MESSAGE =
  'Tato stránka konzole neexistuje. Adresa mohla být neúplná nebo zastaralá; pokračujte prosím z přehledu cyklů.';

/**
 * An address that ends with a slash (`/arr/`, which the README names, or a link someone typed
 * with one): API Gateway matches it to no page's route, only to the greedy one, so it goes to the
 * same address without the slash.
 */
function withoutTrailingSlash(event: APIGatewayProxyEventV2): string | null {
  return event.rawPath.endsWith('/') ? pathWithQuery(event, event.rawPath.replace(/\/+$/, '')) : null;
}

const unknownPage = (): Promise<never> => Promise.reject(new NotFoundError(UNKNOWN_PAGE_MESSAGE));

/**
 * Any address under /arr/ that no page has: the same answer with or without a session, since it
 * reveals nothing. A post to one changes nothing, so it needs no CSRF token to be refused.
 */
const unknownAddressRoutes: Record<string, ConsoleRoute> = {
  'GET /arr/{path+}': anyone(async ({ event }) => {
    const canonical = withoutTrailingSlash(event);
    return canonical === null ? unknownPage() : redirect(canonical);
  }),
  'POST /arr/{path+}': anyone(unknownPage),
};

export const CONSOLE_ROUTE_GROUP_MODULES: RouteGroupModules<ConsoleRouteGroup, ConsoleRoute> = {
  'sign-in': withEntry(signInRoutes),
  'unknown-address': withEntry({ routes: unknownAddressRoutes }),
  cycles: () => import('./console/routes/cycles'),
  'open-close': () => import('./console/routes/open-close'),
  projects: () => import('./console/routes/projects'),
  chapters: () => import('./console/routes/chapters'),
  reports: () => import('./console/routes/reports'),
  plan: () => import('./console/routes/plan'),
};

/** The group of every route key of console/route-keys.ts (the type asks for each; a unit test loads each group). */
export const CONSOLE_ROUTE_GROUPS: Readonly<Record<ConsoleRouteKey, ConsoleRouteGroup>> = {
  'GET /arr/sign-in': 'sign-in',
  'GET /arr/auth/callback': 'sign-in',
  'POST /arr/sign-out': 'sign-in',
  'GET /arr/signed-out': 'sign-in',
  'GET /arr': 'cycles',
  'POST /arr/cycles': 'open-close',
  'GET /arr/cycles/{cycleId}': 'cycles',
  'POST /arr/cycles/{cycleId}/dates': 'cycles',
  'POST /arr/cycles/{cycleId}/contacts/{contactPersonId}/link': 'cycles',
  'POST /arr/cycles/{cycleId}/contacts/{contactPersonId}/revoke': 'cycles',
  'GET /arr/cycles/{cycleId}/close': 'open-close',
  'POST /arr/cycles/{cycleId}/close': 'open-close',
  'GET /arr/cycles/{cycleId}/projects/{projectId}': 'projects',
  'POST /arr/cycles/{cycleId}/projects/{projectId}/return': 'projects',
  'POST /arr/cycles/{cycleId}/projects/{projectId}/editorial': 'projects',
  'GET /arr/cycles/{cycleId}/report': 'reports',
  'GET /arr/cycles/{cycleId}/report/{format}': 'reports',
  'GET /arr/years/{year}/report': 'reports',
  'GET /arr/years/{year}/report/{format}': 'reports',
  'GET /arr/years/{year}/texts': 'reports',
  'POST /arr/years/{year}/texts': 'reports',
  'GET /arr/indicators': 'reports',
  'GET /arr/indicators/{format}': 'reports',
  'GET /arr/cycles/{cycleId}/chapters/{section}': 'chapters',
  'POST /arr/cycles/{cycleId}/chapters/{section}': 'chapters',
  'GET /arr/plan': 'plan',
  'GET /arr/plan/contacts': 'plan',
  'POST /arr/plan/contacts': 'plan',
  'GET /arr/plan/contacts/{contactPersonId}': 'plan',
  'POST /arr/plan/contacts/{contactPersonId}': 'plan',
  'GET /arr/plan/areas': 'plan',
  'GET /arr/plan/areas/{activityAreaId}': 'plan',
  'POST /arr/plan/areas/{activityAreaId}': 'plan',
  'GET /arr/plan/projects': 'plan',
  'POST /arr/plan/projects': 'plan',
  'GET /arr/plan/projects/{projectId}': 'plan',
  'POST /arr/plan/projects/{projectId}': 'plan',
  'GET /arr/plan/indicators': 'plan',
  'GET /arr/plan/indicators/{code}': 'plan',
  'POST /arr/plan/indicators/{code}': 'plan',
  'GET /arr/plan/export': 'plan',
  'GET /arr/plan/import': 'plan',
  'POST /arr/plan/import': 'plan',
  'GET /arr/plan/history': 'plan',
  'GET /arr/plan/history/{revision}': 'plan',
  'GET /arr/plan/history/{revision}/export': 'plan',
  'GET /arr/plan/past-reports': 'plan',
  'POST /arr/plan/past-reports': 'plan',
  'GET /arr/{path+}': 'unknown-address',
  'POST /arr/{path+}': 'unknown-address',
};

export function createConsoleHandler(deps: () => ConsoleDependencies) {
  return httpHandler(
    async (event) => {
      const route = await routeOf(event.routeKey, CONSOLE_ROUTE_GROUPS, CONSOLE_ROUTE_GROUP_MODULES);
      if (route === undefined) throw new NotFoundError(UNKNOWN_PAGE_MESSAGE);
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
export const HANDLED_CONSOLE_ROUTE_KEYS = Object.keys(CONSOLE_ROUTE_GROUPS);

export const handler = createConsoleHandler(awsConsoleDependencies);
