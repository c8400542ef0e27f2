/**
 * The action plan in the console, over the plan's use cases (domain/use-cases/manage-plan.ts,
 * load-history.ts): each form becomes the body the JSON API takes, and the use case's Czech
 * errors go back to the fields typed in. Reading is for ARR and the steering group; every change,
 * the import, the export and the past reports are ARR's.
 */
import { DomainError, NotFoundError, ValidationError } from '../../../domain/errors';
import { activityAreaOfProject, contactDisplayName, OUTSIDE_PLAN_NAME, type ActionPlan, type Project } from '../../../domain/plan';
import { normalizeInput } from '../../../domain/text';
import { listImportedCycles } from '../../../domain/use-cases/arr';
import { importPastReport } from '../../../domain/use-cases/load-history';
import {
  addContactPerson,
  addProject,
  exportPlan,
  getPlanRevision,
  importPlan,
  listPlanHistory,
  updateContactPerson,
  updateGuarantor,
  updateIndicator,
  updateProject,
  type PlanChangeResult,
} from '../../../domain/use-cases/manage-plan';
import { formatIsoDate, formatNumber } from '../../../templates/format';
import {
  renderAreasPage,
  renderContactsPage,
  renderPastReportPage,
  renderPlanEditPage,
  renderPlanHistoryPage,
  renderPlanImportPage,
  renderPlanIndicatorsPage,
  renderPlanOverview,
  renderPlanRevisionPage,
  renderProjectsPage,
  renderRemovalConfirmation,
  type PlanFrame,
  type RevisionRow,
} from '../../../templates/console/plan';
import type { FormField, FormView } from '../../../templates/console/plan-form';
import { planFile } from '../../downloads/plan-file';
import { correlationIdOf, pathParameter } from '../../http/body';
import { html, redirect, type HttpResponse } from '../../http/responses';
import { arrOnly, member, type ConsoleRoute, type SignedInContext } from '../context';
import { decimalOrText, fieldText } from '../forms';
import { frameUser, noticeOf } from '../pages';
import { describePlanPath } from '../plan-paths';

const LIFECYCLE_LABELS: Record<Project['lifecycle'], string> = { active: 'probíhá', completed: 'dokončen', cancelled: 'zrušen' };

const NOTICES: Record<string, (revision: string) => string> = {
  ulozeno: (revision) => `Změna je uložena jako verze ${revision} plánu.`,
  'novy-odkaz': (revision) =>
    `Změna je uložena jako verze ${revision} plánu. Na novou adresu odchází nový osobní odkaz do otevřeného cyklu; dřívější odkazy přestaly platit.`,
  poptano: (revision) => `Změna je uložena jako verze ${revision} plánu. Projekt se v otevřeném cyklu poptá hned: jeho kontaktní osoby dostanou e-mail s odkazem.`,
  predano: (revision) =>
    `Změna je uložena jako verze ${revision} plánu. V otevřeném cyklu platí hned: nově přidaná kontaktní osoba dostane e-mail s odkazem, pokud podklady k projektu ještě chybí, a odebraná už k němu upomínky nedostane.`,
  ukonceno: (revision) => `Změna je uložena jako verze ${revision} plánu. V příštím cyklu už projekt osloven nebude.`,
  import: (revision) =>
    `Plán je nahrán jako verze ${revision}. Je-li otevřený cyklus, platí změny i v něm: nové projekty se poptají hned, nově uvedené kontaktní osoby dostanou e-mail s odkazem a odebrané už upomínky k projektu nedostanou.`,
  'beze-zmeny': () => 'Nic se nezměnilo; plán zůstává ve stejné verzi.',
  dorovnano: (revision) =>
    `Plán se nezměnil, zůstává ve verzi ${revision}. Otevřený cyklus mu ale ještě neodpovídal, protože se předchozí uložení nedokončilo; teď už odpovídá: nově přidané kontaktní osoby dostanou e-mail s odkazem a odebrané už upomínky k projektu nedostanou.`,
};

/** `beze-zmeny`, or `dorovnano` when an unchanged save still brought an open cycle up to the plan (a change cut short). */
function unchangedCode(result: PlanChangeResult): string {
  return Object.values(result.openCycles).some((list) => list.length > 0) ? 'dorovnano' : 'beze-zmeny';
}

function frameOf(context: SignedInContext): PlanFrame {
  const query = context.event.queryStringParameters ?? {};
  const notice = noticeOf(NOTICES, query.hotovo);
  const revision = /^\d+$/.test(query.verze ?? '') ? (query.verze as string) : '';
  return {
    user: frameUser(context),
    canEdit: context.user.role === 'arr',
    notice: notice ? notice(revision) : undefined,
  };
}

