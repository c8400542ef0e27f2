/**
 * Typed domain errors, one meaning each. Adapters and handlers never invent their own: the HTTP
 * layer maps each `kind` to a status in one place (functions/http/errors.ts).
 * `message` is Czech when an end user may read it.
 */
export type DomainErrorKind =
  | 'validation'
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'illegal-transition';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Field-level details, e.g. `{ thisPeriod: 'Vyplňte, co se v období udělalo.' }`. */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details: Record<string, string> = {}) {
    super('validation', message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('not-found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, string> = {}) {
    super('conflict', message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message: string) {
    super('unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

export class IllegalTransitionError extends DomainError {
  constructor(
    readonly from: string,
    readonly action: string,
  ) {
    super('illegal-transition', `Cyklus ve stavu „${from}“ nelze ${action}.`);
  }
}
