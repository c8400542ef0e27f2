// The domain stays pure: its modules import only each other, the event contracts and a few pure
// libraries. Rendering (templates/, documents/), AWS, middy, Powertools and the environment reach
// the use cases only through the ports (domain/ports.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Pure libraries: validation, and the similarity measure of the slips' text comparison. */
const ALLOWED_PACKAGES = new Set(['zod/mini', 'zod/v4/locales/en.js', 'dice-coefficient']);
const ALLOWED_FOLDERS = ['domain/', 'events/'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(folder, file));
}

/** Every module a file names in an `import … from`, `export … from` or `import()`. */
function specifiers(source: string): string[] {
  const found = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s*'([^']+)'/g)];
  return found.map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** What a file imports that the domain may not: a package off the list, or a module outside domain/ and events/. */
function forbiddenImports(file: string): string[] {
  return specifiers(readFileSync(join(ROOT, file), 'utf8')).filter((specifier) => {
    if (!specifier.startsWith('.')) return !ALLOWED_PACKAGES.has(specifier);
    const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).replaceAll('\\', '/');
    return !ALLOWED_FOLDERS.some((folder) => `${target}/`.startsWith(folder));
  });
}

describe('layering', () => {
  it('finds the imports of a module, the way the check reads them', () => {
    const source = "import type { A } from './a';\nimport {\n  b,\n} from '../../templates/email';\nexport { c } from 'docx';\nconst d = () => import('../adapters/x');\nimport 'preact';";
    expect(specifiers(source)).toEqual(['./a', '../../templates/email', 'docx', '../adapters/x', 'preact']);
  });

  it('keeps domain/ and events/ free of rendering, AWS, middy, Powertools and every other layer', () => {
    const files = [...sourceFiles('domain'), ...sourceFiles('events')];
    expect(files.length).toBeGreaterThan(40);
    const offending = files.flatMap((file) => forbiddenImports(file).map((specifier) => `${file} imports ${specifier}`));
    expect(offending).toEqual([]);
  });
});
