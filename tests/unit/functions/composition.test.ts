import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_ARR_NAME,
  readConfigEnvironment,
  readMailEnvironment,
  readQueueEnvironment,
  readTableEnvironment,
} from '../../../functions/composition/aws';
import { readConsoleEnvironment } from '../../../functions/composition/aws-console';
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
    const config = readConfigEnvironment(env);
    const mail = readMailEnvironment(env);

    // Assess
    expect(config).toEqual({
      planId: '2024-2026',
      publicBaseUrl: required.PUBLIC_BASE_URL,
      arr: { name: DEFAULT_ARR_NAME, email: required.ARR_EMAIL },
      steeringGroupEmails: ['a@example.org', 'b@example.org'],
      autoCloseGraceDays: 3,
      steeringGroupNoticeDays: 7,
    });
    expect(mail.SES_CONFIGURATION_SET).toBeUndefined();
  });

  it('names every missing or malformed variable of a port at once', () => {
    // Prepare
    const env = { ...required, ARR_EMAIL: 'arr', AUTO_CLOSE_GRACE_DAYS: 'tři', STEERING_GROUP_EMAILS: ' , ' };

    // Act
    const read = () => readConfigEnvironment(env);

    // Assess
    expect(read).toThrow(/ARR_EMAIL/);
    expect(read).toThrow(/AUTO_CLOSE_GRACE_DAYS/);
    expect(read).toThrow(/STEERING_GROUP_EMAILS/);
    expect(() => readTableEnvironment({ ...required, TABLE_NAME: undefined })).toThrow(/TABLE_NAME/);
    expect(() => readQueueEnvironment({ ...required, MAIL_QUEUE_URL: 'fronta' })).toThrow(/MAIL_QUEUE_URL/);
  });

  it('reads the console environment, and names each missing or malformed variable', () => {
    // Prepare
    const environment = {
      AWS_REGION: 'eu-central-1',
      OIDC_ISSUER: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_abc',
      OIDC_CLIENT_ID: 'client',
      OIDC_LOGOUT_URL: 'https://prihlaseni.example.org/logout',
      PUBLIC_BASE_URL: 'https://monitoring.example.org',
      SESSION_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:session',
    };

    // Act
    const read = () => readConsoleEnvironment({ ...environment, OIDC_ISSUER: 'cognito', SESSION_SECRET_ARN: undefined });

    // Assess
    expect(readConsoleEnvironment(environment)).toEqual(environment);
    expect(read).toThrow(/OIDC_ISSUER/);
    expect(read).toThrow(/SESSION_SECRET_ARN/);
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
