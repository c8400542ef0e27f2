/**
 * What CloudFormation creates on AWS, created locally on every start: the table, the queues with
 * their dead-letter queues, and then what the deploy's bootstrap does: the very bootstrap
 * function AWS runs as a custom resource, given a CloudFormation "Create" event, seeds the
 * Liberec plan into an empty table and loads the past reports of `data/history/` that pre-fill
 * the first cycle. Every step leaves existing things as they are.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { CloudFormationCustomResourceCreateEvent } from 'aws-lambda';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { createAwsClients } from '../adapters/aws-clients';
import { ensureTable } from '../adapters/dynamodb/create-table';
import { DynamoMonitoringStore } from '../adapters/dynamodb/monitoring-store';
import { readBootstrapSource } from '../adapters/bootstrap-source';
import type { Clock } from '../domain/ports';
import { createBootstrapHandler, type BootstrapResponse } from '../functions/bootstrap';
import { createLambdaContext } from './lambda-context';
import { localAwsEndpoints, type LocalEndpoints, type LocalQueueUrls } from './composition';
import {
  deadLetterQueueName,
  DLQ_RETENTION_SECONDS,
  MAX_RECEIVE_COUNT,
  QUEUES,
  SOURCE_RETENTION_SECONDS,
  type QueueName,
} from './topology';

/** The past monitoring reports (2025-H1 and 2025-H2) that pre-fill the first cycle. */
export const DEFAULT_HISTORY_DIR = fileURLToPath(new URL('../data/history/', import.meta.url));

export interface QueueInfo {
  name: QueueName;
  url: string;
  arn: string;
  dlqUrl: string;
  dlqArn: string;
  visibilityTimeoutSeconds: number;
}

export interface InfrastructureOptions {
  endpoints: LocalEndpoints;
  tableName: string;
  clock: Clock;
  /** The folder of past monitoring reports that pre-fill the first cycle; `null` loads none. */
  historyDir?: string | null;
  /** Tests shorten the visibility timeouts so that five failed receives take seconds, not minutes. */
  visibilityTimeoutSeconds?: number;
}

export interface Infrastructure {
  queues: Record<QueueName, QueueInfo>;
  queueUrls: LocalQueueUrls;
  /** The bootstrap's answer, as CloudFormation would get it. */
  bootstrap: BootstrapResponse;
}

export async function ensureInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const clients = createAwsClients(localAwsEndpoints(options.endpoints));
  await ensureTable(clients.dynamodb, options.tableName);

  const queues = {} as Record<QueueName, QueueInfo>;
  for (const definition of QUEUES) {
    const visibilityTimeoutSeconds = options.visibilityTimeoutSeconds ?? definition.visibilityTimeoutSeconds;
    const dlq = await ensureQueue(clients.sqs, deadLetterQueueName(definition.name), {
      MessageRetentionPeriod: String(DLQ_RETENTION_SECONDS),
      SqsManagedSseEnabled: 'true',
    });
    const source = await ensureQueue(clients.sqs, definition.name, {
      MessageRetentionPeriod: String(SOURCE_RETENTION_SECONDS),
      VisibilityTimeout: String(visibilityTimeoutSeconds),
      SqsManagedSseEnabled: 'true',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: MAX_RECEIVE_COUNT }),
    });
    queues[definition.name] = {
      name: definition.name,
      url: source.url,
      arn: source.arn,
      dlqUrl: dlq.url,
      dlqArn: dlq.arn,
      visibilityTimeoutSeconds,
    };
  }

  const store = new DynamoMonitoringStore(clients.documents, options.tableName);
  const historyDir = options.historyDir === undefined ? DEFAULT_HISTORY_DIR : options.historyDir;
  // On every start, not only the first: the bootstrap skips what is stored, so a start that died
  // half-way through completes it next time, and a plan ARR edited is never replaced.
  const bootstrap = createBootstrapHandler(
    () => ({ clock: options.clock, plans: store.plans, cycles: store.cycles, submissions: store.submissions }),
    () => readBootstrapSource(historyDir),
  );
  const requestId = randomUUID();
  const answer = await bootstrap(cloudFormationCreate(requestId), createLambdaContext('bootstrap', BOOTSTRAP_TIMEOUT_SECONDS, requestId));

  return {
    queues,
    queueUrls: {
      mail: queues.MailQueue.url,
      submissions: queues.SubmissionsQueue.url,
      report: queues.ReportQueue.url,
      notify: queues.NotifyQueue.url,
    },
    bootstrap: answer,
  };
}

/** The stack's bootstrap timeout (infra/stateless-stack.ts). */
const BOOTSTRAP_TIMEOUT_SECONDS = 120;

/** The event the Provider framework hands the bootstrap function when the stack is created. */
function cloudFormationCreate(requestId: string): CloudFormationCustomResourceCreateEvent {
  return {
    RequestType: 'Create',
    ServiceToken: 'local',
    ResponseURL: 'http://localhost/unused',
    StackId: 'arn:aws:cloudformation:eu-central-1:123456789012:stack/local/local',
    RequestId: requestId,
    LogicalResourceId: 'Bootstrap',
    ResourceType: 'Custom::Bootstrap',
    ResourceProperties: { ServiceToken: 'local' },
  };
}

async function ensureQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<{ url: string; arn: string }> {
  let url: string | undefined;
  try {
    url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl;
  } catch (error) {
    // Same name, other settings (e.g. a changed visibility timeout): bring the queue to these settings.
    if ((error as { name?: string }).name !== 'QueueNameExists') throw error;
    url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  }
  if (url === undefined) throw new Error(`The SQS emulator returned no URL for queue ${name}.`);
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  const arn = Attributes?.QueueArn;
  if (arn === undefined) throw new Error(`The SQS emulator returned no ARN for queue ${name}.`);
  return { url, arn };
}
