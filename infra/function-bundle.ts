/**
 * How every function is bundled: one esbuild configuration, used by the stack (at synth) and by
 * `npm run bench` (which measures exactly what is deployed).
 *
 * Code splitting is on, so a dynamic `import()` becomes a chunk of its own that Node reads only
 * when that code first runs: docx for the few requests that download a DOCX, the SDK's credential
 * providers that a Lambda never calls (it gets its credentials from the environment). In a
 * single-file bundle that code is still parsed at every cold start.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';

/** The module the Lambda runtime loads: `index.mjs`, whose export `handler` it calls. */
export const BUNDLE_ENTRY = 'index';

/**
 * @middy/core imports `node:stream/web` at the top for streamed responses, which no function of
 * ours sends; loading Node's web streams costs about 6 ms of CPU at every cold start (measured:
 * `await import('node:stream/web')` in a fresh Node process). It gets a shim of the one thing it
 * uses, which reaches Node's global ReadableStream only when a streamed response is checked.
 * Nothing else in the bundles imports `node:stream/web` (the benchmark's bare bundles neither).
 */
const SHIMS = { 'node:stream/web': fileURLToPath(new URL('./shims/middy-stream-web.ts', import.meta.url)) };

/**
 * An ESM bundle has no `require`. The usual remedy is a banner that makes one with `createRequire`
 * at the top of every output file, but with code splitting that runs in every chunk at every cold
 * start (about 0.15 ms each, measured: 27 chunks of a console cold start), and no bundle of ours
 * calls it: its CommonJS dependencies require only modules that esbuild bundles. A CommonJS
 * `require()` left to run time (a Node built-in, or anything external) is the one call that would
 * need it: there it throws "Dynamic require … is not supported". The build fails on one instead
 * (esbuild runs plugins only in its asynchronous API, and the stack bundles synchronously, so
 * this reads the metafile).
 * @throws naming each module that calls such a `require()`.
 */
export function assertNoRuntimeRequire(metafile: Metafile): void {
  const calls = Object.entries(metafile.inputs).flatMap(([input, { imports }]) =>
    imports.filter((imported) => imported.kind === 'require-call' && imported.external).map((imported) => `${input} calls require('${imported.path}')`),
  );
  if (calls.length > 0) {
    throw new Error(`${calls.join('; ')}, which an ESM bundle cannot run. Give the build a createRequire banner (infra/function-bundle.ts) or use a dependency that imports it.`);
  }
}

/** A handler module's path, or (the benchmark's bare bundles) its source, resolved from `resolveDir`. */
export type BundleEntry = string | { contents: string; resolveDir: string };

/** The esbuild options of a function whose handler module is `entry`, written to `outdir`. */
export function functionBuildOptions(entry: BundleEntry, outdir: string, target = 'node22'): BuildOptions {
  return {
    ...(typeof entry === 'string'
      ? { entryPoints: { [BUNDLE_ENTRY]: entry } }
      : { stdin: { ...entry, loader: 'ts', sourcefile: `${BUNDLE_ENTRY}.ts` }, entryNames: BUNDLE_ENTRY }),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target,
    minify: true,
    sourcemap: true,
    // Prefer the ESM build of dependencies so tree shaking works.
    mainFields: ['module', 'main'],
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // The AWS SDK is bundled too (nothing is external): the versions pinned in package-lock.json
    // are the ones tested, not whatever SDK the runtime happens to ship.
    alias: SHIMS,
    logLevel: 'warning',
  };
}

/** Data files a function reads at run time: `from` (relative to the project root) is copied to `to` in the bundle. */
export interface BundleDataFiles {
  readonly from: string;
  readonly to: string;
}

/** Bundles one function into `outdir`, synchronously: CDK's local bundling is synchronous. */
export function bundleFunction(options: { projectRoot: string; entry: string; outdir: string; dataFiles?: BundleDataFiles }): void {
  const { metafile } = buildSync({ ...functionBuildOptions(options.entry, options.outdir), absWorkingDir: options.projectRoot, metafile: true });
  assertNoRuntimeRequire(metafile);
  if (options.dataFiles !== undefined) {
    const target = join(options.outdir, options.dataFiles.to);
    mkdirSync(target, { recursive: true });
    cpSync(join(options.projectRoot, options.dataFiles.from), target, { recursive: true });
  }
}
