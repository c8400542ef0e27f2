/**
 * `npm run bench`: how the system behaves at the real catalog's size and at 2,000 projects, and
 * what its Lambda bundles cost to load. A benchmark, not a test: it prints numbers and writes
 * them to bench/results.json; nothing passes or fails on them.
 *
 *   npm run bench                                   everything
 *   npm run bench -- --projects 500 --contacts 200  a smaller generated plan
 *   npm run bench -- --skip-large                   without the generated plan
 *   npm run bench -- --skip-bundles                 without the bundle measurements
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { arch, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { liberecActionPlan } from '../domain/catalog/liberec';
import { generateActionPlan } from '../local/scenario';
import { measureBundles, type BundleMeasurement } from './bundles';
import { benchmarkCycle, type CycleBenchmark, type PhaseMetrics } from './cycle';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = join(REPO_ROOT, 'bench', 'results.json');

const DEFAULT_LARGE = { projects: 2000, contacts: 800 };
const CONCURRENCY = 16;
const LOAD_RUNS = 5;

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function positiveInteger(raw: string | undefined, fallback: number, option: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${option} musí být kladné celé číslo, ne „${raw}“.`);
  return value;
}

function sum(record: Record<string, number>): number {
  return Object.values(record).reduce((total, value) => total + value, 0);
}

function byOperation(record: Record<string, number>, digits = 0): string {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? '–' : entries.map(([operation, value]) => `${operation} ${value.toFixed(digits)}`).join(', ');
}

function table(headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  write(line(headers));
  write(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) write(line(row));
}

function printCycle(result: CycleBenchmark): void {
  write(
    `\n${result.label}: ${result.requestedProjects} projektů k vykázání (${result.planProjects} v plánu), ` +
      `${result.invitedContacts} pozvaných kontaktních osob (${result.planContacts} v plánu); start systému ${(result.startupMs / 1000).toFixed(1)} s`,
  );
  table(
    ['fáze', 'čas [s]', 'DynamoDB (store)', 'RCU+WCU', 'DynamoDB (vše)', 'e-maily'],
    result.phases.map((phase) => [
      phase.name,
      (phase.wallMs / 1000).toFixed(2),
      String(sum(phase.storeRequests)),
      sum(phase.capacityUnits).toFixed(1),
      String(sum(phase.sdkRequests)),
      String(phase.emailsSent),
    ]),
  );
  for (const phase of result.phases) {
    write(`  ${phase.name}:`);
    write(`    store: ${byOperation(phase.storeRequests)}`);
    write(`    kapacita: ${byOperation(phase.capacityUnits, 1)}`);
    write(`    všechny požadavky: ${byOperation(phase.sdkRequests)}`);
    if (Object.keys(phase.sdkErrors).length > 0) write(`    odmítnuté požadavky: ${byOperation(phase.sdkErrors)}`);
    if (Object.keys(phase.counts).length > 0) write(`    ${byOperation(phase.counts)}`);
  }
  const submissions = result.phases.find((phase) => phase.name === 'submissions');
  if (submissions && submissions.wallMs > 0) {
    write(`  propustnost odesílání: ${((submissions.counts.submissions ?? 0) / (submissions.wallMs / 1000)).toFixed(1)} podkladů/s při ${CONCURRENCY} souběžných osobách`);
  }
}

function printBundles(bundles: BundleMeasurement[]): void {
  write('\nLambda bundly (esbuild ESM, minifikováno, vše včetně AWS SDK; načtení modulu v novém procesu Node, medián z ' + `${LOAD_RUNS})`);
  table(
    ['funkce', 'velikost [kB]', 'gzip [kB]', 'načtení [ms]', 'největší části'],
    bundles.map((bundle) => [
      bundle.name,
      (bundle.bytes / 1024).toFixed(0),
      (bundle.gzipBytes / 1024).toFixed(0),
      bundle.loadMs.toFixed(0),
      bundle.largestParts
        .slice(0, 3)
        .map((part) => `${part.part} ${(part.bytes / 1024).toFixed(0)} kB`)
        .join(', '),
    ]),
  );
}

function phaseSummary(phase: PhaseMetrics) {
  return {
    ...phase,
    wallMs: Math.round(phase.wallMs),
    storeRequestsTotal: sum(phase.storeRequests),
    capacityUnitsTotal: Number(sum(phase.capacityUnits).toFixed(1)),
    sdkRequestsTotal: sum(phase.sdkRequests),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      'skip-large': { type: 'boolean' },
      'skip-bundles': { type: 'boolean' },
      projects: { type: 'string' },
      contacts: { type: 'string' },
    },
  });
  const large = {
    projects: positiveInteger(values.projects, DEFAULT_LARGE.projects, '--projects'),
    contacts: positiveInteger(values.contacts, DEFAULT_LARGE.contacts, '--contacts'),
  };
  const started = Date.now();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Number((totalmem() / 1024 ** 3).toFixed(1)),
    platform: `${platform()} ${release()} ${arch()}`,
    node: process.version,
  };
  write(`Benchmark ${new Date().toISOString()} — ${machine.cpu}, ${machine.cores} jader, ${machine.memoryGb} GB, Node ${machine.node}`);

  const cycles: CycleBenchmark[] = [];
  write('\nLiberecký katalog…');
  cycles.push(await benchmarkCycle({ label: 'Liberecký katalog', plan: liberecActionPlan, loadPlan: false, concurrency: CONCURRENCY, log: write }));
  printCycle(cycles[0]!);

  if (!values['skip-large']) {
    const plan = generateActionPlan({ id: `bench-${large.projects}`, ...large });
    write(`\nGenerovaný plán ${large.projects} projektů / ${large.contacts} kontaktních osob…`);
    cycles.push(await benchmarkCycle({ label: `Generovaný plán ${large.projects}/${large.contacts}`, plan, loadPlan: true, concurrency: CONCURRENCY, log: write }));
    printCycle(cycles[1]!);
  }

  let bundles: BundleMeasurement[] = [];
  if (!values['skip-bundles']) {
    const outDir = await mkdtemp(join(tmpdir(), 'chytrejsi-kraj-bundles-'));
    try {
      bundles = await measureBundles({ repoRoot: REPO_ROOT, outDir, runs: LOAD_RUNS });
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
    printBundles(bundles);
  }

  const results = {
    date: new Date().toISOString(),
    machine,
    settings: { concurrency: CONCURRENCY, loadRuns: LOAD_RUNS, large },
    cycles: cycles.map((cycle) => ({ ...cycle, startupMs: Math.round(cycle.startupMs), phases: cycle.phases.map(phaseSummary) })),
    bundles,
    totalMs: Date.now() - started,
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  write(`\nVýsledky uloženy do bench/results.json (celkem ${((Date.now() - started) / 1000).toFixed(0)} s).`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`\nBenchmark selhal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
