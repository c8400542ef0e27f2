/** The console's start page: every cycle with its state, dates and completeness, and the form that opens a half-year. */
import type { VNode } from 'preact';
import { formatDeadline, formatIsoDate } from '../format';
import { renderPage } from '../jsx/render';
import { ConsolePage, cyclePath, CsrfField, ErrorSummary, InputField, Progress, TableWrap, type ConsoleFrameUser } from './layout';

export interface CycleRow {
  id: string;
  periodLabel: string;
  stateLabel: string;
  deadline: Date;
  meetingDate: string;
  submitted: number;
  total: number;
  late: number;
  imported: boolean;
}

export interface OpenCycleFormValues {
  period: string;
  deadline: string;
  meetingDate: string;
  daysBeforeDeadline: string;
  overdueAfterDays: string;
  escalateAfterDays: string;
}

export interface CyclesView {
  user: ConsoleFrameUser;
  cycles: CycleRow[];
  /** Only ARR opens cycles: the form is left out for the steering group. */
  openForm: {
    /** `previousMissing`: the label of the half-year before, when it has no cycle, not even one taken from a report. */
    periods: Array<{ id: string; label: string; previousMissing?: string }>;
    values: OpenCycleFormValues;
    /** Field name → Czech message. */
    errors: Record<string, string>;
  } | null;
}

const FIELD_IDS: Record<keyof OpenCycleFormValues, string> = {
  period: 'obdobi',
  deadline: 'termin',
  meetingDate: 'jednani',
  daysBeforeDeadline: 'pripominky',
  overdueAfterDays: 'zpozdeni',
  escalateAfterDays: 'eskalace',
};

const FIELD_ORDER = Object.keys(FIELD_IDS) as Array<keyof OpenCycleFormValues>;

