/**
 * ARR manages the action plan: exports and imports it whole, edits contact persons, guarantors,
 * projects and indicators, and reads who changed what. Every change is a numbered revision; a
 * change made while a cycle is open applies to what that cycle still sends:
 * - emails are rendered from the plan at send time, so names, addresses, guarantors and project
 *   names reach every email not yet sent;
 * - a contact person's new address gets a fresh link at once, and their old links stop working;
 * - a new (or reactivated) project is asked for in the open cycle too;
 * - a project's new contact person is asked for it (while it is awaited), and one removed is no
 *   longer asked or reminded; the versions stored stay the project's, for whoever reports next;
 * - a completed or cancelled project stays in the open cycle and leaves the next one.
 * The open cycle follows the plan, not the change (follow-plan.ts): a change cut short is
 * finished by the same change saved again, by the next one, or by the morning sweep.
 */
import { builtOnFirstUse } from '../lazy';
import * as z from 'zod/mini';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parsePeriodId } from '../period';
import type { ActionPlan, ContactPerson, Project } from '../plan';
import { diffPlans, type PlanChange, type PlanRevision, type PlanRevisionSummary } from '../plan-history';
import {
  baselineSchema,
  emailSchema,
  goalLabelSchema,
  guarantorSchema,
  idSchema,
  parseActionPlan,
  projectLifecycleSchema,
  requiredText,
} from '../plan-schema';
import type { Dependencies } from '../ports';
import { slugify } from '../slug';
import { zodErrorDetails } from '../time';
import { ContactNews, followPlan, readCycleParts, readdress, type PlanFollowed } from './follow-plan';

export type PlanDeps = Pick<Dependencies, 'clock' | 'config' | 'plans' | 'cycles' | 'submissions' | 'tokens' | 'events'>;

export interface PlanChangeResult {
  revision: number;
  changes: PlanChange[];
  /** What the change did to open cycles, for ARR to read back. */
  openCycles: PlanFollowed;
}

export interface ChangeRequest {
  actor: string;
  correlationId: string;
  /** The revision the change was based on; a different current revision is a conflict. */
  expectedRevision?: number;
  /** ARR confirmed removing projects that have reports in an open cycle. */
  confirmRemovals?: boolean;
}

const CONCURRENT_CHANGE_MESSAGE = 'Plán mezitím změnil někdo jiný. Načtěte jej znovu a změnu zopakujte.';

function invalid(message: string, error: z.core.$ZodError): ValidationError {
  return new ValidationError(message, zodErrorDetails(error));
}

/** `GET /plan`: the current plan, ready to be edited and imported again. */
export async function exportPlan(deps: Pick<Dependencies, 'config' | 'plans'>): Promise<{ revision: number; plan: ActionPlan }> {
  const stored = await deps.plans.getStoredPlan(deps.config.planId);
  if (stored === null) throw new NotFoundError(`Akční plán „${deps.config.planId}“ nebyl nahrán.`);
  return stored;
}

/** `GET /plan/history`: every revision, newest first. */
export async function listPlanHistory(deps: Pick<Dependencies, 'config' | 'plans'>): Promise<PlanRevisionSummary[]> {
  return (await deps.plans.listRevisions(deps.config.planId)).sort((a, b) => b.revision - a.revision);
}

/** `GET /plan/history/{revision}`: one revision with the whole plan as it was then. */
export async function getPlanRevision(deps: Pick<Dependencies, 'config' | 'plans'>, rawRevision: string): Promise<PlanRevision> {
  const revision = Number(rawRevision);
  if (!Number.isInteger(revision) || revision < 1) {
    throw new ValidationError('Číslo verze plánu není platné.', { revision: 'Zadejte číslo verze, např. 3.' });
  }
  const found = await deps.plans.getRevision(deps.config.planId, revision);
  if (!found) throw new NotFoundError(`Verze ${revision} akčního plánu neexistuje.`);
  return found;
}

/**
 * Stores `next` as a new revision of the plan. The whole plan is checked first (Czech errors
 * per field, nothing stored on any error). One writer wins each revision number; a revision
 * claimed by a writer that died before making it current is rolled forward by the next one.
 */
