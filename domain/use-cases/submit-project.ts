import { createEvent, submissionReceivedV1, type AnyEvent } from '../../events';
import { acceptsSubmissions } from '../cycle';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import type { Project } from '../plan';
import type { Dependencies } from '../ports';
import {
  isUnchangedInput,
  parseExpectedVersion,
  parseSubmissionContent,
  readExpectedVersion,
  submissionMessages,
  type SubmissionVersion,
} from '../submission';
import { indicatorsForProject, InvalidLinkError, resolveContactAccess, type ContactAccess } from './contact-workspace';

type SubmitDeps = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'tokens' | 'tokenIssuer' | 'submissions' | 'events'>;

const NOT_YOURS = 'Tento projekt nepatří mezi projekty, za které podáváte zprávu.';

/** The link's access while the cycle collects; a closed cycle's link is as unusable as one never issued. */
async function collectingAccess(deps: SubmitDeps, token: string): Promise<ContactAccess> {
  const access = await resolveContactAccess(deps, token);
  // Late reports stay welcome after the deadline (that is what reminders chase); only closing ends it.
  if (!acceptsSubmissions(access.cycle.state)) throw new InvalidLinkError();
  return access;
}

function projectOfPerson(access: ContactAccess, projectId: string): Project {
  const project = access.contact.projectIds.includes(projectId)
    ? access.plan.projects.find((candidate) => candidate.id === projectId)
    : undefined;
  if (!project) throw new ForbiddenError(NOT_YOURS);
  return project;
}

/**
 * Validates and appends one version. Versions are append-only and contiguous: the form must be
 * based on the newest stored version (0 for none), and the new one is written only if no one
 * stored that version number first (else ConflictError, and nothing is overwritten).
 */
async function storeVersion(
  deps: SubmitDeps,
  access: ContactAccess,
  project: Project,
  body: unknown,
  now: Date,
  stored?: SubmissionVersion | null,
): Promise<SubmissionVersion> {
  const expectedVersion = parseExpectedVersion(body);
  const content = parseSubmissionContent(
    body,
    indicatorsForProject(access.plan, project).map((indicator) => indicator.code),
  );
  const latest = stored === undefined ? await deps.submissions.latestVersion(access.cycle.id, project.id) : stored;
  if ((latest?.version ?? 0) !== expectedVersion) throw new ConflictError(submissionMessages.versionConflict);
  const version: SubmissionVersion = {
    ...content,
    cycleId: access.cycle.id,
    projectId: project.id,
    version: expectedVersion + 1,
    submittedAt: now.toISOString(),
    submittedBy: access.contact.contactPersonId,
  };
  await deps.submissions.appendVersion(version);
  return version;
}

function receivedEvent(version: SubmissionVersion, correlationId: string, now: Date): AnyEvent {
  return createEvent(
    submissionReceivedV1,
    { cycleId: version.cycleId, projectId: version.projectId, version: version.version, contactPersonId: version.submittedBy },
    { correlationId, now },
  );
}

/**
 * A contact person stores a new version of one project's report. Together the version checks
 * keep the history 1, 2, 3, … without gaps whatever number a client sends. The event that
 * recomputes the indicators follows the write; if it is lost, the reminder sweep notices the
 * stale indicators and republishes it.
 */
export async function submitProject(
  deps: SubmitDeps,
  input: { token: string; projectId: string; body: unknown; correlationId: string },
): Promise<SubmissionVersion> {
  const access = await collectingAccess(deps, input.token);
  const project = projectOfPerson(access, input.projectId);
  const now = deps.clock.now();
  const version = await storeVersion(deps, access, project, input.body, now);
  await deps.events.publish([receivedEvent(version, input.correlationId, now)]);
  return version;
}

/** What saving the whole page did with one project. */
export type ProjectSaveOutcome =
  | { projectId: string; outcome: 'saved'; version: SubmissionVersion }
  | { projectId: string; outcome: 'unchanged' }
  | { projectId: string; outcome: 'invalid'; input: unknown; errors: Record<string, string> }
  | { projectId: string; outcome: 'conflict'; input: unknown; message: string; storedVersion: number };

export const saveAllMessages = {
  noProjects: 'Formulář neobsahuje žádný projekt. Načtěte stránku znovu a odešlete ji ještě jednou.',
} as const;

/**
 * The version a posted project was based on: the newest one (the usual case, no extra read), none
 * (0), or an older one read from the history; `undefined` when the number names no stored version.
 */
async function basedOn(
  deps: SubmitDeps,
  access: ContactAccess,
  projectId: string,
  expected: number,
  latest: SubmissionVersion | null,
): Promise<SubmissionVersion | null | undefined> {
  if (expected === (latest?.version ?? 0)) return latest;
  if (expected === 0) return null;
  return (await deps.submissions.listVersions(access.cycle.id, projectId)).find((version) => version.version === expected);
}

async function saveOne(deps: SubmitDeps, access: ContactAccess, projectId: string, body: unknown, now: Date): Promise<ProjectSaveOutcome> {
  const project = projectOfPerson(access, projectId);
  const latest = await deps.submissions.latestVersion(access.cycle.id, project.id);
  const expected = readExpectedVersion(body);
  // Untouched text is not a new version, even when someone else stored one meanwhile.
  if (expected.valid) {
    const based = await basedOn(deps, access, project.id, expected.version, latest);
    if (based !== undefined && isUnchangedInput(body, based)) return { projectId, outcome: 'unchanged' };
  }
  try {
    return { projectId, outcome: 'saved', version: await storeVersion(deps, access, project, body, now, latest) };
  } catch (error) {
    if (error instanceof ValidationError) {
      const errors = Object.keys(error.details).length > 0 ? error.details : { _form: error.message };
      return { projectId, outcome: 'invalid', input: body, errors };
    }
    if (error instanceof ConflictError) {
      const stored = (await deps.submissions.latestVersion(access.cycle.id, project.id))?.version ?? 0;
      return { projectId, outcome: 'conflict', input: body, message: error.message, storedVersion: stored };
    }
    throw error;
  }
}

/**
 * `POST /s/{token}`: the whole page at once. Every project the person changed becomes a new
 * version; untouched ones are left alone; one that is invalid or based on an outdated version is
 * reported on its own and never stops the others from being stored. Nothing typed is dropped: the
 * caller shows the refused projects again with what the person sent.
 * @throws InvalidLinkError for an unusable link or a closed cycle, ForbiddenError (nothing stored)
 *   when a posted project is not the person's, ValidationError when no project was posted.
 */
export async function saveContactProjects(
  deps: SubmitDeps,
  input: { token: string; projects: Record<string, unknown>; correlationId: string },
): Promise<{ access: ContactAccess; outcomes: ProjectSaveOutcome[] }> {
  const access = await collectingAccess(deps, input.token);
  const projectIds = Object.keys(input.projects);
  if (projectIds.length === 0) throw new ValidationError(saveAllMessages.noProjects, { _form: saveAllMessages.noProjects });
  for (const projectId of projectIds) projectOfPerson(access, projectId);
  const now = deps.clock.now();
  const outcomes = await Promise.all(projectIds.map((projectId) => saveOne(deps, access, projectId, input.projects[projectId], now)));
  const saved = outcomes.flatMap((outcome) => (outcome.outcome === 'saved' ? [outcome.version] : []));
  if (saved.length > 0) await deps.events.publish(saved.map((version) => receivedEvent(version, input.correlationId, now)));
  return { access, outcomes };
}
