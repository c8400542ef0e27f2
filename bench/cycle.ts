/**
 * One monitoring cycle on the local stack, phase by phase, measured: wall time, the DynamoDB
 * requests the store makes (by operation, with consumed capacity, from the store's
 * `onConsumedCapacity`), every DynamoDB request the process sends (SDK middleware, so the
 * Powertools idempotency records are counted too), and the emails sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createAwsClients } from '../adapters/aws-clients';
import type { ActionPlan } from '../domain/plan';
import { activityAreaOfProject } from '../domain/plan';
import { parsePeriodId } from '../domain/period';
import { pragueInstant } from '../domain/time';
import { localAwsEndpoints, MovableClock } from '../local/composition';
import {
  ArrApi,
  ContactSession,
  createPrng,
  invitationLinks,
  type ProjectForm,
} from '../local/scenario';
import { agencyChapters, projectReportText } from '../local/scenario/texts';
import { clearSentEmails, listSentEmails } from '../local/ses-inbox';
import { LOCAL_TABLE_NAME, startLocalSystem, type LocalSystem } from '../local/system';
import { inParallel } from './parallel';

export interface PhaseMetrics {
  name: string;
  wallMs: number;
  /** Store requests by DynamoDB operation. */
  storeRequests: Record<string, number>;
  /** Consumed capacity units by operation, as DynamoDB (here dynalite) reports them. */
  capacityUnits: Record<string, number>;
  /** Every DynamoDB request of the process by command, idempotency records included. */
  sdkRequests: Record<string, number>;
  /** Refused requests by `Command:ErrorName`: conditional-write conflicts show up here. */
  sdkErrors: Record<string, number>;
  emailsSent: number;
  /** Phase-specific counts, e.g. HTTP requests made. */
  counts: Record<string, number>;
}

/** Latency percentiles of a set of requests, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
}

export function latencySummary(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: Number(at(0.5).toFixed(1)), p95: Number(at(0.95).toFixed(1)) };
}

export interface CycleBenchmark {
  label: string;
  /**
   * Every POST of a form (HTTP round trip on the local stack) in the submissions phase, where
   * `concurrency` persons at once also load their pages (GET, the heavier request).
   */
  intakeLatency: LatencySummary;
  /** The POSTs of the edits burst: `concurrency` at once and nothing else, like the bare PutItems. */
  editLatency: LatencySummary;
  /**
   * The floor: a bare PutItem of an item the size of a stored submission, on the same emulator,
   * from the same process, at the same concurrency, right after the submissions.
   */
  barePutItem: LatencySummary & { itemBytes: number };
  /**
   * One post at a time, each followed by one bare PutItem (see measureOneAtATime): a request's
   * latency without the queue of others in the shared process. The intake target is judged on it.
   */
  oneAtATime: { intake: LatencySummary; barePutItem: LatencySummary };
  /** Times the monitoring report was stored (assembled), by phase. */
  reportAssemblies: Record<string, number>;
  planProjects: number;
  planContacts: number;
  /** Active projects: one request each. */
  requestedProjects: number;
  invitedContacts: number;
  startupMs: number;
  phases: PhaseMetrics[];
}

class Meter {
  private current: PhaseMetrics | null = null;
  readonly assemblies: Record<string, number> = {};

  assembled(): void {
    if (this.current === null) return;
    this.assemblies[this.current.name] = (this.assemblies[this.current.name] ?? 0) + 1;
  }

  begin(name: string): PhaseMetrics {
    this.current = { name, wallMs: 0, storeRequests: {}, capacityUnits: {}, sdkRequests: {}, sdkErrors: {}, emailsSent: 0, counts: {} };
    return this.current;
  }

  end(): void {
    this.current = null;
  }

  store(operation: string, capacity: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
    if (this.current === null) return;
    const { storeRequests, capacityUnits } = this.current;
    storeRequests[operation] = (storeRequests[operation] ?? 0) + 1;
    const units = [capacity ?? []].flat().reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
    capacityUnits[operation] = (capacityUnits[operation] ?? 0) + units;
  }

  sdk(command: string): void {
    if (this.current === null) return;
    this.current.sdkRequests[command] = (this.current.sdkRequests[command] ?? 0) + 1;
  }

  sdkError(command: string, error: unknown): void {
    if (this.current === null) return;
    const key = `${command}:${(error as { name?: string }).name ?? 'Error'}`;
    this.current.sdkErrors[key] = (this.current.sdkErrors[key] ?? 0) + 1;
  }
}

export interface CycleBenchmarkOptions {
  label: string;
  plan: ActionPlan;
  /** The generated plan is stored before opening; the Liberec one is loaded by the system itself. */
  loadPlan: boolean;
  /** Contact persons posting at the same time. */
  concurrency: number;
  log: (line: string) => void;
}

