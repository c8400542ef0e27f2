/**
 * A scripted half-year cycle played against a running local system the way its users play it:
 * ARR through the HTTP API with its key, contact persons through the personal links in their
 * invitation emails (read from the SES emulator's inbox), time through the movable clock and the
 * schedules. A seeded generator decides who answers promptly, who after a reminder, who only
 * after the overdue notice, who edits, and who never answers, so every run is the same.
 *
 * The demo, the benchmark and the scenario test drive the system through this module.
 */
import type { ReminderLadder } from '../domain/reminders';
import { sesHardBounce } from './scenario/ses';
import { reminderSchedule } from '../domain/reminders';
import type { ActionPlan, IndicatorDefinition, Project } from '../domain/plan';
import { activityAreaOfProject } from '../domain/plan';
import { parsePeriodId, type Period } from '../domain/period';
import { addDays, isWorkingDay, pragueDate, pragueInstant, type IsoDate } from '../domain/time';
import { countOf, PROJECT_FORMS } from '../domain/czech-plural';
import type { MovableClock } from './composition';
import { listSentEmails, type SentEmail } from './ses-inbox';
import type { ScheduleName } from './topology';
import { classifyEmail, countByKind, emailsOfPeriod, personalLinkPath, type EmailKind } from './scenario/emails';
import { ArrApi, ContactSession, type ProjectForm, type SubmissionBody } from './scenario/http';
import { createPrng, type Prng } from './scenario/prng';
import { agencyChapters, correctedText, projectReportText, type ProjectReportText } from './scenario/texts';

export { ArrApi, ContactSession, parseSubmissionPage, ScenarioHttpError } from './scenario/http';
export type { ProjectForm, SubmissionBody, SubmitOutcome } from './scenario/http';
export { classifyEmail, countByKind, emailKindLabels, EMAIL_KINDS, emailsOfPeriod, personalLinkPath } from './scenario/emails';
export type { EmailKind } from './scenario/emails';
export { createPrng } from './scenario/prng';
export type { Prng } from './scenario/prng';
export { generateActionPlan } from './scenario/generated-plan';
export type { GeneratedPlanOptions } from './scenario/generated-plan';

/** What the scenario needs of a running system: `LocalSystem` satisfies it. */
export interface ScenarioSystem {
  apiUrl: string;
  arrKey: string;
  endpoints: { ses: string };
  clock: MovableClock;
  drainQueues(): Promise<void>;
  runSchedule(name: ScheduleName): Promise<unknown>;
}

export interface CycleScript {
  /** `2026-H1` */
  period: string;
  /** Prague day, `2026-07-15`. */
  deadline: IsoDate;
  meetingDate: IsoDate;
  /** When ARR opens the cycle. */
  openAt: Date;
  seed: number;
  /** Contact persons who never answer. */
  silentContacts: number;
  /** How many of the silent ones never got the invitation: SES reports a hard bounce of their address. */
  bouncedContacts?: number;
  /** Share of the others who answer only after the overdue notice. */
  lateShare: number;
  /** Share of the others who answer after one of the reminders before the deadline. */
  remindedShare: number;
  /** Share of submitted projects corrected later, once or twice. */
  editShare: number;
  /** One correction is sent from a page loaded before the previous one: 409, reload, send again. */
  staleEditConflict?: boolean;
  /** ARR fills chapters 1, 2, 4 and 5 before closing (default true). */
  agencyChapters?: boolean;
  /** Progress lines, in Czech, for whoever watches. */
  log?: (line: string) => void;
}

export type Persona = 'prompt' | 'reminded' | 'late' | 'silent';

export interface ContactOutcome {
  email: string;
  name: string;
  persona: Persona;
  projects: number;
  /** Projects this person sent a first version of (a co-reporter may have sent the others). */
  submitted: number;
  versions: number;
  /** Prague day of their first submission. */
  firstSubmittedOn: IsoDate | null;
}

export interface CompletenessTotals {
  projects: number;
  submitted: number;
  invited: number;
  late: number;
  percentSubmitted: number;
}

export interface IndicatorResult {
  code: string;
  name: string;
  periodValue: number;
  cumulativeValue: number;
}

