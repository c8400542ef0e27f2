import { createEvent, invitationRequestedV1 } from '../../events';
import { parseAgencySection, type AgencySectionId } from '../agency';
import { computeCompleteness, type Completeness } from '../completeness';
import { cycleStateLabels } from '../cycle';
import {
  CHANGED_SINCE_EDIT_LABEL,
  changedSinceEditorial,
  PROJECT_RETURNED_LABEL,
  standingReturns,
  type EditorialVersion,
  type ReturnRecord,
} from '../editorial';
import { NotFoundError, ValidationError } from '../errors';
import { computeIndicators, type IndicatorValue } from '../indicators';
import { parsePeriodId } from '../period';
import type { ActionPlan, IndicatorDefinition } from '../plan';
import type { Dependencies } from '../ports';
import type { CycleRecord, DeliveryEventRecord, ReminderRecord, RequestRecord, UndeliverableAddress } from '../records';
import type { MonitoringReport } from '../report/model';
import type { SubmissionVersion } from '../submission';
import { buildSlipAppendix, type SlipAppendixRow } from '../slips/report';
import { readMonitoringReport } from './assemble-report';
import { detectCycleSlips } from './detect-slips';
import { previousIndicatorValues } from './recompute-indicators';
import { refreshAssembledReport } from './refresh-report';

type ReadDeps = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions' | 'reminders' | 'indicators' | 'editorial' | 'reports'>;

async function requireCycle(deps: Pick<Dependencies, 'cycles'>, cycleId: string): Promise<CycleRecord> {
  const cycle = await deps.cycles.getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`Cyklus ${cycleId} neexistuje.`);
  return cycle;
}

async function completenessOf(
  deps: Pick<Dependencies, 'clock' | 'cycles' | 'editorial'>,
  cycle: CycleRecord,
  read?: { requests: RequestRecord[]; returns: ReturnRecord[] },
): Promise<Completeness> {
  const [requests, returns] = read
    ? [read.requests, read.returns]
    : await Promise.all([deps.cycles.listRequests(cycle.id), deps.editorial.listReturns(cycle.id)]);
  const standing = standingReturns(requests, returns);
  return computeCompleteness({
    requests: requests.map((request) => ({ projectId: request.projectId, contactPersonIds: request.contactPersonIds })),
    submittedAt: Object.fromEntries(
      requests.flatMap((request) => (request.firstSubmittedAt ? [[request.projectId, request.firstSubmittedAt]] : [])),
    ),
    returned: Object.fromEntries(
      [...standing].map(([projectId, record]) => [projectId, { version: record.version, returnedAt: record.returnedAt }]),
    ),
    deadline: new Date(cycle.deadline),
    now: deps.clock.now(),
  });
}

/**
 * A cycle and how many of its projects have answered: what the close confirmation shows, without
 * the dashboard's reminders, deliveries and slips.
 */
export async function getCycleCompleteness(
  deps: Pick<Dependencies, 'clock' | 'cycles' | 'editorial'>,
  cycleId: string,
): Promise<{ cycle: CycleRecord; completeness: Completeness }> {
  const cycle = await requireCycle(deps, cycleId);
  return { cycle, completeness: await completenessOf(deps, cycle) };
}

export interface CycleSummary extends CycleRecord {
  stateLabel: string;
  totals: Completeness['totals'];
}

/** `GET /cycles`: every cycle, newest first, with its completeness totals. */
export async function listCycles(deps: Pick<Dependencies, 'clock' | 'cycles' | 'editorial'>): Promise<CycleSummary[]> {
  const cycles = (await deps.cycles.listCycles()).sort((a, b) => b.id.localeCompare(a.id));
  return Promise.all(
    cycles.map(async (cycle) => ({
      ...cycle,
      stateLabel: cycleStateLabels[cycle.state],
      totals: (await completenessOf(deps, cycle)).totals,
    })),
  );
}

