import type { EventOfType } from '../../events';
import { awaitedRequests, pendingProjectIds } from '../editorial';
import { NotFoundError } from '../errors';
import { parsePeriodId } from '../period';
import { activityAreaOfProject, contactDisplayName, escalationAreaIdOf, OUTSIDE_PLAN_NAME, type ActionPlan, type Project } from '../plan';
import type { Dependencies, EmailTemplates } from '../ports';
import type { CycleRecord } from '../records';
import { overdueProjectIds } from '../reminders';

export type MailRequest = EventOfType<'invitation-requested'> | EventOfType<'reminder-due'> | EventOfType<'project-returned'>;

export type MailOutcome =
  | { sent: true; messageId: string; to: string[] }
  | { sent: false; reason: 'cycle-not-open' | 'nothing-pending' | 'return-answered' | 'no-longer-theirs' };

/** The emails the mailer renders: to contact persons, and the escalations to the guarantors. */
export type MailerEmails = Pick<EmailTemplates, 'invitation' | 'projectsAdded' | 'reminder' | 'projectReturned' | 'escalation'>;

export type MailDeps = Pick<Dependencies, 'clock' | 'config' | 'plans' | 'cycles' | 'submissions' | 'tokens' | 'tokenIssuer' | 'editorial' | 'mail'> & {
  emails: MailerEmails;
};

/**
 * Sends one queued email. Content is rendered now, not when it was queued: the projects still
 * pending, the days left. A reminder (or the news of added projects) for someone who has
 * meanwhile answered is dropped, since nothing is sent once the projects are submitted. Each
 * email carries a freshly issued personal link; earlier links stay valid until the cycle closes.
 */
export async function deliverMail(deps: MailDeps, request: MailRequest): Promise<MailOutcome> {
  const cycle = await deps.cycles.getCycle(request.data.cycleId);
  if (!cycle) throw new NotFoundError(`Cyklus ${request.data.cycleId} neexistuje.`);
  if (cycle.state !== 'open') return { sent: false, reason: 'cycle-not-open' };
  const plan = await deps.plans.getPlan(cycle.planId);

  if (request.type === 'reminder-due' && request.data.audience.kind === 'guarantor') {
    const [requests, returns] = await Promise.all([deps.cycles.listRequests(cycle.id), deps.editorial.listReturns(cycle.id)]);
    const late = overdueProjectIds(awaitedRequests(requests, returns), new Date(cycle.deadline), cycle.reminderLadder);
    return sendEscalation(deps, cycle, plan, request.data.audience.activityAreaId, late);
  }
  if (request.type === 'project-returned') return sendReturn(deps, cycle, plan, request.data);
  const contactPersonId =
    request.type === 'invitation-requested'
      ? request.data.contactPersonId
      : (request.data.audience as { contactPersonId: string }).contactPersonId;
  const contact = await deps.cycles.getContact(cycle.id, contactPersonId);
  const person = plan.contactPersons.find((candidate) => candidate.id === contactPersonId);
  if (!contact || !person) throw new NotFoundError(`Kontaktní osoba ${contactPersonId} v cyklu ${cycle.id} není.`);

  const invitation = request.type === 'invitation-requested' ? request.data : null;
  // An invitation names all the person's projects; the news of added projects just those, and a
  // reminder all, in both cases only while they are pending.
  const named = invitation?.addedProjectIds ?? contact.projectIds;
  // Only this person's requests are read: an email costs reads for its own projects, not the cycle's.
  const pending =
    invitation !== null && invitation.addedProjectIds === undefined
      ? null
      : pendingProjectIds(await deps.cycles.getRequests(cycle.id, named), await deps.editorial.listReturns(cycle.id));
  // A project ARR removed from the plan during the cycle is no longer mentioned.
  const inPlan = named.filter((id) => contact.projectIds.includes(id) && plan.projects.some((project) => project.id === id));
  const projectIds = pending === null ? inPlan : inPlan.filter((id) => pending.has(id));
  if (projectIds.length === 0) return { sent: false, reason: 'nothing-pending' };

  const now = deps.clock.now();
  const view = {
    recipientName: person.reportingPerson ?? person.name,
    periodLabel: parsePeriodId(cycle.id).label,
    deadline: new Date(cycle.deadline),
    now,
    link: await issueLink(deps, cycle, contactPersonId, now),
    projects: projectIds.map((id) => projectLine(plan, id)),
    arrContact: deps.config.arr,
  };
  const email =
    request.type === 'reminder-due'
      ? deps.emails.reminder({ ...view, stage: request.data.stage === 'overdue' ? 'overdue' : 'before' })
      : request.data.addedProjectIds === undefined
        ? deps.emails.invitation({ ...view, replacesRevokedLinks: request.data.replacesRevokedLinks === true })
        : deps.emails.projectsAdded(view);
  const { messageId } = await deps.mail.send({ to: [person.email], ...email, tags: { cycleId: cycle.id, contactPersonId } });
  return { sent: true, messageId, to: [person.email] };
}

