/**
 * What the contact person's page shows, from what the use cases know: their workspace, plus, after
 * a failed post, what they typed and what was wrong with it.
 */
import { nextPeriod } from '../../domain/period';
import { contactDisplayName, OUTSIDE_PLAN_NAME } from '../../domain/plan';
import { readExpectedVersion } from '../../domain/submission';
import type { ContactWorkspace, ProjectWorkspace } from '../../domain/use-cases/contact-workspace';
import type { SentProjectView, SubmissionSummaryView } from '../../templates/page/summary';
import type { ProjectFormView, SubmissionPageView } from '../../templates/page/submission';

/** The form-level key of the page template; the domain's validation calls a whole-input issue `form`. */
const FORM_ERROR_KEY = '_form';

/** A post that was not stored: the person's input comes back with the reasons, next to the fields. */
export interface RejectedPost {
  projectId: string;
  /** The parsed request body, as typed. */
  input: unknown;
  /** Field path → Czech message (`thisPeriod`, `indicatorContributions.EK-1`, `_form`). */
  errors: Record<string, string>;
  /**
   * The version the re-displayed form is based on. After a conflict it is the newest stored one,
   * so that sending the form again is a deliberate decision to replace it.
   */
  expectedVersion?: number;
}

export interface PageState {
  now: Date;
  /** The raw personal token: the form posts back under the same link. */
  token: string;
  /** Projects whose post was not stored: shown again with what the person sent and why. */
  rejected?: RejectedPost[];
  /** Posted projects that ARR gave to someone else meanwhile: why, and what the person typed. */
  notTheirs?: Array<{ input: unknown; message: string }>;
  /** After a save (`?ulozeno=a,b&u=c`): the projects stored, and the one whose button was pressed. */
  saved?: SavedState;
}

export interface SavedState {
  projectIds: string[];
  focusProjectId?: string;
}

/** The page's form posts every project at once to the link itself. */
export function pageFormAction(token: string): string {
  return `/s/${encodeURIComponent(token)}`;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function field(input: unknown, name: string): unknown {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined;
}

function submittedValues(input: unknown): ProjectFormView['values'] {
  const contributions = field(input, 'indicatorContributions');
  return {
    thisPeriod: text(field(input, 'thisPeriod')),
    nextPeriodPlan: text(field(input, 'nextPeriodPlan')),
    status: text(field(input, 'status')),
    indicatorContributions:
      typeof contributions === 'object' && contributions !== null
        ? Object.fromEntries(Object.entries(contributions).map(([code, value]) => [code, text(value)]))
        : {},
    noteToArr: text(field(input, 'noteToArr')),
  };
}

function storedValues(workspace: ProjectWorkspace): ProjectFormView['values'] {
  const latest = workspace.latest;
  return {
    thisPeriod: latest?.thisPeriod ?? '',
    nextPeriodPlan: latest?.nextPeriodPlan ?? '',
    status: latest?.status ?? '',
    indicatorContributions: Object.fromEntries(
      Object.entries(latest?.indicatorContributions ?? {}).map(([code, value]) => [code, String(value)]),
    ),
    noteToArr: latest?.noteToArr ?? '',
  };
}

function basedOnVersion(rejected: RejectedPost, stored: number): number {
  if (rejected.expectedVersion !== undefined) return rejected.expectedVersion;
  const read = readExpectedVersion(rejected.input);
  return read.valid ? read.version : stored;
}

function formErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path === 'form' ? FORM_ERROR_KEY : path, message]));
}

/**
 * The confirmation in one section: where the person pressed the button, or, when that project
 * had nothing to save, at the first one saved. A page with refused projects thanks nobody at
 * its top; each saved project still says so in its own section.
 */