/**
 * The half-years loaded from past reports, newest first, for the page that imports one. Unlike
 * `listCycles`, no completeness: nobody was asked in them, and reading every cycle's requests
 * and returns for a list of names would be waste.
 */
export async function listImportedCycles(deps: Pick<Dependencies, 'cycles'>): Promise<Array<{ id: string; label: string }>> {
  return (await deps.cycles.listCycles())
    .filter((cycle) => cycle.source === 'import')
    .sort((a, b) => b.id.localeCompare(a.id))
    .map((cycle) => ({ id: cycle.id, label: parsePeriodId(cycle.id).label }));
}

export type ProjectFlagCode = 'returned' | 'arr-edited' | 'changed-since-arr-edit';

/** What the dashboard marks at a project besides its completeness status. */
export interface ProjectFlag {
  code: ProjectFlagCode;
  /** Czech, as the dashboard shows it. */
  label: string;
  at: string;
}

export const projectFlagLabels: Record<ProjectFlagCode, string> = {
  returned: PROJECT_RETURNED_LABEL,
  'arr-edited': 'text do zprávy upravila ARR',
  'changed-since-arr-edit': CHANGED_SINCE_EDIT_LABEL,
};

export interface CycleOverview {
  cycle: CycleRecord & { stateLabel: string };
  completeness: Completeness;
  /** Only projects with at least one flag, in the order of the requests. */
  projectFlags: Array<{ projectId: string; flags: ProjectFlag[] }>;
  reminders: ReminderRecord[];
  /** Per contact person: what SES said about their emails, newest first; `undeliverable` flags the dashboard. */
  delivery: Array<{ contactPersonId: string; undeliverable: UndeliverableAddress | null; events: DeliveryEventRecord[] }>;
  /**
   * The projects slipping in this period, with their reasons, in the report's order: computed
   * from the history of periods at every read, so it follows each new submission.
   */
  slips: SlipAppendixRow[];
  /** What contact persons wrote in „Poznámka pro ARR“, which the contact form promises is for ARR only. */
  notesToArr: Array<{ projectId: string; version: number; submittedBy: string; submittedAt: string; note: string }>;
}

/**
 * The dashboard's flags: a standing return, ARR's edit of the texts, and a version the person
 * sent after that edit (which the report does not print until ARR looks at it again).
 */
function projectFlagsOf(requests: RequestRecord[], completeness: Completeness, editorials: EditorialVersion[]): CycleOverview['projectFlags'] {
  const editorialByProject = new Map(editorials.map((editorial) => [editorial.projectId, editorial]));
  const returnedByProject = new Map(completeness.projects.flatMap((project) => (project.returned ? [[project.projectId, project.returned]] : [])));
  return requests.flatMap((request) => {
    const flags: ProjectFlag[] = [];
    const returned = returnedByProject.get(request.projectId);
    if (returned) flags.push({ code: 'returned', label: projectFlagLabels.returned, at: returned.returnedAt });
    const editorial = editorialByProject.get(request.projectId) ?? null;
    if (editorial) flags.push({ code: 'arr-edited', label: projectFlagLabels['arr-edited'], at: editorial.editedAt });
    if (changedSinceEditorial(editorial, request.latestVersion ?? 0)) {
      flags.push({ code: 'changed-since-arr-edit', label: projectFlagLabels['changed-since-arr-edit'], at: editorial?.editedAt ?? '' });
    }
    return flags.length > 0 ? [{ projectId: request.projectId, flags }] : [];
  });
}

