/**
 * The AWS composition root, one port at a time. Each function composes only the ports its use
 * cases take (see the bottom of every file in functions/), so its bundle carries only the SDK
 * clients, adapters and validation those ports need: a function that sends no email has no SES
 * client, and only the report functions render DOCX.
 *
 * Adding a function: write its factory `createXHandler(deps: () => XDependencies)` with
 * `XDependencies = Pick<Dependencies, …>` of what its use case reads, and end the file with
 * `export const handler = createXHandler(() => ({ plans: awsPlans(), cycles: awsCycles(), clock: awsClock, … }))`,
 * taking from here only the ports it picked. The type checker then refuses a missing port, and
 * esbuild leaves out every port it did not take, down to the stores of the one table.
 *
 * The mailer's idempotency store is in ./idempotency.ts, so that no other function carries it.
 *
 * Nothing happens at import: each port reads its variables and creates its client on first use,
 * then every later invocation in the same execution environment reuses it.
 */
import * as z from 'zod/mini';
import { dynamoClients, sesClient, sqsClient, type AwsEndpoints } from '../../adapters/aws-clients';
import { CachedPlanCatalog } from '../../adapters/cached-plan-catalog';
import { DynamoAgencyStore } from '../../adapters/dynamodb/agency-store';
import { DynamoAnnualTextStore } from '../../adapters/dynamodb/annual-text-store';
import { DynamoCycleStore } from '../../adapters/dynamodb/cycle-store';
import { DynamoEditorialStore } from '../../adapters/dynamodb/editorial-store';
import { DynamoIndicatorStore } from '../../adapters/dynamodb/indicator-store';
import { DynamoPlanCatalog } from '../../adapters/dynamodb/plan-catalog';
import { DynamoReminderLog } from '../../adapters/dynamodb/reminder-log';
import { DynamoReportStore } from '../../adapters/dynamodb/report-store';
import { DynamoSubmissionStore } from '../../adapters/dynamodb/submission-store';
import { DynamoTable } from '../../adapters/dynamodb/table';
import { DynamoTokenStore } from '../../adapters/dynamodb/token-store';
import { SesMailSender } from '../../adapters/ses/mail-sender';
import { eventRoutes, SqsEventPublisher } from '../../adapters/sqs/event-publisher';
import { CryptoTokenIssuer } from '../../adapters/token-issuer';
import type { Clock, Dependencies, EventPublisher, MailSender, MonitoringConfig, TokenIssuer } from '../../domain/ports';
import { logger } from '../observability';

export const DEFAULT_ARR_NAME = 'ARR – Agentura regionálního rozvoje, spol. s r. o.';
/** The display name of the From address; the address itself is the verified SES identity. */
const SENDER_NAME = 'Chytřejší Liberecký kraj';

type Environment = Record<string, string | undefined>;

/** A variable set to an empty string counts as not set, as CloudFormation cannot omit one conditionally. */
const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(blankAsUnset), z.optional(schema));
const nonEmpty = () => z.string().check(z.minLength(1));

/**
 * Validates the variables one port needs, all at once.
 * @throws Error naming every missing or malformed variable (operators read it, so in English).
 */
