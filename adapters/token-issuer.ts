import { createHash, randomBytes } from 'node:crypto';
import type { TokenIssuer } from '../domain/ports';

const TOKEN_BYTES = 32;

/** 256 random bits as a 43-character base64url token; only its SHA-256 (hex) is ever stored. */
export class CryptoTokenIssuer implements TokenIssuer {
  issue(): { token: string; tokenHash: string } {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    return { token, tokenHash: this.hash(token) };
  }

  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
