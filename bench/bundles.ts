/**
 * Each Lambda bundled exactly as the stack bundles it (infra/function-bundle.ts: esbuild, ESM,
 * minified, code splitting, everything including the AWS SDK), measured for size and for the time
 * a fresh Node process takes to import it: most of a cold start that the code itself controls.
 * Beside each, its bare bundle: only the SDK clients and the commands that function sends, built
 * the same way, so the difference is what our code and its libraries (zod, middy, Powertools,
 * preact, docx) add.
 *
 * With code splitting a bundle is an entry module, the chunks it imports statically (read at
 * every cold start) and the chunks behind a dynamic `import()` (read when that code first runs).
 * Sizes count all of it; the load time is the entry's import, which reads the static part.
 *
 * A routed function (arr-api, console) reads most of its routes with its entry and loads a few
 * large route groups, each a module under `functions/<function>/routes/` behind an `import()`
 * (functions/http/route-groups.ts), on the first request that needs one. Its cold start is the
 * entry, or the entry plus one of those groups: each group is measured as "import the entry, then
 * the group's chunk" in a fresh process, and the worst of the entry alone and each group is the
 * figure the function is judged on.
 *
 * Beside the CPU time, where valgrind is installed, the instructions each import executes, counted
 * by callgrind: the median of INSTRUCTION_COUNTS counts, less the median of as many counts of an
 * empty script. Node runs with no V8 flag, as on Lambda. V8's deterministic mode
 * (`--single-threaded`, `--predictable`, fixed seeds) would repeat a count exactly, but any V8
 * flag makes Node refuse the code cache of its own built-in modules, which it then compiles from
 * source: about 90 million instructions more for the bare bundle's import alone (it loads
 * node:http, node:crypto, node:zlib and others), the same for both sides, which pulled every ratio
 * towards 1 (the console's plan start: 1.28× with the flags, 1.42–1.46× without). Without them a count moves by a few percent
 * between runs, hence the medians: Node's own start on the main thread varies that much (the
 * empty script by 8 million instructions; V8's helper threads add under 5 million in all). A count is work, not
 * time (it leaves out the kernel's share of the CPU time, such as reading the files, and a cache
 * miss costs what an add does); the target judges the CPU time.
 *
 * Every bundle is imported from a directory exactly as long as Lambda's `/var/task` (see
 * lambdaLengthDirectory): the length of that path changes what V8 does, by steps.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { assertNoRuntimeRequire, BUNDLE_ENTRY, functionBuildOptions } from '../infra/function-bundle';
import { inParallel } from './parallel';

interface BundleSize {
  /** Every JavaScript file of the bundle (entry and all chunks; source maps not counted). */
  bytes: number;
  gzipBytes: number;
  /** The entry and the chunks it imports statically: what a cold start reads. */
  startBytes: number;
}

type Parts = Array<{ part: string; bytes: number }>;

interface LoadTimes {
  /** Median of `runs` imports, each in a new process. */
  loadMs: number;
  /** The fastest of them: the least disturbed by other work on a shared machine. */
  loadMinMs: number;
  /** Median CPU time of the import (user + system, all threads). */
  loadCpuMs: number;
  loadRunsMs: number[];
}

/** A cold start of a routed function whose first request needs this route group. */
export interface RouteGroupMeasurement extends LoadTimes {
  /** The group's module, e.g. `functions/console/routes/plan.ts`. */
  group: string;
  /** The entry, the group's chunk and the static imports of both. */
  startBytes: number;
  /** The largest contributors to what the group adds to the entry's start. */
  largestParts: Parts;
}

/**
 * Millions of instructions an import executes, over those of an empty script (see the top): of the
 * bare bundle, the entry and each lazy route group on top of the entry, and the worst of the entry
 * and its groups (with the group's name, null for the entry).
 */
export interface InstructionCounts {
  bare: number;
  entry: number;
  routeGroups: Array<{ group: string; instructions: number }>;
  worst: number;
  worstRouteGroup: string | null;
}

