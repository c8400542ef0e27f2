/**
 * What the contact person's page shows, from what the use cases know: their workspace, plus, after
 * a failed post, what they typed and what was wrong with it.
 */
import { nextPeriod } from '../../domain/period';
import { contactDisplayName, OUTSIDE_PLAN_NAME } from '../../domain/plan';
import { readExpectedVersion } from '../../domain/submission';
import type { ContactWorkspace, ProjectWorkspace } from '../../domain/use-cases/contact-workspace';
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
  /** The raw personal token: the forms post back under the same link. */
  token: string;
  rejected?: RejectedPost;
  /** `?ulozeno=<projectId>` after a successful post. */
  savedProjectId?: string;
}

function formActionOf(token: string, projectId: string): string {
  return `/s/${encodeURIComponent(token)}/projects/${encodeURIComponent(projectId)}`;
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

function projectForm(workspace: ProjectWorkspace, state: PageState): ProjectFormView {
  const { project, latest } = workspace;
  const rejected = state.rejected?.projectId === project.id ? state.rejected : undefined;
  const storedVersion = latest?.version ?? 0;
  return {
    projectId: project.id,
    name: project.name,
    activityAreaName: workspace.area?.name ?? OUTSIDE_PLAN_NAME,
    activityName: workspace.activity?.name ?? null,
    goal: project.goal,
    previousPlan: workspace.previousPlan,
    ...(workspace.previousPlanPeriod ? { previousPlanPeriodLabel: workspace.previousPlanPeriod.label } : {}),
    formAction: formActionOf(state.token, project.id),
    expectedVersion: rejected ? basedOnVersion(rejected, storedVersion) : storedVersion,
    values: rejected ? submittedValues(rejected.input) : storedValues(workspace),
    indicators: workspace.indicators.map((indicator) => ({ code: indicator.code, name: indicator.name })),
    errors: rejected ? formErrors(rejected.errors) : {},
    ...(latest ? { lastSubmittedAt: new Date(latest.submittedAt), version: latest.version } : {}),
    // A failed post outranks an earlier success: the page must not thank and complain at once.
    ...(state.savedProjectId === project.id && !state.rejected ? { justSaved: true } : {}),
  };
}

export function toSubmissionPageView(workspace: ContactWorkspace, state: PageState): SubmissionPageView {
  return {
    personName: contactDisplayName(workspace.person),
    periodLabel: workspace.period.label,
    nextPeriodLabel: nextPeriod(workspace.period).shortLabel,
    deadline: new Date(workspace.cycle.deadline),
    now: state.now,
    editable: workspace.cycle.state === 'open',
    projects: workspace.projects.map((project) => projectForm(project, state)),
  };
}
