/**
 * Sends fuzzed requests to a target (the handlers directly, or the local stack over HTTP), counts
 * the answers, and checks the invariants every so often and at the end.
 */
import fc from 'fast-check';
import { checkInvariants, type StoreView, type Violations } from './invariants';
import { fuzzRequest, type FuzzRequest, type FuzzWorld, type HttpCall } from './requests';

export interface FuzzTarget {
  /** Sends one request; resolves to the HTTP status. */
  send(call: HttpCall): Promise<number>;
  /** Runs everything queued (the indicator recomputations) to the end. */
  drain(): Promise<void>;
  store: StoreView;
}

export interface FuzzSummary {
  requests: number;
  byStatus: Record<number, number>;
  serverErrors: number;
  /** The first few requests answered with a 5xx, for a person to reproduce. */
  serverErrorSamples: string[];
  invalidStored: number;
  versionGaps: number;
  indicatorMismatches: number;
  /** The first few violations, described. */
  violationSamples: string[];
  checks: number;
  checked: Violations['checked'];
}

const SAMPLES = 5;

function describeCall(call: HttpCall): string {
  return `${call.route} ${JSON.stringify({ ...call.pathParameters, token: '…' })} ${call.contentType ?? '(no content type)'} ${JSON.stringify((call.body ?? '').slice(0, 200))}`;
}

/** Sends one generated request and gives the statuses and the calls that produced them. */
export async function sendRequest(target: FuzzTarget, world: FuzzWorld, request: FuzzRequest): Promise<Array<{ call: HttpCall; status: number }>> {
  if (request.kind === 'call') return [{ call: request.call, status: await target.send(request.call) }];
  const latest = (await target.store.submissions.latestVersion(world.cycleId, request.projectId))?.version ?? 0;
  if (request.kind === 'submission') {
    const call = request.render(latest);
    return [{ call, status: await target.send(call) }];
  }
  const calls = request.posts.map((render) => render(latest));
  const statuses = await Promise.all(calls.map((call) => target.send(call)));
  return calls.map((call, index) => ({ call, status: statuses[index] as number }));
}

export function emptySummary(): FuzzSummary {
  return {
    requests: 0,
    byStatus: {},
    serverErrors: 0,
    serverErrorSamples: [],
    invalidStored: 0,
    versionGaps: 0,
    indicatorMismatches: 0,
    violationSamples: [],
    checks: 0,
    checked: { versions: 0, chapters: 0, projects: 0 },
  };
}

export async function recordCheck(target: FuzzTarget, world: FuzzWorld, summary: FuzzSummary): Promise<void> {
  await target.drain();
  const violations = await checkInvariants(target.store, world);
  summary.checks += 1;
  summary.checked = violations.checked;
  // Gaps and invalid versions stay in the store, so a later check sees them again: count distinct ones.
  const seen = new Set(summary.violationSamples);
  for (const [kind, list] of [['invalid stored', violations.invalidStored], ['version gap', violations.versionGaps], ['indicators', violations.indicatorMismatches]] as const) {
    for (const violation of list) {
      const described = `${kind}: ${violation}`;
      if (seen.has(described)) continue;
      seen.add(described);
      if (kind === 'invalid stored') summary.invalidStored += 1;
      if (kind === 'version gap') summary.versionGaps += 1;
      if (kind === 'indicators') summary.indicatorMismatches += 1;
      if (summary.violationSamples.length < SAMPLES) summary.violationSamples.push(described);
    }
  }
}

export async function runFuzz(
  target: FuzzTarget,
  world: FuzzWorld,
  options: { runs: number; seed: number; checkEvery: number; onProgress?: (done: number, summary: FuzzSummary) => void },
): Promise<FuzzSummary> {
  const summary = emptySummary();
  const requests = fc.sample(fuzzRequest(world), { numRuns: options.runs, seed: options.seed });
  for (const [index, request] of requests.entries()) {
    for (const { call, status } of await sendRequest(target, world, request)) {
      summary.requests += 1;
      summary.byStatus[status] = (summary.byStatus[status] ?? 0) + 1;
      if (status >= 500) {
        summary.serverErrors += 1;
        if (summary.serverErrorSamples.length < SAMPLES) summary.serverErrorSamples.push(`${status} ${describeCall(call)}`);
      }
    }
    if ((index + 1) % options.checkEvery === 0) {
      await recordCheck(target, world, summary);
      options.onProgress?.(index + 1, summary);
    }
  }
  if (requests.length % options.checkEvery !== 0) await recordCheck(target, world, summary);
  return summary;
}

export function formatSummary(summary: FuzzSummary, context: { seconds: number; seed: number; cases: number }): string {
  const statuses = Object.entries(summary.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status} ×${count}`)
    .join(', ');
  return [
    `Intake fuzz: ${context.cases} cases (${summary.requests} requests) in ${context.seconds.toFixed(1)} s, seed ${context.seed}`,
    `  answers:               ${statuses}`,
    `  5xx:                   ${summary.serverErrors}`,
    `  invalid stored:        ${summary.invalidStored} (checked ${summary.checked.versions} versions and ${summary.checked.chapters} chapters, ${summary.checks} times)`,
    `  version gaps:          ${summary.versionGaps} (${summary.checked.projects} projects)`,
    `  indicator mismatches:  ${summary.indicatorMismatches} (incremental vs. full recomputation)`,
    ...summary.serverErrorSamples.map((sample) => `  5xx sample: ${sample}`),
    ...summary.violationSamples.map((sample) => `  violation: ${sample}`),
  ].join('\n');
}
