import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { decimalOrText } from '../../../functions/console/forms';
import { describePlanPath } from '../../../functions/console/plan-paths';
import { readConsoleForm } from '../../../functions/console/request-form';
import { ValidationError } from '../../../domain/errors';

function post(body: string | Buffer, contentType: string): APIGatewayProxyEventV2 {
  const binary = Buffer.isBuffer(body);
  return {
    headers: { 'content-type': contentType },
    body: binary ? body.toString('base64') : body,
    isBase64Encoded: binary,
  } as unknown as APIGatewayProxyEventV2;
}

describe('where a plan file’s error is, in words', () => {
  const plan = {
    id: '2024-2026',
    projects: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'gymnazium-ceska-lipa', contactPersonIds: ['nikdo'] }],
    indicators: [{ code: 'DV-1', baseline: { value: -1 } }],
  };

  it.each([
    ['projects.3.contactPersonIds.0', 'Projekt č. 4 (gymnazium-ceska-lipa) › kontaktní osoby › položka 1'],
    ['projects.3.name', 'Projekt č. 4 (gymnazium-ceska-lipa) › název'],
    ['indicators.0.baseline.value', 'Indikátor č. 1 (DV-1) › výchozí hodnota › hodnota'],
    ['contactPersons.7.email', 'Kontaktní osoba č. 8 › e-mail'],
    ['name', 'Plán › název'],
    ['years.to', 'Roky › poslední rok'],
    ['body', 'Celý soubor'],
  ])('%s → %s', (path, expected) => {
    // Act
    const location = describePlanPath(path, plan);

    // Assess
    expect(location).toBe(expected);
  });

  it('reads the ids from the plan inside an export’s { revision, plan }', () => {
    // Act
    const location = describePlanPath('projects.0.id', { revision: 3, plan });

    // Assess
    expect(location).toBe('Projekt č. 1 (a) › identifikátor');
  });
});

describe('a console form post', () => {
  it('reads a URL-encoded form, normalizing its text', async () => {
    // Act
    const form = await readConsoleForm(post('_csrf=t&name=Jan%C3%A1%0D%0Ab&x=1', 'application/x-www-form-urlencoded'));

    // Assess
    expect(form).toEqual({ _csrf: 't', name: 'Janá\nb', x: '1' });
  });

  it('reads a multipart form: an uploaded file becomes its field’s text', async () => {
    // Prepare
    const boundary = '----konzole';
    const body = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="_csrf"',
        '',
        'token',
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="plán.json"',
        'Content-Type: application/json',
        '',
        '{"name":"Akční plán"}',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );

    // Act
    const form = await readConsoleForm(post(body, `multipart/form-data; boundary=${boundary}`));

    // Assess
    expect(form).toEqual({ _csrf: 'token', file: '{"name":"Akční plán"}' });
  });

  it('reads an uploaded file saved as UTF-16 („Unicode“ in Notepad) or in Czech Windows’ ANSI code page as the text it holds', async () => {
    // Prepare
    const text = 'Monitorovací zpráva za 1. pololetí 2025 – Žluťoučký kůň';
    const upload = (bytes: Buffer) => {
      const boundary = '----konzole';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="zprava.txt"\r\nContent-Type: text/plain\r\n\r\n`);
      return readConsoleForm(post(Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), `multipart/form-data; boundary=${boundary}`));
    };
    const utf16be = Buffer.from(text, 'utf16le').swap16();
    // windows-1250 bytes of the text: ASCII as is, and the letters with diacritics this text has.
    const ansi = Buffer.from([...text].map((char) => ({ í: 0xed, á: 0xe1, '–': 0x96, Ž: 0x8e, ť: 0x9d, č: 0xe8, ý: 0xfd, ů: 0xf9, ň: 0xf2 })[char] ?? char.charCodeAt(0)));

    // Act
    const files = await Promise.all([
      upload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
      upload(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])),
      upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
      upload(ansi),
    ]);

    // Assess
    expect(files.map((form) => form.file)).toEqual([text, text, text, text]);
  });

  it('refuses a multipart body it cannot read with a Czech message', async () => {
    // Act
    const reading = readConsoleForm(post(Buffer.from('not multipart at all'), 'multipart/form-data; boundary=x'));

    // Assess
    await expect(reading).rejects.toBeInstanceOf(ValidationError);
    await expect(reading).rejects.toThrow('Formulář nelze přečíst.');
  });
});

describe('a decimal typed in Czech', () => {
  it.each([
    ['1 234,5', 1234.5],
    ['12', 12],
    ['0,25', 0.25],
    ['dvanáct', 'dvanáct'],
    ['', undefined],
  ])('%s → %s', (typed, expected) => {
    // Assess
    expect(decimalOrText(typed)).toBe(expected);
  });
});
