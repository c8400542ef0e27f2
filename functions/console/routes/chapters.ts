/** ARR's own chapters of a cycle's monitoring report. */
import { agencySectionIds, isAgencySectionId, type AgencySectionId } from '../../../domain/agency';
import { DomainError, NotFoundError } from '../../../domain/errors';
import { parsePeriodId } from '../../../domain/period';
import { putAgencySection } from '../../../domain/use-cases/arr';
import { renderChapterPage } from '../../../templates/console/chapters';
import { correlationIdOf, pathParameter } from '../../http/body';
import { html, redirect, type HttpResponse } from '../../http/responses';
import { CHAPTER_TITLES, chapterBody, chapterForm } from '../chapters';
import { arrOnly, type ConsoleRoute, type SignedInContext } from '../context';
import { cyclePath, frameUser } from '../pages';

export const routes: Record<string, ConsoleRoute> = {
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
