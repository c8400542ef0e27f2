import { createEvent, invitationRequestedV1, projectReturnedV1, reminderDueV1, reportRequestedV1, submissionReceivedV1, type AnyEvent } from '../../events';
import { countsLookComplete } from '../completeness';
import { awaitedRequests, standingReturns } from '../editorial';
import { escalationAreaIdOf, OUTSIDE_PLAN_AUDIENCE_ID } from '../plan';
import type { Dependencies } from '../ports';
import type { CycleRecord, ReminderAudience, ReminderRecord, RequestRecord } from '../records';
import { dueReminders, overdueProjectIds, type ReminderStage } from '../reminders';
import { ContactNews, followPlan, readCycleParts, type CycleParts } from './follow-plan';

export interface SweepResult {
  cycles: number;
  remindersQueued: number;
  escalationsQueued: number;
  /** Submissions whose indicator update was lost and has been requested again. */
  staleSubmissionsRepublished: number;
  /** Persons who were never sent a link, whose invitation has been queued again. */
  invitationsRequeued: number;
  /** Emails of a return that no person of the project got, queued again. */
  returnsRequeued: number;
  /** Persons who were not told of projects added to the open cycle or given to them, told again. */
  additionsRequeued: number;
  /** Reminders recorded as queued whose email never went out, queued again. */
  remindersRequeued: number;
  /** Guarantors' escalations recorded but never queued, queued again. */
  escalationsRequeued: number;
  /** Projects whose requests or persons differed from the plan (a plan change cut short), brought up to it. */
  planChangesFinished: number;
  /** Cycles whose counts of requests and answers differed from their requests (a count cut short), recounted. */
  countsCorrected: number;
}

/**
 * How long after a cycle opened (or a project was returned) a person without a link counts as
 * never emailed: the mailer sends within seconds of the queueing, so an email still on its way is
 * not sent twice.
 */
export const EMAIL_GRACE_MS = 60 * 60 * 1000;

/**
 * How long the count of a project's first answer, or of a request added to the open cycle, may
 * still be on its way after it: the sweep recounts a cycle only when nothing newer is in it.
 */
export const COUNT_SETTLE_MS = 15 * 60 * 1000;

/**
 * The working-day morning sweep over open cycles. It first brings each cycle up to the plan
 * (follow-plan.ts): the recovery for a change of the plan cut short. It queues the reminders that the policy says
 * are due, recording each one first with a conditional write, so a repeated or concurrent run
 * queues nothing twice; a record whose event could not be queued is released, so the next run
 * queues it. It also republishes "submission received" for every stored version
 * that the indicators do not include yet: the recovery for a crash between storing a
 * submission and publishing its event. And it queues the invitation again for every person who
 * still owes projects but was never sent a link (every email issues one): the recovery for a
 * crash between opening the cycle and queueing its invitations, which would otherwise leave the
 * person without a link until the first reminder; the same way, a standing return's email
 * to each person of the project who was sent no link since the return, the news of a project
 * added to the open cycle (or given to a person since it opened) to each such person sent no link
 * since; and a person's latest
 * reminder when no link was sent since it: the recovery for a crash between recording a reminder
 * and queueing it, which the release below cannot undo. A guarantor's escalation issues no link,
 * so its record is made `pending` and confirmed once its event is queued; one still pending an
 * hour later was lost in such a crash, and is taken over (a conditional write, so concurrent runs
 * queue it once) and queued again. Last, it recounts the cycle's requests and answers
 * (recountCycle), and requests the report of a cycle whose last answer went uncounted.
 */
