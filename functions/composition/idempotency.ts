/**
 * Where the mailer remembers which queued messages it has handled: Powertools idempotency records
 * in the application's own table, under one partition per function, expiring through the table's
 * TTL attribute.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';

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
