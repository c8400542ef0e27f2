import { createEvent, submissionReceivedV1 } from '../../events';
import { acceptsSubmissions } from '../cycle';
import { ForbiddenError, GoneError, ValidationError } from '../errors';
import { parsePeriodId } from '../period';
import type { Dependencies } from '../ports';
import { parseSubmissionContent, type SubmissionVersion } from '../submission';
import { indicatorsForProject, resolveContactAccess } from './contact-workspace';

/** Reads `expectedVersion`: the version the form was based on (0 when there was none). */
function expectedVersionOf(body: unknown): number {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).expectedVersion : undefined;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ValidationError('Formulář obsahuje chyby.', {
      _form: 'Chybí verze, ze které formulář vychází. Načtěte stránku znovu a odešlete formulář ještě jednou.',
    });
  }
  return value;
}

/**
 * A contact person stores a new version of a project's report. Versions are append-only: the
 * new one is written only if no one stored that version number first (else ConflictError, and
 * nothing is overwritten). The event that recomputes the indicators follows the write; if it is
 * lost, the reminder sweep notices the stale indicators and republishes it.
 */
export async function submitProject(
  deps: Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'tokens' | 'tokenIssuer' | 'submissions' | 'events'>,
  input: { token: string; projectId: string; body: unknown; correlationId: string },
): Promise<SubmissionVersion> {
  const access = await resolveContactAccess(deps, input.token);
  const now = deps.clock.now();
  const periodLabel = parsePeriodId(access.cycle.id).label;
  // Late reports stay welcome after the deadline (that is what reminders chase); only closing ends it.
  if (!acceptsSubmissions(access.cycle.state)) {
    throw new GoneError(`Sběr podkladů za ${periodLabel} byl uzavřen. Změny už nelze ukládat; obraťte se prosím na ARR.`);
  }
  if (!access.contact.projectIds.includes(input.projectId)) {
    throw new ForbiddenError('Tento projekt nepatří mezi projekty, za které podáváte zprávu.');
  }
  const project = access.plan.projects.find((candidate) => candidate.id === input.projectId);
  if (!project) throw new ForbiddenError('Tento projekt nepatří mezi projekty, za které podáváte zprávu.');

  const expectedVersion = expectedVersionOf(input.body);
  const content = parseSubmissionContent(
    input.body,
    indicatorsForProject(access.plan, project).map((indicator) => indicator.code),
  );
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
