import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as closeCycle } from '../../../functions/close-cycle';
import { handler as openCycle } from '../../../functions/open-cycle';
import { CYCLE_ID, expectNoStackTrace, mockAws, seedOpenCycle, stubAwsEnvironment, testPlan } from './aws';
import { httpEvent, jsonRequest, lambdaContext } from './events';

const aws = mockAws();

const openRequest = (body: unknown) => jsonRequest({ routeKey: 'POST /cycles', body });
afterEach(() => {
  vi.useRealTimers();
});

const closeRequest = (cycleId = CYCLE_ID) =>
  httpEvent({ routeKey: 'POST /cycles/{cycleId}/close', pathParameters: { cycleId } });

describe('POST /cycles', () => {
  beforeEach(async () => {
    // The system clock is the composition root's clock: pin it before the 2026-H2 deadline.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-01T08:00:00.000Z'));
    stubAwsEnvironment();
    aws.reset();
    await aws.store.plans.savePlan(testPlan);
  });

  it('opens the cycle with 201 and queues one invitation per contact person', async () => {
    // Prepare
    const event = openRequest({ period: '2026-H2', deadline: '2026-12-15', meetingDate: '2027-01-20' });

    // Act
    const response = await openCycle(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ id: '2026-H2', state: 'open', meetingDate: '2027-01-20' });
    expect(response.headers?.location).toBe('/cycles/2026-H2');
    const invitations = aws.published().filter((event) => event.type === 'invitation-requested');
    expect(invitations.map((event) => event.data)).toEqual([
      { cycleId: '2026-H2', contactPersonId: 'k-simonova' },
      { cycleId: '2026-H2', contactPersonId: 'v-ondracek' },
    ]);
    expect(new Set(aws.published().map((event) => event.correlationId))).toEqual(new Set([event.requestContext.requestId]));
  });

  it('answers an invalid request with 400 and Czech messages per field', async () => {
    // Prepare
    const event = openRequest({ period: '2026-H3', deadline: 'zítra' });

    // Act
    const response = await openCycle(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    const body = JSON.parse(response.body ?? '');
    expect(body.details.period).toContain('Období „2026-H3“ není platné');
    expect(body.details.meetingDate).toBe('Zadejte datum ve tvaru RRRR-MM-DD.');
    expect(aws.published()).toEqual([]);
  });

  it('answers malformed JSON with 400 and says so', async () => {
    // Prepare
    const event = httpEvent({ routeKey: 'POST /cycles', headers: { 'content-type': 'application/json' }, body: '{period: 2026-H2}' });

    // Act
    const response = await openCycle(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    const body = JSON.parse(response.body ?? '');
    expect(body.message).toBe('Tělo požadavku není platný JSON.');
    expect(body.details.body).toMatch(/^JSON nelze přečíst/);
  });

  it('refuses to open a period twice with 409', async () => {
    // Prepare
    const body = { period: '2026-H2', deadline: '2026-12-15', meetingDate: '2027-01-20' };
    await openCycle(openRequest(body), lambdaContext());

    // Act
    const response = await openCycle(openRequest(body), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body ?? '').message).toBe('Cyklus 2026-H2 už existuje.');
  });

  it('hides an internal failure behind a generic message with the request id', async () => {
    // Prepare
    aws.table.client.rejects(new Error('ProvisionedThroughputExceeded at table monitoring-test'));
    const event = openRequest({ period: '2026-H2', deadline: '2026-12-15', meetingDate: '2027-01-20' });

    // Act
    const response = await openCycle(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(500);
    const body = JSON.parse(response.body ?? '');
    expect(body).toEqual({
      message: 'Nastala neočekávaná chyba. Zkuste to prosím později.',
      messageEn: 'An unexpected error occurred. Please try again later.',
      requestId: event.requestContext.requestId,
    });
    expectNoStackTrace(response.body);
  });
});

describe('POST /cycles/{cycleId}/close', () => {
  beforeEach(async () => {
    stubAwsEnvironment();
    aws.reset();
    await seedOpenCycle(aws);
  });

  it('closes an open cycle with 200 and requests the report', async () => {
    // Prepare
    const event = closeRequest();

    // Act
    const response = await closeCycle(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ id: CYCLE_ID, state: 'closed', closeReason: 'manual' });
    expect((await aws.store.cycles.getCycle(CYCLE_ID))?.state).toBe('closed');
    // "cycle closed" has no consumer, so only the report request is queued.
    expect(aws.published()).toEqual([
      expect.objectContaining({ type: 'report-requested', data: { cycleId: CYCLE_ID, reason: 'closed' } }),
    ]);
  });

  it('refuses to close the same cycle twice with 409', async () => {
    // Prepare
    await closeCycle(closeRequest(), lambdaContext());
    aws.sqs.resetHistory();

    // Act
    const response = await closeCycle(closeRequest(), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body ?? '').message).toBe('Cyklus ve stavu „uzavřený“ nelze uzavřít.');
    expect(aws.published()).toEqual([]);
  });

  it('answers 409 when the conditional state change loses a race', async () => {
    // Prepare
    aws.table.client
      .on(UpdateCommand, { ExpressionAttributeValues: { ':from': 'open', ':to': 'closed' } })
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const response = await closeCycle(closeRequest(), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body ?? '').message).toContain('mezitím změnil stav');
    expect(aws.published()).toEqual([]);
  });

  it('answers an unknown cycle with 404', async () => {
    // Prepare
    const event = closeRequest('2030-H1');

    // Act
    const response = await closeCycle(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body ?? '').message).toBe('Cyklus 2030-H1 neexistuje.');
  });
});
