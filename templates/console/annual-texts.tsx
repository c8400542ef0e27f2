/**
 * ARR's texts of a year's annual report: one per activity and one for the projects outside the
 * plan, pre-filled from the half-years. One form holds them all, so saving never drops a text
 * typed elsewhere on the page; each text can also go back to its pre-filled version.
 */
import type { VNode } from 'preact';
import { formatDateTime } from '../format';
import { renderPage } from '../jsx/render';
import { ConsolePage, CsrfField, ErrorSummary, type ConsoleFrameUser } from './layout';

export interface AnnualTextFieldView {
  key: string;
  /** The form field's id, also the anchor of the text. */
  id: string;
  /** `Aktivita 2: …`, or the name of the projects outside the plan. */
  title: string;
  value: string;
  prefill: string;
  edited: boolean;
  updatedAt: Date | null;
  error?: string | undefined;
}

export interface AnnualTextsPageView {
  user: ConsoleFrameUser;
  year: number;
  /** `1. pololetí 2025 a 2. pololetí 2025`. */
  prefilledFrom: string;
  canEdit: boolean;
  notice?: string | undefined;
  areas: Array<{ name: string; texts: AnnualTextFieldView[] }>;
}

function TextField(props: { text: AnnualTextFieldView; canEdit: boolean }): VNode {
  const { text } = props;
  const hintId = `${text.id}-napoveda`;
  const errorId = `${text.id}-chyba`;
  return (
    <div class="annual-text">
      <h3 id={`${text.id}-nadpis`}>{text.title}</h3>
      <p class="muted" id={hintId}>
        {text.edited && text.updatedAt ? `Upraveno ARR ${formatDateTime(text.updatedAt)}.` : 'Předvyplněno z pololetí, zatím bez úprav ARR.'}
      </p>
      {props.canEdit ? (
        <div class="field">
          <label for={text.id}>
            Text do výroční zprávy<span class="visually-hidden">: {text.title}</span>
          </label>
          {text.error ? (
            <p class="field-error" id={errorId}>
              <span class="visually-hidden">Chyba: </span>
              {text.error}
            </p>
          ) : null}
          <textarea
            id={text.id}
            name={`text.${text.key}`}
            rows={8}
            aria-describedby={[hintId, text.error ? errorId : null].filter(Boolean).join(' ')}
            aria-invalid={text.error ? 'true' : undefined}
          >
            {text.value}
          </textarea>
        </div>
      ) : (
        <div class="comment">{text.value}</div>
      )}
      {text.edited ? (
        <details class="prefill">
          <summary>Předvyplněný text</summary>
          <div>{text.prefill}</div>
        </details>
      ) : null}
      {props.canEdit ? (
        <div class="actions">
          <button type="submit">Uložit změněné texty</button>
          {text.edited ? (
            <button type="submit" class="secondary" name="predvyplnit" value={text.key} aria-describedby={`${text.id}-nadpis`}>
              Vrátit k předvyplněnému textu
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function renderAnnualTextsPage(view: AnnualTextsPageView): string {
  const year = String(view.year);
  const errors = view.areas.flatMap((area) => area.texts.flatMap((text) => (text.error ? [{ fieldId: text.id, message: `${text.title}: ${text.error}` }] : [])));
  const areas = view.areas.map((area) => (
    <section aria-labelledby={`oblast-${area.texts[0]?.id ?? ''}`} class="panel">
      <h2 id={`oblast-${area.texts[0]?.id ?? ''}`}>{area.name}</h2>
      {area.texts.map((text) => (
        <TextField text={text} canEdit={view.canEdit} />
      ))}
    </section>
  ));
  return renderPage(
    <ConsolePage
      title={`Texty výroční zprávy za rok ${year}`}
      user={view.user}
      hasErrors={errors.length > 0}
      breadcrumbs={[
        { href: '/arr', label: 'Cykly' },
        { href: '/arr/indicators', label: 'Indikátory a otevřená data' },
        { href: `/arr/years/${year}/report`, label: `Výroční zpráva ${year}` },
        { label: 'Texty' },
      ]}
    >
      <h1>Texty výroční zprávy za rok {year}</h1>
      <ErrorSummary title="Texty se nepodařilo uložit" errors={errors} />
      {view.notice ? (
        <p class="notice" role="status">
          {view.notice}
        </p>
      ) : null}
      <div class="panel intro">
        <p>
          Každá aktivita má ve výroční zprávě jeden text. Dokud ho ARR neupraví, je předvyplněný z monitorovacích zpráv ({view.prefilledFrom}).
          {view.canEdit ? ' Tlačítko „Uložit změněné texty“ uloží všechny texty, které jste na stránce změnili; ostatní zůstanou, jak jsou.' : ''}
        </p>
        {view.canEdit ? <p class="hint">Odstavce oddělte prázdným řádkem; řádky začínající „- “ budou odrážky.</p> : null}
        <p>
          <a href={`/arr/years/${year}/report`}>Náhled a stažení výroční zprávy za rok {year}</a>
        </p>
      </div>
      {view.canEdit ? (
        <form method="post" action={`/arr/years/${year}/texts`} novalidate>
          <CsrfField token={view.user.csrf} />
          {areas}
        </form>
      ) : (
        areas
      )}
    </ConsolePage>,
  );
}
