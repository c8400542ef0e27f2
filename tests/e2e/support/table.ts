/**
 * Reads the monitoring table directly with the AWS SDK, keys written as table-design.md gives
 * them, so the tests check what is stored rather than what the adapters say is stored.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { gunzipSync } from 'node:zlib';

export type Item = Record<string, unknown>;

export class TableReader {
  private readonly client: DynamoDBClient;
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    endpoint: string,
    private readonly tableName: string,
  ) {
    this.client = new DynamoDBClient({
      endpoint,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    this.documents = DynamoDBDocumentClient.from(this.client);
  }

  async get(PK: string, SK: string): Promise<Item | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: { PK, SK }, ConsistentRead: true }));
    return Item;
  }

  /** Every item of a partition, optionally only those whose sort key starts with `prefix`. */
  async query(PK: string, prefix?: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: prefix === undefined ? 'PK = :pk' : 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': PK, ...(prefix === undefined ? {} : { ':prefix': prefix }) },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }

  /** The whole table: only a test, looking for something that must be stored nowhere, reads it all. */
  async scanAll(): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(new ScanCommand({ TableName: this.tableName, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }

  /** Which version of each project the cycle's indicator totals include (committed, not pending). */
  async appliedVersions(cycleId: string): Promise<Record<string, number>> {
    const items = await this.query(`CYCLE#${cycleId}`, 'INDICATORS#PROJECT#');
    return Object.fromEntries(items.filter((item) => (item.version as number) > 0).map((item) => [item.projectId as string, item.version as number]));
  }

  /** The cycle's indicator totals item as stored. */
  async indicatorTotals(cycleId: string): Promise<Item | undefined> {
    return this.get(`CYCLE#${cycleId}`, 'INDICATORS');
  }

  destroy(): void {
    this.client.destroy();
  }
}

/**
 * An item as text, binary attributes included both as UTF-8 and as gunzipped UTF-8 where they
 * are compressed, so a search covers the compressed report and indicator blobs too.
 */
export function itemText(item: Item): string {
  return JSON.stringify(item, (_key, value: unknown) => {
    if (value instanceof Uint8Array) {
      const buffer = Buffer.from(value);
      let unzipped = '';
      try {
        unzipped = gunzipSync(buffer).toString('utf8');
      } catch {
        // Not gzip: the raw bytes are all there is.
      }
      return `${buffer.toString('utf8')}${unzipped}`;
    }
    return value;
  });
}