export interface BundleMeasurement extends BundleSize {
  name: string;
  /** The bare bundle of this function's SDK clients and commands. */
  bare: BundleSize & LoadTimes & { sdk: string[] };
  /**
   * Median of `runs` imports, each in a new process: of the entry, and for a routed function of
   * the entry and its worst route group (by CPU time) when that costs more than the entry alone
   * (a group is always read on top of the entry; only noise puts one below it), as are
   * `startBytes` and the CPU time.
   */
  loadMs: number;
  /** The fastest of them: the least disturbed by other work on a shared machine. */
  loadMinMs: number;
  /** Median CPU time of the import (user + system, all threads): the figure the target judges. */
  loadCpuMs: number;
  loadRunsMs: number[];
  /** The entry alone (with the routes it reads at start, without any lazy route group): its start bytes and load times. */
  entry: LoadTimes & { startBytes: number };
  /** Each lazy route group of a routed function, measured on top of the entry; empty for the others. */
  routeGroups: RouteGroupMeasurement[];
  /** The group whose cold start costs the most CPU (more than the entry alone), which the function's figures are; null if none does. */
  worstRouteGroup: string | null;
  /** The largest contributors to what a cold start reads (with the worst group), by package (or project folder), minified bytes. */
  largestParts: Parts;
  /** The largest contributors to the chunks read only when their code first runs (route groups aside). */
  largestLazyParts: Parts;
  /** Null where valgrind is not installed. */
  instructions: InstructionCounts | null;
}

const DOCUMENT_COMMANDS = '@aws-sdk/lib-dynamodb';
const CLIENTS: Record<string, string> = {
  DynamoDBClient: '@aws-sdk/client-dynamodb',
  DynamoDBDocumentClient: DOCUMENT_COMMANDS,
  SQSClient: '@aws-sdk/client-sqs',
  SESv2Client: '@aws-sdk/client-sesv2',
  SecretsManagerClient: '@aws-sdk/client-secrets-manager',
};
const COMMAND_PACKAGES: Record<string, string> = {
  GetCommand: DOCUMENT_COMMANDS,
  QueryCommand: DOCUMENT_COMMANDS,
  PutCommand: DOCUMENT_COMMANDS,
  UpdateCommand: DOCUMENT_COMMANDS,
  BatchWriteCommand: DOCUMENT_COMMANDS,
  BatchGetCommand: DOCUMENT_COMMANDS,
  DeleteCommand: DOCUMENT_COMMANDS,
  GetItemCommand: '@aws-sdk/client-dynamodb',
  PutItemCommand: '@aws-sdk/client-dynamodb',
  UpdateItemCommand: '@aws-sdk/client-dynamodb',
  DeleteItemCommand: '@aws-sdk/client-dynamodb',
  SendMessageBatchCommand: '@aws-sdk/client-sqs',
  SendEmailCommand: '@aws-sdk/client-sesv2',
  GetSecretValueCommand: '@aws-sdk/client-secrets-manager',
};

const DYNAMO = ['DynamoDBClient', 'DynamoDBDocumentClient'];
const SQS = ['SQSClient', 'SendMessageBatchCommand'];
const SES = ['SESv2Client', 'SendEmailCommand'];
/** Powertools idempotency sends these with the low-level client. */
const IDEMPOTENCY = ['GetItemCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand'];

