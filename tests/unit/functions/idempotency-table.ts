/**
 * The Powertools idempotency records behind the mocked low-level DynamoDB client: a record is
 * written on the first delivery and a second write of the same key fails its condition, as in
 * DynamoDB, unless the record expired.
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';

type Record = { [key: string]: unknown };

export class IdempotencyTable {
  readonly records = new Map<string, Record>();

  constructor(private readonly client: AwsClientStub<DynamoDBClient>) {}

  private keyOf(key: { [name: string]: AttributeValue } | undefined): string {
    const plain = unmarshall(key ?? {});
    return `${plain['PK']}\u0000${plain['SK']}`;
  }

  /** A record as a completed earlier delivery leaves it. */
  putCompleted(pk: string, sk: string, response: unknown): void {
    this.records.set(`${pk}\u0000${sk}`, {
      PK: pk,
      SK: sk,
      status: 'COMPLETED',
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
      data: response,
    });
  }

  install(): void {
    this.client.on(PutItemCommand).callsFake((input) => {
      const key = this.keyOf({ PK: input.Item.PK, SK: input.Item.SK });
      const existing = this.records.get(key);
      const nowSeconds = Date.now() / 1000;
      if (existing && Number(existing['expiresAt']) >= nowSeconds) {
        throw new ConditionalCheckFailedException({
          message: 'The conditional request failed',
          $metadata: {},
          Item: marshall(existing),
        });
      }
      this.records.set(key, unmarshall(input.Item));
      return {};
    });
    this.client.on(GetItemCommand).callsFake((input) => {
      const existing = this.records.get(this.keyOf(input.Key));
      return existing ? { Item: marshall(existing) } : {};
    });
    this.client.on(UpdateItemCommand).callsFake((input) => {
      const key = this.keyOf(input.Key);
      const values = unmarshall(input.ExpressionAttributeValues ?? {});
      const names = input.ExpressionAttributeNames ?? {};
      const record: Record = { ...this.records.get(key), ...unmarshall(input.Key ?? {}) };
      for (const assignment of String(input.UpdateExpression).replace(/^SET\s+/, '').split(',')) {
        const [name, value] = assignment.split('=').map((side) => side.trim()) as [string, string];
        record[names[name] ?? name] = values[value];
      }
      this.records.set(key, record);
      return {};
    });
    this.client.on(DeleteItemCommand).callsFake((input) => {
      this.records.delete(this.keyOf(input.Key));
      return {};
    });
  }
}
