/** The cycles' list, with the form that opens one: the console's home page, and the open's answer when ARR's post is refused. */
import { parsePeriodId, periodsToOpen, previousPeriod, usualPeriodToOpen } from '../../domain/period';
import { defaultReminderLadder } from '../../domain/reminders';
import { pragueDate } from '../../domain/time';
import { listCycles } from '../../domain/use-cases/arr';
import { renderCyclesPage, type OpenCycleFormValues } from '../../templates/console/cycles';
import { html, type HttpResponse } from '../http/responses';
import type { SignedInContext } from './context';
import { frameUser } from './pages';

/** The form's first values: the half-year ARR would usually open today if it has no cycle yet, else the first one offered. */
function defaultOpenValues(now: Date, periods: Array<{ id: string }>): OpenCycleFormValues {
  const usual = usualPeriodToOpen(pragueDate(now)).id;
  return {
    period: periods.some((period) => period.id === usual) ? usual : (periods[0]?.id ?? ''),
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
  const known = new Set(cycles.map((cycle) => cycle.id));
  const periods = periodsToOpen(pragueDate(context.now), cycles).map((period) => {
    const previous = previousPeriod(period);
    return { id: period.id, label: period.label, ...(known.has(previous.id) ? {} : { previousMissing: previous.label }) };
  });
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
      openForm: isArr ? { periods, ...(form ?? { values: defaultOpenValues(context.now, periods), errors: {} }) } : null,
    }),
  );
}
