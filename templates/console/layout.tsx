/**
 * The frame and the small parts of every console page: the contact person's page look (its
 * stylesheet unchanged) plus what a back office needs on top: a navigation, tables, progress bars.
 */
import type { ComponentChildren, VNode } from 'preact';
import { consoleRoleLabels, type ConsoleRole } from '../../domain/access';
import { styleSheet } from '../jsx/render';
import { PAGE_STYLES } from '../styles';

/*
 * Additions for the console only. Same palette as the page stylesheet: #0b4f9c links and bars
 * (8.0:1), #166534 done (7.1:1 on white), #a4001d late (8.1:1), #4b5563 muted (7.6:1).
 * Wide tables scroll inside their own box on a phone instead of widening the page.
 */
export const CONSOLE_STYLES = `
.site-header .console-bar { margin: 0 auto; max-width: 64rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; }
.site-header .console-bar p { margin: 0; }
.site-header a { color: #ffffff; }
.site-header a:hover { color: #e5e7eb; }
.site-header a:focus-visible, .site-header button:focus-visible { outline-color: #ffffff; box-shadow: 0 0 0 6px #0b4f9c; }
.console-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
.console-user { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-left: auto; }
.console-user form { margin: 0; }
.console-user button { background: #ffffff; color: #0b4f9c; border-color: #ffffff; padding: 0.25rem 0.75rem; width: auto; }
.console-user button:hover { background: #e5e7eb; color: #072f5f; }
main.console { max-width: 64rem; }
.breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; padding: 0; margin: 0 0 1rem; }
.breadcrumbs li + li::before { content: "›"; margin-right: 0.5rem; color: #4b5563; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; position: relative; }
table { border-collapse: collapse; width: 100%; background: #ffffff; }
caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid #d1d5db; }
thead th { border-bottom: 2px solid #4b5563; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.indicator-name { font-weight: 400; }
.progress { display: flex; align-items: center; gap: 0.5rem; min-width: 10rem; }
.progress progress { flex: 1; height: 0.875rem; min-width: 5rem; accent-color: #0b4f9c; }
.state { display: inline-block; padding: 0.125rem 0.5rem; border-radius: 4px; background: #e5e7eb; font-weight: 600; white-space: nowrap; }
.state-late { background: #fde8ea; color: #a4001d; }
.state-submitted { background: #dcfce7; color: #14532d; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-start; }
.actions form { margin: 0; }
.button-link { display: inline-block; font-weight: 700; color: #ffffff; background: #0b4f9c; border: 2px solid #0b4f9c; border-radius: 4px; padding: 0.625rem 1.25rem; text-decoration: none; }
.button-link:hover { background: #072f5f; color: #ffffff; }
button.secondary, .button-link.secondary { background: #ffffff; color: #0b4f9c; }
button.secondary:hover, .button-link.secondary:hover { background: #e5e7eb; color: #072f5f; }
button.danger { background: #a4001d; border-color: #a4001d; }
button.danger:hover { background: #6f0014; }
button.small { padding: 0.25rem 0.625rem; width: auto; }
input[type="date"], input[type="email"], select { font: inherit; color: #1a1a1a; background: #ffffff; border: 2px solid #4b5563; border-radius: 4px; padding: 0.5rem; }
input.wide[type="text"] { max-width: 100%; }
select { max-width: 100%; }
input[type="email"] { width: 100%; max-width: 32rem; }
input[type="date"][aria-invalid="true"], select[aria-invalid="true"] { border-color: #a4001d; border-width: 3px; }
.field-row { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.repeat { border: 1px solid #d1d5db; border-radius: 6px; padding: 0.75rem 1rem 0; margin: 0 0 1rem; }
.repeat legend { padding: 0 0.25rem; }
.diff ins { background: #dcfce7; color: #14532d; text-decoration: underline; }
.diff del { background: #fde8ea; color: #a4001d; text-decoration: line-through; }
.diff dd { white-space: pre-wrap; }
.state-returned { background: #fef3c7; color: #713f12; }
.flag { display: inline-block; margin: 0.125rem 0 0.125rem 0.375rem; padding: 0.125rem 0.5rem; border-radius: 4px; border: 1px solid #4b5563; background: #ffffff; font-size: 0.9375rem; }
.flag-changed { border: 2px solid #a4001d; background: #fde8ea; color: #a4001d; font-weight: 700; }
.flag-changed::before { content: "⚠ "; }
.attention { border-left: 6px solid #a4001d; background: #fff5f5; padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
.attention ul { margin: 0.5rem 0 0; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: 0 0 1rem; }
.text-version { border: 1px solid #d1d5db; border-radius: 6px; padding: 0.75rem 1rem; }
.text-version.arr { border-color: #0b4f9c; }
.text-version h3 { margin-top: 0; }
.text-version dt, .diff dt { font-weight: 700; }
dd.text { white-space: pre-wrap; margin: 0 0 0.75rem; }
ol.history { padding-left: 1.25rem; }
ol.history li { margin: 0 0 0.75rem; }
ul.slips, ul.notes { padding-left: 1.25rem; }
ul.slips li, ul.notes li { margin: 0 0 0.75rem; }
.intro p:first-child { margin-top: 0; }
.annual-text { border-top: 1px solid #d1d5db; padding-top: 1rem; margin-top: 1rem; }
.annual-text h3 { margin-top: 0; }
details.prefill { margin: 0 0 1rem; }
details.prefill div { white-space: pre-wrap; background: #f9fafb; border: 1px solid #d1d5db; padding: 0.5rem 0.75rem; margin-top: 0.5rem; }
details.import-warnings summary { cursor: pointer; font-weight: 700; }
.report-preview { background: #ffffff; border: 1px solid #d1d5db; padding: 1rem; overflow-x: auto; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
.sub-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0 0 1rem; padding: 0 0 0.5rem; border-bottom: 1px solid #d1d5db; }
.sub-nav a[aria-current="page"] { font-weight: 700; color: #1a1a1a; text-decoration: none; }
ul.changes { margin: 0.25rem 0; padding-left: 1.25rem; }
.scroll-choices { max-height: 18rem; overflow-y: auto; border: 1px solid #d1d5db; border-radius: 6px; padding: 0.5rem 0.75rem; }
.choices legend { font-weight: 700; margin: 0 0 0.375rem; }
textarea.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875rem; min-height: 14rem; }
input[type="file"] { font: inherit; max-width: 100%; }
.delivery-alert { border-left: 4px solid #a4001d; background: #fff5f5; padding: 0.5rem 0.75rem; margin: 0 0 1rem; }
.field-error ul { margin: 0.25rem 0 0; padding-left: 1.25rem; font-weight: 400; }
dl.facts.panel { margin: 0 0 1.5rem; }
@media (max-width: 48rem) {
  .side-by-side { grid-template-columns: 1fr; }
}
@media (max-width: 32rem) {
  dl.facts { grid-template-columns: 1fr; }
  .actions button, .actions .button-link { width: 100%; text-align: center; }
  button.small { width: auto; }
}
`;

