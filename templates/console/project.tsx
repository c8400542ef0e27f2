/**
 * One project of a cycle: every version its contact persons sent and what changed between two of
 * them; the person's text next to ARR's text for the report, with their difference; the returns
 * with their comments; and ARR's two actions, returning the project and editing its text.
 */
import type { VNode } from 'preact';
import { formatDate, formatDateTime, formatIsoDate } from '../format';
import { renderPage } from '../jsx/render';
import { ConsolePage, cyclePath, CsrfField, ErrorSummary, InputField, type ConsoleFrameUser, type FieldError } from './layout';

/** A piece of text in a comparison: kept, added or removed. */
export interface DiffPart {
  value: string;
  change: 'same' | 'added' | 'removed';
}

export interface ProjectVersionView {
  version: number;
  submittedAt: Date;
  submittedBy: string;
  fields: Array<{ label: string; value: string }>;
}

/** ARR's forms with what is in them: stored texts, or what was typed into a refused form. */
export interface ProjectForms {
  /** The person's newest version: both forms act on it. */
  version: number;
  editorial: { thisPeriod: string; nextPeriodPlan: string; errors: Record<string, string>; conflict?: string | undefined };
  /** Null while a return waits for the person's new version. */
  return: { comment: string; errors: Record<string, string>; conflict?: string | undefined } | null;
  /** The overdue notice's day once it has come (else null): neither that notice nor the escalation chases a return made now. */
  overdueNoticeDayPassed: string | null;
}

export interface ProjectView {
  user: ConsoleFrameUser;
  cycleId: string;
  periodLabel: string;
  notice?: string | undefined;
  project: { id: string; name: string; areaName: string; goal: string; contacts: string };
  /** What the project planned for this half-year, and in which half-year's report; null when no earlier report has a plan for it. */
  previousPlan: { periodLabel: string; text: string } | null;
  state: 'not-submitted' | 'submitted' | 'returned';
  stateLabel: string;
  /** „změněno po úpravě ARR“ when the person sent a version after ARR's edit. */
  changedSinceEditorialLabel: string | null;
  /** For ARR when the cycle is not open: why the forms are missing. */
  closedNote: string | null;
  standingReturn: { version: number; comment: string; by: string; at: Date } | null;
  texts: {
    person: { version: number; by: string; at: Date; thisPeriod: string; nextPeriodPlan: string };
    arr: { by: string; at: Date; basedOnVersion: number; thisPeriod: string; nextPeriodPlan: string } | null;
    diff: Array<{ label: string; parts: DiffPart[] }>;
  } | null;
  history: Array<{ at: Date; title: string; by: string; comment: string | null }>;
  /** Null for the steering group, in a cycle that is not open, and before the first version. */
  forms: ProjectForms | null;
  /** Why ARR's post was refused when there is no form to show it at. */
  refusal: string | null;
  versions: ProjectVersionView[];
  comparison: { from: number; to: number; fields: Array<{ label: string; parts: DiffPart[] }> } | null;
}

const FIELD_IDS = {
  comment: 'vraceni-komentar',
  thisPeriod: 'arr-co-udelano',
  nextPeriodPlan: 'arr-plan',
} as const;

