/**
 * ARR's texts of the annual report: one per activity of the plan and one for the projects outside
 * its activity areas. Each is pre-filled from the year's two half-years and may be rewritten by
 * ARR; the report prints ARR's text where there is one, the pre-filled one elsewhere.
 *
 * A text is plain text as typed into a form: paragraphs separated by a blank line, and lines
 * starting with „- “ as list items (documents/annual/content.ts prints them so).
 */
import { builtOnFirstUse } from './lazy';
import * as z from 'zod/mini';
import { ValidationError } from './errors';
import { OUTSIDE_PLAN_NAME, type ActionPlan } from './plan';

/** The key of the text about projects outside the plan's activity areas. */
export const OUTSIDE_PLAN_TEXT_KEY = 'mimo-oblasti-aktivit';

export const ANNUAL_TEXT_MAX = 20_000;

export interface AnnualTextRecord {
  year: number;
  /** An activity id of the plan, or OUTSIDE_PLAN_TEXT_KEY. */
  key: string;
  text: string;
  /** ISO timestamp of ARR's last save. */
  updatedAt: string;
}

/** One place of the annual report that has a text, in the report's order. */
export interface AnnualTextSlot {
  key: string;
  activityAreaName: string;
  /** `null` for the projects outside the plan's activity areas. */
  activityNumber: number | null;
  /** The activity's name, or the name of the group of projects outside the plan. */
  title: string;
}

/** Every text the annual report of a plan has, in the report's order. */
export function annualTextSlots(plan: ActionPlan): AnnualTextSlot[] {
  const activities = [...plan.activityAreas]
    .sort((a, b) => a.order - b.order)
    .flatMap((area) =>
      [...area.activities]
        .sort((a, b) => a.number - b.number)
        .map((activity) => ({ key: activity.id, activityAreaName: area.name, activityNumber: activity.number, title: activity.name })),
    );
  return [...activities, { key: OUTSIDE_PLAN_TEXT_KEY, activityAreaName: OUTSIDE_PLAN_NAME, activityNumber: null, title: OUTSIDE_PLAN_NAME }];
}

const textValue = builtOnFirstUse(() =>
  z.union(
    [
      z.null(),
      z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'Text nesmí být prázdný. Pro návrat k předvyplněnému textu pošlete null.'),
          z.maxLength(ANNUAL_TEXT_MAX, `Text může mít nejvýše ${ANNUAL_TEXT_MAX.toLocaleString('cs-CZ')} znaků.`),
        ),
    ],
    { error: 'Zadejte text, nebo null pro návrat k předvyplněnému textu.' },
  ),
);

const bodySchema = builtOnFirstUse(() =>
  z.object(
    {
      texts: z.record(z.string(), textValue(), { error: 'Pole texts musí být objekt: klíč aktivity → text.' }),
    },
    { error: 'Tělo požadavku musí být objekt s polem texts.' },
  ),
);

/**
 * ARR's edit: `{ "texts": { "<activity id>": "text" | null } }`, null going back to the
 * pre-filled text. Only the keys sent change.
 * @throws ValidationError with a Czech message per field (`texts.<key>`).
 */
export function parseAnnualTextsEdit(plan: ActionPlan, body: unknown): Map<string, string | null> {
  const result = bodySchema().safeParse(body);
  const details: Record<string, string> = {};
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    details[field] ??= issue.message;
  }
  // Unknown keys are named together with the other mistakes, so one correction is enough.
  const known = new Set(annualTextSlots(plan).map((slot) => slot.key));
  const sent = result.success ? result.data.texts : textsOf(body);
  for (const key of Object.keys(sent)) {
    if (!known.has(key)) details[`texts.${key}`] = `Aktivita „${key}“ v akčním plánu není.`;
  }
  if (!result.success || Object.keys(details).length > 0) {
    throw new ValidationError('Texty výroční zprávy obsahují chybně vyplněná pole.', details);
  }
  const entries = Object.entries(result.data.texts);
  if (entries.length === 0) {
    throw new ValidationError('Není co uložit.', { texts: 'Pošlete alespoň jeden text.' });
  }
  return new Map(entries);
}

/** The `texts` object of a body that failed to parse, for naming its unknown keys. */
function textsOf(body: unknown): Record<string, unknown> {
  const texts = typeof body === 'object' && body !== null ? (body as { texts?: unknown }).texts : undefined;
  return typeof texts === 'object' && texts !== null && !Array.isArray(texts) ? (texts as Record<string, unknown>) : {};
}