export interface ConsoleFrameUser {
  name: string;
  role: ConsoleRole | null;
  csrf: string;
}

export interface Crumb {
  href?: string;
  label: string;
}

export interface ConsolePageProps {
  title: string;
  user?: ConsoleFrameUser | undefined;
  breadcrumbs?: Crumb[];
  /** Prefixes the document title with „Chyba:“, so a screen reader hears it first. */
  hasErrors?: boolean;
  /** A stylesheet only this page needs, after the console's own (a report's preview). */
  pageStyles?: string;
  children: ComponentChildren;
}

/** A cycle's address in the console, and of its pages below it (`rest` starts with `/`). */
export function cyclePath(cycleId: string, rest = ''): string {
  return `/arr/cycles/${encodeURIComponent(cycleId)}${rest}`;
}

/** Where ARR's chapters of a cycle begin: the first chapter, whose page links the others. */
export function chaptersPath(cycleId: string): string {
  return cyclePath(cycleId, '/chapters/trends');
}

/**
 * What the header calls the site. Members of the steering group only read reports here, so for
 * them it is not ARR's console; before sign-in the page cannot know who is coming.
 */
function consoleName(role: ConsoleRole | null | undefined): string {
  return role === 'steering-group' ? 'monitoring akčního plánu' : 'konzole ARR';
}

