import { renderPage } from '../jsx/render';
import { PageLayout } from './layout';

export interface MessagePageView {
  title: string;
  message: string;
  hint?: string;
  status: 'invalid-link' | 'error';
}

/** A dead end explained: a link that cannot be used (never issued, revoked, closed cycle) or an unexpected error. */
export function renderMessagePage(view: MessagePageView): string {
  return renderPage(
    <PageLayout title={view.title}>
      <h1>{view.title}</h1>
      <div class={`panel message-${view.status}`}>
        <p>{view.message}</p>
        {view.hint ? <p>{view.hint}</p> : null}
      </div>
    </PageLayout>,
  );
}
