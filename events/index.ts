import { cycleClosedV1 } from './cycle-closed';
import { cycleOpenedV1 } from './cycle-opened';
import type { EventOf } from './envelope';
import { indicatorsRecomputedV1 } from './indicators-recomputed';
import { invitationRequestedV1 } from './invitation-requested';
import { projectReturnedV1 } from './project-returned';
import { createEventParser } from './registry';
import { reminderDueV1 } from './reminder-due';
import { reportReadyV1 } from './report-ready';
import { reportRequestedV1 } from './report-requested';
import { steeringGroupNotifiedV1 } from './steering-group-notified';
import { submissionReceivedV1 } from './submission-received';

export type { EventContract } from './contract';
export { createEvent, type CreateEventOptions, type EventEnvelope, type EventOf } from './envelope';
export { EventContractError, type EventContractIssue } from './error';
export { createEventParser } from './registry';
export { cycleClosedV1, type CycleClosedV1Data } from './cycle-closed';
export { cycleOpenedV1, type CycleOpenedV1Data } from './cycle-opened';
export { indicatorsRecomputedV1, type IndicatorsRecomputedV1Data } from './indicators-recomputed';
export { invitationRequestedV1, type InvitationRequestedV1Data } from './invitation-requested';
export { projectReturnedV1, type ProjectReturnedV1Data } from './project-returned';
export { reminderDueV1, type ReminderDueV1Data } from './reminder-due';
export { reportReadyV1, type ReportReadyV1Data } from './report-ready';
export { reportRequestedV1, type ReportRequestedV1Data } from './report-requested';
export { steeringGroupNotifiedV1, type SteeringGroupNotifiedV1Data } from './steering-group-notified';
export { submissionReceivedV1, type SubmissionReceivedV1Data } from './submission-received';

/** Every contract a consumer must accept. A new version is added here beside the old one, never instead. */
export const eventContracts = [
  cycleOpenedV1,
  invitationRequestedV1,
  reminderDueV1,
  submissionReceivedV1,
  indicatorsRecomputedV1,
  cycleClosedV1,
  reportRequestedV1,
  reportReadyV1,
  steeringGroupNotifiedV1,
  projectReturnedV1,
] as const;

export type AnyEventContract = (typeof eventContracts)[number];

/** Any valid event, discriminated on `type` (and `version` once a type has several). */
export type AnyEvent = EventOf<AnyEventContract>;

export type EventType = AnyEvent['type'];

export type EventOfType<Type extends EventType> = Extract<AnyEvent, { type: Type }>;

function typesOf(contracts: readonly AnyEventContract[]): readonly EventType[] {
  return [...new Set(contracts.map((contract) => contract.type))];
}

// Pure: a function that only publishes events bundles the contracts it creates, not all of them.
export const eventTypes: readonly EventType[] = /* @__PURE__ */ typesOf(eventContracts);

/**
 * Validates the envelope, then `data` against the contract of the event's type and version.
 * Throws `EventContractError` naming the type, version and failing path.
 */
export const parseEvent: (input: unknown) => AnyEvent = /* @__PURE__ */ createEventParser(eventContracts);