/** What each function sends: its use cases' store methods (table-design.md) and ports. */
export const FUNCTION_SDK: Record<string, string[]> = {
  // TokenStore.findLink reads the link and what it names in one BatchGetItem.
  'submission-page': [...DYNAMO, 'GetCommand', 'BatchGetCommand', 'QueryCommand'],
  'submission-intake': [...DYNAMO, 'GetCommand', 'BatchGetCommand', 'QueryCommand', 'PutCommand', ...SQS],
  'open-cycle': [...DYNAMO, 'GetCommand', 'QueryCommand', 'PutCommand', 'UpdateCommand', 'BatchWriteCommand', ...SQS],
  'close-cycle': [...DYNAMO, 'GetCommand', 'UpdateCommand', ...SQS],
  'auto-close': [...DYNAMO, 'GetCommand', 'QueryCommand', 'UpdateCommand', ...SQS],
  'arr-api': [...DYNAMO, 'GetCommand', 'QueryCommand', 'PutCommand', 'UpdateCommand', 'BatchWriteCommand', 'DeleteCommand', ...SQS],
  console: [
    ...DYNAMO,
    'GetCommand',
    'QueryCommand',
    'PutCommand',
    'UpdateCommand',
    'BatchWriteCommand',
    'DeleteCommand',
    ...SQS,
    'SecretsManagerClient',
    'GetSecretValueCommand',
  ],
  bootstrap: [...DYNAMO, 'GetCommand', 'QueryCommand', 'PutCommand', 'UpdateCommand', 'BatchWriteCommand', 'DeleteCommand'],
  'ses-events': [...DYNAMO, 'GetCommand', 'QueryCommand', 'PutCommand', 'UpdateCommand', ...SES],
  mailer: [...DYNAMO, 'GetCommand', 'QueryCommand', 'PutCommand', ...IDEMPOTENCY, ...SES],
  'recompute-indicators': [...DYNAMO, 'GetCommand', 'QueryCommand', 'PutCommand', 'UpdateCommand', ...SQS],
  'assemble-report': [...DYNAMO, 'GetCommand', 'QueryCommand', 'PutCommand', 'UpdateCommand', 'BatchWriteCommand', ...SQS],
  'notify-steering-group': [...DYNAMO, 'GetCommand', 'QueryCommand', 'UpdateCommand', ...SQS, ...SES],
  'steering-group-schedule': [...DYNAMO, 'GetCommand', 'QueryCommand', 'UpdateCommand', ...SQS, ...SES],
  'reminder-sweep': [...DYNAMO, 'GetCommand', 'QueryCommand', 'PutCommand', 'UpdateCommand', 'DeleteCommand', ...SQS],
};

/** Imports and keeps the given SDK exports, so that nothing is shaken out. */
export function bareSdkEntry(names: string[]): string {
  const byPackage = new Map<string, string[]>();
  for (const name of names) {
    const from = CLIENTS[name] ?? COMMAND_PACKAGES[name];
    if (from === undefined) throw new Error(`Unknown SDK export ${name}.`);
    byPackage.set(from, [...(byPackage.get(from) ?? []), name]);
  }
  const imports = [...byPackage].map(([from, list]) => `import { ${list.join(', ')} } from '${from}';`);
  return `${imports.join('\n')}\nexport const sdk = [${names.join(', ')}];\n`;
}

/** `node_modules/@aws-sdk/client-sqs/dist-es/…` → `@aws-sdk/client-sqs`; `domain/x.ts` → `domain/`. */
function partOf(input: string): string {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (modules) return modules[1]!;
  const folder = /^([^/]+)\//.exec(input);
  return folder ? `${folder[1]}/` : input;
}

/** The output files a cold start reads: the entry and, transitively, its static imports (added to `reached`). */
export function startupFiles(metafile: Metafile, entryOutput: string, reached = new Set<string>()): Set<string> {
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entryOutput);
  return reached;
}

/**
 * The chunks of a routed function's route groups: outputs of a dynamic `import()` whose module
 * is under `functions/<function>/routes/`, with the group's module.
 */
export function routeGroupChunks(metafile: Metafile, functionName: string): Array<{ group: string; output: string }> {
  const prefix = `functions/${functionName}/routes/`;
  return Object.entries(metafile.outputs)
    .filter(([file, output]) => file.endsWith('.mjs') && output.entryPoint?.startsWith(prefix))
    .map(([output, { entryPoint }]) => ({ group: entryPoint as string, output }))
    .sort((a, b) => a.group.localeCompare(b.group));
}

