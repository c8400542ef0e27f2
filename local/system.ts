/**
 * The whole system in one process: emulators, table and queues, the HTTP API, the queue pollers
 * and the schedules, all calling the same Lambda handlers as on AWS. `npm start`, the integration
 * tests and the demo all start it through `startLocalSystem`.
 */
import './function-environment';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createAwsClients } from '../adapters/aws-clients';
import type { DynamoStoreOptions } from '../adapters/dynamodb/monitoring-store';
import type { JWK } from 'jose';
import { OidcSignIn } from '../adapters/oidc/sign-in';
import type { Dependencies, MonitoringConfig } from '../domain/ports';
import { DEFAULT_ARR_NAME } from '../functions/composition/aws';
import { consoleUrls } from '../functions/composition/aws-console';
import type { ConsoleDependencies } from '../functions/console/context';
import { SessionCookies } from '../functions/console/session';
import { ensureArrKey } from './arr-key';
import { createLocalIdempotency, createLocalRuntime, localAwsEndpoints, MovableClock } from './composition';
import { startEmulators, type RunningEmulators } from './emulators';
import { createLocalHandlers, type LocalHandlers } from './handlers';
import { startHttpServer, type HttpHandler, type RunningHttpServer } from './http-server';
import { startLocalIdentityProvider, type LocalAccount, type RunningIdentityProvider } from './identity-provider';
import { QueuePoller, type DrainOptions } from './queue-poller';
import { restoreQueues, spoolQueues } from './queue-spool';
import { Scheduler } from './scheduler';
import { ensureInfrastructure, type Infrastructure } from './setup';
import { createSesEventInbox } from './ses-event-inbox';
import { deadLetterQueueName, LOCAL_ONLY_ROUTES, QUEUES, ROUTES, SCHEDULE_DEFINITIONS, type ScheduleName } from './topology';

export interface LocalPorts {
  api: number;
  dynamodb: number;
  sqs: number;
  ses: number;
  /** The local OpenID provider (Cognito's stand-in). */
  oidc: number;
}

export interface LocalLogger {
  info(message: string, extra?: object): void;
  warn(message: string, extra?: object): void;
  error(message: string, extra?: object): void;
}

export interface LocalSystemOptions {
  /** Persisted across runs: DynamoDB's LevelDB, the ARR key, queued messages at shutdown. */
  dataDir: string;
  /** 0 (the default for each) picks a random free port. */
  ports?: Partial<LocalPorts>;
  host?: string;
  clock?: MovableClock;
  config?: Partial<MonitoringConfig>;
  tableName?: string;
  /** The folder of past reports that pre-fill the first cycle (default `data/history/`); `null` loads none. */
  historyDir?: string | null;
  /** Shorter than the stack's, for tests of retries and dead-letter queues. */
  visibilityTimeoutSeconds?: number;
  /** Replaces single functions, e.g. a consumer that fails on purpose. */
  handlerOverrides?: Partial<LocalHandlers>;
  /** Background polling and schedules; off, work happens only on drainQueues() and runSchedule(). */
  background?: boolean;
  logger?: LocalLogger;
  /** Passed to the functions' DynamoDB store, e.g. a consumed-capacity listener for the benchmark. */
  storeOptions?: DynamoStoreOptions;
}

export interface LocalSystem {
  apiUrl: string;
  /** ARR's web console. */
  consoleUrl: string;
  /** The local OpenID provider and its accounts (one ARR, one steering-group member). */
  identity: { issuer: string; clientId: string; accounts: readonly LocalAccount[]; signingKey: JWK };
  consoleDeps: ConsoleDependencies;
  /** The SES emulator's inbox page. */
  sesUrl: string;
  endpoints: { dynamodb: string; sqs: string; ses: string };
  arrKey: string;
  dataDir: string;
  clock: MovableClock;
  deps: Dependencies;
  infrastructure: Infrastructure;
  drainQueues(options?: DrainOptions): Promise<void>;
  runSchedule(name: ScheduleName): Promise<unknown>;
  /** Stops schedules and pollers (finishing what is in flight), the API, spools waiting messages, stops the emulators. */
  stop(): Promise<void>;
}

export const LOCAL_TABLE_NAME = 'ChytrejsiKrajMonitoring';

export const LOCAL_CONFIG: Omit<MonitoringConfig, 'publicBaseUrl'> = {
  planId: '2024-2026',
  arr: { name: DEFAULT_ARR_NAME, email: 'arr@example.org' },
  steeringGroupEmails: ['ridici-skupina@example.org'],
  autoCloseGraceDays: 3,
  steeringGroupNoticeDays: 7,
};

