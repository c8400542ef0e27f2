/**
 * A contact person's posts. `POST /s/{token}` saves the whole page (the one form holding every
 * project); `POST /s/{token}/projects/{projectId}` stores one project (JSON clients, and forms of
 * pages rendered before the page became one form). A browser's form post gets pages (303 back to
 * the page on success, the page again with the person's input and the reasons when something
 * could not be stored); a JSON client gets JSON.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ConflictError, ValidationError } from '../domain/errors';
import type { Dependencies } from '../domain/ports';
import { loadContactWorkspace, resolveContactAccess, type ContactAccess } from '../domain/use-cases/contact-workspace';
import { saveContactProjects, submitProject, type ProjectSaveOutcome } from '../domain/use-cases/submit-project';
import { projectSectionId, renderSubmissionPage, SAVE_BUTTON_NAME } from '../templates/page/submission';
import { awsClock, awsCycles, awsEditorial, awsEvents, awsPlans, awsSubmissions, awsTokenIssuer, awsTokens } from './composition/aws';
import { contactErrorPages } from './contact/error-pages';
import { toSubmissionPageView, type PageState, type RejectedPost, type SavedState } from './contact/presenter';
import { correlationIdOf, isJsonRequest, parseBody, pathParameter } from './http/body';
import { errorResponse, type ResponseFormat } from './http/errors';
import { uniformInvalidLinkTiming } from './http/invalid-link-timing';
import { httpHandler } from './http/middleware';
import { html, json, redirect, type HttpResponse } from './http/responses';

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type SubmissionIntakeDependencies = Pick<
  Dependencies,
  'clock' | 'plans' | 'cycles' | 'tokens' | 'tokenIssuer' | 'submissions' | 'editorial' | 'events'
>;

const SAVE_ALL_ROUTE = 'POST /s/{token}';

/** The page again, with the posts that were refused shown in their projects' sections. */
async function refusedPage(
  dependencies: SubmissionIntakeDependencies,
  token: string,
  status: 409 | 422,
  refused: Pick<PageState, 'rejected' | 'notTheirs' | 'saved'>,
  access?: ContactAccess,
): Promise<HttpResponse> {
  const workspace = await loadContactWorkspace(dependencies, access ?? (await resolveContactAccess(dependencies, token)));
  const view = toSubmissionPageView(workspace, { now: dependencies.clock.now(), token, ...refused });
  return html(status, renderSubmissionPage(view));
}

/** The page after a save: `?ulozeno=` lists the projects stored, `u` the one whose button was pressed. */
function pageAfterSave(token: string, savedProjectIds: string[], focusProjectId: string | undefined): string {
  const query = new URLSearchParams({ ulozeno: savedProjectIds.join(',') });
  if (focusProjectId !== undefined) query.set('u', focusProjectId);
  const anchor = focusProjectId ?? savedProjectIds[0];
  return `/s/${encodeURIComponent(token)}?${query.toString()}${anchor === undefined ? '' : `#${projectSectionId(anchor)}`}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The whole page's post as projects: every object-valued field is a project (`<projectId>.<field>`
 * in a form, `{ "<projectId>": { … } }` in JSON), and a form's `indicatorContributions.<code>`
 * nests once more. The save button's value names the project the person was at.
 * @throws ValidationError for a field sent both whole and nested.
 */
export function readPagePost(body: unknown): { projects: Record<string, unknown>; focusProjectId?: string } {
  const projects: Record<string, unknown> = {};
  let focusProjectId: string | undefined;
  const duplicates: string[] = [];
  for (const [key, value] of Object.entries(isRecord(body) ? body : {})) {
    if (key === SAVE_BUTTON_NAME && typeof value === 'string') {
      focusProjectId = value;
      continue;
    }
    if (!isRecord(value)) continue;
    const project: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value)) {
      const dot = name.indexOf('.');
      if (dot === -1) {
        if (Object.hasOwn(project, name)) duplicates.push(`${key}.${name}`);
        else project[name] = field;
        continue;
      }
      const [outer, inner] = [name.slice(0, dot), name.slice(dot + 1)];
      const existing = Object.hasOwn(project, outer) ? project[outer] : undefined;
      if (existing !== undefined && !isRecord(existing)) duplicates.push(`${key}.${outer}`);
      else Object.defineProperty(project, outer, { value: { ...existing, [inner]: field }, enumerable: true, writable: true, configurable: true });
    }
    projects[key] = project;
  }
  if (duplicates.length > 0) {
    const details = duplicates.map((name) => [name, `Pole „${name}“ je ve formuláři vícekrát; pošlete jej jen jednou.`]);
    throw new ValidationError('Formulář obsahuje některá pole vícekrát.', Object.fromEntries(details));
  }
  return { projects, ...(focusProjectId === undefined ? {} : { focusProjectId }) };
}