export async function commitPlan(
  deps: PlanDeps,
  input: ChangeRequest & { reason: string; change: (current: ActionPlan) => unknown },
): Promise<PlanChangeResult> {
  const stored = await deps.plans.getStoredPlan(deps.config.planId);
  if (stored === null) throw new NotFoundError(`Akční plán „${deps.config.planId}“ nebyl nahrán.`);
  if (input.expectedRevision !== undefined && input.expectedRevision !== stored.revision) {
    throw new ConflictError(CONCURRENT_CHANGE_MESSAGE, { expectedRevision: `Aktuální verze plánu je ${stored.revision}.` });
  }
  const next = parseActionPlan(input.change(structuredClone(stored.plan)));
  if (next.id !== stored.plan.id) {
    throw new ValidationError('Importovaný plán je jiný plán.', { id: `Očekáván plán „${stored.plan.id}“, ne „${next.id}“.` });
  }
  const changes = diffPlans(stored.plan, next);
  const openCycles = (await deps.cycles.listCycles()).filter((cycle) => cycle.state === 'open');
  const openCycleIds = openCycles.map((cycle) => cycle.id);
  // Saved again unchanged (say, after an error): the open cycles are brought up to the plan, which
  // finishes a change cut short.
  if (changes.length === 0) {
    return { revision: stored.revision, changes, openCycles: await applyToOpenCycles(deps, stored.plan, stored.plan, openCycleIds, input.correlationId) };
  }

  const removedIds = new Set(stored.plan.projects.map((project) => project.id));
  for (const project of next.projects) removedIds.delete(project.id);
  const removedWithReports: Array<{ cycleId: string; project: Project }> = [];
  for (const cycle of openCycles) {
    for (const request of await deps.cycles.getRequests(cycle.id, [...removedIds])) {
      const project = stored.plan.projects.find((candidate) => candidate.id === request.projectId) as Project;
      if (await deps.submissions.latestVersion(cycle.id, project.id)) removedWithReports.push({ cycleId: cycle.id, project });
    }
  }
  if (removedWithReports.length > 0 && !input.confirmRemovals) {
    throw new ConflictError(
      'Plán odebírá projekty, které mají v otevřeném cyklu odevzdané podklady. Nic nebylo uloženo; potvrďte odebrání, pokud je chcete opravdu odebrat.',
      Object.fromEntries(
        removedWithReports.map(({ cycleId, project }) => [
          `projects.${project.id}`,
          `Projekt „${project.name}“ má podklady za ${parsePeriodId(cycleId).label}.`,
        ]),
      ),
    );
  }

  const revision = stored.revision + 1;
  const claimed = await deps.plans.appendRevision({
    planId: next.id,
    revision,
    author: input.actor,
    at: deps.clock.now().toISOString(),
    reason: input.reason,
    changes,
    plan: next,
  });
  if (!claimed) {
    await rollForward(deps, revision);
    throw new ConflictError(CONCURRENT_CHANGE_MESSAGE);
  }
  await deps.plans.savePlan(next, revision);
  return { revision, changes, openCycles: await applyToOpenCycles(deps, stored.plan, next, openCycleIds, input.correlationId) };
}

/** A revision claimed but never made current (its writer died): make it current now. */
async function rollForward(deps: PlanDeps, revision: number): Promise<void> {
  if ((await deps.plans.currentRevision(deps.config.planId)) >= revision) return;
  const claimed = await deps.plans.getRevision(deps.config.planId, revision);
  if (claimed) await deps.plans.savePlan(claimed.plan, revision);
}