export interface CycleScenarioResult {
  cycleId: string;
  periodLabel: string;
  contacts: ContactOutcome[];
  submissions: {
    requestedProjects: number;
    submittedProjects: number;
    versions: number;
    /** Projects with more than one version. */
    editedProjects: number;
    /** Posts refused with 409 and sent again after reloading the page. */
    conflicts: number;
  };
  emails: Record<EmailKind, number>;
  /** As ARR saw it right after closing. */
  completeness: CompletenessTotals;
  indicators: IndicatorResult[];
  closedAt: string;
  steeringGroupNotifiedAt: string;
  documents: {
    html: string;
    markdown: string;
    docx: Buffer;
    reportJson: unknown;
    indicatorsCsv: string;
    indicatorsJson: unknown;
  };
}

const SCHEDULES: readonly ScheduleName[] = ['reminder-sweep', 'auto-close', 'steering-group-schedule'];
/** The schedules' working-day runs happen at 08:30 and 09:00; the scenario's morning step comes right after. */
const MORNING = { hour: 9, minute: 5 };
const SUBMISSION_HOUR = 10;
const EDIT_HOUR = 14;

interface OpenedCycle {
  id: string;
  deadline: string;
  meetingDate: string;
  reminderLadder: ReminderLadder;
}

interface CycleOverviewBody {
  cycle: { id: string; state: string; closedAt?: string; steeringGroupNotifiedAt?: string };
  completeness: { totals: CompletenessTotals };
}

interface IndicatorJsonBody {
  indicators: Array<{ code: string; periodValue: number; cumulativeValue: number; definition: { name: string } }>;
}

interface Person {
  email: string;
  name: string;
  session: ContactSession;
  persona: Persona;
  /** Prague day on which they send their reports, null for the silent. */
  answerDay: IsoDate | null;
  outcome: ContactOutcome;
}

interface PlannedEdit {
  person: Person;
  projectId: string;
  edits: 1 | 2;
  stale: boolean;
}

/** Sends `system`'s three schedules one run each, then processes everything they queued. */
export async function runSchedulesAndDrain(system: ScenarioSystem): Promise<void> {
  for (const schedule of SCHEDULES) await system.runSchedule(schedule);
  await system.drainQueues();
}

/** The newest invitation of each recipient for a period, with the personal link it carries. */
export function invitationLinks(emails: SentEmail[], periodLabel: string): Map<string, string> {
  const links = new Map<string, string>();
  for (const email of emailsOfPeriod(emails, periodLabel)) {
    if (classifyEmail(email.subject) !== 'invitation') continue;
    const link = personalLinkPath(email);
    if (link === null) throw new Error(`The invitation to ${email.to.join(', ')} carries no personal link.`);
    for (const recipient of email.to) links.set(recipient.toLowerCase(), link);
  }
  return links;
}

function workingDaysBetween(from: IsoDate, toExclusive: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day < toExclusive; day = addDays(day, 1)) if (isWorkingDay(day)) days.push(day);
  return days;
}

function nextWorkingDayAfter(day: IsoDate): IsoDate {
  let next = addDays(day, 1);
  while (!isWorkingDay(next)) next = addDays(next, 1);
  return next;
}

/**
 * Indicator contributions a person enters for one project. Flow indicators get small counts;
 * a state indicator (`latest`) is entered only by the one project that keeps that state, with
 * its current value, as people leave fields they know nothing about blank.
 */
function contributionsFor(
  form: ProjectForm,
  definitions: ReadonlyMap<string, IndicatorDefinition>,
  stateOwners: ReadonlyMap<string, { projectId: string; value: number }>,
  prng: Prng,
): Record<string, number> {
  const contributions: Record<string, number> = {};
  for (const code of form.indicatorCodes) {
    const definition = definitions.get(code);
    if (definition?.aggregation === 'latest') {
      const owner = stateOwners.get(code);
      if (owner?.projectId === form.projectId) contributions[code] = owner.value;
    } else {
      contributions[code] = prng.chance(0.35) ? prng.int(1, 3) : 0;
    }
  }
  return contributions;
}

