/**
 * The SDK clients, created once per process and reused across Lambda invocations (connection
 * reuse is most of a warm invocation's speed). One factory per service, so that a function's
 * bundle carries only the clients it calls: the AWS composition uses them one by one; the local
 * runtime, which runs every function, takes all of them (`createAwsClients`).
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

export interface DynamoClients {
  dynamodb: DynamoDBClient;
  documents: DynamoDBDocumentClient;
}

export interface AwsClients extends DynamoClients {
  sqs: SQSClient;
  ses: SESv2Client;
}

const created = new Map<string, unknown>();

/** The same client for the same service and endpoints, so calling a factory per invocation costs nothing. */
function once<T>(service: string, endpoints: AwsEndpoints, create: (common: { region: string; credentials?: AwsEndpoints['credentials'] }) => T): T {
  const cacheKey = `${service} ${JSON.stringify(endpoints)}`;
  if (!created.has(cacheKey)) {
    created.set(cacheKey, create({ region: endpoints.region, ...(endpoints.credentials ? { credentials: endpoints.credentials } : {}) }));
  }
  return created.get(cacheKey) as T;
}

export function dynamoClients(endpoints: AwsEndpoints): DynamoClients {
  return once('dynamodb', endpoints, (common) => {
    const dynamodb = new DynamoDBClient({ ...common, ...(endpoints.dynamodb ? { endpoint: endpoints.dynamodb } : {}) });
    return {
      dynamodb,
      documents: DynamoDBDocumentClient.from(dynamodb, {
        // Optional record fields left undefined are simply not stored.
        marshallOptions: { removeUndefinedValues: true },
      }),
    };
  });
}

export function sqsClient(endpoints: AwsEndpoints): SQSClient {
  return once('sqs', endpoints, (common) => new SQSClient({ ...common, ...(endpoints.sqs ? { endpoint: endpoints.sqs } : {}) }));
}

export function sesClient(endpoints: AwsEndpoints): SESv2Client {
  return once('ses', endpoints, (common) => new SESv2Client({ ...common, ...(endpoints.ses ? { endpoint: endpoints.ses } : {}) }));
}

/** Every client, for the local runtime that hosts every function in one process. */
export function createAwsClients(endpoints: AwsEndpoints): AwsClients {
  return { ...dynamoClients(endpoints), sqs: sqsClient(endpoints), ses: sesClient(endpoints) };
}
