/** What every console route gets, and how a route declares who may use it. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { ConsoleAccess } from '../../domain/access';
import type { ArrApiDependencies } from '../arr-api';
import type { HttpResponse } from '../http/responses';
import type { ConsoleAuth, ConsoleUser } from './auth';
import type { SessionContent } from './session';

export interface ConsoleDependencies {
  /** The same ports as ARR's API: the console shows and changes the same things. */
  app: ArrApiDependencies;
  auth: ConsoleAuth;
}

export interface PublicContext {
  event: APIGatewayProxyEventV2;
  deps: ConsoleDependencies;
  now: Date;
}

export interface SignedInContext extends PublicContext {
  user: ConsoleUser;
  session: SessionContent;
  /** A form post's fields (its CSRF token already checked); empty for a GET. */
  form: Record<string, string>;
}

export type ConsoleRoute =
  | { access: 'anyone'; handle: (context: PublicContext) => Promise<HttpResponse> }
  | { access: ConsoleAccess; handle: (context: SignedInContext) => Promise<HttpResponse> };

/** The sign-in's own pages: reachable without a session. */
export const anyone = (handle: (context: PublicContext) => Promise<HttpResponse>): ConsoleRoute => ({ access: 'anyone', handle });
/** ARR and the steering group: reading. */
export const member = (handle: (context: SignedInContext) => Promise<HttpResponse>): ConsoleRoute => ({ access: 'member', handle });
/** ARR only: every action that changes something, and the forms that lead to one. */
export const arrOnly = (handle: (context: SignedInContext) => Promise<HttpResponse>): ConsoleRoute => ({ access: 'arr', handle });
