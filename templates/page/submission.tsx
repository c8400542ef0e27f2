import { countOf, PROJECT_FORMS } from '../../domain/czech-plural';
import { deadlineStatus, describeDeadlineStatus, formatDate, formatDeadline, PROJECT_STATUS_LABELS } from '../format';
import type { ProjectStatus } from '../format';
import { renderPage } from '../jsx/render';
import { PageLayout } from './layout';

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
  /** ARR returned the latest version for revision with this comment, and no new version came yet. */
  returned?: { version: number; returnedAt: Date; comment: string };
  /** A confirmation shown in this project's section right after a save (where the person was working). */
  notice?: string;
}

export interface SubmissionPageView {
  personName: string;
  periodLabel: string;
  /** Spelled out as the other periods on the page: `2. pololetí 2026`. */
  nextPeriodLabel: string;
  deadline: Date;
  now: Date;
  /** POST url of the one form that holds every project. */
  formAction: string;
  projects: ProjectFormView[];
  /** Posted projects that ARR gave to someone else meanwhile: not stored; what was typed, to copy. */
  notTheirs?: Array<{ message: string; typed: Pick<ProjectFormView['values'], 'thisPeriod' | 'nextPeriodPlan' | 'noteToArr'> }>;
}

const FORM_ERROR = '_form';
/** The name of the save buttons; the value says which project's button was pressed. */
export const SAVE_BUTTON_NAME = 'ulozit';
const SAVE_HINT_ID = 'napoveda-ulozeni';
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

/**
 * A field's name in the page's one form: the project id, a dot, and the field's own name
 * (`digitalni-kavarny.thisPeriod`, `digitalni-kavarny.indicatorContributions.VZ-1`).
 */
export function projectFieldName(projectId: string, path: string): string {
  return `${projectId}.${path}`;
}

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

/** Answered, and not returned for revision since. */
function isSubmitted(project: ProjectFormView): boolean {
  return project.lastSubmittedAt !== undefined && project.returned === undefined;
}

function submissionStatus(project: ProjectFormView): string {
  if (!project.lastSubmittedAt) return 'Zatím neodesláno';
  const version = project.version === undefined ? '' : ` (verze ${project.version})`;
  if (project.returned) return `Vráceno k doplnění${version}`;
  return `Odesláno ${formatDate(project.lastSubmittedAt)}${version}`;
}

function statusLineClass(project: ProjectFormView): string {
  if (project.returned) return 'status-line returned';
  return isSubmitted(project) ? 'status-line submitted' : 'status-line';
}

/** The value of `aria-describedby`, or no attribute when nothing describes the control. */
function describedBy(...idList: Array<string | null>): string | undefined {
  const present = idList.filter((id): id is string => id !== null);
  return present.length === 0 ? undefined : present.join(' ');
}

function ErrorMessage(props: { id: string; message: string }) {
  return (
    <p class="field-error" id={props.id}>
      <span class="visually-hidden">Chyba: </span>
      {props.message}
    </p>
  );
}

interface FieldContext {
  project: ProjectFormView;
  index: number;
}

function TextareaField(props: { context: FieldContext; path: 'thisPeriod' | 'nextPeriodPlan' | 'noteToArr'; label: string; hint: string }) {
  const { context, path } = props;
  const { project, index } = context;
  const id = ids.field(index, path);
  const hintId = ids.hint(index, path);
  const error = project.errors[path];
  const errorId = error === undefined ? null : ids.error(index, path);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <p class="hint" id={hintId}>
        {props.hint}
      </p>
      {errorId === null ? null : <ErrorMessage id={errorId} message={error ?? ''} />}
      <textarea
        id={id}
        name={projectFieldName(project.projectId, path)}
        rows={6}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={errorId === null ? undefined : 'true'}
      >
        {/* The newline after the start tag is eaten by the HTML parser, so a value starting with one keeps it. */}
        {`\n${project.values[path]}`}
      </textarea>
    </div>
  );
}

