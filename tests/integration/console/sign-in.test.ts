// The console's sign-in over the local stack: the real OpenID provider, code flow with PKCE, the
// ID token's verification, the encrypted session cookie, the CSRF token and the group check, each
// at its edge.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcSignIn, TokenRejectedError } from '../../../adapters/oidc/sign-in';
import { authenticate } from '../../../functions/console/auth';
import { SESSION_COOKIE } from '../../../functions/console/session';
import { MovableClock } from '../../../local/composition';
import { startLocalSystem, type LocalSystem } from '../../../local/system';
import { ConsoleClient, csrfTokenOf } from '../../support/console-client';

let dataDir: string;
let system: LocalSystem;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-sign-in-'));
  system = await startLocalSystem({
    dataDir,
    clock: new MovableClock(new Date('2026-06-01T06:00:00Z'), { frozen: true }),
    background: false,
    historyDir: null,
  });
});

afterAll(async () => {
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const arr = () => system.identity.accounts.find((account) => account.groups.includes('arr'))!;
const steering = () => system.identity.accounts.find((account) => account.groups.includes('ridici-skupina'))!;

async function signedIn(account: { email: string; password: string }): Promise<ConsoleClient> {
  const client = new ConsoleClient(system.apiUrl);
  const landed = await client.signIn(account.email, account.password);
  if (landed.status !== 200) throw new Error(`Sign-in ended with HTTP ${landed.status} at ${landed.url}`);
  return client;
}

/** The session the console sealed into a client's cookie, read with the console's own key. */
async function sessionOf(client: ConsoleClient) {
  const event = { cookies: [`${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}`] } as unknown as APIGatewayProxyEventV2;
  const session = await system.consoleDeps.auth.cookies.readSession(event);
  if (session === null || session === 'rejected') throw new Error('The client holds no readable session.');
  return session;
}

async function idToken(claims: Record<string, unknown>, options: { key?: JWK; expiresAt: number }): Promise<string> {
  const jwk = options.key ?? system.identity.signingKey;
  const key = await importJWK(jwk, 'RS256');
  return new SignJWT({ email: arr().email, name: 'Padělaný', 'cognito:groups': ['arr'], ...claims })
    .setProtectedHeader({ alg: 'RS256', ...(jwk.kid ? { kid: jwk.kid } : {}) })
    .setSubject(arr().email)
    .setAudience(system.identity.clientId)
    .setIssuedAt(options.expiresAt - 900)
    .setExpirationTime(options.expiresAt)
    .sign(key);
}

/** A client whose session (sealed with the console's real key) holds ARR's identity, its ID token expiring at `expiresAt`. */
async function clientWithSession(expiresAt: number, refreshToken?: string): Promise<ConsoleClient> {
  const client = new ConsoleClient(system.apiUrl);
  const cookie = await system.consoleDeps.auth.cookies.sessionCookie({
    identity: { subject: arr().email, name: 'Jana Novotná', email: arr().email, groups: ['arr'], expiresAt: new Date(expiresAt * 1000) },
    ...(refreshToken ? { refreshToken } : {}),
    csrf: 'c'.repeat(43),
    signedInAt: Math.floor(Date.now() / 1000),
  });
  client.setCookie(SESSION_COOKIE, cookie.split(';')[0]!.slice(SESSION_COOKIE.length + 1));
  return client;
}

const now = () => Math.floor(Date.now() / 1000);

describe('console sign-in', () => {
  it('sends a visitor without a session to the sign-in, keeping the page asked for', async () => {
    // Prepare
    const client = new ConsoleClient(system.apiUrl);

    // Act
    const response = await client.request('/arr?obdobi=2026-H1');

    // Assess
    expect(response.status).toBe(303);
    expect(response.location).toBe(`${system.apiUrl}/arr/sign-in?returnTo=%2Farr%3Fobdobi%3D2026-H1`);
  });

  it('signs ARR in with the code flow and PKCE and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    // Prepare
    const client = new ConsoleClient(system.apiUrl);
    const start = await client.request('/arr/sign-in');
    const authorize = new URL(start.location!);

    // Act
    const landed = await client.signIn(arr().email, arr().password);

    // Assess
    expect(authorize.origin).toBe(system.identity.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(landed.status).toBe(200);
    expect(landed.url).toBe(`${system.apiUrl}/arr`);
    expect(landed.body).toContain('Otevřít nové pololetí');
    expect(landed.body).toContain('Jana Novotná (ARR)');
    const session = await sessionOf(client);
    expect(session.refreshToken).toBeTruthy();
  });

  it('refuses a wrong password on the provider’s login form', async () => {
    // Prepare
    const client = new ConsoleClient(system.apiUrl);

    // Act
    const refused = await client.signIn(arr().email, 'spatne-heslo');

    // Assess
    expect(refused.status).toBe(401);
    expect(refused.body).toContain('E-mail nebo heslo nesouhlasí.');
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
  });

  it('answers 401 to a session cookie that was tampered with', async () => {
    // Prepare
    const client = await signedIn(arr());
    const value = client.cookie(SESSION_COOKIE)!;
    const middle = Math.floor(value.length / 2);
    client.setCookie(SESSION_COOKIE, `${value.slice(0, middle)}${value[middle] === 'A' ? 'B' : 'A'}${value.slice(middle + 1)}`);

    // Act
    const response = await client.request('/arr');

    // Assess
    expect(response.status).toBe(401);
    expect(response.body).toContain('Přihlášení není platné nebo vypršelo.');
  });

  it('answers 401 to a session whose ID token has expired and that holds no refresh token', async () => {
    // Prepare
    const client = await clientWithSession(now() - 60);

    // Act
    const response = await client.request('/arr');

    // Assess
    expect(response.status).toBe(401);
    expect(response.body).toContain('Přihlášení není platné nebo vypršelo.');
  });

  it('verifies an ID token against the issuer: a foreign issuer’s, one naming a foreign issuer and an expired one are refused', async () => {
    // Prepare
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const { exportJWK } = await import('jose');
    const foreignKey = { ...(await exportJWK(privateKey)), kid: 'foreign' };
    const tokens = {
      foreign: await idToken({ iss: 'https://issuer.example.net' }, { key: foreignKey, expiresAt: now() + 600 }),
      wrongIssuer: await idToken({ iss: 'https://issuer.example.net' }, { expiresAt: now() + 600 }),
      expired: await idToken({ iss: system.identity.issuer }, { expiresAt: now() - 60 }),
      control: await idToken({ iss: system.identity.issuer }, { expiresAt: now() + 600 }),
    };
    const { signIn } = system.consoleDeps.auth;
    const problemOf = (token: string) => signIn.verify(token).then(
      () => 'accepted',
      (error: unknown) => (error instanceof TokenRejectedError ? error.problem : error),
    );

    // Act
    const outcomes = await Promise.all([tokens.foreign, tokens.wrongIssuer, tokens.expired].map(problemOf));
    const identity = await signIn.verify(tokens.control);

    // Assess
    expect(outcomes).toEqual(['invalid', 'invalid', 'expired']);
    expect(identity).toMatchObject({ email: arr().email, name: 'Padělaný', groups: ['arr'] });
  });

  it('serves a signed-in request from the session alone, asking the issuer nothing until the ID token expires', async () => {
    // Prepare
    const client = await signedIn(arr());
    const event = { cookies: [`${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}`] } as unknown as APIGatewayProxyEventV2;
    // An issuer nobody answers for: any discovery, JWKS or token request would fail.
    const unreachable = new OidcSignIn({
      issuer: 'http://127.0.0.1:9',
      clientId: system.identity.clientId,
      redirectUri: `${system.apiUrl}/arr/auth/callback`,
      postLogoutRedirectUri: `${system.apiUrl}/arr/signed-out`,
      allowInsecureHttp: true,
    });

    // Act
    const authentication = await authenticate(event, { signIn: unreachable, cookies: system.consoleDeps.auth.cookies });

    // Assess
    expect(authentication.kind).toBe('signed-in');
    if (authentication.kind !== 'signed-in') return;
    expect(authentication.user).toMatchObject({ email: arr().email, role: 'arr' });
    expect(authentication.session.identity.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(authentication.setCookies).toEqual([]);
  });

  it('refreshes an expired ID token with the session’s refresh token and renews the cookie', async () => {
    // Prepare
    const real = await signedIn(arr());
    const { refreshToken } = await sessionOf(real);
    const client = await clientWithSession(now() - 60, refreshToken);

    // Act
    const response = await client.request('/arr');

    // Assess
    expect(response.status).toBe(200);
    expect(response.setCookies.some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && /HttpOnly/.test(cookie) && /SameSite=Lax/.test(cookie))).toBe(true);
    const renewed = await sessionOf(client);
    expect(renewed.identity.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(renewed.identity.groups).toEqual(['arr']);
  });

  it('refuses a form posted without or with a wrong CSRF token with 403, and opens nothing', async () => {
    // Prepare
    const client = await signedIn(arr());
    const form = { period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' };

    // Act
    const without = await client.request('/arr/cycles', { form });
    const wrong = await client.request('/arr/cycles', { form: { ...form, _csrf: 'x'.repeat(43) } });

    // Assess
    expect([without.status, wrong.status]).toEqual([403, 403]);
    expect(await system.deps.cycles.getCycle('2026-H1')).toBeNull();
  });

  it('refuses a steering-group member an ARR action with 403, even with a valid CSRF token', async () => {
    // Prepare
    const client = await signedIn(steering());
    const page = await client.request('/arr');

    // Act
    const response = await client.request('/arr/cycles', {
      form: { _csrf: csrfTokenOf(page.body), period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' },
    });

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('Otevřít nové pololetí');
    expect(response.status).toBe(403);
    expect(await system.deps.cycles.getCycle('2026-H1')).toBeNull();
  });

  it('ends the session on sign-out: the cookie is gone, the refresh token revoked, the next visit signs in again', async () => {
    // Prepare
    const client = await signedIn(arr());
    const { refreshToken } = await sessionOf(client);
    const page = await client.request('/arr');

    // Act
    const signedOut = await client.request('/arr/sign-out', { form: { _csrf: csrfTokenOf(page.body) } });
    const next = await client.request('/arr');
    const refreshAfter = await clientWithSession(now() - 60, refreshToken);
    const replay = await refreshAfter.request('/arr');

    // Assess
    expect(signedOut.status).toBe(303);
    expect(new URL(signedOut.location!).origin).toBe(system.identity.issuer);
    expect(signedOut.setCookies.some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=;`) && /Max-Age=0/.test(cookie))).toBe(true);
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(next.status).toBe(303);
    expect(next.location).toContain('/arr/sign-in');
    expect(replay.status).toBe(401);
  });

  it('keeps a session that a link to the signed-out page would end: only a sign-out form post ends it', async () => {
    // Prepare
    const client = await signedIn(arr());
    const stale = new ConsoleClient(system.apiUrl);
    stale.setCookie(SESSION_COOKIE, 'not-a-sealed-session');

    // Act
    const followed = await client.request('/arr/signed-out');
    const after = await client.request('/arr');
    const staleLanding = await stale.request('/arr/signed-out');

    // Assess
    expect(followed.status).toBe(303);
    expect(followed.location).toBe(`${system.apiUrl}/arr`);
    expect(followed.setCookies).toEqual([]);
    expect(after.status).toBe(200);
    expect(staleLanding.status).toBe(200);
    expect(staleLanding.body).toContain('Jste odhlášeni');
    expect(stale.cookie(SESSION_COOKIE)).toBeUndefined();
  });
});