/** Who changed the plan, for its history: the signed-in person. */
function changeOf(context: SignedInContext) {
  return { actor: context.user.email || context.user.name, correlationId: correlationIdOf(context.event) };
}

function expectedRevisionOf(form: Record<string, string>): number | undefined {
  const value = fieldText(form, 'expectedRevision');
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Where to go after a change: the list, whose top says what happened (the changed row is in the history). */
function afterChange(path: string, result: PlanChangeResult, done: string): HttpResponse {
  const code = result.changes.length === 0 ? unchangedCode(result) : done;
  return redirect(`${path}?hotovo=${code}&verze=${result.revision}`);
}

/** Field paths of the edit bodies and of the whole plan → the form's field names. */
const FIELD_ALIASES: Record<string, string> = {
  placement: 'activityId',
  'placement.activityId': 'activityId',
  baseline: 'baselineValue',
  'baseline.value': 'baselineValue',
  'baseline.asOf': 'baselineAsOf',
};

function formFieldOf(path: string, names: string[]): string | undefined {
  const inItem = path.replace(/^(contactPersons|projects|indicators|activityAreas)\.\d+\./, '').replace(/^guarantor\./, '');
  const name = FIELD_ALIASES[inItem] ?? inItem.replace(/^contactPersonIds(\.\d+)?$/, 'contactPersonIds');
  return names.includes(name) ? name : undefined;
}

interface Refusal {
  status: number;
  errors: Record<string, string>;
  formError?: string;
}

/**
 * A refused change as the form shows it: field errors, or one message for the whole form. A plan
 * changed by someone else meanwhile keeps the person's values and shows what is stored now.
 * Anything else (a missing item, a fault) goes on to the one error mapping.
 */
async function refusalOf(context: SignedInContext, error: unknown, names: string[]): Promise<Refusal> {
  if (!(error instanceof DomainError) || (error.kind !== 'validation' && error.kind !== 'conflict')) throw error;
  if (error.kind === 'conflict' && 'expectedRevision' in error.details) {
    const { revision } = await exportPlan(context.deps.app);
    return {
      status: 409,
      errors: {},
      formError: `Plán mezitím změnil někdo jiný (nyní je to verze ${revision}), a proto se vaše změna neuložila. Nahoře vidíte, co je uloženo teď; ve formuláři zůstaly vaše údaje. Zkontrolujte je a uložte znovu.`,
    };
  }
  const errors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(error.details)) {
    const name = formFieldOf(path, names);
    if (name) errors[name] ??= message;
    else unplaced.push(message);
  }
  const formError = Object.keys(errors).length === 0 || unplaced.length > 0 ? [error.message, ...unplaced].join(' ') : undefined;
  return { status: error.kind === 'conflict' ? 409 : 422, errors, ...(formError ? { formError } : {}) };
}

/** Posted values, the errors and the revision to build a form again after a refusal. */
interface Posted {
  values: Record<string, string>;
  refusal: Refusal;
}

function withErrors(form: FormView, posted: Posted | null): FormView {
  if (!posted) return form;
  return {
    ...form,
    fields: form.fields.map((field) => ({ ...field, error: posted.refusal.errors[field.name] })),
    ...(posted.refusal.formError ? { formError: posted.refusal.formError } : {}),
  };
}

function valueOf(posted: Posted | null, name: string, stored: string): string {
  return posted ? (posted.values[name] ?? '') : stored;
}

// ---- Contact persons ----------------------------------------------------------------------

const CONTACT_FIELDS = ['name', 'reportingPerson', 'email', 'organisation'];

function contactFields(values: (name: string) => string): FormField[] {
  return [
    { kind: 'text', name: 'name', label: 'Jméno', hint: 'Jak osobu píší zprávy, např. „M. Féna“.', value: values('name') },
    { kind: 'text', name: 'reportingPerson', label: 'Vykazující osoba (nepovinné)', hint: 'Kdo za ni podklady skutečně posílá; ve zprávě stojí v závorce.', value: values('reportingPerson') },
    { kind: 'email', name: 'email', label: 'E-mail', hint: 'Na tuto adresu chodí pozvánky a osobní odkaz.', value: values('email') },
    { kind: 'text', name: 'organisation', label: 'Organizace (nepovinné)', value: values('organisation') },
  ];
}

