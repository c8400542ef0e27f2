import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler as arrApi } from '../../../functions/arr-api';
import { handler as recomputeIndicators } from '../../../functions/recompute-indicators';
import { handler } from '../../../functions/submission-intake';
import { handler as pageHandler } from '../../../functions/submission-page';
import { CYCLE_ID, QUEUES, expectNoStackTrace, mockAws, seedOpenCycle, seedToken, stubAwsEnvironment } from './aws';
import { formRequest, httpEvent, jsonRequest, lambdaContext, sqsEvent } from './events';

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
    expect(response.headers?.location).toBe(`/s/${token}?ulozeno=digitalizace-sbirek&u=digitalizace-sbirek#projekt-digitalizace-sbirek`);
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
    expect(response.body).toContain('name="digitalizace-sbirek.expectedVersion" value="1"');
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

  it('answers a closed cycle’s link exactly like a link never issued: 404, form and JSON alike', async () => {
    // Prepare
    await seedOpenCycle(aws, { state: 'closed', closedAt: '2026-07-05T10:00:00.000Z' });
    const token = await seedToken(aws);
    const unknown = 'C'.repeat(43);

    // Act
    const [page, api, unknownPage, unknownApi] = await Promise.all([
      handler(formPost(token, validFields), lambdaContext()),
      handler(jsonPost(token, { ...validFields, expectedVersion: 0 }), lambdaContext()),
      handler(formPost(unknown, validFields), lambdaContext()),
      handler(jsonPost(unknown, { ...validFields, expectedVersion: 0 }), lambdaContext()),
    ]);

    // Assess
    expect([page.statusCode, api.statusCode]).toEqual([404, 404]);
    expect(page.body).toBe(unknownPage.body);
    expect(api.body).toBe(unknownApi.body);
    expect(page.body).not.toContain('uzavřen');
    expect(await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek')).toBeNull();
  });

  it('refuses a link it used a moment ago as soon as the link is revoked or its cycle closes', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const revokedToken = await seedToken(aws, 'k-simonova');
    const closedToken = await seedToken(aws, 'v-ondracek');
    const used = await Promise.all([
      handler(jsonPost(revokedToken, { ...validFields, expectedVersion: 0, indicatorContributions: {} }), lambdaContext()),
      handler(jsonPost(closedToken, { ...validFields, expectedVersion: 0, indicatorContributions: {} }, 'taxibusy'), lambdaContext()),
    ]);

    // Act
    await aws.store.tokens.revokeTokens(CYCLE_ID, 'k-simonova', '2026-06-20T08:00:00.000Z');
    const revoked = await handler(jsonPost(revokedToken, { ...validFields, expectedVersion: 1, indicatorContributions: {} }), lambdaContext());
    await aws.store.cycles.transitionCycle(CYCLE_ID, 'open', 'closed', { closedAt: '2026-06-21T08:00:00.000Z' });
    const closed = await handler(jsonPost(closedToken, { ...validFields, expectedVersion: 1, indicatorContributions: {} }, 'taxibusy'), lambdaContext());

    // Assess
    expect(used.map((response) => response.statusCode)).toEqual([201, 201]);
    expect([revoked.statusCode, closed.statusCode]).toEqual([404, 404]);
    expect((await aws.store.submissions.listVersions(CYCLE_ID, 'digitalizace-sbirek')).map((version) => version.version)).toEqual([1]);
    expect((await aws.store.submissions.listVersions(CYCLE_ID, 'taxibusy')).map((version) => version.version)).toEqual([1]);
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

  it('refuses an expectedVersion ahead of the stored one with 409, keeping the history without gaps', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    await handler(jsonPost(token, { ...validFields, expectedVersion: 0, indicatorContributions: {} }), lambdaContext());

    // Act
    const ahead = await handler(jsonPost(token, { ...validFields, expectedVersion: 6, indicatorContributions: {} }), lambdaContext());
    const aheadForm = await handler(formPost(token, { ...validFields, expectedVersion: '2' }), lambdaContext());

    // Assess
    expect(ahead.statusCode).toBe(409);
    expect(JSON.parse(ahead.body ?? '').message).toContain('mezitím upravil někdo jiný');
    expect(aheadForm.statusCode).toBe(409);
    expect(aheadForm.body).toContain('name="digitalizace-sbirek.expectedVersion" value="1"');
    const versions = await aws.store.submissions.listVersions(CYCLE_ID, 'digitalizace-sbirek');
    expect(versions.map((version) => version.version)).toEqual([1]);
  });

  it.each([
    ['a JSON number beyond 2^53', 'json', 1e21],
    ['a JSON number of exactly 2^53', 'json', 2 ** 53],
    ['the largest safe integer, which leaves no next version', 'json', Number.MAX_SAFE_INTEGER],
    ['a numeric string beyond 2^53', 'json', '9007199254740993'],
    ['a form field beyond 2^53', 'form', '9007199254740993'],
    ['a form field in exponent notation', 'form', '1e21'],
    ['a negative number', 'json', -1],
  ])('refuses %s as expectedVersion with a Czech 422, storing nothing', async (_name, kind, expectedVersion) => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    const request =
      kind === 'json'
        ? jsonPost(token, { ...validFields, expectedVersion, indicatorContributions: {} })
        : formPost(token, { ...validFields, expectedVersion: String(expectedVersion) });

    // Act
    const response = await handler(request, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Verze, ze které formulář vychází, není platná');
    expectNoStackTrace(response.body);
    expect(await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek')).toBeNull();
  });

  it('stores every text normalized: NFC, line feeds, no control characters', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    const body = {
      expectedVersion: 0,
      thisPeriod: 'Nove\u0301 sbi\u0301rky\u0000 a\u0007 dals\u030ci\u0301\u0085\r\ndruhý řádek\tse záložkou',
      nextPeriodPlan: 'Plán\u001b[31m',
      status: 'on-track',
      indicatorContributions: {},
    };

    // Act
    const response = await handler(jsonPost(token, body), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(201);
    const stored = await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek');
    expect(stored?.thisPeriod).toBe('Nové sbírky a další\ndruhý řádek\tse záložkou');
    expect(stored?.nextPeriodPlan).toBe('Plán[31m');
  });

  it('refuses a lone surrogate with a Czech 400 naming the field, storing nothing', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    const event = httpEvent({
      routeKey: ROUTE,
      pathParameters: { token, projectId: 'digitalizace-sbirek' },
      headers: { 'content-type': 'application/json' },
      body: '{"expectedVersion":0,"thisPeriod":"Text \\ud800 uprostřed","nextPeriodPlan":"Plán","status":"on-track"}',
    });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '')).toEqual({
      message: 'Požadavek obsahuje neplatný text.',
      details: { thisPeriod: expect.stringContaining('poškozený znak Unicode') },
    });
    expect(await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek')).toBeNull();
  });

  it('refuses a form that sends a field twice with a Czech 400 page, storing nothing', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    const fields = new URLSearchParams(validFields);
    fields.append('status', 'cancelled');
    const event = httpEvent({
      routeKey: ROUTE,
      pathParameters: { token, projectId: 'digitalizace-sbirek' },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toContain('text/html');
    expect(response.body).toContain('Formulář obsahuje některá pole vícekrát.');
    expect(await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek')).toBeNull();
  });
});

