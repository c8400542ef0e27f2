/**
 * The one mapping from typed domain errors to HTTP answers. Anything that is not a DomainError is
 * a fault of ours: it is logged with its stack, and the caller gets a generic message and the
 * request id to quote, never the stack or the internal message.
 */
import { DomainError, type DomainErrorKind } from '../../domain/errors';
import { logger } from '../observability';
import { json, type HttpResponse } from './responses';

/**
 * Renders a refused (`error` set) or failed (`error` null) request as a page of one UI, with the
 * status this module chose. Each UI brings its own (functions/contact/error-pages.ts,
 * functions/console/error-pages.ts), so no function bundles another UI's templates and the JSON
 * functions bundle none.
 */
export interface ErrorPages {
  page(status: number, error: DomainError | null): HttpResponse;
}

/** `json` for API clients; an `ErrorPages` for a UI's pages. */
export type ResponseFormat = 'json' | ErrorPages;

export interface ErrorMappingOptions {
  /** 422 where a person's form is validated (the input is understood but not acceptable); else 400. */
  validationStatus?: 400 | 422;
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'illegal-transition': 409,
};

export const UNEXPECTED_ERROR_MESSAGE = 'Nastala neočekávaná chyba. Zkuste to prosím později.';
const UNEXPECTED_ERROR_MESSAGE_EN = 'An unexpected error occurred. Please try again later.';

export function statusOf(error: DomainError, options: ErrorMappingOptions = {}): number {
  return error.kind === 'validation' ? (options.validationStatus ?? 400) : STATUS_BY_KIND[error.kind];
}

/** Maps any thrown value to a response and logs it once, at a level matching whose fault it was. */
export function errorResponse(
  error: unknown,
  format: ResponseFormat,
  context: { requestId: string } & ErrorMappingOptions,
): HttpResponse {
  if (error instanceof DomainError) {
    const status = statusOf(error, context);
    logger.info('Request refused', { status, kind: error.kind, errorMessage: error.message, fields: Object.keys(error.details) });
    if (format !== 'json') return format.page(status, error);
    const details = Object.keys(error.details).length > 0 ? { details: error.details } : {};
    return json(status, { message: error.message, ...details });
  }
  logger.error('Request failed', error instanceof Error ? error : String(error));
  if (format !== 'json') return format.page(500, null);
  return json(500, { message: UNEXPECTED_ERROR_MESSAGE, messageEn: UNEXPECTED_ERROR_MESSAGE_EN, requestId: context.requestId });
}
