/** The console's pages and actions. Each is thin: read the form, call one use case, render the view. */
import { defaultReminderLadder } from '../../domain/reminders';
import { DomainError } from '../../domain/errors';
import { parsePeriodId, periodOf, nextPeriod, previousPeriod } from '../../domain/period';
import { listCycles } from '../../domain/use-cases/arr';
import { openCycle } from '../../domain/use-cases/open-cycle';
import { pragueDate } from '../../domain/time';
import { renderCyclesPage, type OpenCycleFormValues } from '../../templates/console/cycles';
import { correlationIdOf } from '../http/body';
import { html, redirect, type HttpResponse } from '../http/responses';
import { arrOnly, member, type ConsoleRoute, type SignedInContext } from './context';
import { fieldText, ladderBody } from './forms';

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
      return redirect(`/arr/cycles/${encodeURIComponent(cycle.id)}?otevreno=1`);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.kind !== 'validation' && error.kind !== 'conflict')) throw error;
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(error.details)) errors[openCycleFieldOf(path)] ??= message;
      if (Object.keys(errors).length === 0) errors.form = error.message;
      return cyclesPage(context, 422, { values, errors });
    }
  }),
};
