/**
 * ARR's editorial loop over one project of a cycle: return the newest version for revision with a
 * comment, write ARR's own texts for the report, and read everything the project detail shows.
 */
import { createEvent, projectReturnedV1 } from '../../events';
import { cycleStateLabels, requireEditableCycle } from '../cycle';
import {
  CHANGED_SINCE_EDIT_LABEL,
  changedSinceEditorial,
  editorialMessages,
  parseEditorialRequest,
  parseReturnRequest,
  PROJECT_RETURNED_LABEL,
  standingReturn,
  type EditorialVersion,
  type ReturnRecord,
} from '../editorial';
import { ConflictError, NotFoundError } from '../errors';
import { activityAreaOfProject, contactDisplayName, OUTSIDE_PLAN_NAME, type ActionPlan, type Project } from '../plan';
import type { Dependencies } from '../ports';
import type { CycleRecord, RequestRecord } from '../records';
import { overdueNoticeDay } from '../reminders';
import type { SubmissionVersion } from '../submission';
import type { IsoDate } from '../time';
import { earlierPeriodsNewestFirst, latestPlanBefore } from './previous-plan';

async function requireCycle(deps: Pick<Dependencies, 'cycles'>, cycleId: string): Promise<CycleRecord> {
  const cycle = await deps.cycles.getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`Cyklus ${cycleId} neexistuje.`);
  return cycle;
}

async function requireRequest(deps: Pick<Dependencies, 'cycles'>, cycle: CycleRecord, projectId: string): Promise<RequestRecord> {
  const [request] = await deps.cycles.getRequests(cycle.id, [projectId]);
  if (!request) throw new NotFoundError(`Projekt „${projectId}“ v cyklu ${cycle.id} není.`);
  return request;
}

/**
 * `POST /cycles/{id}/projects/{projectId}/return`: ARR returns the project's newest version to its
 * contact persons with a comment. Only the newest version can be returned, once; the return is
 * one conditional write, then each contact person's email is queued. The project then counts as
 * awaited (completeness, reminders) until a new version arrives.
 * @throws ValidationError for a missing or too long comment, ConflictError when nothing was
 *   submitted, the version is not the newest or was returned already, IllegalTransitionError
 *   when the cycle is not open. Nothing is stored in any of these cases.
 */
export async function returnProject(
  deps: Pick<Dependencies, 'clock' | 'cycles' | 'submissions' | 'editorial' | 'events'>,
  input: { cycleId: string; projectId: string; body: unknown; returnedBy: string; correlationId: string },
): Promise<ReturnRecord> {
  const cycle = await requireCycle(deps, input.cycleId);
  const request = parseReturnRequest(input.body);
  requireEditableCycle(cycle.state);
  const projectRequest = await requireRequest(deps, cycle, input.projectId);
  const latest = await deps.submissions.latestVersion(cycle.id, input.projectId);
  if (!latest) throw new ConflictError(editorialMessages.neverSubmitted, { projectId: editorialMessages.neverSubmitted });
  if (request.version !== latest.version) {
    throw new ConflictError(editorialMessages.notLatest(latest.version), { version: editorialMessages.notLatest(latest.version) });
  }
  const now = deps.clock.now();
  const record: ReturnRecord = {
    cycleId: cycle.id,
    projectId: input.projectId,
    version: latest.version,
    comment: request.comment,
    returnedAt: now.toISOString(),
    returnedBy: input.returnedBy,
  };
  if (!(await deps.editorial.recordReturn(record))) {
    throw new ConflictError(editorialMessages.alreadyReturned, { version: editorialMessages.alreadyReturned });
  }
  await deps.events.publish(
    projectRequest.contactPersonIds.map((contactPersonId) =>
      createEvent(
        projectReturnedV1,
        { cycleId: cycle.id, projectId: input.projectId, version: latest.version, contactPersonId },
        { correlationId: input.correlationId, now },
      ),
    ),
  );
  return record;
}

