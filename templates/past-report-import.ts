/**
 * What an import of a past monitoring report took over, as one Czech sentence: shown on the
 * console's past reports page and printed by `npm run arr`, so it lives apart from both.
 */
import { countOf, czechPlural, PROJECT_FORMS, type CzechForms } from '../domain/czech-plural';

/** The verb agrees with the count: "Převzat 1 projekt", "Převzaty 3 projekty", "Převzato 5 projektů". */
const IMPORTED_FORMS: CzechForms = { one: 'Převzat', few: 'Převzaty', many: 'Převzato' };
/** The same agreement for projects a repeated import adds to those the first one took over. */
const COMPLETED_FORMS: CzechForms = { one: 'Doplněn', few: 'Doplněny', many: 'Doplněno' };
const MISSED_FORMS: CzechForms = {
  one: 'který při dřívějším nahrání chyběl',
  few: 'které při dřívějším nahrání chyběly',
  many: 'které při dřívějším nahrání chyběly',
};

/** The same agreement for projects whose texts a corrected report changed. */
const CORRECTED_FORMS: CzechForms = { one: 'Opraven', few: 'Opraveny', many: 'Opraveno' };

/**
 * What the import took over. A repeated import stores only what the earlier one missed or what
 * the report now says differently, so its count alone ("Převzato 0 projektů") would read as if
 * the report had been lost.
 */
export function importedSentence(imported: number, corrected: number, alreadyLoaded: boolean): string {
  const sentences: string[] = [];
  if (imported > 0 && alreadyLoaded) {
    sentences.push(`${czechPlural(imported, COMPLETED_FORMS)} ${countOf(imported, PROJECT_FORMS)}, ${czechPlural(imported, MISSED_FORMS)}.`);
  } else if (imported > 0) {
    sentences.push(`${czechPlural(imported, IMPORTED_FORMS)} ${countOf(imported, PROJECT_FORMS)}.`);
  }
  if (corrected > 0) sentences.push(`${czechPlural(corrected, CORRECTED_FORMS)} ${countOf(corrected, PROJECT_FORMS)} podle nového znění zprávy.`);
  if (sentences.length === 0) {
    return alreadyLoaded
      ? 'Projekty z této zprávy systém má už z dřívějšího nahrání ve stejném znění, nic nového se nepřevzalo.'
      : 'Ze zprávy se nepřevzal žádný projekt.';
  }
  const use =
    imported > 0 ? 'Další cykly z nich předvyplní „Plán na další období“.' : 'Nové texty od teď použijí další cykly i zprávy.';
  return `${sentences.join(' ')} ${use}`;
}
