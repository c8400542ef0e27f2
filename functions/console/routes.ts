/** The console's pages and actions. Each is thin: read the form, call one use case, render the view. */
import { defaultReminderLadder } from '../../domain/reminders';
import { DomainError } from '../../domain/errors';
import { parsePeriodId, periodOf, nextPeriod, previousPeriod } from '../../domain/period';
import { getCycleOverview, listCycles, reissueContactLink, revokeContactLinks } from '../../domain/use-cases/arr';
import { currentReport } from '../../domain/use-cases/assemble-report';
import { closeCycle } from '../../domain/use-cases/close-cycle';
import { rescheduleCycle } from '../../domain/use-cases/reschedule-cycle';
import { renderCloseConfirmation } from '../../templates/console/close';
import { renderDashboard } from '../../templates/console/dashboard';
import { openCycle } from '../../domain/use-cases/open-cycle';
import { pragueDate } from '../../domain/time';
import { renderCyclesPage, type OpenCycleFormValues } from '../../templates/console/cycles';
import { correlationIdOf, pathParameter } from '../http/body';
import { html, redirect, type HttpResponse } from '../http/responses';
import { arrOnly, member, type ConsoleRoute, type SignedInContext } from './context';
import { dashboardView } from './dashboard';
import { projectView, type PostedProjectForm } from './project';
import { annualTextErrors, annualTextsEdit, annualTextsPage, RESET_FIELD } from './annual-texts';
import { CHAPTER_TITLES, chapterBody, chapterForm } from './chapters';
import { agencySectionIds, isAgencySectionId, type AgencySectionId } from '../../domain/agency';
import { putAgencySection } from '../../domain/use-cases/arr';
import { renderChapterPage } from '../../templates/console/chapters';
import { annualReportDocument, monitoringReportDocument, openDataDocument, REPORT_FORMATS, INDICATOR_FORMATS, type ReportFormat } from '../arr-api';
import { renderAnnualReportHtml } from '../../documents/annual/html';
import { renderMonitoringReportHtml } from '../../documents/monitoring/html';
import { getAnnualReport, getAnnualTexts, putAnnualTexts } from '../../domain/use-cases/annual-report';
import { putEditorialVersion, returnProject } from '../../domain/use-cases/editorial';
import { normalizeInput } from '../../domain/text';
import { countOf } from '../../templates/format';
import { renderAnnualTextsPage } from '../../templates/console/annual-texts';
import { NotFoundError } from '../../domain/errors';
import { renderIndicatorsPage, renderReportPage, reportBody } from '../../templates/console/report';
import { renderProjectPage } from '../../templates/console/project';
import { fieldText, ladderBody, numberOrText } from './forms';

function cyclePath(cycleId: string, query = ''): string {
  return `/arr/cycles/${encodeURIComponent(cycleId)}${query}`;
}

/** The `{format}` of a download path, one of `formats`. */
function formatParameter<F extends string>(context: SignedInContext, formats: readonly F[]): F {
  const format = pathParameter(context.event, 'format').toLowerCase();
  if ((formats as readonly string[]).includes(format)) return format as F;
  throw new NotFoundError(`Formát „${format}“ není k dispozici. K dispozici jsou: ${formats.join(', ')}.`);
}

function frameUser(context: SignedInContext) {
  return { name: context.user.name, role: context.user.role, csrf: context.user.csrf };
}

/** The half-years ARR may want to open: the one that ended last, the running one and the next. */
function openablePeriods(now: Date): Array<{ id: string; label: string }> {
  const today = pragueDate(now);
  const running = periodOf(Number(today.slice(0, 4)), Number(today.slice(5, 7)) <= 6 ? 1 : 2);
  return [previousPeriod(running), running, nextPeriod(running)].map((period) => ({ id: period.id, label: period.label }));
}

function defaultOpenValues(now: Date): OpenCycleFormValues {
  const periods = openablePeriods(now);
  return {
    period: periods[0]?.id ?? '',
    deadline: '',
    meetingDate: '',
    daysBeforeDeadline: defaultReminderLadder.daysBeforeDeadline.join(', '),
    overdueAfterDays: String(defaultReminderLadder.overdueAfterDays),
    escalateAfterDays: String(defaultReminderLadder.escalateAfterDays),
  };
}

