/**
 * The project page's view model, from the project detail use case: every version as fields, a word
 * diff of two of them and of the person's text against ARR's (`diff`), the returns with their
 * comments, ARR's editorial version, and the two ARR forms with what was typed into them.
 */
import { diffWordsWithSpace } from 'diff';
import type { ConsoleRole } from '../../domain/access';
import { parsePeriodId } from '../../domain/period';
import { contactDisplayName } from '../../domain/plan';
import { projectStatusLabels, type SubmissionVersion } from '../../domain/submission';
import { pragueDate } from '../../domain/time';
import { getProjectDetailWithPlan, type ProjectDetail } from '../../domain/use-cases/editorial';
import type { DiffPart, ProjectForms, ProjectView } from '../../templates/console/project';
import type { SignedInContext } from './context';
import { noticeOf } from './pages';

/**
 * A version's fields as the viewer may read them. The contact form promises that the note is
 * for ARR only, so the steering group does not see it.
 */
function fieldsOf(version: SubmissionVersion, indicatorNames: Map<string, string>, viewer: ConsoleRole | null): Array<{ label: string; value: string }> {
  const contributions = Object.entries(version.indicatorContributions)
    .map(([code, value]) => `${indicatorNames.get(code) ?? code}: ${value}`)
    .join('\n');
  return [
    { label: 'Co se v období udělalo', value: version.thisPeriod },
    { label: 'Plán na další období', value: version.nextPeriodPlan },
    { label: 'Stav projektu', value: projectStatusLabels[version.status] },
    { label: 'Příspěvky k indikátorům', value: contributions },
    ...(viewer === 'arr' ? [{ label: 'Poznámka pro ARR', value: version.noteToArr ?? '' }] : []),
  ];
}

function versionNumber(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

function diffParts(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change): DiffPart => ({ value: change.value, change: change.added ? 'added' : change.removed ? 'removed' : 'same' }));
}

const NOTICES: Record<string, string> = {
  vraceno: 'Projekt je vrácen k doplnění. Kontaktním osobám odchází e-mail s jejich odkazem a komentářem.',
  upraveno: 'Text do zprávy je uložen. Zpráva tiskne text ARR; verze kontaktní osoby zůstává uložená.',
};

/** What ARR typed into a form that was refused, and why, so the page shows it again. */
export interface PostedProjectForm {
  form: 'return' | 'editorial';
  values: Record<string, string>;
  errors: Record<string, string>;
  /** A refusal of the whole form (stale version, closed cycle, already returned). */
  conflict?: string;
}

function formsOf(detail: ProjectDetail, canAct: boolean, posted: PostedProjectForm | null, now: Date): ProjectForms | null {
  const latest = detail.versions.at(-1);
  if (!canAct || !latest) return null;
  const editorialPosted = posted?.form === 'editorial' ? posted : null;
  const returnPosted = posted?.form === 'return' ? posted : null;
  // ARR edits its own text when there is one (the report prints it), else the person's newest.
  const base = detail.editorial ?? latest;
  return {
    version: latest.version,
    editorial: {
      thisPeriod: editorialPosted?.values.thisPeriod ?? base.thisPeriod,
      nextPeriodPlan: editorialPosted?.values.nextPeriodPlan ?? base.nextPeriodPlan,
      errors: editorialPosted?.errors ?? {},
      conflict: editorialPosted?.conflict,
    },
    // A standing return waits for the person; returning it again is refused anyway.
    return:
      detail.standingReturn && !returnPosted
        ? null
        : { comment: returnPosted?.values.comment ?? '', errors: returnPosted?.errors ?? {}, conflict: returnPosted?.conflict },
    overdueNoticeDayPassed: pragueDate(now) >= detail.cycle.overdueNoticeDay ? detail.cycle.overdueNoticeDay : null,
  };
}

