/**
 * The key that stands in for ARR's IAM identity on the local API. One per data folder, so that a
 * copied folder keeps working with its own key and a fresh folder never inherits an old one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const ARR_KEY_FILE = 'arr-key';

export function arrKeyPath(dataDir: string): string {
  return join(dataDir, ARR_KEY_FILE);
}

/** The folder's key, created (readable by the owner only) on first use. */
export async function ensureArrKey(dataDir: string): Promise<string> {
  const existing = await readArrKey(dataDir);
  if (existing !== null) return existing;
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(24).toString('base64url');
  try {
    await writeFile(arrKeyPath(dataDir), `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another start created it first: its key is the folder's key.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readArrKey(dataDir);
    if (winner === null) throw error;
    return winner;
  }
}

/** @returns null when the folder has no key yet. */
export async function readArrKey(dataDir: string): Promise<string | null> {
  try {
    const key = (await readFile(arrKeyPath(dataDir), 'utf8')).trim();
    return key === '' ? null : key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