function parseEnvironment<T extends z.ZodMiniType>(schema: T, env: Environment): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid function environment: ${problems}`);
  }
  return result.data;
}

/** Region and endpoint overrides (the local stack sets the endpoints; AWS sets none). */
export function endpointsOf(env: Environment, service: 'dynamodb' | 'sqs' | 'ses'): AwsEndpoints {
  const variable = { dynamodb: 'AWS_ENDPOINT_URL_DYNAMODB', sqs: 'AWS_ENDPOINT_URL_SQS', ses: 'AWS_ENDPOINT_URL_SESV2' }[service];
  const read = parseEnvironment(z.object({ AWS_REGION: nonEmpty(), [variable]: optional(z.url()) }), env) as Record<string, string | undefined>;
  const endpoint = read[variable];
  return { region: read['AWS_REGION'] as string, ...(endpoint ? { [service]: endpoint } : {}) };
}

export function readTableEnvironment(env: Environment) {
  return parseEnvironment(z.object({ TABLE_NAME: nonEmpty() }), env);
}

export function readQueueEnvironment(env: Environment) {
  return parseEnvironment(
    z.object({ MAIL_QUEUE_URL: z.url(), SUBMISSIONS_QUEUE_URL: z.url(), REPORT_QUEUE_URL: z.url(), NOTIFY_QUEUE_URL: z.url() }),
    env,
  );
}

export function readMailEnvironment(env: Environment) {
  return parseEnvironment(z.object({ SENDER_EMAIL: z.email(), SES_CONFIGURATION_SET: optional(nonEmpty()) }), env);
}

export function readConfigEnvironment(env: Environment): MonitoringConfig {
  const emailList = z.pipe(
    z.string(),
    z.pipe(
      z.transform((value: string) => value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')),
      z.array(z.email()).check(z.minLength(1)),
    ),
  );
  const read = parseEnvironment(
    z.object({
      ARR_EMAIL: z.email(),
      ARR_NAME: z._default(optional(z.string().check(z.trim(), z.minLength(1))), DEFAULT_ARR_NAME),
      STEERING_GROUP_EMAILS: emailList,
      PUBLIC_BASE_URL: z.url(),
      PLAN_ID: z._default(optional(nonEmpty()), '2024-2026'),
      AUTO_CLOSE_GRACE_DAYS: z._default(optional(z.coerce.number().check(z.int(), z.gte(0))), 3),
      STEERING_GROUP_NOTICE_DAYS: z._default(optional(z.coerce.number().check(z.int(), z.gte(0))), 7),
    }),
    env,
  );
  return {
    planId: read.PLAN_ID ?? '2024-2026',
    publicBaseUrl: read.PUBLIC_BASE_URL,
    arr: { name: read.ARR_NAME ?? DEFAULT_ARR_NAME, email: read.ARR_EMAIL },
    steeringGroupEmails: read.STEERING_GROUP_EMAILS,
    autoCloseGraceDays: read.AUTO_CLOSE_GRACE_DAYS ?? 3,
    steeringGroupNoticeDays: read.STEERING_GROUP_NOTICE_DAYS ?? 7,
  };
}

/** A port built on first use and kept for the execution environment's life. */
function lazily<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

export const awsClock: Clock = { now: () => new Date() };

/** The one DynamoDB table every store reads and writes (table-design.md). */
const awsTable = /* @__PURE__ */ lazily(() => {
  const { TABLE_NAME } = readTableEnvironment(process.env);
  const { documents } = dynamoClients(endpointsOf(process.env, 'dynamodb'));
  return new DynamoTable(documents, TABLE_NAME, {
    onConsumedCapacity: (operation, capacity) => logger.debug('DynamoDB consumed capacity', { operation, capacity }),
  });
});

/** A storage port on the one table, built on first use. */
const store = <T>(build: (table: DynamoTable) => T): (() => T) => lazily(() => build(awsTable()));

export const awsPlans: () => Dependencies['plans'] = /* @__PURE__ */ store((table) => new CachedPlanCatalog(new DynamoPlanCatalog(table)));
export const awsCycles: () => Dependencies['cycles'] = /* @__PURE__ */ store((table) => new DynamoCycleStore(table));
export const awsSubmissions: () => Dependencies['submissions'] = /* @__PURE__ */ store((table) => new DynamoSubmissionStore(table));
export const awsTokens: () => Dependencies['tokens'] = /* @__PURE__ */ store((table) => new DynamoTokenStore(table));
export const awsReminders: () => Dependencies['reminders'] = /* @__PURE__ */ store((table) => new DynamoReminderLog(table));
export const awsIndicators: () => Dependencies['indicators'] = /* @__PURE__ */ store((table) => new DynamoIndicatorStore(table));
export const awsAgency: () => Dependencies['agency'] = /* @__PURE__ */ store((table) => new DynamoAgencyStore(table));
export const awsEditorial: () => Dependencies['editorial'] = /* @__PURE__ */ store((table) => new DynamoEditorialStore(table));
export const awsReports: () => Dependencies['reports'] = /* @__PURE__ */ store((table) => new DynamoReportStore(table));
export const awsAnnualTexts: () => Dependencies['annualTexts'] = /* @__PURE__ */ store((table) => new DynamoAnnualTextStore(table));

export const awsEvents: () => EventPublisher = /* @__PURE__ */ lazily(() => {
  const queues = readQueueEnvironment(process.env);
  return new SqsEventPublisher(
    sqsClient(endpointsOf(process.env, 'sqs')),
    eventRoutes({
      mail: queues.MAIL_QUEUE_URL,
      submissions: queues.SUBMISSIONS_QUEUE_URL,
      report: queues.REPORT_QUEUE_URL,
      notify: queues.NOTIFY_QUEUE_URL,
    }),
    { info: (message, extra) => logger.info(message, { ...extra }) },
  );
});

export const awsMail: () => MailSender = /* @__PURE__ */ lazily(() => {
  const env = readMailEnvironment(process.env);
  return new SesMailSender(sesClient(endpointsOf(process.env, 'ses')), {
    from: `${SENDER_NAME} <${env.SENDER_EMAIL}>`,
    ...(env.SES_CONFIGURATION_SET ? { configurationSet: env.SES_CONFIGURATION_SET } : {}),
  });
});

export const awsConfig: () => MonitoringConfig = /* @__PURE__ */ lazily(() => readConfigEnvironment(process.env));

export const awsTokenIssuer: () => TokenIssuer = /* @__PURE__ */ lazily(() => new CryptoTokenIssuer());

type CycleLifecyclePorts = Pick<Dependencies, 'clock' | 'config' | 'plans' | 'cycles' | 'submissions' | 'tokens' | 'events'>;

/** The ports of the cycle's lifecycle (open, close, automatic close): the same for all three. */
export const awsCycleLifecycle = (): CycleLifecyclePorts => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  submissions: awsSubmissions(),
  tokens: awsTokens(),
  clock: awsClock,
  config: awsConfig(),
  events: awsEvents(),
});
