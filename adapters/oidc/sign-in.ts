/**
 * The console's one sign-in module: OpenID Connect authorization code flow with PKCE through
 * `openid-client`, and ID token verification against the issuer's JWKS through `jose`. The same
 * code talks to Cognito on AWS and to the local `oidc-provider`; only the settings differ.
 * No token is ever parsed by hand, and none is ever logged.
 *
 * Only the flows that talk to the issuer use this module's network side: signing in and out, and
 * the refresh of an expired ID token; an ordinary request trusts the identity its session cookie
 * carries (functions/console/auth.ts). So openid-client (with oauth4webapi under it, about 28 kB
 * minified) and the ID token's verification with jose (./id-token.ts) are loaded with `import()` by
 * those flows, and a cold start of a signed-in page reads neither, nor fetches anything from the
 * issuer.
 */
import type { JWTPayload } from 'jose';
import type { Configuration, ServerMetadata } from 'openid-client';
import type { IssuerKeys } from './id-token';

export interface OidcSettings {
  /** e.g. `https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_abc` or `http://127.0.0.1:3001`. */
  issuer: string;
  clientId: string;
  /** The console's callback, registered with the client. */
  redirectUri: string;
  /** Where the issuer sends the browser after signing out. */
  postLogoutRedirectUri: string;
  /**
   * An issuer without `end_session_endpoint` in its discovery (Cognito) signs out at this URL,
   * called with `client_id` and `logout_uri`, e.g. `https://<domain>.auth.<region>.amazoncognito.com/logout`.
   */
  logoutUrl?: string;
  /** Only the local provider speaks plain HTTP; on AWS every issuer URL is HTTPS. */
  allowInsecureHttp?: boolean;
}

/** What the console keeps between the redirect to the issuer and the callback. */
export interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** What a sign-in or a refresh yields: the identity verified from its ID token, and the refresh token to keep. */
export interface VerifiedSignIn {
  identity: VerifiedIdentity;
  refreshToken?: string;
}

/** The verified identity of a signed-in person. */
export interface VerifiedIdentity {
  subject: string;
  name: string;
  email: string;
  groups: string[];
  /** When the ID token stops being valid (the session then refreshes it). */
  expiresAt: Date;
}

export type TokenProblem = 'expired' | 'invalid';

/** A token that did not pass verification; `expired` may be cured by a refresh, `invalid` never. */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';

  constructor(readonly problem: TokenProblem) {
    super(problem === 'expired' ? 'The ID token has expired.' : 'The ID token is not valid for this issuer and client.');
  }
}

const SCOPE = 'openid email profile';
/** Cognito's claim for a user's groups; the local provider emits the same one. */
export const GROUPS_CLAIM = 'cognito:groups';

