/**
 * The action plan in the console: an overview, contact persons, guarantors, projects and
 * indicators with their edit forms (ARR only), the plan's import and export, its history of
 * revisions, and the import of a past monitoring report.
 */
import type { ComponentChildren, VNode } from 'preact';
import { CONTACT_PERSON_FORMS, countOf, INDICATOR_FORMS, PROJECT_FORMS, type CzechForms } from '../../domain/czech-plural';
import type { ReportRefresh } from '../../domain/use-cases/refresh-report';
import { formatDate, formatDateTime } from '../format';
import { renderPage } from '../jsx/render';
import { importedSentence } from '../past-report-import';
import { ConsolePage, CsrfField, ErrorSummary, TableWrap, type ConsoleFrameUser, type Crumb } from './layout';
import { FormErrorSummary, hasFormErrors, PlanForm, type FormView } from './plan-form';

export type PlanSection = 'overview' | 'contacts' | 'areas' | 'projects' | 'indicators' | 'history' | 'import' | 'past-reports';

export interface PlanFrame {
  user: ConsoleFrameUser;
  /** ARR edits; the steering group reads. */
  canEdit: boolean;
  /** A confirmation of what was just done, after a redirect. */
  notice?: string | undefined;
}

const SECTIONS: Array<{ id: PlanSection; href: string; label: string; arrOnly?: boolean }> = [
  { id: 'overview', href: '/arr/plan', label: 'Přehled' },
  { id: 'contacts', href: '/arr/plan/contacts', label: 'Kontaktní osoby' },
  { id: 'areas', href: '/arr/plan/areas', label: 'Garanti oblastí' },
  { id: 'projects', href: '/arr/plan/projects', label: 'Projekty' },
  { id: 'indicators', href: '/arr/plan/indicators', label: 'Indikátory' },
  { id: 'history', href: '/arr/plan/history', label: 'Historie změn' },
  { id: 'import', href: '/arr/plan/import', label: 'Import a export', arrOnly: true },
  { id: 'past-reports', href: '/arr/plan/past-reports', label: 'Minulé zprávy', arrOnly: true },
];

function sectionLabel(id: PlanSection): string {
  return SECTIONS.find((section) => section.id === id)?.label ?? '';
}

