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
import { indicatorsForProject, InvalidLinkError, resolveContactPost, type ContactAccess } from './contact-workspace';

type SubmitDeps = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'tokens' | 'tokenIssuer' | 'submissions' | 'events'>;

const NOT_YOURS = 'Tento projekt nepatří mezi projekty, za které podáváte zprávu.';
const noLongerYours = (name: string) =>
  `Projekt „${name}“ nepatří mezi projekty, za které podáváte zprávu; ARR mohla mezitím změnit jeho kontaktní osobu. Nic nebylo uloženo; načtěte prosím stránku znovu.`;
/** Saving the whole page: a project ARR gave to someone else since the page was opened. */
const notTheirsMessage = (name: string) =>
  `Podklady k projektu „${name}“ se neuložily: ARR mezitím změnila jeho kontaktní osobu, takže je od vás už nepotřebujeme.`;

/**
 * How many posted projects' versions are read together with the link, before the projects are
 * known to be the person's. A post naming more has them read after that check, so that a forged
 * post naming thousands of projects makes the store read nothing but the link.
 */
const VERSIONS_READ_WITH_LINK = 50;

type Resolved = { access: ContactAccess; basedOn: Map<string, SubmissionVersion | null> };

/**
 * The link's access while the cycle collects, with the stored versions the posted forms name;
 * a closed cycle's link is as unusable as one never issued. `check` runs on the access before
 * anything is stored (e.g. that the posted projects are the person's).
 */
async function collectingAccess(
  deps: SubmitDeps,
  token: string,
  posted: Record<string, unknown>,
  check: (access: ContactAccess) => void,
): Promise<Resolved> {
  // A number that is not a version is refused later, after the link: an unusable link is a 404 first.
  const wanted = Object.entries(posted).flatMap(([projectId, body]) => {
    const expected = readExpectedVersion(body);
    return expected.valid ? [{ projectId, version: expected.version }] : [];
  });
  const together = wanted.length <= VERSIONS_READ_WITH_LINK;
  const resolve = async (versions: typeof wanted): Promise<Resolved> => {
    const resolved = await resolveContactPost(deps, token, versions);
    // Late reports stay welcome after the deadline (that is what reminders chase); only closing ends it.
    if (!acceptsSubmissions(resolved.access.cycle.state)) throw new InvalidLinkError();
    return resolved;
  };
  const first = await resolve(together ? wanted : []);
  check(first.access);
  return together ? first : resolve(wanted);
}

function projectInPlan(access: ContactAccess, projectId: string): Project {
  const project = access.plan.projects.find((candidate) => candidate.id === projectId);
  if (!project) throw new ForbiddenError(NOT_YOURS);
  return project;
}

function projectOfPerson(access: ContactAccess, projectId: string): Project {
  const project = projectInPlan(access, projectId);
  // Most likely the page was opened before ARR made someone else the project's contact person.
  if (!access.contact.projectIds.includes(projectId)) throw new ForbiddenError(noLongerYours(project.name));
  return project;
}

/**
 * Validates and appends one version. Versions are append-only and contiguous: the form must be
 * based on the newest stored version (0 for none). `based` is the stored version the form names
 * (null when none is stored under that number), read after the form was posted: with it stored
 * (or 0), version `expectedVersion + 1` is written only if no one stored it first, which together
 * means "based on the newest" (else ConflictError, and nothing is overwritten).
 */
async function storeVersion(
  deps: SubmitDeps,
  access: ContactAccess,
  project: Project,
  body: unknown,
  now: Date,
  based: SubmissionVersion | null,
): Promise<SubmissionVersion> {
  const expectedVersion = parseExpectedVersion(body);
  const content = parseSubmissionContent(
    body,
    indicatorsForProject(access.plan, project).map((indicator) => indicator.code),
  );
  // A number above the newest names no stored version: it would leave a gap.
  if (expectedVersion > 0 && based?.version !== expectedVersion) throw new ConflictError(submissionMessages.versionConflict);
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
  const { access, basedOn } = await collectingAccess(deps, input.token, { [input.projectId]: input.body }, (found) => {
    projectOfPerson(found, input.projectId);
  });
  const project = projectOfPerson(access, input.projectId);
  const now = deps.clock.now();
  const version = await storeVersion(deps, access, project, input.body, now, basedOn.get(project.id) ?? null);
  await deps.events.publish([receivedEvent(version, input.correlationId, now)]);
  return version;
}

/** What saving the whole page did with one project. */
export type ProjectSaveOutcome =
  | { projectId: string; outcome: 'saved'; version: SubmissionVersion }
  | { projectId: string; outcome: 'unchanged' }
  | { projectId: string; outcome: 'invalid'; input: unknown; errors: Record<string, string> }
  | { projectId: string; outcome: 'conflict'; input: unknown; message: string; storedVersion: number }
  | { projectId: string; outcome: 'not-theirs'; input: unknown; message: string };

export const saveAllMessages = {
  noProjects: 'Formulář neobsahuje žádný projekt. Načtěte stránku znovu a odešlete ji ještě jednou.',
} as const;

async function saveOne(
  deps: SubmitDeps,
  access: ContactAccess,
  projectId: string,
  body: unknown,
  now: Date,
  based: SubmissionVersion | null,
): Promise<ProjectSaveOutcome> {
  const project = projectInPlan(access, projectId);
  if (!access.contact.projectIds.includes(projectId)) return { projectId, outcome: 'not-theirs', input: body, message: notTheirsMessage(project.name) };
  const expected = readExpectedVersion(body);
  // Untouched text is not a new version, even when someone else stored one meanwhile; a number
  // that names no stored version is compared with nothing.
  if (expected.valid && (expected.version === 0 || based !== null) && isUnchangedInput(body, based)) {
    return { projectId, outcome: 'unchanged' };
  }
  try {
    return { projectId, outcome: 'saved', version: await storeVersion(deps, access, project, body, now, based) };
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
 * version; untouched ones are left alone; one that is invalid, based on an outdated version or
 * given by ARR to someone else since the page was opened is reported on its own and never stops
 * the others from being stored. Nothing typed is dropped: the caller shows the refused projects
 * again with what the person sent.
 * @throws InvalidLinkError for an unusable link or a closed cycle, ForbiddenError (nothing stored)
 *   when a posted project is not in the plan, ValidationError when no project was posted.
 */
export async function saveContactProjects(
  deps: SubmitDeps,
  input: { token: string; projects: Record<string, unknown>; correlationId: string },
): Promise<{ access: ContactAccess; outcomes: ProjectSaveOutcome[] }> {
  const projectIds = Object.keys(input.projects);
  const { access, basedOn } = await collectingAccess(deps, input.token, input.projects, (found) => {
    if (projectIds.length === 0) throw new ValidationError(saveAllMessages.noProjects, { _form: saveAllMessages.noProjects });
    for (const projectId of projectIds) projectInPlan(found, projectId);
  });
  const now = deps.clock.now();
  const outcomes = await Promise.all(
    projectIds.map((projectId) => saveOne(deps, access, projectId, input.projects[projectId], now, basedOn.get(projectId) ?? null)),
  );
  const saved = outcomes.flatMap((outcome) => (outcome.outcome === 'saved' ? [outcome.version] : []));
  if (saved.length > 0) await deps.events.publish(saved.map((version) => receivedEvent(version, input.correlationId, now)));
  return { access, outcomes };
}
