/**
 * The annual report's texts as one console form: the view from the use case's texts, and the
 * posted form as the use case's edit. Only texts that differ from what is stored are sent, so a
 * save never overwrites a text another ARR editor changed meanwhile with an untouched copy.
 */
import type { AnnualTextsView } from '../../domain/use-cases/annual-report';
import { parsePeriodId } from '../../domain/period';
import { normalizeText } from '../../domain/text';
import type { AnnualTextsPageView } from '../../templates/console/annual-texts';

/** The submit button that sends one text back to its pre-filled version. */
export const RESET_FIELD = 'predvyplnit';

const EMPTY_TEXT_MESSAGE = 'Text nesmí být prázdný. Chcete-li předvyplněný text, použijte tlačítko „Vrátit k předvyplněnému textu“.';

function fieldName(key: string): string {
  return `text.${key}`;
}

function fieldId(key: string): string {
  return `text-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** The use case's `{ texts }` from the posted form: changed texts, and `null` for the one to reset. */
export function annualTextsEdit(current: AnnualTextsView, form: Record<string, string>): { texts: Record<string, string | null> } {
  const texts: Record<string, string | null> = {};
  for (const slot of current.texts) {
    const typed = form[fieldName(slot.key)];
    if (typed === undefined) continue;
    if (normalizeText(typed).trim() !== slot.text.trim()) texts[slot.key] = typed;
  }
  const reset = form[RESET_FIELD];
  if (reset !== undefined && reset !== '') texts[reset] = null;
  return { texts };
}

/** `texts.<key>` of the use case's errors → the text's form field; an empty text gets the console's wording. */
export function annualTextErrors(details: Record<string, string>, form: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(details)) {
    const key = /^texts\.(.+)$/.exec(path)?.[1];
    if (key === undefined) continue;
    const typed = form[fieldName(key)];
    errors[key] = typed !== undefined && typed.trim() === '' ? EMPTY_TEXT_MESSAGE : message;
  }
  return errors;
}

export function annualTextsPage(
  view: AnnualTextsView,
  frame: { user: AnnualTextsPageView['user']; canEdit: boolean; notice?: string | undefined },
  posted: { values: Record<string, string>; errors: Record<string, string> } | null = null,
): AnnualTextsPageView {
  const areas: AnnualTextsPageView['areas'] = [];
  for (const text of view.texts) {
    let area = areas.at(-1);
    if (area?.name !== text.activityAreaName) {
      area = { name: text.activityAreaName, texts: [] };
      areas.push(area);
    }
    area.texts.push({
      key: text.key,
      id: fieldId(text.key),
      title: text.activityNumber === null ? text.title : `Aktivita ${text.activityNumber}: ${text.title}`,
      value: posted?.values[fieldName(text.key)] ?? text.text,
      prefill: text.prefill,
      edited: text.edited,
      updatedAt: text.updatedAt ? new Date(text.updatedAt) : null,
      error: posted?.errors[text.key],
    });
  }
  return {
    user: frame.user,
    year: view.year,
    prefilledFrom: view.prefilledFrom.map((id) => parsePeriodId(id).label).join(' a '),
    canEdit: frame.canEdit,
    notice: frame.notice,
    areas,
  };
}
