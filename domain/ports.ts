/**
 * The ports the use cases need. Adapters implement them (DynamoDB, SQS, SES on AWS and on the
 * local emulators); unit tests implement them in memory. Nothing here knows about AWS.
 */
import type { AgencySections } from './agency';
import type { EditorialVersion, ReturnRecord } from './editorial';
import type { AnyEvent } from '../events';
import type { ActionPlan } from './plan';
import type {
  CycleContactRecord,
  CycleRecord,
  IndicatorState,
  ReminderRecord,
  RequestRecord,
  TokenRecord,
} from './records';
import type { MonitoringReport } from './report/model';
import type { SubmissionVersion } from './submission';
import type { CycleState } from './cycle';

export interface Clock {
  now(): Date;
}

export interface PlanCatalog {
  /** @throws NotFoundError when the plan was never loaded. */
  getPlan(planId: string): Promise<ActionPlan>;
  savePlan(plan: ActionPlan): Promise<void>;
}

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
  claimOnce(cycleId: string, attribute: 'steeringGroupNotificationClaimedAt', at: string): Promise<boolean>;
  releaseClaim(cycleId: string, attribute: 'steeringGroupNotificationClaimedAt'): Promise<void>;
  setReportAssembledAt(cycleId: string, at: string): Promise<void>;

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

  putContacts(contacts: CycleContactRecord[]): Promise<void>;
  listContacts(cycleId: string): Promise<CycleContactRecord[]>;
  getContact(cycleId: string, contactPersonId: string): Promise<CycleContactRecord | null>;
}

export interface SubmissionStore {
  /** Appends a version. @throws ConflictError when that version number exists already. */
  appendVersion(version: SubmissionVersion): Promise<void>;
  latestVersion(cycleId: string, projectId: string): Promise<SubmissionVersion | null>;
  listVersions(cycleId: string, projectId: string): Promise<SubmissionVersion[]>;
  /** The newest version of every project of a cycle. */
  latestVersions(cycleId: string): Promise<SubmissionVersion[]>;
}

export interface TokenStore {
  saveToken(token: TokenRecord): Promise<void>;
  findToken(tokenHash: string): Promise<TokenRecord | null>;
  /** @returns how many tokens were revoked. */
  revokeTokens(cycleId: string, contactPersonId: string, at: string): Promise<number>;
}

export interface ReminderLog {
  /** @returns false when that stage for that audience was recorded before (never sent twice). */
  recordReminder(reminder: ReminderRecord): Promise<boolean>;
  listReminders(cycleId: string): Promise<ReminderRecord[]>;
}

export interface IndicatorStore {
  getIndicatorState(cycleId: string): Promise<IndicatorState | null>;
  /** @returns false when the stored revision is not `expectedRevision` (null: nothing stored yet). */
  saveIndicatorState(state: IndicatorState, expectedRevision: number | null): Promise<boolean>;
}

export interface AgencyStore {
  putAgencySection(cycleId: string, sectionId: string, content: unknown, at: string): Promise<void>;
  getAgencySections(cycleId: string): Promise<AgencySections>;
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
  events: EventPublisher;
  mail: MailSender;
  tokenIssuer: TokenIssuer;
}