export async function projectView(
  context: SignedInContext,
  cycleId: string,
  projectId: string,
  posted: PostedProjectForm | null = null,
): Promise<ProjectView> {
  const { detail, plan } = await getProjectDetailWithPlan(context.deps.app, { cycleId, projectId });
  const persons = new Map(plan.contactPersons.map((person) => [person.id, contactDisplayName(person)]));
  const personName = (id: string) => persons.get(id) ?? id;
  const indicatorNames = new Map(plan.indicators.map((indicator) => [indicator.code, indicator.name]));
  const versions = detail.versions.map((version) => ({
    version: version.version,
    submittedAt: new Date(version.submittedAt),
    submittedBy: personName(version.submittedBy),
    fields: fieldsOf(version, indicatorNames, context.user.role),
  }));

  const query = context.event.queryStringParameters ?? {};
  const from = detail.versions.find((version) => version.version === versionNumber(query.od));
  const to = detail.versions.find((version) => version.version === versionNumber(query.do));
  let comparison: ProjectView['comparison'] = null;
  if (from && to) {
    const before = fieldsOf(from, indicatorNames, context.user.role);
    const after = fieldsOf(to, indicatorNames, context.user.role);
    comparison = {
      from: from.version,
      to: to.version,
      fields: before.map((field, index) => ({ label: field.label, parts: diffParts(field.value, after[index]?.value ?? '') })),
    };
  }

  const latest = detail.versions.at(-1);
  const editorial = detail.editorial;
  const canAct = context.user.role === 'arr' && detail.cycle.editable;
  const notice = query.hotovo;
  const forms = formsOf(detail, canAct, posted, context.now);

  return {
    user: { name: context.user.name, role: context.user.role, csrf: context.user.csrf },
    cycleId: detail.cycle.id,
    periodLabel: parsePeriodId(detail.cycle.id).label,
    notice: posted ? undefined : noticeOf(NOTICES, notice),
    project: {
      id: detail.project.id,
      name: detail.project.name,
      areaName: detail.project.activityAreaName,
      goal: detail.project.goal,
      contacts: detail.project.contacts.map((person) => person.name).join(', '),
    },
    previousPlan: detail.previousPlan ? { periodLabel: parsePeriodId(detail.previousPlan.cycleId).label, text: detail.previousPlan.text } : null,
    state: detail.state,
    stateLabel: detail.stateLabel,
    changedSinceEditorialLabel: detail.flagLabel,
    closedNote:
      context.user.role === 'arr' && !detail.cycle.editable
        ? `Cyklus je ve stavu „${detail.cycle.stateLabel}“: vracet k doplnění a upravovat texty lze jen v otevřeném cyklu.`
        : null,
    standingReturn: detail.standingReturn
      ? { version: detail.standingReturn.version, comment: detail.standingReturn.comment, by: detail.standingReturn.returnedBy, at: new Date(detail.standingReturn.returnedAt) }
      : null,
    texts:
      latest === undefined
        ? null
        : {
            person: { version: latest.version, by: personName(latest.submittedBy), at: new Date(latest.submittedAt), thisPeriod: latest.thisPeriod, nextPeriodPlan: latest.nextPeriodPlan },
            arr: editorial
              ? { by: editorial.editedBy, at: new Date(editorial.editedAt), basedOnVersion: editorial.basedOnVersion, thisPeriod: editorial.thisPeriod, nextPeriodPlan: editorial.nextPeriodPlan }
              : null,
            diff: editorial
              ? [
                  { label: 'Co se v období udělalo', parts: diffParts(latest.thisPeriod, editorial.thisPeriod) },
                  { label: 'Plán na další období', parts: diffParts(latest.nextPeriodPlan, editorial.nextPeriodPlan) },
                ]
              : [],
          },
    history: detail.history.map((entry) => {
      const at = new Date(entry.at);
      if (entry.kind === 'version') return { at, title: `Verze ${entry.version} od kontaktní osoby`, by: personName(entry.by), comment: null };
      if (entry.kind === 'return') return { at, title: `Verze ${entry.version} vrácena k doplnění`, by: entry.by, comment: entry.comment };
      return { at, title: `ARR upravila text do zprávy (podle verze ${entry.basedOnVersion})`, by: entry.by, comment: null };
    }),
    forms,
    // A refusal with no form left to show it at (the cycle closed meanwhile, nothing submitted).
    refusal: forms === null && posted ? (posted.conflict ?? Object.values(posted.errors).join(' ')) : null,
    versions,
    comparison,
  };
}
