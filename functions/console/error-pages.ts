/** The console's page for a refused or failed request; errors.ts chose the status. */
import type { DomainError } from '../../domain/errors';
import { renderConsoleMessage } from '../../templates/console/message';
import { UNEXPECTED_ERROR_MESSAGE, type ErrorPages } from '../http/errors';
import { html, type HttpResponse } from '../http/responses';

const TITLES: Record<number, string> = {
  400: 'Požadavek nelze vyřídit',
  401: 'Přihlaste se prosím znovu',
  403: 'Přístup odepřen',
  404: 'Stránka nenalezena',
  409: 'Akci nelze provést',
  410: 'Cyklus je uzavřen',
};

const BACK_TO_CYCLES = { href: '/arr', label: 'Zpět na přehled cyklů' };

/** A refused sign-in leads back to signing in; every other dead end back to the cycles. */
export const consoleErrorPages: ErrorPages = {
  page(status: number, error: DomainError | null): HttpResponse {
    if (error === null) {
      return html(500, renderConsoleMessage({ title: 'Něco se pokazilo', message: UNEXPECTED_ERROR_MESSAGE, tone: 'error', link: BACK_TO_CYCLES }));
    }
    const link = status === 401 ? { href: '/arr/sign-in', label: 'Přihlásit se' } : BACK_TO_CYCLES;
    return html(status, renderConsoleMessage({ title: TITLES[status] ?? 'Požadavek nelze vyřídit', message: error.message, tone: 'error', link }));
  },
};
