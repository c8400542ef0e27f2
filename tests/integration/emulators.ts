import { startEmulators, type RunningEmulators } from '../../local/emulators';

/** All three emulators on random free ports; DynamoDB in memory unless a folder is given. Call `stop()` in afterAll. */
export function startTestEmulators(options: { dataDir?: string } = {}): Promise<RunningEmulators> {
  return startEmulators({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ports: { dynamodb: 0, sqs: 0, ses: 0 },
  });
}

/** What every SDK v3 client needs to talk to one emulator instead of AWS. */
export function localClientConfig(endpoint: string): {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
} {
  return { endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}
