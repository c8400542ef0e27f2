// The console's session cookie: what it keeps, what it refuses, and that it fits in one cookie.
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_COOKIE, SESSION_IDLE_SECONDS, SessionCookies, SIGN_IN_COOKIE, newSession } from '../../../functions/console/session';

const identity = {
  subject: '5f2e8c1a-6b3d-4e9f-a2c7-1d0b9e8f7a6c',
  name: 'Jana Novotná',
  email: 'jana.novotna@arr-liberec.cz',
  groups: ['arr'],
  expiresAt: new Date(Date.now() + 15 * 60 * 1000),
};

/** A Cognito refresh token is a compact JWE (RSA-OAEP, A256GCM) of about 1,800 characters. */
const cognitoSizedRefreshToken = `eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.${randomBytes(1320).toString('base64url')}`;

function eventWith(cookie: string): APIGatewayProxyEventV2 {
  return { cookies: [cookie.split(';')[0]!] } as unknown as APIGatewayProxyEventV2;
}

describe('console session cookie', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives back the identity, refresh token and CSRF token it sealed', async () => {
    // Prepare
    const cookies = new SessionCookies({ key: randomBytes(32), secure: true });
    const session = newSession({ identity, refreshToken: cognitoSizedRefreshToken });

    // Act
    const read = await cookies.readSession(eventWith(await cookies.sessionCookie(session)));

    // Assess
    expect(read).toEqual({ ...session, identity: { ...identity, expiresAt: new Date(Math.floor(identity.expiresAt.getTime() / 1000) * 1000) } });
  });

  it('fits a session with a Cognito-sized refresh token into the 4,096 bytes a browser keeps of one cookie', async () => {
    // Prepare
    const cookies = new SessionCookies({ key: randomBytes(32), secure: true });

    // Act
    const cookie = await cookies.sessionCookie(newSession({ identity, refreshToken: cognitoSizedRefreshToken }));

    // Assess
    expect(cognitoSizedRefreshToken.length).toBeGreaterThan(1750);
    expect(cookie.split(';')[0]!.length).toBeLessThan(4096);
  });

  it('refuses a cookie sealed with another key, and a sign-in cookie offered as the session', async () => {
    // Prepare
    const cookies = new SessionCookies({ key: randomBytes(32), secure: true });
    const other = new SessionCookies({ key: randomBytes(32), secure: true });
    const foreign = await other.sessionCookie(newSession({ identity }));
    const signIn = await cookies.signInCookie({ codeVerifier: 'v'.repeat(43), state: 's'.repeat(22), nonce: 'n'.repeat(22), returnTo: '/arr' });

    // Act
    const outcomes = await Promise.all([
      cookies.readSession(eventWith(foreign)),
      cookies.readSession(eventWith(`${SESSION_COOKIE}=${signIn.split(';')[0]!.slice(SIGN_IN_COOKIE.length + 1)}`)),
    ]);

    // Assess
    expect(outcomes).toEqual(['rejected', 'rejected']);
  });

  it('refuses a session cookie once its idle hour has passed, and an altered one', async () => {
    // Prepare
    const cookies = new SessionCookies({ key: randomBytes(32), secure: true });
    const signedIn = Date.parse('2026-12-03T09:00:00Z');
    vi.useFakeTimers({ toFake: ['Date'], now: signedIn });
    const cookie = await cookies.sessionCookie(newSession({ identity }));
    const value = cookie.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    const altered = `${SESSION_COOKIE}=${value.slice(0, 120)}${value[120] === 'A' ? 'B' : 'A'}${value.slice(121)}`;

    // Act
    vi.setSystemTime(signedIn + (SESSION_IDLE_SECONDS - 1) * 1000);
    const beforeExpiry = await cookies.readSession(eventWith(cookie));
    const alteredOutcome = await cookies.readSession(eventWith(altered));
    vi.setSystemTime(signedIn + (SESSION_IDLE_SECONDS + 1) * 1000);
    const afterExpiry = await cookies.readSession(eventWith(cookie));

    // Assess
    expect(beforeExpiry).toMatchObject({ identity: { email: identity.email } });
    expect(alteredOutcome).toBe('rejected');
    expect(afterExpiry).toBe('rejected');
  });
});
