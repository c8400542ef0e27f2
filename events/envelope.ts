import * as z from 'zod/mini';
import { builtOnFirstUse } from '../domain/lazy';
import type { EventContract } from './contract';
import { EventContractError, type EventContractIssue } from './error';
import { entityId, isoInstant } from './fields';

/** The one shape every event travels in, whatever its type. */
export interface EventEnvelope<Type extends string = string, Version extends number = number, Data = unknown> {
  id: string;
  type: Type;
  version: Version;
  occurredAt: string;
  /** Ties together every event caused by one trigger (e.g. the opening of a cycle). */
  correlationId: string;
  data: Data;
}

/** The envelope a contract's events travel in. Distributes over unions of contracts. */
export type EventOf<C> = C extends EventContract<infer Type, infer Version, infer Data>
  ? EventEnvelope<Type, Version, Data>
  : never;

const envelopeSchema = builtOnFirstUse(() =>
  z.object({
    id: z.uuid(),
    type: z.string().check(z.minLength(1), z.maxLength(200)),
    version: z.number().check(z.int(), z.gte(1)),
    occurredAt: isoInstant(),
    correlationId: entityId(),
    // `z.unknown()` alone would let a missing `data` through as an optional key.
    data: z.unknown().check(z.refine((data) => data !== undefined, 'Required: an event always carries data')),
  }),
);

export function describeEvent(type: string | undefined, version: number | undefined): string {
  const subject = type === undefined ? 'an event of unknown type' : `"${type}"`;
  return version === undefined ? subject : `${subject} v${version}`;
}

function toIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): EventContractIssue[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path].map(String).join('.');
    return { path: path === '' ? '(root)' : path, message: issue.message };
  });
}

function formatIssues(issues: readonly EventContractIssue[]): string {
  return issues.map((issue) => `at "${issue.path}": ${issue.message}`).join('; ');
}

/** Reads type and version from a broken envelope so the error can still say which event it was. */
function peek(input: unknown): { type: string | undefined; version: number | undefined } {
  if (typeof input !== 'object' || input === null) return { type: undefined, version: undefined };
  const { type, version } = input as Record<string, unknown>;
  return {
    type: typeof type === 'string' ? type : undefined,
    version: typeof version === 'number' ? version : undefined,
  };
}

/** Validates the envelope only; `data` is left for the contract of the event's type and version. */
export function parseEnvelope(input: unknown): EventEnvelope {
  const result = envelopeSchema().safeParse(input);
  if (!result.success) {
    const { type, version } = peek(input);
    const issues = toIssues(result.error.issues);
    throw new EventContractError(
      `Invalid envelope of ${describeEvent(type, version)}: ${formatIssues(issues)}`,
      type,
      version,
      issues,
    );
  }
  return result.data as EventEnvelope;
}

/** Validates `data` of an already valid envelope against the contract of its type and version. */
export function parseData<Type extends string, Version extends number, Data>(
  contract: EventContract<Type, Version, Data>,
  envelope: EventEnvelope,
): EventEnvelope<Type, Version, Data> {
  const result = contract.schema.safeParse(envelope.data);
  if (!result.success) {
    const issues = toIssues(result.error.issues, ['data']);
    throw new EventContractError(
      `Invalid data of ${describeEvent(contract.type, contract.version)}: ${formatIssues(issues)}`,
      contract.type,
      contract.version,
      issues,
    );
  }
  return { ...envelope, type: contract.type, version: contract.version, data: result.data };
}

export interface CreateEventOptions {
  correlationId: string;
  now: Date;
  /** Defaults to a random UUID; pass one to make the event deterministic (tests, idempotent retries). */
  id?: string;
}

/**
 * Builds an event a consumer will accept: the same validation as `parseEvent` runs here, so a
 * producer bug fails where it is made, not in somebody else's queue.
 */
export function createEvent<Type extends string, Version extends number, Data>(
  contract: EventContract<Type, Version, Data>,
  data: Data,
  options: CreateEventOptions,
): EventEnvelope<Type, Version, Data> {
  const envelope = parseEnvelope({
    id: options.id ?? crypto.randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: options.now.toISOString(),
    correlationId: options.correlationId,
    data,
  });
  return parseData(contract, envelope);
}