/**
 * `PUT /cycles/{id}/projects/{projectId}/editorial`: ARR's texts for the report. They must be
 * based on the person's newest version (so ARR never edits over text it has not seen); the
 * person's versions are not touched. A later version from the person leaves ARR's text in the
 * report and flags the project as changed since ARR's edit. Two ARR editors: the last save wins.
 */
export async function putEditorialVersion(
  deps: Pick<Dependencies, 'clock' | 'cycles' | 'submissions' | 'editorial'>,
  input: { cycleId: string; projectId: string; body: unknown; editedBy: string; correlationId: string },
): Promise<EditorialVersion> {
  const cycle = await requireCycle(deps, input.cycleId);
  const request = parseEditorialRequest(input.body);
  requireEditableCycle(cycle.state);
  await requireRequest(deps, cycle, input.projectId);
  const latest = await deps.submissions.latestVersion(cycle.id, input.projectId);
  if (!latest) throw new ConflictError(editorialMessages.nothingToEdit, { projectId: editorialMessages.nothingToEdit });
  if (request.version !== latest.version) {
    throw new ConflictError(editorialMessages.editNotLatest(latest.version), { version: editorialMessages.editNotLatest(latest.version) });
  }
  const now = deps.clock.now();
  const editorial: EditorialVersion = {
    cycleId: cycle.id,
    projectId: input.projectId,
    thisPeriod: request.thisPeriod,
    nextPeriodPlan: request.nextPeriodPlan,
    basedOnVersion: latest.version,
    editedAt: now.toISOString(),
    editedBy: input.editedBy,
  };
  await deps.editorial.putEditorialVersion(editorial);
  // A report already assembled (a preview of a complete cycle) is now stale: it is assembled
  // again with ARR's text when it is read, or when the cycle closes, never once per edit.
  if (cycle.reportAssembledAt) await deps.cycles.markReportStale(cycle.id, now.toISOString());
  return editorial;
}

export type ProjectReviewState = 'not-submitted' | 'submitted' | 'returned';

export const projectReviewStateLabels: Record<ProjectReviewState, string> = {
  'not-submitted': 'zatím neodesláno',
  submitted: 'odesláno',
  returned: PROJECT_RETURNED_LABEL,
};

export type ProjectHistoryEntry =
  | { kind: 'version'; at: string; version: number; by: string }
  | { kind: 'return'; at: string; version: number; by: string; comment: string }
  | { kind: 'editorial'; at: string; basedOnVersion: number; by: string };

export interface ProjectDetail {
  cycle: {
    id: string;
    state: CycleRecord['state'];
    stateLabel: string;
    editable: boolean;
    /** The overdue notice's Prague day: neither that notice nor the escalation chases a project returned on it or later. */
    overdueNoticeDay: IsoDate;
  };
  project: {
    id: string;
    name: string;
    goal: string;
    activityAreaName: string;
    contacts: Array<{ id: string; name: string; email: string }>;
  };
  /** What the project planned for this half-year, from the newest earlier report that has a plan for it (the person's form starts from it). */
  previousPlan: { cycleId: string; text: string } | null;
  state: ProjectReviewState;
  stateLabel: string;
  /** Every version the person sent, oldest first. */
  versions: SubmissionVersion[];
  /** Every return with its comment, oldest first. */
  returns: ReturnRecord[];
  /** The return the person has not answered yet. */
  standingReturn: ReturnRecord | null;
  /** ARR's texts for the report, with who edited them and when. */
  editorial: EditorialVersion | null;
  changedSinceEditorial: boolean;
  /** `změněno po úpravě ARR` when `changedSinceEditorial`. */
  flagLabel: string | null;
  /** What the report prints for this project, and whose text it is. */
  reportText: { thisPeriod: string; nextPeriodPlan: string; source: 'arr' | 'contact-person' } | null;
  /** Versions, returns and ARR's edit in the order they happened. */
  history: ProjectHistoryEntry[];
}

