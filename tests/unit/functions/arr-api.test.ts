import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/arr-api';
import { buildMonitoringReport } from '../../../domain/report/build-monitoring-report';
import { parsePeriodId } from '../../../domain/period';
import { CYCLE_ID, QUEUES, expectNoStackTrace, mockAws, seedOpenCycle, seedToken, stubAwsEnvironment, testPlan } from './aws';
import { httpEvent, jsonRequest, lambdaContext } from './events';

const aws = mockAws();

function get(routeKey: string, pathParameters: Record<string, string> = {}, query?: Record<string, string>) {
  return httpEvent({ routeKey, pathParameters, ...(query ? { query } : {}) });
}

async function seedReport(cycleId: string): Promise<void> {
  const period = parsePeriodId(cycleId);
  const report = buildMonitoringReport({
    plan: testPlan,
    period,
    requestedProjectIds: testPlan.projects.map((project) => project.id),
    current: [
      {
        cycleId,
        projectId: 'digitalizace-sbirek',
        version: 1,
        thisPeriod: `Digitalizace v období ${period.shortLabel}.`,
        nextPeriodPlan: 'Další sbírky.',
        status: 'on-track',
        indicatorContributions: { 'KD-1': 2 },
        submittedAt: `${period.firstDay}T09:00:00.000Z`,
        submittedBy: 'k-simonova',
      },
    ],
    previous: [],
    agency: {},
    slips: [],
    indicators: [],
    generatedAt: new Date(`${period.lastDay}T12:00:00.000Z`),
  });
  await aws.store.reports.saveReport(cycleId, report);
}

const trends = {
  events: [{ month: '2026-03', name: 'Konference Smart Cities 2026' }],
  smartDocuments: ['Strategie SMART regionu'],
  opportunities: [],
};

