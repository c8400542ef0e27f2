import { describe, expect, it } from 'vitest';
import { ConflictError, DomainError, ForbiddenError, IllegalTransitionError, NotFoundError, UnauthorizedError, ValidationError } from '../../../domain/errors';
import { isJsonRequest, parseBody, parseForm, pathParameter } from '../../../functions/http/body';
import { errorResponse, statusOf } from '../../../functions/http/errors';
import { contactErrorPages } from '../../../functions/contact/error-pages';
import { contentSecurityPolicy, file, redirect } from '../../../functions/http/responses';
import { expectNoStackTrace } from './aws';
import { httpEvent } from './events';

const ROUTE = 'POST /test';

describe('request bodies', () => {
  it('reads JSON, also when API Gateway passes it base64-encoded', () => {
    // Prepare
    const plain = httpEvent({ routeKey: ROUTE, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"a":"ž"}' });
    const encoded = httpEvent({
      routeKey: ROUTE,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"a":"ž"}', 'utf8').toString('base64'),
      isBase64Encoded: true,
    });

    // Act
    const values = [parseBody(plain), parseBody(encoded)];

    // Assess
    expect(values).toEqual([{ a: 'ž' }, { a: 'ž' }]);
    expect(isJsonRequest(plain)).toBe(true);
  });

  it('turns malformed JSON into a validation error that says where', () => {
    // Prepare
    const event = httpEvent({ routeKey: ROUTE, headers: { 'content-type': 'application/json' }, body: '{"a": 1,}' });

    // Act
    const read = () => parseBody(event);

    // Assess
    expect(read).toThrow(ValidationError);
    expect(read).toThrow('Tělo požadavku není platný JSON.');
    try {
      read();
    } catch (error) {
      expect((error as ValidationError).details.body).toMatch(/^JSON nelze přečíst \(u znaku \d+\); zkontrolujte uvozovky, čárky a závorky\.$/);
    }
  });

  it('nests dotted form fields once, keeping indicator codes whole', () => {
    // Prepare
    const body = 'thisPeriod=Hotovo+%C5%BEe&indicatorContributions.EK-1=3&indicatorContributions.KD.2=4&status=on-track';

    // Act
    const form = parseForm(body);

    // Assess
    expect(form).toEqual({
      thisPeriod: 'Hotovo že',
      indicatorContributions: { 'EK-1': '3', 'KD.2': '4' },
      status: 'on-track',
    });
  });

  it('ignores form fields that would write to the object prototype', () => {
    // Prepare
    const body = '__proto__.polluted=yes&constructor.prototype=1&ok=1';

    // Act
    const form = parseForm(body);

    // Assess
    expect(form).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['a field sent twice', 'status=on-track&status=cancelled', 'status'],
    ['a nested field sent twice', 'indicatorContributions.EK-1=3&indicatorContributions.EK-1=4', 'indicatorContributions.EK-1'],
    ['a field sent whole and nested', 'indicatorContributions=x&indicatorContributions.EK-1=3', 'indicatorContributions'],
    ['a field sent nested and whole', 'indicatorContributions.EK-1=3&indicatorContributions=x', 'indicatorContributions'],
  ])('refuses %s, naming it in Czech', (_name, body, field) => {
    // Prepare
    const read = () => parseForm(body);

    // Act
    let details: Record<string, string> = {};
    try {
      read();
    } catch (error) {
      details = (error as ValidationError).details;
    }

    // Assess
    expect(read).toThrow('Formulář obsahuje některá pole vícekrát.');
    expect(details).toEqual({ [field]: `Pole „${field}“ je ve formuláři vícekrát; pošlete jej jen jednou.` });
  });

  it('normalizes every text of a form or JSON body before anyone validates it', () => {
    // Prepare
    const form = httpEvent({ routeKey: ROUTE, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'thisPeriod=r%CC%8Cadek%0D%0Adals%CC%8C%C3%AD%00%C2%85' });
    const json = httpEvent({ routeKey: ROUTE, headers: { 'content-type': 'application/json' }, body: '{"a\\u0000":["x\\r\\ny\\u001b"]}' });

    // Act
    const values = [parseBody(form), parseBody(json)];

    // Assess
    expect(values).toEqual([{ thisPeriod: 'řadek\ndalší' }, { a: ['x\ny'] }]);
  });

  it('gives undefined for an empty body and refuses an unsupported content type', () => {
    // Prepare
    const empty = httpEvent({ routeKey: ROUTE });
    const xml = httpEvent({ routeKey: ROUTE, headers: { 'content-type': 'application/xml' }, body: '<a/>' });

    // Act
    const value = parseBody(empty);

    // Assess
    expect(value).toBeUndefined();
    expect(() => parseBody(xml)).toThrow('Typ obsahu „application/xml“ není podporován.');
  });
});

