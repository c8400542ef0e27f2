/**
 * Property tests of the contact person's routes and ARR's chapters: the real handlers over the
 * real DynamoDB adapters (the table faked in memory), fed with whatever fast-check generates.
 * `npm run fuzz` runs the same requests, many more of them, against the local stack.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../../events';
import { handler as arrApi } from '../../../functions/arr-api';
import { handler as recomputeIndicators } from '../../../functions/recompute-indicators';
import { handler as submissionIntake } from '../../../functions/submission-intake';
import { handler as submissionPage } from '../../../functions/submission-page';
import { checkInvariants } from '../../../scripts/fuzz/invariants';
import { fuzzRequest, type FuzzRequest, type FuzzWorld, type HttpCall } from '../../../scripts/fuzz/requests';
import { sendRequest, type FuzzTarget } from '../../../scripts/fuzz/run';
import { CYCLE_ID, mockAws, seedOpenCycle, seedToken, stubAwsEnvironment, testPlan } from './aws';
import { httpEvent, jsonRequest, lambdaContext, sqsEvent } from './events';

const aws = mockAws();
const ROUTE = 'POST /s/{token}/projects/{projectId}';

/** The handlers as API Gateway would call them, and the queue consumer fed with what they queued. */
function handlerTarget(): FuzzTarget {
  let delivered = 0;
  return {
    async send(call: HttpCall) {
      const event = httpEvent({
        routeKey: call.route,
        pathParameters: call.pathParameters,
        ...(call.query ? { query: call.query } : {}),
        headers: call.contentType === undefined ? {} : { 'content-type': call.contentType },
        ...(call.body === undefined ? {} : { body: call.body }),
      });
      const handler = call.route === 'GET /s/{token}' ? submissionPage : call.route === ROUTE ? submissionIntake : arrApi;
      // A response without a status would reach the client as a gateway error.
      return (await handler(event, lambdaContext())).statusCode ?? 502;
    },
    async drain() {
      const queued = aws.published().filter((event): event is AnyEvent => event.type === 'submission-received');
      const fresh = queued.slice(delivered);
      delivered = queued.length;
      if (fresh.length === 0) return;
      const result = await recomputeIndicators(sqsEvent(...fresh), lambdaContext());
      expect(result).toEqual({ batchItemFailures: [] });
    },
    store: { ...aws.store, clock: { now: () => new Date('2026-06-01T08:00:00Z') } },
  };
}

async function freshWorld(): Promise<{ world: FuzzWorld; target: FuzzTarget }> {
  aws.reset();
  await seedOpenCycle(aws);
  const token = await seedToken(aws, 'k-simonova');
  const world: FuzzWorld = {
    cycleId: CYCLE_ID,
    token,
    projects: { 'digitalizace-sbirek': ['KD-1'], 'elektronicky-podpis': ['EK-1'] },
    foreignProjectIds: ['taxibusy'],
    indicatorCodes: testPlan.indicators.map((indicator) => indicator.code),
    // Each invalid link waits out 300 ms; the handler tests cover them one by one.
    invalidLinkWeight: 0,
  };
  return { world, target: handlerTarget() };
}

/** The same shape of world for generating requests; the token is replaced by each run's own. */
const templateWorld: FuzzWorld = {
  cycleId: CYCLE_ID,
  token: 'replaced-per-run',
  projects: { 'digitalizace-sbirek': ['KD-1'], 'elektronicky-podpis': ['EK-1'] },
  foreignProjectIds: ['taxibusy'],
  indicatorCodes: ['KD-1', 'EK-1'],
  invalidLinkWeight: 0,
};

describe('the intake under arbitrary requests', () => {
  beforeEach(() => {
    stubAwsEnvironment();
  });

  it('never answers 5xx, stores nothing invalid, keeps every history contiguous and the indicators equal to a full recomputation', async () => {
    // Prepare
    const requests = fc.array(fuzzRequest(templateWorld), { minLength: 1, maxLength: 8 });

    // Act
    const property = fc.asyncProperty(requests, async (generated) => {
      const { world, target } = await freshWorld();
      for (const request of generated) {
        const withToken = rebind(request, world.token);
        for (const { status } of await sendRequest(target, world, withToken)) expect(status).toBeLessThan(500);
      }
      await target.drain();
      const violations = await checkInvariants(target.store, world);
      expect([...violations.invalidStored, ...violations.versionGaps, ...violations.indicatorMismatches]).toEqual([]);
    });

    // Assess
    await fc.assert(property, { numRuns: 100 });
  });

  it('stores a version exactly when expectedVersion is the stored one, for any number or numeric text', async () => {
    // Prepare
    const stored = fc.integer({ min: 0, max: 3 });
    const sent = fc.oneof(
      fc.integer({ min: -2, max: 5 }),
      fc.constantFrom(2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -0, 0.5, 1.0000001),
      fc.double(),
      fc.bigInt({ min: 2n ** 52n, max: 2n ** 70n }).map(String),
      fc.integer({ min: 0, max: 5 }).map((value) => ` ${value} `),
      fc.constantFrom('1e0', '0x1', '+1', '1.0', '', '١'),
    );

    // Act
    const property = fc.asyncProperty(stored, sent, async (storedVersions, expectedVersion) => {
      const { world, target } = await freshWorld();
      for (let version = 0; version < storedVersions; version += 1) {
        const call = jsonRequest({ routeKey: ROUTE, pathParameters: { token: world.token, projectId: 'digitalizace-sbirek' }, body: { ...validBody, expectedVersion: version } });
        expect((await submissionIntake(call, lambdaContext())).statusCode).toBe(201);
      }
      const response = await submissionIntake(
        jsonRequest({ routeKey: ROUTE, pathParameters: { token: world.token, projectId: 'digitalizace-sbirek' }, body: { ...validBody, expectedVersion } }),
        lambdaContext(),
      );
      const numeric = typeof expectedVersion === 'string' && /^\s*\d+\s*$/.test(expectedVersion) ? Number(expectedVersion) : expectedVersion;
      const versions = (await target.store.submissions.listVersions(CYCLE_ID, 'digitalizace-sbirek')).map((version) => version.version);
      if (numeric === storedVersions) {
        expect(response.statusCode).toBe(201);
        expect(versions).toEqual(Array.from({ length: storedVersions + 1 }, (_, index) => index + 1));
      } else {
        expect([409, 422]).toContain(response.statusCode);
        expect(versions).toEqual(Array.from({ length: storedVersions }, (_, index) => index + 1));
      }
    });

    // Assess
    await fc.assert(property, { numRuns: 80 });
  });
});

const validBody = {
  thisPeriod: 'Digitalizováno 120 předmětů.',
  nextPeriodPlan: 'Pokračovat sbírkou porcelánu.',
  status: 'on-track',
  indicatorContributions: { 'KD-1': 2 },
};

/** A generated request under this run's personal link instead of the template's. */
function rebind(request: FuzzRequest, token: string): FuzzRequest {
  const swap = (call: HttpCall): HttpCall =>
    call.pathParameters.token === templateWorld.token ? { ...call, pathParameters: { ...call.pathParameters, token } } : call;
  if (request.kind === 'call') return { ...request, call: swap(request.call) };
  if (request.kind === 'submission') return { ...request, render: (latest: number) => swap(request.render(latest)) };
  return { ...request, posts: request.posts.map((render) => (latest: number) => swap(render(latest))) };
}