function contactBody(form: Record<string, string>, forNew: boolean): Record<string, unknown> {
  const reportingPerson = fieldText(form, 'reportingPerson');
  const expectedRevision = expectedRevisionOf(form);
  return {
    name: fieldText(form, 'name'),
    // A new person without one leaves the field out; an edit with an empty field removes it.
    ...(reportingPerson !== '' ? { reportingPerson } : forNew ? {} : { reportingPerson: null }),
    email: fieldText(form, 'email'),
    organisation: fieldText(form, 'organisation'),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  };
}

async function contactsPage(context: SignedInContext, posted: Posted | null): Promise<HttpResponse> {
  const { revision, plan } = await exportPlan(context.deps.app);
  const frame = frameOf(context);
  const contacts = [...plan.contactPersons]
    .sort((a, b) => contactDisplayName(a).localeCompare(contactDisplayName(b), 'cs'))
    .map((person) => ({
      id: person.id,
      name: contactDisplayName(person),
      email: person.email,
      organisation: person.organisation,
      projects: plan.projects.filter((project) => project.lifecycle === 'active' && project.contactPersonIds.includes(person.id)).map((project) => project.name),
    }));
  const addForm: FormView | null = frame.canEdit
    ? withErrors(
        {
          id: 'nova-osoba',
          action: '/arr/plan/contacts',
          submitLabel: 'Přidat kontaktní osobu',
          errorTitle: 'Kontaktní osobu se nepodařilo přidat',
          expectedRevision: revision,
          fields: contactFields((name) => valueOf(posted, name, '')),
        },
        posted,
      )
    : null;
  return html(posted?.refusal.status ?? 200, renderContactsPage({ frame, contacts, addForm }));
}

async function contactEditPage(context: SignedInContext, posted: Posted | null): Promise<HttpResponse> {
  const id = pathParameter(context.event, 'contactPersonId');
  const { revision, plan } = await exportPlan(context.deps.app);
  const person = plan.contactPersons.find((candidate) => candidate.id === id);
  if (!person) return notInPlan(`Kontaktní osoba „${id}“ v plánu není.`);
  const stored: Record<string, string> = { name: person.name, reportingPerson: person.reportingPerson ?? '', email: person.email, organisation: person.organisation };
  return html(
    posted?.refusal.status ?? 200,
    renderPlanEditPage({
      frame: frameOf(context),
      section: 'contacts',
      title: `Kontaktní osoba ${contactDisplayName(person)}`,
      current: [
        { label: 'Jméno', value: contactDisplayName(person) },
        { label: 'E-mail', value: person.email },
        { label: 'Organizace', value: person.organisation },
      ],
      explanation:
        'Když změníte e-mail během otevřeného cyklu, dostane osoba na novou adresu nový osobní odkaz a všechny dřívější odkazy přestanou platit. Nové jméno se objeví ve všech e-mailech, které ještě odejdou.',
      form: withErrors(
        {
          id: 'osoba',
          action: `/arr/plan/contacts/${encodeURIComponent(id)}`,
          submitLabel: 'Uložit kontaktní osobu',
          errorTitle: 'Změnu se nepodařilo uložit',
          expectedRevision: revision,
          fields: contactFields((name) => valueOf(posted, name, stored[name] ?? '')),
        },
        posted,
      ),
    }),
  );
}

// ---- Guarantors ---------------------------------------------------------------------------

const GUARANTOR_FIELDS = ['department', 'email'];

async function areaEditPage(context: SignedInContext, posted: Posted | null): Promise<HttpResponse> {
  const id = pathParameter(context.event, 'activityAreaId');
  const { revision, plan } = await exportPlan(context.deps.app);
  const area = plan.activityAreas.find((candidate) => candidate.id === id);
  if (!area) return notInPlan(`Oblast aktivit „${id}“ v plánu není.`);
  return html(
    posted?.refusal.status ?? 200,
    renderPlanEditPage({
      frame: frameOf(context),
      section: 'areas',
      title: `Garant oblasti ${area.name}`,
      current: [
        { label: 'Garant (odbor)', value: area.guarantor.department },
        { label: 'E-mail garanta', value: area.guarantor.email },
      ],
      explanation: 'Nový garant dostane eskalace, které ještě neodešly, i v právě otevřeném cyklu.',
      form: withErrors(
        {
          id: 'garant',
          action: `/arr/plan/areas/${encodeURIComponent(id)}`,
          submitLabel: 'Uložit garanta',
          errorTitle: 'Změnu se nepodařilo uložit',
          expectedRevision: revision,
          fields: [
            { kind: 'text', name: 'department', label: 'Garant (odbor)', hint: 'Např. „Odbor regionálního rozvoje a evropských projektů“.', value: valueOf(posted, 'department', area.guarantor.department) },
            { kind: 'email', name: 'email', label: 'E-mail garanta', value: valueOf(posted, 'email', area.guarantor.email) },
          ],
        },
        posted,
      ),
    }),
  );
}

