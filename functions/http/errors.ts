/**
 * The one mapping from typed domain errors to HTTP answers. Anything that is not a DomainError is
 * a fault of ours: it is logged with its stack, and the caller gets a generic message and the
 * request id to quote, never the stack or the internal message.
 */
import { DomainError, type DomainErrorKind } from '../../domain/errors';
import { INVALID_LINK_MESSAGE } from '../../domain/use-cases/contact-workspace';
import { renderMessagePage, type MessagePageView } from '../../templates/page/message';
import { logger } from '../observability';
import { html, json, type HttpResponse } from './responses';

/**
 * Renders a refused (`error` set) or failed (`error` null) request as a page of one UI, with the
 * status this module chose. ARR's console brings its own, so the contact persons' functions do not
 * bundle the console's templates.
 */
export interface ErrorPages {
  page(status: number, error: DomainError | null): HttpResponse;
}

/** `html`: the contact person's pages; an `ErrorPages`: another UI's pages (ARR's console). */
export type ResponseFormat = 'json' | 'html' | ErrorPages;

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

/**
 * The page for every personal link that leads nowhere. It depends on nothing about the link, so a
 * never-issued, a revoked and a closed cycle's link are indistinguishable.
 */
const invalidLinkView: MessagePageView = {
  title: 'Odkaz není platný',
  message: INVALID_LINK_MESSAGE,
  hint: 'Otevřete prosím odkaz z posledního e-mailu, který vám ARR poslala. Pokud jej nemáte nebo také nefunguje, odpovězte na e-mail s pozvánkou a ARR vám pošle nový odkaz.',
  status: 'invalid-link',
};

export function invalidLinkPage(): HttpResponse {
  return html(404, renderMessagePage(invalidLinkView));
}

function htmlView(status: number, error: DomainError | null): MessagePageView {
  if (error === null) {
    return {
      title: 'Něco se pokazilo',
      message: UNEXPECTED_ERROR_MESSAGE,
      hint: 'Vaše podklady se možná neuložily. Načtěte stránku znovu a zkontrolujte je; pokud chyba trvá, obraťte se prosím na ARR.',
      status: 'error',
    };
  }
  return { title: 'Požadavek nelze vyřídit', message: error.message, status: 'error' };
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
    if (typeof format === 'object') return format.page(status, error);
    if (format === 'html') return status === 404 ? invalidLinkPage() : html(status, renderMessagePage(htmlView(status, error)));
    const details = Object.keys(error.details).length > 0 ? { details: error.details } : {};
    return json(status, { message: error.message, ...details });
  }
  logger.error('Request failed', error instanceof Error ? error : String(error));
  if (typeof format === 'object') return format.page(500, null);
  if (format === 'html') return html(500, renderMessagePage(htmlView(500, null)));
  return json(500, { message: UNEXPECTED_ERROR_MESSAGE, messageEn: UNEXPECTED_ERROR_MESSAGE_EN, requestId: context.requestId });
}
