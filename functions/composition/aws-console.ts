/**
 * The console's composition root on AWS: the ports of ARR's API (functions/composition/aws.ts),
 * the Cognito user pool as the OpenID issuer, and the session key from Secrets Manager. Read on
 * the first invocation, reused by every later one.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from '../../domain/lazy';
import { OidcSignIn } from '../../adapters/oidc/sign-in';
import { readSessionKey, secretsClient } from '../../adapters/secrets/session-key';
import type { ConsoleDependencies } from '../console/context';
import { SessionCookies } from '../console/session';
import { awsAgency, awsAnnualTexts, awsClock, awsConfig, awsCycles, awsEditorial, awsEvents, awsIndicators, awsPlans, awsReminders, awsReports, awsSubmissions, awsTokens } from './aws';
import { lazyReportDocuments } from './documents';

const nonEmpty = () => z.string().check(z.minLength(1));

// Built when the first invocation reads the environment, like every other schema (domain/lazy.ts).
const consoleEnvironmentSchema = builtOnFirstUse(() => z.object({
  AWS_REGION: nonEmpty(),
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>` */
  OIDC_ISSUER: z.url(),
  OIDC_CLIENT_ID: nonEmpty(),
  /** The managed login's `/logout` endpoint: Cognito's discovery names no end-session endpoint. */
  OIDC_LOGOUT_URL: z.url(),
  /** The API's public base URL; the console lives under `/arr`. */
  PUBLIC_BASE_URL: z.url(),
  SESSION_SECRET_ARN: nonEmpty(),
}));

export function readConsoleEnvironment(env: Record<string, string | undefined>) {
  const result = consoleEnvironmentSchema().safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid console environment: ${problems}`);
  }
  return result.data;
}

/** The console URLs the user-pool client registers, derived from the API's base URL. */
export function consoleUrls(publicBaseUrl: string): { callback: string; signedOut: string } {
  const base = publicBaseUrl.replace(/\/$/, '');
  return { callback: `${base}/arr/auth/callback`, signedOut: `${base}/arr/signed-out` };
}

let dependencies: ConsoleDependencies | undefined;

export function awsConsoleDependencies(): ConsoleDependencies {
  if (dependencies === undefined) {
    const env = readConsoleEnvironment(process.env);
    const urls = consoleUrls(env.PUBLIC_BASE_URL);
    const secrets = secretsClient(env.AWS_REGION);
    dependencies = {
      app: { plans: awsPlans(), cycles: awsCycles(), submissions: awsSubmissions(), tokens: awsTokens(), reminders: awsReminders(), indicators: awsIndicators(), agency: awsAgency(), editorial: awsEditorial(), reports: awsReports(), annualTexts: awsAnnualTexts(), clock: awsClock, config: awsConfig(), events: awsEvents(), documents: lazyReportDocuments },
      auth: {
        signIn: new OidcSignIn({
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID,
          redirectUri: urls.callback,
          postLogoutRedirectUri: urls.signedOut,
          logoutUrl: env.OIDC_LOGOUT_URL,
        }),
        cookies: new SessionCookies({ key: () => readSessionKey(secrets, env.SESSION_SECRET_ARN), secure: true }),
      },
    };
  }
  return dependencies;
}