/** `GET /cycles/{id}`: state, completeness per project and person, the projects' flags, the reminder history, delivery problems, the slips and the persons' notes for ARR. */
export async function getCycleOverview(deps: ReadDeps, cycleId: string): Promise<CycleOverview> {
  const cycle = await requireCycle(deps, cycleId);
  const [requests, versions, returns, editorials, reminders, contacts, events, plan] = await Promise.all([
    deps.cycles.listRequests(cycle.id),
    deps.submissions.latestVersions(cycle.id),
    deps.editorial.listReturns(cycle.id),
    deps.editorial.listEditorialVersions(cycle.id),
    deps.reminders.listReminders(cycle.id),
    deps.cycles.listContacts(cycle.id),
    deps.cycles.listDeliveryEvents(cycle.id),
    deps.plans.getPlan(cycle.planId),
  ]);
  const [completeness, findings] = await Promise.all([
    completenessOf(deps, cycle, { requests, returns }),
    detectCycleSlips(deps, cycle.id, { requests, versions }),
  ]);
  const delivery = contacts
    .map((contact) => ({
      contactPersonId: contact.contactPersonId,
      undeliverable: contact.undeliverable ?? null,
      events: events
        .filter((event) => event.contactPersonId === contact.contactPersonId)
        .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)),
    }))
    .filter((entry) => entry.undeliverable !== null || entry.events.length > 0);
  return {
    cycle: { ...cycle, stateLabel: cycleStateLabels[cycle.state] },
    completeness,
    projectFlags: projectFlagsOf(requests, completeness, editorials),
    reminders: reminders.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)),
    delivery,
    slips: buildSlipAppendix(plan, cycle.id, findings).rows,
    notesToArr: notesToArrOf(requests, versions),
  };
}

