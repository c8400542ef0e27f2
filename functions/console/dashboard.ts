/** The dashboard's view model, from the cycle overview and the plan. */
import { countOf, DAY_FORMS } from '../../domain/czech-plural';
import { activityAreaOfProject, contactDisplayName, OUTSIDE_PLAN_NAME } from '../../domain/plan';
import { parsePeriodId } from '../../domain/period';
import type { ReminderRecord } from '../../domain/records';
import { getCycleOverview } from '../../domain/use-cases/arr';
import { pragueDate } from '../../domain/time';
import type { DashboardView } from '../../templates/console/dashboard';
import type { DeliveryProblem } from '../../templates/console/delivery';
import type { SignedInContext } from './context';
import { noticeOf } from './pages';

/** `before-14d` → „připomínka 14 dní před termínem“, `before-3d` → „připomínka 3 dny před termínem“. */
export function reminderLabel(stage: string): string {
  const days = /^before-(\d+)d$/.exec(stage)?.[1];
  if (days !== undefined) return days === '1' ? 'připomínka den před termínem' : `připomínka ${countOf(Number(days), DAY_FORMS)} před termínem`;
  if (stage === 'overdue') return 'upozornění na zpoždění';
  if (stage === 'escalation') return 'eskalace garantovi';
  return stage;
}

const NOTICES: Record<string, string> = {
  otevreno: 'Pololetí je otevřené a pozvánky se rozesílají kontaktním osobám.',
  odkaz: 'Nový odkaz se posílá e-mailem; dřívější odkazy osoby přestaly platit.',
  // Revoking is for a link that got into the wrong hands; the person still has to be able to answer.
  zruseno:
    'Odkazy osoby byly zrušeny. Podklady teď nemůže odeslat, dokud nedostane nový odkaz: pošlete jí ho tlačítkem „Poslat nový odkaz“, jinak ho dostane s nejbližší připomínkou, má-li ještě co odevzdat.',
  terminy: 'Termíny byly uloženy. Připomínky se řídí novými daty.',
  uzavreno: 'Cyklus je uzavřen; monitorovací zpráva se sestavuje.',
};