const PERIOD = '2026-H1';
const DEADLINE = '2026-07-15';

/** A stored submission version to copy: the item the bare PutItem writes, the size intake writes. */
async function storedSubmission(system: LocalSystem, plan: ActionPlan): Promise<Record<string, unknown>> {
  const { documents } = createAwsClients(localAwsEndpoints(system.endpoints));
  for (const project of plan.projects) {
    const { Items } = await documents.send(
      new QueryCommand({
        TableName: LOCAL_TABLE_NAME,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `CYCLE#${PERIOD}#PROJECT#${project.id}` },
        Limit: 1,
      }),
    );
    const sample = Items?.[0];
    if (sample !== undefined) return sample;
  }
  throw new Error('No stored submission to copy for the bare PutItem.');
}

/**
 * A PutItem of a copy of `template` under keys no query of the design reads, with the same client
 * settings the store uses; resolves to its latency in milliseconds.
 */
function barePutItem(system: LocalSystem, template: Record<string, unknown>): (key: string) => Promise<number> {
  const { documents } = createAwsClients(localAwsEndpoints(system.endpoints));
  return async (key) => {
    const started = performance.now();
    await documents.send(
      new PutCommand({
        TableName: LOCAL_TABLE_NAME,
        Item: { ...template, PK: `BENCH#PUT#${key}`, SK: 'V#000001', GSI1PK: undefined, GSI1SK: undefined },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return performance.now() - started;
  };
}

/** `count` bare PutItems, `concurrency` at once. */
async function measureBarePutItem(
  system: LocalSystem,
  template: Record<string, unknown>,
  concurrency: number,
  count: number,
): Promise<LatencySummary & { itemBytes: number }> {
  const put = barePutItem(system, template);
  const latencies: number[] = [];
  await inParallel(
    Array.from({ length: count }, (_, index) => index),
    concurrency,
    async (index) => {
      latencies.push(await put(String(index)));
    },
  );
  return { ...latencySummary(latencies), itemBytes: Buffer.byteLength(JSON.stringify(template)) };
}

/** Posts of the one-at-a-time measurement, each followed by one bare PutItem. */
const ONE_AT_A_TIME_POSTS = 200;

/**
 * Request latency as a deployed function sees it. Lambda gives each concurrent request an
 * execution environment of its own, so a request never waits for another's CPU; in the local
 * stack every request, handler and emulator shares one Node process, and 16 requests at once
 * measure mostly the queue for that process. So: one person's post at a time, each followed by
 * one bare PutItem of a stored submission's copy, both on the same emulator in the same state.
 */
async function measureOneAtATime(
  put: (key: string) => Promise<number>,
  answered: ReadonlyArray<{ session: ContactSession; form: ProjectForm }>,
  latestVersion: Map<string, number>,
): Promise<{ intake: LatencySummary; barePutItem: LatencySummary }> {
  const intake: number[] = [];
  const bare: number[] = [];
  for (let index = 0; index < ONE_AT_A_TIME_POSTS && answered.length > 0; index += 1) {
    const { session, form } = answered[index % answered.length]!;
    const posted = performance.now();
    const outcome = await session.submit(form, latestVersion.get(form.projectId) ?? 0, {
      thisPeriod: `Doplněný popis činností (${index + 1}. oprava).`,
      nextPeriodPlan: 'Pokračování projektu.',
      status: 'on-track',
      indicatorContributions: Object.fromEntries(form.indicatorCodes.map((code) => [code, index % 3])),
    });
    intake.push(performance.now() - posted);
    if (!outcome.ok) throw new Error(`Post of ${form.projectId} refused: HTTP ${outcome.status} ${outcome.body}`);
    latestVersion.set(form.projectId, outcome.version);
    bare.push(await put(`ONE#${index}`));
  }
  return { intake: latencySummary(intake), barePutItem: latencySummary(bare) };
}

export async function benchmarkCycle(options: CycleBenchmarkOptions): Promise<CycleBenchmark> {
  const { plan, log } = options;
  const meter = new Meter();
  const dataDir = await mkdtemp(join(tmpdir(), 'chytrejsi-kraj-bench-'));
  const clock = new MovableClock(pragueInstant('2026-06-01', 8, 0), { frozen: true });
  const startedAt = performance.now();
  let system: LocalSystem | undefined;
  try {
    system = await startLocalSystem({
      dataDir,
      clock,
      background: false,
      config: { planId: plan.id },
      // Only the Liberec catalog has a history to pre-fill from.
      ...(options.loadPlan ? { historyDir: null } : {}),
      // A queue message that failed comes back after the visibility timeout; the stack's 60 s
      // would measure waiting, not work. The retries themselves are counted (sdkErrors).
      visibilityTimeoutSeconds: 5,
      storeOptions: { onConsumedCapacity: (operation, capacity) => meter.store(operation, capacity) },
    });
    const running = system;
    // The SES emulator's inbox is shared by every system this process started: an earlier
    // run's invitations for the same period would otherwise be read as this run's.
    await clearSentEmails(running.endpoints.ses);
    createAwsClients(localAwsEndpoints(running.endpoints)).dynamodb.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? 'unknown';
        meter.sdk(command);
        // The report's header is written last, once per assembly.
        // (plain before the document client marshals it, `{ S }` after)
        const sortKey = (args.input as { Item?: Record<string, unknown> }).Item?.['SK'];
        if (command === 'PutItemCommand' && (sortKey === 'REPORT' || (sortKey as { S?: string } | undefined)?.S === 'REPORT')) meter.assembled();
        try {
          return await next(args);
        } catch (error) {
          meter.sdkError(command, error);
          throw error;
        }
      },
      { step: 'initialize', name: 'benchRequestCounter' },
    );
    if (options.loadPlan) await running.deps.plans.savePlan(plan);
    const startupMs = performance.now() - startedAt;
    const arr = new ArrApi(running.apiUrl, running.arrKey);
    const period = parsePeriodId(PERIOD);
    const phases: PhaseMetrics[] = [];

    const phase = async (name: string, work: (metrics: PhaseMetrics) => Promise<void>): Promise<void> => {
      const metrics = meter.begin(name);
      const emailsBefore = (await listSentEmails(running.endpoints.ses)).length;
      const started = performance.now();
      await work(metrics);
      metrics.wallMs = performance.now() - started;
      meter.end();
      metrics.emailsSent = (await listSentEmails(running.endpoints.ses)).length - emailsBefore;
      phases.push(metrics);
      log(`  ${name}: ${(metrics.wallMs / 1000).toFixed(1)} s`);
    };

    await phase('open+invite', async (metrics) => {
      await arr.json('POST', '/cycles', { period: PERIOD, deadline: DEADLINE, meetingDate: '2026-09-10' });
      await running.drainQueues();
      metrics.counts.httpRequests = 1;
    });

    const links = invitationLinks(await listSentEmails(running.endpoints.ses), period.label);
    // One person stays silent, so the cycle is not complete and the report is assembled once, at the close.
    const [silent, ...answering] = [...links.keys()].sort();
    const prng = createPrng(2026);
    const projectsById = new Map(plan.projects.map((project) => [project.id, project]));
    const intakeLatencies: number[] = [];
    const editLatencies: number[] = [];
    /** One form per answered project, with the session that sent it: the edits phase sends them again. */
    const answered: Array<{ session: ContactSession; form: ProjectForm }> = [];
    /** The newest stored version of each answered project: the `expectedVersion` of its next post. */
    const latestVersion = new Map<string, number>();

    await phase('submissions', async (metrics) => {
      const started = performance.now();
      clock.set(pragueInstant('2026-06-15', 10));
      let pages = 0;
      let posts = 0;
      const step = Math.max(1, Math.ceil(answering.length / 10));
      await inParallel(answering, options.concurrency, async (email) => {
        const session = new ContactSession(running.apiUrl, links.get(email)!);
        const forms: ProjectForm[] = await session.loadForms();
        pages += 1;
        if (pages % step === 0) log(`    ${pages}/${answering.length} osob, ${((performance.now() - started) / 1000).toFixed(0)} s`);
        for (const form of forms) {
          if (form.expectedVersion > 0) continue;
          const project = projectsById.get(form.projectId);
          const projectPrng = prng.fork(form.projectId);
          const text = projectReportText({
            areaId: project ? (activityAreaOfProject(plan, project)?.id ?? null) : null,
            previousPlan: form.previousPlan,
            prng: projectPrng,
          });
          const contributions = Object.fromEntries(form.indicatorCodes.map((code) => [code, projectPrng.int(0, 2)]));
          const posted = performance.now();
          let outcome = await session.submit(form, 0, { ...text, indicatorContributions: contributions });
          intakeLatencies.push(performance.now() - posted);
          if (!outcome.ok && outcome.status === 409) {
            // A co-reporter sent it in the meantime: this person's version goes on top of theirs.
            const reloaded = (await session.loadForms()).find((candidate) => candidate.projectId === form.projectId)!;
            outcome = await session.submit(reloaded, reloaded.expectedVersion, { ...text, indicatorContributions: contributions });
            metrics.counts.conflicts = (metrics.counts.conflicts ?? 0) + 1;
          }
          if (!outcome.ok) throw new Error(`Submission of ${form.projectId} refused: HTTP ${outcome.status} ${outcome.body}`);
          answered.push({ session, form });
          latestVersion.set(form.projectId, outcome.version);
          posts += 1;
        }
      });
      metrics.counts.pages = pages;
      metrics.counts.submissions = posts;
    });

    const submissionItem = await storedSubmission(running, plan);
    const barePutItemLatency = await measureBarePutItem(running, submissionItem, options.concurrency, Math.min(500, Math.max(100, intakeLatencies.length)));

    await phase('recompute', async (metrics) => {
      await running.drainQueues();
      const indicators = await arr.json<{ indicators: unknown[] }>('GET', `/cycles/${PERIOD}/indicators?format=json`);
      metrics.counts.indicators = indicators.indicators.length;
      const overview = await arr.json<{ completeness: { totals: { submitted: number; projects: number } } }>('GET', `/cycles/${PERIOD}`);
      metrics.counts.submittedProjects = overview.completeness.totals.submitted;
      metrics.counts.requestedProjects = overview.completeness.totals.projects;
    });

    await phase('reminder sweep', async () => {
      clock.set(pragueInstant('2026-07-01', 9, 5));
      await running.runSchedule('reminder-sweep');
      await running.drainQueues();
    });

    // The silent person answers at last, so the cycle is complete and its report assembled once;
    // then a burst of edits, which must not assemble it again per edit (only when read).
    await phase('edits (complete cycle)', async (metrics) => {
      clock.set(pragueInstant('2026-07-02', 10));
      if (silent !== undefined) {
        const session = new ContactSession(running.apiUrl, links.get(silent)!);
        for (const form of await session.loadForms()) {
          if (form.expectedVersion > 0) continue;
          const outcome = await session.submit(form, 0, { thisPeriod: 'Podklady dodány po upomínce.', nextPeriodPlan: 'Pokračování.', status: 'on-track', indicatorContributions: {} });
          if (!outcome.ok) throw new Error(`Submission of ${form.projectId} refused: HTTP ${outcome.status}`);
          metrics.counts.lateSubmissions = (metrics.counts.lateSubmissions ?? 0) + 1;
        }
      }
      await running.drainQueues();
      const edits = answered.slice(0, Math.min(100, Math.max(5, Math.ceil(answered.length * 0.05))));
      await inParallel(edits, options.concurrency, async ({ session, form }) => {
        const posted = performance.now();
        const outcome = await session.submit(form, 1, {
          thisPeriod: 'Opravený popis činností.',
          nextPeriodPlan: 'Pokračování projektu.',
          status: 'on-track',
          indicatorContributions: Object.fromEntries(form.indicatorCodes.map((code) => [code, 1])),
        });
        editLatencies.push(performance.now() - posted);
        if (!outcome.ok && outcome.status !== 409) throw new Error(`Edit of ${form.projectId} refused: HTTP ${outcome.status}`);
        if (outcome.ok) {
          metrics.counts.edits = (metrics.counts.edits ?? 0) + 1;
          latestVersion.set(form.projectId, outcome.version);
        }
      });
      await running.drainQueues();
      // ARR reads the report once after the burst: it is assembled again then, once.
      await arr.bytes(`/cycles/${PERIOD}/report?format=json`);
      await arr.bytes(`/cycles/${PERIOD}/report?format=json`);
      metrics.counts.reportReads = 2;
    });

    // Outside the phases: extra versions that are no part of a cycle's cost.
    const oneAtATime = await measureOneAtATime(barePutItem(running, submissionItem), answered, latestVersion);
    await running.drainQueues();

    await phase('report', async (metrics) => {
      clock.set(pragueInstant('2026-07-23', 10));
      for (const [section, content] of Object.entries(agencyChapters(period, prng.fork('agency'), 84))) {
        await arr.json('PUT', `/cycles/${PERIOD}/agency/${section}`, content);
      }
      await arr.json('POST', `/cycles/${PERIOD}/close`);
      await running.drainQueues();
      for (const format of ['json', 'html', 'md', 'docx'] as const) {
        const started = performance.now();
        const body = await arr.bytes(`/cycles/${PERIOD}/report?format=${format}`);
        metrics.counts[`${format}Bytes`] = body.length;
        metrics.counts[`${format}FetchMs`] = Math.round(performance.now() - started);
      }
      metrics.counts.indicatorsCsvBytes = (await arr.bytes(`/cycles/${PERIOD}/indicators?format=csv`)).length;
    });

    log(`  (mlčící kontaktní osoba: ${silent ?? '–'})`);
    return {
      label: options.label,
      planProjects: plan.projects.length,
      planContacts: plan.contactPersons.length,
      requestedProjects: plan.projects.filter((project) => project.lifecycle === 'active').length,
      invitedContacts: links.size,
      startupMs,
      phases,
      intakeLatency: latencySummary(intakeLatencies),
      editLatency: latencySummary(editLatencies),
      barePutItem: barePutItemLatency,
      oneAtATime,
      reportAssemblies: meter.assemblies,
    };
  } finally {
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
