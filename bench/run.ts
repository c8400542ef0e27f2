/**
 * `npm run bench`: how the system's cost grows with the plan (generated plans of 50, 500 and
 * 5,000 projects, 2 contact persons per 5 projects) and what each Lambda bundle costs to load
 * against a bare bundle of only the SDK clients and commands it sends. A benchmark, not a test:
 * it prints numbers and writes them to bench/results.json; nothing passes or fails on them.
 *
 *   npm run bench                          everything
 *   npm run bench -- --sizes 50,500        other plan sizes
 *   npm run bench -- --skip-bundles        without the bundle measurements
 *   npm run bench -- --skip-cycles         only the bundles
 */
import { readFile, writeFile } from 'node:fs/promises';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { generateActionPlan } from '../local/scenario';
import { INSTRUCTION_COUNTS, measureBundles, type BundleMeasurement } from './bundles';
import { benchmarkCycle, type CycleBenchmark, type PhaseMetrics } from './cycle';

const DEFAULT_SIZES = [50, 500, 5000];
/** Contact persons per project in the generated plans (as in the Liberec catalog, about 2 : 5). */
const CONTACTS_PER_PROJECT = 0.4;

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = join(REPO_ROOT, 'bench', 'results.json');

const CONCURRENCY = 16;
const LOAD_RUNS = 21;

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function sizesOf(raw: string | undefined): number[] {
  if (raw === undefined) return DEFAULT_SIZES;
  return raw.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < 5) throw new Error(`--sizes: každá velikost musí být celé číslo alespoň 5, ne „${part}“.`);
    return value;
  });
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
    ['fáze', 'čas [s]', 'DynamoDB (store)', 'RCU+WCU', 'CU/podklad', 'CU/projekt', 'CU/e-mail', 'DynamoDB (vše)', 'e-maily'],
    result.phases.map((phase) => {
      const per = unitCosts(result, phase);
      return [
        phase.name,
        (phase.wallMs / 1000).toFixed(2),
        String(sum(phase.storeRequests)),
        sum(phase.capacityUnits).toFixed(1),
        fixed(per.perSubmission),
        fixed(per.perProject),
        fixed(per.perEmail),
        String(sum(phase.sdkRequests)),
        String(phase.emailsSent),
      ];
    }),
  );
  const { intakeLatency: intake, editLatency: edit, barePutItem: put } = result;
  write(
    `  odeslání formuláře (HTTP POST) mezi načítáním stránek: p50 ${intake.p50} ms, p95 ${intake.p95} ms (${intake.count}×), p95 ${(intake.p95 / put.p95).toFixed(2)}× holého PutItem`,
  );
  write(`  jen odeslání (dávka oprav): p50 ${edit.p50} ms, p95 ${edit.p95} ms (${edit.count}×), p95 ${(edit.p95 / put.p95).toFixed(2)}× holého PutItem`);
  write(`  holé PutItem ${put.itemBytes} B (${CONCURRENCY} souběžně): p50 ${put.p50} ms, p95 ${put.p95} ms (${put.count}×)`);
  const { intake: alone, barePutItem: alonePut } = result.oneAtATime;
  write(
    `  po jednom (odeslání, pak holé PutItem, nic jiného neběží): odeslání p50 ${alone.p50} ms, p95 ${alone.p95} ms; ` +
      `holé PutItem p50 ${alonePut.p50} ms, p95 ${alonePut.p95} ms (${alone.count}×); p95 ${(alone.p95 / alonePut.p95).toFixed(2)}× holého PutItem`,
  );
  write(`  sestavení zprávy podle fáze: ${byOperation(result.reportAssemblies)}`);
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

/** How the per-submission cost of each phase grows from the smallest plan to the largest. */
function printScaling(cycles: CycleBenchmark[]): void {
  if (cycles.length < 2) return;
  const first = cycles[0]!;
  const last = cycles.at(-1)!;
  write(`\nKapacita na podklad: ${last.label} oproti ${first.label}`);
  table(
    ['fáze', ...cycles.map((cycle) => cycle.label), 'poměr'],
    first.phases.map((phase) => {
      const values = cycles.map((cycle) => {
        const same = cycle.phases.find((candidate) => candidate.name === phase.name);
        return same ? unitCosts(cycle, same).perSubmission : null;
      });
      const [a, b] = [values[0], values.at(-1)];
      return [phase.name, ...values.map((value) => fixed(value)), a && b ? `${(b / a).toFixed(2)}×` : '–'];
    }),
  );
}