// ---- Projects -----------------------------------------------------------------------------

const PROJECT_FIELDS = ['name', 'goal', 'activityId', 'contactPersonIds', 'lifecycle'];
const CONTACTS_PREFIX = 'contactPersonIds.';

function activityIdOf(project: Project): string {
  return project.placement.kind === 'activity' ? project.placement.activityId : '';
}

/** The ticked contact persons, the ones already on the project first in their order (no change is made up). */
function postedContactIds(form: Record<string, string>, existing: string[]): string[] {
  const ticked = Object.keys(form).filter((name) => name.startsWith(CONTACTS_PREFIX) && form[name] === 'on').map((name) => name.slice(CONTACTS_PREFIX.length));
  return [...existing.filter((id) => ticked.includes(id)), ...ticked.filter((id) => !existing.includes(id))];
}

function projectFields(plan: ActionPlan, values: (name: string) => string, checked: string[], withLifecycle: boolean): FormField[] {
  const areas = [...plan.activityAreas].sort((a, b) => a.order - b.order);
  const contacts = [...plan.contactPersons].sort((a, b) => contactDisplayName(a).localeCompare(contactDisplayName(b), 'cs'));
  const fields: FormField[] = [
    { kind: 'text', name: 'name', label: 'Název projektu', value: values('name') },
    { kind: 'textarea', name: 'goal', label: 'Cíl projektu (nepovinné)', value: values('goal') },
    {
      kind: 'select',
      name: 'activityId',
      label: 'Aktivita akčního plánu',
      hint: 'Projekt se ve zprávě vypíše pod touto aktivitou a eskaluje se garantovi její oblasti.',
      value: values('activityId'),
      groups: [
        ...areas.map((area) => ({ label: area.name, options: area.activities.map((activity) => ({ value: activity.id, label: `${activity.number}. ${activity.name}` })) })),
        { label: 'Mimo oblasti aktivit', options: [{ value: '', label: OUTSIDE_PLAN_NAME }] },
      ],
    },
    {
      kind: 'checkboxes',
      name: 'contactPersonIds',
      label: 'Kontaktní osoby',
      hint: withLifecycle
        ? 'Alespoň jedna. Nová osoba se přidává na stránce Kontaktní osoby. Změna platí i v otevřeném cyklu: přidaná osoba dostane e-mail s odkazem, odebraná už upomínky k projektu nedostane.'
        : 'Alespoň jedna. Nová osoba se přidává na stránce Kontaktní osoby.',
      checked,
      options: contacts.map((person) => ({ value: person.id, label: `${contactDisplayName(person)} (${person.email})` })),
    },
  ];
  if (withLifecycle) {
    fields.push({
      kind: 'radios',
      name: 'lifecycle',
      label: 'Stav projektu',
      hint: 'Dokončený nebo zrušený projekt zůstává v otevřeném cyklu a příští cyklus jej už nepoptá. Znovu zahájený se poptá hned.',
      value: values('lifecycle'),
      options: [
        { value: 'active', label: 'probíhá' },
        { value: 'completed', label: 'dokončen' },
        { value: 'cancelled', label: 'zrušen' },
      ],
    });
  }
  return fields;
}

function projectBody(form: Record<string, string>, existingContacts: string[], withLifecycle: boolean): Record<string, unknown> {
  const activityId = fieldText(form, 'activityId');
  const lifecycle = fieldText(form, 'lifecycle');
  const expectedRevision = expectedRevisionOf(form);
  return {
    name: fieldText(form, 'name'),
    goal: (form.goal ?? '').trim(),
    activityId: activityId === '' ? null : activityId,
    contactPersonIds: postedContactIds(form, existingContacts),
    ...(withLifecycle && lifecycle !== '' ? { lifecycle } : {}),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  };
}