/** The dashboard of a cycle this system opened; null for one taken from a report, which has none. */
export async function dashboardView(
  context: SignedInContext,
  cycleId: string,
  dates?: DashboardView['dates'],
): Promise<DashboardView | null> {
  const deps = context.deps.app;
  const overview = await getCycleOverview(deps, cycleId);
  // A half-year taken from a report has no requests, persons or reminders: only its report to read.
  if (overview.cycle.source === 'import') return null;
  const plan = await deps.plans.getPlan(overview.cycle.planId);
  const projects = new Map(plan.projects.map((project) => [project.id, project]));
  const persons = new Map(plan.contactPersons.map((person) => [person.id, person]));
  const areaName = (projectId: string) => {
    const project = projects.get(projectId);
    return (project && activityAreaOfProject(plan, project)?.name) ?? OUTSIDE_PLAN_NAME;
  };
  const personName = (id: string) => {
    const person = persons.get(id);
    return person ? contactDisplayName(person) : id;
  };
  const projectName = (id: string) => projects.get(id)?.name ?? id;
  const isArr = context.user.role === 'arr';

  const areaCounts = new Map<string, { submitted: number; total: number }>();
  for (const project of overview.completeness.projects) {
    const name = areaName(project.projectId);
    const counts = areaCounts.get(name) ?? { submitted: 0, total: 0 };
    counts.total += 1;
    if (project.status === 'submitted') counts.submitted += 1;
    areaCounts.set(name, counts);
  }
  const areaOrder = [...[...plan.activityAreas].sort((a, b) => a.order - b.order).map((area) => area.name), OUTSIDE_PLAN_NAME];

  const lastContactReminder = new Map<string, ReminderRecord>();
  for (const reminder of overview.reminders) {
    if (reminder.audience.kind === 'contact') lastContactReminder.set(reminder.audience.contactPersonId, reminder);
  }
  const requests = await deps.cycles.listRequests(cycleId);
  const contactsOf = new Map(requests.map((request) => [request.projectId, request.contactPersonIds]));
  const cycle = overview.cycle;
  const undeliverable = new Map(overview.delivery.flatMap((entry) => (entry.undeliverable ? [[entry.contactPersonId, entry.undeliverable] as const] : [])));
  const problem = (contactPersonId: string, found: { outcome: DeliveryProblem['outcome']; email: string; reason: string; at: string }): DeliveryProblem => ({
    contactPersonId,
    name: personName(contactPersonId),
    email: found.email,
    outcome: found.outcome,
    reason: found.reason,
    at: new Date(found.at),
  });
  const notice = context.event.queryStringParameters?.hotovo;
  const flagsOf = new Map(overview.projectFlags.map((entry) => [entry.projectId, entry.flags]));
  const requested = new Set(overview.completeness.projects.map((project) => project.projectId));

  return {
    user: { name: context.user.name, role: context.user.role, csrf: context.user.csrf },
    canAct: isArr,
    notice: noticeOf(NOTICES, notice),
    cycle: {
      id: cycle.id,
      periodLabel: parsePeriodId(cycle.id).label,
      stateLabel: cycle.stateLabel,
      deadline: new Date(cycle.deadline),
      meetingDate: cycle.meetingDate,
      isOpen: cycle.state === 'open',
      canReschedule: cycle.state !== 'steering-group-notified' && cycle.state !== 'draft',
      hasReport: cycle.reportAssembledAt !== undefined,
    },
    totals: {
      submitted: overview.completeness.totals.submitted,
      total: overview.completeness.totals.projects,
      late: overview.completeness.totals.late,
    },
    areas: areaOrder.flatMap((name) => {
      const counts = areaCounts.get(name);
      return counts ? [{ name, ...counts }] : [];
    }),
    people: overview.completeness.contacts.map((contact) => {
      const last = lastContactReminder.get(contact.contactPersonId);
      return {
        id: contact.contactPersonId,
        name: personName(contact.contactPersonId),
        email: persons.get(contact.contactPersonId)?.email ?? '',
        submitted: contact.submitted,
        total: contact.submitted + contact.invited + contact.late,
        status: contact.status,
        lastReminder: last ? { label: reminderLabel(last.stage), at: new Date(last.queuedAt) } : undefined,
        undeliverable: undeliverable.get(contact.contactPersonId)?.outcome,
      };
    }),
    projects: overview.completeness.projects.map((project) => ({
      id: project.projectId,
      name: projectName(project.projectId),
      areaName: areaName(project.projectId),
      status: project.status,
      submittedAt: project.submittedAt ? new Date(project.submittedAt) : undefined,
      contacts: (contactsOf.get(project.projectId) ?? []).map(personName).join(', '),
      flags: (flagsOf.get(project.projectId) ?? []).map((flag) => ({ code: flag.code, label: flag.label, at: new Date(flag.at) })),
    })),
    slips: overview.slips.map((slip) => ({
      projectId: slip.projectId,
      name: slip.projectName,
      areaName: slip.activityAreaName,
      // Only a project of this cycle has a page here; history may name projects the plan dropped.
      linked: requested.has(slip.projectId),
      reasons: slip.reasons.map((reason) => reason.message),
    })),
    // The contact form promises the note is for ARR only: the steering group's dashboard has none.
    notesToArr: isArr
      ? overview.notesToArr.map((note) => ({
          projectId: note.projectId,
          projectName: projectName(note.projectId),
          personName: personName(note.submittedBy),
          version: note.version,
          at: new Date(note.submittedAt),
          text: note.note,
        }))
      : null,
    reminders: [...overview.reminders].reverse().map((reminder) => ({
      at: new Date(reminder.queuedAt),
      label: reminderLabel(reminder.stage),
      audience:
        reminder.audience.kind === 'contact'
          ? personName(reminder.audience.contactPersonId)
          : `garant: ${plan.activityAreas.find((area) => area.id === (reminder.audience as { activityAreaId: string }).activityAreaId)?.guarantor.department ?? 'ARR (projekty mimo oblasti)'}`,
      projectCount: reminder.projectIds.length,
    })),
    delivery: {
      undeliverable: [...undeliverable].map(([id, flag]) => problem(id, flag)),
      softBounces: overview.delivery.flatMap((entry) =>
        entry.events
          .filter((event) => event.outcome === 'soft-bounce')
          .map((event) => problem(entry.contactPersonId, { outcome: 'soft-bounce', email: event.email, reason: event.reason, at: event.occurredAt })),
      ),
    },
    dates: dates ?? { values: { deadline: pragueDate(new Date(cycle.deadline)), meetingDate: cycle.meetingDate }, errors: {} },
  };
}
