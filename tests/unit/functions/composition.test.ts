import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ARR_NAME, readAwsEnvironment } from '../../../functions/composition/aws';
import { QUEUES, mockAws, seedOpenCycle, seedToken, stubAwsEnvironment } from './aws';
import { formRequest, httpEvent, lambdaContext } from './events';

// This file inspects what the functions log, so it builds their logger at INFO, not SILENT.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
});

const FUNCTION_MODULES = [
  'open-cycle',
  'mailer',
  'submission-page',
  'submission-intake',
  'reminder-sweep',
  'recompute-indicators',
  'close-cycle',
  'auto-close',
  'assemble-report',
  'notify-steering-group',
  'steering-group-schedule',
  'arr-api',
];

const required = {
  AWS_REGION: 'eu-central-1',
  TABLE_NAME: 'monitoring',
  MAIL_QUEUE_URL: QUEUES.mail,
  SUBMISSIONS_QUEUE_URL: QUEUES.submissions,
  REPORT_QUEUE_URL: QUEUES.report,
  NOTIFY_QUEUE_URL: QUEUES.notify,
  SENDER_EMAIL: 'monitoring@example.org',
  ARR_EMAIL: 'arr@example.org',
  STEERING_GROUP_EMAILS: 'a@example.org,b@example.org',
  PUBLIC_BASE_URL: 'https://monitoring.example.org',
};

describe('the AWS environment', () => {
  it('applies the defaults and splits the steering group addresses', () => {
    // Prepare
    const env = { ...required, STEERING_GROUP_EMAILS: ' a@example.org , b@example.org,', SES_CONFIGURATION_SET: '' };

    // Act
    const read = readAwsEnvironment(env);

    // Assess
    expect(read).toMatchObject({
      ARR_NAME: DEFAULT_ARR_NAME,
      PLAN_ID: '2024-2026',
      AUTO_CLOSE_GRACE_DAYS: 3,
      STEERING_GROUP_NOTICE_DAYS: 7,
      STEERING_GROUP_EMAILS: ['a@example.org', 'b@example.org'],
    });
    expect(read.SES_CONFIGURATION_SET).toBeUndefined();
  });

  it('names every missing or malformed variable at once', () => {
    // Prepare
    const env = { ...required, TABLE_NAME: undefined, ARR_EMAIL: 'arr', AUTO_CLOSE_GRACE_DAYS: 'tři' };

    // Act
    const read = () => readAwsEnvironment(env);

    // Assess
    expect(read).toThrow(/TABLE_NAME/);
    expect(read).toThrow(/ARR_EMAIL/);
    expect(read).toThrow(/AUTO_CLOSE_GRACE_DAYS/);
  });
});

describe('the Lambda entry modules', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('can be imported without any environment, and each exports a handler', async () => {
    // Prepare
    for (const name of Object.keys(required)) vi.stubEnv(name, undefined);

    // Act
    const modules = await Promise.all(FUNCTION_MODULES.map((name) => import(`../../../functions/${name}.ts`)));

    // Assess
    for (const module of modules) expect(typeof module.handler).toBe('function');
  });

  it('never write the personal token into the logs', async () => {
    // Prepare
    stubAwsEnvironment();
    const aws = mockAws();
    await seedOpenCycle(aws);
    const token = await seedToken(aws);
    const { handler: page } = await import('../../../functions/submission-page');
    const { handler: intake } = await import('../../../functions/submission-intake');
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });

    // Act
    try {
      await page(httpEvent({ routeKey: 'GET /s/{token}', pathParameters: { token } }), lambdaContext());
      await intake(
        formRequest({
          routeKey: 'POST /s/{token}/projects/{projectId}',
          pathParameters: { token, projectId: 'digitalizace-sbirek' },
          fields: { expectedVersion: '0', thisPeriod: '' },
        }),
        lambdaContext(),
      );
      aws.table.client.rejects(new Error('Connection reset'));
      await page(httpEvent({ routeKey: 'GET /s/{token}', pathParameters: { token } }), lambdaContext());
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }

    // Assess
    const logs = written.join('');
    expect(logs).toContain('GET /s/{token}');
    expect(logs).not.toContain(token);
  });
});
