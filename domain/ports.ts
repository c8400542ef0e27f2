/**
 * The ports the use cases need. Adapters implement them (DynamoDB, SQS, SES on AWS and on the
 * local emulators); unit tests implement them in memory. Nothing here knows about AWS.
 */
import type { AgencySections } from './agency';
import type { AnnualTextRecord } from './annual-texts';
import type { EditorialVersion, ReturnRecord } from './editorial';
import type {
  EscalationView,
  InvitationView,
  ProjectReturnedView,
  ReminderView,
  RenderedEmail,
  SteeringGroupNoticeView,
  UndeliverableView,
} from './emails';
import type { AnyEvent } from '../events';
import type { ActionPlan } from './plan';
import type { PlanRevision, PlanRevisionSummary } from './plan-history';
import type {
  CycleContactRecord,
  CycleRecord,
  AppliedContribution,
  IndicatorTotalsRecord,
  DeliveryEventRecord,
  UndeliverableAddress,
  ReminderRecord,
  RequestRecord,
  TokenRecord,
} from './records';
import type { AnnualReport, MonitoringReport } from './report/model';
import type { SubmissionVersion } from './submission';
import type { CycleState } from './cycle';

export interface Clock {
  now(): Date;
}

export interface StoredPlan {
  plan: ActionPlan;
  /** The revision the stored plan is at; 0 for a plan stored without history (bench, tests). */
  revision: number;
}

/**
 * The action plan and its versions. A change is two steps: `appendRevision` claims the next
 * revision number with the whole new plan (only one writer can), then `savePlan` makes it the
 * current plan. A crash in between leaves a claimed revision that the next writer rolls forward.
 */
export interface PlanCatalog {
  /**
   * `currentRevision`, when the caller has just read it (strongly consistent, with other items),
   * spares a catalog that keeps the plan in memory its own read of it.
   * @throws NotFoundError when the plan was never loaded.
   */
  getPlan(planId: string, currentRevision?: number): Promise<ActionPlan>;
  /** The current plan with its revision, or null when none was ever stored. */
  getStoredPlan(planId: string): Promise<StoredPlan | null>;
  /** The revision of the current plan (0 when none): a cheap read to tell whether a copy is stale. */
  currentRevision(planId: string): Promise<number>;
  /** Writes the plan as the current one, at `revision` (default 0: no history). */
  savePlan(plan: ActionPlan, revision?: number): Promise<void>;
  /**
   * Records a revision. @returns false when that revision number exists already.
   * @throws ValidationError, claiming nothing, for a plan too large for the store to hold.
   */
  appendRevision(revision: PlanRevision): Promise<boolean>;
  getRevision(planId: string, revision: number): Promise<PlanRevision | null>;
  /** Every revision, oldest first, without the plans. */
  listRevisions(planId: string): Promise<PlanRevisionSummary[]>;
}

/** The counts on the cycle a submission tells completeness by (absent on a cycle that never had them). */
export interface CycleCounts {
  requestCount: number | undefined;
  submittedCount: number | undefined;
}

/** Cycle attributes set once: the steering group's notice, and the plan settled after the cycle. */
export type CycleClaim = 'steeringGroupNotificationClaimedAt' | 'projectsSettledAt';

export interface CycleStore {
  getCycle(cycleId: string): Promise<CycleRecord | null>;
  listCycles(): Promise<CycleRecord[]>;
  /** Stores a new cycle. @returns false when a cycle with that id exists already. */
  createCycle(cycle: CycleRecord): Promise<boolean>;
  /**
   * Moves a cycle from one state to another and sets `changes`, only if it is still in `from`.
   * @returns false when the cycle was no longer in `from` (someone else moved it).
   */
  transitionCycle(cycleId: string, from: CycleState, to: CycleState, changes: Partial<CycleRecord>): Promise<boolean>;
  /** Sets attributes that are claimed once: succeeds only if `attribute` is not set yet. */
  claimOnce(cycleId: string, attribute: CycleClaim, at: string): Promise<boolean>;
  releaseClaim(cycleId: string, attribute: CycleClaim): Promise<void>;
  setReportAssembledAt(cycleId: string, at: string): Promise<void>;
  /** Sets `reportStaleSince` unless it is set already (the earliest unassembled edit counts). */
  markReportStale(cycleId: string, at: string): Promise<void>;
  /** Clears `reportStaleSince` if it is still `since`: an edit after that marks it again. */
  clearReportStale(cycleId: string, since: string): Promise<void>;

