/**
 * Decodes a logged stack trace of a deployed function against its bundle's source maps:
 *   npm run decode-stack -- <bundle folder> < trace.txt
 * The bundle folder is the function's code (its `index.mjs`, `chunks/` and their `.map` files): the
 * asset under cdk.out/ from a synth of the deployed commit, or the function's code package
 * downloaded from Lambda. Frames in other files are left as they are.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';

/** `/var/task/chunks/x.mjs:1:2345` (and `file:///var/task/…`): the bundle file, line and column. */
const FRAME = /(?:file:\/\/)?\/var\/task\/([\w./-]+\.mjs):(\d+):(\d+)/g;

export function decodeStackTrace(trace: string, bundleDir: string): string {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string): SourceMap | null => {
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(readFileSync(join(bundleDir, `${file}.map`), 'utf8'))));
      } catch {
        maps.set(file, null);
      }
    }
    return maps.get(file) ?? null;
  };
  return trace.replace(FRAME, (frame, file: string, line: string, column: string) => {
    // Stack traces count lines and columns from 1, source maps from 0.
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (entry === undefined || !('originalSource' in entry)) return frame;
    const source = entry.originalSource.replace(/^(\.\.\/)+/, '');
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bundleDir = process.argv[2];
  if (bundleDir === undefined) {
    process.stderr.write('Použití: npm run decode-stack -- <složka bundlu funkce> < stack.txt\n');
    process.exit(2);
  }
  process.stdout.write(decodeStackTrace(readFileSync(0, 'utf8'), bundleDir));
}
