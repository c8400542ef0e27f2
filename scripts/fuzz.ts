/**
 * `npm run fuzz [-- --cases N --seed S]`: sends 10,000 generated requests (arbitrary JSON and form
 * bodies, unicode edge cases, numbers at and beyond 2^53, duplicate form fields, forged versions,
 * racing posts, ARR's chapters) to the local stack over HTTP, and prints a summary: answers by
 * status, 5xx, invalid stored values, gaps in version histories and indicator mismatches. A run
 * with any of the last four exits 1. It is a tool, not a test; the tests run a small sample.
 */
import { parseArgs } from 'node:util';
import { startLocalFuzzStack } from './fuzz/local-target';
import { formatSummary, runFuzz } from './fuzz/run';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '10000' }, seed: { type: 'string' } },
});
const cases = Number(values.cases);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isSafeInteger(cases) || cases < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--cases N] [--seed S]\n');
  process.exit(2);
}

const started = performance.now();
process.stdout.write(`Starting the local stack and opening a cycle…\n`);
// Invalid links wait out the uniform 300 ms delay; one request in about two hundred is enough.
const stack = await startLocalFuzzStack({ invalidLinkWeight: 1 });
try {
  const summary = await runFuzz(stack.target, stack.world, {
    runs: cases,
    seed,
    checkEvery: 500,
    onProgress: (done, progress) =>
      process.stdout.write(
        `  ${done}/${cases} cases, ${progress.serverErrors} 5xx, ${progress.invalidStored} invalid stored, ${progress.versionGaps} gaps, ${progress.indicatorMismatches} indicator mismatches\n`,
      ),
  });
  process.stdout.write(`${formatSummary(summary, { seconds: (performance.now() - started) / 1000, seed, cases })}\n`);
  if (summary.serverErrors + summary.invalidStored + summary.versionGaps + summary.indicatorMismatches > 0) process.exitCode = 1;
} finally {
  await stack.stop();
}
