/**
 * Versions of the action plan: every change ARR (or the system) makes is a numbered revision
 * that says who made it, when, and what changed, in Czech sentences ARR can read back.
 */
import { CONTACT_PERSON_FORMS, countOf, INDICATOR_FORMS, PROJECT_FORMS } from './czech-plural';
import { contactDisplayName, type ActionPlan, type Project } from './plan';

export interface PlanChange {
  /** What kind of thing changed: `project`, `contact-person`, `guarantor`, `indicator`, `activity-area`, `plan`. */
  subject: 'plan' | 'activity-area' | 'project' | 'contact-person' | 'guarantor' | 'indicator';
  /** The id or code of the thing, e.g. a project id or `DV-1`. */
  id: string;
  /** A Czech sentence: „Projekt „X“: e-mail kontaktní osoby změněn z a@x.cz na b@x.cz.“ */
  description: string;
}

export interface PlanRevisionSummary {
  planId: string;
  /** 1 for the first stored plan, then +1 per change. */
  revision: number;
  /** Who made it: an ARR user, or `systém` for the deployment's seed and automatic changes. */
  author: string;
  at: string;
  /** Czech, e.g. „Výchozí plán nahrán při nasazení.“ */
  reason: string;
  changes: PlanChange[];
}

/** A revision with the whole plan as it was after it: any revision can be exported again. */
export interface PlanRevision extends PlanRevisionSummary {
  plan: ActionPlan;
}

/** The author of changes the system makes by itself (the seed, projects finished in a report). */
export const SYSTEM_AUTHOR = 'systém';

const lifecycleLabels: Record<Project['lifecycle'], string> = {
  active: 'probíhá',
  completed: 'dokončen',
  cancelled: 'zrušen',
};

