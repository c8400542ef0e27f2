import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEvent, reportReadyV1, reportRequestedV1, submissionReceivedV1 } from '../../../events';
import { handler as assembleReport } from '../../../functions/assemble-report';
import { handler as notifySteeringGroup } from '../../../functions/notify-steering-group';
import { handler as recomputeIndicators } from '../../../functions/recompute-indicators';
import type { SubmissionVersion } from '../../../domain/submission';
import { CYCLE_ID, QUEUES, mockAws, seedOpenCycle, stubAwsEnvironment } from './aws';
import { lambdaContext, sqsEvent, sqsRecord } from './events';

const aws = mockAws();

function version(projectId: string, overrides: Partial<SubmissionVersion> = {}): SubmissionVersion {
  return {
    cycleId: CYCLE_ID,
    projectId,
    version: 1,
    thisPeriod: `Co se udělalo v projektu ${projectId}.`,
    nextPeriodPlan: 'Pokračovat podle plánu.',
    status: 'on-track',
    indicatorContributions: {},
    submittedAt: '2026-03-01T09:00:00.000Z',
    submittedBy: 'k-simonova',
    ...overrides,
  };
}

const submissionReceived = (projectId: string, number = 1) =>
  createEvent(
    submissionReceivedV1,
    { cycleId: CYCLE_ID, projectId, version: number, contactPersonId: 'k-simonova' },
    { correlationId: 'intake-1', now: new Date() },
  );

describe('recompute-indicators', () => {
  beforeEach(async () => {
    stubAwsEnvironment();
    aws.reset();
    await seedOpenCycle(aws);
  });

  it('folds the submission into the cycle’s indicators and marks the request answered', async () => {
    // Prepare
    await aws.store.submissions.appendVersion(version('digitalizace-sbirek', { indicatorContributions: { 'KD-1': 3 } }));

    // Act
    const response = await recomputeIndicators(sqsEvent(submissionReceived('digitalizace-sbirek')), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const totals = await aws.store.indicators.getTotals(CYCLE_ID);
    expect(totals?.values.find((value) => value.code === 'KD-1')).toMatchObject({ periodValue: 3, cumulativeValue: 34 });
    expect(await aws.store.indicators.getContribution(CYCLE_ID, 'digitalizace-sbirek')).toMatchObject({ version: 1, contributions: { 'KD-1': 3 } });
    const requests = await aws.store.cycles.listRequests(CYCLE_ID);
    expect(requests.find((request) => request.projectId === 'digitalizace-sbirek')?.firstSubmittedAt).toBe('2026-03-01T09:00:00.000Z');
  });

  it('requests the report once the last project has been answered', async () => {
    // Prepare
    for (const projectId of ['digitalizace-sbirek', 'elektronicky-podpis', 'taxibusy']) {
      await aws.store.submissions.appendVersion(version(projectId));
    }

    // Act
    await recomputeIndicators(
      sqsEvent(submissionReceived('digitalizace-sbirek'), submissionReceived('elektronicky-podpis'), submissionReceived('taxibusy')),
      lambdaContext(),
    );

    // Assess
    expect(aws.published()).toContainEqual(
      expect.objectContaining({ type: 'report-requested', data: { cycleId: CYCLE_ID, reason: 'complete' } }),
    );
  });

  it('reports only the malformed record of a batch as failed', async () => {
    // Prepare
    await aws.store.submissions.appendVersion(version('taxibusy'));
    const event = sqsEvent(sqsRecord('this is not an event', 'garbage'), submissionReceived('taxibusy'));

    // Act
    const response = await recomputeIndicators(event, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'garbage' }] });
    expect((await aws.store.indicators.listContributions(CYCLE_ID)).map(({ projectId, version }) => ({ projectId, version }))).toEqual([
      { projectId: 'taxibusy', version: 1 },
    ]);
  });

  it('fails an event that belongs to another queue instead of dropping it', async () => {
    // Prepare
    const misrouted = createEvent(reportRequestedV1, { cycleId: CYCLE_ID, reason: 'closed' as const }, { correlationId: 'x', now: new Date() });
    const record = sqsRecord(JSON.stringify(misrouted), 'misrouted');

    // Act
    const response = await recomputeIndicators(sqsEvent(record), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'misrouted' }] });
  });
});

describe('assemble-report and notify-steering-group', () => {
  beforeEach(async () => {
    stubAwsEnvironment();
    aws.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-10T07:00:00.000Z'));
    await seedOpenCycle(aws, { state: 'closed', closedAt: '2026-07-01T08:00:00.000Z', meetingDate: '2026-09-15' });
    await aws.store.submissions.appendVersion(version('digitalizace-sbirek', { thisPeriod: 'Digitalizováno 120 předmětů.' }));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const reportRequested = () =>
    createEvent(reportRequestedV1, { cycleId: CYCLE_ID, reason: 'closed' as const }, { correlationId: 'close-1', now: new Date() });

  it('assembles and stores the report of a closed cycle, then announces it is ready', async () => {
    // Prepare
    const event = sqsEvent(reportRequested());

    // Act
    const response = await assembleReport(event, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const report = await aws.store.reports.getReport(CYCLE_ID);
    expect(report?.period.label).toBe('1. pololetí 2026');
    expect(JSON.stringify(report)).toContain('Digitalizováno 120 předmětů.');
    expect((await aws.store.cycles.getCycle(CYCLE_ID))?.state).toBe('report-ready');
    expect(aws.published()).toEqual([expect.objectContaining({ type: 'report-ready', data: expect.objectContaining({ cycleId: CYCLE_ID }) })]);
    expect(aws.sqs).toHaveReceivedCommandWith(SendMessageBatchCommand, { QueueUrl: QUEUES.notify });
  });

  it('emails the steering group the ready report with the DOCX attached, once', async () => {
    // Prepare
    await assembleReport(sqsEvent(reportRequested()), lambdaContext());
    const ready = createEvent(reportReadyV1, { cycleId: CYCLE_ID, assembledAt: new Date().toISOString() }, { correlationId: 'close-1', now: new Date() });

    // Act
    const first = await notifySteeringGroup(sqsEvent(ready), lambdaContext());
    const again = await notifySteeringGroup(sqsEvent(ready), lambdaContext());

    // Assess
    expect(first).toEqual({ batchItemFailures: [] });
    expect(again).toEqual({ batchItemFailures: [] });
    expect(aws.ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    const input = aws.ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input?.Destination?.ToAddresses).toEqual(['rs1@example.org', 'rs2@example.org']);
    expect(Buffer.from(input?.Content?.Raw?.Data ?? new Uint8Array()).toString('utf8')).toContain('monitorovaci-zprava-2026-H1.docx');
    expect((await aws.store.cycles.getCycle(CYCLE_ID))?.state).toBe('steering-group-notified');
  });
});
