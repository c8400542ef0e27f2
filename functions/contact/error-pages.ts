/**
 * The contact persons' page for a refused or failed request; errors.ts chose the status. Only the
 * contact functions render it, so the JSON functions carry no page templates.
 */
import type { DomainError } from '../../domain/errors';
import { INVALID_LINK_MESSAGE } from '../../domain/use-cases/contact-workspace';
import { renderMessagePage, type MessagePageView } from '../../templates/page/message';
import { UNEXPECTED_ERROR_MESSAGE, type ErrorPages } from '../http/errors';
import { html, type HttpResponse } from '../http/responses';

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

function messageView(error: DomainError | null): MessagePageView {
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

export const contactErrorPages: ErrorPages = {
  page(status: number, error: DomainError | null): HttpResponse {
    return html(status, renderMessagePage(status === 404 ? invalidLinkView : messageView(error)));
  },
};
