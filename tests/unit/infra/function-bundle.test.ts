import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_SDK, routeGroupChunks, startupFiles } from '../../../bench/bundles';
import { PROJECT_ROOT } from '../../../infra/function-defaults';
import { assertNoRuntimeRequire, bundleFunction, functionBuildOptions } from '../../../infra/function-bundle';
import { ReadableStream as ShimmedReadableStream } from '../../../infra/shims/middy-stream-web';

/** Source files a cold start reads: those of the entry and its static imports, transitively. */
function startupInputs(metafile: Metafile): Set<string> {
  const entry = Object.keys(metafile.outputs).find((file) => file.endsWith('/index.mjs'));
  const files = startupFiles(metafile, entry as string);
  return new Set([...files].flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {})));
}

function externalImports(metafile: Metafile): string[] {
  return Object.values(metafile.outputs).flatMap((output) => output.imports.filter((imported) => imported.external).map((imported) => imported.path));
}

describe('function bundles', () => {
  let outDir: string;
  // Each function is built once: several tests read the same bundle's metafile.
  const built = new Map<string, Promise<Metafile>>();
  const bundle = (name: string): Promise<Metafile> => {
    if (!built.has(name)) {
      built.set(name, build({ ...functionBuildOptions(`functions/${name}.ts`, join(outDir, name)), absWorkingDir: PROJECT_ROOT, metafile: true, logLevel: 'silent' }).then((result) => result.metafile));
    }
    return built.get(name) as Promise<Metafile>;
  };

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'function-bundle-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('reads docx only when a DOCX is rendered: it is in a chunk of its own, outside what a cold start reads', async () => {
    const metafile = await bundle('arr-api');
    const atStart = [...startupInputs(metafile)];
    const everything = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
    expect(everything.some((input) => input.includes('node_modules/docx/'))).toBe(true);
    expect(atStart.some((input) => input.includes('node_modules/docx/'))).toBe(false);
    expect(atStart.some((input) => input.startsWith('functions/arr-api'))).toBe(true);
  });

  it('writes no docx chunk at all into a function that renders no document', async () => {
    // A dynamic import() that tree shaking drops still gets its chunk written: docx must not be
    // named by any module that every function imports (functions/composition/aws.ts).
    const metafile = await bundle('submission-intake');
    const everything = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
    expect(everything.some((input) => input.includes('node_modules/docx/'))).toBe(false);
  });

  it('keeps out of the contact page the stores its function does not compose', async () => {
    const inputs = startupInputs(await bundle('submission-page'));
    expect(inputs.has('adapters/dynamodb/agency-store.ts')).toBe(false);
    expect(inputs.has('adapters/dynamodb/indicator-store.ts')).toBe(false);
    expect(inputs.has('adapters/dynamodb/cycle-store.ts')).toBe(true);
  });

  it('keeps the module files a routed function’s cold start reads to today’s count: each costs about what 7 kB of code does', async () => {
    // A new import() splits the code it shares with the entry into more chunks: a lazy importer in
    // the console's plan group once added two files to every console cold start, and was reverted.
    // Raise a limit only with a measurement (npm run bench) that the change pays for its files; from
    // Lambda's /var/task a start of 24 files also made V8 optimize Node's path normalization (README).
    const limits: Record<string, number> = { console: 19, 'arr-api': 15 };
    for (const [name, limit] of Object.entries(limits)) {
      const metafile = await bundle(name);
      const entry = Object.keys(metafile.outputs).find((file) => file.endsWith('/index.mjs')) as string;
      const atStart = startupFiles(metafile, entry);
      const withGroups = routeGroupChunks(metafile, name).map(({ output }) => startupFiles(metafile, output, new Set(atStart)).size);
      expect(Math.max(atStart.size, ...withGroups), name).toBeLessThanOrEqual(limit);
    }
  });

  it('gives each function that sends email only the renderers of the emails it sends', async () => {
    const renderers = async (name: string) =>
      Object.values((await bundle(name)).outputs)
        .flatMap((output) => Object.entries(output.inputs))
        .filter(([input, { bytesInOutput }]) => input.startsWith('templates/email/') && /\/(?!blocks|common|index)[^/]+$/.test(input) && bytesInOutput > 0)
        .map(([input]) => input.replace('templates/email/', ''))
        .sort();

    expect(await renderers('mailer')).toEqual(['escalation.ts', 'invitation.ts', 'projects-added.ts', 'reminder.ts', 'returned.ts']);
    expect(await renderers('notify-steering-group')).toEqual(['steering-group.ts']);
    expect(await renderers('ses-events')).toEqual(['undeliverable.tsx']);
  });

  it('reads at a cold start of a routed function neither the plan’s editing nor the report renderers: they are chunks of their own', async () => {
    // The code of the plan, the reports' renderers and the sign-in's flows (openid-client, and jose,
    // which verifies the ID tokens; the session cookie is sealed without it) is read by the first request that needs it.
    const lazy = [
      'domain/importer/',
      'documents/monitoring/',
      'documents/annual/',
      'documents/render/',
      'templates/console/plan.tsx',
      'functions/console/routes/plan.ts',
      'functions/console/routes/reports.ts',
      'functions/arr-api/routes/plan.ts',
      'functions/arr-api/routes/reports.ts',
      'node_modules/openid-client/',
      'node_modules/oauth4webapi/',
      'node_modules/jose/',
    ];
    for (const name of ['arr-api', 'console']) {
      const metafile = await bundle(name);
      const atStart = [...startupInputs(metafile)];
      expect(atStart.filter((input) => lazy.some((part) => input.startsWith(part)))).toEqual([]);
      const groups = routeGroupChunks(metafile, name).map((chunk) => chunk.group);
      expect(groups).toEqual(expect.arrayContaining([`functions/${name}/routes/plan.ts`, `functions/${name}/routes/reports.ts`]));
    }
  });

  it('reads at a console cold start only the sign-in’s routes; ARR’s API reads its small groups with its router', async () => {
    // The console's page groups each keep more code out of the others' cold starts than the files they add cost.
    const routeModules = async (name: string) => [...startupInputs(await bundle(name))].filter((input) => input.startsWith(`functions/${name}/routes/`)).sort();

    expect(await routeModules('console')).toEqual(['functions/console/routes/sign-in.ts']);
    expect(await routeModules('arr-api')).toEqual(expect.arrayContaining(['functions/arr-api/routes/cycles.ts']));
  });

  it('fails the build, with the reason, when a CommonJS dependency would require() a Node built-in at run time', async () => {
    // The bundles have no createRequire banner, so such a require() would throw at run time instead.
    const entry = join(outDir, 'needs-require.cjs');
    await writeFile(entry, "const { randomUUID } = require('node:crypto'); module.exports = randomUUID;");

    // Act
    const bundling = () => bundleFunction({ projectRoot: PROJECT_ROOT, entry, outdir: join(outDir, 'needs-require') });

    // Assess
    expect(bundling).toThrow("calls require('node:crypto'), which an ESM bundle cannot run");
  });

  it('leaves no require() to run time in any function', async () => {
    // One build of every function: the check reads only which modules call require().
    const { metafile } = await build({
      ...functionBuildOptions('functions/mailer.ts', join(outDir, 'every-function')),
      entryPoints: Object.fromEntries(Object.keys(FUNCTION_SDK).map((name) => [name, `functions/${name}.ts`])),
      absWorkingDir: PROJECT_ROOT,
      metafile: true,
      logLevel: 'silent',
    });

    expect(() => assertNoRuntimeRequire(metafile)).not.toThrow();
    expect(Object.keys(metafile.inputs).some((input) => input.startsWith('node_modules/'))).toBe(true);
  });

  it('never loads Node’s web streams at start: middy gets the shim', async () => {
    expect(externalImports(await bundle('submission-intake'))).not.toContain('node:stream/web');
  });
});

describe('the middy web-streams shim', () => {
  it('answers instanceof like Node’s ReadableStream', () => {
    expect(new globalThis.ReadableStream() instanceof ShimmedReadableStream).toBe(true);
    expect(('a body' as unknown) instanceof ShimmedReadableStream).toBe(false);
    expect({ getReader: () => null } instanceof ShimmedReadableStream).toBe(false);
  });
});