export async function runReminderSweep(
  deps: Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions' | 'reminders' | 'indicators' | 'editorial' | 'tokens' | 'events'>,
  correlationId: string,
): Promise<SweepResult> {
  const now = deps.clock.now();
  const openCycles = (await deps.cycles.listCycles()).filter((cycle) => cycle.state === 'open');
  const result: SweepResult = { cycles: openCycles.length, remindersQueued: 0, escalationsQueued: 0, staleSubmissionsRepublished: 0, invitationsRequeued: 0, returnsRequeued: 0, additionsRequeued: 0, remindersRequeued: 0, escalationsRequeued: 0, planChangesFinished: 0, countsCorrected: 0 };
  for (const cycle of openCycles) {
    const events: AnyEvent[] = [];
    const round = cycle.scheduleRound ?? 0;
    /** The records this run made: released again if their events cannot be queued. */
    const claimed: ReminderRecord[] = [];
    /** The pending records this run made or took over: confirmed once their events are queued. */
    const unconfirmed: ReminderRecord[] = [];
    const record = async (stage: string, audience: ReminderAudience, projectIds: string[]): Promise<boolean> => {
      const pending = audience.kind === 'guarantor' ? { pending: true as const } : {};
      const reminder: ReminderRecord = { cycleId: cycle.id, stage, audience, projectIds, queuedAt: now.toISOString(), ...(round > 0 ? { round } : {}), ...pending };
      const recorded = await deps.reminders.recordReminder(reminder);
      if (recorded) claimed.push(reminder);
      if (recorded && reminder.pending) unconfirmed.push(reminder);
      return recorded;
    };
    const queue = async (stage: string, audience: ReminderAudience, projectIds: string[]): Promise<boolean> => {
      const recorded = await record(stage, audience, projectIds);
      if (recorded) events.push(createEvent(reminderDueV1, { cycleId: cycle.id, stage, audience }, { correlationId, now }));
      return recorded;
    };

    // First the cycle is brought up to the plan, should a change of the plan have been cut short.
    const news = new ContactNews();
    const parts = await readCycleParts(deps, cycle.id);
    const plan = await deps.plans.getPlan(cycle.planId);
    const followed = await followPlan(deps, parts, plan, now, news);
    result.planChangesFinished += followed.reinvited.length + followed.added.length + followed.reassigned.length + followed.removed.length;
    events.push(...news.events(correlationId, now));
    /** The persons to whom this run sends an email, and with it a link. */
    const linked = new Set(news.persons(cycle.id));

    const { due, undeliverable, awaited, allAnswered, standing, additions, contactsOfProject, latestReminders, strandedEscalations } = await cycleSituation(deps, cycle, now, followed.wrote ? await readCycleParts(deps, cycle.id) : parts);
    // Counts changed by following the plan just now are not those read with the cycle: the next run recounts.
    if (!followed.wrote && (await recountCycle(deps, cycle, parts.requests, now))) {
      result.countsCorrected += 1;
      // The last answer, left uncounted, did not request the report: it is requested now.
      if (allAnswered && parts.requests.length > 0 && !countsLookComplete(cycle)) {
        events.push(createEvent(reportRequestedV1, { cycleId: cycle.id, reason: 'complete' }, { correlationId, now }));
      }
    }
    // No reminders to an address that bounced or complained: they would not arrive, or would
    // annoy. The escalation still names the person, saying the invitation did not arrive.
    for (const reminder of due.filter((candidate) => candidate.stage !== 'escalation' && !undeliverable.has(candidate.contactPersonId))) {
      if (await queue(reminder.stage, { kind: 'contact', contactPersonId: reminder.contactPersonId }, reminder.projectIds)) {
        result.remindersQueued += 1;
        linked.add(reminder.contactPersonId);
      }
    }
    // The invitations, queued when the cycle opened; an email queued now brings a link of its own.
    const { openedAt } = cycle;
    const invitations = openedAt === undefined ? [] : awaited.filter((id) => !linked.has(id)).map((contactPersonId) => ({ contactPersonId, queuedAt: openedAt }));
    for (const { contactPersonId } of await lostEmails(deps, cycle.id, invitations, now)) {
      events.push(createEvent(invitationRequestedV1, { cycleId: cycle.id, contactPersonId }, { correlationId, now }));
      result.invitationsRequeued += 1;
      linked.add(contactPersonId);
    }
    // The emails of the standing returns, one to each person of the project. (A reminder sent since
    // a return issues a link too; it lists the returned project among those awaited.)
    const returnEmails = [...standing.values()].flatMap((returned) =>
      (contactsOfProject.get(returned.projectId) ?? []).map((contactPersonId) => ({ contactPersonId, queuedAt: returned.returnedAt, returned })),
    );
    for (const { contactPersonId, returned } of await lostEmails(deps, cycle.id, returnEmails, now)) {
      const data = { cycleId: cycle.id, projectId: returned.projectId, version: returned.version, contactPersonId };
      events.push(createEvent(projectReturnedV1, data, { correlationId, now }));
      result.returnsRequeued += 1;
      linked.add(contactPersonId);
    }
    // The news of a project added to the open cycle, or of a person made its contact person since
    // it opened, to each such person who was sent no link since (one new to the cycle may have
    // been invited again above).
    const additionEmails = additions.filter(({ contactPersonId }) => !linked.has(contactPersonId));
    const untold = new Map<string, string[]>();
    for (const { contactPersonId, projectId } of await lostEmails(deps, cycle.id, additionEmails, now)) {
      untold.set(contactPersonId, [...(untold.get(contactPersonId) ?? []), projectId]);
    }
    for (const [contactPersonId, addedProjectIds] of untold) {
      events.push(createEvent(invitationRequestedV1, { cycleId: cycle.id, contactPersonId, addedProjectIds }, { correlationId, now }));
      result.additionsRequeued += 1;
      linked.add(contactPersonId);
    }
    // A reminder is asked about only while its person owes projects and can be reached: the mailer
    // drops the others without a link, and they would be queued again every morning.
    const owing = new Set(awaited);
    const reminderEmails = latestReminders.filter(
      ({ contactPersonId }) => owing.has(contactPersonId) && !undeliverable.has(contactPersonId) && !linked.has(contactPersonId),
    );
    for (const { contactPersonId, stage } of await lostEmails(deps, cycle.id, reminderEmails, now)) {
      events.push(createEvent(reminderDueV1, { cycleId: cycle.id, stage, audience: { kind: 'contact', contactPersonId } }, { correlationId, now }));
      result.remindersRequeued += 1;
    }
    // Taken over, not released on a failed publish below: it stays pending for the next run.
    for (const stranded of strandedEscalations) {
      const reclaimed = { ...stranded, queuedAt: now.toISOString() };
      if (!(await deps.reminders.reclaimReminder(stranded, reclaimed.queuedAt))) continue;
      events.push(createEvent(reminderDueV1, { cycleId: cycle.id, stage: stranded.stage, audience: stranded.audience }, { correlationId, now }));
      unconfirmed.push(reclaimed);
      result.escalationsRequeued += 1;
    }
    const escalations = due.filter((candidate) => candidate.stage === 'escalation');
    if (escalations.length > 0) {
      // The contact-level records keep the policy from escalating a person twice; the email
      // itself goes once per activity area, to its guarantor and ARR.
      for (const reminder of escalations) {
        await record(reminder.stage, { kind: 'contact', contactPersonId: reminder.contactPersonId }, reminder.projectIds);
      }
      const lateByArea = new Map<string, Set<string>>();
      for (const projectId of escalations.flatMap((reminder) => reminder.projectIds)) {
        const project = plan.projects.find((candidate) => candidate.id === projectId);
        const areaId = project ? escalationAreaIdOf(plan, project) : OUTSIDE_PLAN_AUDIENCE_ID;
        lateByArea.set(areaId, (lateByArea.get(areaId) ?? new Set()).add(projectId));
      }
      for (const [activityAreaId, projectIds] of lateByArea) {
        if (await queue('escalation', { kind: 'guarantor', activityAreaId }, [...projectIds])) result.escalationsQueued += 1;
      }
    }

    const stale = await staleSubmissions(deps, cycle.id);
    for (const version of stale) {
      events.push(
        createEvent(
          submissionReceivedV1,
          { cycleId: cycle.id, projectId: version.projectId, version: version.version, contactPersonId: version.submittedBy },
          { correlationId, now },
        ),
      );
    }
    result.staleSubmissionsRepublished += stale.length;
    if (events.length > 0) {
      try {
        await deps.events.publish(events);
      } catch (error) {
        // A reminder recorded as queued is never queued again, so records whose events did not
        // reach the queue are released for the next run. Of a partly queued publish, some are
        // then sent twice: at least once, never lost.
        await Promise.allSettled(claimed.map((reminder) => deps.reminders.releaseReminder(reminder)));
        throw error;
      }
      // A confirmation that fails leaves its record pending: a later run queues it again (at least once).
      await Promise.all(unconfirmed.map((reminder) => deps.reminders.confirmReminder(reminder)));
    }
  }
  return result;
}

