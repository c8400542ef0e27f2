/**
 * The SDK clients, created once per process and reused across Lambda invocations (connection
 * reuse is most of a warm invocation's speed). The composition roots read the environment and pass
 * the endpoints in; an absent endpoint means the real AWS service.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface AwsEndpoints {
  region: string;
  /** e.g. `http://127.0.0.1:4567` for dynalite. */
  dynamodb?: string;
  sqs?: string;
  ses?: string;
  /** Only for the emulators; on AWS the function's role provides credentials. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface AwsClients {
  dynamodb: DynamoDBClient;
  documents: DynamoDBDocumentClient;
  sqs: SQSClient;
  ses: SESv2Client;
}

const created = new Map<string, AwsClients>();

/** Returns the same clients for the same endpoints, so calling it per invocation costs nothing. */
export function createAwsClients(endpoints: AwsEndpoints): AwsClients {
  const cacheKey = JSON.stringify(endpoints);
  const existing = created.get(cacheKey);
  if (existing) return existing;

  const common = {
    region: endpoints.region,
    ...(endpoints.credentials ? { credentials: endpoints.credentials } : {}),
  };
  const dynamodb = new DynamoDBClient({ ...common, ...(endpoints.dynamodb ? { endpoint: endpoints.dynamodb } : {}) });
  const clients: AwsClients = {
    dynamodb,
    documents: DynamoDBDocumentClient.from(dynamodb, {
      // Optional record fields left undefined are simply not stored.
      marshallOptions: { removeUndefinedValues: true },
    }),
    sqs: new SQSClient({ ...common, ...(endpoints.sqs ? { endpoint: endpoints.sqs } : {}) }),
    ses: new SESv2Client({ ...common, ...(endpoints.ses ? { endpoint: endpoints.ses } : {}) }),
  };
  created.set(cacheKey, clients);
  return clients;
}
