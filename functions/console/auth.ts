/**
 * Who is asking: the console session and the identity in it, refreshed when its ID token has
 * expired, and the person's role from their groups.
 *
 * The ID token is verified against the issuer's JWKS where the console receives one: at the
 * sign-in and at every refresh (adapters/oidc/sign-in.ts). Between them a request trusts the
 * identity in the session cookie, which only the console's key can seal or open, until that ID
 * token's own expiry (15 minutes). Verifying the same token again on every request would add no
 * check (its signature, issuer and audience cannot change inside a sealed cookie), but would cost
 * every cold start the issuer's discovery document and JWKS, two HTTPS round trips.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { TokenRejectedError, type OidcSignIn } from '../../adapters/oidc/sign-in';
import { consoleRoleOf, type ConsoleRole } from '../../domain/access';
import { UnauthorizedError } from '../../domain/errors';
import type { SessionContent, SessionCookies } from './session';

export interface ConsoleAuth {
  signIn: OidcSignIn;
  cookies: SessionCookies;
}

export interface ConsoleUser {
  name: string;
  email: string;
  role: ConsoleRole | null;
  /** The session's CSRF token, put into every form. */
  csrf: string;
}

export type Authentication =
  | { kind: 'none' }
  | { kind: 'signed-in'; user: ConsoleUser; session: SessionContent; setCookies: string[] };

export const SESSION_INVALID_MESSAGE = 'Přihlášení není platné nebo vypršelo. Přihlaste se prosím znovu.';

function userOf({ identity, csrf }: SessionContent): ConsoleUser {
  return { name: identity.name, email: identity.email, role: consoleRoleOf(identity.groups), csrf };
}

/**
 * @returns `none` without a session cookie (the console then sends the person to sign in).
 * @throws UnauthorizedError for a cookie that was altered or has expired, and for an identity
 * whose ID token has expired without a refresh token the issuer still honours (or whose new ID
 * token does not pass verification).
 */
export async function authenticate(event: APIGatewayProxyEventV2, auth: ConsoleAuth): Promise<Authentication> {
  const session = await auth.cookies.readSession(event);
  if (session === null) return { kind: 'none' };
  if (session === 'rejected') throw new UnauthorizedError(SESSION_INVALID_MESSAGE);
  if (session.identity.expiresAt.getTime() > Date.now()) return { kind: 'signed-in', user: userOf(session), session, setCookies: [] };
  if (session.refreshToken === undefined) throw new UnauthorizedError(SESSION_INVALID_MESSAGE);
  try {
    const refreshed = await auth.signIn.refresh(session.refreshToken);
    const renewed: SessionContent = { ...session, identity: refreshed.identity, refreshToken: refreshed.refreshToken };
    return { kind: 'signed-in', user: userOf(renewed), session: renewed, setCookies: [await auth.cookies.sessionCookie(renewed)] };
  } catch (error) {
    if (error instanceof TokenRejectedError) throw new UnauthorizedError(SESSION_INVALID_MESSAGE);
    throw error;
  }
}
