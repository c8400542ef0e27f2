/**
 * Opening and closing a cycle. Both settle the plan's finished projects (the earlier cycle's, when
 * the next one opens), which is a plan revision and needs the plan's schema and history; they are
 * read with this group, not with the cycles' pages, which a cold start reads far more often.
 */
import { DomainError } from '../../../domain/errors';
import { parsePeriodId } from '../../../domain/period';
import { getCycleCompleteness } from '../../../domain/use-cases/arr';
import { closeCycle } from '../../../domain/use-cases/close-cycle';
import { openCycle } from '../../../domain/use-cases/open-cycle';
import { renderCloseConfirmation } from '../../../templates/console/close';
import type { OpenCycleFormValues } from '../../../templates/console/cycles';
import { correlationIdOf, pathParameter } from '../../http/body';
import { html, redirect } from '../../http/responses';
import { arrOnly, type ConsoleRoute } from '../context';
import { cyclesPage } from '../cycles-page';
import { fieldText, ladderBody } from '../forms';
import { cyclePath, frameUser } from '../pages';

/** Field paths of the open-cycle request → the form's field names. */
function openCycleFieldOf(path: string): string {
  if (path.startsWith('reminderLadder.daysBeforeDeadline')) return 'daysBeforeDeadline';
  if (path.startsWith('reminderLadder.')) return path.slice('reminderLadder.'.length);
  return path;
}

export const routes: Record<string, ConsoleRoute> = {
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

  'GET /arr/cycles/{cycleId}/close': arrOnly(async (context) => {
    const { cycle, completeness } = await getCycleCompleteness(context.deps.app, pathParameter(context.event, 'cycleId'));
    // Reached again after the close (the browser's Back), the page would offer what can no longer be done.
    if (cycle.state !== 'open') return redirect(cyclePath(cycle.id));
    return html(
      200,
      renderCloseConfirmation({
        user: frameUser(context),
        cycleId: cycle.id,
        periodLabel: parsePeriodId(cycle.id).label,
        submitted: completeness.totals.submitted,
        total: completeness.totals.projects,
        deadline: new Date(cycle.deadline),
        now: context.now,
      }),
    );
  }),

  'POST /arr/cycles/{cycleId}/close': arrOnly(async (context) => {
    const cycleId = pathParameter(context.event, 'cycleId');
    await closeCycle(context.deps.app, { cycleId, reason: 'manual', correlationId: correlationIdOf(context.event) });
    return redirect(cyclePath(cycleId, '?hotovo=uzavreno'));
  }),
};
