import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { startHttpServer, type HttpHandler, type RunningHttpServer } from '../../../local/http-server';

const KEY = 'klic-pro-testy';
const seen: Array<{ event: APIGatewayProxyEventV2; context: Context }> = [];

// Echoes what it was invoked with, so the test can see the event API Gateway would have built.
const echo: HttpHandler = async (event, context) => {
  seen.push({ event, context });
  return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ routeKey: event.routeKey }) };
};
// A binary answer travels base64-encoded from the function, as a DOCX report does.
const docx: HttpHandler = async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/octet-stream' },
  body: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff]).toString('base64'),
  isBase64Encoded: true,
});

let server: RunningHttpServer;

beforeAll(async () => {
  server = await startHttpServer({
    port: 0,
    arrKey: KEY,
    maxBodyBytes: 1024,
    handlerFor: (fn) => (fn === 'close-cycle' ? docx : echo),
  });
});

afterAll(async () => {
  await server?.close();
});

const arr = { authorization: `Bearer ${KEY}` };

describe('local HTTP API', () => {
  it('refuses an ARR route without a key with 401 and with a wrong key with 403, in Czech', async () => {
    // Prepare
    const url = `${server.url}/cycles`;

    // Act
    const missing = await fetch(url);
    const wrong = await fetch(url, { headers: { authorization: 'Bearer jiny-klic' } });
    const right = await fetch(url, { headers: arr });

    // Assess
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { message: string }).message).toContain('Chybí přístupový klíč ARR');
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { message: string }).message).toBe('Přístupový klíč ARR není platný.');
    expect(right.status).toBe(200);
  });

  it('serves the contact routes without a key and answers unknown routes and methods with 404', async () => {
    // Prepare
    const page = `${server.url}/s/abc`;

    // Act
    const publicPage = await fetch(page);
    const unknownPath = await fetch(`${server.url}/neexistuje`, { headers: arr });
    const wrongMethod = await fetch(`${server.url}/cycles`, { method: 'PATCH', headers: arr });

    // Assess
    expect(publicPage.status).toBe(200);
    expect(unknownPath.status).toBe(404);
    expect(((await unknownPath.json()) as { message: string }).message).toBe('Tato adresa ani metoda v API neexistuje.');
    expect(wrongMethod.status).toBe(404);
  });

  it('builds a payload 2.0 event with the route key, decoded path parameters, query, lower-case headers and a text body', async () => {
    // Prepare
    seen.length = 0;
    const body = 'thisPeriod=Hotovo+%C4%8D%C3%A1st&status=on-track';

    // Act
    await fetch(`${server.url}/s/t%C3%B3ken/projects/e-skola?lang=cs&x=1&x=2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Custom': 'Ano' },
      body,
    });

    // Assess
    const { event, context } = seen[0]!;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /s/{token}/projects/{projectId}',
      rawPath: '/s/t%C3%B3ken/projects/e-skola',
      rawQueryString: 'lang=cs&x=1&x=2',
      pathParameters: { token: 'tóken', projectId: 'e-skola' },
      queryStringParameters: { lang: 'cs', x: '1,2' },
      body,
      isBase64Encoded: false,
      requestContext: { http: { method: 'POST', path: '/s/t%C3%B3ken/projects/e-skola', sourceIp: '127.0.0.1' }, stage: '$default' },
    });
    expect(event.headers['x-custom']).toBe('Ano');
    expect(event.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.awsRequestId).toBe(event.requestContext.requestId);
    expect(context.functionName).toContain('submission-intake');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(9_000);
  });

  it('passes a binary request body base64-encoded and decodes a base64 answer', async () => {
    // Prepare
    seen.length = 0;
    const bytes = Buffer.from([0, 1, 2, 250, 251]);

    // Act
    await fetch(`${server.url}/cycles/2026-H1/agency/trendy`, {
      method: 'PUT',
      headers: { ...arr, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    const download = await fetch(`${server.url}/cycles/2026-H1/close`, { method: 'POST', headers: arr });

    // Assess
    expect(seen[0]?.event.isBase64Encoded).toBe(true);
    expect(Buffer.from(seen[0]?.event.body ?? '', 'base64')).toEqual(bytes);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff]));
  });

  it('refuses a body over the limit with 413 before invoking the function', async () => {
    // Prepare
    seen.length = 0;

    // Act
    const response = await fetch(`${server.url}/cycles`, {
      method: 'POST',
      headers: { ...arr, 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(2048) }),
    });

    // Assess
    expect(response.status).toBe(413);
    expect(seen).toEqual([]);
  });
});
