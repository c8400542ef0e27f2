/** The console's cycles: the list (with the form that opens one), a cycle's dashboard, its dates and the contacts' links. Opening and closing are in open-close.ts. */
import { DomainError } from '../../../domain/errors';
import { reissueContactLink, revokeContactLinks } from '../../../domain/use-cases/arr';
import { rescheduleCycle } from '../../../domain/use-cases/reschedule-cycle';
import { renderDashboard } from '../../../templates/console/dashboard';
import { correlationIdOf, pathParameter } from '../../http/body';
import { html, redirect } from '../../http/responses';
import { arrOnly, member, type ConsoleRoute } from '../context';
import { cyclesPage } from '../cycles-page';
import { dashboardView } from '../dashboard';
import { fieldText } from '../forms';
import { cyclePath } from '../pages';

export const routes: Record<string, ConsoleRoute> = {
  'GET /arr': member((context) => cyclesPage(context, 200, null)),

  'GET /arr/cycles/{cycleId}': member(async (context) => {
    const cycleId = pathParameter(context.event, 'cycleId');
    const view = await dashboardView(context, cycleId);
    if (view === null) return redirect(cyclePath(cycleId, '/report'));
    const { status, html: page } = renderDashboard(view);
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
      const view = await dashboardView(context, cycleId, { values, errors });
      if (view === null) return redirect(cyclePath(cycleId, '/report'));
      return html(422, renderDashboard(view).html);
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
