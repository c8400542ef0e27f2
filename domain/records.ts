/**
 * What the system stores about a monitoring cycle. The storage adapter maps these to items of
 * the single DynamoDB table (see adapters/dynamodb/table-design.md); use cases only see these.
 */
import type { AgencySectionId } from './agency';
import type { CycleState } from './cycle';
import type { IndicatorFigure, IndicatorTotals } from './indicators';
import type { PeriodId } from './period';
import type { ReminderLadder, ReminderStage } from './reminders';

export interface CycleRecord {
  id: PeriodId;
  planId: string;
  state: CycleState;
  /** ISO instant: submissions are accepted until then (and until the cycle is closed). */
  deadline: string;
  /** Prague calendar day of the steering group's meeting. */
  meetingDate: string;
  reminderLadder: ReminderLadder;
  /** `import`: a past period read from an existing report, kept as history for pre-filling. */
  source: 'system' | 'import';
  createdAt: string;
  /** Projects asked for when the cycle opened. */
  requestCount?: number;
  /**
   * Projects with at least one submission, counted as they arrive so that completeness needs no
   * read of every request after each submission. A count lost to a crash delays the automatic
   * report until the morning sweep recounts the cycle (run-reminder-sweep.ts); the close
   * requests it anyway.
   */
  submittedCount?: number;
  openedAt?: string;
  closedAt?: string;
  closeReason?: 'manual' | 'deadline';
  reportAssembledAt?: string;
  /**
   * The first edit of a complete open cycle after its report was assembled: the report is
   * assembled again when read (or when the cycle closes), not once per edit.
   */
  reportStaleSince?: string;
  reportReadyAt?: string;
  steeringGroupNotifiedAt?: string;
  /** Set while a notification email is being sent, so two runs never both send it. */
  steeringGroupNotificationClaimedAt?: string;
  /**
   * When the projects reported completed or cancelled in this (closed) cycle were retired from
   * the plan. Set once: a project ARR reactivates afterwards stays active.
   */
  projectsSettledAt?: string;
  /**
   * Raised each time ARR moves the deadline: reminders are recorded per round, so the ladder
   * starts again from the new deadline instead of counting the stages sent before the move.
   */
  scheduleRound?: number;
  /** When ARR last moved the deadline or the meeting date. */
  rescheduledAt?: string;
}

/** Žádost o podklady: one project asked for in one cycle. */
export interface RequestRecord {
  cycleId: PeriodId;
  projectId: string;
  contactPersonIds: string[];
  /** First time a version was stored; completeness counts it. */
  firstSubmittedAt?: string;
  latestVersion?: number;
  /** When the project was added to the cycle already open; absent when the opening asked for it. */
  askedAt?: string;
  /**
   * By contact person: when ARR made them a contact person of the project while the cycle was
   * open (absent for those the request was made with). Kept only for the current persons.
   */
  contactsAddedAt?: Record<string, string>;
}

/** A contact person's part of a cycle: their projects, for one email and one link. */
export interface CycleContactRecord {
  cycleId: PeriodId;
  contactPersonId: string;
  projectIds: string[];
  /**
   * The address this cycle's links go to: the plan's when the person joined the cycle or when ARR
   * last changed it. A plan change cut short before the old links were revoked leaves it behind
   * the plan, which is how the next run (a save, the morning sweep) knows to finish it. Parts
   * written before it was kept have none.
   */
  address?: string;
  /**
   * Set when SES reported a hard bounce or a complaint for the person's address in this cycle:
   * no more reminders go there, the dashboard flags it, the escalation names it. Cleared when
   * ARR changes the person's email.
   */
  undeliverable?: UndeliverableAddress;
  /** ARR is told once per person and cycle that the invitation did not arrive. */
  undeliverableNoticeClaimedAt?: string;
}

/** What SES said about one email to a contact person. */
export type DeliveryOutcome = 'delivered' | 'soft-bounce' | 'hard-bounce' | 'complaint';

export interface UndeliverableAddress {
  outcome: 'hard-bounce' | 'complaint';
  email: string;
  /** SES's reason, e.g. `smtp; 550 5.1.1 user unknown` or the complaint's feedback type. */
  reason: string;
  at: string;
}

/** One SES event (bounce, complaint, delivery) recorded against a contact person in a cycle. */
export interface DeliveryEventRecord {
  cycleId: PeriodId;
  contactPersonId: string;
  /** Unique per SES event (its feedback id, or the message id for a delivery): recorded once. */
  eventId: string;
  outcome: DeliveryOutcome;
  email: string;
  reason: string;
  occurredAt: string;
  sesMessageId: string;
  recordedAt: string;
}

/** A personal link's token, stored only as its SHA-256 hash. */
export interface TokenRecord {
  tokenHash: string;
  cycleId: PeriodId;
  contactPersonId: string;
  issuedAt: string;
  revokedAt?: string;
}

/** Who a reminder was for: one contact person, or an activity area's guarantor (escalation). */
export type ReminderAudience =
  | { kind: 'contact'; contactPersonId: string }
  | { kind: 'guarantor'; activityAreaId: string };

export interface ReminderRecord {
  cycleId: PeriodId;
  stage: ReminderStage;
  audience: ReminderAudience;
  projectIds: string[];
  queuedAt: string;
  /** The cycle's schedule round when it was sent (absent: the first, 0). */
  round?: number;
  /**
   * Recorded, its event not yet known to be queued. Only a guarantor's escalation carries it: its
   * email issues no link, so the record itself is what tells a crash between recording it and
   * queueing it (the sweep then queues it again; see runReminderSweep).
   */
  pending?: true;
}

/**
 * The cycle's indicator totals: one small record whatever the size of the plan (see
 * `IndicatorTotals`). Which version of each project they include is kept in that project's
 * `AppliedContribution`, not here.
 */
export interface IndicatorTotalsRecord {
  cycleId: PeriodId;
  totals: IndicatorTotals;
  /** The values the totals make over the previous cycle's: what the next cycle starts from. */
  values: IndicatorFigure[];
  /** Projects whose contribution is included. */
  projects: number;
  /**
   * projectId → version whose contribution the totals include while that project's
   * `AppliedContribution` still shows it as pending. Empty between updates, except after a crash
   * (cleared by the next update); never more entries than updates in flight.
   */
  inFlight: Record<string, number>;
  /** Optimistic-concurrency counter: a save succeeds only on the revision it read. */
  revision: number;
  updatedAt: string;
}

/**
 * One project's contribution that the cycle's totals include (`version`, `contributions`; 0 and
 * `{}` before the first), and the newer one being folded in (`pending`). Together these items are
 * the totals' provenance: which version of which project made each value.
 */
export interface AppliedContribution {
  cycleId: PeriodId;
  projectId: string;
  version: number;
  contributions: Record<string, number>;
  pending?: { version: number; contributions: Record<string, number> };
}

export interface AgencySectionRecord {
  cycleId: PeriodId;
  sectionId: AgencySectionId;
  content: unknown;
  updatedAt: string;
}
