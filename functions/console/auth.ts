/**
 * Who is asking: the console session, its ID token verified against the issuer's JWKS, refreshed
 * when it has expired, and the person's role from their groups.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { TokenRejectedError, type OidcSignIn, type VerifiedIdentity } from '../../adapters/oidc/sign-in';
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

function userOf(identity: VerifiedIdentity, session: SessionContent): ConsoleUser {
  return { name: identity.name, email: identity.email, role: consoleRoleOf(identity.groups), csrf: session.csrf };
}

/**
 * @returns `none` without a session cookie (the console then sends the person to sign in).
 * @throws UnauthorizedError for a cookie that was altered or has expired, and for an ID token that
 * is not the issuer's, not for this client, or expired without a working refresh token.
 */
export async function authenticate(event: APIGatewayProxyEventV2, auth: ConsoleAuth): Promise<Authentication> {
  const session = await auth.cookies.readSession(event);
  if (session === null) return { kind: 'none' };
  if (session === 'rejected') throw new UnauthorizedError(SESSION_INVALID_MESSAGE);
  try {
    const identity = await auth.signIn.verify(session.idToken);
    return { kind: 'signed-in', user: userOf(identity, session), session, setCookies: [] };
  } catch (error) {
    if (!(error instanceof TokenRejectedError)) throw error;
    if (error.problem !== 'expired' || session.refreshToken === undefined) throw new UnauthorizedError(SESSION_INVALID_MESSAGE);
  }
  try {
    const refreshed = await auth.signIn.refresh(session.refreshToken);
    const renewed: SessionContent = { ...session, idToken: refreshed.tokens.idToken, ...(refreshed.tokens.refreshToken ? { refreshToken: refreshed.tokens.refreshToken } : {}) };
    return {
      kind: 'signed-in',
      user: userOf(refreshed.identity, renewed),
      session: renewed,
      setCookies: [await auth.cookies.sessionCookie(renewed)],
    };
  } catch (error) {
    if (error instanceof TokenRejectedError) throw new UnauthorizedError(SESSION_INVALID_MESSAGE);
    throw error;
  }
}
