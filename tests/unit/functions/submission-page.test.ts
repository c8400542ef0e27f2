import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/submission-page';
import { CYCLE_ID, expectNoStackTrace, mockAws, seedOpenCycle, seedToken, stubAwsEnvironment } from './aws';
import { httpEvent, lambdaContext } from './events';

const aws = mockAws();

function pageRequest(token: string, query?: Record<string, string>) {
  return httpEvent({ routeKey: 'GET /s/{token}', pathParameters: { token }, ...(query ? { query } : {}) });
}

describe('GET /s/{token}', () => {
  beforeEach(() => {
    stubAwsEnvironment();
    aws.reset();
  });

  it('shows the contact person every project of theirs, with a form posting back under the same link', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws, 'k-simonova');

    // Act
    const response = await handler(pageRequest(token), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toContain('text/html');
    expect(response.body).toContain('K. Šimonová');
    expect(response.body).toContain('Digitalizace sbírek muzea');
    expect(response.body).toContain('Elektronický podpis na úřadě');
    expect(response.body).not.toContain('Taxibusy');
    expect(response.body).toContain(`<form method="post" action="/s/${token}">`);
    expect(response.body?.match(/<form\b/g)).toHaveLength(1);
    expect(response.body).toContain('Podklady za 1. pololetí 2026');
  });

  it('sends the page uncached, without a referrer and under a strict content security policy', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);

    // Act
    const response = await handler(pageRequest(token), lambdaContext());

    // Assess
    expect(response.headers?.['cache-control']).toBe('no-store');
    expect(response.headers?.['referrer-policy']).toBe('no-referrer');
    const csp = response.headers?.['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('thanks the person for the project named in ?ulozeno= after a save', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);

    // Act
    const response = await handler(pageRequest(token, { ulozeno: 'elektronicky-podpis' }), lambdaContext());

    // Assess
    expect(response.body).toContain('Podklady k projektu „Elektronický podpis na úřadě“ byly uloženy.');
  });

  it('shows the stored answers of a project reported before', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    await aws.store.submissions.appendVersion({
      cycleId: CYCLE_ID,
      projectId: 'digitalizace-sbirek',
      version: 1,
      thisPeriod: 'Digitalizováno 120 předmětů.',
      nextPeriodPlan: 'Pokračovat ve sbírce skla.',
      status: 'on-track',
      indicatorContributions: { 'KD-1': 2 },
      submittedAt: '2026-03-01T09:00:00.000Z',
      submittedBy: 'k-simonova',
    });

    // Act
    const response = await handler(pageRequest(token), lambdaContext());

    // Assess
    expect(response.body).toContain('Digitalizováno 120 předmětů.');
    expect(response.body).toContain('value="2"');
    expect(response.body).toContain('name="digitalizace-sbirek.expectedVersion" value="1"');
  });

  it('answers an unknown and a revoked link with the very same 404 page', async () => {
    // Prepare
    await seedOpenCycle(aws);
    const revoked = await seedToken(aws, 'k-simonova', { revoked: true });
    const unknown = 'A'.repeat(43);

    // Act
    const responses = await Promise.all(
      [unknown, revoked, 'not-even-a-token'].map((token) => handler(pageRequest(token), lambdaContext())),
    );

    // Assess
    for (const response of responses) {
      expect(response.statusCode).toBe(404);
      expect(response.body).toBe(responses[0]?.body);
      expect(response.headers).toEqual(responses[0]?.headers);
    }
    expect(responses[0]?.body).toContain('Odkaz není platný');
    expect(responses[0]?.body).toContain('ARR vám pošle nový odkaz');
  });

  it('shows a closed cycle’s link a read-only summary of what the person sent, with no form', async () => {
    // Prepare
    await seedOpenCycle(aws, { id: '2025-H2', state: 'closed', deadline: '2025-12-31T22:59:59.000Z', meetingDate: '2026-02-01' });
    const closed = await seedToken(aws, 'k-simonova', { cycleId: '2025-H2' });
    await aws.store.submissions.appendVersion({
      cycleId: '2025-H2',
      projectId: 'digitalizace-sbirek',
      version: 1,
      thisPeriod: 'Digitalizováno 120 předmětů.',
      nextPeriodPlan: 'Pokračovat ve sbírce skla.',
      status: 'on-track',
      indicatorContributions: { 'KD-1': 2 },
      submittedAt: '2025-12-01T09:00:00.000Z',
      submittedBy: 'k-simonova',
    });

    // Act
    const response = await handler(pageRequest(closed), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('byl uzavřen');
    expect(response.body).toContain('Digitalizováno 120 předmětů.');
    expect(response.body).toContain('Odesláno 1. 12. 2025 (verze 1)');
    expect(response.body).toContain('Neodesláno');
    expect(response.body).not.toContain('<form');
    expect(response.body).not.toContain('<textarea');
  });

  it('never puts a stack trace into the page when the storage fails', async () => {
    // Prepare
    aws.table.client.rejects(new Error('Connection reset by peer'));
    const token = 'B'.repeat(43);

    // Act
    const response = await handler(pageRequest(token), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Nastala neočekávaná chyba');
    expect(response.body).not.toContain('Connection reset');
    expectNoStackTrace(response.body);
  });
});
