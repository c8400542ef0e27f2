/**
 * `GET /s/{token}`: a contact person's page, one form per project. Every link that leads nowhere
 * (never issued, revoked, or of a cycle no longer collecting) gets the same 404 page.
 */
import { acceptsSubmissions } from '../domain/cycle';
import type { Dependencies } from '../domain/ports';
import { InvalidLinkError, loadContactWorkspace, resolveContactAccess } from '../domain/use-cases/contact-workspace';
import { renderSubmissionPage } from '../templates/page/submission';
import { awsClock, awsStore, awsTokenIssuer } from './composition/aws';
import { toSubmissionPageView } from './contact/presenter';
import { queryParameter } from './http/body';
import { uniformInvalidLinkTiming } from './http/invalid-link-timing';
import { httpHandler } from './http/middleware';
import { html } from './http/responses';

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type SubmissionPageDependencies = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'tokens' | 'tokenIssuer' | 'submissions'>;

export function createSubmissionPageHandler(deps: () => SubmissionPageDependencies) {
  return httpHandler(
    uniformInvalidLinkTiming(async (event) => {
      const dependencies = deps();
      const token = event.pathParameters?.token ?? '';
      const access = await resolveContactAccess(dependencies, token);
      if (!acceptsSubmissions(access.cycle.state)) throw new InvalidLinkError();
      const workspace = await loadContactWorkspace(dependencies, access);
      const saved = queryParameter(event, 'ulozeno');
      const view = toSubmissionPageView(workspace, {
        now: dependencies.clock.now(),
        token,
        ...(saved ? { savedProjectId: saved } : {}),
      });
      return html(200, renderSubmissionPage(view));
    }),
    { format: 'html' },
  );
}

export const handler = createSubmissionPageHandler(() => ({
  ...awsStore(),
  clock: awsClock,
  tokenIssuer: awsTokenIssuer(),
}));
