/**
 * The AWS composition root: the adapters on DynamoDB, SQS and SES, configured from the function's
 * environment. Nothing happens at import: the environment is read and the clients are created on
 * the first invocation, then reused by every later one in the same execution environment.
 */
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { z } from 'zod';
import { createAwsClients, type AwsClients } from '../../adapters/aws-clients';
import { DynamoMonitoringStore } from '../../adapters/dynamodb/monitoring-store';
import { SesMailSender } from '../../adapters/ses/mail-sender';
import { eventRoutes, SqsEventPublisher } from '../../adapters/sqs/event-publisher';
import { CryptoTokenIssuer } from '../../adapters/token-issuer';
import type { Dependencies } from '../../domain/ports';
import { logger } from '../observability';
import { idempotencyPersistence } from './idempotency';

export const DEFAULT_ARR_NAME = 'ARR – Agentura regionálního rozvoje, spol. s r. o.';
/** The display name of the From address; the address itself is the verified SES identity. */
const SENDER_NAME = 'Chytřejší Liberecký kraj';

/** A variable set to an empty string counts as not set, as CloudFormation cannot omit one conditionally. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const emailList = z
  .string()
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .pipe(z.array(z.email()).min(1));

const environmentSchema = z.object({
  AWS_REGION: z.string().min(1),
  TABLE_NAME: z.string().min(1),
  MAIL_QUEUE_URL: z.url(),
  SUBMISSIONS_QUEUE_URL: z.url(),
  REPORT_QUEUE_URL: z.url(),
  NOTIFY_QUEUE_URL: z.url(),
  SENDER_EMAIL: z.email(),
  ARR_EMAIL: z.email(),
  ARR_NAME: optional(z.string().trim().min(1)).default(DEFAULT_ARR_NAME),
  STEERING_GROUP_EMAILS: emailList,
  PUBLIC_BASE_URL: z.url(),
  SES_CONFIGURATION_SET: optional(z.string().min(1)),
  PLAN_ID: optional(z.string().min(1)).default('2024-2026'),
  AUTO_CLOSE_GRACE_DAYS: optional(z.coerce.number().int().min(0)).default(3),
  STEERING_GROUP_NOTICE_DAYS: optional(z.coerce.number().int().min(0)).default(7),
  AWS_ENDPOINT_URL_DYNAMODB: optional(z.url()),
  AWS_ENDPOINT_URL_SQS: optional(z.url()),
  AWS_ENDPOINT_URL_SESV2: optional(z.url()),
});

export type AwsEnvironment = z.infer<typeof environmentSchema>;

/**
 * Validates the function's environment in one go.
 * @throws Error naming every missing or malformed variable (operators read it, so in English).
 */
export function readAwsEnvironment(env: Record<string, string | undefined>): AwsEnvironment {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid function environment: ${problems}`);
  }
  return result.data;
}

interface AwsRuntime {
  env: AwsEnvironment;
  clients: AwsClients;
}

let runtime: AwsRuntime | undefined;

function awsRuntime(): AwsRuntime {
  if (runtime === undefined) {
    const env = readAwsEnvironment(process.env);
    const clients = createAwsClients({
      region: env.AWS_REGION,
      ...(env.AWS_ENDPOINT_URL_DYNAMODB ? { dynamodb: env.AWS_ENDPOINT_URL_DYNAMODB } : {}),
      ...(env.AWS_ENDPOINT_URL_SQS ? { sqs: env.AWS_ENDPOINT_URL_SQS } : {}),
      ...(env.AWS_ENDPOINT_URL_SESV2 ? { ses: env.AWS_ENDPOINT_URL_SESV2 } : {}),
    });
    runtime = { env, clients };
  }
  return runtime;
}

let dependencies: Dependencies | undefined;

/** The use cases' ports on AWS, built on the first call. */
export function awsDependencies(): Dependencies {
  if (dependencies === undefined) {
    const { env, clients } = awsRuntime();
    const store = new DynamoMonitoringStore(clients.documents, env.TABLE_NAME, {
      onConsumedCapacity: (operation, capacity) => logger.debug('DynamoDB consumed capacity', { operation, capacity }),
    });
    dependencies = {
      clock: { now: () => new Date() },
      config: {
        planId: env.PLAN_ID,
        publicBaseUrl: env.PUBLIC_BASE_URL,
        arr: { name: env.ARR_NAME, email: env.ARR_EMAIL },
        steeringGroupEmails: env.STEERING_GROUP_EMAILS,
        autoCloseGraceDays: env.AUTO_CLOSE_GRACE_DAYS,
        steeringGroupNoticeDays: env.STEERING_GROUP_NOTICE_DAYS,
      },
      plans: store.plans,
      cycles: store.cycles,
      submissions: store.submissions,
      tokens: store.tokens,
      reminders: store.reminders,
      indicators: store.indicators,
      agency: store.agency,
      editorial: store.editorial,
      reports: store.reports,
      annualTexts: store.annualTexts,
      events: new SqsEventPublisher(
        clients.sqs,
        eventRoutes({
          mail: env.MAIL_QUEUE_URL,
          submissions: env.SUBMISSIONS_QUEUE_URL,
          report: env.REPORT_QUEUE_URL,
          notify: env.NOTIFY_QUEUE_URL,
        }),
        { info: (message, extra) => logger.info(message, { ...extra }) },
      ),
      mail: new SesMailSender(clients.ses, {
        from: `${SENDER_NAME} <${env.SENDER_EMAIL}>`,
        ...(env.SES_CONFIGURATION_SET ? { configurationSet: env.SES_CONFIGURATION_SET } : {}),
      }),
      tokenIssuer: new CryptoTokenIssuer(),
    };
  }
  return dependencies;
}

const persistenceLayers = new Map<string, BasePersistenceLayer>();

/**
 * The Powertools idempotency store of a function, in the application table (`PK` =
 * `IDEMPOTENCY#<functionName>`, `SK` = the hashed key), built on the first call.
 */
export function awsIdempotency(functionName: string): BasePersistenceLayer {
  let layer = persistenceLayers.get(functionName);
  if (layer === undefined) {
    const { env, clients } = awsRuntime();
    layer = idempotencyPersistence(clients.dynamodb, env.TABLE_NAME, functionName);
    persistenceLayers.set(functionName, layer);
  }
  return layer;
}