function byKey<T>(items: T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function placementLabel(plan: ActionPlan, project: Project): string {
  if (project.placement.kind === 'outside-plan') return 'mimo oblasti aktivit';
  const { activityId } = project.placement;
  const activity = plan.activityAreas.flatMap((area) => area.activities).find((candidate) => candidate.id === activityId);
  return activity ? `aktivita „${activity.name}“` : `aktivita ${activityId}`;
}

/** What changed between two plans, one sentence per changed field; `before` null: a first plan. */
export function diffPlans(before: ActionPlan | null, after: ActionPlan): PlanChange[] {
  if (before === null) {
    return [
      {
        subject: 'plan',
        id: after.id,
        description: `Plán „${after.name}“ uložen: ${countOf(after.projects.length, PROJECT_FORMS)}, ${countOf(after.contactPersons.length, CONTACT_PERSON_FORMS)}, ${countOf(after.indicators.length, INDICATOR_FORMS)}.`,
      },
    ];
  }
  const changes: PlanChange[] = [];
  const add = (subject: PlanChange['subject'], id: string, description: string) => changes.push({ subject, id, description });

  if (before.name !== after.name) add('plan', after.id, `Název plánu změněn z „${before.name}“ na „${after.name}“.`);
  if (before.years.from !== after.years.from || before.years.to !== after.years.to) {
    add('plan', after.id, `Roky plánu změněny z ${before.years.from}–${before.years.to} na ${after.years.from}–${after.years.to}.`);
  }

  const areasBefore = byKey(before.activityAreas, (area) => area.id);
  for (const area of after.activityAreas) {
    const old = areasBefore.get(area.id);
    if (!old) {
      add('activity-area', area.id, `Přidána oblast aktivit „${area.name}“.`);
      continue;
    }
    if (old.name !== area.name) add('activity-area', area.id, `Oblast aktivit „${old.name}“ přejmenována na „${area.name}“.`);
    if (old.guarantor.department !== area.guarantor.department) {
      add('guarantor', area.id, `Oblast „${area.name}“: garant změněn z „${old.guarantor.department}“ na „${area.guarantor.department}“.`);
    }
    if (old.guarantor.email !== area.guarantor.email) {
      add('guarantor', area.id, `Oblast „${area.name}“: e-mail garanta změněn z ${old.guarantor.email} na ${area.guarantor.email}.`);
    }
    if (JSON.stringify(old.activities) !== JSON.stringify(area.activities) || old.description !== area.description || old.order !== area.order) {
      add('activity-area', area.id, `Oblast „${area.name}“: změněny aktivity, popis nebo pořadí.`);
    }
  }
  const areasAfter = new Set(after.activityAreas.map((area) => area.id));
  for (const area of before.activityAreas) if (!areasAfter.has(area.id)) add('activity-area', area.id, `Odebrána oblast aktivit „${area.name}“.`);
  if (JSON.stringify(before.priorityAreas) !== JSON.stringify(after.priorityAreas)) add('plan', after.id, 'Změněny prioritní oblasti.');

  const contactsBefore = byKey(before.contactPersons, (person) => person.id);
  for (const person of after.contactPersons) {
    const old = contactsBefore.get(person.id);
    const name = contactDisplayName(person);
    if (!old) {
      add('contact-person', person.id, `Přidána kontaktní osoba ${name} (${person.email}).`);
      continue;
    }
    if (contactDisplayName(old) !== name) add('contact-person', person.id, `Kontaktní osoba ${contactDisplayName(old)} přejmenována na ${name}.`);
    if (old.email !== person.email) add('contact-person', person.id, `Kontaktní osoba ${name}: e-mail změněn z ${old.email} na ${person.email}.`);
    if (old.organisation !== person.organisation) add('contact-person', person.id, `Kontaktní osoba ${name}: organizace změněna na „${person.organisation}“.`);
  }
  const contactsAfter = new Set(after.contactPersons.map((person) => person.id));
  for (const person of before.contactPersons) {
    if (!contactsAfter.has(person.id)) add('contact-person', person.id, `Odebrána kontaktní osoba ${contactDisplayName(person)}.`);
  }

  const projectsBefore = byKey(before.projects, (project) => project.id);
  for (const project of after.projects) {
    const old = projectsBefore.get(project.id);
    if (!old) {
      add('project', project.id, `Přidán projekt „${project.name}“ (${placementLabel(after, project)}).`);
      continue;
    }
    if (old.name !== project.name) add('project', project.id, `Projekt „${old.name}“ přejmenován na „${project.name}“.`);
    if (JSON.stringify(old.placement) !== JSON.stringify(project.placement)) {
      add('project', project.id, `Projekt „${project.name}“ přesunut: ${placementLabel(before, old)} → ${placementLabel(after, project)}.`);
    }
    if (old.lifecycle !== project.lifecycle) {
      add('project', project.id, `Projekt „${project.name}“: stav změněn z „${lifecycleLabels[old.lifecycle]}“ na „${lifecycleLabels[project.lifecycle]}“.`);
    }
    if (old.goal !== project.goal || old.goalLabel !== project.goalLabel) add('project', project.id, `Projekt „${project.name}“: změněn cíl projektu.`);
    if (old.contactPersonIds.join(',') !== project.contactPersonIds.join(',')) {
      add('project', project.id, `Projekt „${project.name}“: kontaktní osoby změněny na ${project.contactPersonIds.join(', ')}.`);
    }
  }
  const projectsAfter = new Set(after.projects.map((project) => project.id));
  for (const project of before.projects) if (!projectsAfter.has(project.id)) add('project', project.id, `Odebrán projekt „${project.name}“.`);

  const indicatorsBefore = byKey(before.indicators, (indicator) => indicator.code);
  for (const indicator of after.indicators) {
    const old = indicatorsBefore.get(indicator.code);
    if (!old) {
      add('indicator', indicator.code, `Přidán indikátor ${indicator.code} „${indicator.name}“.`);
      continue;
    }
    if (old.name !== indicator.name) add('indicator', indicator.code, `Indikátor ${indicator.code}: název změněn z „${old.name}“ na „${indicator.name}“.`);
    if (old.unit !== indicator.unit) add('indicator', indicator.code, `Indikátor ${indicator.code}: jednotka změněna z „${old.unit}“ na „${indicator.unit}“.`);
    if (old.baseline.value !== indicator.baseline.value || old.baseline.asOf !== indicator.baseline.asOf) {
      add(
        'indicator',
        indicator.code,
        `Indikátor ${indicator.code}: výchozí hodnota změněna z ${old.baseline.value} (k ${old.baseline.asOf}) na ${indicator.baseline.value} (k ${indicator.baseline.asOf}).`,
      );
    }
    if (old.aggregation !== indicator.aggregation || old.activityAreaId !== indicator.activityAreaId) {
      add('indicator', indicator.code, `Indikátor ${indicator.code}: změněna oblast nebo způsob sčítání.`);
    }
  }
  const indicatorsAfter = new Set(after.indicators.map((indicator) => indicator.code));
  for (const indicator of before.indicators) {
    if (!indicatorsAfter.has(indicator.code)) add('indicator', indicator.code, `Odebrán indikátor ${indicator.code} „${indicator.name}“.`);
  }
  return changes;
}