describe('path parameters', () => {
  it('passes an id on up to 200 characters, and calls a longer one, which no id is, not found', () => {
    // Prepare
    const event = (projectId: string) => httpEvent({ routeKey: 'GET /cycles/{cycleId}/projects/{projectId}', pathParameters: { cycleId: '2026-H1', projectId } });

    // Act
    const longest = pathParameter(event('p'.repeat(200)), 'projectId');
    const tooLong = () => pathParameter(event('p'.repeat(201)), 'projectId');

    // Assess
    expect(longest).toHaveLength(200);
    expect(tooLong).toThrow(NotFoundError);
    expect(tooLong).toThrow('Na této adrese nic není (označení v adrese je příliš dlouhé).');
    expect(() => pathParameter(event(''), 'projectId')).toThrow(ValidationError);
  });
});

describe('error mapping', () => {
  it('maps every kind of domain error to its status', () => {
    // Prepare
    const errors: Array<[DomainError, number]> = [
      [new ValidationError('x'), 400],
      [new UnauthorizedError('x'), 401],
      [new ForbiddenError('x'), 403],
      [new NotFoundError('x'), 404],
      [new ConflictError('x'), 409],
      [new IllegalTransitionError('otevřený', 'otevřít'), 409],
    ];

    // Act
    const statuses = errors.map(([error]) => statusOf(error));

    // Assess
    expect(statuses).toEqual(errors.map(([, status]) => status));
    expect(statusOf(new ValidationError('x'), { validationStatus: 422 })).toBe(422);
  });

  it('answers an unexpected error generically in both formats, without its message or stack', () => {
    // Prepare
    const error = new RangeError('secret internal detail');

    // Act
    const asJson = errorResponse(error, 'json', { requestId: 'req-1' });
    const asHtml = errorResponse(error, contactErrorPages, { requestId: 'req-1' });

    // Assess
    expect(asJson.statusCode).toBe(500);
    expect(asHtml.statusCode).toBe(500);
    for (const response of [asJson, asHtml]) {
      expect(response.body).not.toContain('secret internal detail');
      expectNoStackTrace(response.body as string);
    }
    expect(JSON.parse(asJson.body as string).requestId).toBe('req-1');
    expect(asHtml.body).toContain('Nastala neočekávaná chyba');
  });

  it('gives the JSON client the field details of a validation error', () => {
    // Prepare
    const error = new ValidationError('Formulář obsahuje chyby.', { status: 'Vyberte stav projektu.' });

    // Act
    const response = errorResponse(error, 'json', { requestId: 'req-2', validationStatus: 422 });

    // Assess
    expect(response.statusCode).toBe(422);
    expect(JSON.parse(response.body as string)).toEqual({ message: 'Formulář obsahuje chyby.', details: { status: 'Vyberte stav projektu.' } });
  });
});

describe('responses', () => {
  it('allows exactly the inline stylesheets of a page by hash', () => {
    // Prepare
    const page = '<html><head><style>body { color: red; }</style></head><body><p style="x">a</p></body></html>';

    // Act
    const policy = contentSecurityPolicy(page);

    // Assess
    expect(policy).toContain("style-src 'sha256-");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("form-action 'self'");
    expect(contentSecurityPolicy('<p>no style</p>')).toContain("style-src 'none'");
  });

  it('names a download in ASCII and in UTF-8', () => {
    // Prepare
    const content = new Uint8Array([80, 75, 3, 4]);

    // Act
    const response = file(content, { contentType: 'application/octet-stream', filename: 'Výroční zpráva 2025.docx' });

    // Assess
    expect(response.isBase64Encoded).toBe(true);
    expect(response.body).toBe(Buffer.from(content).toString('base64'));
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Vyrocni zprava 2025.docx"; filename*=UTF-8''V%C3%BDro%C4%8Dn%C3%AD%20zpr%C3%A1va%202025.docx`,
    );
  });

  it('redirects a form post with 303 so that a reload never posts again', () => {
    // Prepare
    const location = '/s/abc?ulozeno=p#projekt-p';

    // Act
    const response = redirect(location);

    // Assess
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(location);
  });
});
