/**
 * API Gateway (HTTP API, payload format 2.0), locally: matches the stack's routes, stands in for
 * the IAM authoriser of the ARR routes with a bearer key, builds the event a Lambda function gets,
 * and writes the function's answer back.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { createLambdaContext } from './lambda-context';
import { functionTimeoutSeconds, ROUTES, type HttpFunctionName, type RouteDefinition } from './topology';

export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** The key ARR routes require as `Authorization: Bearer <key>`. */
  arrKey: string;
  /** `null` while the system is still starting: requests then get 503. */
  handlerFor: (fn: HttpFunctionName) => HttpHandler | null;
  routes?: readonly RouteDefinition[];
  maxBodyBytes?: number;
  onError?: (message: string, extra: object) => void;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Who ARR's requests come from locally: the holder of the printed ARR key. */
export const LOCAL_ARR_PRINCIPAL = {
  accessKey: 'local',
  accountId: '123456789012',
  callerId: 'arr-local',
  principalOrgId: null,
  userArn: 'arn:aws:iam::123456789012:user/arr-local',
  userId: 'arr-local',
  cognitoIdentity: null,
} as const;

export class ApiPortInUseError extends Error {
  override readonly name = 'PortInUseError';

  constructor(readonly port: number) {
    super(
      `Port ${port} for the local HTTP API is already in use. ` +
        'Stop the process holding it, or choose another port with the API_PORT environment variable (0 = random free port).',
    );
  }
}

export const MESSAGES = {
  missingKey: 'Chybí přístupový klíč ARR. Pošlete hlavičku „Authorization: Bearer <klíč>“; klíč vypsal příkaz npm start.',
  wrongKey: 'Přístupový klíč ARR není platný.',
  notFound: 'Tato adresa ani metoda v API neexistuje.',
  badPath: 'Adresa požadavku není platná.',
  tooLarge: 'Požadavek je příliš velký.',
  starting: 'Systém se ještě spouští. Zkuste to prosím za chvíli.',
  failed: 'Nastala neočekávaná chyba. Zkuste to prosím později.',
} as const;

interface MatchedRoute {
  route: RouteDefinition;
  pathParameters: Record<string, string>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const routes = options.routes ?? ROUTES;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const keyDigest = sha256(options.arrKey);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.('Local API request failed', { error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) sendJson(res, 500, { message: MESSAGES.failed });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', 'http://local');
    const method = (req.method ?? 'GET').toUpperCase();
    let matched: MatchedRoute | null;
    try {
      matched = matchRoute(routes, method, requestUrl.pathname);
    } catch {
      sendJson(res, 400, { message: MESSAGES.badPath });
      return;
    }
    if (matched === null) {
      sendJson(res, 404, { message: MESSAGES.notFound });
      return;
    }
    if (matched.route.access === 'arr') {
      const presented = bearerToken(req.headers.authorization);
      if (presented === null) {
        sendJson(res, 401, { message: MESSAGES.missingKey }, { 'www-authenticate': 'Bearer realm="ARR"' });
        return;
      }
      if (!timingSafeEqual(sha256(presented), keyDigest)) {
        sendJson(res, 403, { message: MESSAGES.wrongKey });
        return;
      }
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === null) {
      sendJson(res, 413, { message: `${MESSAGES.tooLarge} Nejvýše ${Math.floor(maxBodyBytes / 1024)} kB.` }, { connection: 'close' });
      return;
    }
    const handler = options.handlerFor(matched.route.fn);
    if (handler === null) {
      sendJson(res, 503, { message: MESSAGES.starting }, { 'retry-after': '1' });
      return;
    }
    const requestId = randomUUID();
    const event = toEvent(req, requestUrl, matched, body, requestId);
    const result = await handler(event, createLambdaContext(matched.route.fn, functionTimeoutSeconds(matched.route.fn), requestId));
    writeResult(res, result, requestId);
  }

  const port = await new Promise<number>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new ApiPortInUseError(options.port) : error);
    };
    server.once('error', onError);
    server.listen(options.port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => closeServer(server),
  };
}

const isGreedy = (route: RouteDefinition): boolean => route.path.endsWith('+}');

/**
 * API Gateway matches whole segments: a `{name}` segment matches one non-empty, decoded segment,
 * and a last `{name+}` the rest of the path after its slash (`/arr/` gives it an empty rest, as
 * API Gateway does). The more specific route wins, so a greedy one is tried only when no other matches.
 */
export function matchRoute(routes: readonly RouteDefinition[], method: string, path: string): MatchedRoute | null {
  const segments = path.split('/').slice(1);
  const candidates = routes.filter((route) => route.method === method);
  for (const route of [...candidates.filter((route) => !isGreedy(route)), ...candidates.filter(isGreedy)]) {
    const template = route.path.split('/').slice(1);
    const greedy = isGreedy(route) ? /^\{(\w+)\+\}$/.exec(template.pop() ?? '')?.[1] : undefined;
    if (greedy === undefined ? template.length !== segments.length : segments.length <= template.length) continue;
    const pathParameters: Record<string, string> = {};
    const matches = template.every((part, index) => {
      const segment = segments[index] ?? '';
      const parameter = /^\{(\w+)\}$/.exec(part)?.[1];
      if (parameter === undefined) return part === segment;
      if (segment === '') return false;
      pathParameters[parameter] = decodeURIComponent(segment);
      return true;
    });
    if (!matches) continue;
    if (greedy !== undefined) {
      pathParameters[greedy] = decodeURIComponent(segments.slice(template.length).join('/'));
    }
    return { route, pathParameters };
  }
  return null;
}

function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

/** @returns null when the body exceeds the limit (the rest is not read). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Bodies API Gateway passes as text; anything else arrives base64-encoded. */
function isTextual(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type === '' ||
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'application/xml' ||
    type.endsWith('+xml')
  );
}

function toEvent(req: IncomingMessage, url: URL, matched: MatchedRoute, body: Buffer, requestId: string): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === 'cookie') {
      cookies.push(...(Array.isArray(value) ? value : [value]).flatMap((entry) => entry.split(';').map((part) => part.trim())));
      continue;
    }
    headers[lower] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const routeKey = `${matched.route.method} ${matched.route.path}`;
  const textual = isTextual(headers['content-type']);
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(matched.pathParameters).length > 0 ? { pathParameters: matched.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: matched.route.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      // The principal API Gateway's IAM authorizer would name; locally, the one holder of the ARR key.
      ...(matched.route.access === 'arr' ? { authorizer: { iam: LOCAL_ARR_PRINCIPAL } } : {}),
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !textual,
  };
}

/** Payload 2.0 answers: a structured result, or any other value, which API Gateway sends as JSON. */
function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2, requestId: string): void {
  if (typeof result !== 'object' || result === null || !('statusCode' in result) || result.statusCode === undefined) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    res.writeHead(200, { 'content-type': 'application/json', 'apigw-requestid': requestId });
    res.end(body);
    return;
  }
  const headers: Record<string, string | string[]> = { 'apigw-requestid': requestId };
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  if (headers['content-type'] === undefined && body.length > 0) headers['content-type'] = 'application/json';
  headers['content-length'] = String(body.length);
  res.writeHead(result.statusCode, headers);
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: object, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(text)),
    ...extraHeaders,
  });
  res.end(text);
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
