/**
 * An open cycle follows the plan: it asks for every active project the plan holds and for none
 * outside it, each project of the contact persons the plan names, each person at the address the
 * plan gives. A change of the plan makes its
 * open cycles follow at once. A change cut short (a crash, a timeout) leaves a cycle's records
 * differing from the plan; since the records are compared with the plan, not with the previous
 * revision, whatever runs next finishes it: the same change saved again, the next change, or the
 * morning sweep.
 */
import { createEvent, invitationRequestedV1, type AnyEvent, type InvitationRequestedV1Data } from '../../events';
import type { ActionPlan, ContactPerson, Project } from '../plan';
import type { Dependencies } from '../ports';
import type { CycleContactRecord, RequestRecord } from '../records';

/** What following the plan changed in one open cycle. */
export interface PlanFollowed {
  /** Contact persons whose old links were revoked and who get a new invitation at their new address. */
  reinvited: Array<{ cycleId: string; contactPersonId: string; email: string }>;
  /** Projects newly asked for. */
  added: Array<{ cycleId: string; projectId: string }>;
  /** Projects asked for already whose contact persons changed: who was given the project and who lost it. */
  reassigned: Array<{ cycleId: string; projectId: string; added: string[]; removed: string[] }>;
  /** Projects no longer in the plan, no longer asked for. */
  removed: Array<{ cycleId: string; projectId: string }>;
}

/** By cycle and person: an invitation to all their projects, or the news of the projects added. */
export class ContactNews {
  private readonly byPerson = new Map<string, InvitationRequestedV1Data>();

  inviteToAll(cycleId: string, contactPersonId: string): void {
    this.byPerson.set(`${cycleId}#${contactPersonId}`, { cycleId, contactPersonId });
  }

  tellOfAdded(cycleId: string, contactPersonId: string, projectId: string): void {
    const known = this.byPerson.get(`${cycleId}#${contactPersonId}`);
    // An invitation to all their projects names the added ones too.
    if (known && known.addedProjectIds === undefined) return;
    this.byPerson.set(`${cycleId}#${contactPersonId}`, { cycleId, contactPersonId, addedProjectIds: [...(known?.addedProjectIds ?? []), projectId] });
  }

  /** The persons of the cycle who get an email, and with it a link. */
  persons(cycleId: string): string[] {
    return [...this.byPerson.values()].filter((news) => news.cycleId === cycleId).map((news) => news.contactPersonId);
  }

  events(correlationId: string, now: Date): AnyEvent[] {
    return [...this.byPerson.values()].map((data) => createEvent(invitationRequestedV1, data, { correlationId, now }));
  }
}

/** What an open cycle asks for and of whom: its requests and its persons' parts. */
export interface CycleParts {
  cycleId: string;
  requests: RequestRecord[];
  contacts: CycleContactRecord[];
}

export async function readCycleParts(deps: Pick<Dependencies, 'cycles'>, cycleId: string): Promise<CycleParts> {
  const [requests, contacts] = await Promise.all([deps.cycles.listRequests(cycleId), deps.cycles.listContacts(cycleId)]);
  return { cycleId, requests, contacts };
}

/**
 * Makes one open cycle follow the plan. Read the cycle's parts before the plan: then a run that
 * reads a plan about to be replaced acts only on what differed from it before the replacing
 * change began, and that change, or the next morning's sweep, has the last word. Each person's
 * part is written before the request, so a crash in between leaves the request differing from
 * the plan, which the next run sees. A person made contact person of a project is told of it (the
 * mailer names it only while it is awaited); one new to the cycle is invited.
 */