/**
 * Plays one cycle from opening to the steering group's email and returns what happened, as
 * read back through the API and the inbox. Throws on any answer the script does not expect.
 * The SES emulator keeps one inbox per process, so the process should run one system at a time
 * (or clear the inbox in between): invitations are matched by their period.
 */
export async function runCycleScenario(system: ScenarioSystem, plan: ActionPlan, script: CycleScript): Promise<CycleScenarioResult> {
  const log = script.log ?? (() => undefined);
  const prng = createPrng(script.seed);
  const period: Period = parsePeriodId(script.period);
  const arr = new ArrApi(system.apiUrl, system.arrKey);
  const projectsById = new Map(plan.projects.map((project) => [project.id, project]));
  const definitions = new Map(plan.indicators.map((definition) => [definition.code, definition]));
  const say = (day: IsoDate, text: string) => log(`${day}  ${text}`);

  // --- ARR opens the cycle; the invitations go out.
  system.clock.set(script.openAt);
  const openDay = pragueDate(script.openAt);
  const cycle = await arr.json<OpenedCycle>('POST', '/cycles', {
    period: script.period,
    deadline: script.deadline,
    meetingDate: script.meetingDate,
  });
  await system.drainQueues();
  const links = invitationLinks(await listSentEmails(system.endpoints.ses), period.label);
  say(openDay, `ARR otevřela cyklus ${cycle.id}; pozvánku dostalo ${links.size} kontaktních osob.`);
  if (links.size === 0) throw new Error(`Cycle ${cycle.id} was opened but nobody received an invitation.`);

  const startValues = new Map(
    (await arr.json<IndicatorJsonBody>('GET', `/cycles/${cycle.id}/indicators?format=json`)).indicators.map((row) => [
      row.code,
      row.cumulativeValue,
    ]),
  );
  const portalMunicipalities = (startValues.get('EK-5') ?? 81) + prng.fork('portal').int(1, 3);
  const ownersPrng = prng.fork('state-owners');
  const stateOwners = new Map<string, { projectId: string; value: number }>();
  for (const definition of plan.indicators.filter((candidate) => candidate.aggregation === 'latest')) {
    const candidates = plan.projects.filter(
      (project) => project.lifecycle === 'active' && activityAreaOfProject(plan, project)?.id === definition.activityAreaId,
    );
    if (candidates.length === 0) continue;
    const value = definition.code === 'EK-5' ? portalMunicipalities : (startValues.get(definition.code) ?? 0) + ownersPrng.int(0, 2);
    stateOwners.set(definition.code, { projectId: ownersPrng.pick(candidates).id, value });
  }

  // --- Who does what, and when.
  const stages = reminderSchedule(new Date(cycle.deadline), cycle.reminderLadder);
  const beforeStages = stages.filter((stage) => stage.stage.startsWith('before-'));
  const overdue = stages.find((stage) => stage.stage === 'overdue')!;
  const escalation = stages.find((stage) => stage.stage === 'escalation')!;
  const deadlineDay = pragueDate(new Date(cycle.deadline));
  const closeDay = nextWorkingDayAfter(escalation.day);

  const emailsSorted = [...links.keys()].sort();
  const order = prng.fork('personas').shuffle(emailsSorted);
  const others = order.length - Math.min(script.silentContacts, order.length);
  const lateCount = Math.round(others * script.lateShare);
  const remindedCount = Math.round(others * script.remindedShare);
  const dayPrng = prng.fork('days');
  const firstReminderDay = beforeStages[0]?.day ?? deadlineDay;
  const promptDays = workingDaysBetween(addDays(openDay, 1), firstReminderDay);

  const people: Person[] = order.map((email, index) => {
    const persona: Persona =
      index < script.silentContacts
        ? 'silent'
        : index < script.silentContacts + lateCount
          ? 'late'
          : index < script.silentContacts + lateCount + remindedCount
            ? 'reminded'
            : 'prompt';
    let answerDay: IsoDate | null = null;
    if (persona === 'prompt') answerDay = promptDays.length > 0 ? dayPrng.pick(promptDays) : nextWorkingDayAfter(openDay);
    if (persona === 'reminded') {
      const stageIndex = dayPrng.int(0, Math.max(beforeStages.length - 1, 0));
      const from = beforeStages[stageIndex]?.day ?? deadlineDay;
      const until = beforeStages[stageIndex + 1]?.day ?? addDays(deadlineDay, 1);
      const days = workingDaysBetween(from, until);
      answerDay = days.length > 0 ? dayPrng.pick(days) : from;
    }
    if (persona === 'late') {
      const days = workingDaysBetween(overdue.day, escalation.day);
      answerDay = days.length > 0 ? dayPrng.pick(days) : overdue.day;
    }
    const contact = plan.contactPersons.find((candidate) => candidate.email.toLowerCase() === email);
    const name = contact ? (contact.reportingPerson ?? contact.name) : email;
    return {
      email,
      name,
      session: new ContactSession(system.apiUrl, links.get(email)!),
      persona,
      answerDay,
      outcome: { email, name, persona, projects: 0, submitted: 0, versions: 0, firstSubmittedOn: null },
    };
  });
  for (const person of people.filter((candidate) => candidate.persona === 'silent')) {
    // They never open the page, so their projects are counted from the catalog.
    person.outcome.projects = plan.projects.filter(
      (project) =>
        project.lifecycle === 'active' &&
        project.contactPersonIds.some((id) => plan.contactPersons.find((contact) => contact.id === id)?.email.toLowerCase() === person.email),
    ).length;
    say(openDay, `${person.name} na pozvánku nikdy neodpoví (${countOf(person.outcome.projects, PROJECT_FORMS)}).`);
  }
  for (const person of people.filter((candidate) => candidate.persona === 'silent').slice(0, script.bouncedContacts ?? 0)) {
    const contact = plan.contactPersons.find((candidate) => candidate.email.toLowerCase() === person.email);
    if (!contact) continue;
    await arr.json('POST', '/local/ses-events', sesHardBounce({ email: person.email, cycleId: cycle.id, contactPersonId: contact.id, at: system.clock.now() }));
    await system.drainQueues();
    say(openDay, `Pozvánka pro ${person.name} se nedoručila (SES: 550 5.1.1 user unknown): ARR dostala upozornění, připomínky na tuto adresu nepůjdou a eskalace to uvede.`);
  }

  const submitted = new Map<string, { text: ProjectReportText; contributions: Record<string, number> }>();
  const edits: PlannedEdit[] = [];
  const editPrng = prng.fork('edits');
  let conflicts = 0;
  let versions = 0;
  let staleConflictPlanned = false;

  /** Posts a body; on 409 (someone saved meanwhile) reloads the page and sends it again once. */
  const post = async (person: Person, form: ProjectForm, expectedVersion: number, body: SubmissionBody): Promise<number> => {
    const first = await person.session.submit(form, expectedVersion, body);
    if (first.ok) return first.version;
    if (first.status !== 409) throw new Error(`${person.name}: the report on ${form.projectId} was refused (HTTP ${first.status}): ${first.body}`);
    conflicts += 1;
    const reloaded = (await person.session.loadForms()).find((candidate) => candidate.projectId === form.projectId);
    if (!reloaded) throw new Error(`${person.name}: project ${form.projectId} vanished from the page after a conflict.`);
    const again = await person.session.submit(reloaded, reloaded.expectedVersion, body);
    if (!again.ok) throw new Error(`${person.name}: the report on ${form.projectId} was refused again (HTTP ${again.status}): ${again.body}`);
    return again.version;
  };

  const answer = async (person: Person, day: IsoDate): Promise<void> => {
    const forms = await person.session.loadForms();
    person.outcome.projects = forms.length;
    for (const form of forms) {
      // A co-reporter sent this project already: the page shows it as sent, there is nothing to add.
      if (form.expectedVersion > 0) continue;
      const project: Project | undefined = projectsById.get(form.projectId);
      const projectPrng = prng.fork(`${period.id}:${form.projectId}`);
      const text = projectReportText({
        areaId: project ? (activityAreaOfProject(plan, project)?.id ?? null) : null,
        previousPlan: form.previousPlan,
        prng: projectPrng,
      });
      const contributions = contributionsFor(form, definitions, stateOwners, projectPrng);
      const version = await post(person, form, form.expectedVersion, { ...text, indicatorContributions: contributions });
      versions += 1;
      person.outcome.submitted += 1;
      person.outcome.versions += 1;
      person.outcome.firstSubmittedOn ??= day;
      submitted.set(form.projectId, { text, contributions });
      if (version === 1 && editPrng.chance(script.editShare)) {
        const twice = editPrng.chance(0.4);
        const stale = twice && script.staleEditConflict === true && !staleConflictPlanned;
        staleConflictPlanned ||= stale;
        edits.push({ person, projectId: form.projectId, edits: twice ? 2 : 1, stale });
      }
    }
  };

  const correct = async (edit: PlannedEdit): Promise<void> => {
    const { person } = edit;
    const base = submitted.get(edit.projectId)!;
    const prngForEdit = prng.fork(`${period.id}:${edit.projectId}:edit`);
    let text = base.text;
    const loaded = (await person.session.loadForms()).find((form) => form.projectId === edit.projectId);
    if (!loaded) throw new Error(`${person.name}: project ${edit.projectId} is missing from the page.`);
    let current = loaded.expectedVersion;
    for (let round = 0; round < edit.edits; round += 1) {
      text = correctedText(text, prngForEdit);
      const contributions = { ...base.contributions };
      const adjustable = Object.keys(contributions).filter((code) => definitions.get(code)?.aggregation !== 'latest');
      if (adjustable.length > 0) {
        const code = prngForEdit.pick(adjustable);
        contributions[code] = (contributions[code] ?? 0) + 1;
      }
      // The stale tab: the second correction is sent from the page loaded before the first one.
      const expectedVersion = edit.stale && round === 1 ? current - 1 : current;
      current = await post(person, loaded, expectedVersion, { ...text, indicatorContributions: contributions });
      versions += 1;
      person.outcome.versions += 1;
    }
  };

  // --- The calendar: every day on which something happens, in order.
  const answering = new Map<IsoDate, Person[]>();
  for (const person of people) {
    if (person.answerDay === null) continue;
    answering.set(person.answerDay, [...(answering.get(person.answerDay) ?? []), person]);
  }
  const days = new Set<IsoDate>([...answering.keys(), ...stages.map((stage) => stage.day), closeDay]);
  const editDays = new Map<IsoDate, PlannedEdit[]>();
  const eventDays = () => [...new Set([...days, ...editDays.keys()])].filter((day) => day > openDay).sort();

  const handled = new Set<IsoDate>();
  for (;;) {
    const day = eventDays().find((candidate) => !handled.has(candidate) && candidate <= closeDay);
    if (day === undefined) break;
    handled.add(day);

    system.clock.set(pragueInstant(day, MORNING.hour, MORNING.minute));
    const before = (await listSentEmails(system.endpoints.ses)).length;
    await runSchedulesAndDrain(system);
    const sent = (await listSentEmails(system.endpoints.ses)).slice(before);
    const kinds = countByKind(emailsOfPeriod(sent, period.label));
    if (kinds.reminder > 0) say(day, `Připomínky před termínem: ${kinds.reminder}.`);
    if (kinds.overdue > 0) say(day, `Upozornění po termínu: ${kinds.overdue}.`);
    if (kinds.escalation > 0) say(day, `Eskalace garantům oblastí aktivit: ${kinds.escalation}.`);

    const today = answering.get(day) ?? [];
    if (today.length > 0) {
      system.clock.set(pragueInstant(day, SUBMISSION_HOUR));
      const editsBefore = edits.length;
      // One after another: who of two co-reporters is first must not depend on response timing.
      for (const person of today) await answer(person, day);
      await system.drainQueues();
      const sentToday = today.reduce((sum, person) => sum + person.outcome.submitted, 0);
      say(day, `Podklady poslali: ${today.map((person) => person.name).join(', ')} (${countOf(sentToday, PROJECT_FORMS)}).`);
      for (const edit of edits.slice(editsBefore)) {
        const candidates = workingDaysBetween(day, closeDay);
        const editDay = candidates.length > 0 ? editPrng.pick(candidates) : day;
        editDays.set(editDay, [...(editDays.get(editDay) ?? []), edit]);
      }
    }

    const todaysEdits = editDays.get(day) ?? [];
    if (todaysEdits.length > 0) {
      system.clock.set(pragueInstant(day, EDIT_HOUR));
      for (const edit of todaysEdits) await correct(edit);
      await system.drainQueues();
      say(day, `Opravy odeslaných podkladů: ${todaysEdits.reduce((sum, edit) => sum + edit.edits, 0)}.`);
    }

    if (day === closeDay) {
      system.clock.set(pragueInstant(day, 16));
      if (script.agencyChapters !== false) {
        const chapters = agencyChapters(period, prng.fork('agency'), portalMunicipalities);
        for (const [section, content] of Object.entries(chapters)) {
          await arr.json('PUT', `/cycles/${cycle.id}/agency/${section}`, content);
        }
        say(day, 'ARR vyplnila kapitoly 1, 2, 4 a 5.');
      }
      await arr.json('POST', `/cycles/${cycle.id}/close`);
      await system.drainQueues();
      say(day, `ARR uzavřela sběr podkladů; monitorovací zpráva je sestavena.`);
    }
  }

  const closedOverview = await arr.json<CycleOverviewBody>('GET', `/cycles/${cycle.id}`);
  if (closedOverview.cycle.state !== 'report-ready' && closedOverview.cycle.state !== 'steering-group-notified') {
    throw new Error(`Cycle ${cycle.id} is "${closedOverview.cycle.state}" after closing; the report was not assembled.`);
  }

  // --- The steering group's email goes out on a working morning before the meeting.
  let notifiedAt = closedOverview.cycle.steeringGroupNotifiedAt;
  const firstCheck = [addDays(script.meetingDate, -14), addDays(closeDay, 1)].sort().at(-1)!;
  for (let day = firstCheck; notifiedAt === undefined && day < script.meetingDate; day = addDays(day, 1)) {
    if (!isWorkingDay(day)) continue;
    system.clock.set(pragueInstant(day, MORNING.hour, MORNING.minute));
    await runSchedulesAndDrain(system);
    notifiedAt = (await arr.json<CycleOverviewBody>('GET', `/cycles/${cycle.id}`)).cycle.steeringGroupNotifiedAt;
    if (notifiedAt !== undefined) say(day, 'Řídící skupina dostala monitorovací zprávu e-mailem.');
  }
  if (notifiedAt === undefined) throw new Error(`The steering group was not notified of ${cycle.id} before its meeting on ${script.meetingDate}.`);

  // --- What ARR takes away: the report in every format and the indicators.
  const base = `/cycles/${cycle.id}`;
  const [html, markdown, docx, reportJson, indicatorsCsv, indicatorsJson] = await Promise.all([
    arr.bytes(`${base}/report?format=html`),
    arr.bytes(`${base}/report?format=md`),
    arr.bytes(`${base}/report?format=docx`),
    arr.json<unknown>('GET', `${base}/report?format=json`),
    arr.bytes(`${base}/indicators?format=csv`),
    arr.json<IndicatorJsonBody>('GET', `${base}/indicators?format=json`),
  ]);
  const periodEmails = emailsOfPeriod(await listSentEmails(system.endpoints.ses), period.label);

  return {
    cycleId: cycle.id,
    periodLabel: period.label,
    contacts: people.map((person) => person.outcome),
    submissions: {
      requestedProjects: closedOverview.completeness.totals.projects,
      submittedProjects: submitted.size,
      versions,
      editedProjects: edits.length,
      conflicts,
    },
    emails: countByKind(periodEmails),
    completeness: closedOverview.completeness.totals,
    indicators: indicatorsJson.indicators.map((row) => ({
      code: row.code,
      name: row.definition.name,
      periodValue: row.periodValue,
      cumulativeValue: row.cumulativeValue,
    })),
    closedAt: closedOverview.cycle.closedAt ?? '',
    steeringGroupNotifiedAt: notifiedAt,
    documents: {
      html: html.toString('utf8'),
      markdown: markdown.toString('utf8'),
      docx,
      reportJson,
      indicatorsCsv: indicatorsCsv.toString('utf8'),
      indicatorsJson,
    },
  };
}
