export interface EventContractIssue {
  /** Dotted path inside the envelope, e.g. `data.audience.kind`; `(root)` for the envelope itself. */
  path: string;
  message: string;
}

/**
 * An event does not match any published contract. The message is English on purpose: it is read by
 * operators in logs and dead-letter queues, never by an end user.
 */
export class EventContractError extends Error {
  constructor(
    message: string,
    readonly eventType: string | undefined,
    readonly eventVersion: number | undefined,
    readonly issues: readonly EventContractIssue[] = [],
  ) {
    super(message);
    this.name = 'EventContractError';
  }
}
