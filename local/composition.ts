/**
 * The local composition root: the very adapters the AWS composition uses, pointed at the emulators.
 * Only the clock differs, so that the demo and the tests can move time instead of waiting for it.
 */
import './function-environment';
import { createAwsClients, type AwsEndpoints } from '../adapters/aws-clients';
import { DynamoMonitoringStore, type DynamoStoreOptions } from '../adapters/dynamodb/monitoring-store';
import { SesMailSender } from '../adapters/ses/mail-sender';
import { eventRoutes, SqsEventPublisher } from '../adapters/sqs/event-publisher';
import { CryptoTokenIssuer } from '../adapters/token-issuer';
import { reportDocuments } from '../documents/monitoring/docx';
import { emailTemplates } from '../templates/email/all';
import type { Clock, Dependencies, MonitoringConfig } from '../domain/ports';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { idempotencyPersistence } from '../functions/composition/idempotency';

export const LOCAL_REGION = 'eu-central-1';
/** The emulators accept any credentials; fixed ones keep the SDK from searching the machine for real ones. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_SENDER = 'Chytřejší Liberecký kraj <monitoring@example.org>';

export interface LocalEndpoints {
  dynamodb: string;
  sqs: string;
  ses: string;
}

export interface LocalQueueUrls {
  mail: string;
  submissions: string;
  report: string;
  notify: string;
}

export interface LocalRuntimeOptions {
  endpoints: LocalEndpoints;
  tableName: string;
  queueUrls: LocalQueueUrls;
  clock: Clock;
  config: MonitoringConfig;
  /** The From of every email. */
  sender?: string;
  /** E.g. a consumed-capacity listener, for the benchmark. */
  storeOptions?: DynamoStoreOptions;
}

export function localAwsEndpoints(endpoints: LocalEndpoints): AwsEndpoints {
  return { region: LOCAL_REGION, ...endpoints, credentials: { ...LOCAL_CREDENTIALS } };
}

export function createLocalRuntime(options: LocalRuntimeOptions): Dependencies {
  const clients = createAwsClients(localAwsEndpoints(options.endpoints));
  return {
    ...new DynamoMonitoringStore(clients.documents, options.tableName, options.storeOptions),
    clock: options.clock,
    config: options.config,
    events: new SqsEventPublisher(clients.sqs, eventRoutes(options.queueUrls)),
    mail: new SesMailSender(clients.ses, { from: options.sender ?? LOCAL_SENDER }),
    emails: emailTemplates,
    documents: reportDocuments,
    tokenIssuer: new CryptoTokenIssuer(),
  };
}

/**
 * The Powertools idempotency store of a function, in the local table under the same keys as on
 * AWS (`IDEMPOTENCY#<functionName>`), one layer per function as functions/composition/aws.ts keeps them.
 */
export function createLocalIdempotency(options: Pick<LocalRuntimeOptions, 'endpoints' | 'tableName'>): (functionName: string) => BasePersistenceLayer {
  const clients = createAwsClients(localAwsEndpoints(options.endpoints));
  const layers = new Map<string, BasePersistenceLayer>();
  return (functionName) => {
    let layer = layers.get(functionName);
    if (layer === undefined) {
      layer = idempotencyPersistence(clients.dynamodb, options.tableName, functionName);
      layers.set(functionName, layer);
    }
    return layer;
  };
}

/**
 * A clock that runs like the wall clock from wherever it was last set, or stands still when
 * created frozen. Moving it forward is how a demo reaches a deadline without waiting for it.
 */
export class MovableClock implements Clock {
  private offsetMs: number;
  private frozenAt: number | null;
  private readonly listeners = new Set<() => void>();

  constructor(start: Date = new Date(), options: { frozen?: boolean } = {}) {
    this.offsetMs = start.getTime() - Date.now();
    this.frozenAt = options.frozen ? start.getTime() : null;
  }

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  set(date: Date): void {
    if (this.frozenAt !== null) this.frozenAt = date.getTime();
    else this.offsetMs = date.getTime() - Date.now();
    for (const listener of this.listeners) listener();
  }

  advance(ms: number): void {
    this.set(new Date(this.now().getTime() + ms));
  }

  /** Called after every set/advance, so timers bound to this clock can re-plan at once. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
