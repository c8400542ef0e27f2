/**
 * Counted nouns in Czech: "1 projekt", "3 projekty", "5 projektů". Pure, so that the domain's own
 * messages (plan history, the slips' line) and the templates count the same way.
 */

/** The three Czech number forms: 1 den, 2–4 dny, 0 or 5+ dní. */
export interface CzechForms {
  one: string;
  few: string;
  many: string;
}

export const DAY_FORMS: CzechForms = { one: 'den', few: 'dny', many: 'dní' };
export const PROJECT_FORMS: CzechForms = { one: 'projekt', few: 'projekty', many: 'projektů' };
/** After "u", "z", "k" …: "u 1 projektu", "z 3 projektů". */
export const PROJECT_GENITIVE_FORMS: CzechForms = { one: 'projektu', few: 'projektů', many: 'projektů' };
/** After "k": "k tomuto projektu", "k těmto projektům" (the count stands elsewhere in the sentence). */
export const THESE_PROJECTS_DATIVE_FORMS: CzechForms = { one: 'tomuto projektu', few: 'těmto projektům', many: 'těmto projektům' };
/** Agrees with THESE_PROJECTS_DATIVE_FORMS: „k tomuto projektu realizovanému“, „k těmto projektům realizovaným“. */
export const CARRIED_OUT_DATIVE_FORMS: CzechForms = { one: 'realizovanému', few: 'realizovaným', many: 'realizovaným' };
export const CONTACT_PERSON_FORMS: CzechForms = { one: 'kontaktní osoba', few: 'kontaktní osoby', many: 'kontaktních osob' };
export const INDICATOR_FORMS: CzechForms = { one: 'indikátor', few: 'indikátory', many: 'indikátorů' };

/** Only exactly 1 and 2–4 take their own form in Czech; 0, 5–20, 21, 22… all take the "many" form. */
export function czechPlural(count: number, forms: CzechForms): string {
  if (count === 1) return forms.one;
  if (count >= 2 && count <= 4) return forms.few;
  return forms.many;
}

/** `3 dny`, `5 projektů`. */
export function countOf(count: number, forms: CzechForms): string {
  return `${count} ${czechPlural(count, forms)}`;
}