async function projectsPage(context: SignedInContext, posted: Posted | null): Promise<HttpResponse> {
  const { revision, plan } = await exportPlan(context.deps.app);
  const frame = frameOf(context);
  const persons = new Map(plan.contactPersons.map((person) => [person.id, contactDisplayName(person)]));
  const activities = new Map(plan.activityAreas.flatMap((area) => area.activities.map((activity) => [activity.id, `${activity.number}. ${activity.name}`] as const)));
  const row = (project: Project) => ({
    id: project.id,
    name: project.name,
    activity: activities.get(activityIdOf(project)) ?? '–',
    lifecycleLabel: LIFECYCLE_LABELS[project.lifecycle],
    tone: project.lifecycle === 'active' ? ('active' as const) : ('finished' as const),
    contacts: project.contactPersonIds.map((id) => persons.get(id) ?? id).join(', '),
  });
  const groups = [
    ...[...plan.activityAreas]
      .sort((a, b) => a.order - b.order)
      .map((area) => ({ title: area.name, projects: plan.projects.filter((project) => activityAreaOfProject(plan, project)?.id === area.id).map(row) })),
    { title: OUTSIDE_PLAN_NAME, projects: plan.projects.filter((project) => project.placement.kind === 'outside-plan').map(row) },
  ].filter((group) => group.projects.length > 0);
  const addForm: FormView | null = frame.canEdit
    ? withErrors(
        {
          id: 'novy-projekt',
          action: '/arr/plan/projects',
          submitLabel: 'Přidat projekt',
          errorTitle: 'Projekt se nepodařilo přidat',
          expectedRevision: revision,
          fields: projectFields(plan, (name) => valueOf(posted, name, ''), posted ? postedContactIds(posted.values, []) : [], false),
        },
        posted,
      )
    : null;
  return html(posted?.refusal.status ?? 200, renderProjectsPage({ frame, groups, addForm }));
}

async function projectEditPage(context: SignedInContext, posted: Posted | null): Promise<HttpResponse> {
  const id = pathParameter(context.event, 'projectId');
  const { revision, plan } = await exportPlan(context.deps.app);
  const project = plan.projects.find((candidate) => candidate.id === id);
  if (!project) return notInPlan(`Projekt „${id}“ v plánu není.`);
  const persons = new Map(plan.contactPersons.map((person) => [person.id, contactDisplayName(person)]));
  const activity = plan.activityAreas.flatMap((area) => area.activities).find((candidate) => candidate.id === activityIdOf(project));
  const stored: Record<string, string> = { name: project.name, goal: project.goal, activityId: activityIdOf(project), lifecycle: project.lifecycle };
  return html(
    posted?.refusal.status ?? 200,
    renderPlanEditPage({
      frame: frameOf(context),
      section: 'projects',
      title: `Projekt ${project.name}`,
      current: [
        { label: 'Název', value: project.name },
        { label: 'Aktivita', value: activity ? `${activityAreaOfProject(plan, project)?.name ?? ''} › ${activity.number}. ${activity.name}` : OUTSIDE_PLAN_NAME },
        { label: 'Kontaktní osoby', value: project.contactPersonIds.map((person) => persons.get(person) ?? person).join(', ') },
        { label: 'Stav', value: LIFECYCLE_LABELS[project.lifecycle] },
      ],
      form: withErrors(
        {
          id: 'projekt',
          action: `/arr/plan/projects/${encodeURIComponent(id)}`,
          submitLabel: 'Uložit projekt',
          errorTitle: 'Změnu se nepodařilo uložit',
          expectedRevision: revision,
          fields: projectFields(plan, (name) => valueOf(posted, name, stored[name] ?? ''), posted ? postedContactIds(posted.values, project.contactPersonIds) : project.contactPersonIds, true),
        },
        posted,
      ),
    }),
  );
}

// ---- Indicators ---------------------------------------------------------------------------

const INDICATOR_FIELDS = ['name', 'unit', 'baselineValue', 'baselineAsOf'];

async function indicatorEditPage(context: SignedInContext, posted: Posted | null): Promise<HttpResponse> {
  const code = pathParameter(context.event, 'code');
  const { revision, plan } = await exportPlan(context.deps.app);
  const indicator = plan.indicators.find((candidate) => candidate.code === code);
  if (!indicator) return notInPlan(`Indikátor „${code}“ v plánu není.`);
  const stored: Record<string, string> = { name: indicator.name, unit: indicator.unit, baselineValue: String(indicator.baseline.value), baselineAsOf: indicator.baseline.asOf };
  const values = (name: string) => valueOf(posted, name, stored[name] ?? '');
  return html(
    posted?.refusal.status ?? 200,
    renderPlanEditPage({
      frame: frameOf(context),
      section: 'indicators',
      title: `Indikátor ${indicator.code}`,
      current: [
        { label: 'Název', value: indicator.name },
        { label: 'Jednotka', value: indicator.unit },
        { label: 'Výchozí hodnota', value: `${formatNumber(indicator.baseline.value)} k ${formatIsoDate(indicator.baseline.asOf)}` },
      ],
      explanation: 'Výchozí hodnota je stav, od kterého se indikátor počítá; zprávy k ní přičítají příspěvky projektů.',
      form: withErrors(
        {
          id: 'indikator',
          action: `/arr/plan/indicators/${encodeURIComponent(code)}`,
          submitLabel: 'Uložit indikátor',
          errorTitle: 'Změnu se nepodařilo uložit',
          expectedRevision: revision,
          fields: [
            { kind: 'text', name: 'name', label: 'Název', value: values('name') },
            { kind: 'text', name: 'unit', label: 'Jednotka', hint: 'Např. „počet“ nebo „Kč“.', value: values('unit') },
            { kind: 'number', name: 'baselineValue', label: 'Výchozí hodnota', hint: 'Číslo od 0 do 1 000 000 000, nejvýše čtyři desetinná místa (desetinná čárka je v pořádku).', value: values('baselineValue') },
            { kind: 'date', name: 'baselineAsOf', label: 'Výchozí hodnota platí k datu', value: values('baselineAsOf') },
          ],
        },
        posted,
      ),
    }),
  );
}