describe('ARR API', () => {
  beforeEach(async () => {
    stubAwsEnvironment();
    aws.reset();
    await seedOpenCycle(aws);
  });

  it('GET /cycles lists the cycles with their completeness', async () => {
    // Prepare
    await aws.store.cycles.markRequestSubmitted(CYCLE_ID, 'taxibusy', 1, '2026-03-01T09:00:00.000Z');

    // Act
    const response = await handler(get('GET /cycles'), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    const [cycle] = JSON.parse(response.body ?? '').cycles;
    expect(cycle).toMatchObject({ id: CYCLE_ID, stateLabel: 'otevřený' });
    expect(cycle.totals).toMatchObject({ projects: 3, submitted: 1, percentSubmitted: 33 });
  });

  it('GET /cycles/{cycleId} shows the cycle and answers an unknown one with 404', async () => {
    // Prepare
    const known = get('GET /cycles/{cycleId}', { cycleId: CYCLE_ID });
    const unknown = get('GET /cycles/{cycleId}', { cycleId: '2031-H2' });

    // Act
    const [found, missing] = [await handler(known, lambdaContext()), await handler(unknown, lambdaContext())];

    // Assess
    expect(found.statusCode).toBe(200);
    expect(JSON.parse(found.body ?? '').cycle).toMatchObject({ id: CYCLE_ID, state: 'open' });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body ?? '').message).toBe('Cyklus 2031-H2 neexistuje.');
  });

  it('GET /cycles/{cycleId}/indicators gives JSON by default and CSV on request', async () => {
    // Prepare
    await aws.store.submissions.appendVersion({
      cycleId: CYCLE_ID,
      projectId: 'digitalizace-sbirek',
      version: 1,
      thisPeriod: 'Digitalizace.',
      nextPeriodPlan: 'Další.',
      status: 'on-track',
      indicatorContributions: { 'KD-1': 4 },
      submittedAt: '2026-03-01T09:00:00.000Z',
      submittedBy: 'k-simonova',
    });
    const route = 'GET /cycles/{cycleId}/indicators';

    // Act
    const asJson = await handler(get(route, { cycleId: CYCLE_ID }), lambdaContext());
    const asCsv = await handler(get(route, { cycleId: CYCLE_ID }, { format: 'csv' }), lambdaContext());

    // Assess
    expect(asJson.statusCode).toBe(200);
    const kd1 = JSON.parse(asJson.body ?? '').indicators.find((row: { code: string }) => row.code === 'KD-1');
    expect(kd1).toMatchObject({ periodValue: 4, cumulativeValue: 35 });
    expect(asCsv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(asCsv.headers?.['content-disposition']).toContain('indikatory-2026-H1.csv');
    expect(asCsv.body).toContain(
      '01/2026,KD-1,"Počet sbírek, u kterých byla zahájena digitalizace",Moderní prezentace kulturního dědictví a cílů cestovního ruchu,4,35,počet,2026-06-30',
    );
  });

  it('GET /indicators exports every cycle as open data: CSV rows and JSON with portal metadata', async () => {
    // Prepare
    await aws.store.submissions.appendVersion({
      cycleId: CYCLE_ID,
      projectId: 'digitalizace-sbirek',
      version: 1,
      thisPeriod: 'Digitalizace.',
      nextPeriodPlan: 'Další.',
      status: 'on-track',
      indicatorContributions: { 'KD-1': 4 },
      submittedAt: '2026-03-01T09:00:00.000Z',
      submittedBy: 'k-simonova',
    });

    // Act
    const asJson = await handler(get('GET /indicators'), lambdaContext());
    const asCsv = await handler(get('GET /indicators', {}, { format: 'csv' }), lambdaContext());

    // Assess
    const document = JSON.parse(asJson.body ?? '');
    expect(document).toMatchObject({ publisher: 'Liberecký kraj', periods: ['01/2026'], language: 'cs' });
    expect(document.contactPoint.email).toMatch(/@/);
    expect(document.rows).toContainEqual(expect.objectContaining({ obdobi: '01/2026', kod: 'KD-1', hodnota_za_obdobi: 4, kumulativni_hodnota: 35 }));
    expect(asCsv.body?.split('\r\n')[0]).toBe('\uFEFFobdobi,kod,indikator,oblast_aktivit,hodnota_za_obdobi,kumulativni_hodnota,jednotka,stav_k');
    expect(asCsv.body).toContain('01/2026,KD-1,');
  });

  it('answers an unknown format with 400 and the list of formats', async () => {
    // Prepare
    const event = get('GET /cycles/{cycleId}/report', { cycleId: CYCLE_ID }, { format: 'pdf' });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    const body = JSON.parse(response.body ?? '');
    expect(body.message).toBe('Formát „pdf“ není podporován. Podporované formáty: html, md, docx, json.');
    expect(body.details.format).toBe('Použijte jeden z formátů: html, md, docx, json.');
  });

  it('GET /cycles/{cycleId}/report serves HTML, Markdown, JSON and DOCX as a base64 download', async () => {
    // Prepare
    await seedReport(CYCLE_ID);
    const request = (format: string) => get('GET /cycles/{cycleId}/report', { cycleId: CYCLE_ID }, { format });

    // Act
    const [htmlPage, markdown, json, docx] = await Promise.all(
      ['html', 'md', 'json', 'docx'].map((format) => handler(request(format), lambdaContext())),
    );

    // Assess
    expect(htmlPage?.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(htmlPage?.body).toContain('Digitalizace v období 01/2026.');
    expect(markdown?.headers?.['content-type']).toBe('text/markdown; charset=utf-8');
    expect(markdown?.body).toContain('Digitalizace v období 01/2026.');
    expect(JSON.parse(json?.body ?? '').period.shortLabel).toBe('01/2026');
    expect(docx?.isBase64Encoded).toBe(true);
    expect(docx?.headers?.['content-disposition']).toBe(
      `attachment; filename="monitorovaci-zprava-2026-H1.docx"; filename*=UTF-8''monitorovaci-zprava-2026-H1.docx`,
    );
    expect(Buffer.from(docx?.body ?? '', 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('answers a report that was not assembled yet with 404', async () => {
    // Prepare
    const event = get('GET /cycles/{cycleId}/report', { cycleId: CYCLE_ID });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body ?? '').message).toBe('Monitorovací zpráva za cyklus 2026-H1 ještě nebyla sestavena.');
  });

  it('GET /years/{year}/report builds the annual report from both half-years', async () => {
    // Prepare
    await seedReport('2025-H1');
    await seedReport('2025-H2');
    const event = get('GET /years/{year}/report', { year: '2025' }, { format: 'md' });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('2025');
    expect(response.headers?.['content-disposition']).toContain('vyrocni-zprava-2025.md');
  });

  it('PUT /years/{year}/texts stores ARR’s text, prints it in the annual report, and refuses bad input in Czech with 400', async () => {
    // Prepare
    await seedReport('2025-H1');
    await seedReport('2025-H2');
    const put = (body: unknown, year = '2025') =>
      handler(jsonRequest({ routeKey: 'PUT /years/{year}/texts', pathParameters: { year }, body }), lambdaContext());

    // Act
    const saved = await put({ texts: { 'kd-a1': 'Digitalizovány další sbírky.\n\n- Krajská knihovna – nové pracoviště' } });
    const refused = await put({ texts: { 'kd-a1': '   ', 'neznama-aktivita': 'x', 'ek-a1': 'a'.repeat(20_001) } });
    const noReports = await put({ texts: { 'kd-a1': 'Text.' } }, '2019');
    const listed = await handler(get('GET /years/{year}/texts', { year: '2025' }), lambdaContext());
    const annual = await handler(get('GET /years/{year}/report', { year: '2025' }, { format: 'md' }), lambdaContext());

    // Assess
    expect(saved.statusCode).toBe(200);
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body ?? '').details).toEqual({
      'texts.kd-a1': 'Text nesmí být prázdný. Pro návrat k předvyplněnému textu pošlete null.',
      'texts.ek-a1': 'Text může mít nejvýše 20\u00a0000 znaků.',
      'texts.neznama-aktivita': 'Aktivita „neznama-aktivita“ v akčním plánu není.',
    });
    expect(noReports.statusCode).toBe(404);
    expect(JSON.parse(noReports.body ?? '').message).toContain('Za rok 2019 není žádná monitorovací zpráva');
    const texts = JSON.parse(listed.body ?? '').texts as Array<{ key: string; edited: boolean; text: string; prefill: string }>;
    expect(texts.map((text) => [text.key, text.edited])).toEqual([
      ['kd-a1', true],
      ['ek-a1', false],
      ['mimo-oblasti-aktivit', false],
    ]);
    // The 1st half-year's „Digitalizace v období 01/2025.“ is all but the same text: only the later one stays.
    expect(texts[0]?.prefill).toMatch(/^V roce 2025 byly realizovány tyto projekty a činnosti:\n\n- .+ – Digitalizace v období 02\/2025\.$/);
    expect(annual.body).toContain('Digitalizovány další sbírky.\n\n- Krajská knihovna – nové pracoviště');
  });

  it('PUT /cycles/{cycleId}/agency/{section} stores ARR’s chapter and validates it in Czech', async () => {
    // Prepare
    const route = 'PUT /cycles/{cycleId}/agency/{section}';
    const valid = jsonRequest({ routeKey: route, pathParameters: { cycleId: CYCLE_ID, section: 'trends' }, body: trends });
    const invalid = jsonRequest({
      routeKey: route,
      pathParameters: { cycleId: CYCLE_ID, section: 'trends' },
      body: { ...trends, events: [{ month: 'březen', name: '' }] },
    });
    const malformed = httpEvent({
      routeKey: route,
      pathParameters: { cycleId: CYCLE_ID, section: 'trends' },
      headers: { 'content-type': 'application/json' },
      body: '{"events": [',
    });

    // Act
    const stored = await handler(valid, lambdaContext());
    const refused = await handler(invalid, lambdaContext());
    const unreadable = await handler(malformed, lambdaContext());

    // Assess
    expect(stored.statusCode).toBe(200);
    expect((await aws.store.agency.getAgencySections(CYCLE_ID)).trends?.events).toEqual(trends.events);
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body ?? '').details).toMatchObject({ 'events.0.month': 'Zadejte měsíc ve tvaru RRRR-MM.' });
    expect(unreadable.statusCode).toBe(400);
    expect(JSON.parse(unreadable.body ?? '').message).toBe('Tělo požadavku není platný JSON.');
  });

  it('POST …/token revokes the old link and queues an invitation with a new one', async () => {
    // Prepare
    const oldToken = await seedToken(aws, 'k-simonova');
    const event = httpEvent({
      routeKey: 'POST /cycles/{cycleId}/contacts/{contactPersonId}/token',
      pathParameters: { cycleId: CYCLE_ID, contactPersonId: 'k-simonova' },
    });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(202);
    expect(JSON.parse(response.body ?? '')).toEqual({ revoked: 1 });
    expect(aws.published()).toEqual([
      expect.objectContaining({ type: 'invitation-requested', data: { cycleId: CYCLE_ID, contactPersonId: 'k-simonova', replacesRevokedLinks: true } }),
    ]);
    expect(aws.sqs).toHaveReceivedCommandWith(SendMessageBatchCommand, { QueueUrl: QUEUES.mail });
    const tokens = aws.table.find((item) => String(item['PK']).startsWith('TOKEN#'));
    expect(tokens.filter((item) => item['revokedAt'] !== undefined)).toHaveLength(1);
    expect(oldToken).toHaveLength(43);
  });

  it('DELETE …/token revokes the person’s links', async () => {
    // Prepare
    await seedToken(aws, 'v-ondracek');
    await seedToken(aws, 'v-ondracek');
    const event = httpEvent({
      routeKey: 'DELETE /cycles/{cycleId}/contacts/{contactPersonId}/token',
      pathParameters: { cycleId: CYCLE_ID, contactPersonId: 'v-ondracek' },
    });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toEqual({ revoked: 2 });
  });

  it('answers an unknown route with 404 JSON', async () => {
    // Prepare
    const event = httpEvent({ routeKey: 'PATCH /cycles/{cycleId}', pathParameters: { cycleId: CYCLE_ID } });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body ?? '')).toEqual({ message: 'Neznámá adresa: PATCH /cycles/{cycleId}.' });
  });

  it('never answers with a stack trace when a renderer or the storage fails', async () => {
    // Prepare
    aws.table.client.rejects(Object.assign(new TypeError('Cannot read properties of undefined'), { stack: 'TypeError\n    at x (/var/task/index.mjs:1:1)' }));

    // Act
    const response = await handler(get('GET /cycles'), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('Cannot read properties');
    expectNoStackTrace(response.body);
  });
});