function CyclesTable(props: { cycles: CycleRow[] }): VNode {
  if (props.cycles.length === 0) return <p>Zatím nebyl otevřen žádný cyklus.</p>;
  return (
    <TableWrap labelledBy="cykly">
      <table>
        <caption id="cykly">Cykly monitoringu, nejnovější nahoře</caption>
        <thead>
          <tr>
            <th scope="col">Období</th>
            <th scope="col">Stav</th>
            <th scope="col">Termín odevzdání</th>
            <th scope="col">Jednání Řídící skupiny</th>
            <th scope="col">Úplnost</th>
          </tr>
        </thead>
        <tbody>
          {props.cycles.map((cycle) => (
            <tr>
              <th scope="row">
                {cycle.imported ? cycle.periodLabel : <a href={cyclePath(cycle.id)}>{cycle.periodLabel}</a>}
              </th>
              <td>
                {cycle.imported ? (
                  <>
                    převzato ze zprávy (
                    <a href={cyclePath(cycle.id, '/report')} aria-label={`Monitorovací zpráva za ${cycle.periodLabel}`}>
                      monitorovací zpráva
                    </a>
                    )
                  </>
                ) : (
                  cycle.stateLabel
                )}
              </td>
              {/* A cycle taken from a report has no real deadline or meeting: its dates are the period's end. */}
              <td>{cycle.imported ? '–' : formatDeadline(cycle.deadline)}</td>
              <td>{cycle.imported ? '–' : formatIsoDate(cycle.meetingDate)}</td>
              <td>
                {cycle.imported ? (
                  '–'
                ) : (
                  <>
                    <Progress done={cycle.submitted} total={cycle.total} label={`Úplnost ${cycle.periodLabel}`} />
                    {cycle.late > 0 ? <span class="state state-late">pozdě: {cycle.late}</span> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function OpenCycleForm(props: { form: NonNullable<CyclesView['openForm']>; csrf: string }): VNode {
  const { values, errors, periods } = props.form;
  const summary = FIELD_ORDER.flatMap((field) => (errors[field] ? [{ fieldId: FIELD_IDS[field], message: errors[field] }] : []));
  if (errors.form) summary.unshift({ fieldId: FIELD_IDS.period, message: errors.form });
  const periodError = errors.period;
  const selected = periods.find((period) => period.id === values.period);
  const gapHintId = `${FIELD_IDS.period}-napoveda`;
  if (periods.length === 0) {
    return (
      <section class="panel" aria-labelledby="otevrit-nadpis">
        <h2 id="otevrit-nadpis">Otevřít nové pololetí</h2>
        <p>Teď není co otevřít: minulé, běžící i příští pololetí už svůj cyklus mají, nebo předcházejí pololetí otevřenému naposledy. Další pololetí půjde otevřít, až začne to příští.</p>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="otevrit-nadpis">
      <h2 id="otevrit-nadpis">Otevřít nové pololetí</h2>
      <ErrorSummary title="Pololetí se nepodařilo otevřít" errors={summary} />
      <p>Po otevření odejde každé kontaktní osobě jeden e-mail s osobním odkazem na všechny její projekty.</p>
      <form method="post" action="/arr/cycles" novalidate>
        <CsrfField token={props.csrf} />
        <div class="field">
          <label for={FIELD_IDS.period}>Období</label>
          {selected?.previousMissing ? (
            // The report prints each project's activities of the half-year before: without that half-year they stay empty.
            <p class="hint" id={gapHintId}>
              {selected.previousMissing} v systému není, takže ve zprávě za {selected.label} zůstane sloupec „aktivity v předchozím období“ prázdný, dokud jeho monitorovací zprávu nenahrajete na stránce <a href="/arr/plan/past-reports">Minulé zprávy</a>.
            </p>
          ) : null}
          {periodError ? (
            <p class="field-error" id={`${FIELD_IDS.period}-chyba`}>
              <span class="visually-hidden">Chyba: </span>
              {periodError}
            </p>
          ) : null}
          <select id={FIELD_IDS.period} name="period" aria-invalid={periodError ? 'true' : undefined} aria-describedby={[selected?.previousMissing ? gapHintId : null, periodError ? `${FIELD_IDS.period}-chyba` : null].filter(Boolean).join(' ') || undefined}>
            {periods.map((period) => (
              <option value={period.id} selected={period.id === values.period}>
                {period.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field-row">
          <InputField id={FIELD_IDS.deadline} name="deadline" type="date" label="Termín odevzdání podkladů" hint="Kontaktní osoby mohou podklady posílat do konce tohoto dne." value={values.deadline} error={errors.deadline} />
          <InputField id={FIELD_IDS.meetingDate} name="meetingDate" type="date" label="Jednání Řídící skupiny" hint="Zpráva odejde členům týden před jednáním." value={values.meetingDate} error={errors.meetingDate} />
        </div>
        <fieldset>
          <legend>Připomínky</legend>
          <InputField id={FIELD_IDS.daysBeforeDeadline} name="daysBeforeDeadline" label="Připomenout dní před termínem" hint="Čísla oddělená čárkou, např. 14, 7, 1." value={values.daysBeforeDeadline} error={errors.daysBeforeDeadline} />
          <div class="field-row">
            <InputField id={FIELD_IDS.overdueAfterDays} name="overdueAfterDays" type="number" label="Upozornit na zpoždění po (dnech)" value={values.overdueAfterDays} error={errors.overdueAfterDays} />
            <InputField id={FIELD_IDS.escalateAfterDays} name="escalateAfterDays" type="number" label="Eskalovat garantovi po (dnech)" value={values.escalateAfterDays} error={errors.escalateAfterDays} />
          </div>
        </fieldset>
        <button type="submit">Otevřít pololetí a rozeslat pozvánky</button>
      </form>
    </section>
  );
}

export function renderCyclesPage(view: CyclesView): string {
  const hasErrors = view.openForm !== null && Object.keys(view.openForm.errors).length > 0;
  return renderPage(
    <ConsolePage title="Cykly monitoringu" user={view.user} hasErrors={hasErrors}>
      <h1>Cykly monitoringu</h1>
      <CyclesTable cycles={view.cycles} />
      {view.openForm ? <OpenCycleForm form={view.openForm} csrf={view.user.csrf} /> : null}
    </ConsolePage>,
  );
}