describe('a project with a long history', () => {
  beforeEach(() => {
    stubAwsEnvironment();
    aws.reset();
  });

  it.each([999_999, 9_999_999])('stays editable past version %i, and the page and indicators show the newest', async (stored) => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    await aws.store.submissions.appendVersion({
      cycleId: CYCLE_ID,
      projectId: 'digitalizace-sbirek',
      version: stored,
      thisPeriod: 'Starší verze.',
      nextPeriodPlan: 'Plán.',
      status: 'on-track',
      indicatorContributions: { 'KD-1': 1 },
      submittedAt: '2026-03-01T09:00:00.000Z',
      submittedBy: 'k-simonova',
    });
    const next = (expectedVersion: number, amount: number) =>
      jsonPost(token, { ...validFields, expectedVersion, indicatorContributions: { 'KD-1': amount } });

    // Act
    const first = await handler(next(stored, 5), lambdaContext());
    const second = await handler(next(stored + 1, 7), lambdaContext());
    await recomputeIndicators(sqsEvent(...aws.published()), lambdaContext());
    const page = await pageHandler(httpEvent({ routeKey: 'GET /s/{token}', pathParameters: { token } }), lambdaContext());
    const full = await arrApi(
      httpEvent({ routeKey: 'GET /cycles/{cycleId}/indicators', pathParameters: { cycleId: CYCLE_ID } }),
      lambdaContext(),
    );

    // Assess
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(JSON.parse(second.body ?? '')).toEqual({ version: stored + 2 });
    expect(page.body).toContain(`name="digitalizace-sbirek.expectedVersion" value="${stored + 2}"`);
    const incremental = await aws.store.indicators.getTotals(CYCLE_ID);
    const contributions = await aws.store.indicators.listContributions(CYCLE_ID);
    expect(contributions.map(({ projectId, version }) => ({ projectId, version }))).toEqual([
      { projectId: 'digitalizace-sbirek', version: stored + 2 },
    ]);
    const kd1 = JSON.parse(full.body ?? '').indicators.find((row: { code: string }) => row.code === 'KD-1');
    expect(kd1).toMatchObject({ periodValue: 7 });
    expect(incremental?.values.find((value) => value.code === 'KD-1')).toMatchObject({ periodValue: kd1.periodValue, cumulativeValue: kd1.cumulativeValue });
  });
});

