import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

// The emulators are CommonJS; loading them through require keeps the interop identical under tsx, vitest and node.
const require = createRequire(import.meta.url);

type DynaliteFactory = (options: { path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => Server;
const dynalite = require('dynalite') as DynaliteFactory;
const { createRequestHandler } = require('local-aws-sqs') as typeof import('local-aws-sqs');
const sesServer = (require('aws-ses-v2-local') as typeof import('aws-ses-v2-local')).default;

export type EmulatorName = 'dynamodb' | 'sqs' | 'ses';

export interface EmulatorOptions {
  /** Folder for dynalite's LevelDB; DynamoDB is in-memory when absent. */
  dataDir?: string;
  /** 0 picks a random free port. */
  ports: Record<EmulatorName, number>;
  host?: string;
}

export interface RunningEmulators {
  endpoints: Record<EmulatorName, string>;
  sesInboxUrl: string;
  stop(): Promise<void>;
}

const PORT_ENV_VARS: Record<EmulatorName, string> = {
  dynamodb: 'DYNAMODB_PORT',
  sqs: 'SQS_PORT',
  ses: 'SES_PORT',
};

const EMULATOR_LABELS: Record<EmulatorName, string> = {
  dynamodb: 'DynamoDB (dynalite)',
  sqs: 'SQS (local-aws-sqs)',
  ses: 'SES v2 (aws-ses-v2-local)',
};

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';

  constructor(
    readonly emulator: EmulatorName,
    readonly port: number,
    readonly envVar: string = PORT_ENV_VARS[emulator],
  ) {
    super(
      `Port ${port} for the ${EMULATOR_LABELS[emulator]} emulator is already in use. ` +
        `Stop the process holding it, or choose another port with the ${envVar} environment variable (0 = random free port).`,
    );
  }
}

export async function startEmulators(options: EmulatorOptions): Promise<RunningEmulators> {
  const host = options.host ?? '127.0.0.1';
  // A wildcard bind address is not something a client can connect to.
  const connectHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;

  // Checked up front so that no emulator (and no LevelDB lock) is left half-started when a later port is taken.
  for (const emulator of ['dynamodb', 'sqs', 'ses'] as const) {
    if (await isPortTaken(options.ports[emulator], host)) throw new PortInUseError(emulator, options.ports[emulator]);
  }

  const started: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    const results = await Promise.allSettled(started.splice(0).reverse().map((stop) => stop()));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  };

  try {
    const dynamoServer = dynalite({
      ...(options.dataDir === undefined ? {} : { path: options.dataDir }),
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
    });
    const dynamoPort = await listen(dynamoServer, 'dynamodb', options.ports.dynamodb, host);
    started.push(() => closeServer(dynamoServer));

    const sqs = createRequestHandler({
      port: options.ports.sqs,
      hostname: connectHost,
      region: 'eu-central-1',
      // Tests and local restarts recreate queues by name immediately; AWS's 60 s wait would only get in the way.
      emulateQueueCreationLifecycle: false,
    });
    const sqsServer = createServer((req, res) => void sqs.requestHandler(req, res));
    const sqsPort = await listen(sqsServer, 'sqs', options.ports.sqs, host);
    // Queue URLs are built from this port, which is only known after a random-port bind.
    sqs.service.PORT = sqsPort;
    started.push(() => closeServer(sqsServer));

    const ses = await sesServer({ host, port: options.ports.ses });
    if (!ses.listening) {
      if (await isPortTaken(options.ports.ses, host)) throw new PortInUseError('ses', options.ports.ses);
      throw new Error(`The ${EMULATOR_LABELS.ses} emulator could not listen on ${host}:${options.ports.ses}.`);
    }
    started.push(() => closeServer(ses));
    const sesPort = (ses.address() as AddressInfo).port;

    const url = (port: number): string => `http://${formatHost(connectHost)}:${port}`;
    return {
      endpoints: { dynamodb: url(dynamoPort), sqs: url(sqsPort), ses: url(sesPort) },
      sesInboxUrl: `${url(sesPort)}/`,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, emulator: EmulatorName, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(emulator, port) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    // dynalite's close resolves only after its LevelDB is flushed and closed.
    server.close((error) => (error ? reject(error) : resolve()));
    // SDK clients keep connections alive; without this, close waits for their idle timeout.
    server.closeAllConnections();
  });
}

async function isPortTaken(port: number, host: string): Promise<boolean> {
  if (port === 0) return false;
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(true);
      else reject(error);
    });
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}
