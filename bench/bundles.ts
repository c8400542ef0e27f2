/**
 * Each Lambda bundled as infra/function-defaults.ts bundles it (ESM, minified, everything
 * including the AWS SDK), measured for size and for the time a fresh Node process takes to
 * import it: most of a cold start that the code itself controls. A bundle of only the SDK
 * clients the functions use shows how much of that is the SDK.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleMeasurement {
  name: string;
  bytes: number;
  gzipBytes: number;
  /** Median of `runs` imports, each in a new process. */
  loadMs: number;
  loadRunsMs: number[];
  /** The largest contributors to the bundle, by package (or project folder), minified bytes. */
  largestParts: Array<{ part: string; bytes: number }>;
}

/** The same SDK clients the functions use, imported and kept so that nothing is shaken out. */
const BARE_SDK_ENTRY = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SESv2Client } from '@aws-sdk/client-sesv2';
export const clients = [DynamoDBClient, DynamoDBDocumentClient, SQSClient, SESv2Client];
`;

export const BARE_SDK_NAME = '(jen AWS SDK klienti)';

/** `node_modules/@aws-sdk/client-sqs/dist-es/…` → `@aws-sdk/client-sqs`; `domain/x.ts` → `domain/`. */
function partOf(input: string): string {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (modules) return modules[1]!;
  const folder = /^([^/]+)\//.exec(input);
  return folder ? `${folder[1]}/` : input;
}

async function bundle(
  repoRoot: string,
  outfile: string,
  entry: { file: string } | { contents: string },
): Promise<Array<{ part: string; bytes: number }>> {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: repoRoot, loader: 'ts', sourcefile: 'bare-sdk.ts' } }),
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    // The stack targets node22; the measurement runs on this machine's Node 20.
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
    absWorkingDir: repoRoot,
    metafile: true,
  });
  const parts = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      parts.set(partOf(input), (parts.get(partOf(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...parts]
    .map(([part, bytes]) => ({ part, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
}

function importTimeOnce(file: string, env: NodeJS.ProcessEnv): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const value = Number(out.trim().split('\n').at(-1));
      if (code !== 0 || !Number.isFinite(value)) reject(new Error(`Importing ${file} failed (exit ${code}): ${err.slice(0, 500)}`));
      else resolve(value);
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Functions are the files of `functions/` that export a Lambda `handler`. */
async function functionNames(repoRoot: string): Promise<string[]> {
  const files = (await readdir(join(repoRoot, 'functions'))).filter((file) => file.endsWith('.ts')).sort();
  const names: string[] = [];
  for (const file of files) {
    if (/export const handler\b/.test(await readFile(join(repoRoot, 'functions', file), 'utf8'))) names.push(file.replace(/\.ts$/, ''));
  }
  return names;
}

export async function measureBundles(options: { repoRoot: string; outDir: string; runs: number }): Promise<BundleMeasurement[]> {
  // What the stack gives every function at runtime; the handlers read it lazily, Powertools at import.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_REGION: 'eu-central-1',
    POWERTOOLS_SERVICE_NAME: 'chytrejsi-kraj-monitoring',
    POWERTOOLS_LOG_LEVEL: 'WARN',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const entries: Array<{ name: string; entry: { file: string } | { contents: string } }> = [
    ...(await functionNames(options.repoRoot)).map((name) => ({ name, entry: { file: join(options.repoRoot, 'functions', `${name}.ts`) } })),
    { name: BARE_SDK_NAME, entry: { contents: BARE_SDK_ENTRY } },
  ];
  await writeFile(join(options.outDir, 'package.json'), '{"type":"module"}\n');
  const results: BundleMeasurement[] = [];
  for (const [index, { name, entry }] of entries.entries()) {
    const outfile = join(options.outDir, `${index}-${name.replace(/[^a-z0-9-]/gi, '')}.mjs`);
    const largestParts = await bundle(options.repoRoot, outfile, entry);
    const bytes = (await stat(outfile)).size;
    const gzipBytes = gzipSync(await readFile(outfile)).length;
    const runs: number[] = [];
    for (let run = 0; run < options.runs; run += 1) runs.push(await importTimeOnce(outfile, env));
    results.push({ name, bytes, gzipBytes, loadMs: median(runs), loadRunsMs: runs, largestParts });
  }
  return results;
}
