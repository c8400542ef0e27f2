/**
 * The texts of a year's annual report: read by the steering group, written by ARR. Part of the
 * reports' route group (routes/reports.ts), which is loaded with the annual report they feed.
 */
import { DomainError } from '../../domain/errors';
import { normalizeInput } from '../../domain/text';
import { getAnnualTexts, putAnnualTexts } from '../../domain/use-cases/annual-report';
import { renderAnnualTextsPage } from '../../templates/console/annual-texts';
import { countOf } from '../../domain/czech-plural';
import { pathParameter } from '../http/body';
import { html, redirect } from '../http/responses';
import { annualTextErrors, annualTextsEdit, annualTextsPage, RESET_FIELD } from './annual-texts';
import { arrOnly, member, type ConsoleRoute } from './context';
import { frameUser } from './pages';

const TEXT_FORMS = { one: 'text', few: 'texty', many: 'textů' };

/** A count from the query (`?ulozeno=2`), or null when there is none. */
function savedCount(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,4}$/.test(value) ? Number(value) : null;
}

export const annualTextRoutes: Record<string, ConsoleRoute> = {
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
};
