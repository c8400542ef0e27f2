/**
 * `npm run arr -- <command>`: ARR's back office over the local HTTP API, with the key of the data
 * folder (`.local-data/arr-key`, or LOCAL_DATA_DIR, or the ARR_KEY variable).
 *
 *   open <období> --deadline RRRR-MM-DD --meeting RRRR-MM-DD
 *   cycles
 *   status <cyklus>
 *   close <cyklus>
 *   report <cyklus> --format html|md|docx [--out SOUBOR]
 *   plan-export [--out SOUBOR]
 *   plan-import SOUBOR [--confirm]
 *   plan-history
 *   history-import SOUBOR
 *   ses-event SOUBOR       (local only: plays an SES bounce, complaint or delivery notification)
 *
 * Every command takes `--api URL` (default http://127.0.0.1:$API_PORT, port 3000).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cycleStateLabels } from '../domain/cycle';
import { countOf, PROJECT_GENITIVE_FORMS } from '../domain/czech-plural';
import { formatCzechDate, formatCzechDateTime } from '../domain/time';
import { readArrKey } from '../local/arr-key';
import { importedSentence } from '../templates/past-report-import';

const USAGE = `Použití: npm run arr -- <příkaz> [volby]

  open <období> --deadline RRRR-MM-DD --meeting RRRR-MM-DD   otevře pololetí (např. 2026-H1)
  cycles                                                     vypíše všechny cykly
  status <cyklus>                                            stav a úplnost cyklu
  close <cyklus>                                             uzavře sběr podkladů
  report <cyklus> --format html|md|docx [--out SOUBOR]       stáhne monitorovací zprávu
  plan-export [--out SOUBOR]                                 stáhne akční plán (JSON)
  plan-import SOUBOR [--confirm]                             nahraje upravený akční plán (JSON)
  plan-history                                               kdo a kdy plán měnil
  history-import SOUBOR                                      nahraje starší monitorovací zprávu (Markdown)
  ses-event SOUBOR                                           přehraje oznámení SES (nedoručení, stížnost,
                                                             doručení; jen lokálně, viz tests/fixtures/ses/)

Volby: --api URL (výchozí http://127.0.0.1:3000 nebo API_PORT)`;

class CliError extends Error {}

interface Totals {
  projects: number;
  submitted: number;
  invited: number;
  late: number;
  percentSubmitted: number;
}

interface CycleSummaryView {
  id: string;
  state: string;
  stateLabel?: string;
  deadline: string;
  meetingDate: string;
  totals?: Totals;
}

interface OverviewView {
  cycle: CycleSummaryView;
  completeness?: {
    totals: Totals;
    projects: Array<{ projectId: string; status: string }>;
    contacts: Array<{ contactPersonId: string; invited: number; submitted: number; late: number; status: string }>;
  };
  reminders?: unknown[];
}

const REPORT_TYPES = { html: 'text/html', md: 'text/markdown', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;
type ReportFormat = keyof typeof REPORT_TYPES;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      deadline: { type: 'string' },
      meeting: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      confirm: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, argument, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    if (command === undefined && !values.help) process.exitCode = 1;
    return;
  }
  if (rest.length > 0) throw new CliError(`Nadbytečné argumenty: ${rest.join(' ')}\n\n${USAGE}`);
  const api = apiClient(values.api ?? `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`, await arrKey());

  switch (command) {
    case 'open': {
      const period = required(argument, 'období (např. 2026-H1)');
      const deadline = required(values.deadline, '--deadline RRRR-MM-DD');
      const meetingDate = required(values.meeting, '--meeting RRRR-MM-DD');
      const cycle = (await api.json('POST', '/cycles', { period, deadline, meetingDate })) as CycleSummaryView;
      process.stdout.write(
        `Cyklus ${cycle.id} je ${stateLabel(cycle)}.\n` +
          `Termín odevzdání: ${formatCzechDateTime(new Date(cycle.deadline))}, zasedání řídící skupiny: ${formatCzechDate(cycle.meetingDate)}.\n` +
          'Pozvánky se odesílají kontaktním osobám; sledujte je ve schránce SES emulátoru.\n',
      );
      return;
    }
    case 'cycles': {
      const body = await api.json('GET', '/cycles');
      const cycles = (Array.isArray(body) ? body : ((body as { cycles?: unknown[] }).cycles ?? [])) as CycleSummaryView[];
      if (cycles.length === 0) {
        process.stdout.write('Zatím není žádný cyklus.\n');
        return;
      }
      for (const cycle of cycles) {
        const totals = cycle.totals ? `  odevzdáno ${cycle.totals.submitted}/${cycle.totals.projects} (${cycle.totals.percentSubmitted} %)` : '';
        process.stdout.write(`${cycle.id.padEnd(9)} ${stateLabel(cycle).padEnd(28)} termín ${formatCzechDate(new Date(cycle.deadline)).padEnd(11)}${totals}\n`);
      }
      return;
    }
    case 'status': {
      const cycleId = required(argument, 'cyklus (např. 2026-H1)');
      const overview = (await api.json('GET', `/cycles/${encodeURIComponent(cycleId)}`)) as OverviewView;
      const { cycle, completeness } = overview;
      process.stdout.write(`Cyklus ${cycle.id}: ${stateLabel(cycle)}\n`);
      process.stdout.write(
        `Termín odevzdání: ${formatCzechDateTime(new Date(cycle.deadline))}, zasedání řídící skupiny: ${formatCzechDate(cycle.meetingDate)}\n`,
      );
      if (completeness) {
        const t = completeness.totals;
        process.stdout.write(`Odevzdáno ${t.submitted} z ${countOf(t.projects, PROJECT_GENITIVE_FORMS)} (${t.percentSubmitted} %), čeká ${t.invited}, po termínu ${t.late}.\n`);
        const waiting = completeness.contacts.filter((contact) => contact.status !== 'submitted');
        if (waiting.length > 0) {
          process.stdout.write('Kontaktní osoby, které ještě neodevzdaly vše:\n');
          for (const contact of waiting) {
            process.stdout.write(`  ${contact.contactPersonId}: ${contact.submitted}/${contact.invited + contact.submitted + contact.late}\n`);
          }
        }
      }
      return;
    }
    case 'close': {
      const cycleId = required(argument, 'cyklus (např. 2026-H1)');
      const cycle = (await api.json('POST', `/cycles/${encodeURIComponent(cycleId)}/close`)) as CycleSummaryView;
      process.stdout.write(`Cyklus ${cycle.id} je ${stateLabel(cycle)}; monitorovací zpráva se sestavuje.\n`);
      return;
    }
    case 'report': {
      const cycleId = required(argument, 'cyklus (např. 2026-H1)');
      const format = (values.format ?? 'html') as ReportFormat;
      if (!(format in REPORT_TYPES)) throw new CliError(`Neznámý formát „${values.format}“; použijte html, md nebo docx.`);
      const content = await api.bytes(`/cycles/${encodeURIComponent(cycleId)}/report?format=${format}`, REPORT_TYPES[format]);
      if (values.out === undefined) {
        if (format === 'docx') throw new CliError('Formát docx je binární: zadejte --out SOUBOR.');
        process.stdout.write(content);
        return;
      }
      await writeFile(values.out, content);
      process.stdout.write(`Monitorovací zpráva ${cycleId} (${format}) uložena do ${values.out} (${content.length} B).\n`);
      return;
    }
    case 'plan-export': {
      const content = await api.bytes('/plan', 'application/json');
      if (values.out === undefined) process.stdout.write(content);
      else {
        await writeFile(values.out, content);
        process.stdout.write(`Akční plán uložen do ${values.out}.\n`);
      }
      return;
    }
    case 'plan-import': {
      const plan = await readJson(required(argument, 'soubor s plánem (JSON)'));
      const result = (await api.json('PUT', `/plan${values.confirm ? '?confirm=true' : ''}`, plan)) as { revision: number; changes: Array<{ description: string }> };
      process.stdout.write(result.changes.length === 0 ? 'Plán se nezměnil.\n' : `Uložena verze ${result.revision} plánu:\n${result.changes.map((entry) => `  ${entry.description}`).join('\n')}\n`);
      return;
    }
    case 'plan-history': {
      const { revisions } = (await api.json('GET', '/plan/history')) as { revisions: Array<{ revision: number; author: string; at: string; reason: string; changes: Array<{ description: string }> }> };
      for (const revision of revisions) {
        process.stdout.write(`verze ${revision.revision}  ${formatCzechDateTime(new Date(revision.at))}  ${revision.author}: ${revision.reason}\n`);
        for (const entry of revision.changes) process.stdout.write(`    ${entry.description}\n`);
      }
      return;
    }
    case 'history-import': {
      const report = await readText(required(argument, 'soubor se zprávou'));
      const result = (await api.json('POST', '/history', { report })) as { periodLabel: string; imported: number; corrected: number; alreadyLoaded: boolean; unmatched: string[] };
      // The same sentence as the past-reports page.
      process.stdout.write(`${result.periodLabel}: ${importedSentence(result.imported, result.corrected, result.alreadyLoaded)}\n`);
      if (result.unmatched.length > 0) process.stdout.write(`Bez shody v plánu, nepřevzato: ${result.unmatched.join('; ')}.\n`);
      return;
    }
    case 'ses-event': {
      const notification = await readJson(required(argument, 'soubor s oznámením SES (JSON)'));
      const result = (await api.json('POST', '/local/ses-events', notification)) as { outcome: string; contactPersonId: string | null };
      process.stdout.write(`Oznámení SES (${result.outcome}) pro ${result.contactPersonId ?? '–'} zařazeno; zpracuje ho stejná funkce jako na AWS.\n`);
      return;
    }
    default:
      throw new CliError(`Neznámý příkaz „${command}“.\n\n${USAGE}`);
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new CliError(`Soubor ${file} nelze přečíst.`);
  }
}

async function readJson(file: string): Promise<unknown> {
  const text = await readText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`Soubor ${file} není platný JSON.`);
  }
}

function stateLabel(cycle: CycleSummaryView): string {
  return cycle.stateLabel ?? cycleStateLabels[cycle.state as keyof typeof cycleStateLabels] ?? cycle.state;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new CliError(`Chybí ${what}.\n\n${USAGE}`);
  return value;
}

async function arrKey(): Promise<string> {
  if (process.env.ARR_KEY) return process.env.ARR_KEY;
  const dataDir = resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.LOCAL_DATA_DIR ?? '.local-data');
  const key = await readArrKey(dataDir);
  if (key === null) throw new CliError(`V ${dataDir} není klíč ARR. Spusťte nejdřív npm start.`);
  return key;
}

function apiClient(baseUrl: string, key: string) {
  const call = async (method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          accept,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new CliError(`API na ${baseUrl} neodpovídá. Běží npm start?`);
    }
    if (!response.ok) throw new CliError(await describeFailure(response));
    return response;
  };
  return {
    json: async (method: string, path: string, body?: unknown): Promise<unknown> => (await call(method, path, body)).json(),
    bytes: async (path: string, accept: string): Promise<Buffer> => Buffer.from(await (await call('GET', path, undefined, accept)).arrayBuffer()),
  };
}

async function describeFailure(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { message?: string; details?: Record<string, string> };
    const details = Object.entries(body.details ?? {}).map(([field, message]) => `  ${field}: ${message}`);
    return [`Chyba ${response.status}: ${body.message ?? text}`, ...details].join('\n');
  } catch {
    return `Chyba ${response.status}: ${text.slice(0, 500)}`;
  }
}

// A reader that stops early (`npm run arr -- cycles | head`) closes the pipe: the rest of the
// output is unwanted, not a failure, and must not end in Node's stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliError) && !(error instanceof TypeError && 'code' in error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
