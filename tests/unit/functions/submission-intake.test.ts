import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/submission-intake';
import { CYCLE_ID, QUEUES, expectNoStackTrace, mockAws, seedOpenCycle, seedToken, stubAwsEnvironment } from './aws';
import { formRequest, httpEvent, jsonRequest, lambdaContext } from './events';

const aws = mockAws();
const ROUTE = 'POST /s/{token}/projects/{projectId}';

const validFields = {
  expectedVersion: '0',
  thisPeriod: 'Digitalizováno 120 předmětů ze sbírky skla.',
  nextPeriodPlan: 'Pokračovat sbírkou porcelánu.',
  status: 'on-track',
  'indicatorContributions.KD-1': '3',
  noteToArr: '',
};

function formPost(token: string, fields: Record<string, string>, projectId = 'digitalizace-sbirek') {
  return formRequest({ routeKey: ROUTE, pathParameters: { token, projectId }, fields });
}

function jsonPost(token: string, body: unknown, projectId = 'digitalizace-sbirek') {
  return jsonRequest({ routeKey: ROUTE, pathParameters: { token, projectId }, body });
}

describe('POST /s/{token}/projects/{projectId}', () => {
  beforeEach(() => {
    stubAwsEnvironment();
    aws.reset();
  });

  it('stores a form post as version 1, queues the recomputation and redirects back to the project', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);

    // Act
    const response = await handler(formPost(token, validFields), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toBe(`/s/${token}?ulozeno=digitalizace-sbirek#projekt-digitalizace-sbirek`);
    const stored = await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek');
    expect(stored).toMatchObject({ version: 1, status: 'on-track', indicatorContributions: { 'KD-1': 3 }, submittedBy: 'k-simonova' });
    expect(aws.published()).toEqual([
      expect.objectContaining({ type: 'submission-received', data: expect.objectContaining({ projectId: 'digitalizace-sbirek', version: 1 }) }),
    ]);
    expect(aws.sqs).toHaveReceivedCommandWith(SendMessageBatchCommand, { QueueUrl: QUEUES.submissions });
  });

  it('answers a JSON client with 201 and the stored version', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);

    // Act
    const response = await handler(
      jsonPost(token, { ...validFields, expectedVersion: 0, indicatorContributions: { 'KD-1': 3 } }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body ?? '')).toEqual({ version: 1 });
  });

  it('re-renders an invalid form with 422, the person’s input and Czech messages next to the fields', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    const fields = { ...validFields, thisPeriod: '   ', 'indicatorContributions.KD-1': 'hodně', nextPeriodPlan: 'Můj rozepsaný plán' };

    // Act
    const response = await handler(formPost(token, fields), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(422);
    expect(response.headers?.['content-type']).toContain('text/html');
    expect(response.body).toContain('Podklady se nepodařilo uložit');
    expect(response.body).toContain('Popište, co se v tomto období na projektu udělalo.');
    expect(response.body).toContain('Zadejte celé číslo od 0 do 1 000 000.');
    expect(response.body).toContain('Můj rozepsaný plán');
    expect(response.body).toContain('value="hodně"');
    expect(response.body).toContain('aria-invalid="true"');
    expect(await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek')).toBeNull();
    expect(aws.published()).toEqual([]);
  });

  it('answers an invalid JSON submission with 422, the message and the field details', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);

    // Act
    const response = await handler(jsonPost(token, { expectedVersion: 0, status: 'hotovo' }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(422);
    const body = JSON.parse(response.body ?? '');
    expect(body.message).toBe('Formulář obsahuje chyby.');
    expect(body.details).toMatchObject({ thisPeriod: expect.any(String), status: 'Vyberte stav projektu.' });
  });

  it('answers malformed JSON with 400 and a clear message', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    const event = httpEvent({
      routeKey: ROUTE,
      pathParameters: { token, projectId: 'digitalizace-sbirek' },
      headers: { 'content-type': 'application/json' },
      body: '{"thisPeriod": "nedokončeno',
    });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '').message).toBe('Tělo požadavku není platný JSON.');
    expectNoStackTrace(response.body);
  });

  it('refuses a post based on an outdated version with a 409 page that keeps the input', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    await handler(formPost(token, validFields), lambdaContext());
    const stale = { ...validFields, thisPeriod: 'Můj starší text, který nesmí přepsat novější verzi.' };

    // Act
    const response = await handler(formPost(token, stale), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Projekt mezitím upravil někdo jiný.');
    expect(response.body).toContain('Můj starší text, který nesmí přepsat novější verzi.');
    expect(response.body).toContain('name="expectedVersion" value="1"');
    const versions = await aws.store.submissions.listVersions(CYCLE_ID, 'digitalizace-sbirek');
    expect(versions.map((version) => version.thisPeriod)).toEqual([validFields.thisPeriod]);
  });

  it('answers a JSON client’s conditional-check conflict with 409 JSON', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    aws.table.client
      .on(PutCommand, { Item: { projectId: 'digitalizace-sbirek', version: 1 } })
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const response = await handler(
      jsonPost(token, { ...validFields, expectedVersion: 0, indicatorContributions: {} }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body ?? '').message).toContain('mezitím upravil někdo jiný');
  });

  it('tells the person with 410 that a closed cycle no longer takes reports', async () => {
    // Prepare
    await seedOpenCycle(aws, { state: 'closed', closedAt: '2026-07-05T10:00:00.000Z' });
    const token = await seedToken(aws);

    // Act
    const [page, api] = await Promise.all([
      handler(formPost(token, validFields), lambdaContext()),
      handler(jsonPost(token, { ...validFields, expectedVersion: 0 }), lambdaContext()),
    ]);

    // Assess
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Sběr podkladů je uzavřen');
    expect(page.body).toContain('obraťte se prosím na ARR');
    expect(api.statusCode).toBe(410);
  });

  it('answers a post under an unknown link with the invalid-link page', async () => {
    // Prepare
    await seedOpenCycle(aws);

    // Act
    const response = await handler(formPost('C'.repeat(43), validFields), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Odkaz není platný');
  });

  it('refuses a project that is not the person’s with 403', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws, 'k-simonova');

    // Act
    const response = await handler(jsonPost(token, { ...validFields, expectedVersion: 0 }, 'taxibusy'), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(403);
  });
});
