/**
 * `POST /s/{token}/projects/{projectId}`: a contact person stores a new version of a project's
 * report. A browser's form post gets pages (303 to the page on success, the page again with the
 * person's input and the reasons when it could not be stored); a JSON client gets JSON.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ConflictError, ValidationError } from '../domain/errors';
import type { Dependencies } from '../domain/ports';
import { loadContactWorkspace, resolveContactAccess } from '../domain/use-cases/contact-workspace';
import { submitProject } from '../domain/use-cases/submit-project';
import { projectSectionId, renderSubmissionPage } from '../templates/page/submission';
import { awsDependencies } from './composition/aws';
import { toSubmissionPageView, type RejectedPost } from './contact/presenter';
import { correlationIdOf, isJsonRequest, parseBody, pathParameter } from './http/body';
import { errorResponse } from './http/errors';
import { uniformInvalidLinkTiming } from './http/invalid-link-timing';
import { httpHandler } from './http/middleware';
import { html, json, redirect, type HttpResponse } from './http/responses';

/** The page again, with the post that was refused shown in its project's form. */
async function refusedPage(
  dependencies: Dependencies,
  token: string,
  status: 409 | 422,
  rejected: Omit<RejectedPost, 'expectedVersion'>,
): Promise<HttpResponse> {
  const workspace = await loadContactWorkspace(dependencies, await resolveContactAccess(dependencies, token));
  const stored = workspace.projects.find((project) => project.project.id === rejected.projectId)?.latest?.version ?? 0;
  const view = toSubmissionPageView(workspace, {
    now: dependencies.clock.now(),
    token,
    // After a conflict the form is based on what is stored now: sending it again replaces that deliberately.
    rejected: status === 409 ? { ...rejected, expectedVersion: stored } : rejected,
  });
  return html(status, renderSubmissionPage(view));
}

const formatOf = (event: APIGatewayProxyEventV2) => (isJsonRequest(event) ? 'json' : 'html');

export function createSubmissionIntakeHandler(deps: () => Dependencies) {
  return httpHandler(
    uniformInvalidLinkTiming(async (event) => {
      const dependencies = deps();
      const token = pathParameter(event, 'token');
      const projectId = pathParameter(event, 'projectId');
      const wantsJson = isJsonRequest(event);
      let body: unknown;
      try {
        body = parseBody(event);
      } catch (error) {
        // A body that cannot be read (malformed JSON, a form field sent twice) is a client's bug,
        // not a person's input to correct: 400, not 422, and no form to show it in.
        return errorResponse(error, formatOf(event), { requestId: correlationIdOf(event) });
      }
      try {
        const version = await submitProject(dependencies, { token, projectId, body, correlationId: correlationIdOf(event) });
        if (wantsJson) return json(201, { version: version.version });
        const page = `/s/${encodeURIComponent(token)}`;
        return redirect(`${page}?ulozeno=${encodeURIComponent(projectId)}#${projectSectionId(projectId)}`);
      } catch (error) {
        if (wantsJson) throw error;
        if (error instanceof ValidationError) {
          const errors = Object.keys(error.details).length > 0 ? error.details : { _form: error.message };
          return refusedPage(dependencies, token, 422, { projectId, input: body, errors });
        }
        if (error instanceof ConflictError) {
          return refusedPage(dependencies, token, 409, { projectId, input: body, errors: { _form: error.message } });
        }
        throw error;
      }
    }),
    { format: formatOf, validationStatus: 422 },
  );
}

export const handler = createSubmissionIntakeHandler(awsDependencies);
