import type { EventOfType } from '../../events';
import { renderEscalation } from '../../templates/email/escalation';
import { renderInvitation } from '../../templates/email/invitation';
import { renderReminder } from '../../templates/email/reminder';
import { NotFoundError } from '../errors';
import { parsePeriodId } from '../period';
import { activityAreaOfProject, contactDisplayName, escalationAreaIdOf, OUTSIDE_PLAN_NAME, type ActionPlan, type Project } from '../plan';
import type { Dependencies } from '../ports';
import type { CycleRecord, RequestRecord } from '../records';

export type MailRequest = EventOfType<'invitation-requested'> | EventOfType<'reminder-due'>;

export type MailOutcome =
  | { sent: true; messageId: string; to: string[] }
  | { sent: false; reason: 'cycle-not-open' | 'nothing-pending' };

type MailDeps = Pick<Dependencies, 'clock' | 'config' | 'plans' | 'cycles' | 'tokens' | 'tokenIssuer' | 'mail'>;

/**
 * Sends one queued email. Content is rendered now, not when it was queued: the projects still
 * pending, the days left. A reminder for someone who has meanwhile answered is dropped, since
 * nothing is sent once the projects are submitted. Each email carries a freshly issued personal
 * link; earlier links stay valid until the cycle closes.
 */
export async function deliverMail(deps: MailDeps, request: MailRequest): Promise<MailOutcome> {
  const cycle = await deps.cycles.getCycle(request.data.cycleId);
  if (!cycle) throw new NotFoundError(`Cyklus ${request.data.cycleId} neexistuje.`);
  if (cycle.state !== 'open') return { sent: false, reason: 'cycle-not-open' };
  const plan = await deps.plans.getPlan(cycle.planId);

  if (request.type === 'reminder-due' && request.data.audience.kind === 'guarantor') {
    const pending = pendingOf(await deps.cycles.listRequests(cycle.id));
    return sendEscalation(deps, cycle, plan, request.data.audience.activityAreaId, pending);
  }
  const contactPersonId =
    request.type === 'invitation-requested'
      ? request.data.contactPersonId
      : (request.data.audience as { contactPersonId: string }).contactPersonId;
  const contact = await deps.cycles.getContact(cycle.id, contactPersonId);
  const person = plan.contactPersons.find((candidate) => candidate.id === contactPersonId);
  if (!contact || !person) throw new NotFoundError(`Kontaktní osoba ${contactPersonId} v cyklu ${cycle.id} není.`);

  const isInvitation = request.type === 'invitation-requested';
  // Only this person's requests are read: an email costs reads for its own projects, not the cycle's.
  const pending = isInvitation ? null : pendingOf(await deps.cycles.getRequests(cycle.id, contact.projectIds));
  // A project ARR removed from the plan during the cycle is no longer mentioned.
  const inPlan = contact.projectIds.filter((id) => plan.projects.some((project) => project.id === id));
  const projectIds = pending === null ? inPlan : inPlan.filter((id) => pending.has(id));
  if (projectIds.length === 0) return { sent: false, reason: 'nothing-pending' };

  const now = deps.clock.now();
  const { token, tokenHash } = deps.tokenIssuer.issue();
  await deps.tokens.saveToken({ tokenHash, cycleId: cycle.id, contactPersonId, issuedAt: now.toISOString() });
  const view = {
    recipientName: person.reportingPerson ?? person.name,
    periodLabel: parsePeriodId(cycle.id).label,
    deadline: new Date(cycle.deadline),
    now,
    link: `${deps.config.publicBaseUrl.replace(/\/$/, '')}/s/${token}`,
    projects: projectIds.map((id) => projectLine(plan, id)),
    arrContact: deps.config.arr,
  };
  const email = isInvitation
    ? renderInvitation(view)
    : renderReminder({ ...view, stage: request.data.stage === 'overdue' ? 'overdue' : 'before' });
  const { messageId } = await deps.mail.send({ to: [person.email], ...email, tags: { cycleId: cycle.id, contactPersonId } });
  return { sent: true, messageId, to: [person.email] };
}

function pendingOf(requests: RequestRecord[]): Set<string> {
  return new Set(requests.filter((request) => !request.firstSubmittedAt).map((request) => request.projectId));
}

function projectLine(plan: ActionPlan, projectId: string) {
  const project = plan.projects.find((candidate) => candidate.id === projectId);
  if (!project) throw new NotFoundError(`Projekt ${projectId} v plánu není.`);
  return { name: project.name, activityAreaName: areaName(plan, project) };
}


function areaName(plan: ActionPlan, project: Project): string {
  return activityAreaOfProject(plan, project)?.name ?? OUTSIDE_PLAN_NAME;
}

/** The guarantor and ARR learn which projects of the area are late and whom to chase. */
async function sendEscalation(
  deps: MailDeps,
  cycle: CycleRecord,
  plan: ActionPlan,
  activityAreaId: string,
  pending: Set<string>,
): Promise<MailOutcome> {
  const area = plan.activityAreas.find((candidate) => candidate.id === activityAreaId);
  const late = plan.projects.filter(
    (project) => pending.has(project.id) && escalationAreaIdOf(plan, project) === activityAreaId,
  );
  if (late.length === 0) return { sent: false, reason: 'nothing-pending' };
  // A person whose address bounced never got the invitation: the guarantor is told so, not that they did not answer.
  const undeliverable = new Map(
    (await deps.cycles.listContacts(cycle.id)).flatMap((contact) => (contact.undeliverable ? [[contact.contactPersonId, contact.undeliverable]] : [])),
  );
  const email = renderEscalation({
    recipientName: area ? area.guarantor.department : deps.config.arr.name,
    periodLabel: parsePeriodId(cycle.id).label,
    deadline: new Date(cycle.deadline),
    now: deps.clock.now(),
    areaName: area?.name ?? OUTSIDE_PLAN_NAME,
    late: late.map((project) => ({
      projectName: project.name,
      contacts: project.contactPersonIds.flatMap((id) => {
        const person = plan.contactPersons.find((candidate) => candidate.id === id);
        if (!person) return [];
        const bounced = undeliverable.get(id);
        const undelivered = bounced && bounced.email === person.email ? { undelivered: bounced.reason } : {};
        return [{ name: contactDisplayName(person), email: person.email, ...undelivered }];
      }),
    })),
  });
  const to = area ? [area.guarantor.email] : [deps.config.arr.email];
  const cc = area ? [deps.config.arr.email] : [];
  const { messageId } = await deps.mail.send({ to, cc, ...email });
  return { sent: true, messageId, to };
}
