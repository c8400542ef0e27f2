/**
 * The response shapes of every HTTP handler (API Gateway HTTP API, payload format 2.0).
 * Every response is `no-store`: pages carry personal data and JSON answers reflect live state.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
};

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * The pages inline their only stylesheet and run no script, so the policy allows exactly those
 * `<style>` blocks (by hash) and nothing else: no script, no frames, forms only back to us.
 */
export function contentSecurityPolicy(document: string): string {
  const styleHashes = [...document.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    `style-src ${styleHashes.length > 0 ? styleHashes.join(' ') : "'none'"}`,
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** A page: never cached, never framed, and the URL (which may hold a personal token) never leaks as a referrer. */
export function html(status: number, document: string, headers: Record<string, string> = {}): HttpResponse {
  return {
    statusCode: status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      ...NO_STORE,
      'referrer-policy': 'no-referrer',
      'content-security-policy': contentSecurityPolicy(document),
      'x-frame-options': 'DENY',
      ...headers,
    },
    body: document,
  };
}

/** 303: after a form post the browser follows with a GET, so a reload never posts twice. */
export function redirect(location: string): HttpResponse {
  return {
    statusCode: 303,
    headers: { location, ...NO_STORE, 'referrer-policy': 'no-referrer' },
    body: '',
  };
}

/** A downloadable file. Binary bodies travel base64-encoded, as API Gateway expects. */
export function file(
  content: string | Uint8Array,
  options: { contentType: string; filename?: string },
): HttpResponse {
  const binary = typeof content !== 'string';
  return {
    statusCode: 200,
    headers: {
      'content-type': options.contentType,
      ...NO_STORE,
      ...(options.filename ? { 'content-disposition': contentDisposition(options.filename) } : {}),
    },
    body: binary ? Buffer.from(content).toString('base64') : content,
    isBase64Encoded: binary,
  };
}

/** ASCII fallback plus the RFC 6266 / 5987 UTF-8 form, so Czech file names survive every browser. */
function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