const silentLogger: LocalLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? new MovableClock();
  const tableName = options.tableName ?? LOCAL_TABLE_NAME;
  const background = options.background ?? true;
  await mkdir(options.dataDir, { recursive: true });
  const arrKey = await ensureArrKey(options.dataDir);

  // The API listens first: its URL goes into every personal link, and a taken port fails before
  // the emulators (and dynalite's lock on the data folder) are started.
  let handlers: (LocalHandlers & { 'ses-event-inbox': HttpHandler }) | null = null;
  const server: RunningHttpServer = await startHttpServer({
    port: options.ports?.api ?? 0,
    host,
    arrKey,
    routes: [...ROUTES, ...LOCAL_ONLY_ROUTES],
    handlerFor: (fn) => handlers?.[fn] ?? null,
    onError: (message, extra) => logger.error(message, extra),
  });

  let emulators: RunningEmulators | undefined;
  let identityProvider: RunningIdentityProvider | undefined;
  try {
    identityProvider = await startLocalIdentityProvider({ port: options.ports?.oidc ?? 0, host, consoleBaseUrl: server.url });
    emulators = await startEmulators({
      dataDir: join(options.dataDir, 'dynamodb'),
      ports: { dynamodb: options.ports?.dynamodb ?? 0, sqs: options.ports?.sqs ?? 0, ses: options.ports?.ses ?? 0 },
      host,
    });
    const { endpoints } = emulators;
    const infrastructure = await ensureInfrastructure({
      endpoints,
      tableName,
      clock,
      ...(options.historyDir === undefined ? {} : { historyDir: options.historyDir }),
      ...(options.visibilityTimeoutSeconds === undefined ? {} : { visibilityTimeoutSeconds: options.visibilityTimeoutSeconds }),
    });
    const { sqs } = createAwsClients(localAwsEndpoints(endpoints));
    const allQueues = Object.fromEntries(
      Object.values(infrastructure.queues).flatMap((queue) => [
        [queue.name, queue.url],
        [deadLetterQueueName(queue.name), queue.dlqUrl],
      ]),
    );
    const restored = await restoreQueues(sqs, allQueues, options.dataDir);
    if (restored > 0) logger.info('Queued messages restored from the last run', { count: restored });

    const deps = createLocalRuntime({
      endpoints,
      tableName,
      queueUrls: infrastructure.queueUrls,
      clock,
      config: { ...LOCAL_CONFIG, publicBaseUrl: server.url, ...options.config },
      ...(options.storeOptions === undefined ? {} : { storeOptions: options.storeOptions }),
    });
    const urls = consoleUrls(server.url);
    const consoleDeps: ConsoleDependencies = {
      app: deps,
      auth: {
        // The same sign-in code as on AWS; only the issuer, the client and plain HTTP differ.
        signIn: new OidcSignIn({
          issuer: identityProvider.issuer,
          clientId: identityProvider.clientId,
          redirectUri: urls.callback,
          postLogoutRedirectUri: urls.signedOut,
          allowInsecureHttp: true,
        }),
        // A key per run: a restart signs everybody out, as the provider's keys are new too.
        cookies: new SessionCookies({ key: new Uint8Array(randomBytes(32)), secure: false }),
      },
    };
    const ready = {
      ...createLocalHandlers(() => deps, createLocalIdempotency({ endpoints, tableName }), () => consoleDeps),
      'ses-event-inbox': createSesEventInbox(sqs, infrastructure.queues.SesEventsQueue.url),
      ...options.handlerOverrides,
    };

    const poller = new QueuePoller(
      sqs,
      QUEUES.map((queue) => ({
        functionName: queue.consumer,
        queueUrl: infrastructure.queues[queue.name].url,
        queueArn: infrastructure.queues[queue.name].arn,
        batchSize: queue.batchSize,
        timeoutSeconds: queue.consumerTimeoutSeconds,
        handler: ready[queue.consumer],
      })),
      { logger },
    );
    const scheduler = new Scheduler(
      clock,
      SCHEDULE_DEFINITIONS.map((schedule) => ({ ...schedule, handler: ready[schedule.fn] })),
      { logger, onClockChange: (listener) => clock.onChange(listener) },
    );
    handlers = ready;
    if (background) {
      poller.start();
      scheduler.start();
    }

    const running = emulators;
    const idp = identityProvider;
    let stopping: Promise<void> | undefined;
    const stop = async (): Promise<void> => {
      await scheduler.stop();
      await poller.stop();
      await server.close();
      await idp.close();
      await poller.releaseFailed();
      const spooled = await spoolQueues(sqs, allQueues, options.dataDir);
      if (spooled > 0) logger.info('Queued messages kept for the next run', { count: spooled });
      await running.stop();
    };

    return {
      apiUrl: server.url,
      consoleUrl: `${server.url}/arr`,
      identity: { issuer: idp.issuer, clientId: idp.clientId, accounts: idp.accounts, signingKey: idp.signingKey },
      consoleDeps,
      sesUrl: emulators.sesInboxUrl,
      endpoints,
      arrKey,
      dataDir: options.dataDir,
      clock,
      deps,
      infrastructure,
      drainQueues: (drainOptions) => poller.drainQueues(drainOptions),
      runSchedule: (name) => scheduler.runSchedule(name),
      stop: () => (stopping ??= stop()),
    };
  } catch (error) {
    await server.close().catch(() => undefined);
    await identityProvider?.close().catch(() => undefined);
    await emulators?.stop().catch(() => undefined);
    throw error;
  }
}
