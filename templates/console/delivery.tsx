/**
 * What SES said about the emails of a cycle: addresses that cannot be reached (a hard bounce or a
 * complaint; the person gets no more reminders and ARR should fix the address in the plan), and
 * soft bounces, which SES retries by itself and which are only shown.
 */
import type { VNode } from 'preact';
import { formatDateTime } from '../format';

export interface DeliveryProblem {
  contactPersonId: string;
  name: string;
  email: string;
  /** `hard-bounce`, `complaint` or `soft-bounce`. */
  outcome: 'hard-bounce' | 'complaint' | 'soft-bounce';
  /** SES's own words, e.g. `smtp; 550 5.1.1 user unknown`. */
  reason: string;
  at: Date;
}

export const DELIVERY_LABELS: Record<DeliveryProblem['outcome'], string> = {
  'hard-bounce': 'adresa je nedoručitelná',
  complaint: 'příjemce označil e-mail jako nevyžádaný',
  'soft-bounce': 'dočasně nedoručeno',
};

/** The flag next to a person in the dashboard's table. */
export function UndeliverableBadge(props: { outcome: 'hard-bounce' | 'complaint' }): VNode {
  return <span class="state state-late">{props.outcome === 'complaint' ? 'stížnost' : 'nedoručitelná adresa'}</span>;
}

function ProblemItem(props: { problem: DeliveryProblem; canFix: boolean }): VNode {
  const { problem } = props;
  return (
    <li>
      <strong>{problem.name}</strong> ({problem.email}): {DELIVERY_LABELS[problem.outcome]}, {formatDateTime(problem.at)}. Důvod podle SES: „{problem.reason || 'neuveden'}“
      {props.canFix && problem.outcome !== 'soft-bounce' ? (
        <>
          {' '}
          <a href={`/arr/plan/contacts/${encodeURIComponent(problem.contactPersonId)}`}>Opravit e-mail v plánu</a>
        </>
      ) : null}
    </li>
  );
}

/** `canFix`: ARR, in an open cycle, where a corrected address gets a new link at once. */
export function DeliverySection(props: { undeliverable: DeliveryProblem[]; softBounces: DeliveryProblem[]; canFix: boolean }): VNode | null {
  if (props.undeliverable.length === 0 && props.softBounces.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="doruceni">
      <h2 id="doruceni">Doručení e-mailů</h2>
      {props.undeliverable.length > 0 ? (
        <div class="delivery-alert">
          <p>
            <strong>E-maily na tyto adresy se nedoručily.</strong> Osoby nedostávají další připomínky a eskalace garantovi uvádí, že se
            pozvánka nedoručila.{props.canFix ? ' Po opravě e-mailu v plánu odejde na novou adresu nový odkaz.' : ''}
          </p>
          <ul>
            {props.undeliverable.map((problem) => (
              <ProblemItem problem={problem} canFix={props.canFix} />
            ))}
          </ul>
        </div>
      ) : null}
      {props.softBounces.length > 0 ? (
        <>
          <p>Dočasně nedoručené e-maily (SES je doručuje znovu sám; jen pro informaci):</p>
          <ul>
            {props.softBounces.map((problem) => (
              <ProblemItem problem={problem} canFix={false} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