async function cyclesPage(
  context: SignedInContext,
  status: number,
  form: { values: OpenCycleFormValues; errors: Record<string, string> } | null,
): Promise<HttpResponse> {
  const cycles = await listCycles(context.deps.app);
  const isArr = context.user.role === 'arr';
  return html(
    status,
    renderCyclesPage({
      user: frameUser(context),
      cycles: cycles.map((cycle) => ({
        id: cycle.id,
        periodLabel: parsePeriodId(cycle.id).label,
        stateLabel: cycle.stateLabel,
        deadline: new Date(cycle.deadline),
        meetingDate: cycle.meetingDate,
        submitted: cycle.totals.submitted,
        total: cycle.totals.projects,
        late: cycle.totals.late,
        imported: cycle.source === 'import',
      })),
      openForm: isArr
        ? { periods: openablePeriods(context.now), ...(form ?? { values: defaultOpenValues(context.now), errors: {} }) }
        : null,
    }),
  );
}

/** Field paths of the open-cycle request → the form's field names. */
function openCycleFieldOf(path: string): string {
  if (path.startsWith('reminderLadder.daysBeforeDeadline')) return 'daysBeforeDeadline';
  if (path.startsWith('reminderLadder.')) return path.slice('reminderLadder.'.length);
  return path;
}

const TEXT_FORMS = { one: 'text', few: 'texty', many: 'textů' };

/** A count from the query (`?ulozeno=2`), or null when there is none. */
function savedCount(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,4}$/.test(value) ? Number(value) : null;
}

function projectParameters(context: SignedInContext): { cycleId: string; projectId: string } {
  return { cycleId: pathParameter(context.event, 'cycleId'), projectId: pathParameter(context.event, 'projectId') };
}

function projectPath(context: SignedInContext, suffix = ''): string {
  const { cycleId, projectId } = projectParameters(context);
  return cyclePath(cycleId, `/projects/${encodeURIComponent(projectId)}${suffix}`);
}

/**
 * The project page again after ARR's form was refused, with what was typed: a field's mistake at
 * the field (422), a stale version, a closed cycle or a second return above the form (409).
 * Anything else (an unknown project or cycle) goes to the console's error page.
 */
async function refusedProjectForm(
  context: SignedInContext,
  error: unknown,
  input: { form: PostedProjectForm['form']; values: Record<string, string>; fields: string[] },
): Promise<HttpResponse> {
  if (!(error instanceof DomainError) || !['validation', 'conflict', 'illegal-transition'].includes(error.kind)) throw error;
  const errors: Record<string, string> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(error.details)) {
    if (input.fields.includes(path)) errors[path] ??= message;
    else other.push(message);
  }
  // A mistake no field of the form shows (a forged version) is named above the form, like a conflict.
  const fieldsOnly = error.kind === 'validation' && other.length === 0 && Object.keys(errors).length > 0;
  const conflict = fieldsOnly ? undefined : error.kind === 'validation' ? [error.message, ...other].join(' ') : error.message;
  const posted: PostedProjectForm = { form: input.form, values: input.values, errors, ...(conflict ? { conflict } : {}) };
  const { cycleId, projectId } = projectParameters(context);
  return html(error.kind === 'validation' ? 422 : 409, renderProjectPage(await projectView(context, cycleId, projectId, posted)));
}

