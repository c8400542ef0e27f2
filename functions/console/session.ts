/**
 * The console's session: a stateless cookie, encrypted and authenticated with a key only the
 * console holds. It carries the identity that the sign-in verified from the ID token (with the ID
 * token's expiry), the refresh token and the CSRF token; nothing is stored server-side, so there
 * is no session table to expire or clean, and a cookie that was altered does not open.
 *
 * The seal is Iron (`iron-webcrypto`, the format of hapi and iron-session): AES-256-CBC, then
 * HMAC-SHA256 over the whole, each with its own key derived from the secret and a fresh salt, and
 * the expiry inside the MAC. It replaced a JWE (`dir` + A256GCM through `jose`) because opening a
 * JWE brings jose's whole key-management dispatch (about 33 kB minified) into every cold start of
 * the console, where Iron is about 6 kB on WebCrypto; jose still verifies the issuer's ID tokens, in
 * the sign-in flows only (adapters/oidc/id-token.ts).
 *
 * The ID token itself is not kept: beside Cognito's refresh token (about 1,800 characters), an ID
 * token of 1,100 characters would take the sealed cookie past the 4,096 bytes a browser keeps of
 * one cookie, and the browser would drop it (a unit test seals a Cognito-sized session).
 *
 * Lifetimes: the ID token 15 minutes (set at the issuer), the cookie one hour after the last
 * refresh (an idle hour signs out), the whole session at most 8 hours after sign-in. They run on
 * the real clock, like the issuer's tokens, never on the application's (movable) clock.
 */
import { builtOnFirstUse } from '../../domain/lazy';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { defaults as ironDefaults, seal, unseal } from 'iron-webcrypto';
import * as z from 'zod/mini';
import type { PendingSignIn, VerifiedIdentity, VerifiedSignIn } from '../../adapters/oidc/sign-in';

export const SESSION_COOKIE = 'arr_session';
export const SIGN_IN_COOKIE = 'arr_sign_in';
export const CONSOLE_PATH = '/arr';
export const CSRF_FIELD = '_csrf';

export const SESSION_IDLE_SECONDS = 60 * 60;
export const SESSION_MAX_SECONDS = 8 * 60 * 60;
const SIGN_IN_SECONDS = 10 * 60;

export interface SessionContent {
  /** Verified from the ID token at the sign-in or the last refresh; valid until its `expiresAt`. */
  identity: VerifiedIdentity;
  refreshToken?: string;
  csrf: string;
  /** Epoch seconds of the sign-in: the session never outlives it by more than SESSION_MAX_SECONDS. */
  signedInAt: number;
}

export interface PendingSignInContent extends PendingSignIn {
  /** The console page the person wanted, opened again after the sign-in. */
  returnTo: string;
}

const nonEmpty = () => z.string().check(z.minLength(1));

const sessionSchema = builtOnFirstUse(() =>
  z.object({
    sub: nonEmpty(),
    nm: z.string(),
    em: z.string(),
    grp: z.array(z.string()),
    /** When the identity's ID token expires (epoch seconds): the session then refreshes it. */
    iex: z.number().check(z.int()),
    rft: z.optional(nonEmpty()),
    csrf: z.string().check(z.minLength(16)),
    sia: z.number().check(z.int()),
  }),
);

const pendingSchema = builtOnFirstUse(() =>
  z.object({
    cv: nonEmpty(),
    st: nonEmpty(),
    nn: nonEmpty(),
    rto: z.string(),
  }),
);

export interface SessionCookieOptions {
  /** 32 bytes: the A256GCM key, or where to fetch it once (Secrets Manager on AWS). */
  key: Uint8Array | (() => Promise<Uint8Array>);
  /** On AWS (HTTPS) true; the local console runs on plain HTTP. */
  secure: boolean;
}

/** Iron's defaults, but an expired seal is refused at its expiry, with no minute of grace. */
const SEAL_OPTIONS = { ...ironDefaults, timestampSkewSec: 0 };

export class SessionCookies {
  /** The key as Iron's password: the 32 bytes base64url-encoded (43 characters). */
  private key: Promise<string> | undefined;

  constructor(private readonly options: SessionCookieOptions) {}

  private password(): Promise<string> {
    if (this.key === undefined) {
      const { key } = this.options;
      this.key = (typeof key === 'function' ? key() : Promise.resolve(key)).then((bytes) => {
        if (bytes.length !== 32) throw new Error('The session key must be 32 bytes.');
        return Buffer.from(bytes).toString('base64url');
      });
      this.key.catch(() => {
        this.key = undefined;
      });
    }
    return this.key;
  }

  static newCsrfToken(): string {
    return randomBytes(32).toString('base64url');
  }