  putRequests(requests: RequestRecord[]): Promise<void>;
  listRequests(cycleId: string): Promise<RequestRecord[]>;
  /** The requests of the given projects (e.g. one contact person's), missing ones left out. */
  getRequests(cycleId: string, projectIds: string[]): Promise<RequestRecord[]>;
  /**
   * Records that `version` of a project was counted; keeps the first submission time.
   * @returns true when this was the project's first counted submission.
   */
  markRequestSubmitted(cycleId: string, projectId: string, version: number, at: string): Promise<boolean>;
  /** Adds one to the cycle's `submittedCount`. */
  incrementSubmittedCount(cycleId: string): Promise<void>;
  /**
   * Sets the cycle's counts to `actual` if they are still `seen` (a count written meanwhile wins).
   * @returns false when they were not.
   */
  correctCounts(cycleId: string, seen: CycleCounts, actual: { requestCount: number; submittedCount: number }): Promise<boolean>;

  putContacts(contacts: CycleContactRecord[]): Promise<void>;
  listContacts(cycleId: string): Promise<CycleContactRecord[]>;
  getContact(cycleId: string, contactPersonId: string): Promise<CycleContactRecord | null>;

  /** A project asked for in a cycle already open. @returns false when it was asked for already. */
  addRequest(request: RequestRecord): Promise<boolean>;
  /** Drops a project from a cycle (ARR removed it from the plan). @returns false when it was not there. */
  removeRequest(cycleId: string, projectId: string): Promise<boolean>;
  /** Adds a project to a person's part of an open cycle; `created` when the person was new to the cycle. */
  addContactProject(cycleId: string, contactPersonId: string, projectId: string, address: string | undefined): Promise<'created' | 'added' | 'present'>;
  /** Takes a project from a person's part of an open cycle. @returns false when it was not theirs. */
  removeContactProject(cycleId: string, contactPersonId: string, projectId: string): Promise<boolean>;
  /**
   * Sets the contact persons of a project asked for in an open cycle, only if they are still
   * `from` (ARR changed them in the plan). @returns false when the request is gone or its persons
   * changed meanwhile.
   */
  setRequestContacts(
    cycleId: string,
    projectId: string,
    change: { from: string[]; to: string[]; contactsAddedAt: Record<string, string> },
  ): Promise<boolean>;

  /** @returns false when this SES event was recorded before (a redelivery): nothing else is to be done. */
  recordDeliveryEvent(event: DeliveryEventRecord): Promise<boolean>;
  listDeliveryEvents(cycleId: string): Promise<DeliveryEventRecord[]>;
  /** Flags the person's address in the cycle; the first flag is kept. */
  markUndeliverable(cycleId: string, contactPersonId: string, address: UndeliverableAddress): Promise<void>;
  /** Records the person's new address, and removes the undeliverable flag and the notice claim. */
  readdressContact(cycleId: string, contactPersonId: string, address: string): Promise<void>;
  /** Claims the one notice to ARR about this person in this cycle. @returns false when claimed before. */
  claimUndeliverableNotice(cycleId: string, contactPersonId: string, at: string): Promise<boolean>;
  /** Gives the claim back when the notice could not be sent, so a retry sends it. */
  releaseUndeliverableNotice(cycleId: string, contactPersonId: string): Promise<void>;
}

export interface SubmissionStore {
  /** Appends a version. @throws ConflictError when that version number exists already. */
  appendVersion(version: SubmissionVersion): Promise<void>;
  latestVersion(cycleId: string, projectId: string): Promise<SubmissionVersion | null>;
  listVersions(cycleId: string, projectId: string): Promise<SubmissionVersion[]>;
  /** The newest version of every project of a cycle. */
  latestVersions(cycleId: string): Promise<SubmissionVersion[]>;
}

