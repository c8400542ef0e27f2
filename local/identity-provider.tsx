/**
 * The local stand-in for Cognito: a real OpenID provider (`oidc-provider`) in the same process as
 * `npm start`, with one ARR account and one steering-group account. It issues what Cognito
 * issues: ID tokens with the person's groups in `cognito:groups`, refresh tokens, and a
 * code flow that requires PKCE. The console talks to it with the very same sign-in code.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { ComponentChildren } from 'preact';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { ARR_GROUP, STEERING_GROUP } from '../domain/access';
import { GROUPS_CLAIM } from '../adapters/oidc/sign-in';
import { ErrorSummary, InputField } from '../templates/console/layout';
import { styleSheet, rawHtml, renderPage } from '../templates/jsx/render';
import { PAGE_STYLES } from '../templates/styles';

export interface LocalAccount {
  /** The log-in name: an email address, as in Cognito. */
  email: string;
  password: string;
  name: string;
  groups: string[];
}

/** Printed by `npm start`; local only, on a provider that listens on the loopback interface. */
export const LOCAL_ACCOUNTS: readonly LocalAccount[] = [
  { email: 'arr@example.org', password: 'arr-konzole-2026', name: 'Jana Novotná', groups: [ARR_GROUP] },
  { email: 'clen.rs@example.org', password: 'rs-cteni-2026', name: 'Petr Svoboda', groups: [STEERING_GROUP] },
];

export const LOCAL_CLIENT_ID = 'arr-console';

/** Cognito's defaults for the console's client (infra): 15-minute ID tokens, 8-hour refresh tokens. */
const TTL = { IdToken: 15 * 60, AccessToken: 15 * 60, RefreshToken: 8 * 3600, Session: 8 * 3600, Grant: 8 * 3600, Interaction: 10 * 60 };

export interface LocalIdentityProviderOptions {
  port: number;
  host: string;
  /** The console's base URL (the local API), for the client's redirect URIs. */
  consoleBaseUrl: string;
  accounts?: readonly LocalAccount[];
}

export interface RunningIdentityProvider {
  issuer: string;
  clientId: string;
  accounts: readonly LocalAccount[];
  /** The provider's private signing key: tests forge expired or altered ID tokens with it. Local only. */
  signingKey: JWK;
  close(): Promise<void>;
}

function accountId(account: LocalAccount): string {
  return account.email;
}

function passwordMatches(expected: string, presented: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function IdpPage(props: { title: string; children: ComponentChildren; hasErrors?: boolean }) {
  return (
    <html lang="cs">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.hasErrors ? 'Chyba: ' : ''}${props.title} – místní přihlašovací služba`}</title>
        {styleSheet(PAGE_STYLES)}
      </head>
      <body>
        <header class="site-header">
          <p>Chytřejší Liberecký kraj · přihlášení (místní náhrada za Cognito)</p>
        </header>
        <main id="obsah">{props.children}</main>
      </body>
    </html>
  );
}

function loginPage(uid: string, email: string, error: string | null): string {
  return renderPage(
    <IdpPage title="Přihlášení do konzole ARR" hasErrors={error !== null}>
      <h1>Přihlášení do konzole ARR</h1>
      {error ? <ErrorSummary title="Přihlášení se nepodařilo" errors={[{ fieldId: 'heslo', message: error }]} /> : null}
      <form class="panel" method="post" action={`/interaction/${uid}/login`} novalidate>
        <InputField id="email" name="email" type="email" label="E-mail" value={email} wide />
        <InputField id="heslo" name="password" type="password" label="Heslo" value="" error={error ?? undefined} wide />
        <button type="submit">Přihlásit se</button>
      </form>
    </IdpPage>,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

export class IdentityProviderPortInUseError extends Error {
  override readonly name = 'PortInUseError';

  constructor(readonly port: number) {
    super(`Port ${port} for the local OpenID provider is already in use. Choose another one with the OIDC_PORT environment variable (0 = random free port).`);
  }
}

export async function startLocalIdentityProvider(options: LocalIdentityProviderOptions): Promise<RunningIdentityProvider> {
  const accounts = options.accounts ?? LOCAL_ACCOUNTS;
  const server: Server = createServer();
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new IdentityProviderPortInUseError(options.port) : error));
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      resolve((server.address() as AddressInfo).port);
    });
  });
  const issuer = `http://${options.host}:${port}`;
  const base = options.consoleBaseUrl.replace(/\/$/, '');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') };

  const configuration: Configuration = {
    clients: [
      {
        client_id: LOCAL_CLIENT_ID,
        // A public client, as on Cognito: PKCE protects the code, there is no secret to keep.
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${base}/arr/auth/callback`],
        post_logout_redirect_uris: [`${base}/arr/signed-out`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    claims: { openid: ['sub', GROUPS_CLAIM], email: ['email', 'email_verified'], profile: ['name'] },
    // Like Cognito, the ID token itself carries the person's claims and groups.
    conformIdTokenClaims: false,
    ttl: TTL,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // The console is ARR's own application: no consent screen, as on Cognito.
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    findAccount: async (_ctx, id) => {
      const account = accounts.find((candidate) => accountId(candidate) === id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name, [GROUPS_CLAIM]: account.groups }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = renderPage(
            <IdpPage title="Odhlášení">
              <h1>Odhlásit se i z přihlašovací služby?</h1>
              <div class="panel">
                {rawHtml(form)}
                <button type="submit" form="op.logoutForm" value="yes" name="logout">
                  Odhlásit se
                </button>
              </div>
            </IdpPage>,
          );
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.body = renderPage(
            <IdpPage title="Odhlášeno">
              <h1>Jste odhlášeni</h1>
              <p>
                <a href={`${base}/arr`}>Zpět do konzole ARR</a>
              </p>
            </IdpPage>,
          );
        },
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderPage(
        <IdpPage title="Chyba přihlášení">
          <h1>Přihlášení se nepodařilo</h1>
          <p>{String(out.error_description ?? out.error)}</p>
          <p>
            <a href={`${base}/arr`}>Zpět do konzole ARR</a>
          </p>
        </IdpPage>,
      );
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST' && path.endsWith('/login')) {
      const form = await readForm(req);
      const email = (form.get('email') ?? '').trim().toLowerCase();
      const account = accounts.find((candidate) => candidate.email === email);
      if (!account || !passwordMatches(account.password, form.get('password') ?? '')) {
        sendHtml(res, 401, loginPage(details.uid, email, 'E-mail nebo heslo nesouhlasí.'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: accountId(account) } }, { mergeWithLastSubmission: false });
      return;
    }
    sendHtml(res, 200, loginPage(details.uid, '', null));
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (!path.startsWith('/interaction/')) {
      callback(req, res);
      return;
    }
    interaction(req, res, path).catch(() => {
      // An expired or unknown interaction: start over from the console.
      if (!res.headersSent) sendHtml(res, 400, renderPage(<IdpPage title="Přihlášení vypršelo"><h1>Přihlášení vypršelo</h1><p><a href={`${base}/arr/sign-in`}>Přihlásit se znovu</a></p></IdpPage>));
    });
  });

  return {
    issuer,
    clientId: LOCAL_CLIENT_ID,
    accounts,
    signingKey,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