export const consoleRoutes: Record<string, ConsoleRoute> = {
  'GET /arr': member((context) => cyclesPage(context, 200, null)),

  'POST /arr/cycles': arrOnly(async (context) => {
    const values: OpenCycleFormValues = {
      period: fieldText(context.form, 'period'),
      deadline: fieldText(context.form, 'deadline'),
      meetingDate: fieldText(context.form, 'meetingDate'),
      daysBeforeDeadline: fieldText(context.form, 'daysBeforeDeadline'),
      overdueAfterDays: fieldText(context.form, 'overdueAfterDays'),
      escalateAfterDays: fieldText(context.form, 'escalateAfterDays'),
    };
    try {
      const cycle = await openCycle(
        context.deps.app,
        {
          period: values.period,
          ...(values.deadline ? { deadline: values.deadline } : {}),
          ...(values.meetingDate ? { meetingDate: values.meetingDate } : {}),
          reminderLadder: ladderBody(values),
        },
        correlationIdOf(context.event),
      );
      return redirect(cyclePath(cycle.id, '?hotovo=otevreno'));
    } catch (error) {
      if (!(error instanceof DomainError) || (error.kind !== 'validation' && error.kind !== 'conflict')) throw error;
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(error.details)) errors[openCycleFieldOf(path)] ??= message;
      // The API's message explains every accepted format; a person who left a date out needs less.
      if (values.deadline === '' && errors.deadline) errors.deadline = 'Zadejte termín odevzdání.';
      if (values.meetingDate === '' && errors.meetingDate) errors.meetingDate = 'Zadejte datum jednání Řídící skupiny.';
      if (Object.keys(errors).length === 0) errors.form = error.message;
      return cyclesPage(context, 422, { values, errors });
    }
  }),

  'GET /arr/cycles/{cycleId}': member(async (context) => {
    const { status, html: page } = renderDashboard(await dashboardView(context, pathParameter(context.event, 'cycleId')));
    return html(status, page);
  }),

  'POST /arr/cycles/{cycleId}/dates': arrOnly(async (context) => {
    const cycleId = pathParameter(context.event, 'cycleId');
    const values = { deadline: fieldText(context.form, 'deadline'), meetingDate: fieldText(context.form, 'meetingDate') };
    try {
      await rescheduleCycle(context.deps.app, {
        cycleId,
        body: { ...(values.deadline ? { deadline: values.deadline } : {}), ...(values.meetingDate ? { meetingDate: values.meetingDate } : {}) },
      });
      return redirect(cyclePath(cycleId, '?hotovo=terminy#terminy'));
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'validation') throw error;
      const errors = { ...error.details };
      if (Object.keys(errors).length === 0) errors.deadline = error.message;
      const { html: page } = renderDashboard(await dashboardView(context, cycleId, { values, errors }));
      return html(422, page);
    }
  }),

  'POST /arr/cycles/{cycleId}/contacts/{contactPersonId}/link': arrOnly(async (context) => {
    const cycleId = pathParameter(context.event, 'cycleId');
    await reissueContactLink(context.deps.app, {
      cycleId,
      contactPersonId: pathParameter(context.event, 'contactPersonId'),
      correlationId: correlationIdOf(context.event),
    });
    return redirect(cyclePath(cycleId, '?hotovo=odkaz'));
  }),

  'POST /arr/cycles/{cycleId}/contacts/{contactPersonId}/revoke': arrOnly(async (context) => {
    const cycleId = pathParameter(context.event, 'cycleId');
    await revokeContactLinks(context.deps.app, { cycleId, contactPersonId: pathParameter(context.event, 'contactPersonId') });
    return redirect(cyclePath(cycleId, '?hotovo=zruseno'));
  }),

  'GET /arr/cycles/{cycleId}/close': arrOnly(async (context) => {
    const overview = await getCycleOverview(context.deps.app, pathParameter(context.event, 'cycleId'));
    return html(
      200,
      renderCloseConfirmation({
        user: frameUser(context),
        cycleId: overview.cycle.id,
        periodLabel: parsePeriodId(overview.cycle.id).label,
        submitted: overview.completeness.totals.submitted,
        total: overview.completeness.totals.projects,
      }),
    );
  }),

  'POST /arr/cycles/{cycleId}/close': arrOnly(async (context) => {
    const cycleId = pathParameter(context.event, 'cycleId');
    await closeCycle(context.deps.app, { cycleId, reason: 'manual', correlationId: correlationIdOf(context.event) });
    return redirect(cyclePath(cycleId, '?hotovo=uzavreno'));
  }),

  'GET /arr/cycles/{cycleId}/projects/{projectId}': member(async (context) =>
    html(200, renderProjectPage(await projectView(context, pathParameter(context.event, 'cycleId'), pathParameter(context.event, 'projectId')))),
  ),

  'POST /arr/cycles/{cycleId}/projects/{projectId}/return': arrOnly(async (context) => {
    const values = { comment: context.form.comment ?? '' };
    try {
      await returnProject(context.deps.app, {
        ...projectParameters(context),
        body: normalizeInput({ version: numberOrText(fieldText(context.form, 'version')), comment: values.comment }),
        returnedBy: context.user.email || context.user.name,
        correlationId: correlationIdOf(context.event),
      });
      return redirect(projectPath(context, '?hotovo=vraceno'));
    } catch (error) {
      return refusedProjectForm(context, error, { form: 'return', values, fields: ['comment'] });
    }
  }),

  'POST /arr/cycles/{cycleId}/projects/{projectId}/editorial': arrOnly(async (context) => {
    const values = { thisPeriod: context.form.thisPeriod ?? '', nextPeriodPlan: context.form.nextPeriodPlan ?? '' };
    try {
      await putEditorialVersion(context.deps.app, {
        ...projectParameters(context),
        body: normalizeInput({ version: numberOrText(fieldText(context.form, 'version')), ...values }),
        editedBy: context.user.email || context.user.name,
        correlationId: correlationIdOf(context.event),
      });
      return redirect(projectPath(context, '?hotovo=upraveno#text-do-zpravy'));
    } catch (error) {
      return refusedProjectForm(context, error, { form: 'editorial', values, fields: ['thisPeriod', 'nextPeriodPlan'] });
    }
  }),

  'GET /arr/years/{year}/texts': member(async (context) => {
    const year = pathParameter(context.event, 'year');
    const query = context.event.queryStringParameters ?? {};
    const saved = savedCount(query.ulozeno);
    const notice =
      saved === null
        ? undefined
        : [saved === 0 ? 'Žádný text se nezměnil.' : `Uloženo: ${countOf(saved, TEXT_FORMS)}.`, query.predvyplneno === '1' ? 'Vybraný text je opět předvyplněný z pololetí.' : '']
            .filter(Boolean)
            .join(' ');
    const view = await getAnnualTexts(context.deps.app, { year, planId: context.deps.app.config.planId });
    return html(200, renderAnnualTextsPage(annualTextsPage(view, { user: frameUser(context), canEdit: context.user.role === 'arr', notice })));
  }),

  'POST /arr/years/{year}/texts': arrOnly(async (context) => {
    const year = pathParameter(context.event, 'year');
    const planId = context.deps.app.config.planId;
    const current = await getAnnualTexts(context.deps.app, { year, planId });
    const edit = annualTextsEdit(current, context.form);
    const changed = Object.keys(edit.texts);
    try {
      if (changed.length > 0) await putAnnualTexts(context.deps.app, { year, planId, body: normalizeInput(edit) });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'validation') throw error;
      const errors = annualTextErrors(error.details, context.form);
      // Only a forged form names a text the plan does not have: nothing on the page to point at.
      if (!current.texts.some((text) => errors[text.key] !== undefined)) throw error;
      const page = annualTextsPage(current, { user: frameUser(context), canEdit: true }, { values: context.form, errors });
      return html(422, renderAnnualTextsPage(page));
    }
    const reset = context.form[RESET_FIELD];
    const anchor = reset ? `#text-${reset.replace(/[^A-Za-z0-9-]/g, '-')}` : '';
    return redirect(`/arr/years/${encodeURIComponent(year)}/texts?ulozeno=${changed.length}${reset ? '&predvyplneno=1' : ''}${anchor}`);
  }),

  'GET /arr/cycles/{cycleId}/report': member(async (context) => {
    const cycleId = pathParameter(context.event, 'cycleId');
    const cycle = await context.deps.app.cycles.getCycle(cycleId);
    if (!cycle) throw new NotFoundError(`Cyklus ${cycleId} neexistuje.`);
    const report = await currentReport(context.deps.app, { cycleId, correlationId: correlationIdOf(context.event) });
    const label = parsePeriodId(cycleId).label;
    return html(
      200,
      renderReportPage({
        user: frameUser(context),
        title: `Monitorovací zpráva za ${label}`,
        breadcrumbs: [{ href: '/arr', label: 'Cykly' }, { href: cyclePath(cycleId), label }, { label: 'Monitorovací zpráva' }],
        downloadBase: cyclePath(cycleId, '/report'),
        previewHtml: report ? reportBody(renderMonitoringReportHtml(report)) : null,
        missingMessage:
          'Zpráva se sestaví, jakmile odevzdají všechny kontaktní osoby, nebo po uzavření cyklu. Kapitoly ARR lze psát už teď.',
      }),
    );
  }),

  'GET /arr/cycles/{cycleId}/report/{format}': member(async (context) =>
    monitoringReportDocument(
      context.deps.app,
      { cycleId: pathParameter(context.event, 'cycleId'), correlationId: correlationIdOf(context.event) },
      formatParameter(context, REPORT_FORMATS),
    ),
  ),

  'GET /arr/years/{year}/report': member(async (context) => {
    const year = pathParameter(context.event, 'year');
    let preview: string | null = null;
    let missing = '';
    try {
      preview = reportBody(renderAnnualReportHtml(await getAnnualReport(context.deps.app, { year, planId: context.deps.app.config.planId })));
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'not-found') throw error;
      missing = error.message;
    }
    return html(
      200,
      renderReportPage({
        user: frameUser(context),
        title: `Výroční zpráva za rok ${year}`,
        breadcrumbs: [{ href: '/arr', label: 'Cykly' }, { href: '/arr/indicators', label: 'Indikátory a otevřená data' }, { label: `Výroční zpráva ${year}` }],
        downloadBase: `/arr/years/${encodeURIComponent(year)}/report`,
        previewHtml: preview,
        missingMessage: missing,
        links: [
          { href: `/arr/years/${encodeURIComponent(year)}/texts`, label: context.user.role === 'arr' ? 'Upravit texty k aktivitám' : 'Texty k aktivitám' },
        ],
      }),
    );
  }),

  'GET /arr/years/{year}/report/{format}': member(async (context) =>
    annualReportDocument(context.deps.app, pathParameter(context.event, 'year'), formatParameter(context, REPORT_FORMATS)),
  ),

  'GET /arr/indicators': member(async (context) => {
    const all = await listCycles(context.deps.app);
    const cycles = all.filter((cycle) => cycle.source === 'system');
    const reported = new Set<string>();
    for (const cycle of cycles) if (cycle.reportAssembledAt) reported.add(cycle.id);
    // A half-year known from an imported report has its monitoring report built on demand.
    const halfYears = new Set([...reported, ...all.filter((cycle) => cycle.source === 'import').map((cycle) => cycle.id)]);
    const years = [...new Set([...halfYears].map((id) => id.slice(0, 4)))]
      .sort((a, b) => b.localeCompare(a))
      .map((year) => ({ year, complete: halfYears.has(`${year}-H1`) && halfYears.has(`${year}-H2`) }));
    return html(
      200,
      renderIndicatorsPage({
        user: frameUser(context),
        cycles: cycles.filter((cycle) => reported.has(cycle.id)).map((cycle) => ({ id: cycle.id, label: parsePeriodId(cycle.id).label })),
        years,
      }),
    );
  }),

  'GET /arr/indicators/{format}': member(async (context) => openDataDocument(context.deps.app, formatParameter(context, INDICATOR_FORMATS))),

  'GET /arr/cycles/{cycleId}/chapters/{section}': arrOnly(async (context) => chapterPage(context, 200, null)),

  'POST /arr/cycles/{cycleId}/chapters/{section}': arrOnly(async (context) => {
    const cycleId = pathParameter(context.event, 'cycleId');
    const sectionId = chapterParameter(context);
    const plan = await context.deps.app.plans.getPlan(context.deps.app.config.planId);
    const values = context.form;
    const { body, fieldOf } = chapterBody(sectionId, plan, values);
    try {
      await putAgencySection(context.deps.app, { cycleId, sectionId, body, correlationId: correlationIdOf(context.event) });
      return redirect(cyclePath(cycleId, `/chapters/${sectionId}?ulozeno=1`));
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'validation') throw error;
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(error.details)) errors[fieldOf(path)] ??= message;
      return chapterPage(context, 422, { values, errors });
    }
  }),
};

