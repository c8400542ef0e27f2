/**
 * Text as people send it, made fit to keep: every string that enters through the HTTP API passes
 * `normalizeInput` before any validation, so limits and rules apply to what will be stored.
 */
import { ValidationError } from './errors';

export const textMessages = {
  invalidInput: 'Požadavek obsahuje neplatný text.',
  loneSurrogate:
    'Text obsahuje neplatný znak (poškozený znak Unicode). Odstraňte jej nebo text vložte znovu a odešlete jej ještě jednou.',
} as const;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C0 and C1 controls and DEL, except tab and line feed (carriage returns become line feeds first). */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Unicode's noncharacters (U+FDD0–U+FDEF and the last two code points of every plane): reserved for
 * a program's own use, never text. U+FFFE and U+FFFF are not allowed in XML at all: one of them in
 * a report's text would leave the Word document unreadable. Listed rather than written
 * `\p{Noncharacter_Code_Point}`: V8 looks a Unicode property up when it parses the literal, at
 * every cold start of every function that imports this module (about 3 M instructions).
 */
const NONCHARACTERS = /[\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

/**
 * Explicit bidirectional embeddings, overrides and isolates. They can make a report show text in
 * an order other than the one stored (`Trojan Source`), so documents drop them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** False for a string that cannot be encoded as UTF-8 (it holds a lone surrogate). */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/**
 * NFC, line breaks as `\n`, no control characters other than tab and line feed, and no
 * noncharacters. The caller makes sure the text is well formed first (`isWellFormedText`).
 */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(NONCHARACTERS, '').normalize('NFC');
}

/** True when `normalizeText` would leave the text as it is. */
export function isNormalizedText(value: string): boolean {
  return isWellFormedText(value) && normalizeText(value) === value;
}

/** The text with bidirectional controls removed, shown in the order it was stored. */
export function withoutBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/** The text without noncharacters, for text stored before `normalizeText` dropped them. */
export function withoutNoncharacters(value: string): string {
  return value.replace(NONCHARACTERS, '');
}

/**
 * Normalizes every string of a parsed request body, property names included.
 * @throws ValidationError naming every field (dotted path, `body` for the whole) that holds a lone surrogate.
 */
export function normalizeInput(value: unknown): unknown {
  const invalid: Record<string, string> = {};
  const walk = (current: unknown, path: string[]): unknown => {
    if (typeof current === 'string') {
      if (isWellFormedText(current)) return normalizeText(current);
      invalid[path.length > 0 ? path.join('.') : 'body'] = textMessages.loneSurrogate;
      return current;
    }
    if (Array.isArray(current)) return current.map((item, index) => walk(item, [...path, String(index)]));
    if (typeof current === 'object' && current !== null) {
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(current)) {
        const name = walk(key, [...path, key]) as string;
        // Defined, not assigned: a `__proto__` key from JSON stays a plain property.
        Object.defineProperty(result, name, { value: walk(item, [...path, name]), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    return current;
  };
  const normalized = walk(value, []);
  if (Object.keys(invalid).length > 0) throw new ValidationError(textMessages.invalidInput, invalid);
  return normalized;
}
