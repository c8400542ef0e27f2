/**
 * `GET /s/{token}`: a contact person's page. While the cycle collects, one form with every
 * project; once it has closed, a read-only summary of what the person sent. Every link that leads
 * nowhere (never issued, revoked, or of a cycle not yet opened) gets the same 404 page.
 */
import { acceptsSubmissions } from '../domain/cycle';
import type { Dependencies } from '../domain/ports';
import { InvalidLinkError, loadContactWorkspace, resolveContactAccess } from '../domain/use-cases/contact-workspace';
import { renderSubmissionPage } from '../templates/page/submission';
import { renderSubmissionSummaryPage } from '../templates/page/summary';
import { awsClock, awsCycles, awsEditorial, awsPlans, awsSubmissions, awsTokenIssuer, awsTokens } from './composition/aws';
import { contactErrorPages } from './contact/error-pages';
import { toSubmissionPageView, toSubmissionSummaryView, type SavedState } from './contact/presenter';
import { queryParameter } from './http/body';
import { uniformInvalidLinkTiming } from './http/invalid-link-timing';
import { httpHandler } from './http/middleware';
import { html } from './http/responses';

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type SubmissionPageDependencies = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'tokens' | 'tokenIssuer' | 'submissions' | 'editorial'>;

/** `?ulozeno=a,b&u=c` after a save; absent before. */
function savedState(saved: string | undefined, focus: string | undefined): SavedState | undefined {
  if (saved === undefined) return undefined;
  const projectIds = saved.split(',').filter((projectId) => projectId !== '');
  return { projectIds, ...(focus ? { focusProjectId: focus } : {}) };
}

export function createSubmissionPageHandler(deps: () => SubmissionPageDependencies) {
  return httpHandler(
    uniformInvalidLinkTiming(async (event) => {
      const dependencies = deps();
      const token = event.pathParameters?.token ?? '';
      const access = await resolveContactAccess(dependencies, token);
      if (access.cycle.state === 'draft') throw new InvalidLinkError();
      const workspace = await loadContactWorkspace(dependencies, access);
      if (!acceptsSubmissions(access.cycle.state)) return html(200, renderSubmissionSummaryPage(toSubmissionSummaryView(workspace)));
      const saved = savedState(queryParameter(event, 'ulozeno'), queryParameter(event, 'u'));
      const view = toSubmissionPageView(workspace, { now: dependencies.clock.now(), token, ...(saved ? { saved } : {}) });
      return html(200, renderSubmissionPage(view));
    }),
    { format: contactErrorPages },
  );
}

export const handler = createSubmissionPageHandler(() => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  submissions: awsSubmissions(),
  tokens: awsTokens(),
  editorial: awsEditorial(),
  clock: awsClock,
  tokenIssuer: awsTokenIssuer(),
}));
