import { escapeHtml } from '../html';
import { pageDocument } from './layout';

export interface MessagePageView {
  title: string;
  message: string;
  hint?: string;
  status: 'invalid-link' | 'closed' | 'error';
}

/** A dead end explained: a wrong, expired or revoked link, a closed cycle, or an unexpected error. */
export function renderMessagePage(view: MessagePageView): string {
  const hint = view.hint ? `\n<p>${escapeHtml(view.hint)}</p>` : '';
  return pageDocument(
    view.title,
    `<h1>${escapeHtml(view.title)}</h1>
<div class="panel message-${view.status}">
<p>${escapeHtml(view.message)}</p>${hint}
</div>`,
  );
}
