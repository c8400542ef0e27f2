/**
 * The fields of a console form post: URL-encoded, or multipart when the form uploads a file (the
 * plan's JSON, a past report). An uploaded file becomes its field's text. Every text is
 * normalized as the JSON API's bodies are (domain/text.ts).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ValidationError } from '../../domain/errors';
import { normalizeInput } from '../../domain/text';
import { header } from '../http/body';

const UNREADABLE_FORM = 'Formulář nelze přečíst. Načtěte stránku znovu a odešlete jej ještě jednou.';

function bodyBytes(event: APIGatewayProxyEventV2): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

/**
 * Field names stay whole (`monthlyPayments.0.count`): each form reads its own names. A field
 * sent twice keeps its last value; no console form sends one twice.
 * @throws ValidationError for a multipart body that cannot be read, or a text that is not valid Unicode.
 */
export async function readConsoleForm(event: APIGatewayProxyEventV2): Promise<Record<string, string>> {
  const contentType = header(event, 'content-type') ?? '';
  const bytes = bodyBytes(event);
  let fields: Record<string, string>;
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    // The platform's own multipart parser (undici's, behind the Fetch API's Request).
    let data: FormData;
    try {
      data = await new Request('http://console.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(bytes) }).formData();
    } catch {
      throw new ValidationError(UNREADABLE_FORM, { form: UNREADABLE_FORM });
    }
    const entries: Array<[string, string | Blob]> = [];
    data.forEach((value, name) => entries.push([name, value]));
    fields = {};
    for (const [name, value] of entries) fields[name] = typeof value === 'string' ? value : await value.text();
  } else {
    fields = Object.fromEntries(new URLSearchParams(bytes.toString('utf8')));
  }
  return normalizeInput(fields) as Record<string, string>;
}
