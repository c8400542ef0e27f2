import { standingReturn, type ReturnRecord } from '../editorial';
import { NotFoundError } from '../errors';
import { parsePeriodId, type Period } from '../period';
import { activityAreaOfProject, type Activity, type ActivityArea, type ActionPlan, type ContactPerson, type IndicatorDefinition, type Project } from '../plan';
import type { Dependencies } from '../ports';
import type { CycleContactRecord, CycleRecord, TokenRecord } from '../records';
import type { SubmissionVersion } from '../submission';
import { earlierPeriodsNewestFirst, latestPlanBefore } from './previous-plan';

/**
 * One message for every link that does not lead anywhere: never issued, revoked, or of a
 * cycle that is no longer open. The same status and wording for all, so a link's history
 * cannot be probed.
 */
export const INVALID_LINK_MESSAGE = 'Odkaz není platný nebo už vypršel.';

/** A personal link that leads nowhere, whatever the reason. */
export class InvalidLinkError extends NotFoundError {
  constructor() {
    super(INVALID_LINK_MESSAGE);
  }
}

export interface ContactAccess {
  token: TokenRecord;
  cycle: CycleRecord;
  contact: CycleContactRecord;
  plan: ActionPlan;
  person: ContactPerson;
}

/** What a contact person sees for one project on their page. */
export interface ProjectWorkspace {
  project: Project;
  area: ActivityArea | null;
  activity: Activity | null;
  /** What they planned last period: the starting point of this report. */
  previousPlan: string;
  /** The most recent earlier half-year with a plan for the project, or null when none has one. */
  previousPlanPeriod: Period | null;
  latest: SubmissionVersion | null;
  /** ARR returned the latest version for revision and no new one came yet: the comment to show. */
  standingReturn: ReturnRecord | null;
  indicators: IndicatorDefinition[];
}

export interface ContactWorkspace extends ContactAccess {
  period: Period;
  projects: ProjectWorkspace[];
}

/**
 * Resolves a personal link. Reading never changes anything: mail scanners open links too.
 * @throws InvalidLinkError for any link that is not usable.
 */
export async function resolveContactAccess(
  deps: Pick<Dependencies, 'plans' | 'tokens' | 'tokenIssuer'>,
  rawToken: string,
): Promise<ContactAccess> {
  return (await resolveContactPost(deps, rawToken, [])).access;
}

/**
 * Resolves a personal link for a post, reading with it the stored versions the posted forms were
 * based on (by project; null for version 0 or one never stored): the token, the cycle, the
 * person's contact and those versions are read together, all strongly consistent.
 * @throws InvalidLinkError for any link that is not usable.
 */
export async function resolveContactPost(
  deps: Pick<Dependencies, 'plans' | 'tokens' | 'tokenIssuer'>,
  rawToken: string,
  basedOn: ReadonlyArray<{ projectId: string; version: number }>,
): Promise<{ access: ContactAccess; basedOn: Map<string, SubmissionVersion | null> }> {
  const link = /^[A-Za-z0-9_-]{43}$/.test(rawToken)
    ? await deps.tokens.findLink(deps.tokenIssuer.hash(rawToken), basedOn)
    : null;
  if (!link || link.token.revokedAt) throw new InvalidLinkError();
  const { token, cycle, contact } = link;
  if (!cycle || !contact) throw new InvalidLinkError();
  const plan = await deps.plans.getPlan(cycle.planId, link.planRevision);
  const person = plan.contactPersons.find((candidate) => candidate.id === contact.contactPersonId);
  if (!person) throw new InvalidLinkError();
  return { access: { token, cycle, contact, plan, person }, basedOn: link.versions };
}

/** Indicators a project may contribute to: those of its activity area. */
export function indicatorsForProject(plan: ActionPlan, project: Project): IndicatorDefinition[] {
  const area = activityAreaOfProject(plan, project);
  return area ? plan.indicators.filter((indicator) => indicator.activityAreaId === area.id) : [];
}

/** Everything the contact person's page shows, for every project of theirs in the cycle. */
export async function loadContactWorkspace(
  deps: Pick<Dependencies, 'plans' | 'cycles' | 'tokens' | 'tokenIssuer' | 'submissions' | 'editorial'>,
  access: ContactAccess,
): Promise<ContactWorkspace> {
  const period = parsePeriodId(access.cycle.id);
  // A project ARR removed from the plan during the cycle is no longer shown.
  const projectIds = access.contact.projectIds.filter((id) => access.plan.projects.some((project) => project.id === id));
  // The cycles, the returns and each project's newest version are read at once; only the earlier
  // half-years' plans wait for the list of cycles.
  const earlier = earlierPeriodsNewestFirst(deps, access.cycle.id);
  const [, returns, projects] = await Promise.all([
    earlier,
    deps.editorial.listReturns(access.cycle.id),
    Promise.all(projectIds.map(async (projectId) => {
      const [latest, previous] = await Promise.all([
        deps.submissions.latestVersion(access.cycle.id, projectId),
        earlier.then((earlierCycleIds) => latestPlanBefore(deps, earlierCycleIds, projectId)),
      ]);
      return { projectId, latest, previous };
    })),
  ]);
  return {
    ...access,
    period,
    projects: projects.map(({ projectId, latest, previous }): ProjectWorkspace => {
      const project = access.plan.projects.find((candidate) => candidate.id === projectId) as Project;
      const area = activityAreaOfProject(access.plan, project);
      const { placement } = project;
      const activity =
        placement.kind === 'activity'
          ? (area?.activities.find((candidate) => candidate.id === placement.activityId) ?? null)
          : null;
      return {
        project,
        area,
        activity,
        previousPlan: previous?.version.nextPeriodPlan ?? '',
        previousPlanPeriod: previous ? parsePeriodId(previous.version.cycleId) : null,
        latest,
        standingReturn: latest
          ? standingReturn(
              returns.filter((record) => record.projectId === projectId),
              latest.version,
            )
          : null,
        indicators: indicatorsForProject(access.plan, project),
      };
    }),
  };
}
