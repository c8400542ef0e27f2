/**
 * How alike two report texts are, for telling a plan that is written again from one that moved
 * on. Czech texts are compared after normalisation (case, diacritics, punctuation and spacing
 * carry no meaning here: "Výběr dodavatele." and "vyber dodavatele" are the same step), with the
 * Sørensen–Dice coefficient over character bigrams from the kept `dice-coefficient` package.
 */
import { diceCoefficient } from 'dice-coefficient';
import { builtOnFirstUse } from '../lazy';

const marks = builtOnFirstUse(() => new RegExp('\\p{M}+', 'gu'));
const notLettersOrDigits = builtOnFirstUse(() => new RegExp('[^\\p{L}\\p{N}]+', 'gu'));

/** Lower case, NFC, diacritics stripped, punctuation and runs of white space made one space. */
export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('cs')
    .normalize('NFD')
    .replace(marks(), '')
    .replace(notLettersOrDigits(), ' ')
    .trim();
}

/** A text that says nothing: empty, or only a dash or other punctuation, as the reports write "nothing". */
export function isBlankText(text: string): boolean {
  return normalizeForComparison(text) === '';
}

/**
 * The parts of a text that name one step each: sentences and the items of a list ("Dokončení
 * FVE, zahájení provozu."). Parts shorter than `MIN_STEP_LENGTH` normalised characters are too
 * generic to stand for a step on their own and are left out.
 */
export const MIN_STEP_LENGTH = 12;

interface Step {
  /** As written, for quoting back to people. */
  text: string;
  normalized: string;
}

function steps(text: string): Step[] {
  return text
    .split(/[.;,\n]|\s[–—-]\s/)
    .map((part) => ({ text: part.trim(), normalized: normalizeForComparison(part) }))
    .filter((step) => step.normalized.length >= MIN_STEP_LENGTH);
}

export interface StepMatch {
  /** Dice coefficient (0–1) of the two steps. */
  similarity: number;
  /** The step of the first text, as written. */
  step: string;
  /** The step of the second text, as written. */
  repeatedAs: string;
}

/**
 * The most alike pair of steps of two texts, by the Dice coefficient of their normalised forms;
 * `null` when either text has no step. Steps rather than whole texts: a plan written again with a
 * step added ("Realizace FVE." → "Realizace FVE, zahájení provozu.") is still the same plan.
 */
export function closestSteps(a: string, b: string): StepMatch | null {
  let best: StepMatch | null = null;
  for (const left of steps(a)) {
    for (const right of steps(b)) {
      const similarity = diceCoefficient(left.normalized, right.normalized);
      if (best === null || similarity > best.similarity) {
        best = { similarity, step: left.text, repeatedAs: right.text };
      }
    }
  }
  return best;
}

/** Dice coefficient (0–1) of two normalised texts as wholes; 0 when either says nothing. */
export function wholeTextSimilarity(a: string, b: string): number {
  const left = normalizeForComparison(a);
  const right = normalizeForComparison(b);
  if (left === '' || right === '') return 0;
  return diceCoefficient(left, right);
}