function printBundles(bundles: BundleMeasurement[]): void {
  const kb = (bytes: number) => (bytes / 1024).toFixed(0);
  const parts = (list: BundleMeasurement['largestParts']) => list.slice(0, 3).map((part) => `${part.part} ${kb(part.bytes)} kB`).join(', ') || '–';
  write(
    `\nLambda bundly, jak je staví stack (esbuild ESM, minifikováno, dělení kódu, vše včetně AWS SDK), proti holému bundlu jen s klienty a příkazy SDK, které funkce posílá; ` +
      `kB = všechny soubory JS, start = vstup a jeho statické importy (čte je každý studený start); ` +
      `načtení modulu v novém procesu Node, medián a minimum času a medián CPU času z ${LOAD_RUNS}, funkce a holý bundle střídavě; ` +
      `instrukce = miliony instrukcí importu (valgrind callgrind, Node bez příznaků V8 jako na Lambdě, medián ze ${INSTRUCTION_COUNTS} počtů; mezi běhy se poměr liší o několik setin)`,
  );
  if (bundles.some((bundle) => bundle.instructions === null)) write('(valgrind tu není: instrukce se nepočítaly)');
  table(
    ['funkce', 'kB', 'holý kB', 'navíc kB', 'start kB', 'holý start', 'gzip kB', 'načtení ms', 'holý ms', 'poměr', 'min ms', 'holý min', 'poměr min', 'CPU ms', 'holý CPU', 'poměr CPU', 'instrukce M', 'holý M', 'poměr instr.', 'největší části startu', 'největší líné části'],
    bundles.map((bundle) => [
      bundle.name,
      kb(bundle.bytes),
      kb(bundle.bare.bytes),
      kb(bundle.bytes - bundle.bare.bytes),
      kb(bundle.startBytes),
      kb(bundle.bare.startBytes),
      kb(bundle.gzipBytes),
      bundle.loadMs.toFixed(0),
      bundle.bare.loadMs.toFixed(0),
      `${(bundle.loadMs / bundle.bare.loadMs).toFixed(2)}×`,
      bundle.loadMinMs.toFixed(0),
      bundle.bare.loadMinMs.toFixed(0),
      `${(bundle.loadMinMs / bundle.bare.loadMinMs).toFixed(2)}×`,
      bundle.loadCpuMs.toFixed(0),
      bundle.bare.loadCpuMs.toFixed(0),
      `${(bundle.loadCpuMs / bundle.bare.loadCpuMs).toFixed(2)}×`,
      bundle.instructions ? bundle.instructions.worst.toFixed(0) : '–',
      bundle.instructions ? bundle.instructions.bare.toFixed(0) : '–',
      bundle.instructions ? `${(bundle.instructions.worst / bundle.instructions.bare).toFixed(2)}×` : '–',
      parts(bundle.largestParts),
      parts(bundle.largestLazyParts),
    ]),
  );
  for (const bundle of bundles.filter((candidate) => candidate.routeGroups.length > 0)) {
    const cpuRatio = (cpuMs: number) => `${(cpuMs / bundle.bare.loadCpuMs).toFixed(2)}×`;
    const counts = bundle.instructions;
    const instructionRatio = (instructions: number | undefined) => (counts && instructions !== undefined ? `, instr. ${(instructions / counts.bare).toFixed(2)}×` : '');
    const groups = bundle.routeGroups.map(
      (group) =>
        `${group.group.replace(/^.*\/routes\/|\.tsx?$/g, '')} CPU ${cpuRatio(group.loadCpuMs)}${instructionRatio(counts?.routeGroups.find((counted) => counted.group === group.group)?.instructions)}`,
    );
    write(`  ${bundle.name}: vstup sám ${kb(bundle.entry.startBytes)} kB, CPU ${cpuRatio(bundle.entry.loadCpuMs)}${instructionRatio(counts?.entry)}; se skupinou tras: ${groups.join('; ')}`);
  }
}

/** Submissions of the whole cycle: the denominator of "per submission" in every phase. */
function submissionsOf(cycle: CycleBenchmark): number {
  return cycle.phases.find((phase) => phase.name === 'submissions')?.counts.submissions ?? 0;
}

const ratio = (value: number, per: number): number | null => (per > 0 ? Number((value / per).toFixed(3)) : null);

/**
 * Capacity per unit of work: per submission of the cycle (flat as the plan grows if no phase reads
 * the whole cycle per submission), per requested project, and per email the phase sent.
 */
function unitCosts(cycle: CycleBenchmark, phase: PhaseMetrics) {
  const capacity = sum(phase.capacityUnits);
  return {
    perSubmission: ratio(capacity, submissionsOf(cycle)),
    perProject: ratio(capacity, cycle.requestedProjects),
    perEmail: ratio(capacity, phase.emailsSent),
  };
}

function phaseSummary(cycle: CycleBenchmark, phase: PhaseMetrics) {
  return {
    ...phase,
    wallMs: Math.round(phase.wallMs),
    storeRequestsTotal: sum(phase.storeRequests),
    capacityUnitsTotal: Number(sum(phase.capacityUnits).toFixed(1)),
    capacityUnitsPer: unitCosts(cycle, phase),
    sdkRequestsTotal: sum(phase.sdkRequests),
  };
}