/**
 * Recounts the cycle's requests and answered requests, which a submission tells completeness by
 * from the cycle item alone. A write cut short between a request and its count (the count of a
 * project's first answer, or of a request a plan change added or removed) otherwise leaves them
 * off for good, and a cycle whose last answer went uncounted never looks complete. Only while
 * nothing in the cycle is newer than COUNT_SETTLE_MS (its count may still be on its way), and only
 * if the counts are still those listed with the cycle before its requests were read: a count
 * written meanwhile wins, and the next run looks again. @returns true when the counts were set.
 */
async function recountCycle(deps: Pick<Dependencies, 'cycles'>, cycle: CycleRecord, requests: readonly RequestRecord[], now: Date): Promise<boolean> {
  const actual = { requestCount: requests.length, submittedCount: requests.filter((request) => request.firstSubmittedAt !== undefined).length };
  if (actual.requestCount === cycle.requestCount && actual.submittedCount === cycle.submittedCount) return false;
  const settled = requests.every((request) =>
    [request.firstSubmittedAt, request.askedAt].every((at) => at === undefined || now.getTime() - Date.parse(at) >= COUNT_SETTLE_MS),
  );
  if (!settled) return false;
  return deps.cycles.correctCounts(cycle.id, { requestCount: cycle.requestCount, submittedCount: cycle.submittedCount }, actual);
}