function StatusField(props: { context: FieldContext }) {
  const { project, index } = props.context;
  const error = project.errors.status;
  const errorId = error === undefined ? null : ids.error(index, 'status');
  return (
    <fieldset aria-describedby={describedBy(errorId)}>
      <legend>Stav projektu</legend>
      {errorId === null ? null : <ErrorMessage id={errorId} message={error ?? ''} />}
      {STATUS_ORDER.map((status, optionIndex) => {
        // The first option carries the field id, so the error summary can link to the group.
        const id = optionIndex === 0 ? ids.field(index, 'status') : `${ids.field(index, 'status')}-${status}`;
        return (
          <div class="radio">
            <input
              type="radio"
              id={id}
              name={projectFieldName(project.projectId, 'status')}
              value={status}
              checked={project.values.status === status}
              aria-invalid={errorId === null ? undefined : 'true'}
            />
            <label for={id}>{PROJECT_STATUS_LABELS[status]}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

function IndicatorFields(props: { context: FieldContext; periodLabel: string }) {
  const { project, index } = props.context;
  if (project.indicators.length === 0) return null;
  const hintId = ids.hint(index, 'indicatorContributions');
  return (
    <fieldset aria-describedby={hintId}>
      <legend>Příspěvek k indikátorům za {props.periodLabel}</legend>
      <p class="hint" id={hintId}>
        Uveďte celé číslo za toto pololetí. Pokud projekt k indikátoru nepřispěl, uveďte 0.
      </p>
      {project.indicators.map((indicator) => {
        const path = indicatorPath(indicator.code);
        const id = ids.field(index, path);
        const error = project.errors[path];
        const errorId = error === undefined ? null : ids.error(index, path);
        return (
          <div class="field indicator">
            <label for={id}>
              {indicator.name} <span class="nowrap">({indicator.code})</span>
            </label>
            {errorId === null ? null : <ErrorMessage id={errorId} message={error ?? ''} />}
            <input
              type="text"
              id={id}
              name={projectFieldName(project.projectId, path)}
              inputmode="numeric"
              autocomplete="off"
              value={project.values.indicatorContributions[indicator.code] ?? ''}
              aria-describedby={describedBy(errorId)}
              aria-invalid={errorId === null ? undefined : 'true'}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/** ARR's request to revise the project, where the person edits it. */
function ReturnedNote(props: { returned: NonNullable<ProjectFormView['returned']>; index: number }) {
  const { returned, index } = props;
  return (
    <div class="returned-note" aria-labelledby={`vraceno-${index}`}>
      <h3 id={`vraceno-${index}`}>Vráceno k doplnění</h3>
      <p>
        ARR Vám {formatDate(returned.returnedAt)} vrátila podklady (verze {returned.version}) s tímto komentářem:
      </p>
      <blockquote class="comment">{returned.comment}</blockquote>
      <p>Upravte prosím podklady níže a uložte je znovu. Do té doby vedeme projekt jako nedodaný.</p>
    </div>
  );
}

function ProjectSection(props: { project: ProjectFormView; index: number; view: SubmissionPageView }) {
  const { project, index, view } = props;
  const context: FieldContext = { project, index };
  const formErrors = formLevelErrors(project);
  const previousPlan = project.previousPlan.trim() === '' ? 'Plán z minulého období není k dispozici.' : project.previousPlan;

  return (
    <section class="panel project" id={projectSectionId(project.projectId)} aria-labelledby={ids.heading(index)}>
      <h2 id={ids.heading(index)}>{project.name}</h2>
      <p class={statusLineClass(project)}>{submissionStatus(project)}</p>
      {/* Inside the section the redirect scrolls to, so the person sees it where they were working. */}
      {project.notice === undefined ? null : (
        <div class="notice" role="status">
          <p>{project.notice}</p>
        </div>
      )}
      {project.returned ? <ReturnedNote returned={project.returned} index={index} /> : null}
      <dl>
        <dt>Oblast aktivit</dt>
        <dd>{project.activityAreaName}</dd>
        {project.activityName === null ? null : (
          <>
            <dt>Aktivita</dt>
            <dd>{project.activityName}</dd>
          </>
        )}
        <dt>Cíl projektu</dt>
        <dd>{project.goal}</dd>
        <dt>{project.previousPlanPeriodLabel ? `Plán z ${project.previousPlanPeriodLabel}` : 'Plán z minulého období'}</dt>
        <dd>{previousPlan}</dd>
      </dl>
      {formErrors.length === 0 ? null : (
        <div class="form-error" id={ids.error(index, FORM_ERROR)} tabindex={-1}>
          {formErrors.map((message) => (
            <p>
              <span class="visually-hidden">Chyba: </span>
              {message}
            </p>
          ))}
        </div>
      )}
      <input type="hidden" name={projectFieldName(project.projectId, 'expectedVersion')} value={String(project.expectedVersion)} />
      <TextareaField
        context={context}
        path="thisPeriod"
        label={`Co se v projektu udělalo v období ${view.periodLabel}`}
        hint="Stručně popište hlavní činnosti a výsledky. Vyjít můžete z plánu z minulého období uvedeného výše."
      />
      <TextareaField
        context={context}
        path="nextPeriodPlan"
        label={`Plán na ${view.nextPeriodLabel}`}
        hint="Co se má v projektu v dalším pololetí udělat. V příštím monitoringu to tu uvidíte jako výchozí bod."
      />
      <StatusField context={context} />
      <IndicatorFields context={context} periodLabel={view.periodLabel} />
      <TextareaField context={context} path="noteToArr" label="Poznámka pro ARR (nepovinné)" hint="Poznámka slouží jen pro ARR, do zprávy se nepřebírá." />
      {/* Every button posts the whole page; its value only says where the person was, to come back there. */}
      <button type="submit" name={SAVE_BUTTON_NAME} value={project.projectId} aria-describedby={SAVE_HINT_ID}>
        Uložit vše
        <span class="visually-hidden"> (jsem u projektu {project.name})</span>
      </button>
    </section>
  );
}

/** Every error on the page, linked to its field (a radio group links to its first option). */
function ErrorSummary(props: { view: SubmissionPageView }) {
  const items = errorSummaryItems(props.view);
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="souhrn-chyb" tabindex={-1}>
      <h2 id="souhrn-chyb">Podklady se nepodařilo uložit</h2>
      <p>Opravte prosím:</p>
      <ul>
        {items.map((item) => (
          <li>
            <a href={`#${item.href}`}>
              {item.projectName}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const TYPED_LABELS = { thisPeriod: 'Co se udělalo', nextPeriodPlan: 'Plán', noteToArr: 'Poznámka pro ARR' } as const;

/** Projects this page can no longer show, with what was typed for them, so nothing typed is lost. */
function NotTheirs(props: { view: SubmissionPageView }) {
  const projects = props.view.notTheirs ?? [];
  if (projects.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="neulozene-projekty" tabindex={-1}>
      <h2 id="neulozene-projekty">{projects.length === 1 ? 'Jeden projekt se neuložil' : 'Některé projekty se neuložily'}</h2>
      {projects.map((project) => {
        const typed = (Object.keys(TYPED_LABELS) as Array<keyof typeof TYPED_LABELS>).filter((name) => project.typed[name].trim() !== '');
        return (
          <>
            <p>{project.message}</p>
            {typed.length === 0 ? null : (
              <>
                <p>Co jste k němu napsali, si můžete zkopírovat a poslat ARR e-mailem:</p>
                <dl>
                  {typed.map((name) => (
                    <>
                      <dt>{TYPED_LABELS[name]}</dt>
                      <dd>{project.typed[name]}</dd>
                    </>
                  ))}
                </dl>
              </>
            )}
          </>
        );
      })}
    </div>
  );
}

function errorSummaryItems(view: SubmissionPageView): Array<{ href: string; projectName: string; message: string }> {
  return view.projects.flatMap((project, index) => {
    const indicatorCodes = new Map(project.indicators.map((indicator) => [indicatorPath(indicator.code), indicator.code]));
    const fieldItems = fieldPaths(project)
      .filter((path) => project.errors[path] !== undefined)
      .map((path) => {
        const message = project.errors[path] ?? '';
        const code = indicatorCodes.get(path);
        // A project may ask for several indicators: the summary names the one the error is about.
        return { href: ids.field(index, path), message: code === undefined ? message : `${message.replace(/\.$/, '')} (indikátor ${code}).` };
      });
    const formItems = formLevelErrors(project).map((message) => ({ href: ids.error(index, FORM_ERROR), message }));
    return [...formItems, ...fieldItems].map((item) => ({ ...item, projectName: project.name }));
  });
}

function progressLine(projects: ProjectFormView[]): string {
  const total = projects.length;
  const missing = projects.filter((project) => !isSubmitted(project)).length;
  if (missing === 0) return `Podklady máte odeslané u všech projektů (${total} z ${total}). Děkujeme!`;
  return `Chybí ještě ${countOf(missing, PROJECT_FORMS)} z ${total}`;
}

function ProjectNav(props: { projects: ProjectFormView[] }) {
  // With a single project the list would only repeat the section below it.
  if (props.projects.length < 2) return null;
  return (
    <nav class="panel project-nav" aria-labelledby="prehled-projektu">
      <h2 id="prehled-projektu">Vaše projekty</h2>
      <ul>
        {props.projects.map((project) => (
          <li>
            <a href={`#${projectSectionId(project.projectId)}`}>{project.name}</a> – {submissionStatus(project)}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page behind a contact person's personal link: every project in one form, saved at once. */
export function renderSubmissionPage(view: SubmissionPageView): string {
  const title = `Podklady za ${view.periodLabel}`;
  const hasErrors = errorSummaryItems(view).length > 0 || (view.notTheirs?.length ?? 0) > 0;
  const deadline = formatDeadline(view.deadline);
  const hasProjects = view.projects.length > 0;
  return renderPage(
    <PageLayout title={hasErrors ? `Chyba: ${title}` : title}>
      <h1>{title}</h1>
      <ErrorSummary view={view} />
      <NotTheirs view={view} />
      <div class="panel">
        <p>
          Kontaktní osoba: <strong>{view.personName}</strong>
        </p>
        {hasProjects ? (
          <>
            <p>
              Termín odevzdání: <strong>{deadline}</strong> ({describeDeadlineStatus(deadlineStatus(view.deadline, view.now))})
            </p>
            <p class="summary-status">{progressLine(view.projects)}</p>
            <p class="muted" id={SAVE_HINT_ID}>
              Všechny projekty jsou v jednom formuláři. Tlačítko „Uložit vše“ pod kterýmkoli projektem uloží každý projekt, který jste
              vyplnili nebo změnili; nic rozepsaného se neztratí. Odeslané podklady můžete až do uzavření sběru opravit.
            </p>
          </>
        ) : (
          // ARR made someone else the contact person of every project this person had.
          <>
            <p class="summary-status">Nemáte přiřazené žádné projekty.</p>
            <p>Podklady od vás v tomto sběru nepotřebujeme. Pokud jste byli kontaktní osobou některého projektu, ARR ji mezitím změnila.</p>
          </>
        )}
      </div>
      {hasProjects ? (
        <>
          <ProjectNav projects={view.projects} />
          <form method="post" action={view.formAction}>
            {view.projects.map((project, index) => (
              <ProjectSection project={project} index={index} view={view} />
            ))}
          </form>
        </>
      ) : null}
    </PageLayout>,
  );
}
