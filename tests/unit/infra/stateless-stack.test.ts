import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROUTE_KEYS } from '../../../functions/console/route-keys';
import { FUNCTION_NAMES, type FunctionName, QUEUE_NAMES, type QueueName } from '../../../infra/stateless-stack';
import { actionsOf, allowStatementsOfRole, logicalId, type Synthesized, synthesize } from './synth-helper';

type Resource = { Properties: Record<string, unknown> };

describe('StatelessStack', () => {
  let synth: Synthesized;
  const functionId = (name: FunctionName) => logicalId(synth.built.stateless.functions[name]);
  const roleId = (name: FunctionName) => {
    const role = synth.built.stateless.functions[name].role;
    if (role === undefined) throw new Error(`${name} has no role`);
    return logicalId(role);
  };
  const queueId = (name: QueueName) => logicalId(synth.built.stateless.queues[name].queue);
  const dlqId = (name: QueueName) => logicalId(synth.built.stateless.queues[name].deadLetterQueue);
  const functionProps = (name: FunctionName) =>
    (synth.stateless.findResources('AWS::Lambda::Function')[functionId(name)] as Resource).Properties;

  beforeAll(() => {
    synth = synthesize();
  }, 90_000);

  describe('queues', () => {
    it.each(QUEUE_NAMES)('%s redrives to its own DLQ after 5 receives and keeps messages 4 days', (name) => {
      // Prepare
      const queues = synth.stateless.findResources('AWS::SQS::Queue');

      // Act
      const source = (queues[queueId(name)] as Resource).Properties;

      // Assess
      expect(source.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [dlqId(name), 'Arn'] },
        maxReceiveCount: 5,
      });
      expect(source.MessageRetentionPeriod).toBe(4 * 24 * 3600);
      expect((queues[dlqId(name)] as Resource).Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    });

    it.each(QUEUE_NAMES)('%s and its DLQ use SQS managed encryption', (name) => {
      // Prepare
      const queues = synth.stateless.findResources('AWS::SQS::Queue');

      // Act
      const encrypted = [queueId(name), dlqId(name)].map(
        (id) => (queues[id] as Resource).Properties.SqsManagedSseEnabled,
      );

      // Assess
      expect(encrypted).toEqual([true, true]);
    });

    it.each(QUEUE_NAMES)('%s and its DLQ deny any request not sent over TLS', (name) => {
      // Prepare
      const { stateless } = synth;

      // Act
      const assertFor = (id: string) =>
        stateless.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: id }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              {
                Effect: 'Deny',
                Action: 'sqs:*',
                Principal: { AWS: '*' },
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                Resource: { 'Fn::GetAtt': [id, 'Arn'] },
              },
            ]),
          },
        });

      // Assess
      expect(() => assertFor(queueId(name))).not.toThrow();
      expect(() => assertFor(dlqId(name))).not.toThrow();
    });

    it.each(QUEUE_NAMES)('%s has an alarm on the first message visible in its DLQ', (name) => {
      // Prepare
      const { stateless } = synth;

      // Act
      const assertion = () =>
        stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId(name), 'QueueName'] } }],
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Threshold: 1,
          TreatMissingData: 'notBreaching',
        });

      // Assess
      expect(assertion).not.toThrow();
    });
  });

  describe('queue consumers', () => {
    const consumers: { queue: QueueName; fn: FunctionName; batchSize: number; timeout: number; window?: number }[] = [
      { queue: 'MailQueue', fn: 'mailer', batchSize: 10, timeout: 30, window: 5 },
      { queue: 'SubmissionsQueue', fn: 'recompute-indicators', batchSize: 10, timeout: 10 },
      { queue: 'ReportQueue', fn: 'assemble-report', batchSize: 1, timeout: 60 },
      { queue: 'NotifyQueue', fn: 'notify-steering-group', batchSize: 10, timeout: 10 },
      { queue: 'SesEventsQueue', fn: 'ses-events', batchSize: 10, timeout: 30 },
    ];

    it('subscribes the SES events queue to the stateful stack’s SES event topic, with raw delivery', () => {
      // Prepare
      const { stateless } = synth;

      // Act
      const subscriptions = Object.values(stateless.findResources('AWS::SNS::Subscription')).map((resource) => (resource as Resource).Properties);

      // Assess
      expect(subscriptions).toEqual([
        expect.objectContaining({
          Protocol: 'sqs',
          RawMessageDelivery: true,
          Endpoint: { 'Fn::GetAtt': [queueId('SesEventsQueue'), 'Arn'] },
          TopicArn: { 'Fn::ImportValue': expect.stringContaining('SesEventsTopic') },
        }),
      ]);
    });

    it.each(consumers)('$fn consumes $queue in batches of $batchSize with partial batch failures', (consumer) => {
      // Prepare
      const { stateless } = synth;

      // Act
      const mappings = stateless.findResources('AWS::Lambda::EventSourceMapping', {
        Properties: { EventSourceArn: { 'Fn::GetAtt': [queueId(consumer.queue), 'Arn'] } },
      });

      // Assess
      const properties = Object.values(mappings).map((mapping) => (mapping as Resource).Properties);
      expect(properties).toEqual([
        {
          EventSourceArn: { 'Fn::GetAtt': [queueId(consumer.queue), 'Arn'] },
          FunctionName: { Ref: functionId(consumer.fn) },
          BatchSize: consumer.batchSize,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          ...(consumer.window === undefined ? {} : { MaximumBatchingWindowInSeconds: consumer.window }),
        },
      ]);
    });

    it.each(consumers)('$queue visibility timeout is 6 × the $timeout s timeout of $fn', (consumer) => {
      // Prepare
      const queues = synth.stateless.findResources('AWS::SQS::Queue');

      // Act
      const visibility = (queues[queueId(consumer.queue)] as Resource).Properties.VisibilityTimeout;
      const timeout = functionProps(consumer.fn).Timeout;

      // Assess
      expect(timeout).toBe(consumer.timeout);
      expect(visibility).toBe(6 * consumer.timeout);
    });
  });

  describe('bootstrap', () => {
    it('runs the bootstrap function through a custom resource of the Provider framework on every deploy of new data', () => {
      // Prepare
      const { stateless } = synth;

      // Act
      const resources = Object.values(stateless.findResources('Custom::Bootstrap')).map((resource) => (resource as Resource).Properties);
      const providerFunctions = Object.values(stateless.findResources('AWS::Lambda::Function')).filter((resource) =>
        JSON.stringify((resource as Resource).Properties.Environment ?? {}).includes(functionId('bootstrap')),
      );

      // Assess
      expect(resources).toEqual([
        { ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^BootstrapProviderframeworkonEvent/), 'Arn'] }, PlanId: '2024-2026', DataVersion: expect.stringMatching(/^[0-9a-f]{16}$/) },
      ]);
      expect(providerFunctions).toHaveLength(1);
    });
  });

  describe('functions', () => {
    it.each(FUNCTION_NAMES)('%s runs bundled ESM on nodejs22.x arm64 with tracing and its own log group', (name) => {
      // Prepare
      const props = functionProps(name);

      // Act
      const logGroupRef = (props.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      const logGroup = synth.stateless.findResources('AWS::Logs::LogGroup')[logGroupRef] as {
        Properties: Record<string, unknown>;
        DeletionPolicy: string;
      };

      // Assess
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Handler).toBe('index.handler');
      expect(props.TracingConfig).toEqual({ Mode: 'Active' });
      expect(props.FunctionName).toBeUndefined();
      expect(logGroup.Properties.RetentionInDays).toBe(90);
      expect(logGroup.DeletionPolicy).toBe('Retain');
    });

    it('uses 512 MB and 10 s unless a function needs more', () => {
      // Prepare
      const expected: Partial<Record<FunctionName, { MemorySize: number; Timeout: number }>> = {
        mailer: { MemorySize: 512, Timeout: 30 },
        'assemble-report': { MemorySize: 1024, Timeout: 60 },
        bootstrap: { MemorySize: 512, Timeout: 120 },
        'ses-events': { MemorySize: 512, Timeout: 30 },
        // The console renders the report preview in the page, as assemble-report does.
        console: { MemorySize: 1024, Timeout: 10 },
      };

      // Act
      const actual = FUNCTION_NAMES.map((name) => {
        const props = functionProps(name);
        return [name, { MemorySize: props.MemorySize, Timeout: props.Timeout }] as const;
      });

      // Assess
      for (const [name, sizing] of actual) {
        expect(sizing, name).toEqual(expected[name] ?? { MemorySize: 512, Timeout: 10 });
      }
    });

    it.each(FUNCTION_NAMES)('%s receives the whole environment contract', (name) => {
      // Prepare
      const { built } = synth;
      const apiId = logicalId(built.stateless.api);

      // Act
      const variables = (functionProps(name).Environment as { Variables: Record<string, unknown> }).Variables;

      // Assess
      // The console alone also gets its sign-in settings (tests/unit/infra/console-sign-in.test.ts).
      const { OIDC_ISSUER: _issuer, OIDC_CLIENT_ID: _client, OIDC_LOGOUT_URL: _logout, SESSION_SECRET_ARN: _secret, ...shared } = variables;
      expect(name === 'console' || _issuer === undefined).toBe(true);
      expect(shared).toEqual({
        POWERTOOLS_SERVICE_NAME: 'chytrejsi-kraj-monitoring',
        TABLE_NAME: { 'Fn::ImportValue': expect.stringMatching(/^ChytrejsiKrajStateful:ExportsOutputRefTable/) },
        MAIL_QUEUE_URL: { Ref: queueId('MailQueue') },
        SUBMISSIONS_QUEUE_URL: { Ref: queueId('SubmissionsQueue') },
        REPORT_QUEUE_URL: { Ref: queueId('ReportQueue') },
        NOTIFY_QUEUE_URL: { Ref: queueId('NotifyQueue') },
        SENDER_EMAIL: 'monitoring@example.org',
        ARR_EMAIL: 'arr@example.org',
        STEERING_GROUP_EMAILS: 'ridici-skupina@example.org',
        PUBLIC_BASE_URL: { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] },
        SES_CONFIGURATION_SET: {
          'Fn::ImportValue': expect.stringMatching(/^ChytrejsiKrajStateful:ExportsOutputRefConfigurationSet/),
        },
        PLAN_ID: '2024-2026',
        AUTO_CLOSE_GRACE_DAYS: '3',
        STEERING_GROUP_NOTICE_DAYS: '7',
      });
    });

    it('passes context overrides through to the environment', () => {
      // Prepare
      const context = {
        steeringGroupEmails: 'a@kraj-lbc.cz, b@kraj-lbc.cz',
        autoCloseGraceDays: '5',
        steeringGroupNoticeDays: 10,
      };

      // Act
      const { built, stateless } = synthesize(context);
      const fn = stateless.findResources('AWS::Lambda::Function')[logicalId(built.stateless.functions['auto-close'])];

      // Assess
      expect((fn as Resource).Properties.Environment).toMatchObject({
        Variables: {
          STEERING_GROUP_EMAILS: 'a@kraj-lbc.cz,b@kraj-lbc.cz',
          AUTO_CLOSE_GRACE_DAYS: '5',
          STEERING_GROUP_NOTICE_DAYS: '10',
        },
      });
    }, 90_000);
  });

  describe('HTTP API', () => {
    const routes: { key: string; fn: FunctionName; auth: 'AWS_IAM' | 'NONE' }[] = [
      { key: 'POST /cycles', fn: 'open-cycle', auth: 'AWS_IAM' },
      { key: 'GET /s/{token}', fn: 'submission-page', auth: 'NONE' },
      { key: 'POST /s/{token}', fn: 'submission-intake', auth: 'NONE' },
      { key: 'POST /s/{token}/projects/{projectId}', fn: 'submission-intake', auth: 'NONE' },
      { key: 'POST /cycles/{cycleId}/close', fn: 'close-cycle', auth: 'AWS_IAM' },
      { key: 'GET /cycles', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /cycles/{cycleId}', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /cycles/{cycleId}/indicators', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /indicators', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'PUT /cycles/{cycleId}/agency/{section}', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /cycles/{cycleId}/report', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /years/{year}/report', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /years/{year}/texts', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'PUT /years/{year}/texts', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /cycles/{cycleId}/projects/{projectId}', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'POST /cycles/{cycleId}/projects/{projectId}/return', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'PUT /cycles/{cycleId}/projects/{projectId}/editorial', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'POST /cycles/{cycleId}/contacts/{contactPersonId}/token', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'DELETE /cycles/{cycleId}/contacts/{contactPersonId}/token', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /plan', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'PUT /plan', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /plan/history', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'GET /plan/history/{revision}', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'POST /plan/contacts', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'PATCH /plan/contacts/{contactPersonId}', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'PATCH /plan/areas/{activityAreaId}/guarantor', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'POST /plan/projects', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'PATCH /plan/projects/{projectId}', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'PATCH /plan/indicators/{code}', fn: 'arr-api', auth: 'AWS_IAM' },
      { key: 'POST /history', fn: 'arr-api', auth: 'AWS_IAM' },
      ...CONSOLE_ROUTE_KEYS.map((key) => ({ key, fn: 'console' as const, auth: 'NONE' as const })),
    ];

    it('exposes exactly the listed routes', () => {
      // Prepare
      const expectedKeys = routes.map((route) => route.key).sort();

      // Act
      const keys = Object.values(synth.stateless.findResources('AWS::ApiGatewayV2::Route'))
        .map((route) => (route as Resource).Properties.RouteKey)
        .sort();

      // Assess
      expect(keys).toEqual(expectedKeys);
    });

    it.each(routes)('$key is served by $fn with authorization $auth', (route) => {
      // Prepare
      const { stateless } = synth;
      const [routeResource] = Object.values(
        stateless.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: route.key } }),
      ) as Resource[];

      // Act
      const target = routeResource?.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const integrationId = target['Fn::Join'][1][1].Ref;
      const integration = stateless.findResources('AWS::ApiGatewayV2::Integration')[integrationId] as Resource;

      // Assess
      expect(routeResource?.Properties.AuthorizationType).toBe(route.auth);
      expect(integration.Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [functionId(route.fn), 'Arn'] });
    });

    it('throttles the default stage at 20 requests/s (burst 40) and writes access logs', () => {
      // Prepare
      const { stateless } = synth;

      // Act
      const assertion = () =>
        stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
          StageName: '$default',
          AutoDeploy: true,
          DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
          AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] } },
        });

      // Assess
      expect(assertion).not.toThrow();
    });
  });

  describe('schedules', () => {
    const schedules: { fn: FunctionName; expression: string; maxEventAge: number }[] = [
      { fn: 'reminder-sweep', expression: 'cron(30 8 ? * MON-FRI *)', maxEventAge: 6 * 3600 },
      { fn: 'auto-close', expression: 'cron(5 * * * ? *)', maxEventAge: 3600 },
      { fn: 'steering-group-schedule', expression: 'cron(0 9 ? * MON-FRI *)', maxEventAge: 6 * 3600 },
    ];

    it.each(schedules)('$fn runs on $expression in Europe/Prague', (schedule) => {
      // Prepare
      const { stateless } = synth;

      // Act
      const found = stateless.findResources('AWS::Scheduler::Schedule', {
        Properties: { Target: { Arn: { 'Fn::GetAtt': [functionId(schedule.fn), 'Arn'] } } },
      });

      // Assess
      expect(Object.values(found).map((resource) => (resource as Resource).Properties)).toEqual([
        expect.objectContaining({
          ScheduleExpression: schedule.expression,
          ScheduleExpressionTimezone: 'Europe/Prague',
          State: 'ENABLED',
          Target: expect.objectContaining({
            RetryPolicy: expect.objectContaining({ MaximumEventAgeInSeconds: schedule.maxEventAge }),
          }),
        }),
      ]);
    });
  });

  describe('least privilege', () => {
    const queueArn = (name: QueueName) => ({ 'Fn::GetAtt': [queueId(name), 'Arn'] });
    const sendersTo = (name: QueueName) =>
      FUNCTION_NAMES.filter((fn) =>
        allowStatementsOfRole(synth.stateless, roleId(fn)).some(
          (statement) =>
            actionsOf([statement]).includes('sqs:SendMessage') &&
            JSON.stringify(statement.Resource) === JSON.stringify(queueArn(name)),
        ),
      ).sort();

    it.each([
      { queue: 'MailQueue' as const, publishers: ['arr-api', 'console', 'open-cycle', 'reminder-sweep'] },
      { queue: 'SubmissionsQueue' as const, publishers: ['reminder-sweep', 'submission-intake'] },
      { queue: 'ReportQueue' as const, publishers: ['arr-api', 'auto-close', 'close-cycle', 'console', 'recompute-indicators', 'steering-group-schedule'] },
      { queue: 'NotifyQueue' as const, publishers: ['assemble-report'] },
    ])('only $publishers may send to $queue', ({ queue, publishers }) => {
      // Prepare
      const expected = [...publishers].sort();

      // Act
      const senders = sendersTo(queue);

      // Assess
      expect(senders).toEqual(expected);
    });

    it('gives the public submission page read-only table access, no queue sends and no SES', () => {
      // Prepare
      const statements = allowStatementsOfRole(synth.stateless, roleId('submission-page'));

      // Act
      const actions = actionsOf(statements);

      // Assess
      expect(actions).toContain('dynamodb:GetItem');
      expect(actions).toContain('dynamodb:Query');
      expect(actions).not.toContain('sqs:SendMessage');
      expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
      expect(actions.filter((action) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action))).toEqual([]);
    });

    it.each(FUNCTION_NAMES.filter((name) => name !== 'submission-page'))('%s may write the table', (name) => {
      // Prepare
      const statements = allowStatementsOfRole(synth.stateless, roleId(name));

      // Act
      const actions = actionsOf(statements);

      // Assess
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']));
    });

    it('lets only the mail-sending functions call SES, and only for the identity and configuration set', () => {
      // Prepare
      const mailSenders = ['mailer', 'notify-steering-group', 'ses-events', 'steering-group-schedule'];

      // Act
      const sesByFunction = FUNCTION_NAMES.map((name) => ({
        name,
        ses: allowStatementsOfRole(synth.stateless, roleId(name)).filter((statement) =>
          actionsOf([statement]).some((action) => action.startsWith('ses:')),
        ),
      })).filter(({ ses }) => ses.length > 0);

      // Assess
      expect(sesByFunction.map(({ name }) => name).sort()).toEqual(mailSenders);
      for (const { ses } of sesByFunction) {
        expect(ses).toEqual([
          {
            Effect: 'Allow',
            Action: ['ses:SendEmail', 'ses:SendRawEmail'],
            Resource: [
              { 'Fn::Join': ['', expect.arrayContaining([':identity/'])] },
              { 'Fn::Join': ['', expect.arrayContaining([':configuration-set/'])] },
            ],
          },
        ]);
      }
    });
  });
});
