import {
  countOf,
  deadlineStatus,
  describeDeadlineStatus,
  formatDate,
  formatDeadline,
  PROJECT_FORMS,
  PROJECT_STATUS_LABELS,
} from '../format';
import type { ProjectStatus } from '../format';
import { escapeHtml } from '../html';
import { pageDocument } from './layout';

export interface ProjectFormView {
  projectId: string;
  name: string;
  activityAreaName: string;
  activityName: string | null;
  goal: string;
  /** What the person planned last period, shown as the starting point. */
  previousPlan: string;
  /** The half-year that plan is from, e.g. `2. pololetí 2025`; absent when there is none. */
  previousPlanPeriodLabel?: string;
  /** POST url of this project's form. */
  formAction: string;
  /** 0 when no version exists yet; sent back as a hidden field for conflict detection. */
  expectedVersion: number;
  values: {
    thisPeriod: string;
    nextPeriodPlan: string;
    status: string;
    indicatorContributions: Record<string, string>;
    noteToArr: string;
  };
  indicators: Array<{ code: string; name: string }>;
  /**
   * Field path → Czech message: `thisPeriod`, `indicatorContributions.EK-1`, or `_form` for a
   * form-level message such as a version conflict.
   */
  errors: Record<string, string>;
  lastSubmittedAt?: Date;
  version?: number;
  /** True right after this project was saved: the confirmation shows in its own section. */
  justSaved?: boolean;
}

export interface SubmissionPageView {
  personName: string;
  periodLabel: string;
  /** e.g. `02/2026` */
  nextPeriodLabel: string;
  deadline: Date;
  now: Date;
  /** false once the cycle is closed. */
  editable: boolean;
  projects: ProjectFormView[];
}

const FORM_ERROR = '_form';
const STATUS_ORDER: ProjectStatus[] = ['on-track', 'delayed', 'completed', 'cancelled', 'not-started'];

/**
 * Any string becomes an HTML id fragment: letters, digits and hyphens stay readable, every other
 * character is written as `_hex_`. `_` itself is encoded, so distinct inputs never share a token.
 */
function idToken(value: string): string {
  return value.replace(/[^A-Za-z0-9-]/g, (char) => `_${char.charCodeAt(0).toString(16)}_`);
}

/** The anchor of a project's section, e.g. for redirecting back after a save (`…#projekt-x`). */
export function projectSectionId(projectId: string): string {
  return `projekt-${idToken(projectId)}`;
}

/*
 * Each id family has its own prefix, so a field id can never equal a section, hint or error id
 * whatever the project ids and indicator codes are.
 */
const ids = {
  heading: (index: number) => `nazev-${index}`,
  field: (index: number, path: string) => `pole-${index}-${idToken(path)}`,
  hint: (index: number, path: string) => `napoveda-${index}-${idToken(path)}`,
  error: (index: number, path: string) => `chyba-${index}-${idToken(path)}`,
};

const indicatorPath = (code: string): string => `indicatorContributions.${code}`;

function fieldPaths(project: ProjectFormView): string[] {
  return [
    'thisPeriod',
    'nextPeriodPlan',
    'status',
    ...project.indicators.map((indicator) => indicatorPath(indicator.code)),
    'noteToArr',
  ];
}

/** Errors for paths the form does not render are shown at form level rather than lost. */
function formLevelErrors(project: ProjectFormView): string[] {
  const rendered = new Set(fieldPaths(project));
  const formMessage = project.errors[FORM_ERROR];
  const stray = Object.entries(project.errors)
    .filter(([path]) => path !== FORM_ERROR && !rendered.has(path))
    .map(([, message]) => message);
  return formMessage === undefined ? stray : [formMessage, ...stray];
}

function isSubmitted(project: ProjectFormView): boolean {
  return project.lastSubmittedAt !== undefined;
}

function submissionStatus(project: ProjectFormView): string {
  if (!project.lastSubmittedAt) return 'Zatím neodesláno';
  const version = project.version === undefined ? '' : ` (verze ${project.version})`;
  return `Odesláno ${formatDate(project.lastSubmittedAt)}${version}`;
}

function describedBy(...idList: Array<string | null>): string {
  const present = idList.filter((id): id is string => id !== null);
  return present.length === 0 ? '' : ` aria-describedby="${present.join(' ')}"`;
}

function errorMessage(id: string, message: string): string {
  return `<p class="field-error" id="${id}"><span class="visually-hidden">Chyba: </span>${escapeHtml(message)}</p>`;
}

interface FieldContext {
  project: ProjectFormView;
  index: number;
  editable: boolean;
}