/** What a personal link leads to, read together: see `TokenStore.findLink`. */
export interface ContactLink {
  token: TokenRecord;
  /** Null when the token's cycle or the person's contact in it is not stored. */
  cycle: CycleRecord | null;
  contact: CycleContactRecord | null;
  /** Per project asked for: the stored version named (null when no such version is stored). */
  versions: Map<string, SubmissionVersion | null>;
  /** The current revision of the cycle's plan (`PlanCatalog.currentRevision`), when read with the rest. */
  planRevision?: number;
}

export interface TokenStore {
  saveToken(token: TokenRecord): Promise<void>;
  findToken(tokenHash: string): Promise<TokenRecord | null>;
  /**
   * A link's token with its cycle, the person's contact in the cycle and, for each of `versions`,
   * that stored version of the project in the token's cycle (version 0 is never stored: null).
   * Every item is read strongly consistent on every call, so a revocation, a closing or a new
   * version is seen by the very next read; only the store's way of reaching them (in as few round
   * trips as it can) may depend on earlier calls. @returns null when no such token is stored.
   */
  findLink(tokenHash: string, versions?: ReadonlyArray<{ projectId: string; version: number }>): Promise<ContactLink | null>;
  /** @returns how many tokens were revoked. */
  revokeTokens(cycleId: string, contactPersonId: string, at: string): Promise<number>;
  /**
   * Whether a link was issued to the person in the cycle at or after `since` (an ISO time),
   * revoked or not: every email to a contact person issues one before it is sent. May miss a link
   * issued a few seconds ago.
   */
  hasIssuedLink(cycleId: string, contactPersonId: string, since: string): Promise<boolean>;
}

export interface ReminderLog {
  /** @returns false when that stage for that audience was recorded before (never sent twice). */
  recordReminder(reminder: ReminderRecord): Promise<boolean>;
  /**
   * Removes a record this run made, whose reminder could not be queued, so that the next run
   * queues it. A record made by another run (another `queuedAt`) is left alone.
   */
  releaseReminder(reminder: ReminderRecord): Promise<void>;
  /**
   * Marks a `pending` record as queued, once its event reached the queue. Only the run that made
   * the record (the same `queuedAt`) confirms it.
   */
  confirmReminder(reminder: ReminderRecord): Promise<void>;
  /**
   * Takes over a record still `pending` since `reminder.queuedAt` (its run died before queueing
   * it), as queued at `queuedAt` and still pending. @returns false when it is no longer that
   * record: another run took it over or confirmed it first.
   */
  reclaimReminder(reminder: ReminderRecord, queuedAt: string): Promise<boolean>;
  listReminders(cycleId: string): Promise<ReminderRecord[]>;
}

/**
 * The cycle's indicator totals and each project's applied contribution, as separate items: a
 * submission touches its own project's item and the small totals, never the whole cycle. The
 * protocol that keeps them exact without transactions is `foldContribution` in
 * use-cases/recompute-indicators.ts.
 */
export interface IndicatorStore {
  getTotals(cycleId: string): Promise<IndicatorTotalsRecord | null>;
  /** @returns false when the stored revision is not `expectedRevision` (null: nothing stored yet). */
  saveTotals(record: IndicatorTotalsRecord, expectedRevision: number | null): Promise<boolean>;
  /** Drops `inFlight[projectId]` if it is still `version`, as a new revision; otherwise nothing. */
  settleInFlight(cycleId: string, projectId: string, version: number): Promise<void>;

  getContribution(cycleId: string, projectId: string): Promise<AppliedContribution | null>;
  /**
   * Marks `pending` as being folded in, only if the applied version is still `appliedVersion`
   * (0: none yet) and nothing else is pending. @returns false otherwise.
   */
  beginContribution(
    cycleId: string,
    projectId: string,
    appliedVersion: number,
    pending: NonNullable<AppliedContribution['pending']>,
  ): Promise<boolean>;
  /** Makes the pending contribution of `version` the applied one. @returns false when it is no longer pending. */
  commitContribution(cycleId: string, projectId: string, version: number): Promise<boolean>;
  /** Every project's item of a cycle: provenance, and what the reminder sweep compares with the stored versions. */
  listContributions(cycleId: string): Promise<AppliedContribution[]>;
}

