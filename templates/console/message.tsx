/** A console dead end explained: no access, an expired session, a missing cycle, a signed-out person. */
import type { VNode } from 'preact';
import { renderPage } from '../jsx/render';
import { ConsolePage, type ConsoleFrameUser } from './layout';

export interface ConsoleMessageView {
  title: string;
  message: string;
  /** A way on, e.g. signing in again. */
  link?: { href: string; label: string };
  tone: 'error' | 'info';
  user?: ConsoleFrameUser | undefined;
}

export function ConsoleMessage(view: ConsoleMessageView): VNode {
  return (
    <ConsolePage title={view.title} user={view.user}>
      <h1>{view.title}</h1>
      <div class={view.tone === 'error' ? 'panel message-error' : 'panel'}>
        <p>{view.message}</p>
        {view.link ? (
          <p>
            <a href={view.link.href}>{view.link.label}</a>
          </p>
        ) : null}
      </div>
    </ConsolePage>
  );
}

export function renderConsoleMessage(view: ConsoleMessageView): string {
  return renderPage(<ConsoleMessage {...view} />);
}