function largestParts(metafile: Metafile, files: string[]): Parts {
  const parts = new Map<string, number>();
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[file]?.inputs ?? {})) {
      parts.set(partOf(input), (parts.get(partOf(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...parts]
    .map(([part, bytes]) => ({ part, bytes }))
    .filter((part) => part.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
}

/** Builds one bundle into `outdir` with the stack's options, targeting this machine's Node. */
async function bundle(
  repoRoot: string,
  outdir: string,
  entry: { file: string; functionName: string } | { contents: string },
): Promise<BundleSize & { entryFile: string; largestParts: Parts; largestLazyParts: Parts; routeGroups: Array<{ group: string; chunkFile: string; startBytes: number; largestParts: Parts; startParts: Parts }> }> {
  const { metafile } = await build({
    ...functionBuildOptions('file' in entry ? entry.file : { contents: entry.contents, resolveDir: repoRoot }, outdir, 'node20'),
    logLevel: 'silent',
    absWorkingDir: repoRoot,
    metafile: true,
  });
  assertNoRuntimeRequire(metafile);
  const javascript = Object.keys(metafile.outputs).filter((file) => file.endsWith('.mjs'));
  const entryOutput = javascript.find((file) => file.endsWith(`/${BUNDLE_ENTRY}.mjs`));
  if (entryOutput === undefined) throw new Error(`esbuild wrote no ${BUNDLE_ENTRY}.mjs into ${outdir}.`);
  const atStart = startupFiles(metafile, entryOutput);
  const bytesOf = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + (metafile.outputs[file]?.bytes ?? 0), 0);
  const groups = ('functionName' in entry ? routeGroupChunks(metafile, entry.functionName) : []).map(({ group, output }) => {
    const withGroup = startupFiles(metafile, output, new Set(atStart));
    return { group, output, withGroup, added: [...withGroup].filter((file) => !atStart.has(file)) };
  });
  const routed = new Set(groups.flatMap((group) => group.added));
  const contents = await Promise.all(javascript.map((file) => readFile(join(repoRoot, file))));
  return {
    entryFile: join(outdir, `${BUNDLE_ENTRY}.mjs`),
    bytes: contents.reduce((sum, content) => sum + content.length, 0),
    gzipBytes: contents.reduce((sum, content) => sum + gzipSync(content).length, 0),
    startBytes: bytesOf(atStart),
    largestParts: largestParts(metafile, [...atStart]),
    largestLazyParts: largestParts(metafile, javascript.filter((file) => !atStart.has(file) && !routed.has(file))),
    routeGroups: groups.map(({ group, output, withGroup, added }) => ({
      group,
      chunkFile: join(repoRoot, output),
      startBytes: bytesOf(withGroup),
      largestParts: largestParts(metafile, added),
      startParts: largestParts(metafile, [...withGroup]),
    })),
  };
}

/**
 * One import in a new process: wall time, and the CPU time the process spent on it (every thread:
 * V8 compiles in the background too). On a machine shared with other work the wall time includes
 * waiting for a core; the CPU time does not, so it is the steadier measure of the load's cost.
 */
function importTimeOnce(files: string[], env: NodeJS.ProcessEnv): Promise<{ wallMs: number; cpuMs: number }> {
  const imports = files.map((file) => `await import(${JSON.stringify(pathToFileURL(file).href)});`).join(' ');
  const script =
    `const cpu = process.cpuUsage(); const t = performance.now(); ${imports} ` +
    `const wall = performance.now() - t; const used = process.cpuUsage(cpu); process.stdout.write(wall + ' ' + (used.user + used.system) / 1000);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const [wallMs, cpuMs] = (out.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
      if (code !== 0 || !Number.isFinite(wallMs) || !Number.isFinite(cpuMs)) reject(new Error(`Importing ${files.join(', ')} failed (exit ${code}): ${err.slice(0, 500)}`));
      else resolve({ wallMs: wallMs as number, cpuMs: cpuMs as number });
    });
  });
}

/** How many times each import (and the empty script) is counted; the median is kept. */
export const INSTRUCTION_COUNTS = 3;

/** Whether valgrind can run here (a fresh machine of this project's kind has it; others may not). */
function valgrindAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('valgrind', ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/** The instructions a new Node process executes importing `files` in turn, counted by callgrind (once: see the top). */
function instructionsOnce(files: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const script = files.map((file) => `await import(${JSON.stringify(pathToFileURL(file).href)});`).join(' ');
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--input-type=module', '-e', script];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const collected = /Collected : (\d+)/.exec(err);
      if (code !== 0 || collected === null) reject(new Error(`Counting the instructions of importing ${files.join(', ') || 'nothing'} failed (exit ${code}): ${err.slice(-500)}`));
      else resolve(Number(collected[1]));
    });
  });
}

/** The median of INSTRUCTION_COUNTS counts of each import, two at a time (the machine's cores: callgrind runs one thread, slowly). */
async function medianInstructions(imports: string[][], env: NodeJS.ProcessEnv): Promise<number[]> {
  const counts = imports.map((): number[] => []);
  const runs = imports.flatMap((files, index) => Array.from({ length: INSTRUCTION_COUNTS }, () => ({ files, index })));
  await inParallel(runs, 2, async ({ files, index }) => {
    counts[index]!.push(await instructionsOnce(files, env));
  });
  return counts.map(median);
}

/** Counts for one function: the bare bundle, the entry, and the entry with each lazy route group (see InstructionCounts). */
async function countInstructions(
  bareEntry: string,
  own: { entryFile: string; routeGroups: Array<{ group: string; chunkFile: string }> },
  env: NodeJS.ProcessEnv,
  emptyScript: number,
): Promise<InstructionCounts> {
  const imports = [[bareEntry], [own.entryFile], ...own.routeGroups.map((group) => [own.entryFile, group.chunkFile])];
  const millions = (await medianInstructions(imports, env)).map((count) => Number(((count - emptyScript) / 1e6).toFixed(1)));
  const [bare, entry, ...groups] = millions as [number, number, ...number[]];
  const routeGroups = own.routeGroups.map((group, index) => ({ group: group.group, instructions: groups[index]! }));
  const worst = worstRouteGroup(routeGroups, entry, (group) => group.instructions);
  return { bare, entry, routeGroups, worst: worst?.instructions ?? entry, worstRouteGroup: worst?.group ?? null };
}

/**
 * The route group whose cold start costs the most, if that is more than the entry alone costs
 * (a group is always read on top of the entry; only noise puts one below it).
 */
function worstRouteGroup<Group>(groups: Group[], entryCost: number, costOf: (group: Group) => number): Group | undefined {
  return groups.reduce<Group | undefined>((most, group) => (costOf(group) > (most === undefined ? entryCost : costOf(most)) ? group : most), undefined);
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

/** Where a Lambda imports its `index.mjs` from. */
const LAMBDA_TASK_ROOT = '/var/task';
const TEMPORARY_ROOT = '/tmp/';

/**
 * A new, empty directory whose path is exactly as long as Lambda's `/var/task` (`/tmp/` and four
 * hex digits), to build one measured bundle into.
 *
 * Why it matters: Node's ES module loader normalizes every module's path in JavaScript
 * (`normalizeString` of node:path), and once that function has walked enough characters V8
 * optimizes it with TurboFan, a few ms of CPU paid once. A bundle that reads more module files
 * from a longer directory gets there sooner. Counted with V8's deterministic flags (see the top)
 * on the console's plan start (16 files): from `/tmp/bm-XXXXXX/console/function/` (31
 * characters) V8 optimizes it and the import takes 351 million instructions, from `/var/task/`
 * 342 million. With 23 files, `/tmp/XXXXXX/`, only two characters longer than `/var/task/`, was
 * enough: 340 million against 332. The bare bundles (9 files) never get there. From any other
 * directory a function would be charged, or spared, a compilation that its deployed bundle does
 * not cause.
 */
async function lambdaLengthDirectory(): Promise<string> {
  for (;;) {
    // Two hex digits a byte: `/tmp/` and as many digits as `/var/task` has characters more.
    const directory = `${TEMPORARY_ROOT}${randomBytes((LAMBDA_TASK_ROOT.length - TEMPORARY_ROOT.length) / 2).toString('hex')}`;
    try {
      await mkdir(directory);
      return directory;
    } catch (error) {
      // Another bench (or a leftover) has this name: draw another.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

export async function measureBundles(options: { repoRoot: string; runs: number }): Promise<BundleMeasurement[]> {
  // What the stack gives every function at runtime; the handlers read it lazily, Powertools at import.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_REGION: 'eu-central-1',
    POWERTOOLS_SERVICE_NAME: 'chytrejsi-kraj-monitoring',
    POWERTOOLS_LOG_LEVEL: 'WARN',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const countable = await valgrindAvailable();
  const [emptyScript = 0] = countable ? await medianInstructions([[]], env) : [];
  const results: BundleMeasurement[] = [];
  for (const name of await functionNames(options.repoRoot)) {
    const sdk = FUNCTION_SDK[name];
    if (sdk === undefined) throw new Error(`bench/bundles.ts: FUNCTION_SDK does not say which SDK clients ${name} uses.`);
    const directories = [await lambdaLengthDirectory(), await lambdaLengthDirectory()] as const;
    try {
      results.push(await measureFunction(options, name, sdk, directories, env, countable, emptyScript));
    } finally {
      await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
    }
  }
  return results;
}

/** One function against its bare bundle, each built into one of `directories` and imported from there. */
async function measureFunction(
  options: { repoRoot: string; runs: number },
  name: string,
  sdk: string[],
  [ownDirectory, bareDirectory]: readonly [string, string],
  env: NodeJS.ProcessEnv,
  countable: boolean,
  emptyScript: number,
): Promise<BundleMeasurement> {
  const own = await bundle(options.repoRoot, ownDirectory, { file: join('functions', `${name}.ts`), functionName: name });
  const bare = await bundle(options.repoRoot, bareDirectory, { contents: bareSdkEntry(sdk) });
  // One import of each in turn, so that a change in the machine's load hits all alike.
  const ownRuns: Array<{ wallMs: number; cpuMs: number }> = [];
  const bareRuns: Array<{ wallMs: number; cpuMs: number }> = [];
  const groupRuns = own.routeGroups.map((): Array<{ wallMs: number; cpuMs: number }> => []);
  for (let run = 0; run < options.runs; run += 1) {
    ownRuns.push(await importTimeOnce([own.entryFile], env));
    bareRuns.push(await importTimeOnce([bare.entryFile], env));
    for (const [index, group] of own.routeGroups.entries()) groupRuns[index]!.push(await importTimeOnce([own.entryFile, group.chunkFile], env));
  }
  const summary = (runs: Array<{ wallMs: number; cpuMs: number }>): LoadTimes => ({
    loadMs: median(runs.map((run) => run.wallMs)),
    loadMinMs: Math.min(...runs.map((run) => run.wallMs)),
    loadCpuMs: median(runs.map((run) => run.cpuMs)),
    loadRunsMs: runs.map((run) => Number(run.wallMs.toFixed(1))),
  });
  const size = ({ bytes, gzipBytes, startBytes }: BundleSize): BundleSize => ({ bytes, gzipBytes, startBytes });
  const entry = { startBytes: own.startBytes, ...summary(ownRuns) };
  const routeGroups: RouteGroupMeasurement[] = own.routeGroups.map((group, index) => ({
    group: group.group,
    startBytes: group.startBytes,
    ...summary(groupRuns[index]!),
    largestParts: group.largestParts,
  }));
  const worst = worstRouteGroup(routeGroups, entry.loadCpuMs, (group) => group.loadCpuMs);
  const worstStart = own.routeGroups.find((group) => group.group === worst?.group);
  return {
    name,
    ...size(own),
    ...(worst === undefined ? entry : { startBytes: worst.startBytes, loadMs: worst.loadMs, loadMinMs: worst.loadMinMs, loadCpuMs: worst.loadCpuMs, loadRunsMs: worst.loadRunsMs }),
    entry,
    routeGroups,
    worstRouteGroup: worst?.group ?? null,
    largestParts: worstStart?.startParts ?? own.largestParts,
    largestLazyParts: own.largestLazyParts,
    bare: { ...size(bare), ...summary(bareRuns), sdk },
    instructions: countable ? await countInstructions(bare.entryFile, own, env, emptyScript) : null,
  };
}