// ---- Import, export, history ---------------------------------------------------------------

const EMPTY_IMPORT = 'Vyberte soubor s plánem, nebo vložte jeho JSON do pole.';

/** The posted file, else the pasted text; a byte-order mark is not part of the JSON. */
function uploadedText(form: Record<string, string>, textField: string): string {
  const file = form.file ?? '';
  return (file.trim() !== '' ? file : (form[textField] ?? '')).replace(/^\uFEFF/, '');
}

function jsonError(error: unknown, text: string): string {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  if (position === undefined) return 'Text není platný JSON; zkontrolujte uvozovky, čárky a závorky. Nic nebylo uloženo.';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  return `Text není platný JSON (řádek ${line}, znak ${Number(position) - before.lastIndexOf('\n')}); zkontrolujte uvozovky, čárky a závorky. Nic nebylo uloženo.`;
}

async function importPage(context: SignedInContext, status: number, posted: { text: string; formError?: string; problems?: Array<{ location: string; message: string }> } | null): Promise<HttpResponse> {
  const { revision } = await exportPlan(context.deps.app);
  return html(
    status,
    renderPlanImportPage({ frame: frameOf(context), revision, text: posted?.text ?? '', formError: posted?.formError, problems: posted?.problems ?? [] }),
  );
}

async function postImport(context: SignedInContext): Promise<HttpResponse> {
  const text = uploadedText(context.form, 'plan');
  if (text.trim() === '') return importPage(context, 422, { text, formError: EMPTY_IMPORT });
  let body: unknown;
  try {
    body = normalizeInput(JSON.parse(text) as unknown);
  } catch (error) {
    if (error instanceof ValidationError) return importPage(context, 422, { text, problems: problemsOf(error, null) });
    return importPage(context, 422, { text, formError: jsonError(error, text) });
  }
  const expectedRevision = expectedRevisionOf(context.form);
  try {
    const result = await importPlan(context.deps.app, {
      ...changeOf(context),
      body,
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
      confirmRemovals: context.form.confirm === '1',
    });
    if (result.changes.length === 0) return redirect(`/arr/plan/import?hotovo=${unchangedCode(result)}&verze=${result.revision}`);
    return redirect(`/arr/plan/history/${result.revision}?hotovo=import&verze=${result.revision}`);
  } catch (error) {
    if (!(error instanceof DomainError) || (error.kind !== 'validation' && error.kind !== 'conflict')) throw error;
    const keys = Object.keys(error.details);
    if (error.kind === 'conflict' && keys.length > 0 && keys.every((key) => key.startsWith('projects.'))) {
      return html(
        409,
        renderRemovalConfirmation({ frame: frameOf(context), revision: expectedRevision ?? (await exportPlan(context.deps.app)).revision, projects: Object.values(error.details), text }),
      );
    }
    if (error.kind === 'conflict') {
      const { revision } = await exportPlan(context.deps.app);
      return importPage(context, 409, {
        text,
        formError: `Plán mezitím změnil někdo jiný (nyní je to verze ${revision}); nic nebylo uloženo. Pokud má soubor nahradit i tuto změnu, nahrajte jej znovu.`,
      });
    }
    return importPage(context, 422, { text, ...(keys.length === 0 ? { formError: error.message } : { problems: problemsOf(error, body) }) });
  }
}

function problemsOf(error: DomainError, body: unknown): Array<{ location: string; message: string }> {
  return Object.entries(error.details).map(([path, message]) => ({ location: describePlanPath(path, body), message }));
}

function revisionRow(revision: { revision: number; author: string; at: string; reason: string; changes: Array<{ description: string }> }): RevisionRow {
  return { revision: revision.revision, author: revision.author, at: new Date(revision.at), reason: revision.reason, changes: revision.changes.map((change) => change.description) };
}

// ---- Past reports -------------------------------------------------------------------------