export async function followPlan(
  deps: Pick<Dependencies, 'cycles' | 'tokens'>,
  { cycleId, requests, contacts }: CycleParts,
  plan: ActionPlan,
  now: Date,
  news: ContactNews,
): Promise<PlanFollowed & { wrote: boolean }> {
  const followed: PlanFollowed & { wrote: boolean } = { reinvited: [], added: [], reassigned: [], removed: [], wrote: false };
  const asked = new Map(requests.map((request) => [request.projectId, request]));
  /** By project: the persons whose part of the cycle holds it. */
  const holders = new Map<string, string[]>();
  for (const { contactPersonId, projectIds } of contacts) {
    for (const projectId of projectIds) holders.set(projectId, [...(holders.get(projectId) ?? []), contactPersonId]);
  }
  const inPlan = new Set(plan.projects.map((project) => project.id));

  // An address ARR has changed since the links went out (or since one bounced), by a change cut
  // short before it got to the cycle: the links sent to the old address still work until this.
  const differs = (address: string | undefined, person: ContactPerson) => address !== undefined && address.toLowerCase() !== person.email.toLowerCase();
  const persons = new Map(plan.contactPersons.map((person) => [person.id, person]));
  for (const contact of contacts) {
    const person = persons.get(contact.contactPersonId);
    if (!person || !(differs(contact.address, person) || differs(contact.undeliverable?.email, person))) continue;
    followed.wrote = true;
    await readdress(deps, cycleId, person, now, news);
    followed.reinvited.push({ cycleId, contactPersonId: person.id, email: person.email });
  }
  for (const project of plan.projects) {
    const request = asked.get(project.id);
    // A completed or cancelled project stays in the cycle that asked for it and is not asked for anew.
    if (!request && project.lifecycle !== 'active') continue;
    const added = project.contactPersonIds.filter((id) => !request?.contactPersonIds.includes(id));
    const removed = (request?.contactPersonIds ?? []).filter((id) => !project.contactPersonIds.includes(id));
    const holding = holders.get(project.id) ?? [];
    const missing = project.contactPersonIds.filter((id) => !holding.includes(id));
    const leftOver = holding.filter((id) => !project.contactPersonIds.includes(id));
    if (request && added.length === 0 && removed.length === 0 && missing.length === 0 && leftOver.length === 0) continue;
    followed.wrote = true;

    // A new project's request first: if only it is written, the project is awaited and the next
    // run gives it to its persons; written after them, a version could be stored for a project
    // the cycle does not count.
    if (!request && (await deps.cycles.addRequest({ cycleId, projectId: project.id, contactPersonIds: project.contactPersonIds, askedAt: now.toISOString() }))) {
      followed.added.push({ cycleId, projectId: project.id });
    }
    // A person new to the request who holds the project already was given it by a run cut short
    // before its news went out (or kept it when ARR last removed the project from the plan).
    const untold = new Set(added.filter((id) => holding.includes(id)));
    for (const contactPersonId of new Set([...added, ...missing])) {
      const result = await deps.cycles.addContactProject(cycleId, contactPersonId, project.id, persons.get(contactPersonId)?.email);
      if (result === 'created') news.inviteToAll(cycleId, contactPersonId);
      else if (result === 'added' || untold.has(contactPersonId)) news.tellOfAdded(cycleId, contactPersonId, project.id);
    }
    for (const contactPersonId of leftOver) await deps.cycles.removeContactProject(cycleId, contactPersonId, project.id);
    if (!request) continue;
    if ((added.length > 0 || removed.length > 0) && !(await setContacts(deps, request, project, added, now))) continue;
    followed.reassigned.push({ cycleId, projectId: project.id, added: [...new Set([...added, ...missing])], removed: [...new Set([...removed, ...leftOver])] });
  }
  for (const request of requests.filter((candidate) => !inPlan.has(candidate.projectId))) {
    followed.wrote = true;
    if (await deps.cycles.removeRequest(cycleId, request.projectId)) followed.removed.push({ cycleId, projectId: request.projectId });
  }
  return followed;
}

/** @returns false when someone else changed the request's persons meanwhile. */
function setContacts(deps: Pick<Dependencies, 'cycles'>, request: RequestRecord, project: Project, added: string[], now: Date): Promise<boolean> {
  const contactsAddedAt = Object.fromEntries(
    project.contactPersonIds.flatMap((id) => {
      const at = added.includes(id) ? now.toISOString() : request.contactsAddedAt?.[id];
      return at === undefined ? [] : [[id, at]];
    }),
  );
  return deps.cycles.setRequestContacts(request.cycleId, request.projectId, { from: request.contactPersonIds, to: project.contactPersonIds, contactsAddedAt });
}

/**
 * A person's new address: the links sent to the old one stop working, the address is no longer
 * flagged as undeliverable, and an invitation with a new link goes to the new one.
 */
export async function readdress(deps: Pick<Dependencies, 'cycles' | 'tokens'>, cycleId: string, person: ContactPerson, now: Date, news: ContactNews): Promise<void> {
  await deps.tokens.revokeTokens(cycleId, person.id, now.toISOString());
  // Last: while it still holds the old address, a run cut short before here is finished by the next.
  await deps.cycles.readdressContact(cycleId, person.id, person.email);
  news.inviteToAll(cycleId, person.id);
}
