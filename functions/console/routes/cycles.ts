/** The console's cycles: the list (with the form that opens one), a cycle's dashboard, its dates and the contacts' links. Opening and closing are in open-close.ts. */
import { DomainError } from '../../../domain/errors';
import { nextPeriod, parsePeriodId, periodOf, previousPeriod } from '../../../domain/period';
import { defaultReminderLadder } from '../../../domain/reminders';
import { pragueDate } from '../../../domain/time';
import { listCycles, reissueContactLink, revokeContactLinks } from '../../../domain/use-cases/arr';
import { rescheduleCycle } from '../../../domain/use-cases/reschedule-cycle';
import { renderCyclesPage, type OpenCycleFormValues } from '../../../templates/console/cycles';
import { renderDashboard } from '../../../templates/console/dashboard';
import { correlationIdOf, pathParameter } from '../../http/body';
import { html, redirect, type HttpResponse } from '../../http/responses';
import { arrOnly, member, type ConsoleRoute, type SignedInContext } from '../context';
import { dashboardView } from '../dashboard';
import { fieldText } from '../forms';
import { cyclePath, frameUser } from '../pages';

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

/** The cycles' list; ARR sees the form that opens one, with what it typed and its errors after a refused post. */
export async function cyclesPage(
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

export const routes: Record<string, ConsoleRoute> = {
  'GET /arr': member((context) => cyclesPage(context, 200, null)),

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

};