async function pastReportPage(
  context: SignedInContext,
  status: number,
  state: { text: string; error?: string; result?: Parameters<typeof renderPastReportPage>[0]['result'] },
): Promise<HttpResponse> {
  return html(status, renderPastReportPage({ frame: frameOf(context), imported: await listImportedCycles(context.deps.app), ...state }));
}

function notInPlan(message: string): never {
  throw new NotFoundError(message);
}

/** A form page and its post: the post calls `save` and maps a refusal back onto the same page. */
function editRoutes(
  path: string,
  fields: string[],
  page: (context: SignedInContext, posted: Posted | null) => Promise<HttpResponse>,
  save: (context: SignedInContext) => Promise<HttpResponse>,
): Record<string, ConsoleRoute> {
  return {
    [`GET ${path}`]: arrOnly((context) => page(context, null)),
    [`POST ${path}`]: arrOnly(async (context) => {
      try {
        return await save(context);
      } catch (error) {
        return page(context, { values: context.form, refusal: await refusalOf(context, error, fields) });
      }
    }),
  };
}

export const routes: Record<string, ConsoleRoute> = {
  'GET /arr/plan': member(async (context) => {
    const { revision, plan } = await exportPlan(context.deps.app);
    const last = (await listPlanHistory(context.deps.app))[0];
    return html(
      200,
      renderPlanOverview({
        frame: frameOf(context),
        name: plan.name,
        years: `${plan.years.from}–${plan.years.to}`,
        revision,
        lastChange: last ? { author: last.author, at: new Date(last.at), reason: last.reason } : null,
        counts: {
          areas: plan.activityAreas.length,
          activeProjects: plan.projects.filter((project) => project.lifecycle === 'active').length,
          finishedProjects: plan.projects.filter((project) => project.lifecycle !== 'active').length,
          contacts: plan.contactPersons.length,
          indicators: plan.indicators.length,
        },
      }),
    );
  }),

  'GET /arr/plan/contacts': member((context) => contactsPage(context, null)),
  'POST /arr/plan/contacts': arrOnly(async (context) => {
    try {
      const result = await addContactPerson(context.deps.app, { ...changeOf(context), body: contactBody(context.form, true) });
      return afterChange('/arr/plan/contacts', result, 'ulozeno');
    } catch (error) {
      return contactsPage(context, { values: context.form, refusal: await refusalOf(context, error, CONTACT_FIELDS) });
    }
  }),
  ...editRoutes('/arr/plan/contacts/{contactPersonId}', CONTACT_FIELDS, contactEditPage, async (context) => {
    const contactPersonId = pathParameter(context.event, 'contactPersonId');
    const result = await updateContactPerson(context.deps.app, { ...changeOf(context), contactPersonId, body: contactBody(context.form, false) });
    return afterChange('/arr/plan/contacts', result, result.openCycles.reinvited.length > 0 ? 'novy-odkaz' : 'ulozeno');
  }),

  'GET /arr/plan/areas': member(async (context) => {
    const { plan } = await exportPlan(context.deps.app);
    return html(
      200,
      renderAreasPage({
        frame: frameOf(context),
        areas: [...plan.activityAreas]
          .sort((a, b) => a.order - b.order)
          .map((area) => ({
            id: area.id,
            name: area.name,
            department: area.guarantor.department,
            email: area.guarantor.email,
            activities: area.activities.map((activity) => `${activity.number}. ${activity.name}`),
          })),
      }),
    );
  }),
  ...editRoutes('/arr/plan/areas/{activityAreaId}', GUARANTOR_FIELDS, areaEditPage, async (context) => {
    const activityAreaId = pathParameter(context.event, 'activityAreaId');
    const expectedRevision = expectedRevisionOf(context.form);
    const result = await updateGuarantor(context.deps.app, {
      ...changeOf(context),
      activityAreaId,
      body: { department: fieldText(context.form, 'department'), email: fieldText(context.form, 'email'), ...(expectedRevision === undefined ? {} : { expectedRevision }) },
    });
    return afterChange('/arr/plan/areas', result, 'ulozeno');
  }),

  'GET /arr/plan/projects': member((context) => projectsPage(context, null)),
  'POST /arr/plan/projects': arrOnly(async (context) => {
    try {
      const result = await addProject(context.deps.app, { ...changeOf(context), body: projectBody(context.form, [], false) });
      return afterChange('/arr/plan/projects', result, result.openCycles.added.length > 0 ? 'poptano' : 'ulozeno');
    } catch (error) {
      return projectsPage(context, { values: context.form, refusal: await refusalOf(context, error, PROJECT_FIELDS) });
    }
  }),
  ...editRoutes('/arr/plan/projects/{projectId}', PROJECT_FIELDS, projectEditPage, async (context) => {
    const projectId = pathParameter(context.event, 'projectId');
    const { plan } = await exportPlan(context.deps.app);
    const before = plan.projects.find((project) => project.id === projectId);
    const body = projectBody(context.form, before?.contactPersonIds ?? [], true);
    const result = await updateProject(context.deps.app, { ...changeOf(context), projectId, body });
    const finished = before?.lifecycle === 'active' && (body.lifecycle === 'completed' || body.lifecycle === 'cancelled');
    const done = result.openCycles.added.length > 0 ? 'poptano' : result.openCycles.reassigned.length > 0 ? 'predano' : finished ? 'ukonceno' : 'ulozeno';
    return afterChange('/arr/plan/projects', result, done);
  }),

  'GET /arr/plan/indicators': member(async (context) => {
    const { plan } = await exportPlan(context.deps.app);
    const areas = new Map(plan.activityAreas.map((area) => [area.id, area.name]));
    return html(
      200,
      renderPlanIndicatorsPage({
        frame: frameOf(context),
        indicators: plan.indicators.map((indicator) => ({
          code: indicator.code,
          name: indicator.name,
          area: areas.get(indicator.activityAreaId) ?? indicator.activityAreaId,
          unit: indicator.unit,
          baseline: `${formatNumber(indicator.baseline.value)} (k ${formatIsoDate(indicator.baseline.asOf)})`,
        })),
      }),
    );
  }),
  ...editRoutes('/arr/plan/indicators/{code}', INDICATOR_FIELDS, indicatorEditPage, async (context) => {
    const code = pathParameter(context.event, 'code');
    const expectedRevision = expectedRevisionOf(context.form);
    const value = decimalOrText(fieldText(context.form, 'baselineValue'));
    const result = await updateIndicator(context.deps.app, {
      ...changeOf(context),
      code,
      body: {
        name: fieldText(context.form, 'name'),
        unit: fieldText(context.form, 'unit'),
        baseline: { asOf: fieldText(context.form, 'baselineAsOf'), ...(value === undefined ? {} : { value }) },
        ...(expectedRevision === undefined ? {} : { expectedRevision }),
      },
    });
    return afterChange('/arr/plan/indicators', result, 'ulozeno');
  }),

  'GET /arr/plan/export': arrOnly(async (context) => {
    const { revision, plan } = await exportPlan(context.deps.app);
    return planFile(plan, revision);
  }),
  'GET /arr/plan/import': arrOnly((context) => importPage(context, 200, null)),
  'POST /arr/plan/import': arrOnly(postImport),

  'GET /arr/plan/history': member(async (context) =>
    html(200, renderPlanHistoryPage({ frame: frameOf(context), revisions: (await listPlanHistory(context.deps.app)).map(revisionRow) })),
  ),
  'GET /arr/plan/history/{revision}': member(async (context) => {
    const found = await getPlanRevision(context.deps.app, pathParameter(context.event, 'revision'));
    const current = await context.deps.app.plans.currentRevision(context.deps.app.config.planId);
    return html(
      200,
      renderPlanRevisionPage({
        frame: frameOf(context),
        row: revisionRow(found),
        current: found.revision === current,
        counts: { projects: found.plan.projects.length, contacts: found.plan.contactPersons.length, indicators: found.plan.indicators.length },
        previous: found.revision > 1 ? found.revision - 1 : null,
        next: found.revision < current ? found.revision + 1 : null,
      }),
    );
  }),
  'GET /arr/plan/history/{revision}/export': arrOnly(async (context) => {
    const found = await getPlanRevision(context.deps.app, pathParameter(context.event, 'revision'));
    return planFile(found.plan, found.revision);
  }),

  'GET /arr/plan/past-reports': arrOnly((context) => pastReportPage(context, 200, { text: '' })),
  // The result is shown at once rather than after a redirect: importing the same report again changes nothing.
  'POST /arr/plan/past-reports': arrOnly(async (context) => {
    const text = uploadedText(context.form, 'report');
    try {
      const result = await importPastReport(context.deps.app, { report: text }, correlationIdOf(context.event));
      return pastReportPage(context, 200, { text: '', result });
    } catch (error) {
      if (!(error instanceof DomainError) || (error.kind !== 'validation' && error.kind !== 'conflict')) throw error;
      const detail = error.details.report;
      const message = detail && detail !== error.message ? `${error.message} ${detail}` : error.message;
      return pastReportPage(context, error.kind === 'conflict' ? 409 : 422, { text, error: message });
    }
  }),
};
