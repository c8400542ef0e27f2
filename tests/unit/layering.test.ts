// The layers' imports. The domain stays pure: its modules import only each other, the event
// contracts and a few pure libraries; rendering, AWS, middy, Powertools and the environment reach
// the use cases only through the ports (domain/ports.ts). The rendering (templates/, documents/)
// reads the domain's types and helpers, never the adapters or the handlers.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Layer {
  /** Its folders, from the project root. */
  folders: string[];
  /** The packages its modules may import. */
  packages: Set<string>;
  /** The project folders its modules may import from. */
  imports: string[];
}

const DOMAIN: Layer = {
  folders: ['domain', 'events'],
  // Validation, and the similarity measure of the slips' text comparison.
  packages: new Set(['zod/mini', 'zod/v4/locales/en.js', 'dice-coefficient']),
  imports: ['domain/', 'events/'],
};

const RENDERING: Layer = {
  folders: ['templates', 'documents'],
  packages: new Set(['preact', 'preact-render-to-string', 'docx']),
  imports: ['domain/', 'events/', 'templates/', 'documents/'],
};

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

/** Each import of the layer's files that it may not make: a package off its list, or a module outside its folders. */
function forbiddenImports(layer: Layer): string[] {
  return layer.folders.flatMap(sourceFiles).flatMap((file) =>
    specifiers(readFileSync(join(ROOT, file), 'utf8'))
      .filter((specifier) => {
        if (!specifier.startsWith('.')) return !layer.packages.has(specifier);
        const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).replaceAll('\\', '/');
        return !layer.imports.some((folder) => `${target}/`.startsWith(folder));
      })
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

describe('layering', () => {
  it('finds the imports of a module, the way the check reads them', () => {
    const source = "import type { A } from './a';\nimport {\n  b,\n} from '../../templates/email';\nexport { c } from 'docx';\nconst d = () => import('../adapters/x');\nimport 'preact';";
    expect(specifiers(source)).toEqual(['./a', '../../templates/email', 'docx', '../adapters/x', 'preact']);
  });

  it('keeps domain/ and events/ free of rendering, AWS, middy, Powertools and every other layer', () => {
    expect(DOMAIN.folders.flatMap(sourceFiles).length).toBeGreaterThan(40);
    expect(forbiddenImports(DOMAIN)).toEqual([]);
  });

  it('keeps templates/ and documents/ on the domain, never on the adapters, the handlers or AWS', () => {
    expect(RENDERING.folders.flatMap(sourceFiles).length).toBeGreaterThan(20);
    expect(forbiddenImports(RENDERING)).toEqual([]);
  });
});
