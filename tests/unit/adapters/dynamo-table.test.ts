import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoTable } from '../../../adapters/dynamodb/table';

// DynamoDB Local and dynalite never throttle, so unprocessed items can only be provoked with a mock.
const documents = mockClient(DynamoDBDocumentClient);
const table = () =>
  new DynamoTable(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-central-1' })), 'monitoring', {
    batchRetry: { maxAttempts: 3, baseDelayMs: 1 },
  });
const items = (count: number) => Array.from({ length: count }, (_, index) => ({ PK: 'CYCLE#2026-H1', SK: `REQUEST#p-${index}` }));

beforeEach(() => {
  documents.reset();
});

describe('DynamoTable.writeBatch', () => {
  it('writes in batches of 25 and resends unprocessed items until none is left', async () => {
    // Prepare
    const written: string[] = [];
    let throttledOnce = false;
    documents.on(BatchWriteCommand).callsFake((input) => {
      const requests = input.RequestItems.monitoring as Array<{ PutRequest: { Item: { SK: string } } }>;
      if (!throttledOnce) {
        throttledOnce = true;
        written.push(...requests.slice(5).map((request) => request.PutRequest.Item.SK));
        return { UnprocessedItems: { monitoring: requests.slice(0, 5) } };
      }
      written.push(...requests.map((request) => request.PutRequest.Item.SK));
      return { UnprocessedItems: {} };
    });

    // Act
    await table().writeBatch(items(60));

    // Assess
    expect(written.sort()).toEqual(items(60).map((item) => item.SK).sort());
    const sizes = documents.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems?.['monitoring']?.length);
    expect(Math.max(...(sizes as number[]))).toBeLessThanOrEqual(25);
    expect(sizes).toContain(5);
  });

  it('throws once the attempts are used up instead of losing items', async () => {
    // Prepare
    documents.on(BatchWriteCommand).callsFake((input) => ({ UnprocessedItems: input.RequestItems }));

    // Act
    const writing = table().writeBatch(items(3));

    // Assess
    await expect(writing).rejects.toThrow(/3 items unprocessed after 3 attempts/);
    expect(documents).toHaveReceivedCommandTimes(BatchWriteCommand, 3);
  });
});