function DiffText(props: { parts: DiffPart[] }): VNode {
  return (
    <>
      {props.parts.map((part) =>
        part.change === 'added' ? (
          <ins>
            <span class="visually-hidden">[přidáno: </span>
            {part.value}
            <span class="visually-hidden">]</span>
          </ins>
        ) : part.change === 'removed' ? (
          <del>
            <span class="visually-hidden">[odebráno: </span>
            {part.value}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          part.value
        ),
      )}
    </>
  );
}

function CompareForm(props: { view: ProjectView }): VNode {
  const { versions, comparison } = props.view;
  const latest = versions.at(-1)?.version ?? 1;
  const from = comparison?.from ?? Math.max(1, latest - 1);
  const to = comparison?.to ?? latest;
  const select = (id: string, name: string, label: string, selected: number) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        {versions.map((version) => (
          <option value={String(version.version)} selected={version.version === selected}>
            verze {version.version} ({formatDate(version.submittedAt)})
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="" class="panel">
      <h2>Porovnat verze</h2>
      <div class="field-row">
        {select('verze-od', 'od', 'Starší verze', from)}
        {select('verze-do', 'do', 'Novější verze', to)}
      </div>
      <button type="submit">Porovnat</button>
    </form>
  );
}

function TextBlock(props: { label: string; value: string }): VNode {
  return (
    <>
      <dt>{props.label}</dt>
      <dd class="text">{props.value || '–'}</dd>
    </>
  );
}

/** The person's newest text and ARR's text side by side, then what ARR changed. */
function ReportTexts(props: { view: ProjectView; projectPath: string }): VNode | null {
  const { texts } = props.view;
  if (!texts) return null;
  const { person, arr } = texts;
  return (
    <section class="panel" aria-labelledby="text-do-zpravy">
      <h2 id="text-do-zpravy">Text do zprávy</h2>
      <p>
        {arr
          ? 'Zpráva tiskne text ARR. Stav projektu a příspěvky k indikátorům jsou vždy od kontaktní osoby.'
          : 'ARR text neupravila: zpráva tiskne text kontaktní osoby.'}
      </p>
      <div class="side-by-side">
        <section class="text-version" aria-labelledby="text-osoby">
          <h3 id="text-osoby">Verze kontaktní osoby</h3>
          <p class="muted">
            Verze {person.version}, poslal(a) {person.by}, {formatDateTime(person.at)}
          </p>
          <dl>
            <TextBlock label="Co se v období udělalo" value={person.thisPeriod} />
            <TextBlock label="Plán na další období" value={person.nextPeriodPlan} />
          </dl>
        </section>
        <section class="text-version arr" aria-labelledby="text-arr">
          <h3 id="text-arr">Verze ARR</h3>
          {arr ? (
            <>
              <p class="muted">
                Upravil(a) {arr.by}, {formatDateTime(arr.at)}; vychází z verze {arr.basedOnVersion}
              </p>
              <dl>
                <TextBlock label="Co se v období udělalo" value={arr.thisPeriod} />
                <TextBlock label="Plán na další období" value={arr.nextPeriodPlan} />
              </dl>
            </>
          ) : (
            <p>Zatím bez úprav ARR.</p>
          )}
        </section>
      </div>
      {arr ? (
        <section class="diff" aria-labelledby="rozdil-arr">
          <h3 id="rozdil-arr">Co ARR změnila oproti verzi {person.version} kontaktní osoby</h3>
          <p class="muted">Text doplněný ARR je podtržený a zeleně, vynechaný přeškrtnutý a červeně.</p>
          <dl>
            {texts.diff.map((field) => (
              <>
                <dt>{field.label}</dt>
                <dd>
                  <DiffText parts={field.parts} />
                </dd>
              </>
            ))}
          </dl>
        </section>
      ) : null}
      {arr && arr.basedOnVersion < person.version ? (
        <p>
          <a href={`${props.projectPath}?od=${arr.basedOnVersion}&do=${person.version}#porovnani`}>
            Co kontaktní osoba změnila od úpravy ARR (verze {arr.basedOnVersion} a {person.version})
          </a>
        </p>
      ) : null}
    </section>
  );
}

function FormConflict(props: { message: string | undefined }): VNode | null {
  if (!props.message) return null;
  return (
    <p class="form-error" role="alert">
      {props.message}
    </p>
  );
}

function EditorialForm(props: { view: ProjectView; forms: ProjectForms; action: string }): VNode {
  const { editorial, version } = props.forms;
  return (
    <section class="panel" aria-labelledby="upravit-text">
      <h2 id="upravit-text">Upravit text do zprávy</h2>
      <p>
        Úprava se týká jen textu ve zprávě; verze kontaktní osoby zůstává uložená a viditelná. Vychází z verze {version} kontaktní osoby.
      </p>
      <FormConflict message={editorial.conflict} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.view.user.csrf} />
        <input type="hidden" name="version" value={String(version)} />
        <InputField id={FIELD_IDS.thisPeriod} name="thisPeriod" label="Co se v období udělalo" value={editorial.thisPeriod} error={editorial.errors.thisPeriod} multiline />
        <InputField id={FIELD_IDS.nextPeriodPlan} name="nextPeriodPlan" label="Plán na další období" value={editorial.nextPeriodPlan} error={editorial.errors.nextPeriodPlan} multiline />
        <button type="submit">Uložit text do zprávy</button>
      </form>
    </section>
  );
}

function ReturnForm(props: { view: ProjectView; forms: ProjectForms; action: string }): VNode {
  const { version } = props.forms;
  const form = props.forms.return;
  if (!form) {
    return (
      <section class="panel" aria-labelledby="vratit">
        <h2 id="vratit">Vrátit k doplnění</h2>
        <p>Verze {version} je vrácena k doplnění; čeká se na novou verzi od kontaktní osoby.</p>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="vratit">
      <h2 id="vratit">Vrátit k doplnění</h2>
      <p>
        Kontaktní osoby dostanou e-mail s odkazem na svou stránku a s vaším komentářem. Projekt se počítá jako neodevzdaný, dokud nepošlou novou verzi; připomínky mu chodí jako
        ostatním.
      </p>
      {props.forms.overdueNoticeDayPassed ? (
        <p>
          Den upozornění na zpoždění ({formatIsoDate(props.forms.overdueNoticeDayPassed)}) už nastal, proto se na projekt vrácený teď nevztahují upozornění na zpoždění
          ani eskalace garantovi. Na novou verzi dohlédněte v přehledu cyklu.
        </p>
      ) : null}
      <FormConflict message={form.conflict} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.view.user.csrf} />
        <input type="hidden" name="version" value={String(version)} />
        <InputField
          id={FIELD_IDS.comment}
          name="comment"
          label={`Komentář k verzi ${version}`}
          hint="Co má kontaktní osoba doplnit nebo opravit; nejvýše 5 000 znaků."
          value={form.comment}
          error={form.errors.comment}
          multiline
        />
        <button type="submit">Vrátit k doplnění</button>
      </form>
    </section>
  );
}

function History(props: { view: ProjectView }): VNode | null {
  if (props.view.history.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="historie">
      <h2 id="historie">Historie projektu</h2>
      <ol class="history">
        {props.view.history.map((entry) => (
          <li>
            <strong>{entry.title}</strong>
            <span class="muted">
              {' '}
              – {entry.by}, {formatDateTime(entry.at)}
            </span>
            {entry.comment !== null ? (
              <p class="comment">
                <span class="visually-hidden">Komentář: </span>
                {entry.comment}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Every message of a refused form once at the top, each linking to its field. */
function errorsOf(forms: ProjectForms | null): FieldError[] {
  if (!forms) return [];
  const errors: FieldError[] = [];
  if (forms.return?.conflict) errors.push({ fieldId: FIELD_IDS.comment, message: forms.return.conflict });
  if (forms.return?.errors.comment) errors.push({ fieldId: FIELD_IDS.comment, message: forms.return.errors.comment });
  if (forms.editorial.conflict) errors.push({ fieldId: FIELD_IDS.thisPeriod, message: forms.editorial.conflict });
  for (const name of ['thisPeriod', 'nextPeriodPlan'] as const) {
    const message = forms.editorial.errors[name];
    if (message) errors.push({ fieldId: FIELD_IDS[name], message });
  }
  return errors;
}

export function renderProjectPage(view: ProjectView): string {
  const cycleHref = cyclePath(view.cycleId);
  const projectPath = `${cycleHref}/projects/${encodeURIComponent(view.project.id)}`;
  const errors = errorsOf(view.forms);
  return renderPage(
    <ConsolePage
      title={view.project.name}
      user={view.user}
      hasErrors={errors.length > 0 || view.refusal !== null}
      breadcrumbs={[{ href: '/arr', label: 'Cykly' }, { href: cycleHref, label: view.periodLabel }, { label: view.project.name }]}
    >
      <h1>{view.project.name}</h1>
      <ErrorSummary title="Akci se nepodařilo provést" errors={errors} />
      {view.refusal ? (
        <p class="form-error" role="alert">
          {view.refusal}
        </p>
      ) : null}
      {view.notice ? (
        <p class="notice" role="status">
          {view.notice}
        </p>
      ) : null}
      <dl class="facts panel">
        <dt>Oblast aktivit</dt>
        <dd>{view.project.areaName}</dd>
        <dt>Kontaktní osoby</dt>
        <dd>{view.project.contacts}</dd>
        <dt>Cíl projektu</dt>
        <dd>{view.project.goal}</dd>
        {view.previousPlan ? (
          <>
            <dt>Plán z {view.previousPlan.periodLabel}</dt>
            <dd class="text">{view.previousPlan.text}</dd>
          </>
        ) : null}
        <dt>Stav v tomto cyklu</dt>
        <dd>
          <span class={`state state-${view.state}`}>{view.stateLabel}</span>
          {view.changedSinceEditorialLabel ? <span class="flag flag-changed">{view.changedSinceEditorialLabel}</span> : null}
        </dd>
      </dl>
      {view.changedSinceEditorialLabel && view.texts?.arr ? (
        <div class="attention" role="note">
          <strong>Změněno po úpravě ARR:</strong> kontaktní osoba poslala verzi {view.texts.person.version} až po úpravě ARR, která vychází z verze{' '}
          {view.texts.arr.basedOnVersion}. Zpráva dál tiskne text ARR{view.forms ? '; porovnejte oba texty a text do zprávy uložte znovu.' : '.'}
        </div>
      ) : null}
      {view.standingReturn ? (
        <section class="returned-note" aria-labelledby="vraceno">
          <h2 id="vraceno">Vráceno k doplnění</h2>
          <p>
            Verzi {view.standingReturn.version} vrátil(a) {view.standingReturn.by}, {formatDateTime(view.standingReturn.at)}. Čeká se na novou verzi.
          </p>
          <p class="comment">
            <span class="visually-hidden">Komentář: </span>
            {view.standingReturn.comment}
          </p>
        </section>
      ) : null}
      {view.closedNote ? <p class="closed-note">{view.closedNote}</p> : null}
      {view.versions.length === 0 ? <p>Kontaktní osoby k projektu zatím nic neposlaly.</p> : null}
      <ReportTexts view={view} projectPath={projectPath} />
      {view.forms ? (
        <>
          <EditorialForm view={view} forms={view.forms} action={`${projectPath}/editorial`} />
          <ReturnForm view={view} forms={view.forms} action={`${projectPath}/return`} />
        </>
      ) : null}
      <History view={view} />
      {view.versions.length > 1 ? <CompareForm view={view} /> : null}
      {view.comparison ? (
        <section class="panel diff" aria-labelledby="porovnani">
          <h2 id="porovnani">
            Změny mezi verzí {view.comparison.from} a {view.comparison.to}
          </h2>
          <p class="muted">Přidaný text je podtržený a zeleně, odebraný přeškrtnutý a červeně.</p>
          <dl>
            {view.comparison.fields.map((field) => (
              <>
                <dt>{field.label}</dt>
                <dd>
                  <DiffText parts={field.parts} />
                </dd>
              </>
            ))}
          </dl>
        </section>
      ) : null}
      {[...view.versions].reverse().map((version) => (
        <section class="panel project" aria-labelledby={`verze-${version.version}`}>
          <h2 id={`verze-${version.version}`}>Verze {version.version}</h2>
          <p class="muted">
            Poslal(a) {version.submittedBy}, {formatDateTime(version.submittedAt)}
          </p>
          <dl>
            {version.fields.map((field) => (
              <>
                <dt>{field.label}</dt>
                <dd>{field.value || '–'}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </ConsolePage>,
  );
}