async function applyToOpenCycles(
  deps: PlanDeps,
  before: ActionPlan,
  after: ActionPlan,
  openCycleIds: string[],
  correlationId: string,
): Promise<PlanChangeResult['openCycles']> {
  const result: PlanChangeResult['openCycles'] = { reinvited: [], added: [], reassigned: [], removed: [] };
  const now = deps.clock.now();
  const news = new ContactNews();
  const beforeContacts = new Map(before.contactPersons.map((person) => [person.id, person]));

  for (const cycleId of openCycleIds) {
    // A new address: the old links (which went to the old address) stop working, a new one goes out.
    for (const person of after.contactPersons) {
      const old = beforeContacts.get(person.id);
      if (!old || old.email === person.email) continue;
      if (!(await deps.cycles.getContact(cycleId, person.id))) continue;
      await readdress(deps, cycleId, person, now, news);
      result.reinvited.push({ cycleId, contactPersonId: person.id, email: person.email });
    }
    const followed = await followPlan(deps, await readCycleParts(deps, cycleId), after, now, news);
    result.reinvited.push(...followed.reinvited);
    result.added.push(...followed.added);
    result.reassigned.push(...followed.reassigned);
    result.removed.push(...followed.removed);
  }
  const events = news.events(correlationId, now);
  if (events.length > 0) await deps.events.publish(events);
  return result;
}

/**
 * `PUT /plan`: replaces the plan with an imported one: the plan JSON `GET /plan` exports, or
 * `{ revision, plan }` as `exportPlan` returns it, whose revision must still be the current one.
 */
export async function importPlan(deps: PlanDeps, input: ChangeRequest & { body: unknown }): Promise<PlanChangeResult> {
  const body = input.body;
  const wrapped = typeof body === 'object' && body !== null && 'plan' in body && 'revision' in body ? (body as { plan: unknown; revision: unknown }) : null;
  // Checked before anything is read, so a broken file gets its field errors even without a stored plan.
  const plan = parseActionPlan(wrapped ? wrapped.plan : body);
  const expectedRevision = typeof wrapped?.revision === 'number' ? { expectedRevision: wrapped.revision } : {};
  return commitPlan(deps, { ...input, ...expectedRevision, reason: 'Import plánu ze souboru.', change: () => plan });
}

// ---- Edits -------------------------------------------------------------------------------

/** A change names only the fields it changes; an unknown field is an error, not silently ignored. */
function patchObject<T extends z.core.$ZodLooseShape>(shape: () => T, notAnObject: string, unknownField: string) {
  return builtOnFirstUse(() =>
    z.strictObject(shape(), { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField : notAnObject) }),
  );
}

const optionalRevision = builtOnFirstUse(() =>
  z.optional(
    z
      .number({ error: 'Verze plánu musí být celé číslo.' })
      .check(z.int({ error: 'Verze plánu musí být celé číslo.' }), z.gte(0, { error: 'Verze plánu musí být celé číslo.' })),
  ),
);

const contactPatchSchema = patchObject(
  () => ({
    name: z.optional(requiredText('jméno kontaktní osoby', 200)),
    reportingPerson: z.optional(z.nullable(z.string({ error: 'Jméno vykazující osoby musí být text.' }).check(z.trim(), z.maxLength(200)))),
    email: z.optional(emailSchema()),
    organisation: z.optional(z.string({ error: 'Organizace musí být text.' }).check(z.trim(), z.maxLength(300))),
    expectedRevision: optionalRevision(),
  }),
  'Pošlete objekt JSON s měněnými poli, např. { "email": "jana.novakova@kraj-lbc.cz" }.',
  'Neznámé pole; měnit lze name, reportingPerson, email a organisation.',
);

const newContactSchema = builtOnFirstUse(() =>
  z.object(
    {
      id: z.optional(idSchema()),
      name: requiredText('jméno kontaktní osoby', 200),
      reportingPerson: z.optional(z.string({ error: 'Jméno vykazující osoby musí být text.' }).check(z.trim(), z.minLength(1), z.maxLength(200))),
      email: emailSchema(),
      organisation: z._default(z.string({ error: 'Organizace musí být text.' }).check(z.trim(), z.maxLength(300)), ''),
      expectedRevision: optionalRevision(),
    },
    { error: 'Pošlete objekt JSON s poli name, email a organisation.' },
  ),
);

const guarantorPatchSchema = builtOnFirstUse(() =>
  z.extend(z.partial(guarantorSchema()), { expectedRevision: optionalRevision() }),
);

/** `activityId: null` places the project outside the plan's activity areas. */
const activityIdSchema = builtOnFirstUse(() =>
  z.nullable(idSchema()),
);