/** A fresh personal link; earlier ones stay valid until the cycle closes. */
async function issueLink(deps: MailDeps, cycle: CycleRecord, contactPersonId: string, now: Date): Promise<string> {
  const { token, tokenHash } = deps.tokenIssuer.issue();
  await deps.tokens.saveToken({ tokenHash, cycleId: cycle.id, contactPersonId, issuedAt: now.toISOString() });
  return `${deps.config.publicBaseUrl.replace(/\/$/, '')}/s/${token}`;
}

/**
 * The contact person learns that ARR returned a project, with ARR's comment read now. Nothing is
 * sent once the person has answered the return with a new version.
 */
async function sendReturn(
  deps: MailDeps,
  cycle: CycleRecord,
  plan: ActionPlan,
  data: EventOfType<'project-returned'>['data'],
): Promise<MailOutcome> {
  const [contact, returns, latest] = await Promise.all([
    deps.cycles.getContact(cycle.id, data.contactPersonId),
    deps.editorial.listProjectReturns(cycle.id, data.projectId),
    deps.submissions.latestVersion(cycle.id, data.projectId),
  ]);
  const person = plan.contactPersons.find((candidate) => candidate.id === data.contactPersonId);
  if (!contact || !person) throw new NotFoundError(`Kontaktní osoba ${data.contactPersonId} v cyklu ${cycle.id} není.`);
  const returned = returns.find((record) => record.version === data.version);
  if (!returned) throw new NotFoundError(`Verze ${data.version} projektu ${data.projectId} nebyla vrácena.`);
  // ARR made someone else the project's contact person since the return was queued.
  if (!contact.projectIds.includes(data.projectId)) return { sent: false, reason: 'no-longer-theirs' };
  if (!latest || latest.version > returned.version) return { sent: false, reason: 'return-answered' };
  const now = deps.clock.now();
  const email = deps.emails.projectReturned({
    recipientName: person.reportingPerson ?? person.name,
    periodLabel: parsePeriodId(cycle.id).label,
    deadline: new Date(cycle.deadline),
    now,
    link: await issueLink(deps, cycle, data.contactPersonId, now),
    project: projectLine(plan, data.projectId),
    version: returned.version,
    submittedAt: new Date(latest.submittedAt),
    comment: returned.comment,
    arrContact: deps.config.arr,
  });
  const { messageId } = await deps.mail.send({ to: [person.email], ...email });
  return { sent: true, messageId, to: [person.email] };
}

function projectLine(plan: ActionPlan, projectId: string) {
  const project = plan.projects.find((candidate) => candidate.id === projectId);
  if (!project) throw new NotFoundError(`Projekt ${projectId} v plánu není.`);
  return { name: project.name, activityAreaName: areaName(plan, project) };
}

function areaName(plan: ActionPlan, project: Project): string {
  return activityAreaOfProject(plan, project)?.name ?? OUTSIDE_PLAN_NAME;
}

/**
 * The guarantor and ARR learn which projects of the area are late and whom to chase: `overdue`
 * holds the awaited projects that the ladder has chased (see overdueProjectIds).
 */
async function sendEscalation(
  deps: MailDeps,
  cycle: CycleRecord,
  plan: ActionPlan,
  activityAreaId: string,
  overdue: Set<string>,
): Promise<MailOutcome> {
  const area = plan.activityAreas.find((candidate) => candidate.id === activityAreaId);
  const late = plan.projects.filter(
    (project) => overdue.has(project.id) && escalationAreaIdOf(plan, project) === activityAreaId,
  );
  if (late.length === 0) return { sent: false, reason: 'nothing-pending' };
  // A person whose address bounced never got the invitation: the guarantor is told so, not that they did not answer.
  const undeliverable = new Map(
    (await deps.cycles.listContacts(cycle.id)).flatMap((contact) => (contact.undeliverable ? [[contact.contactPersonId, contact.undeliverable]] : [])),
  );
  const email = deps.emails.escalation({
    recipientName: area ? area.guarantor.department : deps.config.arr.name,
    periodLabel: parsePeriodId(cycle.id).label,
    deadline: new Date(cycle.deadline),
    now: deps.clock.now(),
    areaName: area?.name ?? null,
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
