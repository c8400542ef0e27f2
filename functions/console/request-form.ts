/**
 * The fields of a console form post: URL-encoded, or multipart when the form uploads a file (the
 * plan's JSON, a past report). An uploaded file becomes its field's text, whichever of Windows'
 * text encodings it was saved in. Every text is normalized as the JSON API's bodies are
 * (domain/text.ts).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ValidationError } from '../../domain/errors';
import { normalizeInput } from '../../domain/text';
import { header } from '../http/body';

const UNREADABLE_FORM = 'Formulář nelze přečíst. Načtěte stránku znovu a odešlete jej ještě jednou.';

/** Text files as Windows writes them: UTF-16 with a byte order mark („Unicode“ in Notepad), UTF-8, or ANSI. */
const UTF16_BOMS: ReadonlyArray<readonly [number, number, string]> = [
  [0xff, 0xfe, 'utf-16le'],
  [0xfe, 0xff, 'utf-16be'],
];

/**
 * An uploaded file's text. A file that is not UTF-8 is read as windows-1250, the ANSI code page of
 * Czech Windows, in which Word's and Notepad's plain text is saved there; read as UTF-8 instead,
 * every letter with a diacritic became a replacement character, and the past report's headings or
 * the plan's names could no longer be found.
 */
function uploadedFileText(bytes: Uint8Array): string {
  for (const [first, second, encoding] of UTF16_BOMS) {
    if (bytes[0] === first && bytes[1] === second) return new TextDecoder(encoding).decode(bytes.subarray(2));
  }
  try {
    // TextDecoder drops a UTF-8 byte order mark itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1250').decode(bytes);
  }
}

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
    for (const [name, value] of entries) fields[name] = typeof value === 'string' ? value : uploadedFileText(new Uint8Array(await value.arrayBuffer()));
  } else {
    fields = Object.fromEntries(new URLSearchParams(bytes.toString('utf8')));
  }
  return normalizeInput(fields) as Record<string, string>;
}
