import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as autoClose } from '../../../functions/auto-close';
import { handler as reminderSweep } from '../../../functions/reminder-sweep';
import { handler as steeringGroupSchedule } from '../../../functions/steering-group-schedule';
import { buildMonitoringReport } from '../../../domain/report/build-monitoring-report';
import { parsePeriodId } from '../../../domain/period';
import { CYCLE_ID, QUEUES, mockAws, seedOpenCycle, seedToken, stubAwsEnvironment, testPlan } from './aws';
import { lambdaContext, scheduledEvent } from './events';

const aws = mockAws();

/** Prague wall-clock time in summer (UTC+2). */
function atPrague(isoLocal: string): Date {
  return new Date(`${isoLocal}+02:00`);
}

describe('scheduled functions', () => {
  beforeEach(() => {
    stubAwsEnvironment();
    aws.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reminder sweep queues one reminder per contact person with missing projects', async () => {
    // Prepare
    vi.setSystemTime(atPrague('2026-06-24T09:00:00'));
    await seedOpenCycle(aws);
    await aws.store.cycles.markRequestSubmitted(CYCLE_ID, 'digitalizace-sbirek', 1, '2026-03-01T09:00:00.000Z');
    await aws.store.cycles.markRequestSubmitted(CYCLE_ID, 'elektronicky-podpis', 1, '2026-03-01T09:00:00.000Z');
    const context = lambdaContext('reminder-sweep');

    // Act
    const result = await reminderSweep(scheduledEvent, context);

    // Assess
    expect(result).toMatchObject({ cycles: 1, remindersQueued: 1, escalationsQueued: 0 });
    expect(aws.published()).toEqual([
      expect.objectContaining({
        type: 'reminder-due',
        correlationId: context.awsRequestId,
        data: { cycleId: CYCLE_ID, stage: 'before-7d', audience: { kind: 'contact', contactPersonId: 'v-ondracek' } },
      }),
    ]);
    expect(aws.sqs).toHaveReceivedCommandWith(SendMessageBatchCommand, { QueueUrl: QUEUES.mail });
  });

  it('reminder sweep run twice queues nothing the second time', async () => {
    // Prepare
    vi.setSystemTime(atPrague('2026-06-24T09:00:00'));
    await seedOpenCycle(aws);
    // Both were invited: the invitation issued each a link.
    await seedToken(aws, 'k-simonova');
    await seedToken(aws, 'v-ondracek');
    await reminderSweep(scheduledEvent, lambdaContext('reminder-sweep'));
    aws.sqs.resetHistory();

    // Act
    const result = await reminderSweep(scheduledEvent, lambdaContext('reminder-sweep'));

    // Assess
    expect(result).toMatchObject({ remindersQueued: 0, invitationsRequeued: 0 });
    expect(aws.published()).toEqual([]);
  });

  it('auto-close closes a cycle once its grace days and its escalation day have passed, and no earlier', async () => {
    // Prepare: deadline 30 June, grace 3 days (3 July), escalation 7 days after (7 July).
    await seedOpenCycle(aws);
    vi.setSystemTime(atPrague('2026-07-07T12:00:00'));
    const early = await autoClose(scheduledEvent, lambdaContext('auto-close'));
    vi.setSystemTime(atPrague('2026-07-08T00:05:00'));

    // Act
    const result = await autoClose(scheduledEvent, lambdaContext('auto-close'));

    // Assess
    expect(early).toEqual({ closed: [] });
    expect(result).toEqual({ closed: [CYCLE_ID] });
    expect(await aws.store.cycles.getCycle(CYCLE_ID)).toMatchObject({ state: 'closed', closeReason: 'deadline' });
  });

  it('steering group schedule sends a ready report when the notice falls due, not before', async () => {
    // Prepare
    await seedOpenCycle(aws, { state: 'report-ready', meetingDate: '2026-09-15', reportReadyAt: '2026-07-02T08:00:00.000Z' });
    const report = buildMonitoringReport({
      plan: testPlan,
      period: parsePeriodId(CYCLE_ID),
      requestedProjectIds: testPlan.projects.map((project) => project.id),
      current: [],
      previous: [],
      agency: {},
      indicators: [],
      slips: [],
      generatedAt: new Date('2026-07-02T08:00:00.000Z'),
    });
    await aws.store.reports.saveReport(CYCLE_ID, report);
    vi.setSystemTime(atPrague('2026-09-07T09:00:00'));
    const tooEarly = await steeringGroupSchedule(scheduledEvent, lambdaContext('steering-group-schedule'));
    vi.setSystemTime(atPrague('2026-09-08T09:00:00'));

    // Act
    const due = await steeringGroupSchedule(scheduledEvent, lambdaContext('steering-group-schedule'));

    // Assess
    expect(tooEarly).toEqual({ outcomes: { [CYCLE_ID]: 'too-early' } });
    expect(due).toEqual({ outcomes: { [CYCLE_ID]: 'sent' } });
    expect(aws.ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
  });

  it('a scheduled run that fails throws, so the scheduler retries it', async () => {
    // Prepare
    aws.table.client.rejects(new Error('Service unavailable'));

    // Act
    const run = autoClose(scheduledEvent, lambdaContext('auto-close'));

    // Assess
    await expect(run).rejects.toThrow('Service unavailable');
  });
});