/** The shared frame of every console page: skip link, header with navigation and sign-out, one main. */
export function ConsolePage(props: ConsolePageProps): VNode {
  const { user } = props;
  const siteName = consoleName(user?.role);
  return (
    <html lang="cs">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.hasErrors ? 'Chyba: ' : ''}${props.title} – ${siteName} – Chytřejší Liberecký kraj`}</title>
        {styleSheet(PAGE_STYLES)}
        {styleSheet(CONSOLE_STYLES)}
        {props.pageStyles ? styleSheet(props.pageStyles) : null}
      </head>
      <body>
        <a class="skip-link" href="#obsah">
          Přeskočit na obsah
        </a>
        <header class="site-header">
          <div class="console-bar">
            <p>Chytřejší Liberecký kraj · {siteName}</p>
            {user ? (
              <nav class="console-nav" aria-label="Hlavní navigace">
                <ul>
                  <li>
                    <a href="/arr">Cykly</a>
                  </li>
                  <li>
                    <a href="/arr/indicators">Indikátory a otevřená data</a>
                  </li>
                  <li>
                    <a href="/arr/plan">Akční plán</a>
                  </li>
                </ul>
              </nav>
            ) : null}
            {user ? (
              <div class="console-user">
                <span>
                  {user.name}
                  {user.role ? ` (${consoleRoleLabels[user.role]})` : ''}
                </span>
                <form method="post" action="/arr/sign-out">
                  <CsrfField token={user.csrf} />
                  <button type="submit">Odhlásit se</button>
                </form>
              </div>
            ) : null}
          </div>
        </header>
        <main id="obsah" class="console" tabindex={-1}>
          {props.breadcrumbs && props.breadcrumbs.length > 0 ? <Breadcrumbs items={props.breadcrumbs} /> : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}

function Breadcrumbs(props: { items: Crumb[] }): VNode {
  return (
    <nav class="breadcrumbs" aria-label="Drobečková navigace">
      <ol>
        {props.items.map((item, index) => (
          <li>{item.href && index < props.items.length - 1 ? <a href={item.href}>{item.label}</a> : <span aria-current="page">{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * A table that scrolls sideways inside its box on a phone. The box takes the keyboard focus, so
 * the table can be scrolled without a mouse even when it holds no link or button.
 */
export function TableWrap(props: { labelledBy: string; children: ComponentChildren }): VNode {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-labelledby={props.labelledBy}>
      {props.children}
    </div>
  );
}

/** The hidden CSRF token every state-changing form carries. */
export function CsrfField(props: { token: string }): VNode {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A progress bar with its numbers in text, so the share is never conveyed by the bar alone. */
export function Progress(props: { done: number; total: number; label: string }): VNode {
  const percent = props.total === 0 ? 100 : Math.floor((props.done * 100) / props.total);
  return (
    <div class="progress">
      <progress value={props.done} max={Math.max(props.total, 1)} aria-label={props.label}>
        {percent} %
      </progress>
      <span>
        {props.done} z {props.total} ({percent} %)
      </span>
    </div>
  );
}

export interface FieldError {
  /** The id of the field the message belongs to. */
  fieldId: string;
  message: string;
}

/** GOV.UK-style summary: every error once, each a link to its field. */
export function ErrorSummary(props: { title: string; errors: FieldError[] }): VNode | null {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="souhrn-chyb" tabindex={-1}>
      <h2 id="souhrn-chyb">{props.title}</h2>
      <ul>
        {props.errors.map((error) => (
          <li>
            <a href={`#${error.fieldId}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface InputFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  hint?: string;
  error?: string | undefined;
  type?: 'text' | 'date' | 'email' | 'number' | 'password';
  wide?: boolean;
  multiline?: boolean;
  required?: boolean;
}

/** A labelled field: hint and error between the label and the input, both in its description. */
export function InputField(props: InputFieldProps): VNode {
  const hintId = `${props.id}-napoveda`;
  const errorId = `${props.id}-chyba`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id: props.id,
    name: props.name,
    'aria-describedby': describedBy,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    required: props.required,
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={errorId}>
          <span class="visually-hidden">Chyba: </span>
          {props.error}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common}>{props.value}</textarea>
      ) : (
        <input {...common} type={props.type === 'number' ? 'text' : (props.type ?? 'text')} inputMode={props.type === 'number' ? 'numeric' : undefined} class={props.wide ? 'wide' : undefined} value={props.value} />
      )}
    </div>
  );
}
