/** The confirmation before ARR closes a cycle: closing cannot be undone. */
import { countOf, PROJECT_GENITIVE_FORMS } from '../../domain/czech-plural';
import { deadlineStatus, describeDeadlineStatus, formatDeadline } from '../format';
import { renderPage } from '../jsx/render';
import { ConsolePage, cyclePath, CsrfField, Progress, type ConsoleFrameUser } from './layout';

export interface CloseConfirmationView {
  user: ConsoleFrameUser;
  cycleId: string;
  periodLabel: string;
  submitted: number;
  total: number;
  deadline: Date;
  now: Date;
}

export function renderCloseConfirmation(view: CloseConfirmationView): string {
  const path = cyclePath(view.cycleId);
  const status = deadlineStatus(view.deadline, view.now);
  return renderPage(
    <ConsolePage
      title={`Uzavřít cyklus ${view.periodLabel}`}
      user={view.user}
      breadcrumbs={[{ href: '/arr', label: 'Cykly' }, { href: path, label: view.periodLabel }, { label: 'Uzavření' }]}
    >
      <h1>Uzavřít cyklus {view.periodLabel}?</h1>
      <div class="panel">
        <Progress done={view.submitted} total={view.total} label="Odevzdané projekty" />
        <p>
          Po uzavření už kontaktní osoby nemohou podklady posílat ani opravovat a sestaví se monitorovací zpráva. Uzavření nelze vrátit
          zpět.
        </p>
        {view.submitted < view.total ? <p class="form-error">Podklady ještě chybějí u {countOf(view.total - view.submitted, PROJECT_GENITIVE_FORMS)}.</p> : null}
        {/* Closing before the deadline cuts the persons' time short: said plainly, since it cannot be undone. */}
        {status.kind === 'ahead' ? (
          <p class="form-error">
            Termín odevzdání {formatDeadline(view.deadline)} ještě neuplynul ({describeDeadlineStatus(status)}); po uzavření už kontaktní osoby nic
            neodevzdají.
          </p>
        ) : null}
        <form method="post" action={`${path}/close`} class="actions">
          <CsrfField token={view.user.csrf} />
          <button type="submit" class="danger">
            Ano, uzavřít cyklus
          </button>
          <a class="button-link secondary" href={path}>
            Ne, zpět na přehled
          </a>
        </form>
      </div>
    </ConsolePage>,
  );
}