function projectOf(plan: { projects: Project[] }, projectId: string): Project {
  const project = plan.projects.find((candidate) => candidate.id === projectId);
  if (!project) throw new NotFoundError(`Projekt „${projectId}“ v plánu není.`);
  return project;
}

type ProjectDetailDeps = Pick<Dependencies, 'plans' | 'cycles' | 'submissions' | 'editorial'>;

/** `GET /cycles/{id}/projects/{projectId}`: what the console's project detail shows (and diffs). */
export async function getProjectDetail(deps: ProjectDetailDeps, input: { cycleId: string; projectId: string }): Promise<ProjectDetail> {
  return (await getProjectDetailWithPlan(deps, input)).detail;
}

/** The project detail and the cycle's plan it was read from, for a page that names the people and indicators in it. */
export async function getProjectDetailWithPlan(
  deps: ProjectDetailDeps,
  input: { cycleId: string; projectId: string },
): Promise<{ detail: ProjectDetail; plan: ActionPlan }> {
  const cycle = await requireCycle(deps, input.cycleId);
  await requireRequest(deps, cycle, input.projectId);
  const plan = await deps.plans.getPlan(cycle.planId);
  const project = projectOf(plan, input.projectId);
  const [versions, returns, editorial, previous] = await Promise.all([
    deps.submissions.listVersions(cycle.id, project.id),
    deps.editorial.listProjectReturns(cycle.id, project.id),
    deps.editorial.getEditorialVersion(cycle.id, project.id),
    earlierPeriodsNewestFirst(deps, cycle.id).then((earlierCycleIds) => latestPlanBefore(deps, earlierCycleIds, project.id)),
  ]);
  const latest = versions.at(-1) ?? null;
  const standing = latest ? standingReturn(returns, latest.version) : null;
  const state: ProjectReviewState = latest === null ? 'not-submitted' : standing ? 'returned' : 'submitted';
  const changed = changedSinceEditorial(editorial, latest?.version ?? 0);
  const history: ProjectHistoryEntry[] = [
    ...versions.map((version): ProjectHistoryEntry => ({ kind: 'version', at: version.submittedAt, version: version.version, by: version.submittedBy })),
    ...returns.map((record): ProjectHistoryEntry => ({ kind: 'return', at: record.returnedAt, version: record.version, by: record.returnedBy, comment: record.comment })),
    ...(editorial ? [{ kind: 'editorial', at: editorial.editedAt, basedOnVersion: editorial.basedOnVersion, by: editorial.editedBy } as const] : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const detail: ProjectDetail = {
    cycle: {
      id: cycle.id,
      state: cycle.state,
      stateLabel: cycleStateLabels[cycle.state],
      editable: cycle.state === 'open',
      overdueNoticeDay: overdueNoticeDay(new Date(cycle.deadline), cycle.reminderLadder),
    },
    project: {
      id: project.id,
      name: project.name,
      goal: project.goal,
      activityAreaName: activityAreaOfProject(plan, project)?.name ?? OUTSIDE_PLAN_NAME,
      contacts: project.contactPersonIds.flatMap((id) => {
        const person = plan.contactPersons.find((candidate) => candidate.id === id);
        return person ? [{ id, name: contactDisplayName(person), email: person.email }] : [];
      }),
    },
    previousPlan: previous ? { cycleId: previous.version.cycleId, text: previous.version.nextPeriodPlan } : null,
    state,
    stateLabel: projectReviewStateLabels[state],
    versions,
    returns,
    standingReturn: standing,
    editorial,
    changedSinceEditorial: changed,
    flagLabel: changed ? CHANGED_SINCE_EDIT_LABEL : null,
    reportText: editorial
      ? { thisPeriod: editorial.thisPeriod, nextPeriodPlan: editorial.nextPeriodPlan, source: 'arr' }
      : latest
        ? { thisPeriod: latest.thisPeriod, nextPeriodPlan: latest.nextPeriodPlan, source: 'contact-person' }
        : null,
    history,
  };
  return { detail, plan };
}