/**
 * What the sweep needs to know of one open cycle: the reminders due, the persons whose address
 * cannot be reached, the persons who still owe projects, the standing returns, each project's
 * contact persons, each person's latest reminder email, and the escalations of this schedule round
 * left pending by a run that died (EMAIL_GRACE_MS or longer ago).
 */
async function cycleSituation(
  deps: Pick<Dependencies, 'reminders' | 'editorial'>,
  cycle: CycleRecord,
  now: Date,
  { requests, contacts }: CycleParts,
) {
  const [returns, sent] = await Promise.all([deps.editorial.listReturns(cycle.id), deps.reminders.listReminders(cycle.id)]);
  // A project returned for revision is awaited again, like one never answered.
  const awaitedProjects = awaitedRequests(requests, returns);
  const pending = new Set(awaitedProjects.map((request) => request.projectId));
  const overdue = overdueProjectIds(awaitedProjects, new Date(cycle.deadline), cycle.reminderLadder);
  const undeliverable = new Set(contacts.filter((contact) => contact.undeliverable).map((contact) => contact.contactPersonId));
  const awaited = contacts.filter((contact) => contact.projectIds.some((projectId) => pending.has(projectId))).map((contact) => contact.contactPersonId);
  const due = dueReminders({
    deadline: new Date(cycle.deadline),
    now,
    ladder: cycle.reminderLadder,
    candidates: contacts.map((contact) => ({
      contactPersonId: contact.contactPersonId,
      pendingProjectIds: contact.projectIds.filter((projectId) => pending.has(projectId)),
      overdueProjectIds: contact.projectIds.filter((projectId) => overdue.has(projectId)),
    })),
    // Only this schedule round's reminders count: after a moved deadline the ladder starts again.
    alreadySent: sent.flatMap((reminder) =>
      reminder.audience.kind === 'contact' && (reminder.round ?? 0) === (cycle.scheduleRound ?? 0)
        ? [{ stage: reminder.stage, contactPersonId: reminder.audience.contactPersonId }]
        : [],
    ),
  });
  const contactsOfProject = new Map(requests.map((request) => [request.projectId, request.contactPersonIds]));
  const strandedEscalations = sent.filter(
    (reminder) =>
      reminder.pending === true &&
      (reminder.round ?? 0) === (cycle.scheduleRound ?? 0) &&
      now.getTime() - Date.parse(reminder.queuedAt) >= EMAIL_GRACE_MS,
  );
  return {
    due,
    undeliverable,
    awaited,
    /** No project is awaited: each has an answer, and none stands returned. */
    allAnswered: pending.size === 0,
    standing: standingReturns(requests, returns),
    // Persons asked for a project not answered yet after the cycle opened (the project was added,
    // or they were made its contact person), with when that was.
    additions: requests.flatMap((request) =>
      request.firstSubmittedAt !== undefined
        ? []
        : request.contactPersonIds.flatMap((contactPersonId) => {
            const queuedAt = request.contactsAddedAt?.[contactPersonId] ?? request.askedAt;
            return queuedAt === undefined ? [] : [{ contactPersonId, queuedAt, projectId: request.projectId }];
          }),
    ),
    contactsOfProject,
    latestReminders: latestReminderEmails(sent),
    strandedEscalations,
  };
}

