import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionSortKey } from '../../../adapters/dynamodb/keys';
import { MAX_VERSION } from '../../../domain/submission';

/** DynamoDB compares string sort keys by their UTF-8 bytes; for these ASCII keys that is code-unit order. */
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('versionSortKey', () => {
  it('orders any two allowed versions as their numbers, across every width', () => {
    // Prepare
    const version = fc.oneof(
      fc.integer({ min: 1, max: 2_000_000 }),
      fc.integer({ min: 1, max: MAX_VERSION }),
      fc.constantFrom(1, 999_999, 1_000_000, 9_999_999, 10_000_000, MAX_VERSION - 1, MAX_VERSION),
    );

    // Act
    const property = fc.property(version, version, (a, b) => {
      expect(Math.sign(byteOrder(versionSortKey(a), versionSortKey(b)))).toBe(Math.sign(a - b));
    });

    // Assess
    fc.assert(property, { numRuns: 2000 });
  });

  it('keeps the six-digit keys stored before for versions up to 999 999', () => {
    // Prepare
    const versions = [1, 42, 999_999];

    // Act
    const keys = versions.map(versionSortKey);

    // Assess
    expect(keys).toEqual(['V#000001', 'V#000042', 'V#999999']);
    expect(versionSortKey(1_000_000)).toBe('V#:0000000001000000');
  });
});
