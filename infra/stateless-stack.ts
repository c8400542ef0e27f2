import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { CfnManagedLoginBranding, OAuthScope, UserPoolClient, UserPoolClientIdentityProvider, type UserPool, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { CONSOLE_ROUTE_KEYS } from '../functions/console/route-keys';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { CustomResource } from 'aws-cdk-lib';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Construct } from 'constructs';
import type { MonitoringConfig } from './config';
import { MonitoringFunction, PROJECT_ROOT } from './function-defaults';
import { WorkQueue } from './work-queue';

export interface StatelessStackProps extends StackProps {
  readonly config: MonitoringConfig;
  readonly table: ITable;
  readonly configurationSet: IConfigurationSet;
  readonly emailIdentity: IEmailIdentity;
  readonly sesEventsTopic: ITopic;
  readonly userPool: UserPool;
  readonly loginDomain: UserPoolDomain;
  readonly consoleSessionSecret: ISecret;
}

export const FUNCTION_NAMES = [
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
  'bootstrap',
  'ses-events',
  'console',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export const QUEUE_NAMES = ['MailQueue', 'SubmissionsQueue', 'ReportQueue', 'NotifyQueue', 'SesEventsQueue'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** ARR's plan management and history import, all on the ARR API function. */
const PLAN_ROUTES: ReadonlyArray<readonly [string, HttpMethod]> = [
  ['/plan', HttpMethod.GET],
  ['/plan', HttpMethod.PUT],
  ['/plan/history', HttpMethod.GET],
  ['/plan/history/{revision}', HttpMethod.GET],
  ['/plan/contacts', HttpMethod.POST],
  ['/plan/contacts/{contactPersonId}', HttpMethod.PATCH],
  ['/plan/areas/{activityAreaId}/guarantor', HttpMethod.PATCH],
  ['/plan/projects', HttpMethod.POST],
  ['/plan/projects/{projectId}', HttpMethod.PATCH],
  ['/plan/indicators/{code}', HttpMethod.PATCH],
  ['/history', HttpMethod.POST],
];

/** Public contact routes are reachable by anyone with the URL: the stage throttle bounds abuse. */
export const STAGE_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;

/**
 * How cdk-nag names the table ARN that CDK exports from the stateful stack (after "<stack name>:").
 * CDK derives it from the table's construct id only; cdk-nag 3 acknowledges exact finding ids, so
 * renaming the table makes the synth fail and print the new name, which then belongs here.
 */
const TABLE_ARN_EXPORT = 'ExportsOutputFnGetAttTableCD117FA1ArnE2C8C204';

/** Fixed timeouts of the queue consumers: each queue's visibility timeout is derived from them. */
const MAILER_TIMEOUT = Duration.seconds(30);
const RECOMPUTE_TIMEOUT = Duration.seconds(10);
const ASSEMBLE_TIMEOUT = Duration.seconds(60);
const NOTIFY_TIMEOUT = Duration.seconds(10);
const SES_EVENTS_TIMEOUT = Duration.seconds(30);
/** Seeding a plan and two reports takes seconds; the margin covers a cold DynamoDB table. */
const BOOTSTRAP_TIMEOUT = Duration.seconds(120);

/** The past reports the bootstrap loads, copied beside its bundle (functions/bootstrap.ts reads `history/`). */
const HISTORY_DIR = join(PROJECT_ROOT, 'data', 'history');

/**
 * A fingerprint of what the bootstrap seeds: a new plan file or report re-runs it on deploy
 * (it still never overwrites a plan ARR edited; it only adds missing history).
 */
function bootstrapDataVersion(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(PROJECT_ROOT, 'domain', 'catalog', 'liberec-2024-2026.json')));
  for (const name of readdirSync(HISTORY_DIR).filter((file) => file.endsWith('.md')).sort()) {
    hash.update(name).update(readFileSync(join(HISTORY_DIR, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** All dates of the monitoring cycle are Prague dates, including summer time. */
const PRAGUE = TimeZone.EUROPE_PRAGUE;
export const SCHEDULES = {
  reminderSweep: 'cron(30 8 ? * MON-FRI *)',
  autoClose: 'cron(5 * * * ? *)',
  steeringGroupSchedule: 'cron(0 9 ? * MON-FRI *)',
} as const;

/**
 * The functions, their triggers and the HTTP API. It holds no data, so it can be destroyed and
 * redeployed freely; the table and SES objects arrive from the stateful stack as typed props.
 */
export class StatelessStack extends Stack {
  public readonly api: HttpApi;
  public readonly functions: Readonly<Record<FunctionName, MonitoringFunction>>;
  public readonly queues: Readonly<Record<QueueName, WorkQueue>>;
  public readonly consoleClient: UserPoolClient;

  public constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, table } = props;

    const queues: Record<QueueName, WorkQueue> = {
      MailQueue: new WorkQueue(this, 'MailQueue', { consumerTimeout: MAILER_TIMEOUT }),
      SubmissionsQueue: new WorkQueue(this, 'SubmissionsQueue', { consumerTimeout: RECOMPUTE_TIMEOUT }),
      ReportQueue: new WorkQueue(this, 'ReportQueue', { consumerTimeout: ASSEMBLE_TIMEOUT }),
      NotifyQueue: new WorkQueue(this, 'NotifyQueue', { consumerTimeout: NOTIFY_TIMEOUT }),
      SesEventsQueue: new WorkQueue(this, 'SesEventsQueue', { consumerTimeout: SES_EVENTS_TIMEOUT }),
    };
    this.queues = queues;

    // The stage is declared explicitly because the implicit default stage takes neither throttling nor access logs.
    this.api = new HttpApi(this, 'Api', {
      description: 'Chytřejší Liberecký kraj – half-year monitoring cycle',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      // Kept after a stack deletion for the same audit reason as the function logs.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });

    // Every function gets the whole contract: handlers share one configuration loader, and none of
    // these values is a secret (access is governed by IAM, not by knowing a URL or a name).
    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      MAIL_QUEUE_URL: queues.MailQueue.queue.queueUrl,
      SUBMISSIONS_QUEUE_URL: queues.SubmissionsQueue.queue.queueUrl,
      REPORT_QUEUE_URL: queues.ReportQueue.queue.queueUrl,
      NOTIFY_QUEUE_URL: queues.NotifyQueue.queue.queueUrl,
      SENDER_EMAIL: config.senderEmail,
      ARR_EMAIL: config.arrEmail,
      STEERING_GROUP_EMAILS: config.steeringGroupEmails.join(','),
      PUBLIC_BASE_URL: this.api.apiEndpoint,
      SES_CONFIGURATION_SET: props.configurationSet.configurationSetName,
      PLAN_ID: config.planId,
      AUTO_CLOSE_GRACE_DAYS: String(config.autoCloseGraceDays),
      STEERING_GROUP_NOTICE_DAYS: String(config.steeringGroupNoticeDays),
    };

    // ARR's console signs in at the user pool: a public client (no secret to keep) with the code
    // grant; Cognito enforces PKCE when the request carries a code challenge, which the console
    // always sends. Short ID tokens, refreshed by the console; refresh tokens revocable on sign-out.
    const consoleUrl = `${this.api.apiEndpoint}/arr`;
    // `npm run deploy` prints both: where ARR signs in, and the base of the API for scripts.
    new CfnOutput(this, 'ConsoleUrl', { value: consoleUrl, description: 'ARR’s web console' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'The HTTP API (ARR routes need IAM, SigV4)' });
    this.consoleClient = new UserPoolClient(this, 'ConsoleClient', {
      userPool: props.userPool,
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${consoleUrl}/auth/callback`],
        logoutUrls: [`${consoleUrl}/signed-out`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.minutes(15),
      accessTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.hours(8),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    // The newer managed login shows a client's pages only once the client has a branding.
    new CfnManagedLoginBranding(this, 'ConsoleLoginBranding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.consoleClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    const consoleEnvironment: Record<string, string> = {
      OIDC_ISSUER: props.userPool.userPoolProviderUrl,
      OIDC_CLIENT_ID: this.consoleClient.userPoolClientId,
      OIDC_LOGOUT_URL: `${props.loginDomain.baseUrl()}/logout`,
      SESSION_SECRET_ARN: props.consoleSessionSecret.secretArn,
    };

    const define = (
      name: FunctionName,
      description: string,
      options: { timeout?: Duration; memorySize?: number; copyIntoBundle?: { from: string; to: string }; extraEnvironment?: Record<string, string> } = {},
    ): MonitoringFunction => {
      const { extraEnvironment, ...rest } = options;
      return new MonitoringFunction(this, `${toConstructId(name)}Function`, {
        functionFile: name,
        description,
        environment: { ...environment, ...extraEnvironment },
        ...rest,
      });
    };

    const fns: Record<FunctionName, MonitoringFunction> = {
      'open-cycle': define('open-cycle', 'ARR opens a half-year cycle and queues the invitations'),
      mailer: define('mailer', 'Sends the queued emails through SES', { timeout: MAILER_TIMEOUT }),
      'submission-page': define('submission-page', 'Renders the personal submission page of a contact person'),
      'submission-intake': define('submission-intake', 'Accepts a contact person’s project report'),
      'reminder-sweep': define('reminder-sweep', 'Queues reminders for contact persons who have not reported'),
      'recompute-indicators': define('recompute-indicators', 'Recomputes indicators after a submission', {
        timeout: RECOMPUTE_TIMEOUT,
      }),
      'close-cycle': define('close-cycle', 'ARR closes a cycle and queues the report assembly'),
      'auto-close': define('auto-close', 'Closes cycles whose deadline plus grace period has passed'),
      'assemble-report': define('assemble-report', 'Assembles the monitoring report (HTML, Markdown, DOCX)', {
        timeout: ASSEMBLE_TIMEOUT,
        memorySize: 1024,
      }),
      'notify-steering-group': define('notify-steering-group', 'Emails the assembled report to the steering group', {
        timeout: NOTIFY_TIMEOUT,
      }),
      'steering-group-schedule': define(
        'steering-group-schedule',
        'Reminds the steering group of its upcoming meeting and the report to read',
      ),
      'arr-api': define('arr-api', 'ARR back office API: cycles, indicators, agency chapters, reports, tokens, the plan'),
      bootstrap: define('bootstrap', 'Seeds the default plan and the past reports into an empty table on deploy', {
        timeout: BOOTSTRAP_TIMEOUT,
        copyIntoBundle: { from: 'data/history', to: 'history' },
      }),
      'ses-events': define('ses-events', 'Records SES bounces, complaints and deliveries against the contact persons', {
        timeout: SES_EVENTS_TIMEOUT,
      }),
      console: define('console', 'ARR web console: signed-in pages for ARR and the steering group', {
        memorySize: 1024,
        extraEnvironment: consoleEnvironment,
      }),
    };
    this.functions = fns;

    // Table access: the public page only reads; everything else records state.
    const tableIndexesFinding = `AwsSolutions-IAM5[Resource::${Stack.of(table).stackName}:${TABLE_ARN_EXPORT}/index/*]`;
    table.grantReadData(fns['submission-page']);
    for (const name of FUNCTION_NAMES) {
      if (name !== 'submission-page') table.grantReadWriteData(fns[name]);
      const role = fns[name].role;
      if (role !== undefined) {
        Validations.of(role).acknowledge({
          id: tableIndexesFinding,
          reason: 'The data grants cover the table\'s own indexes (GSI1) through "<table ARN>/index/*", and no other table.',
        });
      }
    }

    // Queue sends: only the publishers, each only to the queues it feeds.
    const publishers: Record<QueueName, readonly FunctionName[]> = {
      MailQueue: ['open-cycle', 'reminder-sweep', 'arr-api', 'console'],
      SubmissionsQueue: ['submission-intake', 'reminder-sweep'],
      // arr-api and console: a saved chapter or editorial text asks for an assembled report again.
      // steering-group-schedule: a closed cycle whose report request was lost asks again.
      ReportQueue: ['recompute-indicators', 'close-cycle', 'auto-close', 'arr-api', 'console', 'steering-group-schedule'],
      NotifyQueue: ['assemble-report'],
      // Only SES writes here, through the topic subscription below.
      SesEventsQueue: [],
    };
    for (const queueName of QUEUE_NAMES) {
      for (const fn of publishers[queueName]) queues[queueName].queue.grantSendMessages(fns[fn]);
    }

    // Consumers. Partial batch responses keep one bad message from replaying the whole batch.
    // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
    fns.mailer.addEventSource(
      new SqsEventSource(queues.MailQueue.queue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        maxBatchingWindow: Duration.seconds(5),
      }),
    );
    fns['recompute-indicators'].addEventSource(
      new SqsEventSource(queues.SubmissionsQueue.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );
    // One report per invocation: assembling is heavy and a failure must not drag other cycles along.
    fns['assemble-report'].addEventSource(
      new SqsEventSource(queues.ReportQueue.queue, { batchSize: 1, reportBatchItemFailures: true }),
    );
    fns['notify-steering-group'].addEventSource(
      new SqsEventSource(queues.NotifyQueue.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );

    // SES events: configuration set → SNS topic (stateful stack) → this queue, raw, so the message
    // body is SES's own JSON. Partial batch failures as for every consumer; the DLQ keeps what fails.
    props.sesEventsTopic.addSubscription(new SqsSubscription(queues.SesEventsQueue.queue, { rawMessageDelivery: true }));
    fns['ses-events'].addEventSource(
      new SqsEventSource(queues.SesEventsQueue.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );

    // Bootstrap: a custom resource runs the bootstrap function on every create and update of
    // the stack, so a deploy into an empty account ends with the plan and history in the table.
    // https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.custom_resources-readme.html#provider-framework
    const bootstrapProvider = new Provider(this, 'BootstrapProvider', {
      onEventHandler: fns.bootstrap,
      logGroup: new LogGroup(this, 'BootstrapProviderLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.RETAIN }),
    });
    Validations.of(bootstrapProvider).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The CDK Provider framework function only writes its own CloudWatch logs with the AWS managed basic execution role.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(fns.bootstrap.node.defaultChild as CfnFunction)}.Arn>:*]`,
        reason: 'The Provider framework may invoke any version of the bootstrap function ("<arn>:*") and no other function.',
      },
    );
    new CustomResource(this, 'Bootstrap', {
      serviceToken: bootstrapProvider.serviceToken,
      resourceType: 'Custom::Bootstrap',
      properties: { PlanId: config.planId, DataVersion: bootstrapDataVersion() },
    });

    // Email: SendEmail (SES v2) is authorised against both the identity and the configuration set.
    // https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
    const sendEmail = new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [
        props.emailIdentity.emailIdentityArn,
        this.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: props.configurationSet.configurationSetName,
        }),
      ],
    });
    for (const name of ['mailer', 'notify-steering-group', 'steering-group-schedule', 'ses-events'] as const) {
      fns[name].addToRolePolicy(sendEmail);
    }

    // HTTP routes. ARR routes are signed with SigV4 by ARR's IAM identities. The /s/ routes are public
    // on purpose: contact persons have no AWS identity, the unguessable token in the path is their
    // credential (checked by the handler) and the stage throttle bounds guessing.
    const iam = new HttpIamAuthorizer();
    // One integration per function, shared by all of its routes.
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (fn: FunctionName): HttpLambdaIntegration => {
      let integration = integrations.get(fn);
      if (integration === undefined) {
        integration = new HttpLambdaIntegration(`${toConstructId(fn)}Integration`, fns[fn]);
        integrations.set(fn, integration);
      }
      return integration;
    };
    const CONTACT_ROUTE_REASON =
      'Contact persons have no AWS identity: the unguessable token in the path is the credential, checked by the handler, and the stage throttle bounds guessing.';
    const CONSOLE_ROUTE_REASON =
      'Console pages are opened by browsers: the console checks its Cognito session (ID token verified against the pool’s JWKS), the group and the CSRF token on every request.';
    const route = (path: string, method: HttpMethod, fn: FunctionName, isPublic: boolean, reason = CONTACT_ROUTE_REASON): void => {
      const routes = this.api.addRoutes({
        path,
        methods: [method],
        integration: integrationFor(fn),
        ...(isPublic ? {} : { authorizer: iam }),
      });
      if (isPublic) {
        for (const publicRoute of routes) Validations.of(publicRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason });
      }
    };

    route('/cycles', HttpMethod.POST, 'open-cycle', false);
    route('/s/{token}', HttpMethod.GET, 'submission-page', true);
    route('/s/{token}', HttpMethod.POST, 'submission-intake', true);
    route('/s/{token}/projects/{projectId}', HttpMethod.POST, 'submission-intake', true);
    route('/cycles/{cycleId}/close', HttpMethod.POST, 'close-cycle', false);
    route('/cycles', HttpMethod.GET, 'arr-api', false);
    route('/cycles/{cycleId}', HttpMethod.GET, 'arr-api', false);
    route('/cycles/{cycleId}/indicators', HttpMethod.GET, 'arr-api', false);
    route('/indicators', HttpMethod.GET, 'arr-api', false);
    route('/cycles/{cycleId}/agency/{section}', HttpMethod.PUT, 'arr-api', false);
    route('/cycles/{cycleId}/report', HttpMethod.GET, 'arr-api', false);
    route('/years/{year}/report', HttpMethod.GET, 'arr-api', false);
    route('/years/{year}/texts', HttpMethod.GET, 'arr-api', false);
    route('/years/{year}/texts', HttpMethod.PUT, 'arr-api', false);
    route('/cycles/{cycleId}/projects/{projectId}', HttpMethod.GET, 'arr-api', false);
    route('/cycles/{cycleId}/projects/{projectId}/return', HttpMethod.POST, 'arr-api', false);
    route('/cycles/{cycleId}/projects/{projectId}/editorial', HttpMethod.PUT, 'arr-api', false);
    route('/cycles/{cycleId}/contacts/{contactPersonId}/token', HttpMethod.POST, 'arr-api', false);
    route('/cycles/{cycleId}/contacts/{contactPersonId}/token', HttpMethod.DELETE, 'arr-api', false);
    for (const [path, method] of PLAN_ROUTES) route(path, method, 'arr-api', false);
    for (const routeKey of CONSOLE_ROUTE_KEYS) {
      const [method, path] = routeKey.split(' ') as [keyof typeof HttpMethod, string];
      route(path, HttpMethod[method], 'console', true, CONSOLE_ROUTE_REASON);
    }
    props.consoleSessionSecret.grantRead(fns.console);

    // Schedules: EventBridge Scheduler, because it evaluates cron in Prague time across DST changes.
    // https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based
    // maxEventAge: an invocation that could not be delivered is dropped once the next run would do the same work.
    // https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-retry.html
    const schedule = (id: string, expression: string, fn: FunctionName, maxEventAge: Duration, description: string): void => {
      const role = new Role(this, `${id}Role`, { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
      new Schedule(this, id, {
        schedule: ScheduleExpression.expression(expression, PRAGUE),
        target: new LambdaInvoke(fns[fn], { role, maxEventAge }),
        description,
      });
      const functionLogicalId = this.getLogicalId(fns[fn].node.defaultChild as CfnFunction);
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
        reason: 'grantInvoke also covers the versions and aliases of the one target function ("<ARN>:*"), nothing else.',
      });
    };
    schedule('ReminderSweepSchedule', SCHEDULES.reminderSweep, 'reminder-sweep', Duration.hours(6), 'Working days 08:30: reminders');
    schedule('AutoCloseSchedule', SCHEDULES.autoClose, 'auto-close', Duration.hours(1), 'Hourly at :05: close overdue cycles');
    schedule(
      'SteeringGroupSchedule',
      SCHEDULES.steeringGroupSchedule,
      'steering-group-schedule',
      Duration.hours(6),
      'Working days 09:00: steering group meeting notices',
    );
  }
}

function toConstructId(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
