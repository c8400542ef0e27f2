/**
 * `npm start`: the whole system on this machine. Ports come from API_PORT, DYNAMODB_PORT, SQS_PORT
 * and SES_PORT (0 = any free port), the data folder from LOCAL_DATA_DIR (default `.local-data/`).
 * Ctrl-C stops it cleanly: running work is finished and nothing stored is lost.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cycleStateLabels } from '../domain/cycle';
import { parsePeriodId, USUAL_DEADLINE_DAYS, usualPeriodToOpen } from '../domain/period';
import { addDays, pragueDate } from '../domain/time';
import { PortInUseError } from './emulators';
import { ApiPortInUseError } from './http-server';
import { IdentityProviderPortInUseError } from './identity-provider';
import { startLocalSystem } from './system';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

const DEFAULT_PORTS = { api: 3000, dynamodb: 8000, sqs: 9324, ses: 8005, oidc: 3001 } as const;

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new UsageError(`${name} musí být číslo portu 0–65535, ne „${raw}“.`);
  }
  return value;
}

class UsageError extends Error {}

/** The cycle to show in the start-up hint: the half-year ARR would usually open today, its usual deadline, the meeting 8 weeks later. */
function suggestedCycle(now: Date): { period: string; deadline: string; meetingDate: string } {
  const period = usualPeriodToOpen(pragueDate(now));
  const deadline = addDays(period.lastDay, USUAL_DEADLINE_DAYS);
  return { period: period.id, deadline, meetingDate: addDays(deadline, 56) };
}

function log(level: 'info' | 'warn' | 'error', message: string, extra?: object): void {
  const line = `[${new Date().toISOString()}] ${level.toUpperCase()} ${message}${extra ? ` ${JSON.stringify(extra)}` : ''}\n`;
  (level === 'info' ? process.stdout : process.stderr).write(line);
}

async function main(): Promise<void> {
  const dataDir = resolve(REPO_ROOT, process.env.LOCAL_DATA_DIR ?? '.local-data');
  const ports = {
    api: port('API_PORT', DEFAULT_PORTS.api),
    dynamodb: port('DYNAMODB_PORT', DEFAULT_PORTS.dynamodb),
    sqs: port('SQS_PORT', DEFAULT_PORTS.sqs),
    ses: port('SES_PORT', DEFAULT_PORTS.ses),
    oidc: port('OIDC_PORT', DEFAULT_PORTS.oidc),
  };
  const system = await startLocalSystem({
    dataDir,
    ports,
    logger: {
      info: (message, extra) => log('info', message, extra),
      warn: (message, extra) => log('warn', message, extra),
      error: (message, extra) => log('error', message, extra),
    },
  });

  const fromHere = relative(process.cwd(), dataDir);
  const shownDir = fromHere === '' ? '.' : fromHere.startsWith('..') ? dataDir : fromHere;
  const bootstrap = system.infrastructure.bootstrap.Data;
  const example = suggestedCycle(system.clock.now());
  const existing = await system.deps.cycles.getCycle(example.period);
  process.stdout.write(
    [
      '',
      'Chytřejší Liberecký kraj – půlroční monitoring běží lokálně.',
      '',
      `  Konzole ARR:         ${system.consoleUrl}`,
      ...system.identity.accounts.map(
        (account) => `    přihlášení ${account.groups.includes('arr') ? 'ARR:           ' : 'Řídící skupina:'} ${account.email} / ${account.password}`,
      ),
      `  Přihlašovací služba: ${system.identity.issuer} (místní náhrada za Cognito)`,
      `  API:                 ${system.apiUrl}`,
      `  Odeslané e-maily:    ${system.sesUrl}`,
      `  Klíč ARR:            ${system.arrKey}`,
      `  Data:                ${shownDir}/ (klíč v ${shownDir}/arr-key)`,
      ...(bootstrap?.PlanSeeded === 'true' ? ['  Akční plán:          výchozí plán Libereckého kraje nahrán (verze 1)'] : []),
      ...(bootstrap && bootstrap.HistoryImported > 0
        ? [`  Historie:            ${bootstrap.HistoryPeriods}, ${bootstrap.HistoryImported} hlášení projektů z monitorovacích zpráv`]
        : []),
      '',
      ...(existing === null
        ? [
            'Otevření pololetí (pozvánky odejdou kontaktním osobám do schránky výše):',
            `  npm run arr -- open ${example.period} --deadline ${example.deadline} --meeting ${example.meetingDate}`,
            `  curl -X POST ${system.apiUrl}/cycles -H 'Authorization: Bearer ${system.arrKey}' -H 'Content-Type: application/json' -d '${JSON.stringify(example)}'`,
          ]
        : [
            // Suggesting to open it again would only earn a 409.
            `Cyklus za ${parsePeriodId(example.period).label} už existuje (stav: ${cycleStateLabels[existing.state]}):`,
            `  ${system.consoleUrl}/cycles/${example.period}`,
            `  npm run arr -- status ${example.period}`,
          ]),
      '',
      'Další příkazy: npm run arr -- cycles | status <cyklus> | close <cyklus> | report <cyklus> --format html|md|docx --out SOUBOR',
      'Ukončení: Ctrl-C',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write('Ukončuji, počkejte prosím – rozpracovaná práce se dokončuje.\n');
      return;
    }
    stopping = true;
    process.stdout.write(`\n${signal}: ukončuji (dokončuji rozpracovanou práci a ukládám data)…\n`);
    system.stop().then(
      () => {
        process.stdout.write('Ukončeno, data jsou uložena.\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`Ukončení se nepovedlo: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

try {
  await main();
} catch (error) {
  if (error instanceof PortInUseError || error instanceof ApiPortInUseError || error instanceof IdentityProviderPortInUseError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
