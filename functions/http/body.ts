/**
 * Reading an HTTP API request: its body (JSON or an HTML form), path and query parameters, and the
 * correlation id that ties the request to the events it causes.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors';
import { normalizeInput } from '../../domain/text';

export type BodyKind = 'json' | 'form' | 'none';

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

function mediaType(event: APIGatewayProxyEventV2): string {
  return (header(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** A request asks for JSON when it sends JSON; browsers posting a form get pages. */
export function isJsonRequest(event: APIGatewayProxyEventV2): boolean {
  const type = mediaType(event);
  return type === 'application/json' || type.endsWith('+json');
}

function rawBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** Keys that would reach `Object.prototype` when used as property names. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Form fields become an object; a dotted name nests once, so `indicatorContributions.EK-1=3`
 * becomes `{ indicatorContributions: { 'EK-1': '3' } }` (indicator codes are kept whole).
 * @throws ValidationError for a field sent twice (or both whole and nested): no browser posts our
 *   forms so, and picking one of the values would store what the sender may not have meant.
 */
export function parseForm(body: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const duplicates = new Set<string>();
  for (const [name, value] of new URLSearchParams(body)) {
    const dot = name.indexOf('.');
    const [outer, inner] = dot === -1 ? [name, undefined] : [name.slice(0, dot), name.slice(dot + 1)];
    if (FORBIDDEN_KEYS.has(outer) || (inner !== undefined && FORBIDDEN_KEYS.has(inner))) continue;
    const existing = Object.hasOwn(result, outer) ? result[outer] : undefined;
    const nested = typeof existing === 'object' && existing !== null ? (existing as Record<string, unknown>) : undefined;
    if (inner === undefined) {
      if (existing !== undefined) duplicates.add(outer);
      else result[outer] = value;
      continue;
    }
    if (typeof existing === 'string') duplicates.add(outer);
    else if (nested && Object.hasOwn(nested, inner)) duplicates.add(name);
    else result[outer] = { ...nested, [inner]: value };
  }
  if (duplicates.size > 0) {
    const details = [...duplicates].map((name) => [name, `Pole „${name}“ je ve formuláři vícekrát; pošlete jej jen jednou.`]);
    throw new ValidationError('Formulář obsahuje některá pole vícekrát.', Object.fromEntries(details));
  }
  return result;
}

/**
 * The request body as a value: JSON, or a form as an object, every text in it normalized (NFC, no
 * control characters; see domain/text.ts). No body gives `undefined`, which the use cases reject
 * with their own field messages.
 * @throws ValidationError for malformed JSON, an unsupported content type, a form field sent twice
 *   or a text that is not valid Unicode.
 */
export function parseBody(event: APIGatewayProxyEventV2): unknown {
  return normalizeInput(readBody(event));
}

function readBody(event: APIGatewayProxyEventV2): unknown {
  const text = rawBody(event);
  const type = mediaType(event);
  if (type === 'application/x-www-form-urlencoded') return parseForm(text);
  if (text.trim() === '') return undefined;
  if (type === '' || isJsonRequest(event)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message)?.[1];
      const where = position === undefined ? '' : ` (u znaku ${Number(position) + 1})`;
      throw new ValidationError('Tělo požadavku není platný JSON.', {
        body: `JSON nelze přečíst${where}; zkontrolujte uvozovky, čárky a závorky.`,
      });
    }
  }
  throw new ValidationError(`Typ obsahu „${type}“ není podporován.`, {
    body: 'Pošlete application/json nebo application/x-www-form-urlencoded.',
  });
}

/**
 * The longest path parameter that can name anything: ids are at most 200 characters (the plan's
 * 100), a personal link's token 43. A longer one passed on to the store could exceed DynamoDB's
 * key size, which the store refuses with an error of its own (a 500, not a 404).
 */
const PATH_PARAMETER_MAX_LENGTH = 200;

/** A path parameter the route guarantees; API Gateway passes it URL-decoded. */
export function pathParameter(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined || value === '') {
    throw new ValidationError(`V adrese chybí parametr „${name}“.`, { [name]: 'Parametr je povinný.' });
  }
  if (value.length > PATH_PARAMETER_MAX_LENGTH) throw new NotFoundError('Na této adrese nic není (označení v adrese je příliš dlouhé).');
  return value;
}

export function queryParameter(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.queryStringParameters?.[name];
}

/** API Gateway's request id: logged with every line and carried by every event the request causes. */
export function correlationIdOf(event: APIGatewayProxyEventV2): string {
  return event.requestContext.requestId;
}

/** The identities API Gateway's authorizers put in the request context (IAM on AWS, a JWT on a console). */
interface AuthorizerContext {
  iam?: { userArn?: string | null; userId?: string | null };
  jwt?: { claims?: Record<string, unknown> };
}

/**
 * Who at ARR made the request, as the authorizer verified it, for the plan's history and ARR's
 * edits and returns: a JWT's e-mail (or user name), else the IAM principal that signed it (SigV4 on
 * AWS, a fixed local principal for the local ARR key) without its account prefix.
 * @throws UnauthorizedError when the request carries no verified identity.
 */
export function actorOf(event: APIGatewayProxyEventV2): string {
  const authorizer = (event.requestContext as { authorizer?: AuthorizerContext }).authorizer;
  const claims = authorizer?.jwt?.claims ?? {};
  const arn = authorizer?.iam?.userArn;
  const candidates = [claims['email'], claims['cognito:username'], arn ? arn.slice(arn.lastIndexOf(':') + 1) : null, authorizer?.iam?.userId, claims['sub']];
  const actor = candidates.find((candidate): candidate is string => typeof candidate === 'string' && candidate !== '');
  if (actor === undefined) throw new UnauthorizedError('Požadavek nenese ověřenou identitu pracovníka ARR.');
  return actor;
}
