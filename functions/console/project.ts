/** The project page's view model: the versions as fields, and a word diff of two of them (`diff`). */
import { diffWordsWithSpace } from 'diff';
import { activityAreaOfProject, contactDisplayName, OUTSIDE_PLAN_NAME } from '../../domain/plan';
import { parsePeriodId } from '../../domain/period';
import { projectStatusLabels, type SubmissionVersion } from '../../domain/submission';
import { getProjectHistory } from '../../domain/use-cases/arr';
import type { DiffPart, ProjectView } from '../../templates/console/project';
import type { SignedInContext } from './context';

function fieldsOf(version: SubmissionVersion, indicatorNames: Map<string, string>): Array<{ label: string; value: string }> {
  const contributions = Object.entries(version.indicatorContributions)
    .map(([code, value]) => `${indicatorNames.get(code) ?? code}: ${value}`)
    .join('\n');
  return [
    { label: 'Co se v období udělalo', value: version.thisPeriod },
    { label: 'Plán na další období', value: version.nextPeriodPlan },
    { label: 'Stav projektu', value: projectStatusLabels[version.status] },
    { label: 'Příspěvky k indikátorům', value: contributions },
    { label: 'Poznámka pro ARR', value: version.noteToArr ?? '' },
  ];
}

function versionNumber(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

export async function projectView(context: SignedInContext, cycleId: string, projectId: string): Promise<ProjectView> {
  const deps = context.deps.app;
  const history = await getProjectHistory(deps, { cycleId, projectId });
  const plan = await deps.plans.getPlan(history.cycle.planId);
  const persons = new Map(plan.contactPersons.map((person) => [person.id, contactDisplayName(person)]));
  const indicatorNames = new Map(plan.indicators.map((indicator) => [indicator.code, indicator.name]));
  const versions = history.versions.map((version) => ({
    version: version.version,
    submittedAt: new Date(version.submittedAt),
    submittedBy: persons.get(version.submittedBy) ?? version.submittedBy,
    fields: fieldsOf(version, indicatorNames),
  }));

  const query = context.event.queryStringParameters ?? {};
  const from = history.versions.find((version) => version.version === versionNumber(query.od));
  const to = history.versions.find((version) => version.version === versionNumber(query.do));
  let comparison: ProjectView['comparison'] = null;
  if (from && to) {
    const before = fieldsOf(from, indicatorNames);
    const after = fieldsOf(to, indicatorNames);
    comparison = {
      from: from.version,
      to: to.version,
      fields: before.map((field, index) => ({
        label: field.label,
        parts: diffWordsWithSpace(field.value, after[index]?.value ?? '').map(
          (change): DiffPart => ({ value: change.value, change: change.added ? 'added' : change.removed ? 'removed' : 'same' }),
        ),
      })),
    };
  }

  return {
    user: { name: context.user.name, role: context.user.role, csrf: context.user.csrf },
    cycleId: history.cycle.id,
    periodLabel: parsePeriodId(history.cycle.id).label,
    project: {
      name: history.project.name,
      areaName: activityAreaOfProject(plan, history.project)?.name ?? OUTSIDE_PLAN_NAME,
      goal: history.project.goal,
      contacts: history.project.contactPersonIds.map((id) => persons.get(id) ?? id).join(', '),
    },
    versions,
    comparison,
  };
}
