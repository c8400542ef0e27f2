/** Reading generated documents back in tests, without extra dependencies. */
import { inflateRawSync } from 'node:zlib';

/**
 * One file from a ZIP archive (a .docx is one), found through the central directory so it does
 * not depend on how the writer ordered or described the local entries.
 */
export function readZipEntry(zip: Buffer, name: string): string {
  const endOfCentralDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfCentralDirectory < 0) throw new Error('not a ZIP archive');
  const entries = zip.readUInt16LE(endOfCentralDirectory + 10);
  let offset = zip.readUInt32LE(endOfCentralDirectory + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const entryName = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    if (entryName === name) {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} not in the archive`);
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_m, name: string) => XML_ENTITIES[name] ?? _m);
}

/** The headings of an HTML page in order, as `h2: text`. */
export function htmlHeadings(html: string): string[] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>(.*?)<\/h\1>/gs)].map(
    ([, level, inner]) => `h${level}: ${decodeEntities((inner ?? '').replace(/<[^>]+>/g, ''))}`,
  );
}

/** What a reader sees on an HTML page: tags dropped, entities decoded, spaces collapsed (no-break spaces kept). */
export function htmlText(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<br>/g, ' ');
  return decodeEntities(body.replace(/<[^>]+>/g, ' ')).replace(/[ \t\r\n]+/g, ' ');
}

/** The paragraphs of a WordprocessingML body, with their style id, e.g. `{ style: 'Heading1', text }`. */
export function docxParagraphs(documentXml: string): Array<{ style: string | null; text: string }> {
  return [...documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? null,
    text: decodeEntities([...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
}
