/**
 * A small `npm run fuzz` in the test suite: generated requests against the local stack over HTTP,
 * through dynalite's real marshalling (where a number beyond 2^53 once became a 500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalFuzzStack, type LocalFuzzStack } from '../../scripts/fuzz/local-target';
import { formatSummary, runFuzz } from '../../scripts/fuzz/run';

let stack: LocalFuzzStack;

beforeAll(async () => {
  stack = await startLocalFuzzStack({ invalidLinkWeight: 0 });
});

afterAll(async () => {
  await stack?.stop();
});

describe('the local stack under generated requests', () => {
  it('answers no 5xx, stores nothing invalid, keeps histories contiguous and indicators equal to a full recomputation', async () => {
    // Prepare
    const seed = Date.now() % 2 ** 31;
    const cases = 150;

    // Act
    const summary = await runFuzz(stack.target, stack.world, { runs: cases, seed, checkEvery: 50 });

    // Assess
    const report = formatSummary(summary, { seconds: 0, seed, cases });
    expect(summary.requests, report).toBeGreaterThanOrEqual(cases);
    expect(summary.checked.versions, report).toBeGreaterThan(0);
    expect(
      { serverErrors: summary.serverErrors, invalidStored: summary.invalidStored, versionGaps: summary.versionGaps, indicatorMismatches: summary.indicatorMismatches },
      report,
    ).toEqual({ serverErrors: 0, invalidStored: 0, versionGaps: 0, indicatorMismatches: 0 });
  });
});
