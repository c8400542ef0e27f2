/**
 * A raw MIME message for mail with attachments: multipart/mixed holding multipart/alternative
 * (text, HTML) and base64 attachments, UTF-8 throughout, Czech headers as RFC 2047 encoded words
 * and Czech file names as RFC 2231 parameters.
 */
import { randomBytes } from 'node:crypto';
import type { OutgoingMail } from '../../domain/ports';

const CRLF = '\r\n';
/** 45 bytes become 60 base64 characters: with `=?UTF-8?B?` and `?=` a word stays within 75. */
const ENCODED_WORD_BYTES = 45;

/** Headers must be one line each: a line break in user text would start a new header. */
export function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function isPrintableAscii(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

/** RFC 2047 B-encoding, split on character boundaries so no UTF-8 sequence is cut in two. */
export function encodeHeaderText(value: string): string {
  const text = singleLine(value);
  if (isPrintableAscii(text)) return text;
  const words: string[] = [];
  let current = '';
  for (const char of text) {
    if (Buffer.byteLength(current + char, 'utf8') > ENCODED_WORD_BYTES) {
      words.push(current);
      current = '';
    }
    current += char;
  }
  if (current !== '') words.push(current);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** `Jana Nováková <jana@example.cz>` with the display name made 7-bit safe; a bare address stays as is. */
export function encodeAddress(address: string): string {
  const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(singleLine(address));
  if (match === null) return address.trim();
  const name = (match[1] ?? '').replace(/^"(.*)"$/, '$1');
  const email = match[2] as string;
  if (name === '') return email;
  if (!isPrintableAscii(name)) return `${encodeHeaderText(name)} <${email}>`;
  return `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`;
}

function base64Lines(content: Uint8Array | string): string {
  const encoded = Buffer.from(content).toString('base64');
  return (encoded.match(/.{1,76}/g) ?? []).join(CRLF);
}

/** Plain-ASCII fallback for clients that ignore `filename*`: `Zpráva č. 1.docx` → `Zprava_c._1.docx`. */
function asciiFileName(filename: string): string {
  return filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
}

function rfc2231FileName(filename: string): string {
  return encodeURIComponent(filename).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function boundary(kind: string): string {
  return `=_${kind}_${randomBytes(12).toString('hex')}`;
}

export function buildRawMessage(from: string, mail: OutgoingMail): Uint8Array {
  const mixed = boundary('mixed');
  const alternative = boundary('alt');
  const headers = [
    `From: ${encodeAddress(from)}`,
    `To: ${mail.to.map(encodeAddress).join(', ')}`,
    ...(mail.cc && mail.cc.length > 0 ? [`Cc: ${mail.cc.map(encodeAddress).join(', ')}`] : []),
    `Subject: ${encodeHeaderText(mail.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
  ];
  const textPart = (type: string, content: string) => [
    `--${alternative}`,
    `Content-Type: ${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(content),
  ];
  const attachments = (mail.attachments ?? []).flatMap((attachment) => {
    const fallback = asciiFileName(singleLine(attachment.filename));
    return [
      `--${mixed}`,
      `Content-Type: ${singleLine(attachment.contentType)}; name="${fallback}"`,
      `Content-Disposition: attachment; filename="${fallback}"; filename*=UTF-8''${rfc2231FileName(singleLine(attachment.filename))}`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(attachment.content),
    ];
  });
  const lines = [
    ...headers,
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    ...textPart('text/plain', mail.text),
    ...textPart('text/html', mail.html),
    `--${alternative}--`,
    ...attachments,
    `--${mixed}--`,
    '',
  ];
  return Buffer.from(lines.join(CRLF), 'utf8');
}