const newProjectSchema = builtOnFirstUse(() =>
  z.object(
    {
      id: z.optional(idSchema()),
      name: requiredText('název projektu', 500),
      goal: z._default(z.string({ error: 'Cíl projektu musí být text.' }).check(z.trim(), z.maxLength(4000)), ''),
      goalLabel: z._default(goalLabelSchema(), 'cíl projektu'),
      activityId: activityIdSchema(),
      contactPersonIds: z
        .array(idSchema(), { error: 'Uveďte kontaktní osoby projektu.' })
        .check(z.minLength(1, { error: 'Projekt musí mít alespoň jednu kontaktní osobu.' })),
      expectedRevision: optionalRevision(),
    },
    { error: 'Pošlete objekt JSON s poli name, activityId a contactPersonIds.' },
  ),
);

const projectPatchSchema = patchObject(
  () => ({
    name: z.optional(requiredText('název projektu', 500)),
    goal: z.optional(z.string({ error: 'Cíl projektu musí být text.' }).check(z.trim(), z.maxLength(4000))),
    goalLabel: z.optional(goalLabelSchema()),
    activityId: z.optional(activityIdSchema()),
    contactPersonIds: z.optional(z.array(idSchema()).check(z.minLength(1, { error: 'Projekt musí mít alespoň jednu kontaktní osobu.' }))),
    lifecycle: z.optional(projectLifecycleSchema()),
    expectedRevision: optionalRevision(),
  }),
  'Pošlete objekt JSON s měněnými poli, např. { "lifecycle": "completed" }.',
  'Neznámé pole; měnit lze name, goal, goalLabel, activityId, contactPersonIds a lifecycle.',
);

const indicatorPatchSchema = patchObject(
  () => ({
    name: z.optional(requiredText('název indikátoru', 500)),
    unit: z.optional(requiredText('jednotku indikátoru', 50)),
    baseline: z.optional(baselineSchema()),
    expectedRevision: optionalRevision(),
  }),
  'Pošlete objekt JSON s měněnými poli, např. { "unit": "počet" }.',
  'Neznámé pole; měnit lze name, unit a baseline.',
);

function parse<T extends z.ZodMiniType>(schema: T, body: unknown, message: string): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw invalid(message, result.error);
  return result.data;
}

function requireContact(plan: ActionPlan, id: string): ContactPerson {
  const person = plan.contactPersons.find((candidate) => candidate.id === id);
  if (!person) throw new NotFoundError(`Kontaktní osoba „${id}“ v plánu není.`);
  return person;
}

function requireProject(plan: ActionPlan, id: string): Project {
  const project = plan.projects.find((candidate) => candidate.id === id);
  if (!project) throw new NotFoundError(`Projekt „${id}“ v plánu není.`);
  return project;
}

const placementOf = (activityId: string | null): Project['placement'] =>
  activityId === null ? { kind: 'outside-plan' } : { kind: 'activity', activityId };