/** The notes the newest versions carry, newest first; a person who cleared the note has no note. */
function notesToArrOf(requests: RequestRecord[], versions: SubmissionVersion[]): CycleOverview['notesToArr'] {
  const requested = new Set(requests.map((request) => request.projectId));
  return versions
    .flatMap((version) =>
      version.noteToArr && requested.has(version.projectId)
        ? [{ projectId: version.projectId, version: version.version, submittedBy: version.submittedBy, submittedAt: version.submittedAt, note: version.noteToArr }]
        : [],
    )
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

export interface IndicatorRow extends IndicatorValue {
  cycleId: string;
  definition: IndicatorDefinition;
}

/**
 * The cycle's indicator values with their provenance. They are computed in full from the
 * stored versions, so what ARR reads never lags behind a queued recomputation.
 */
export async function getCycleIndicators(deps: ReadDeps, cycleId: string): Promise<IndicatorRow[]> {
  const cycle = await requireCycle(deps, cycleId);
  return indicatorsOf(deps, cycle, await deps.plans.getPlan(cycle.planId));
}

/** `getCycleIndicators` of a cycle already read, under its plan. */
async function indicatorsOf(deps: ReadDeps, cycle: CycleRecord, plan: ActionPlan): Promise<IndicatorRow[]> {
  const [latest, previous] = await Promise.all([
    deps.submissions.latestVersions(cycle.id),
    previousIndicatorValues(deps, cycle.id, plan.indicators),
  ]);
  const values = computeIndicators(
    plan.indicators,
    latest.map((version) => ({ projectId: version.projectId, version: version.version, contributions: version.indicatorContributions })),
    previous,
  );
  return values.map((value) => ({
    ...value,
    cycleId: cycle.id,
    definition: plan.indicators.find((definition) => definition.code === value.code) as IndicatorDefinition,
  }));
}

/** The cycles whose indicators count: run by the system (not taken from a report) and opened, oldest first. */
function countedCycles(cycles: CycleRecord[]): CycleRecord[] {
  return cycles.filter((cycle) => cycle.source === 'system' && cycle.state !== 'draft').sort((a, b) => a.id.localeCompare(b.id));
}

/** A cycle's indicator values, by activity area in the plan's order. */
export interface CycleIndicatorsByArea {
  cycle: CycleRecord;
  areas: Array<{ name: string; indicators: IndicatorRow[] }>;
}

/**
 * The indicators of the newest cycle whose indicators count, among `cycles` (its values so far
 * while it is open); null before the first cycle opens.
 */
export async function newestCycleIndicators(deps: ReadDeps, cycles: CycleRecord[]): Promise<CycleIndicatorsByArea | null> {
  const newest = countedCycles(cycles).at(-1);
  if (!newest) return null;
  const plan = await deps.plans.getPlan(newest.planId);
  const rows = await indicatorsOf(deps, newest, plan);
  const areas = plan.activityAreas.map((area) => ({
    name: area.name,
    indicators: rows.filter((row) => row.definition.activityAreaId === area.id),
  }));
  return { cycle: newest, areas: areas.filter((area) => area.indicators.length > 0) };
}

/** The indicators of every cycle whose indicators count, oldest first: the open-data export. */
export async function getAllIndicators(deps: ReadDeps): Promise<IndicatorRow[]> {
  const cycles = countedCycles(await deps.cycles.listCycles());
  const rows = await Promise.all(cycles.map(async (cycle) => indicatorsOf(deps, cycle, await deps.plans.getPlan(cycle.planId))));
  return rows.flat();
}

/**
 * `PUT /cycles/{id}/agency/{section}`: ARR's own chapters. Once the report exists, saving a
 * chapter of an open cycle marks the report stale (assembled again when read); after the close,
 * the report is requested again at once, because the steering group gets the stored one.
 */
export async function putAgencySection(
  deps: Pick<Dependencies, 'clock' | 'cycles' | 'agency' | 'events'>,
  input: { cycleId: string; sectionId: string; body: unknown; correlationId: string },
): Promise<{ sectionId: AgencySectionId; content: unknown }> {
  const cycle = await requireCycle(deps, input.cycleId);
  const content = parseAgencySection(input.sectionId, input.body);
  const now = deps.clock.now();
  await deps.agency.putAgencySection(cycle.id, input.sectionId, content, now.toISOString());
  await refreshAssembledReport(deps, cycle, input.correlationId, now);
  return { sectionId: input.sectionId as AgencySectionId, content };
}

/**
 * The monitoring report of a cycle: the stored one (assembled again first when a complete cycle
 * was edited since), or for a half-year taken from a report, the one built from it.
 */
export async function getMonitoringReport(
  deps: Parameters<typeof readMonitoringReport>[0],
  input: { cycleId: string; correlationId: string },
): Promise<MonitoringReport> {
  const cycle = await requireCycle(deps, input.cycleId);
  const report = await readMonitoringReport(deps, { cycleId: cycle.id, correlationId: input.correlationId });
  if (!report) throw new NotFoundError(`Monitorovací zpráva za cyklus ${cycle.id} ještě nebyla sestavena.`);
  return report;
}

/** Revokes every personal link of a contact person in a cycle. */
export async function revokeContactLinks(
  deps: Pick<Dependencies, 'clock' | 'cycles' | 'tokens'>,
  input: { cycleId: string; contactPersonId: string },
): Promise<{ revoked: number }> {
  await requireCycle(deps, input.cycleId);
  if (!(await deps.cycles.getContact(input.cycleId, input.contactPersonId))) {
    throw new NotFoundError(`Kontaktní osoba ${input.contactPersonId} v cyklu ${input.cycleId} není.`);
  }
  return { revoked: await deps.tokens.revokeTokens(input.cycleId, input.contactPersonId, deps.clock.now().toISOString()) };
}

/** Revokes the old links and sends the person a new invitation with a fresh one. */
export async function reissueContactLink(
  deps: Pick<Dependencies, 'clock' | 'cycles' | 'tokens' | 'events'>,
  input: { cycleId: string; contactPersonId: string; correlationId: string },
): Promise<{ revoked: number }> {
  const cycle = await requireCycle(deps, input.cycleId);
  if (cycle.state !== 'open') {
    throw new ValidationError('Nový odkaz lze vystavit jen v otevřeném cyklu.', { cycleId: `Cyklus je ve stavu „${cycleStateLabels[cycle.state]}“.` });
  }
  const result = await revokeContactLinks(deps, input);
  await deps.events.publish([
    createEvent(
      invitationRequestedV1,
      { cycleId: input.cycleId, contactPersonId: input.contactPersonId, replacesRevokedLinks: true },
      { correlationId: input.correlationId, now: deps.clock.now() },
    ),
  ]);
  return result;
}
