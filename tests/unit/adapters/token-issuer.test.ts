import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CryptoTokenIssuer } from '../../../adapters/token-issuer';

describe('CryptoTokenIssuer', () => {
  it('issues 43-character base64url tokens whose hash is their SHA-256 in hex', () => {
    // Prepare
    const issuer = new CryptoTokenIssuer();

    // Act
    const issued = Array.from({ length: 100 }, () => issuer.issue());

    // Assess
    for (const { token, tokenHash } of issued) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(issuer.hash(token)).toBe(tokenHash);
    }
    expect(new Set(issued.map(({ token }) => token)).size).toBe(100);
  });
});