function noticeOf(workspace: ProjectWorkspace, state: PageState): string | undefined {
  const saved = state.saved;
  if (saved === undefined) return undefined;
  const projectId = workspace.project.id;
  const isSaved = saved.projectIds.includes(projectId);
  if (state.rejected !== undefined && state.rejected.length > 0) {
    return isSaved ? `Podklady k projektu „${workspace.project.name}“ byly uloženy.` : undefined;
  }
  const anchor = saved.focusProjectId !== undefined && (saved.projectIds.length === 0 || saved.projectIds.includes(saved.focusProjectId))
    ? saved.focusProjectId
    : saved.projectIds[0];
  if (anchor !== projectId) return undefined;
  if (saved.projectIds.length === 0) return 'Na stránce nebyly žádné změny, nic nového se neukládalo.';
  if (saved.projectIds.length === 1) return `Podklady k projektu „${workspace.project.name}“ byly uloženy. Děkujeme!`;
  return `Podklady byly uloženy u ${saved.projectIds.length} projektů, které jste změnili. Děkujeme!`;
}

function projectForm(workspace: ProjectWorkspace, state: PageState): ProjectFormView {
  const { project, latest, standingReturn } = workspace;
  const rejected = state.rejected?.find((candidate) => candidate.projectId === project.id);
  const storedVersion = latest?.version ?? 0;
  const notice = noticeOf(workspace, state);
  return {
    projectId: project.id,
    name: project.name,
    activityAreaName: workspace.area?.name ?? OUTSIDE_PLAN_NAME,
    activityName: workspace.activity?.name ?? null,
    goal: project.goal,
    previousPlan: workspace.previousPlan,
    ...(workspace.previousPlanPeriod ? { previousPlanPeriodLabel: workspace.previousPlanPeriod.label } : {}),
    expectedVersion: rejected ? basedOnVersion(rejected, storedVersion) : storedVersion,
    values: rejected ? submittedValues(rejected.input) : storedValues(workspace),
    indicators: workspace.indicators.map((indicator) => ({ code: indicator.code, name: indicator.name })),
    errors: rejected ? formErrors(rejected.errors) : {},
    ...(latest ? { lastSubmittedAt: new Date(latest.submittedAt), version: latest.version } : {}),
    ...(standingReturn
      ? { returned: { version: standingReturn.version, returnedAt: new Date(standingReturn.returnedAt), comment: standingReturn.comment } }
      : {}),
    ...(notice === undefined ? {} : { notice }),
  };
}

export function toSubmissionPageView(workspace: ContactWorkspace, state: PageState): SubmissionPageView {
  return {
    personName: contactDisplayName(workspace.person),
    periodLabel: workspace.period.label,
    nextPeriodLabel: nextPeriod(workspace.period).label,
    deadline: new Date(workspace.cycle.deadline),
    now: state.now,
    formAction: pageFormAction(state.token),
    projects: workspace.projects.map((project) => projectForm(project, state)),
    ...(state.notTheirs ? { notTheirs: state.notTheirs.map(({ input, message }) => ({ message, typed: submittedValues(input) })) } : {}),
  };
}

function sentProject(workspace: ProjectWorkspace): SentProjectView {
  const { project, latest, standingReturn } = workspace;
  const indicatorNames = new Map(workspace.indicators.map((indicator) => [indicator.code, indicator.name]));
  return {
    projectId: project.id,
    name: project.name,
    activityAreaName: workspace.area?.name ?? OUTSIDE_PLAN_NAME,
    sent: latest
      ? {
          version: latest.version,
          submittedAt: new Date(latest.submittedAt),
          thisPeriod: latest.thisPeriod,
          nextPeriodPlan: latest.nextPeriodPlan,
          status: latest.status,
          indicatorContributions: Object.entries(latest.indicatorContributions).map(([code, value]) => ({
            code,
            name: indicatorNames.get(code) ?? code,
            value,
          })),
          noteToArr: latest.noteToArr ?? null,
        }
      : null,
    ...(standingReturn ? { returned: { returnedAt: new Date(standingReturn.returnedAt), comment: standingReturn.comment } } : {}),
  };
}

/** A closed cycle's page: what the person sent, project by project. */
export function toSubmissionSummaryView(workspace: ContactWorkspace): SubmissionSummaryView {
  return {
    personName: contactDisplayName(workspace.person),
    periodLabel: workspace.period.label,
    nextPeriodLabel: nextPeriod(workspace.period).label,
    deadline: new Date(workspace.cycle.deadline),
    projects: workspace.projects.map(sentProject),
  };
}
