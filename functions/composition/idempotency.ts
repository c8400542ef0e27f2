/**
 * Where the mailer remembers which queued messages it has handled: Powertools idempotency records
 * in the application's own table, under one partition per function, expiring through the table's
 * TTL attribute.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { dynamoClients } from '../../adapters/aws-clients';
import { endpointsOf, readTableEnvironment } from './aws';

/** The table's TTL attribute (infra/stateful-stack.ts): expired records are deleted for free. */
const TTL_ATTRIBUTE = 'expiresAt';

export function idempotencyPersistence(client: DynamoDBClient, tableName: string, functionName: string): BasePersistenceLayer {
  return new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: client,
    keyAttr: 'PK',
    sortKeyAttr: 'SK',
    staticPkValue: `IDEMPOTENCY#${functionName}`,
    expiryAttr: TTL_ATTRIBUTE,
  });
}

const persistenceLayers = new Map<string, BasePersistenceLayer>();

/**
 * The Powertools idempotency store of a function on AWS, in the application table (`PK` =
 * `IDEMPOTENCY#<functionName>`, `SK` = the hashed key), built on the first call.
 */
export function awsIdempotency(functionName: string): BasePersistenceLayer {
  let layer = persistenceLayers.get(functionName);
  if (layer === undefined) {
    const { TABLE_NAME } = readTableEnvironment(process.env);
    layer = idempotencyPersistence(dynamoClients(endpointsOf(process.env, 'dynamodb')).dynamodb, TABLE_NAME, functionName);
    persistenceLayers.set(functionName, layer);
  }
  return layer;
}
