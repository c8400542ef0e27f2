/**
 * The action plan (akční plán) of the concept "Chytřejší Liberecký kraj": the static catalog a
 * monitoring cycle works on. Czech terms are explained in README.md, section "Glossary".
 */

/** Prioritní oblast koncepce: a priority area of the concept, mapped to at most one activity area. */
export interface PriorityArea {
  id: string;
  name: string;
  /** `null` where the action plan has no activity area for it (Doprava). */
  activityAreaId: string | null;
}

/** Garant: the department of the regional authority answerable for an activity area. */
export interface Guarantor {
  department: string;
  email: string;
}

/** Aktivita: one of the 1–3 numbered activities of an activity area. */
export interface Activity {
  id: string;
  activityAreaId: string;
  number: number;
  name: string;
}

/** Oblast aktivit: an activity area of the action plan, with its guarantor and activities. */
export interface ActivityArea {
  id: string;
  /** Report order (1–7). */
  order: number;
  name: string;
  /** Optional introductory sentence the monitoring report prints under the area heading. */
  description?: string;
  guarantor: Guarantor;
  activities: Activity[];
}

/** Where a project sits in the plan: under an activity, or among the projects outside the plan. */
export type ProjectPlacement =
  | { kind: 'activity'; activityId: string }
  | { kind: 'outside-plan' };

/** What the reports call the group of projects outside the plan's activity areas. */
export const OUTSIDE_PLAN_NAME = 'Další projekty realizované mimo oblasti aktivit akčního plánu';

export type ProjectLifecycle = 'active' | 'completed' | 'cancelled';

/** Projekt: a project reported on every half-year. */
export interface Project {
  /** Stable, URL-safe id (kebab-case slug). */
  id: string;
  name: string;
  /** Cíl projektu (or "bližší popis" in some entries, see `goalLabel`). */
  goal: string;
  goalLabel: 'cíl projektu' | 'bližší popis';
  placement: ProjectPlacement;
  contactPersonIds: string[];
  lifecycle: ProjectLifecycle;
}

/**
 * Kontaktní osoba. `name` is the person answerable for the project as the reports write it;
 * `reportingPerson` is the person who actually reports, written in brackets:
 * `M. Féna (D. Nejedlo)`. The email reaches whoever reports.
 */
export interface ContactPerson {
  id: string;
  name: string;
  reportingPerson?: string;
  email: string;
  organisation: string;
}

/**
 * How an indicator's contributions add up:
 * - `sum-per-period`: the period value is the sum of this period's contributions; the cumulative
 *   value adds it to the previous cumulative value;
 * - `cumulative`: contributions are increments since the plan began; the same arithmetic as
 *   `sum-per-period`, but the report shows the cumulative value as the headline (stav k datu);
 * - `latest`: a state, not a flow (e.g. number of connected municipalities): the period value is
 *   the largest reported value this period, or the previous value when nobody reported.
 */
export type IndicatorAggregation = 'sum-per-period' | 'cumulative' | 'latest';

/** Indikátor: a count tracked per activity area. */
export interface IndicatorDefinition {
  /** Stable code, e.g. `KD-1` (area prefix + number). */
  code: string;
  name: string;
  activityAreaId: string;
  aggregation: IndicatorAggregation;
  unit: string;
  /** The value the region reported, e.g. as of 31 Dec 2025. */
  baseline: { asOf: string; value: number };
}

export interface ActionPlan {
  id: string;
  name: string;
  /** First and last year of the plan, e.g. 2024 and 2026. */
  years: { from: number; to: number };
  priorityAreas: PriorityArea[];
  activityAreas: ActivityArea[];
  projects: Project[];
  contactPersons: ContactPerson[];
  indicators: IndicatorDefinition[];
}

/** How a contact person is written in the reports: `M. Féna (D. Nejedlo)` or `S. Jäger`. */
export function contactDisplayName(person: Pick<ContactPerson, 'name' | 'reportingPerson'>): string {
  return person.reportingPerson ? `${person.name} (${person.reportingPerson})` : person.name;
}

/**
 * The id an escalation uses for projects outside the plan: they have no guarantor, so ARR is
 * told instead.
 */
export const OUTSIDE_PLAN_AUDIENCE_ID = 'outside-plan';

/** The activity area a project is escalated under: its own, or OUTSIDE_PLAN_AUDIENCE_ID. */
export function escalationAreaIdOf(plan: ActionPlan, project: Project): string {
  return activityAreaOfProject(plan, project)?.id ?? OUTSIDE_PLAN_AUDIENCE_ID;
}

/** The activity area a project belongs to, or `null` for a project outside the plan. */
export function activityAreaOfProject(plan: ActionPlan, project: Project): ActivityArea | null {
  if (project.placement.kind === 'outside-plan') return null;
  const { activityId } = project.placement;
  return plan.activityAreas.find((area) => area.activities.some((a) => a.id === activityId)) ?? null;
}
