/**
 * `npm run import-report -- FILE`: prints the projects of an existing monitoring report as JSON.
 * Exit 1 with a one-line message (no stack trace) when the file cannot be read or is not a report.
 */
import { readFile } from 'node:fs/promises';
import { NotAMonitoringReportError, parseMonitoringReport } from '../domain/importer/parse-monitoring-report';

function fail(message: string): void {
  process.stderr.write(`import-report: ${message}\n`);
  process.exitCode = 1;
}

async function main(args: string[]): Promise<void> {
  const [file] = args;
  if (file === undefined || args.length > 1) {
    fail('usage: npm run import-report -- FILE');
    return;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
    return;
  }
  try {
    process.stdout.write(`${JSON.stringify(parseMonitoringReport(text), null, 2)}\n`);
  } catch (error) {
    if (!(error instanceof NotAMonitoringReportError)) throw error;
    fail(`${file}: ${error.message}`);
  }
}

await main(process.argv.slice(2));