export interface AgencyStore {
  putAgencySection(cycleId: string, sectionId: string, content: unknown, at: string): Promise<void>;
  getAgencySections(cycleId: string): Promise<AgencySections>;
}

/** ARR's texts of the annual report, one item per year and key (last write of a text wins). */
export interface AnnualTextStore {
  listAnnualTexts(year: number): Promise<AnnualTextRecord[]>;
  putAnnualText(record: AnnualTextRecord): Promise<void>;
  /** Back to the pre-filled text; deleting a text that is not stored does nothing. */
  deleteAnnualText(year: number, key: string): Promise<void>;
}

/** ARR's returns (vráceno k doplnění) and editorial versions of projects' reports. */
export interface EditorialStore {
  /** Stores a return. @returns false when that version was returned already (nothing changed). */
  recordReturn(record: ReturnRecord): Promise<boolean>;
  /** Every return of a cycle, oldest version first per project. */
  listReturns(cycleId: string): Promise<ReturnRecord[]>;
  /** One project's returns, oldest first. */
  listProjectReturns(cycleId: string, projectId: string): Promise<ReturnRecord[]>;
  /** Stores ARR's version of a project's texts, replacing the previous one (last write wins). */
  putEditorialVersion(editorial: EditorialVersion): Promise<void>;
  getEditorialVersion(cycleId: string, projectId: string): Promise<EditorialVersion | null>;
  listEditorialVersions(cycleId: string): Promise<EditorialVersion[]>;
}

export interface ReportStore {
  saveReport(cycleId: string, report: MonitoringReport): Promise<void>;
  getReport(cycleId: string): Promise<MonitoringReport | null>;
}

export interface EventPublisher {
  publish(events: AnyEvent[]): Promise<void>;
}

export interface OutgoingMail {
  to: string[];
  cc?: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: Array<{ filename: string; contentType: string; content: Uint8Array }>;
  /** Which cycle and contact person an email is for: SES hands them back with a bounce or complaint. */
  tags?: { cycleId: string; contactPersonId: string };
}

/** The reports as Word documents: rendering belongs to documents/, not to the domain. */
export interface ReportDocuments {
  monitoringReportDocx(report: MonitoringReport): Promise<Uint8Array>;
  /** The annual report with the half-years' monitoring reports as its annexes. */
  annualReportDocx(report: AnnualReport): Promise<Uint8Array>;
}

/** The emails' Czech text: rendering belongs to templates/email/, not to the domain. */
export interface EmailTemplates {
  invitation(view: InvitationView): RenderedEmail;
  /** To a person invited before: projects added to their part of the open cycle. */
  projectsAdded(view: InvitationView): RenderedEmail;
  reminder(view: ReminderView): RenderedEmail;
  projectReturned(view: ProjectReturnedView): RenderedEmail;
  /** To an activity area's guarantor (or ARR): the area's late projects and whom to chase. */
  escalation(view: EscalationView): RenderedEmail;
  steeringGroupNotice(view: SteeringGroupNoticeView): RenderedEmail;
  /** To ARR: an invitation bounced or was marked as spam. */
  undeliverable(view: UndeliverableView): RenderedEmail;
}

export interface MailSender {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** Personal-link tokens: 256 random bits, of which only the SHA-256 is ever stored. */
export interface TokenIssuer {
  issue(): { token: string; tokenHash: string };
  hash(token: string): string;
}

/** Settings that differ per deployment; read once by the composition root. */
export interface MonitoringConfig {
  planId: string;
  publicBaseUrl: string;
  arr: { name: string; email: string };
  steeringGroupEmails: string[];
  autoCloseGraceDays: number;
  steeringGroupNoticeDays: number;
}

export interface Dependencies {
  clock: Clock;
  config: MonitoringConfig;
  plans: PlanCatalog;
  cycles: CycleStore;
  submissions: SubmissionStore;
  tokens: TokenStore;
  reminders: ReminderLog;
  indicators: IndicatorStore;
  agency: AgencyStore;
  editorial: EditorialStore;
  reports: ReportStore;
  annualTexts: AnnualTextStore;
  events: EventPublisher;
  mail: MailSender;
  emails: EmailTemplates;
  documents: ReportDocuments;
  tokenIssuer: TokenIssuer;
}