describe('POST /s/{token} (the whole page)', () => {
  const PAGE_ROUTE = 'POST /s/{token}';
  const prefixed = (projectId: string, fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).map(([name, value]) => [`${projectId}.${name}`, value]));
  const blank = { expectedVersion: '0', thisPeriod: '', nextPeriodPlan: '', noteToArr: '' };
  const { 'indicatorContributions.KD-1': _kd1, ...withoutIndicator } = validFields;
  const pagePost = (token: string, fields: Record<string, string>) =>
    formRequest({ routeKey: PAGE_ROUTE, pathParameters: { token }, fields });

  beforeEach(() => {
    stubAwsEnvironment();
    aws.reset();
  });

  it('stores the changed project, leaves the untouched one alone and redirects to the pressed button’s section', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);

    // Act
    const response = await handler(
      pagePost(token, { ...prefixed('digitalizace-sbirek', validFields), ...prefixed('elektronicky-podpis', blank), ulozit: 'elektronicky-podpis' }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toBe(`/s/${token}?ulozeno=digitalizace-sbirek&u=elektronicky-podpis#projekt-elektronicky-podpis`);
    expect((await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek'))?.thisPeriod).toBe(validFields.thisPeriod);
    expect(await aws.store.submissions.latestVersion(CYCLE_ID, 'elektronicky-podpis')).toBeNull();
  });

  it('stores the valid project and shows the invalid one again with its text and errors, 422', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    const halfTyped = 'Rozepsaný text, který se nesmí ztratit.';

    // Act
    const response = await handler(
      pagePost(token, {
        ...prefixed('digitalizace-sbirek', validFields),
        ...prefixed('elektronicky-podpis', { ...blank, nextPeriodPlan: halfTyped }),
        ulozit: 'digitalizace-sbirek',
      }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain(halfTyped);
    expect(response.body).toContain('Popište, co se v tomto období na projektu udělalo.');
    expect(response.body).toContain('Podklady k projektu „Digitalizace sbírek muzea“ byly uloženy.');
    expect((await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek'))?.version).toBe(1);
    expect(await aws.store.submissions.latestVersion(CYCLE_ID, 'elektronicky-podpis')).toBeNull();
  });

  it('reports a stale version at its project with 409, keeps its text and still stores the other project', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    await handler(pagePost(token, prefixed('elektronicky-podpis', withoutIndicator)), lambdaContext());
    const mine = 'Můj text napsaný nad starou verzí.';

    // Act
    const response = await handler(
      pagePost(token, {
        ...prefixed('digitalizace-sbirek', validFields),
        ...prefixed('elektronicky-podpis', { ...withoutIndicator, thisPeriod: mine }),
      }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain(mine);
    expect(response.body).toContain('Projekt mezitím upravil někdo jiný.');
    expect(response.body).toContain('name="elektronicky-podpis.expectedVersion" value="1"');
    expect((await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek'))?.version).toBe(1);
    expect((await aws.store.submissions.listVersions(CYCLE_ID, 'elektronicky-podpis')).map((version) => version.thisPeriod)).toEqual([
      validFields.thisPeriod,
    ]);
  });

  it('answers JSON with every project’s outcome', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);

    // Act
    const response = await handler(
      jsonRequest({
        routeKey: PAGE_ROUTE,
        pathParameters: { token },
        body: {
          'digitalizace-sbirek': { ...withoutIndicator, expectedVersion: 0, indicatorContributions: { 'KD-1': 3 } },
          'elektronicky-podpis': { expectedVersion: 0, thisPeriod: '', nextPeriodPlan: '' },
        },
      }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}')).toEqual({
      projects: [
        { projectId: 'digitalizace-sbirek', outcome: 'saved', version: 1 },
        { projectId: 'elektronicky-podpis', outcome: 'unchanged' },
      ],
    });
  });

  it('stores the person’s projects and reports one that is not theirs (given to someone else) with 409, storing nothing for it', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);

    // Act
    const response = await handler(
      pagePost(token, { ...prefixed('digitalizace-sbirek', validFields), ...prefixed('taxibusy', validFields) }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Jeden projekt se neuložil');
    expect(response.body).toContain('ARR mezitím změnila jeho kontaktní osobu');
    expect((await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek'))?.version).toBe(1);
    expect(await aws.store.submissions.latestVersion(CYCLE_ID, 'taxibusy')).toBeNull();
  });

  it('refuses a post naming many projects not the person’s with 403, having read nothing but the link', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    const forged = Array.from({ length: 60 }, (_, index) => prefixed(`cizi-projekt-${index}`, { ...validFields, expectedVersion: '1' }));

    // Act
    const response = await handler(pagePost(token, Object.assign({}, ...forged)), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(403);
    const keysRead = aws.table.client
      .commandCalls(BatchGetCommand)
      .flatMap((call) => Object.values(call.args[0].input.RequestItems ?? {}).flatMap((request) => request.Keys ?? []));
    expect(keysRead.map((key) => String(key['SK']))).toContain('CYCLE');
    expect(keysRead.filter((key) => String(key['SK']).startsWith('V#'))).toEqual([]);
  });

  it('answers a closed cycle’s link like one never issued: the uniform 404', async () => {
    // Prepare
    await seedOpenCycle(aws, { state: 'closed', closedAt: '2026-07-05T10:00:00.000Z' });
    const token = await seedToken(aws);

    // Act
    const [closed, unknown] = await Promise.all([
      handler(pagePost(token, prefixed('digitalizace-sbirek', validFields)), lambdaContext()),
      handler(pagePost('A'.repeat(43), prefixed('digitalizace-sbirek', validFields)), lambdaContext()),
    ]);

    // Assess
    expect(closed.statusCode).toBe(404);
    expect(closed.body).toBe(unknown.body);
    expect(await aws.store.submissions.latestVersion(CYCLE_ID, 'digitalizace-sbirek')).toBeNull();
  });
});
