import { createEvent, submissionReceivedV1 } from '../../events';
import { acceptsSubmissions } from '../cycle';
import { ConflictError, ForbiddenError } from '../errors';
import type { Dependencies } from '../ports';
import { parseExpectedVersion, parseSubmissionContent, submissionMessages, type SubmissionVersion } from '../submission';
import { indicatorsForProject, InvalidLinkError, resolveContactAccess } from './contact-workspace';

/**
 * A contact person stores a new version of a project's report. Versions are append-only and
 * contiguous: the form must be based on the newest stored version (0 for none), and the new one
 * is written only if no one stored that version number first (else ConflictError, and nothing is
 * overwritten). Together the two checks keep the history 1, 2, 3, … without gaps whatever number
 * a client sends. The event that recomputes the indicators follows the write; if it is lost, the
 * reminder sweep notices the stale indicators and republishes it.
 */
export async function submitProject(
  deps: Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'tokens' | 'tokenIssuer' | 'submissions' | 'events'>,
  input: { token: string; projectId: string; body: unknown; correlationId: string },
): Promise<SubmissionVersion> {
  const access = await resolveContactAccess(deps, input.token);
  const now = deps.clock.now();
  // Late reports stay welcome after the deadline (that is what reminders chase); only closing ends
  // it. A closed cycle's link is then as unusable as one never issued, and answered the same way.
  if (!acceptsSubmissions(access.cycle.state)) throw new InvalidLinkError();
  if (!access.contact.projectIds.includes(input.projectId)) {
    throw new ForbiddenError('Tento projekt nepatří mezi projekty, za které podáváte zprávu.');
  }
  const project = access.plan.projects.find((candidate) => candidate.id === input.projectId);
  if (!project) throw new ForbiddenError('Tento projekt nepatří mezi projekty, za které podáváte zprávu.');

  const expectedVersion = parseExpectedVersion(input.body);
  const content = parseSubmissionContent(
    input.body,
    indicatorsForProject(access.plan, project).map((indicator) => indicator.code),
  );
  const stored = await deps.submissions.latestVersion(access.cycle.id, project.id);
  if ((stored?.version ?? 0) !== expectedVersion) throw new ConflictError(submissionMessages.versionConflict);
  const version: SubmissionVersion = {
    ...content,
    cycleId: access.cycle.id,
    projectId: project.id,
    version: expectedVersion + 1,
    submittedAt: now.toISOString(),
    submittedBy: access.contact.contactPersonId,
  };
  await deps.submissions.appendVersion(version);
  await deps.events.publish([
    createEvent(
      submissionReceivedV1,
      {
        cycleId: version.cycleId,
        projectId: version.projectId,
        version: version.version,
        contactPersonId: version.submittedBy,
      },
      { correlationId: input.correlationId, now },
    ),
  ]);
  return version;
}