  /** `expiresAt` in epoch seconds; the seal's own expiry, checked by `open`. */
  private async seal(claims: Record<string, unknown>, expiresAt: number): Promise<string> {
    // At least 1 ms: Iron reads a ttl of 0 as "never expires".
    const ttl = Math.max(1, expiresAt * 1000 - Date.now());
    return seal(claims, await this.password(), { ...SEAL_OPTIONS, ttl });
  }

  /** @returns null for an altered, foreign or expired cookie (the schemas then refuse it). */
  private async open(value: string): Promise<unknown> {
    const password = await this.password();
    try {
      return await unseal(value, password, SEAL_OPTIONS);
    } catch {
      return null;
    }
  }

  private cookie(name: string, value: string, maxAge: number, path: string): string {
    const attributes = [`${name}=${value}`, `Path=${path}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`];
    if (this.options.secure) attributes.push('Secure');
    return attributes.join('; ');
  }

  /** The Set-Cookie of a session, valid for an idle hour but never past its 8-hour limit. */
  async sessionCookie(content: SessionContent): Promise<string> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const expiresAt = Math.min(nowSeconds + SESSION_IDLE_SECONDS, content.signedInAt + SESSION_MAX_SECONDS);
    const { identity } = content;
    const sealed = await this.seal(
      {
        sub: identity.subject,
        nm: identity.name,
        em: identity.email,
        grp: identity.groups,
        iex: Math.floor(identity.expiresAt.getTime() / 1000),
        ...(content.refreshToken ? { rft: content.refreshToken } : {}),
        csrf: content.csrf,
        sia: content.signedInAt,
      },
      expiresAt,
    );
    return this.cookie(SESSION_COOKIE, sealed, Math.max(0, expiresAt - nowSeconds), CONSOLE_PATH);
  }

  clearSessionCookie(): string {
    return this.cookie(SESSION_COOKIE, '', 0, CONSOLE_PATH);
  }

  /** @returns null when the cookie is absent; `'rejected'` when it is present but not ours or expired. */
  async readSession(event: APIGatewayProxyEventV2): Promise<SessionContent | null | 'rejected'> {
    const value = cookieValue(event, SESSION_COOKIE);
    if (value === undefined || value === '') return null;
    const parsed = sessionSchema().safeParse(await this.open(value));
    if (!parsed.success) return 'rejected';
    const { sub, nm, em, grp, iex, rft, csrf, sia } = parsed.data;
    return {
      identity: { subject: sub, name: nm, email: em, groups: grp, expiresAt: new Date(iex * 1000) },
      ...(rft ? { refreshToken: rft } : {}),
      csrf,
      signedInAt: sia,
    };
  }

  async signInCookie(content: PendingSignInContent): Promise<string> {
    const expiresAt = Math.floor(Date.now() / 1000) + SIGN_IN_SECONDS;
    const sealed = await this.seal({ cv: content.codeVerifier, st: content.state, nn: content.nonce, rto: content.returnTo }, expiresAt);
    return this.cookie(SIGN_IN_COOKIE, sealed, SIGN_IN_SECONDS, CONSOLE_PATH);
  }

  clearSignInCookie(): string {
    return this.cookie(SIGN_IN_COOKIE, '', 0, CONSOLE_PATH);
  }

  async readSignIn(event: APIGatewayProxyEventV2): Promise<PendingSignInContent | null> {
    const value = cookieValue(event, SIGN_IN_COOKIE);
    if (value === undefined || value === '') return null;
    const parsed = pendingSchema().safeParse(await this.open(value));
    if (!parsed.success) return null;
    return { codeVerifier: parsed.data.cv, state: parsed.data.st, nonce: parsed.data.nn, returnTo: parsed.data.rto };
  }
}

/** A new session for a verified sign-in. */
export function newSession(signIn: VerifiedSignIn): SessionContent {
  return {
    identity: signIn.identity,
    ...(signIn.refreshToken ? { refreshToken: signIn.refreshToken } : {}),
    csrf: SessionCookies.newCsrfToken(),
    signedInAt: Math.floor(Date.now() / 1000),
  };
}

/** API Gateway (payload 2.0) passes cookies as `name=value` strings; the first of a name wins. */
export function cookieValue(event: APIGatewayProxyEventV2, name: string): string | undefined {
  for (const entry of event.cookies ?? []) {
    const index = entry.indexOf('=');
    if (index > 0 && entry.slice(0, index).trim() === name) return entry.slice(index + 1).trim();
  }
  return undefined;
}

/** Constant-time comparison of the form's CSRF token with the session's. */
export function csrfMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only a console path may follow a sign-in: never another site (an open redirect). */
export function safeReturnTo(value: string | undefined): string {
  if (value === undefined || value.includes('\\')) return CONSOLE_PATH;
  const inConsole = value === CONSOLE_PATH || value.startsWith(`${CONSOLE_PATH}/`) || value.startsWith(`${CONSOLE_PATH}?`);
  return inConsole ? value : CONSOLE_PATH;
}
