import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors';
import { isNormalizedText, isWellFormedText, normalizeInput, normalizeText, withoutBidiControls } from '../../domain/text';

describe('normalizeText', () => {
  it('composes to NFC, turns CR LF and CR into LF and drops every control but tab and line feed', () => {
    // Prepare
    const raw = 'Z\u030Cidle\u0301\r\nr\u030Ca\u0301dek\rdals\u030Ci\u0301\u0000\u0008\u000B\u000C\u001B\u007F\u0080\u009F\ttab';

    // Act
    const normalized = normalizeText(raw);

    // Assess
    expect(normalized).toBe('Židlé\nřádek\ndalší\ttab');
  });

  it('drops noncharacters, which XML and so a Word report cannot hold', () => {
    // Prepare
    const raw = 'a\uFFFEb\uFFFFc\uFDD0d\u{10FFFF}e\u{1FFFE}f';

    // Act
    const normalized = normalizeText(raw);

    // Assess
    expect(normalized).toBe('abcdef');
  });

  it('drops exactly the code points Unicode names noncharacters', () => {
    // Prepare
    const codePoints = Array.from({ length: 0x110000 }, (_, point) => point).filter(
      (point) => (point < 0xd800 || point > 0xdfff) && !/[\u0000-\u001F\u007F-\u009F]/.test(String.fromCodePoint(point)),
    );

    // Act
    const dropped = codePoints.filter((point) => normalizeText(String.fromCodePoint(point)) === '');

    // Assess
    expect(dropped).toEqual(codePoints.filter((point) => /\p{Noncharacter_Code_Point}/u.test(String.fromCodePoint(point))));
    expect(dropped).toHaveLength(66);
  });

  it('leaves bidi controls for the documents to neutralize, and those drop them', () => {
    // Prepare
    const raw = 'a\u202Eb\u2066c\u2069';

    // Act
    const [stored, shown] = [normalizeText(raw), withoutBidiControls(raw)];

    // Assess
    expect(stored).toBe(raw);
    expect(shown).toBe('abc');
  });

  it('gives text that is well formed, NFC and free of controls for any well-formed input', () => {
    // Prepare
    const codePoint = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((point) => point < 0xd800 || point > 0xdfff)
      .map((point) => String.fromCodePoint(point));
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', '\u0000', '\u0085', 'e\u0301', '\u202E', '\uFFFF', '\uFDD0'), codePoint), maxLength: 60 });

    // Act
    const property = fc.property(text, (raw) => {
      const normalized = normalizeText(raw);
      expect(isNormalizedText(normalized)).toBe(true);
      expect(normalized).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
      expect(normalized).not.toMatch(/\p{Noncharacter_Code_Point}/u);
    });

    // Assess
    fc.assert(property, { numRuns: 500 });
  });
});

describe('normalizeInput', () => {
  it('normalizes every string of a body, names included, and leaves other values alone', () => {
    // Prepare
    const body = { 'kód\u0000': ['a\r\nb', 1e21, null, true], nested: { 'e\u0301': 'x\u0007' } };

    // Act
    const normalized = normalizeInput(body);

    // Assess
    expect(normalized).toEqual({ kód: ['a\nb', 1e21, null, true], nested: { 'é': 'x' } });
  });

  it('keeps a __proto__ name from JSON a plain property', () => {
    // Prepare
    const body = JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown;

    // Act
    const normalized = normalizeInput(body) as Record<string, unknown>;

    // Assess
    expect(Object.getPrototypeOf(normalized)).toBe(Object.prototype);
    expect(Object.keys(normalized)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses lone surrogates with a Czech message per field', () => {
    // Prepare
    const body = { thisPeriod: 'a\uD800b', items: ['ok', '\uDC00'], good: '😀' };

    // Act
    const normalize = () => normalizeInput(body);

    // Assess
    expect(normalize).toThrow(ValidationError);
    expect(isWellFormedText('😀')).toBe(true);
    try {
      normalize();
    } catch (error) {
      expect((error as ValidationError).details).toEqual({
        thisPeriod: expect.stringContaining('poškozený znak Unicode'),
        'items.1': expect.stringContaining('poškozený znak Unicode'),
      });
    }
  });
});
