/**
 * The few DynamoDB requests the stores make, each with consumed capacity reported, conditional
 * failures turned into `false`, queries paginated and batch writes chunked and retried.
 */
import { ConditionalCheckFailedException, type ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { sleep, backoffDelay } from '../retry';
import type { TableKey } from './keys';

export type Item = Record<string, unknown>;

export type ConsumedCapacityListener = (
  operation: string,
  capacity: ConsumedCapacity | ConsumedCapacity[] | undefined,
) => void;

export interface DynamoStoreOptions {
  /** Called after every request with the DynamoDB operation name (`PutItem`, `Query`, …). */
  onConsumedCapacity?: ConsumedCapacityListener;
  /** Retries of a batch write's unprocessed items; the defaults suit AWS. */
  batchRetry?: { maxAttempts?: number; baseDelayMs?: number };
}

export interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

type UpdateRequest = Omit<UpdateCommandInput, 'TableName' | 'Key' | 'ReturnConsumedCapacity'>;
type QueryRequest = Omit<QueryCommandInput, 'TableName' | 'ReturnConsumedCapacity' | 'ExclusiveStartKey'>;
type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** DynamoDB's limit of requests in one BatchWriteItem. */
const BATCH_SIZE = 25;
/** DynamoDB's limit of keys in one BatchGetItem. */
const BATCH_GET_SIZE = 100;
/** Batches in flight at once: fast enough for 2,000 items, gentle on on-demand capacity. */
const BATCH_CONCURRENCY = 4;

export class DynamoTable {
  private readonly maxBatchAttempts: number;
  private readonly batchBaseDelayMs: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly name: string,
    private readonly options: DynamoStoreOptions = {},
  ) {
    this.maxBatchAttempts = options.batchRetry?.maxAttempts ?? 8;
    this.batchBaseDelayMs = options.batchRetry?.baseDelayMs ?? 50;
  }

  /** Strongly consistent: callers decide on what they read. */
  async get(key: TableKey): Promise<Item | null> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.name, Key: key, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.report('GetItem', output.ConsumedCapacity);
    return output.Item ?? null;
  }

  /**
   * Several items in one request (100 keys a request), each strongly consistent as `get` reads it.
   * Unprocessed keys are retried with exponential backoff; the call throws rather than leave any
   * key unread. @returns the items found, by `itemKey`.
   */
  async getMany(wanted: TableKey[]): Promise<Map<string, Item>> {
    const unique = [...new Map(wanted.map((key) => [itemKey(key), key])).values()];
    const found = new Map<string, Item>();
    for (let start = 0; start < unique.length; start += BATCH_GET_SIZE) {
      let pending: TableKey[] = unique.slice(start, start + BATCH_GET_SIZE);
      for (let attempt = 1; ; attempt += 1) {
        const output = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.name]: { Keys: pending, ConsistentRead: true } },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        this.report('BatchGetItem', output.ConsumedCapacity);
        for (const item of output.Responses?.[this.name] ?? []) found.set(itemKey(item), item);
        pending = (output.UnprocessedKeys?.[this.name]?.Keys ?? []) as TableKey[];
        if (pending.length === 0) break;
        if (attempt >= this.maxBatchAttempts) {
          throw new Error(`BatchGetItem on ${this.name} left ${pending.length} keys unread after ${attempt} attempts.`);
        }
        await sleep(backoffDelay(attempt, this.batchBaseDelayMs, 5_000));
      }
    }
    return found;
  }

  /** @returns false when `condition` did not hold; nothing was written then. */
  async put(item: Item, condition?: Condition): Promise<boolean> {
    return this.conditional('PutItem', () =>
      this.client.send(new PutCommand({ TableName: this.name, Item: item, ...condition, ReturnConsumedCapacity: 'TOTAL' })),
    );
  }

  /** @returns false when the request's condition did not hold; nothing was written then. */
  async update(key: TableKey, request: UpdateRequest): Promise<boolean> {
    return this.conditional('UpdateItem', () =>
      this.client.send(new UpdateCommand({ TableName: this.name, Key: key, ...request, ReturnConsumedCapacity: 'TOTAL' })),
    );
  }

  async delete(key: TableKey): Promise<void> {
    const output = await this.client.send(
      new DeleteCommand({ TableName: this.name, Key: key, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.report('DeleteItem', output.ConsumedCapacity);
  }

  /** @returns false when `condition` did not hold; nothing was deleted then. */
  async deleteIf(key: TableKey, condition: Condition): Promise<boolean> {
    return this.conditional('DeleteItem', () =>
      this.client.send(new DeleteCommand({ TableName: this.name, Key: key, ...condition, ReturnConsumedCapacity: 'TOTAL' })),
    );
  }

  /** Every page of a query. Base-table queries read consistently unless the request says otherwise. */
  async queryAll(request: QueryRequest): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const output = await this.client.send(
        new QueryCommand({
          TableName: this.name,
          ConsistentRead: request.IndexName === undefined,
          ...request,
          ExclusiveStartKey: startKey,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.report('Query', output.ConsumedCapacity);
      items.push(...(output.Items ?? []));
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }

  /** One page, for queries that stop early (e.g. `Limit: 1`). */
  async queryPage(request: QueryRequest): Promise<Item[]> {
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.name,
        ConsistentRead: request.IndexName === undefined,
        ...request,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.report('Query', output.ConsumedCapacity);
    return output.Items ?? [];
  }

  /**
   * Unconditional puts and deletes in batches of 25. Unprocessed items are retried with
   * exponential backoff; the call throws rather than lose any of them.
   */
  async writeBatch(puts: Item[], deletes: TableKey[] = []): Promise<void> {
    // A batch may not touch one key twice; the last write of a key wins, as it would one by one.
    const requests = new Map<string, WriteRequest>();
    for (const item of puts) requests.set(itemKey(item), { PutRequest: { Item: item } });
    for (const key of deletes) requests.set(itemKey(key), { DeleteRequest: { Key: { ...key } } });
    const all = [...requests.values()];
    const chunks: WriteRequest[][] = [];
    for (let start = 0; start < all.length; start += BATCH_SIZE) chunks.push(all.slice(start, start + BATCH_SIZE));

    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks.length) {
        const chunk = chunks[next++] as WriteRequest[];
        await this.writeChunk(chunk);
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, chunks.length) }, worker));
  }

  private async writeChunk(chunk: WriteRequest[]): Promise<void> {
    let pending = chunk;
    for (let attempt = 1; ; attempt += 1) {
      const output = await this.client.send(
        new BatchWriteCommand({ RequestItems: { [this.name]: pending }, ReturnConsumedCapacity: 'TOTAL' }),
      );
      this.report('BatchWriteItem', output.ConsumedCapacity);
      pending = output.UnprocessedItems?.[this.name] ?? [];
      if (pending.length === 0) return;
      if (attempt >= this.maxBatchAttempts) {
        throw new Error(
          `BatchWriteItem on ${this.name} left ${pending.length} items unprocessed after ${attempt} attempts.`,
        );
      }
      await sleep(backoffDelay(attempt, this.batchBaseDelayMs, 5_000));
    }
  }

  private async conditional(
    operation: string,
    send: () => Promise<{ ConsumedCapacity?: ConsumedCapacity }>,
  ): Promise<boolean> {
    try {
      const output = await send();
      this.report(operation, output.ConsumedCapacity);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') {
        // The exception carries no capacity, but the request still counts.
        this.report(operation, undefined);
        return false;
      }
      throw error;
    }
  }

  private report(operation: string, capacity: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
    this.options.onConsumedCapacity?.(operation, capacity);
  }
}

/** One string per item key, e.g. to find a batch's items by their keys. */
export function itemKey(key: { PK?: unknown; SK?: unknown }): string {
  return `${String(key.PK)}\u0000${String(key.SK)}`;
}
