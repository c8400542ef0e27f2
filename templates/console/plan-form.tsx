/**
 * One way to draw the plan's edit forms: a list of described fields (text, select, radios,
 * checkboxes) with the error summary on top, each error also at its field, the CSRF token and
 * the plan revision the form was drawn from (a change based on an older one is refused).
 */
import type { VNode } from 'preact';
import { CsrfField, ErrorSummary, InputField } from './layout';

interface FieldBase {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

export interface Option {
  value: string;
  label: string;
}

export type FormField =
  | (FieldBase & { kind: 'text' | 'email' | 'date' | 'number' | 'textarea'; value: string })
  | (FieldBase & { kind: 'select'; value: string; groups: Array<{ label?: string; options: Option[] }> })
  | (FieldBase & { kind: 'radios'; value: string; options: Array<Option & { hint?: string }> })
  /** Each option posts `${name}.${value}=on`: a URL-encoded form keeps one value per name. */
  | (FieldBase & { kind: 'checkboxes'; checked: string[]; options: Option[] });

export interface FormView {
  /** Prefix of the field ids, unique on the page. */
  id: string;
  action: string;
  submitLabel: string;
  errorTitle: string;
  expectedRevision: number;
  fields: FormField[];
  /** An error that belongs to no single field (e.g. someone else changed the plan meanwhile). */
  formError?: string | undefined;
}

export function fieldIdOf(form: Pick<FormView, 'id'>, field: Pick<FieldBase, 'name'>, option?: string): string {
  return `${form.id}-${field.name}${option === undefined ? '' : `-${option}`}`.replace(/[^A-Za-z0-9-]/g, '-');
}

/** Where an error link lands: the field, or the first choice of a group. */
function anchorOf(form: FormView, field: FormField): string {
  if (field.kind === 'radios' || field.kind === 'checkboxes') return fieldIdOf(form, field, field.options[0]?.value ?? '');
  return fieldIdOf(form, field);
}

export function hasFormErrors(form: FormView | null | undefined): boolean {
  return form !== null && form !== undefined && (form.formError !== undefined || form.fields.some((field) => field.error !== undefined));
}

function ErrorText(props: { id: string; error?: string | undefined }): VNode | null {
  if (!props.error) return null;
  return (
    <p class="field-error" id={props.id}>
      <span class="visually-hidden">Chyba: </span>
      {props.error}
    </p>
  );
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

function Field(props: { form: FormView; field: FormField }): VNode {
  const { form, field } = props;
  const id = fieldIdOf(form, field);
  const hintId = `${id}-napoveda`;
  const errorId = `${id}-chyba`;
  if (field.kind === 'select') {
    return (
      <div class="field">
        <label for={id}>{field.label}</label>
        {field.hint ? (
          <p class="hint" id={hintId}>
            {field.hint}
          </p>
        ) : null}
        <ErrorText id={errorId} error={field.error} />
        <select id={id} name={field.name} aria-invalid={field.error ? 'true' : undefined} aria-describedby={describedBy(field.hint && hintId, field.error && errorId)}>
          {field.groups.map((group) => {
            const options = group.options.map((option) => (
              <option value={option.value} selected={option.value === field.value}>
                {option.label}
              </option>
            ));
            return group.label ? <optgroup label={group.label}>{options}</optgroup> : options;
          })}
        </select>
      </div>
    );
  }
  if (field.kind === 'radios' || field.kind === 'checkboxes') {
    return (
      <fieldset class={field.kind === 'checkboxes' ? 'choices scroll-choices' : 'choices'} aria-describedby={describedBy(field.hint && hintId, field.error && errorId)}>
        <legend>{field.label}</legend>
        {field.hint ? (
          <p class="hint" id={hintId}>
            {field.hint}
          </p>
        ) : null}
        <ErrorText id={errorId} error={field.error} />
        {field.options.map((option) => {
          const optionId = fieldIdOf(form, field, option.value);
          return field.kind === 'radios' ? (
            <div class="radio">
              <input type="radio" id={optionId} name={field.name} value={option.value} checked={option.value === field.value} />
              <label for={optionId}>{option.label}</label>
            </div>
          ) : (
            <div class="radio">
              <input type="checkbox" id={optionId} name={`${field.name}.${option.value}`} value="on" checked={field.checked.includes(option.value)} />
              <label for={optionId}>{option.label}</label>
            </div>
          );
        })}
      </fieldset>
    );
  }
  return (
    <InputField
      id={id}
      name={field.name}
      label={field.label}
      value={field.value}
      {...(field.hint ? { hint: field.hint } : {})}
      error={field.error}
      multiline={field.kind === 'textarea'}
      {...(field.kind === 'textarea' ? {} : { type: field.kind })}
      wide={field.kind === 'text'}
    />
  );
}

/** Every error of the form once, each a link to its field; nothing when the form has none. */
export function FormErrorSummary(props: { form: FormView }): VNode | null {
  const { form } = props;
  const summary = form.fields.flatMap((field) => (field.error ? [{ fieldId: anchorOf(form, field), message: field.error }] : []));
  const first = form.fields[0];
  if (form.formError && first) summary.unshift({ fieldId: anchorOf(form, first), message: form.formError });
  return <ErrorSummary title={form.errorTitle} errors={summary} />;
}

/** The form; its error summary too, unless the page shows it at its top (`summary={false}`). */
export function PlanForm(props: { form: FormView; csrf: string; summary?: boolean }): VNode {
  const { form } = props;
  return (
    <>
      {props.summary === false ? null : <FormErrorSummary form={form} />}
      <form method="post" action={form.action} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="expectedRevision" value={String(form.expectedRevision)} />
        {form.fields.map((field) => (
          <Field form={form} field={field} />
        ))}
        <button type="submit">{form.submitLabel}</button>
      </form>
    </>
  );
}