function chapterParameter(context: SignedInContext): AgencySectionId {
  const section = pathParameter(context.event, 'section');
  if (!isAgencySectionId(section)) throw new NotFoundError(`Kapitola „${section}“ neexistuje.`);
  return section;
}

async function chapterPage(
  context: SignedInContext,
  status: number,
  posted: { values: Record<string, string>; errors: Record<string, string> } | null,
): Promise<HttpResponse> {
  const cycleId = pathParameter(context.event, 'cycleId');
  const sectionId = chapterParameter(context);
  const cycle = await context.deps.app.cycles.getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`Cyklus ${cycleId} neexistuje.`);
  const [plan, sections] = await Promise.all([context.deps.app.plans.getPlan(cycle.planId), context.deps.app.agency.getAgencySections(cycleId)]);
  return html(
    status,
    renderChapterPage({
      user: frameUser(context),
      cycleId,
      periodLabel: parsePeriodId(cycleId).label,
      // In the report's order: the titles start with the chapter number.
      chapters: agencySectionIds.map((id) => ({ id, title: CHAPTER_TITLES[id] })).sort((a, b) => a.title.localeCompare(b.title, 'cs')),
      form: chapterForm(sectionId, plan, sections, posted),
      saved: status === 200 && context.event.queryStringParameters?.ulozeno === '1',
    }),
  );
}