const fixed = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      'skip-bundles': { type: 'boolean' },
      'skip-cycles': { type: 'boolean' },
      sizes: { type: 'string' },
    },
  });
  const sizes = sizesOf(values.sizes);
  const started = Date.now();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Number((totalmem() / 1024 ** 3).toFixed(1)),
    platform: `${platform()} ${release()} ${arch()}`,
    node: process.version,
  };
  /** The machine is shared: the load average before and after each part says how much. */
  const load: Array<{ at: string; loadavg1m: number; loadavg5m: number }> = [];
  const noteLoad = (at: string) => {
    const [one, five] = loadavg();
    load.push({ at, loadavg1m: Number((one ?? 0).toFixed(2)), loadavg5m: Number((five ?? 0).toFixed(2)) });
    write(`  (zatížení stroje ${at}: ${(one ?? 0).toFixed(2)} / ${(five ?? 0).toFixed(2)} za 1 / 5 min, ${machine.cores} jádra)`);
  };
  write(`Benchmark ${new Date().toISOString()} — ${machine.cpu}, ${machine.cores} jader, ${machine.memoryGb} GB, Node ${machine.node}`);

  const cycles: Array<CycleBenchmark & { totalMs: number }> = [];
  if (!values['skip-cycles']) {
    for (const projects of sizes) {
      const contacts = Math.max(1, Math.round(projects * CONTACTS_PER_PROJECT));
      const plan = generateActionPlan({ id: `bench-${projects}`, projects, contacts });
      write(`\nGenerovaný plán ${projects} projektů / ${contacts} kontaktních osob…`);
      noteLoad(`před ${projects}`);
      const cycleStarted = Date.now();
      const result = await benchmarkCycle({ label: `${projects} projektů`, plan, loadPlan: true, concurrency: CONCURRENCY, log: write });
      cycles.push({ ...result, totalMs: Date.now() - cycleStarted });
      printCycle(result);
      write(`  celkem ${((Date.now() - cycleStarted) / 1000).toFixed(0)} s`);
      noteLoad(`po ${projects}`);
    }
    printScaling(cycles);
  }

  let bundles: BundleMeasurement[] = [];
  if (!values['skip-bundles']) {
    noteLoad('před bundly');
    bundles = await measureBundles({ repoRoot: REPO_ROOT, runs: LOAD_RUNS });
    noteLoad('po bundlech');
    printBundles(bundles);
  }

  // A part left out (--skip-cycles, --skip-bundles) keeps what the previous run measured, with its date.
  const previous = await readFile(RESULTS_FILE, 'utf8').then((text) => JSON.parse(text) as Record<string, unknown>, () => ({}) as Record<string, unknown>);
  const now = new Date().toISOString();
  const part = (skipped: boolean | undefined, name: 'cycles' | 'bundles', fresh: unknown) =>
    skipped
      ? { [name]: previous[name] ?? [], [`${name}Date`]: previous[`${name}Date`] ?? previous['date'] ?? null, [`${name}Load`]: previous[`${name}Load`] ?? null }
      : { [name]: fresh, [`${name}Date`]: now, [`${name}Load`]: load.filter((entry) => (name === 'bundles') === entry.at.includes('bundl')) };
  const results = {
    date: now,
    machine,
    settings: { concurrency: CONCURRENCY, loadRuns: LOAD_RUNS, sizes, contactsPerProject: CONTACTS_PER_PROJECT },
    ...part(values['skip-cycles'], 'cycles', cycles.map((cycle) => ({
      ...cycle,
      startupMs: Math.round(cycle.startupMs),
      phases: cycle.phases.map((phase) => phaseSummary(cycle, phase)),
      intakeP95OverBarePutItemP95: Number((cycle.intakeLatency.p95 / cycle.barePutItem.p95).toFixed(2)),
      editP95OverBarePutItemP95: Number((cycle.editLatency.p95 / cycle.barePutItem.p95).toFixed(2)),
      oneAtATimeIntakeP95OverBarePutItemP95: Number((cycle.oneAtATime.intake.p95 / cycle.oneAtATime.barePutItem.p95).toFixed(2)),
    }))),
    ...part(values['skip-bundles'], 'bundles', bundles.map((bundle) => ({
      ...bundle,
      extraKb: Number(((bundle.bytes - bundle.bare.bytes) / 1024).toFixed(1)),
      extraStartKb: Number(((bundle.startBytes - bundle.bare.startBytes) / 1024).toFixed(1)),
      loadRatio: Number((bundle.loadMs / bundle.bare.loadMs).toFixed(2)),
      loadMinRatio: Number((bundle.loadMinMs / bundle.bare.loadMinMs).toFixed(2)),
      loadCpuRatio: Number((bundle.loadCpuMs / bundle.bare.loadCpuMs).toFixed(2)),
      instructionRatio: bundle.instructions && Number((bundle.instructions.worst / bundle.instructions.bare).toFixed(3)),
    }))),
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