/** An id for a new project or person: the slug of its name, made unique within the plan. */
function freshId(name: string, taken: Set<string>): string {
  const base = slugify(name) || 'polozka';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

type EditInput = Omit<ChangeRequest, 'expectedRevision'> & { body: unknown };

/** `PATCH /plan/contacts/{id}`: name, reporting person, email, organisation. */
export async function updateContactPerson(deps: PlanDeps, input: EditInput & { contactPersonId: string }): Promise<PlanChangeResult> {
  const patch = parse(contactPatchSchema(), input.body, 'Změna kontaktní osoby obsahuje chyby.');
  const { expectedRevision, reportingPerson, ...fields } = patch;
  return commitPlan(deps, {
    ...input,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    reason: 'Úprava kontaktní osoby.',
    change: (plan) => {
      const person = requireContact(plan, input.contactPersonId);
      Object.assign(person, fields);
      if (reportingPerson === null || reportingPerson === '') delete person.reportingPerson;
      else if (reportingPerson !== undefined) person.reportingPerson = reportingPerson;
      return plan;
    },
  });
}

/** `POST /plan/contacts`: a new contact person, e.g. for a new project. */
export async function addContactPerson(deps: PlanDeps, input: EditInput): Promise<PlanChangeResult & { contactPersonId: string }> {
  const { expectedRevision, id, ...person } = parse(newContactSchema(), input.body, 'Nová kontaktní osoba obsahuje chyby.');
  let contactPersonId = '';
  const result = await commitPlan(deps, {
    ...input,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    reason: 'Přidání kontaktní osoby.',
    change: (plan) => {
      const taken = new Set(plan.contactPersons.map((candidate) => candidate.id));
      if (id !== undefined && taken.has(id)) throw new ConflictError(`Kontaktní osoba „${id}“ už v plánu je.`, { id: 'Zvolte jiný identifikátor.' });
      contactPersonId = id ?? freshId(person.reportingPerson ?? person.name, taken);
      plan.contactPersons.push({ id: contactPersonId, ...person });
      return plan;
    },
  });
  return { ...result, contactPersonId };
}

/** `PATCH /plan/areas/{activityAreaId}/guarantor`: the guarantor's department and email. */
export async function updateGuarantor(deps: PlanDeps, input: EditInput & { activityAreaId: string }): Promise<PlanChangeResult> {
  const { expectedRevision, ...fields } = parse(guarantorPatchSchema(), input.body, 'Změna garanta obsahuje chyby.');
  return commitPlan(deps, {
    ...input,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    reason: 'Změna garanta oblasti aktivit.',
    change: (plan) => {
      const area = plan.activityAreas.find((candidate) => candidate.id === input.activityAreaId);
      if (!area) throw new NotFoundError(`Oblast aktivit „${input.activityAreaId}“ v plánu není.`);
      Object.assign(area.guarantor, fields);
      return plan;
    },
  });
}

/** `POST /plan/projects`: a new project; asked for in an open cycle at once. */
export async function addProject(deps: PlanDeps, input: EditInput): Promise<PlanChangeResult & { projectId: string }> {
  const { expectedRevision, id, activityId, ...fields } = parse(newProjectSchema(), input.body, 'Nový projekt obsahuje chyby.');
  let projectId = '';
  const result = await commitPlan(deps, {
    ...input,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    reason: 'Přidání projektu.',
    change: (plan) => {
      const taken = new Set(plan.projects.map((candidate) => candidate.id));
      if (id !== undefined && taken.has(id)) throw new ConflictError(`Projekt „${id}“ už v plánu je.`, { id: 'Zvolte jiný identifikátor.' });
      projectId = id ?? freshId(fields.name, taken);
      plan.projects.push({ id: projectId, ...fields, placement: placementOf(activityId), lifecycle: 'active' });
      return plan;
    },
  });
  return { ...result, projectId };
}

/**
 * `PATCH /plan/projects/{id}`: rename, move to another activity (`activityId`), mark completed
 * or cancelled (`lifecycle`; the project leaves the next cycle), or reactivate (`active`).
 */
export async function updateProject(deps: PlanDeps, input: EditInput & { projectId: string }): Promise<PlanChangeResult> {
  const { expectedRevision, activityId, ...fields } = parse(projectPatchSchema(), input.body, 'Změna projektu obsahuje chyby.');
  return commitPlan(deps, {
    ...input,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    reason: 'Úprava projektu.',
    change: (plan) => {
      const project = requireProject(plan, input.projectId);
      Object.assign(project, fields);
      if (activityId !== undefined) project.placement = placementOf(activityId);
      return plan;
    },
  });
}

/** `PATCH /plan/indicators/{code}`: name, unit and baseline. */
export async function updateIndicator(deps: PlanDeps, input: EditInput & { code: string }): Promise<PlanChangeResult> {
  const { expectedRevision, ...fields } = parse(indicatorPatchSchema(), input.body, 'Změna indikátoru obsahuje chyby.');
  return commitPlan(deps, {
    ...input,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    reason: 'Úprava indikátoru.',
    change: (plan) => {
      const indicator = plan.indicators.find((candidate) => candidate.code === input.code);
      if (!indicator) throw new NotFoundError(`Indikátor „${input.code}“ v plánu není.`);
      Object.assign(indicator, fields);
      return plan;
    },
  });
}