function stringClaim(payload: JWTPayload, name: string): string {
  const value = payload[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The issuer's OpenID discovery document, checked as openid-client's own discovery checks it:
 * HTTPS only (plain HTTP only for the local provider), no redirects, and the document must name
 * the issuer it was fetched for.
 */
async function discoverIssuer(settings: OidcSettings): Promise<ServerMetadata> {
  const issuer = new URL(settings.issuer);
  if (issuer.protocol !== 'https:' && !(settings.allowInsecureHttp && issuer.protocol === 'http:')) {
    throw new Error(`The issuer ${issuer.href} is not served over HTTPS.`);
  }
  const url = new URL(issuer.href);
  url.pathname = `${url.pathname}/.well-known/openid-configuration`.replace('//', '/');
  const response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  if (response.status !== 200) throw new Error(`The issuer's discovery answered HTTP ${response.status}.`);
  const metadata = (await response.json()) as Partial<ServerMetadata> | null;
  if (typeof metadata?.issuer !== 'string' || new URL(metadata.issuer).href !== issuer.href) {
    throw new Error('The discovered metadata names another issuer.');
  }
  return metadata as ServerMetadata;
}

/** openid-client with its configuration for the issuer. */
interface IssuerClient {
  oidc: typeof import('openid-client');
  config: Configuration;
}

export class OidcSignIn {
  private metadata: Promise<ServerMetadata> | undefined;
  private client: Promise<IssuerClient> | undefined;
  private keys: IssuerKeys | undefined;

  constructor(private readonly settings: OidcSettings) {}

  get redirectUri(): string {
    return this.settings.redirectUri;
  }

  /** Where the sign-out form's redirect goes: the pages' CSP must allow that form target. */
  get signOutOrigin(): string {
    return new URL(this.settings.logoutUrl ?? this.settings.issuer).origin;
  }

  /** Discovery once per warm function; a failed discovery is retried on the next request. */
  private discovered(): Promise<ServerMetadata> {
    if (this.metadata === undefined) {
      this.metadata = discoverIssuer(this.settings);
      this.metadata.catch(() => {
        this.metadata = undefined;
      });
    }
    return this.metadata;
  }

  /** openid-client and its configuration for the discovered issuer: loaded by the first flow that talks to the issuer's endpoints. */
  private issuerClient(): Promise<IssuerClient> {
    if (this.client === undefined) {
      this.client = Promise.all([import('openid-client'), this.discovered()]).then(([oidc, metadata]) => {
        const config = new oidc.Configuration(metadata, this.settings.clientId, undefined, oidc.None());
        if (this.settings.allowInsecureHttp) oidc.allowInsecureRequests(config);
        return { oidc, config };
      });
      this.client.catch(() => {
        this.client = undefined;
      });
    }
    return this.client;
  }

  /** The issuer's authorization URL and what the callback must check against. */
  async start(): Promise<{ url: string; pending: PendingSignIn }> {
    const { oidc, config } = await this.issuerClient();
    const pending: PendingSignIn = {
      codeVerifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /**
   * Exchanges the callback's code (checking state, nonce and the PKCE verifier) and verifies the
   * ID token it got. @throws when the callback does not belong to `pending` or the issuer refuses.
   */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<VerifiedSignIn> {
    const { oidc, config } = await this.issuerClient();
    const response = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = response.id_token;
    if (idToken === undefined) throw new TokenRejectedError('invalid');
    const identity = await this.verify(idToken);
    return { identity, ...(response.refresh_token ? { refreshToken: response.refresh_token } : {}) };
  }

  /**
   * Verifies signature (the issuer's JWKS, fetched once per warm function), issuer, audience and
   * lifetime of an ID token, as the sign-in and every refresh receive one.
   */
  async verify(idToken: string): Promise<VerifiedIdentity> {
    const [{ issuerKeys, verifiedClaims }, metadata] = await Promise.all([import('./id-token'), this.discovered()]);
    if (metadata.jwks_uri === undefined) throw new Error('The issuer publishes no jwks_uri.');
    this.keys ??= issuerKeys(metadata.jwks_uri);
    const payload = await verifiedClaims(idToken, this.keys, { issuer: metadata.issuer, audience: this.settings.clientId });
    if (payload === 'expired' || payload === 'invalid') throw new TokenRejectedError(payload);
    // Cognito's access tokens are signed by the same keys; only an ID token names the person.
    if (payload.token_use !== undefined && payload.token_use !== 'id') throw new TokenRejectedError('invalid');
    const groups = payload[GROUPS_CLAIM];
    return {
      subject: payload.sub ?? '',
      name: stringClaim(payload, 'name') || stringClaim(payload, 'email') || stringClaim(payload, 'cognito:username'),
      email: stringClaim(payload, 'email'),
      groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    };
  }

  /** A new ID token for a refresh token. @throws TokenRejectedError when the issuer refuses it. */
  async refresh(refreshToken: string): Promise<VerifiedSignIn & { refreshToken: string }> {
    const { oidc, config } = await this.issuerClient();
    let response: Awaited<ReturnType<typeof oidc.refreshTokenGrant>>;
    try {
      response = await oidc.refreshTokenGrant(config, refreshToken, { scope: SCOPE });
    } catch (error) {
      if (error instanceof oidc.ResponseBodyError) throw new TokenRejectedError('expired');
      throw error;
    }
    if (response.id_token === undefined) throw new TokenRejectedError('invalid');
    const identity = await this.verify(response.id_token);
    // Cognito keeps the refresh token; providers that rotate it send a new one.
    return { identity, refreshToken: response.refresh_token ?? refreshToken };
  }

  /** Revokes a refresh token where the issuer offers revocation; sign-out goes on either way. */
  async revoke(refreshToken: string): Promise<void> {
    const { oidc, config } = await this.issuerClient();
    if (config.serverMetadata().revocation_endpoint === undefined) return;
    await oidc.tokenRevocation(config, refreshToken, { token_type_hint: 'refresh_token' });
  }

  /**
   * Where to send the browser so that the issuer's own session ends too. The client is named by
   * `client_id` rather than by an `id_token_hint`: the session keeps no ID token.
   */
  async endSessionUrl(): Promise<string> {
    if (this.settings.logoutUrl !== undefined) {
      const url = new URL(this.settings.logoutUrl);
      url.searchParams.set('client_id', this.settings.clientId);
      url.searchParams.set('logout_uri', this.settings.postLogoutRedirectUri);
      return url.href;
    }
    const { oidc, config } = await this.issuerClient();
    if (config.serverMetadata().end_session_endpoint === undefined) return this.settings.postLogoutRedirectUri;
    return oidc.buildEndSessionUrl(config, {
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
      client_id: this.settings.clientId,
    }).href;
  }
}