function PlanNav(props: { current: PlanSection; canEdit: boolean }): VNode {
  return (
    <nav class="sub-nav" aria-label="Části akčního plánu">
      <ul>
        {SECTIONS.filter((section) => props.canEdit || !section.arrOnly).map((section) => (
          <li>
            <a href={section.href} aria-current={section.id === props.current ? 'page' : undefined}>
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface PlanPageProps {
  frame: PlanFrame;
  section: PlanSection;
  title: string;
  /** Below the section, e.g. the edited item; the last crumb is the page itself. */
  crumbs?: Crumb[];
  hasErrors?: boolean;
  children: ComponentChildren;
}

function PlanPage(props: PlanPageProps): VNode {
  const sectionCrumb: Crumb[] = props.section === 'overview' ? [] : [{ href: SECTIONS.find((s) => s.id === props.section)?.href, label: sectionLabel(props.section) }];
  const crumbs: Crumb[] = [{ href: '/arr/plan', label: 'Akční plán' }, ...sectionCrumb, ...(props.crumbs ?? [])];
  return (
    <ConsolePage title={props.title} user={props.frame.user} hasErrors={props.hasErrors ?? false} breadcrumbs={crumbs.length > 1 ? crumbs : [{ label: 'Akční plán' }]}>
      <PlanNav current={props.section} canEdit={props.frame.canEdit} />
      <h1>{props.title}</h1>
      {props.frame.notice ? (
        <p class="notice" role="status">
          {props.frame.notice}
        </p>
      ) : null}
      {props.children}
    </ConsolePage>
  );
}

/** „Upravit“, with what is edited for screen readers (the visible word stays the start of the name). */
function EditLink(props: { href: string; what: string }): VNode {
  return (
    <a href={props.href}>
      Upravit<span class="visually-hidden"> {props.what}</span>
    </a>
  );
}

// ---- Overview -----------------------------------------------------------------------------

export interface PlanOverviewView {
  frame: PlanFrame;
  name: string;
  years: string;
  revision: number;
  lastChange: { author: string; at: Date; reason: string } | null;
  counts: { areas: number; activeProjects: number; finishedProjects: number; contacts: number; indicators: number };
}

export function renderPlanOverview(view: PlanOverviewView): string {
  const { counts } = view;
  return renderPage(
    <PlanPage frame={view.frame} section="overview" title="Akční plán">
      <section class="panel" aria-labelledby="plan-souhrn">
        <h2 id="plan-souhrn">{view.name}</h2>
        <dl class="facts">
          <dt>Období plánu</dt>
          <dd>{view.years}</dd>
          <dt>Aktuální verze</dt>
          <dd>
            <a href={`/arr/plan/history/${view.revision}`}>verze {view.revision}</a>
            {view.lastChange ? ` – ${view.lastChange.reason} (${view.lastChange.author}, ${formatDate(view.lastChange.at)})` : ''}
          </dd>
          <dt>Oblasti aktivit</dt>
          <dd>{counts.areas}</dd>
          <dt>Projekty</dt>
          <dd>
            {counts.activeProjects} probíhajících, {counts.finishedProjects} dokončených nebo zrušených
          </dd>
          <dt>Kontaktní osoby</dt>
          <dd>{counts.contacts}</dd>
          <dt>Indikátory</dt>
          <dd>{counts.indicators}</dd>
        </dl>
      </section>
      <p>
        Změna plánu platí hned: v otevřeném cyklu se projeví ve všem, co se ještě posílá (pozvánky, připomínky, eskalace). Každá změna se
        uloží jako nová verze plánu s tím, kdo ji udělal a kdy.
      </p>
      {view.frame.canEdit ? (
        <p class="actions">
          <a class="button-link secondary" href="/arr/plan/export">
            Stáhnout plán (JSON)
          </a>
          <a class="button-link secondary" href="/arr/plan/import">
            Nahrát plán ze souboru
          </a>
        </p>
      ) : null}
    </PlanPage>,
  );
}

// ---- Contact persons ----------------------------------------------------------------------

export interface ContactsView {
  frame: PlanFrame;
  contacts: Array<{ id: string; name: string; email: string; organisation: string; projects: string[] }>;
  addForm: FormView | null;
}

export function renderContactsPage(view: ContactsView): string {
  return renderPage(
    <PlanPage frame={view.frame} section="contacts" title="Kontaktní osoby" hasErrors={hasFormErrors(view.addForm)}>
      {view.frame.canEdit ? (
        <p>
          <a href="#nova-osoba">Přidat kontaktní osobu</a>
        </p>
      ) : null}
      <TableWrap labelledBy="tabulka-osob">
        <table>
          <caption id="tabulka-osob">Kontaktní osoby projektů</caption>
          <thead>
            <tr>
              <th scope="col">Jméno</th>
              <th scope="col">E-mail</th>
              <th scope="col">Organizace</th>
              <th scope="col">Projekty</th>
              {view.frame.canEdit ? <th scope="col">Akce</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.contacts.map((person) => (
              <tr id={`osoba-${person.id}`}>
                <th scope="row">{person.name}</th>
                <td>{person.email}</td>
                <td>{person.organisation || '–'}</td>
                <td>{person.projects.length === 0 ? '–' : person.projects.join(', ')}</td>
                {view.frame.canEdit ? (
                  <td>
                    <EditLink href={`/arr/plan/contacts/${encodeURIComponent(person.id)}`} what={person.name} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {view.addForm ? (
        <section class="panel" aria-labelledby="nova-osoba">
          <h2 id="nova-osoba" tabindex={-1}>
            Přidat kontaktní osobu
          </h2>
          <PlanForm form={view.addForm} csrf={view.frame.user.csrf} />
        </section>
      ) : null}
    </PlanPage>,
  );
}

// ---- Activity areas and their guarantors ---------------------------------------------------

export interface AreasView {
  frame: PlanFrame;
  areas: Array<{ id: string; name: string; department: string; email: string; activities: string[] }>;
}

export function renderAreasPage(view: AreasView): string {
  return renderPage(
    <PlanPage frame={view.frame} section="areas" title="Garanti oblastí aktivit">
      <p>Garantovi oblasti jde eskalace, když kontaktní osoby jeho projektů neodevzdají podklady včas.</p>
      <TableWrap labelledBy="tabulka-oblasti">
        <table>
          <caption id="tabulka-oblasti">Oblasti aktivit a jejich garanti</caption>
          <thead>
            <tr>
              <th scope="col">Oblast aktivit</th>
              <th scope="col">Garant (odbor)</th>
              <th scope="col">E-mail garanta</th>
              {view.frame.canEdit ? <th scope="col">Akce</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.areas.map((area) => (
              <tr id={`oblast-${area.id}`}>
                <th scope="row">
                  {area.name}
                  <br />
                  <span class="muted">{area.activities.join('; ')}</span>
                </th>
                <td>{area.department}</td>
                <td>{area.email}</td>
                {view.frame.canEdit ? (
                  <td>
                    <EditLink href={`/arr/plan/areas/${encodeURIComponent(area.id)}`} what={`garant oblasti ${area.name}`} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </PlanPage>,
  );
}

// ---- Projects -----------------------------------------------------------------------------

export type LifecycleTone = 'active' | 'finished';

export interface ProjectsView {
  frame: PlanFrame;
  groups: Array<{
    title: string;
    projects: Array<{ id: string; name: string; activity: string; lifecycleLabel: string; tone: LifecycleTone; contacts: string }>;
  }>;
  addForm: FormView | null;
}

export function renderProjectsPage(view: ProjectsView): string {
  return renderPage(
    <PlanPage frame={view.frame} section="projects" title="Projekty" hasErrors={hasFormErrors(view.addForm)}>
      <p>
        Dokončený nebo zrušený projekt zůstává v právě otevřeném cyklu a v příštím už osloven nebude. Nový nebo znovu zahájený projekt se
        v otevřeném cyklu poptá hned: jeho kontaktní osoby dostanou e-mail s odkazem.
      </p>
      {view.frame.canEdit ? (
        <p>
          <a href="#novy-projekt">Přidat projekt</a>
        </p>
      ) : null}
      {view.groups.map((group, index) => (
        <section aria-labelledby={`skupina-${index}`}>
          <h2 id={`skupina-${index}`}>{group.title}</h2>
          <TableWrap labelledBy={`skupina-${index}`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Projekt</th>
                  <th scope="col">Aktivita</th>
                  <th scope="col">Kontaktní osoby</th>
                  <th scope="col">Stav</th>
                  {view.frame.canEdit ? <th scope="col">Akce</th> : null}
                </tr>
              </thead>
              <tbody>
                {group.projects.map((project) => (
                  <tr id={`projekt-${project.id}`}>
                    <th scope="row">{project.name}</th>
                    <td>{project.activity}</td>
                    <td>{project.contacts}</td>
                    <td>
                      <span class={project.tone === 'active' ? 'state state-submitted' : 'state'}>{project.lifecycleLabel}</span>
                    </td>
                    {view.frame.canEdit ? (
                      <td>
                        <EditLink href={`/arr/plan/projects/${encodeURIComponent(project.id)}`} what={project.name} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
      {view.addForm ? (
        <section class="panel" aria-labelledby="novy-projekt">
          <h2 id="novy-projekt" tabindex={-1}>
            Přidat projekt
          </h2>
          <PlanForm form={view.addForm} csrf={view.frame.user.csrf} />
        </section>
      ) : null}
    </PlanPage>,
  );
}

// ---- Indicators ---------------------------------------------------------------------------

export interface PlanIndicatorsView {
  frame: PlanFrame;
  indicators: Array<{ code: string; name: string; area: string; unit: string; baseline: string }>;
}

export function renderPlanIndicatorsPage(view: PlanIndicatorsView): string {
  return renderPage(
    <PlanPage frame={view.frame} section="indicators" title="Indikátory">
      <TableWrap labelledBy="tabulka-indikatoru">
        <table>
          <caption id="tabulka-indikatoru">Indikátory akčního plánu</caption>
          <thead>
            <tr>
              <th scope="col">Kód</th>
              <th scope="col">Název</th>
              <th scope="col">Oblast aktivit</th>
              <th scope="col">Jednotka</th>
              <th scope="col">Výchozí hodnota</th>
              {view.frame.canEdit ? <th scope="col">Akce</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.indicators.map((indicator) => (
              <tr id={`indikator-${indicator.code}`}>
                <th scope="row">{indicator.code}</th>
                <td>{indicator.name}</td>
                <td>{indicator.area}</td>
                <td>{indicator.unit}</td>
                <td>{indicator.baseline}</td>
                {view.frame.canEdit ? (
                  <td>
                    <EditLink href={`/arr/plan/indicators/${encodeURIComponent(indicator.code)}`} what={`indikátor ${indicator.code}`} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </PlanPage>,
  );
}

// ---- One item's edit page -----------------------------------------------------------------

export interface PlanEditView {
  frame: PlanFrame;
  section: PlanSection;
  title: string;
  /** What the item is now, e.g. after a refused change. */
  current: Array<{ label: string; value: string }>;
  /** Before the form: what saving will do. */
  explanation?: string;
  form: FormView;
}

export function renderPlanEditPage(view: PlanEditView): string {
  return renderPage(
    <PlanPage frame={view.frame} section={view.section} title={view.title} crumbs={[{ label: view.title }]} hasErrors={hasFormErrors(view.form)}>
      <FormErrorSummary form={view.form} />
      <section class="panel" aria-labelledby="ulozeno-nyni">
        <h2 id="ulozeno-nyni">Nyní uloženo</h2>
        <dl class="facts">
          {view.current.map((fact) => (
            <>
              <dt>{fact.label}</dt>
              <dd>{fact.value || '–'}</dd>
            </>
          ))}
        </dl>
      </section>
      {view.explanation ? <p>{view.explanation}</p> : null}
      <section class="panel" aria-labelledby="zmena">
        <h2 id="zmena">Změna</h2>
        <PlanForm form={view.form} csrf={view.frame.user.csrf} summary={false} />
      </section>
    </PlanPage>,
  );
}

// ---- Import and export --------------------------------------------------------------------

export interface ImportProblem {
  /** Where in the file, in words: „Projekt č. 4 (gymnazium-ceska-lipa) › kontaktní osoby › položka 1“. */
  location: string;
  message: string;
}

export interface PlanImportView {
  frame: PlanFrame;
  revision: number;
  text: string;
  /** A refusal of the whole file (not JSON, someone changed the plan meanwhile…). */
  formError?: string | undefined;
  problems: ImportProblem[];
}

const IMPORT_FIELD = 'plan-json';
/** The summary names the first few; the list at the field has them all. */
const SUMMARY_PROBLEMS = 5;
const ERROR_FORMS: CzechForms = { one: 'další chyba', few: 'další chyby', many: 'dalších chyb' };

export function renderPlanImportPage(view: PlanImportView): string {
  const summary = [
    ...(view.formError ? [{ fieldId: IMPORT_FIELD, message: view.formError }] : []),
    ...view.problems.slice(0, SUMMARY_PROBLEMS).map((problem) => ({ fieldId: 'chyby-planu', message: `${problem.location}: ${problem.message}` })),
    ...(view.problems.length > SUMMARY_PROBLEMS
      ? [{ fieldId: 'chyby-planu', message: `… a ${countOf(view.problems.length - SUMMARY_PROBLEMS, ERROR_FORMS)} navíc; všechny jsou vypsané u pole s plánem.` }]
      : []),
  ];
  return renderPage(
    <PlanPage frame={view.frame} section="import" title="Import a export plánu" hasErrors={summary.length > 0}>
      <ErrorSummary title="Plán se nepodařilo nahrát; nic nebylo uloženo" errors={summary} />
      <section class="panel" aria-labelledby="export">
        <h2 id="export">Export</h2>
        <p>Soubor JSON s celým plánem (verze {view.revision}). Upravený jej můžete nahrát zpět.</p>
        <p>
          <a class="button-link secondary" href="/arr/plan/export">
            Stáhnout plán (JSON)
          </a>
        </p>
      </section>
      <section class="panel" aria-labelledby="import">
        <h2 id="import">Import</h2>
        <p>
          Nahraný plán nahradí celý současný plán. Nejdřív se celý zkontroluje; při jakékoli chybě se nic neuloží. Pokud plán odebírá
          projekt, který má v otevřeném cyklu odevzdané podklady, budete požádáni o potvrzení.
        </p>
        <form method="post" action="/arr/plan/import" enctype="multipart/form-data" novalidate>
          <CsrfField token={view.frame.user.csrf} />
          <input type="hidden" name="expectedRevision" value={String(view.revision)} />
          <div class="field">
            <label for="plan-soubor">Soubor s plánem (JSON)</label>
            <p class="hint" id="plan-soubor-napoveda">
              Například soubor stažený tlačítkem „Stáhnout plán (JSON)“.
            </p>
            <input type="file" id="plan-soubor" name="file" accept=".json,application/json" aria-describedby="plan-soubor-napoveda" />
          </div>
          <div class="field">
            <label for={IMPORT_FIELD}>Nebo vložte JSON plánu</label>
            <p class="hint" id={`${IMPORT_FIELD}-napoveda`}>
              Když vyberete soubor, použije se soubor.
            </p>
            {view.problems.length > 0 ? (
              <div class="field-error" id="chyby-planu" tabindex={-1}>
                <p>
                  <span class="visually-hidden">Chyba: </span>Chyby v plánu:
                </p>
                <ul>
                  {view.problems.map((problem) => (
                    <li>
                      <strong>{problem.location}:</strong> {problem.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {view.formError ? (
              <p class="field-error" id={`${IMPORT_FIELD}-chyba`}>
                <span class="visually-hidden">Chyba: </span>
                {view.formError}
              </p>
            ) : null}
            <textarea
              id={IMPORT_FIELD}
              name="plan"
              class="code"
              aria-invalid={summary.length > 0 ? 'true' : undefined}
              aria-describedby={[`${IMPORT_FIELD}-napoveda`, view.problems.length > 0 ? 'chyby-planu' : '', view.formError ? `${IMPORT_FIELD}-chyba` : ''].filter(Boolean).join(' ')}
            >
              {view.text}
            </textarea>
          </div>
          <button type="submit">Zkontrolovat a nahrát plán</button>
        </form>
      </section>
    </PlanPage>,
  );
}

export interface RemovalConfirmationView {
  frame: PlanFrame;
  revision: number;
  /** One sentence per project: „Projekt „X“ má podklady za 1. pololetí 2026.“ */
  projects: string[];
  text: string;
}

export function renderRemovalConfirmation(view: RemovalConfirmationView): string {
  return renderPage(
    <PlanPage frame={view.frame} section="import" title="Odebrat projekty s podklady?" crumbs={[{ label: 'Potvrzení' }]}>
      <div class="panel">
        <p>Nahraný plán odebírá projekty, které už mají v otevřeném cyklu odevzdané podklady. Zatím nebylo nic uloženo.</p>
        <ul>
          {view.projects.map((project) => (
            <li>{project}</li>
          ))}
        </ul>
        <p>Když odebrání potvrdíte, projekty z cyklu zmizí a jejich podklady se do monitorovací zprávy nedostanou.</p>
        <form method="post" action="/arr/plan/import" class="actions">
          <CsrfField token={view.frame.user.csrf} />
          <input type="hidden" name="expectedRevision" value={String(view.revision)} />
          <input type="hidden" name="plan" value={view.text} />
          <input type="hidden" name="confirm" value="1" />
          <button type="submit" class="danger">
            Ano, projekty odebrat a plán uložit
          </button>
          <a class="button-link secondary" href="/arr/plan/import">
            Ne, plán neukládat
          </a>
        </form>
      </div>
    </PlanPage>,
  );
}

// ---- History ------------------------------------------------------------------------------

export interface RevisionRow {
  revision: number;
  author: string;
  at: Date;
  reason: string;
  changes: string[];
}

const SHOWN_CHANGES = 3;

export function renderPlanHistoryPage(view: { frame: PlanFrame; revisions: RevisionRow[] }): string {
  return renderPage(
    <PlanPage frame={view.frame} section="history" title="Historie změn plánu">
      <TableWrap labelledBy="tabulka-verzi">
        <table>
          <caption id="tabulka-verzi">Verze plánu, nejnovější nahoře</caption>
          <thead>
            <tr>
              <th scope="col">Verze</th>
              <th scope="col">Kdy</th>
              <th scope="col">Kdo</th>
              <th scope="col">Co se změnilo</th>
            </tr>
          </thead>
          <tbody>
            {view.revisions.map((row) => (
              <tr>
                <th scope="row">
                  <a class="nowrap" href={`/arr/plan/history/${row.revision}`}>
                    verze {row.revision}
                  </a>
                </th>
                <td>{formatDateTime(row.at)}</td>
                <td>{row.author}</td>
                <td>
                  {row.reason}
                  <ul class="changes">
                    {row.changes.slice(0, SHOWN_CHANGES).map((change) => (
                      <li>{change}</li>
                    ))}
                  </ul>
                  {row.changes.length > SHOWN_CHANGES ? <span class="muted">a {row.changes.length - SHOWN_CHANGES} dalších změn</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </PlanPage>,
  );
}

export interface RevisionView {
  frame: PlanFrame;
  row: RevisionRow;
  current: boolean;
  counts: { projects: number; contacts: number; indicators: number };
  previous: number | null;
  next: number | null;
}

export function renderPlanRevisionPage(view: RevisionView): string {
  const { row } = view;
  return renderPage(
    <PlanPage frame={view.frame} section="history" title={`Verze ${row.revision} plánu`} crumbs={[{ label: `Verze ${row.revision}` }]}>
      <section class="panel" aria-labelledby="o-verzi">
        <h2 id="o-verzi">O verzi</h2>
        <dl class="facts">
          <dt>Kdy</dt>
          <dd>{formatDateTime(row.at)}</dd>
          <dt>Kdo</dt>
          <dd>{row.author}</dd>
          <dt>Důvod</dt>
          <dd>{row.reason}</dd>
          <dt>Plán v této verzi</dt>
          <dd>
            {countOf(view.counts.projects, PROJECT_FORMS)}, {countOf(view.counts.contacts, CONTACT_PERSON_FORMS)}, {countOf(view.counts.indicators, INDICATOR_FORMS)}
            {view.current ? ' (aktuální verze)' : ''}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="zmeny">
        <h2 id="zmeny">Co se změnilo ({row.changes.length})</h2>
        <ul class="changes">
          {row.changes.map((change) => (
            <li>{change}</li>
          ))}
        </ul>
      </section>
      <p class="actions">
        {view.previous !== null ? (
          <a class="button-link secondary" href={`/arr/plan/history/${view.previous}`}>
            Předchozí verze ({view.previous})
          </a>
        ) : null}
        {view.next !== null ? (
          <a class="button-link secondary" href={`/arr/plan/history/${view.next}`}>
            Následující verze ({view.next})
          </a>
        ) : null}
        {view.frame.canEdit ? (
          <a class="button-link secondary" href={`/arr/plan/history/${row.revision}/export`}>
            Stáhnout tuto verzi (JSON)
          </a>
        ) : null}
      </p>
    </PlanPage>,
  );
}

// ---- A past monitoring report -------------------------------------------------------------

/** The report of the half-year after the imported one, assembled already before the import. */
type NextReport = { periodLabel: string; outcome: ReportRefresh };

export interface PastReportView {
  frame: PlanFrame;
  imported: Array<{ id: string; label: string }>;
  text: string;
  error?: string | undefined;
  result?:
    | {
        periodLabel: string;
        imported: number;
        corrected: number;
        alreadyLoaded: boolean;
        unmatched: string[];
        warnings: string[];
        nextReport?: NextReport | undefined;
      }
    | undefined;
}

const REPORT_FIELD = 'zprava-text';
/** Up to this many importer warnings are shown unfolded. */
const OPEN_WARNINGS = 3;

/** What the import did to the report of the half-year after it, which was assembled already. */
function nextReportNote(next: NextReport): string {
  return next.outcome === 'refreshed'
    ? `Zpráva za ${next.periodLabel} se sestaví znovu a ve sloupci „aktivity v předchozím období“ bude mít texty z této zprávy.`
    : `Zpráva za ${next.periodLabel} už byla rozeslána řídicí skupině, a proto zůstává tak, jak byla odeslána.`;
}

export function renderPastReportPage(view: PastReportView): string {
  const { result } = view;
  return renderPage(
    <PlanPage frame={view.frame} section="past-reports" title="Import minulé monitorovací zprávy" hasErrors={view.error !== undefined}>
      <ErrorSummary title="Zprávu se nepodařilo importovat" errors={view.error ? [{ fieldId: REPORT_FIELD, message: view.error }] : []} />
      {result ? (
        <section class="notice" role="status" aria-labelledby="vysledek">
          <h2 id="vysledek">
            {result.alreadyLoaded ? `Zpráva za ${result.periodLabel} už byla nahrána` : `Zpráva za ${result.periodLabel} je nahrána`}
          </h2>
          <p>{importedSentence(result.imported, result.corrected, result.alreadyLoaded)}</p>
          {result.nextReport ? <p>{nextReportNote(result.nextReport)}</p> : null}
          {result.unmatched.length > 0 ? (
            <>
              <p>Tyto projekty ze zprávy v plánu nejsou, a proto se nepřevzaly:</p>
              <ul>
                {result.unmatched.map((name) => (
                  <li>{name}</li>
                ))}
              </ul>
            </>
          ) : null}
          {result.warnings.length > 0 ? (
            // A real report brings dozens of them: folded, so they do not bury the rest of the page.
            <details class="import-warnings" open={result.warnings.length <= OPEN_WARNINGS}>
              <summary>Upozornění ke zprávě ({result.warnings.length})</summary>
              <p>Místa ve zprávě, která se nepodařilo přečíst celá. Projekty se převzaly i tak; zkontrolujte je, když budete chtít.</p>
              <ul>
                {result.warnings.map((warning) => (
                  <li>{warning}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}
      <p>
        Zpráva za pololetí, které systém sám nesbíral, se stane historií: projekty, které v ní jsou, dostanou v dalším cyklu předvyplněný
        plán. Importovat lze jen období, která už skončila. Stejnou zprávu lze nahrát znovu bez následků; opravená zpráva nahradí texty
        projektů, které se v ní změnily.
      </p>
      <form method="post" action="/arr/plan/past-reports" enctype="multipart/form-data" novalidate class="panel">
        <CsrfField token={view.frame.user.csrf} />
        <div class="field">
          <label for="zprava-soubor">Soubor se zprávou (Markdown nebo text)</label>
          <input type="file" id="zprava-soubor" name="file" accept=".md,.txt,text/markdown,text/plain" />
        </div>
        <div class="field">
          <label for={REPORT_FIELD}>Nebo vložte text zprávy</label>
          <p class="hint" id={`${REPORT_FIELD}-napoveda`}>
            Text začíná nadpisem „Monitorovací zpráva za N. pololetí RRRR“ a obsahuje kapitolu 3 s projekty. Když vyberete soubor, použije se
            soubor.
          </p>
          {view.error ? (
            <p class="field-error" id={`${REPORT_FIELD}-chyba`}>
              <span class="visually-hidden">Chyba: </span>
              {view.error}
            </p>
          ) : null}
          <textarea
            id={REPORT_FIELD}
            name="report"
            class="code"
            aria-invalid={view.error ? 'true' : undefined}
            aria-describedby={view.error ? `${REPORT_FIELD}-napoveda ${REPORT_FIELD}-chyba` : `${REPORT_FIELD}-napoveda`}
          >
            {view.text}
          </textarea>
        </div>
        <button type="submit">Importovat zprávu</button>
      </form>
      <section aria-labelledby="nahrane">
        <h2 id="nahrane">Nahrané zprávy</h2>
        {view.imported.length === 0 ? (
          <p>Zatím žádné.</p>
        ) : (
          <ul>
            {view.imported.map((cycle) => (
              <li>{cycle.label}</li>
            ))}
          </ul>
        )}
      </section>
    </PlanPage>,
  );
}
