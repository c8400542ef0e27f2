import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export async function compressJson(value: unknown): Promise<Uint8Array> {
  return new Uint8Array(await gzipAsync(Buffer.from(JSON.stringify(value), 'utf8')));
}

export async function decompressJson<T>(data: Uint8Array): Promise<T> {
  return JSON.parse((await gunzipAsync(data)).toString('utf8')) as T;
}