interface ReminderEmail {
  contactPersonId: string;
  stage: ReminderStage;
  queuedAt: string;
}

/**
 * Each person's newest reminder email, of any schedule round. A link sent since it answers for the
 * older ones too. The contact-level escalation records only mark a person as escalated: the
 * escalation email goes to the guarantor, with no link to ask about.
 */
function latestReminderEmails(sent: ReminderRecord[]): ReminderEmail[] {
  const latest = new Map<string, ReminderEmail>();
  for (const reminder of sent) {
    if (reminder.audience.kind !== 'contact' || reminder.stage === 'escalation') continue;
    const { contactPersonId } = reminder.audience;
    const known = latest.get(contactPersonId);
    if (!known || known.queuedAt < reminder.queuedAt) latest.set(contactPersonId, { contactPersonId, stage: reminder.stage, queuedAt: reminder.queuedAt });
  }
  return [...latest.values()];
}

/**
 * Of the emails the persons should have had (each with when it was queued), those after which no
 * link was issued to its person: every email to a person issues one, so its event was lost. Only
 * emails queued EMAIL_GRACE_MS ago or longer are asked about, so one on its way is not sent twice.
 */
async function lostEmails<Email extends { contactPersonId: string; queuedAt: string }>(
  deps: Pick<Dependencies, 'tokens'>,
  cycleId: string,
  expected: Email[],
  now: Date,
): Promise<Email[]> {
  const settled = expected.filter((email) => now.getTime() - Date.parse(email.queuedAt) >= EMAIL_GRACE_MS);
  const linked = await Promise.all(settled.map((email) => deps.tokens.hasIssuedLink(cycleId, email.contactPersonId, email.queuedAt)));
  return settled.filter((_email, index) => !linked[index]);
}

/** Stored versions newer than what the indicators include. */
export async function staleSubmissions(deps: Pick<Dependencies, 'submissions' | 'indicators'>, cycleId: string) {
  const [latest, contributions] = await Promise.all([
    deps.submissions.latestVersions(cycleId),
    deps.indicators.listContributions(cycleId),
  ]);
  // `version` is the committed one: a contribution left pending by a crash counts as stale too.
  const applied = new Map(contributions.map((item) => [item.projectId, item.version]));
  return latest.filter((version) => (applied.get(version.projectId) ?? 0) < version.version);
}
