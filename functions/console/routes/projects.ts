/** A project's page in a cycle: its reports, ARR's return to the contact person and the editorial version for the report. */
import { DomainError } from '../../../domain/errors';
import { normalizeInput } from '../../../domain/text';
import { putEditorialVersion, returnProject } from '../../../domain/use-cases/editorial';
import { renderProjectPage } from '../../../templates/console/project';
import { correlationIdOf, pathParameter } from '../../http/body';
import { html, redirect, type HttpResponse } from '../../http/responses';
import { arrOnly, member, type ConsoleRoute, type SignedInContext } from '../context';
import { fieldText, numberOrText } from '../forms';
import { cyclePath } from '../pages';
import { projectView, type PostedProjectForm } from '../project';

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

export const routes: Record<string, ConsoleRoute> = {
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
};
