/**
 * The verification of an ID token with jose: its signature against the issuer's JWKS, its issuer,
 * audience and lifetime. A module of its own, so that the sign-in (./sign-in.ts) loads it, and the
 * part of jose it needs, with `import()` in the flows that receive an ID token: a cold start of a
 * signed-in page reads none of it.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

/** The issuer's signing keys, fetched from its JWKS on first use and cached by jose. */
export type IssuerKeys = ReturnType<typeof createRemoteJWKSet>;

export function issuerKeys(jwksUri: string): IssuerKeys {
  return createRemoteJWKSet(new URL(jwksUri));
}

/** @returns the verified claims, or why the token is refused: `expired` may be cured by a refresh, `invalid` never. */
export async function verifiedClaims(
  idToken: string,
  keys: IssuerKeys,
  expected: { issuer: string; audience: string },
): Promise<JWTPayload | 'expired' | 'invalid'> {
  try {
    return (await jwtVerify(idToken, keys, expected)).payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) return 'expired';
    if (error instanceof errors.JOSEError) return 'invalid';
    throw error;
  }
}
