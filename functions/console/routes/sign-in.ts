/**
 * Signing in and out of the console. The sign-in sends the browser to the issuer with PKCE, state
 * and nonce kept in a short-lived encrypted cookie; the callback checks them, verifies the ID
 * token and starts the session. Signing out revokes the refresh token, drops the session cookie
 * and ends the issuer's own session too.
 */
import { UnauthorizedError } from '../../../domain/errors';
import { renderConsoleMessage } from '../../../templates/console/message';
import { logger } from '../../observability';
import { queryParameter } from '../../http/body';
import { html, redirect, type HttpResponse } from '../../http/responses';
import { anyone, member, type ConsoleRoute } from '../context';
import { newSession, safeReturnTo } from '../session';

export const SIGN_IN_FAILED_MESSAGE = 'Přihlášení se nepodařilo dokončit nebo vypršelo. Zkuste se prosím přihlásit znovu.';

function withCookies(response: HttpResponse, cookies: string[]): HttpResponse {
  return { ...response, cookies: [...(response.cookies ?? []), ...cookies] };
}

export const routes: Record<string, ConsoleRoute> = {
  'GET /arr/sign-in': anyone(async ({ event, deps }) => {
    const { url, pending } = await deps.auth.signIn.start();
    const returnTo = safeReturnTo(queryParameter(event, 'returnTo'));
    return withCookies(redirect(url), [await deps.auth.cookies.signInCookie({ ...pending, returnTo })]);
  }),

  'GET /arr/auth/callback': anyone(async ({ event, deps }) => {
    const pending = await deps.auth.cookies.readSignIn(event);
    if (pending === null) throw new UnauthorizedError(SIGN_IN_FAILED_MESSAGE);
    const callbackUrl = new URL(deps.auth.signIn.redirectUri);
    callbackUrl.search = event.rawQueryString ?? '';
    let result: Awaited<ReturnType<typeof deps.auth.signIn.finish>>;
    try {
      result = await deps.auth.signIn.finish(callbackUrl, pending);
    } catch (error) {
      // Only the kind of failure is logged: the callback's URL and the tokens stay out of the logs.
      logger.warn('Console sign-in refused', { reason: error instanceof Error ? error.name : 'unknown' });
      throw new UnauthorizedError(SIGN_IN_FAILED_MESSAGE);
    }
    const session = newSession(result);
    return withCookies(redirect(pending.returnTo), [
      await deps.auth.cookies.sessionCookie(session),
      deps.auth.cookies.clearSignInCookie(),
    ]);
  }),

  'POST /arr/sign-out': member(async ({ deps, session }) => {
    if (session.refreshToken !== undefined) {
      await deps.auth.signIn.revoke(session.refreshToken).catch((error: unknown) => {
        logger.warn('Refresh token revocation failed', { reason: error instanceof Error ? error.name : 'unknown' });
      });
    }
    const endSession = await deps.auth.signIn.endSessionUrl();
    return withCookies(redirect(endSession), [deps.auth.cookies.clearSessionCookie()]);
  }),

  // Where the issuer sends the browser back after the sign-out. A GET changes nothing: a link to it
  // from another site must not end a session, so a valid one goes on to the console. A cookie
  // that is not a valid session any more is dropped.
  'GET /arr/signed-out': anyone(async ({ event, deps }) => {
    const session = await deps.auth.cookies.readSession(event);
    if (session !== null && session !== 'rejected') return redirect('/arr');
    const page = html(
      200,
      renderConsoleMessage({
        title: 'Jste odhlášeni',
        message: 'Odhlášení proběhlo. Pro další práci v konzoli se přihlaste znovu.',
        link: { href: '/arr/sign-in', label: 'Přihlásit se' },
        tone: 'info',
      }),
    );
    return session === null ? page : withCookies(page, [deps.auth.cookies.clearSessionCookie()]);
  }),
};