function textareaField(context: FieldContext, path: 'thisPeriod' | 'nextPeriodPlan' | 'noteToArr', label: string, hint: string): string {
  const { project, index, editable } = context;
  const id = ids.field(index, path);
  const hintId = ids.hint(index, path);
  const error = project.errors[path];
  const errorId = error === undefined ? null : ids.error(index, path);
  // The newline after the start tag is eaten by the HTML parser, so a value starting with one keeps it.
  return `<div class="field">
<label for="${id}">${escapeHtml(label)}</label>
<p class="hint" id="${hintId}">${escapeHtml(hint)}</p>
${errorId === null ? '' : `${errorMessage(errorId, error ?? '')}\n`}<textarea id="${id}" name="${path}" rows="6"${describedBy(hintId, errorId)}${errorId === null ? '' : ' aria-invalid="true"'}${editable ? '' : ' readonly'}>
${escapeHtml(project.values[path])}</textarea>
</div>`;
}

function statusField(context: FieldContext): string {
  const { project, index, editable } = context;
  const error = project.errors.status;
  const errorId = error === undefined ? null : ids.error(index, 'status');
  const options = STATUS_ORDER.map((status, optionIndex) => {
    // The first option carries the field id, so the error summary can link to the group.
    const id = optionIndex === 0 ? ids.field(index, 'status') : `${ids.field(index, 'status')}-${status}`;
    const checked = project.values.status === status ? ' checked' : '';
    return `<div class="radio"><input type="radio" id="${id}" name="status" value="${status}"${checked}${errorId === null ? '' : ' aria-invalid="true"'}${editable ? '' : ' disabled'}><label for="${id}">${escapeHtml(PROJECT_STATUS_LABELS[status])}</label></div>`;
  });
  return `<fieldset${describedBy(errorId)}>
<legend>Stav projektu</legend>
${errorId === null ? '' : `${errorMessage(errorId, error ?? '')}\n`}${options.join('\n')}
</fieldset>`;
}

function indicatorFields(context: FieldContext, periodLabel: string): string {
  const { project, index, editable } = context;
  if (project.indicators.length === 0) return '';
  const hintId = ids.hint(index, 'indicatorContributions');
  const inputs = project.indicators.map((indicator) => {
    const path = indicatorPath(indicator.code);
    const id = ids.field(index, path);
    const error = project.errors[path];
    const errorId = error === undefined ? null : ids.error(index, path);
    const value = project.values.indicatorContributions[indicator.code] ?? '';
    return `<div class="field indicator">
<label for="${id}">${escapeHtml(indicator.name)} (${escapeHtml(indicator.code)})</label>
${errorId === null ? '' : `${errorMessage(errorId, error ?? '')}\n`}<input type="text" id="${id}" name="${escapeHtml(path)}" inputmode="numeric" autocomplete="off" value="${escapeHtml(value)}"${describedBy(errorId)}${errorId === null ? '' : ' aria-invalid="true"'}${editable ? '' : ' readonly'}>
</div>`;
  });
  return `<fieldset aria-describedby="${hintId}">
<legend>Příspěvek k indikátorům za ${escapeHtml(periodLabel)}</legend>
<p class="hint" id="${hintId}">Uveďte celé číslo za toto pololetí. Pokud projekt k indikátoru nepřispěl, uveďte 0.</p>
${inputs.join('\n')}
</fieldset>`;
}

function projectSection(project: ProjectFormView, index: number, view: SubmissionPageView): string {
  const context: FieldContext = { project, index, editable: view.editable };
  const formErrors = formLevelErrors(project);
  const formErrorBlock =
    formErrors.length === 0
      ? ''
      : `<div class="form-error" id="${ids.error(index, FORM_ERROR)}" tabindex="-1">${formErrors
          .map((message) => `<p><span class="visually-hidden">Chyba: </span>${escapeHtml(message)}</p>`)
          .join('')}</div>\n`;
  const activity = project.activityName === null ? '' : `\n<dt>Aktivita</dt><dd>${escapeHtml(project.activityName)}</dd>`;
  const previousPlan = project.previousPlan.trim() === '' ? 'Plán z minulého období není k dispozici.' : project.previousPlan;

  const fields = [
    textareaField(
      context,
      'thisPeriod',
      `Co se v projektu udělalo v období ${view.periodLabel}`,
      'Stručně popište hlavní činnosti a výsledky. Vyjít můžete z plánu z minulého období uvedeného výše.',
    ),
    textareaField(context, 'nextPeriodPlan', `Plán na období ${view.nextPeriodLabel}`, 'Co plánujete v dalším pololetí.'),
    statusField(context),
    indicatorFields(context, view.periodLabel),
    textareaField(context, 'noteToArr', 'Poznámka pro ARR (nepovinné)', 'Poznámka slouží jen pro ARR, do zprávy se nepřebírá.'),
  ].filter((field) => field !== '');

  const submitLabel = isSubmitted(project) ? 'Uložit změny' : 'Odeslat podklady';
  const body = view.editable
    ? `<form method="post" action="${escapeHtml(project.formAction)}">
<input type="hidden" name="expectedVersion" value="${project.expectedVersion}">
${fields.join('\n')}
<button type="submit">${submitLabel}<span class="visually-hidden"> k projektu ${escapeHtml(project.name)}</span></button>
</form>`
    : `<p class="muted">Sběr podkladů je uzavřen, údaje už nelze měnit.</p>
<div class="readonly-form">
${fields.join('\n')}
</div>`;

  // Inside the section the redirect scrolls to, so the person sees it where they were working.
  const savedNotice = project.justSaved
    ? `<div class="notice" role="status"><p>Podklady k projektu „${escapeHtml(project.name)}“ byly uloženy. Děkujeme!</p></div>\n`
    : '';
  return `<section class="panel project" id="${projectSectionId(project.projectId)}" aria-labelledby="${ids.heading(index)}">
<h2 id="${ids.heading(index)}">${escapeHtml(project.name)}</h2>
<p class="status-line${isSubmitted(project) ? ' submitted' : ''}">${escapeHtml(submissionStatus(project))}</p>
${savedNotice}<dl>
<dt>Oblast aktivit</dt><dd>${escapeHtml(project.activityAreaName)}</dd>${activity}
<dt>Cíl projektu</dt><dd>${escapeHtml(project.goal)}</dd>
<dt>${escapeHtml(project.previousPlanPeriodLabel ? `Plán z ${project.previousPlanPeriodLabel}` : 'Plán z minulého období')}</dt><dd>${escapeHtml(previousPlan)}</dd>
</dl>
${formErrorBlock}${body}
</section>`;
}

