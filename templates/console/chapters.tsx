/** The editor of ARR's chapters: one form per chapter, repeated rows as tables, the payments with their „Celkem“ row. */
import type { VNode } from 'preact';
import { renderPage } from '../jsx/render';
import { ConsolePage, cyclePath, CsrfField, ErrorSummary, InputField, TableWrap, type ConsoleFrameUser, type FieldError } from './layout';

export type FieldKind = 'text' | 'long' | 'date' | 'month' | 'number';

export interface ChapterField {
  id: string;
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
}

export type ChapterPart =
  | { kind: 'field'; field: ChapterField }
  | { kind: 'rows'; key: string; label: string; rows: ChapterField[][]; total?: { label: string; cells: string[] } };

export interface ChapterForm {
  sectionId: string;
  title: string;
  parts: ChapterPart[];
  errorSummary?: FieldError[];
}

export interface ChapterPageView {
  user: ConsoleFrameUser;
  cycleId: string;
  periodLabel: string;
  chapters: Array<{ id: string; title: string }>;
  form: ChapterForm;
  saved: boolean;
}

function Field(props: { field: ChapterField; compact?: boolean }): VNode {
  const { field } = props;
  return (
    <InputField
      id={field.id}
      name={field.name}
      label={field.label}
      hint={field.hint}
      value={field.value}
      error={field.error}
      multiline={field.kind === 'long'}
      type={field.kind === 'date' ? 'date' : field.kind === 'number' ? 'number' : 'text'}
      wide={field.kind === 'text' || field.kind === 'long'}
    />
  );
}

function Rows(props: { part: Extract<ChapterPart, { kind: 'rows' }> }): VNode {
  const { part } = props;
  return (
    <fieldset id={`kap-${part.key}`} tabindex={-1}>
      <legend>{part.label}</legend>
      <p class="hint">Prázdné řádky se neukládají; další řádky přibudou po uložení.</p>
      {part.rows.map((row, index) => (
        <fieldset class="repeat">
          <legend>
            {part.label}: řádek {index + 1}
          </legend>
          <div class="field-row">
            {row.map((field) => (
              <Field field={field} />
            ))}
          </div>
        </fieldset>
      ))}
      {part.total ? (
        <TableWrap labelledBy={`soucet-${part.key}`}>
          <table>
            <caption id={`soucet-${part.key}`}>{part.label}: součet</caption>
            <tbody>
              <tr>
                <th scope="row">{part.total.label}</th>
                {part.total.cells.filter((cell) => cell !== '').map((cell) => (
                  <td class="number">{cell}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </fieldset>
  );
}

export function renderChapterPage(view: ChapterPageView): string {
  const cycleHref = cyclePath(view.cycleId);
  const errors = view.form.errorSummary ?? view.form.parts.flatMap((part) => (part.kind === 'field' && part.field.error ? [{ fieldId: part.field.id, message: part.field.error }] : []));
  return renderPage(
    <ConsolePage
      title={view.form.title}
      user={view.user}
      hasErrors={errors.length > 0}
      breadcrumbs={[{ href: '/arr', label: 'Cykly' }, { href: cycleHref, label: view.periodLabel }, { label: 'Kapitoly ARR' }]}
    >
      <h1>Kapitoly ARR – {view.periodLabel}</h1>
      <nav aria-label="Kapitoly">
        <ul>
          {view.chapters.map((chapter) => (
            <li>
              {chapter.id === view.form.sectionId ? (
                <strong aria-current="page">{chapter.title}</strong>
              ) : (
                <a href={`${cycleHref}/chapters/${chapter.id}`}>{chapter.title}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <h2>{view.form.title}</h2>
      {view.saved ? (
        <p class="notice" role="status">
          Kapitola byla uložena. Zpráva se sestaví znovu s novým textem.
        </p>
      ) : null}
      <ErrorSummary title="Kapitolu se nepodařilo uložit" errors={errors} />
      <form method="post" action={`${cycleHref}/chapters/${view.form.sectionId}`} novalidate class="panel">
        <CsrfField token={view.user.csrf} />
        {view.form.parts.map((part) => (part.kind === 'field' ? <Field field={part.field} /> : <Rows part={part} />))}
        <button type="submit">Uložit kapitolu</button>
      </form>
      <p>
        <a href={`${cycleHref}/report`}>Náhled monitorovací zprávy</a>
      </p>
    </ConsolePage>,
  );
}
