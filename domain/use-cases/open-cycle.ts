import { createEvent, cycleOpenedV1, invitationRequestedV1 } from '../../events';
import { parseOpenCycleRequest } from '../cycle';
import { parsePeriodId } from '../period';
import { ConflictError, ValidationError } from '../errors';
import { settleFinishedProjects, type SettleDeps } from './settle-finished-projects';
import type { CycleContactRecord, CycleRecord, RequestRecord } from '../records';

/**
 * ARR opens a half-year cycle: one request per active project, one invitation per contact
 * person (a person with 25 projects gets one email listing all of them).
 *
 * The steps are ordered so that a retry after a crash completes the work: the cycle is stored
 * as `draft`, requests and contacts are written idempotently, then the cycle moves to `open`
 * and the invitations are queued. A retry of a draft cycle with the same settings resumes.
 */
export async function openCycle(
  deps: SettleDeps,
  body: unknown,
  correlationId: string,
): Promise<CycleRecord> {
  const request = parseOpenCycleRequest(body);
  const now = deps.clock.now();
  // A deadline already past would make every contact late the moment they are invited.
  if (request.deadline.getTime() <= now.getTime()) {
    throw new ValidationError('Žádost o otevření cyklu obsahuje chyby.', {
      deadline: 'Termín odevzdání už uplynul. Zvolte datum v budoucnosti.',
    });
  }
  // Projects finished in an earlier cycle leave the plan first, if closing that cycle could not do it.
  for (const earlier of await deps.cycles.listCycles()) {
    if (earlier.id < request.period) await settleFinishedProjects(deps, earlier, correlationId);
  }
  const plan = await deps.plans.getPlan(deps.config.planId);

  const activeProjects = plan.projects.filter((project) => project.lifecycle === 'active');
  const draft: CycleRecord = {
    id: request.period,
    planId: plan.id,
    state: 'draft',
    deadline: request.deadline.toISOString(),
    meetingDate: request.meetingDate,
    reminderLadder: request.reminderLadder,
    source: 'system',
    createdAt: now.toISOString(),
    requestCount: activeProjects.length,
    submittedCount: 0,
  };
  if (!(await deps.cycles.createCycle(draft))) {
    const existing = await deps.cycles.getCycle(draft.id);
    const resumable =
      existing?.state === 'draft' && existing.deadline === draft.deadline && existing.meetingDate === draft.meetingDate;
    if (!resumable) {
      throw new ConflictError(`Cyklus ${draft.id} už existuje.`, { period: 'Toto období už bylo otevřeno.' });
    }
  }

  const requests: RequestRecord[] = activeProjects.map((project) => ({
    cycleId: draft.id,
    projectId: project.id,
    contactPersonIds: project.contactPersonIds,
  }));
  const projectsByContact = new Map<string, string[]>();
  for (const project of activeProjects) {
    for (const contactPersonId of project.contactPersonIds) {
      projectsByContact.set(contactPersonId, [...(projectsByContact.get(contactPersonId) ?? []), project.id]);
    }
  }
  const addresses = new Map(plan.contactPersons.map((person) => [person.id, person.email]));
  const contacts: CycleContactRecord[] = [...projectsByContact].map(([contactPersonId, projectIds]) => {
    const address = addresses.get(contactPersonId);
    return { cycleId: draft.id, contactPersonId, projectIds, ...(address === undefined ? {} : { address }) };
  });
  await deps.cycles.putRequests(requests);
  await deps.cycles.putContacts(contacts);

  const openedAt = now.toISOString();
  if (!(await deps.cycles.transitionCycle(draft.id, 'draft', 'open', { openedAt }))) {
    throw new ConflictError(`Cyklus ${draft.id} už byl otevřen.`);
  }

  await deps.events.publish([
    createEvent(
      cycleOpenedV1,
      {
        cycleId: draft.id,
        period: parsePeriodId(draft.id).shortLabel,
        deadline: draft.deadline,
        meetingDate: draft.meetingDate,
        requestCount: requests.length,
        contactCount: contacts.length,
      },
      { correlationId, now },
    ),
    ...contacts.map((contact) =>
      createEvent(
        invitationRequestedV1,
        { cycleId: draft.id, contactPersonId: contact.contactPersonId },
        { correlationId, now },
      ),
    ),
  ]);
  return { ...draft, state: 'open', openedAt };
}