function outcomeJson(outcome: ProjectSaveOutcome): Record<string, unknown> {
  switch (outcome.outcome) {
    case 'saved':
      return { projectId: outcome.projectId, outcome: outcome.outcome, version: outcome.version.version };
    case 'unchanged':
      return { projectId: outcome.projectId, outcome: outcome.outcome };
    case 'invalid':
      return { projectId: outcome.projectId, outcome: outcome.outcome, errors: outcome.errors };
    case 'conflict':
      return { projectId: outcome.projectId, outcome: outcome.outcome, message: outcome.message, storedVersion: outcome.storedVersion };
    case 'not-theirs':
      return { projectId: outcome.projectId, outcome: outcome.outcome, message: outcome.message };
  }
}

function rejectedOf(outcome: ProjectSaveOutcome): RejectedPost[] {
  if (outcome.outcome === 'invalid') return [{ projectId: outcome.projectId, input: outcome.input, errors: outcome.errors }];
  if (outcome.outcome === 'conflict') {
    // After a conflict the form is based on what is stored now: sending it again replaces that deliberately.
    return [{ projectId: outcome.projectId, input: outcome.input, errors: { _form: outcome.message }, expectedVersion: outcome.storedVersion }];
  }
  return [];
}

async function saveWholePage(dependencies: SubmissionIntakeDependencies, event: APIGatewayProxyEventV2, token: string, body: unknown): Promise<HttpResponse> {
  const { projects, focusProjectId } = readPagePost(body);
  const { access, outcomes } = await saveContactProjects(dependencies, { token, projects, correlationId: correlationIdOf(event) });
  const rejected = outcomes.flatMap(rejectedOf);
  // A project no longer theirs has no section to show it in: the page lists it apart.
  const notTheirs = outcomes.flatMap((outcome) => (outcome.outcome === 'not-theirs' ? [{ input: outcome.input, message: outcome.message }] : []));
  const status = outcomes.some((outcome) => outcome.outcome === 'invalid') ? 422 : rejected.length + notTheirs.length > 0 ? 409 : 200;
  if (isJsonRequest(event)) return json(status, { projects: outcomes.map(outcomeJson) });
  const savedProjectIds = outcomes.flatMap((outcome) => (outcome.outcome === 'saved' ? [outcome.projectId] : []));
  if (status === 200) return redirect(pageAfterSave(token, savedProjectIds, focusProjectId));
  const saved: SavedState = { projectIds: savedProjectIds, ...(focusProjectId === undefined ? {} : { focusProjectId }) };
  return refusedPage(dependencies, token, status as 409 | 422, { rejected, notTheirs, saved }, access);
}

async function saveOneProject(dependencies: SubmissionIntakeDependencies, event: APIGatewayProxyEventV2, token: string, body: unknown): Promise<HttpResponse> {
  const projectId = pathParameter(event, 'projectId');
  try {
    const version = await submitProject(dependencies, { token, projectId, body, correlationId: correlationIdOf(event) });
    if (isJsonRequest(event)) return json(201, { version: version.version });
    return redirect(pageAfterSave(token, [projectId], projectId));
  } catch (error) {
    if (isJsonRequest(event)) throw error;
    if (error instanceof ValidationError) {
      const errors = Object.keys(error.details).length > 0 ? error.details : { _form: error.message };
      return refusedPage(dependencies, token, 422, { rejected: [{ projectId, input: body, errors }] });
    }
    if (error instanceof ConflictError) {
      const stored = (await dependencies.submissions.latestVersion((await resolveContactAccess(dependencies, token)).cycle.id, projectId))?.version ?? 0;
      return refusedPage(dependencies, token, 409, { rejected: [{ projectId, input: body, errors: { _form: error.message }, expectedVersion: stored }] });
    }
    throw error;
  }
}

const formatOf = (event: APIGatewayProxyEventV2): ResponseFormat => (isJsonRequest(event) ? 'json' : contactErrorPages);

export function createSubmissionIntakeHandler(deps: () => SubmissionIntakeDependencies) {
  return httpHandler(
    uniformInvalidLinkTiming(async (event) => {
      const dependencies = deps();
      const token = pathParameter(event, 'token');
      let body: unknown;
      try {
        body = parseBody(event);
      } catch (error) {
        // A body that cannot be read (malformed JSON, a form field sent twice) is a client's bug,
        // not a person's input to correct: 400, not 422, and no form to show it in.
        return errorResponse(error, formatOf(event), { requestId: correlationIdOf(event) });
      }
      return event.routeKey === SAVE_ALL_ROUTE
        ? saveWholePage(dependencies, event, token, body)
        : saveOneProject(dependencies, event, token, body);
    }),
    { format: formatOf, validationStatus: 422 },
  );
}

export const handler = createSubmissionIntakeHandler(() => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  submissions: awsSubmissions(),
  tokens: awsTokens(),
  editorial: awsEditorial(),
  clock: awsClock,
  tokenIssuer: awsTokenIssuer(),
  events: awsEvents(),
}));
