/**
 * What CloudFormation creates on AWS, created locally on every start: the table, the queues with
 * their dead-letter queues, and on first start the Liberec catalog and the 2025-H2 history the
 * first cycle is pre-filled from. Every step leaves existing things as they are.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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
import { liberecActionPlan } from '../domain/catalog/liberec';
import { NotFoundError } from '../domain/errors';
import { parseMonitoringReport } from '../domain/importer/parse-monitoring-report';
import type { Clock } from '../domain/ports';
import { loadHistory } from '../domain/use-cases/load-history';
import { localAwsEndpoints, type LocalEndpoints, type LocalQueueUrls } from './composition';
import {
  deadLetterQueueName,
  DLQ_RETENTION_SECONDS,
  MAX_RECEIVE_COUNT,
  QUEUES,
  SOURCE_RETENTION_SECONDS,
  type QueueName,
} from './topology';

export const DEFAULT_HISTORY_FILE = fileURLToPath(new URL('../data/history/monitoring-2025-H2.md', import.meta.url));

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
  /** The monitoring report whose projects pre-fill the first cycle; `null` skips it. */
  historyFile?: string | null;
  /** Tests shorten the visibility timeouts so that five failed receives take seconds, not minutes. */
  visibilityTimeoutSeconds?: number;
}

export interface Infrastructure {
  queues: Record<QueueName, QueueInfo>;
  queueUrls: LocalQueueUrls;
  catalogLoaded: boolean;
  history: { cycleId: string; imported: number; unmatched: string[]; alreadyLoaded: boolean } | null;
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
  const catalogLoaded = await ensureCatalog(store);
  const historyFile = options.historyFile === undefined ? DEFAULT_HISTORY_FILE : options.historyFile;
  // Run on every start, not only the first: loadHistory skips what is stored, so a start that died
  // half-way through the import completes it next time.
  const history =
    historyFile === null
      ? null
      : await loadHistory(
          { clock: options.clock, cycles: store.cycles, submissions: store.submissions },
          liberecActionPlan,
          parseMonitoringReport(await readFile(historyFile, 'utf8')),
        );

  return {
    queues,
    queueUrls: {
      mail: queues.MailQueue.url,
      submissions: queues.SubmissionsQueue.url,
      report: queues.ReportQueue.url,
      notify: queues.NotifyQueue.url,
    },
    catalogLoaded,
    history,
  };
}

/** @returns true when the catalog was loaded now, false when it was there already. */
async function ensureCatalog(store: DynamoMonitoringStore): Promise<boolean> {
  try {
    await store.plans.getPlan(liberecActionPlan.id);
    return false;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    await store.plans.savePlan(liberecActionPlan);
    return true;
  }
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
