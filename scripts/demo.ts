/**
 * `npm run demo`: both half-years of 2026 on the Liberec catalog, end to end, on the local
 * system in a fresh temporary data folder. The clock is moved instead of waited for; contact
 * persons and ARR act only through the HTTP API and the email inbox (local/scenario.ts).
 * Writes the monitoring reports, the annual report and the indicators under `out/` and prints
 * what happened.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { liberecActionPlan } from '../domain/catalog/liberec';
import { pragueInstant } from '../domain/time';
import { countOf, PROJECT_FORMS } from '../domain/czech-plural';
import { MovableClock } from '../local/composition';
import { ArrApi, EMAIL_KINDS, emailKindLabels, runCycleScenario, type CycleScenarioResult, type Persona } from '../local/scenario';
import { startLocalSystem, type LocalSystem } from '../local/system';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(REPO_ROOT, 'out');

const personaLabels: Record<Persona, string> = {
  prompt: 'včas bez připomínky',
  reminded: 'po připomínce',
  late: 'po termínu',
  silent: 'neodpověděli',
};

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

async function writeOut(path: string, content: string | Buffer): Promise<string> {
  const target = join(OUT_DIR, path);
  await mkdir(join(target, '..'), { recursive: true });
  await writeFile(target, content);
  return relative(process.cwd(), target);
}

async function saveCycle(result: CycleScenarioResult): Promise<string[]> {
  const stem = `${result.cycleId}/monitorovaci-zprava`;
  return Promise.all([
    writeOut(`${stem}.html`, result.documents.html),
    writeOut(`${stem}.md`, result.documents.markdown),
    writeOut(`${stem}.docx`, result.documents.docx),
    writeOut(`${stem}.json`, `${JSON.stringify(result.documents.reportJson, null, 2)}\n`),
  ]);
}

/** One CSV for all cycles: the header once, each cycle's rows after it. */
function summarise(result: CycleScenarioResult): void {
  const { submissions, completeness } = result;
  write(`\n== ${result.periodLabel} (${result.cycleId}) ==`);
  write(
    `Úplnost při uzavření: ${completeness.submitted} z ${completeness.projects} projektů (${completeness.percentSubmitted} %), ` +
      `chybí ${completeness.late + completeness.invited}.`,
  );
  const byPersona = new Map<Persona, number>();
  for (const contact of result.contacts) byPersona.set(contact.persona, (byPersona.get(contact.persona) ?? 0) + 1);
  write(
    `Kontaktní osoby (${result.contacts.length}): ` +
      [...byPersona].map(([persona, count]) => `${personaLabels[persona]} ${count}`).join(', ') +
      '.',
  );
  const silent = result.contacts.filter((contact) => contact.persona === 'silent');
  if (silent.length > 0) write(`Neodpověděli: ${silent.map((contact) => `${contact.name} (${countOf(contact.projects, PROJECT_FORMS)})`).join(', ')}.`);
  write(
    `Podklady: ${countOf(submissions.submittedProjects, PROJECT_FORMS)}, verzí celkem ${submissions.versions}, ` +
      `opraveno ${countOf(submissions.editedProjects, PROJECT_FORMS)}, souběžné úpravy vyřešené znovunačtením stránky (HTTP 409): ${submissions.conflicts}.`,
  );
  write(`E-maily: ${EMAIL_KINDS.filter((kind) => kind !== 'other' || result.emails.other > 0).map((kind) => `${emailKindLabels[kind]} ${result.emails[kind]}`).join(', ')}.`);
  write(`Uzavřeno ${result.closedAt}, řídící skupina informována ${result.steeringGroupNotifiedAt}.`);
}

function indicatorTable(results: CycleScenarioResult[]): void {
  write('\n== Indikátory (za pololetí / stav) ==');
  const codes = results[0]?.indicators.map((indicator) => indicator.code) ?? [];
  write(`${'kód'.padEnd(6)}${results.map((result) => result.cycleId.padEnd(12)).join('')}název`);
  for (const code of codes) {
    const cells = results.map((result) => {
      const value = result.indicators.find((indicator) => indicator.code === code);
      return `${value?.periodValue ?? '–'} / ${value?.cumulativeValue ?? '–'}`.padEnd(12);
    });
    const name = results[0]!.indicators.find((indicator) => indicator.code === code)!.name;
    write(`${code.padEnd(6)}${cells.join('')}${name}`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'chytrejsi-kraj-demo-'));
  const clock = new MovableClock(pragueInstant('2026-06-01', 8, 0), { frozen: true });
  let system: LocalSystem | undefined;
  try {
    write(`Spouštím lokální systém (data v ${dataDir}, ${cpus().length} jader, Node ${process.version})…`);
    system = await startLocalSystem({
      dataDir,
      clock,
      // Schedules run when the demo moves the clock, not on wall-clock timers.
      background: false,
      // The default grace (3 days) would close the cycle before the escalation a week after
      // the deadline; the demo shows the whole reminder ladder, so ARR closes by hand.
      config: { autoCloseGraceDays: 10 },
      // A failed queue message comes back after the visibility timeout; the stack's 60 s would
      // make the demo wait a minute for every retried indicator update.
      visibilityTimeoutSeconds: 5,
    });
    const bootstrap = system.infrastructure.bootstrap.Data;
    write(`API ${system.apiUrl}; historie ${bootstrap?.HistoryPeriods || '–'} (${bootstrap?.HistoryImported ?? 0} hlášení projektů) nahrána pro předvyplnění.`);
    const log = (line: string) => write(`  ${line}`);

    write('\n-- 1. pololetí 2026 --');
    const first = await runCycleScenario(system, liberecActionPlan, {
      period: '2026-H1',
      deadline: '2026-07-15',
      meetingDate: '2026-09-10',
      openAt: pragueInstant('2026-06-01', 8, 0),
      seed: 20_261,
      silentContacts: 1,
      // The silent one never got the invitation: their address bounces.
      bouncedContacts: 1,
      lateShare: 0.15,
      remindedShare: 0.35,
      editShare: 0.25,
      staleEditConflict: true,
      log,
    });

    write('\n-- 2. pololetí 2026 --');
    const second = await runCycleScenario(system, liberecActionPlan, {
      period: '2026-H2',
      deadline: '2027-01-15',
      meetingDate: '2027-02-10',
      openAt: pragueInstant('2026-12-01', 8, 0),
      seed: 20_262,
      silentContacts: 0,
      lateShare: 0.1,
      remindedShare: 0.3,
      editShare: 0.15,
      log,
    });

    const arr = new ArrApi(system.apiUrl, system.arrKey);
    const results = [first, second];
    const written = [...(await saveCycle(first)), ...(await saveCycle(second))];
    const annual = await Promise.all(
      (['html', 'md', 'docx'] as const).map(async (format) =>
        writeOut(`2026/vyrocni-zprava.${format}`, await arr.bytes(`/years/2026/report?format=${format}`)),
      ),
    );
    written.push(...annual);
    // The open-data export of every cycle, as the region's data portal would take it.
    written.push(await writeOut('indikatory.csv', await arr.bytes('/indicators?format=csv')));
    written.push(await writeOut('indikatory.json', await arr.bytes('/indicators?format=json')));

    for (const result of results) summarise(result);
    indicatorTable(results);
    write('\n== Soubory ==');
    for (const path of written) write(`  ${path}`);
    write(`\nHotovo za ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`\nDemo selhalo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