/** Every error on the page, linked to its field (a radio group links to its first option). */
function errorSummary(view: SubmissionPageView): string {
  const items = view.projects.flatMap((project, index) => {
    const fieldItems = fieldPaths(project)
      .filter((path) => project.errors[path] !== undefined)
      .map((path) => ({ href: ids.field(index, path), message: project.errors[path] ?? '' }));
    const formItems = formLevelErrors(project).map((message) => ({ href: ids.error(index, FORM_ERROR), message }));
    return [...formItems, ...fieldItems].map(
      (item) => `<li><a href="#${item.href}">${escapeHtml(project.name)}: ${escapeHtml(item.message)}</a></li>`,
    );
  });
  if (items.length === 0) return '';
  return `<div class="error-summary" role="alert" aria-labelledby="souhrn-chyb" tabindex="-1">
<h2 id="souhrn-chyb">Podklady se nepodařilo uložit</h2>
<p>Opravte prosím:</p>
<ul>
${items.join('\n')}
</ul>
</div>
`;
}

function progressLine(projects: ProjectFormView[]): string {
  const total = projects.length;
  if (total === 0) return 'Nemáte přiřazené žádné projekty.';
  const missing = projects.filter((project) => !isSubmitted(project)).length;
  if (missing === 0) return `Podklady máte odeslané u všech projektů (${total} z ${total}). Děkujeme!`;
  return `Chybí ještě ${countOf(missing, PROJECT_FORMS)} z ${total}`;
}

function projectNav(projects: ProjectFormView[]): string {
  // With a single project the list would only repeat the section below it.
  if (projects.length < 2) return '';
  const items = projects.map(
    (project) =>
      `<li><a href="#${projectSectionId(project.projectId)}">${escapeHtml(project.name)}</a> – ${escapeHtml(submissionStatus(project))}</li>`,
  );
  return `<nav class="panel project-nav" aria-labelledby="prehled-projektu">
<h2 id="prehled-projektu">Vaše projekty</h2>
<ul>
${items.join('\n')}
</ul>
</nav>
`;
}

/** The page behind a contact person's personal link: one form per project, all on one page. */
export function renderSubmissionPage(view: SubmissionPageView): string {
  const title = `Podklady za ${view.periodLabel}`;
  const summary = errorSummary(view);
  const deadline = formatDeadline(view.deadline);
  const deadlineLine = view.editable
    ? `<p>Termín odevzdání: <strong>${escapeHtml(deadline)}</strong> (${escapeHtml(describeDeadlineStatus(deadlineStatus(view.deadline, view.now)))})</p>`
    : `<p>Termín odevzdání byl <strong>${escapeHtml(deadline)}</strong>.</p>`;
  const closed = view.editable
    ? ''
    : `<div class="closed-note"><p>Sběr podkladů za ${escapeHtml(view.periodLabel)} byl uzavřen. Odeslané podklady si můžete prohlédnout, ale už je nelze měnit. Pokud potřebujete něco opravit, obraťte se prosím na ARR.</p></div>\n`;
  const instructions = view.editable
    ? `<p class="muted">Každý projekt odešlete zvlášť tlačítkem pod jeho formulářem. Odeslané podklady můžete až do uzavření sběru opravit.</p>\n`
    : '';
  const main = `<h1>${escapeHtml(title)}</h1>
${summary}${closed}<div class="panel">
<p>Kontaktní osoba: <strong>${escapeHtml(view.personName)}</strong></p>
${deadlineLine}
<p class="summary-status">${escapeHtml(progressLine(view.projects))}</p>
${instructions}</div>
${projectNav(view.projects)}${view.projects.map((project, index) => projectSection(project, index, view)).join('\n')}`;

  return pageDocument(summary === '' ? title : `Chyba: ${title}`, main);
}
