// Documents the contract of the local emulators as seen through the real AWS SDK v3, so the rest of the
// project knows which AWS behaviours it can rely on locally and which ones it has to provide itself.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type ReceiveMessageCommandInput,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { PortInUseError, startEmulators, type RunningEmulators } from '../../local/emulators';
import { clearSentEmails, listSentEmails } from '../../local/ses-inbox';
import { localClientConfig, startTestEmulators } from './emulators';

let emulators: RunningEmulators;
let dynamo: DynamoDBClient;
let documents: DynamoDBDocumentClient;
let sqs: SQSClient;
let ses: SESv2Client;
let uniqueCounter = 0;
const dataDirs: string[] = [];

const unique = (prefix: string): string => `${prefix}-${Date.now()}-${++uniqueCounter}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

async function createMonitoringTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
        { AttributeName: 'GSI1PK', AttributeType: 'S' },
        { AttributeName: 'GSI1SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
}

async function createQueueWithDlq(visibilityTimeout: number, maxReceiveCount: number): Promise<{ queueUrl: string; dlqUrl: string }> {
  const { QueueUrl: dlqUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('dlq') }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }));
  const { QueueUrl: queueUrl } = await sqs.send(
    new CreateQueueCommand({
      QueueName: unique('queue'),
      Attributes: {
        VisibilityTimeout: String(visibilityTimeout),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount }),
      },
    }),
  );
  return { queueUrl: queueUrl!, dlqUrl: dlqUrl! };
}

function receiveAll(queueUrl: string, waitTimeSeconds = 0, maxNumberOfMessages = 10) {
  return sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: maxNumberOfMessages,
      WaitTimeSeconds: waitTimeSeconds,
      // The emulator reads only the deprecated AttributeNames (see the dedicated test); AWS reads both.
      MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      AttributeNames: ['All'],
    }),
  );
}

beforeAll(async () => {
  emulators = await startTestEmulators();
  dynamo = new DynamoDBClient(localClientConfig(emulators.endpoints.dynamodb));
  documents = DynamoDBDocumentClient.from(dynamo);
  sqs = new SQSClient(localClientConfig(emulators.endpoints.sqs));
  ses = new SESv2Client(localClientConfig(emulators.endpoints.ses));
});

afterAll(async () => {
  dynamo?.destroy();
  sqs?.destroy();
  ses?.destroy();
  await emulators?.stop();
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('startEmulators', () => {
  it('serves every emulator on a loopback endpoint and the SES inbox page', async () => {
    // Prepare
    const endpointPattern = /^http:\/\/127\.0\.0\.1:\d+$/;

    // Act
    const inbox = await fetch(emulators.sesInboxUrl);

    // Assess
    expect(emulators.endpoints.dynamodb).toMatch(endpointPattern);
    expect(emulators.endpoints.sqs).toMatch(endpointPattern);
    expect(emulators.endpoints.ses).toMatch(endpointPattern);
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain('<html');
  });

  it('refuses a taken port with PortInUseError naming the port, the emulator and the env var', async () => {
    // Prepare
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const takenPort = (blocker.address() as AddressInfo).port;

    // Act
    const error = await rejectionOf(startEmulators({ ports: { dynamodb: 0, sqs: takenPort, ses: 0 } }));
    await new Promise((resolve) => blocker.close(resolve));

    // Assess
    expect(error).toBeInstanceOf(PortInUseError);
    expect(error.message).toContain(String(takenPort));
    expect(error.message).toContain('SQS');
    expect(error.message).toContain('SQS_PORT');
    expect(error).toMatchObject({ emulator: 'sqs', port: takenPort, envVar: 'SQS_PORT' });
  });

  it('keeps DynamoDB data in dataDir across a stop and a restart on the same ports', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'dynalite-'));
    dataDirs.push(dataDir);
    const first = await startEmulators({ dataDir, ports: { dynamodb: 0, sqs: 0, ses: 0 } });
    const ports = Object.fromEntries(
      Object.entries(first.endpoints).map(([name, endpoint]) => [name, Number(new URL(endpoint).port)]),
    ) as { dynamodb: number; sqs: number; ses: number };
    const firstClient = new DynamoDBClient(localClientConfig(first.endpoints.dynamodb));
    await createMonitoringTable(firstClient, 'persisted');
    // dynalite answers CreateTable first and marks the table ACTIVE in a write of its own, on a
    // timer; on disk, under load, a put can arrive before it and find no table.
    await waitUntilTableExists({ client: firstClient, minDelay: 1, maxDelay: 2, maxWaitTime: 30 }, { TableName: 'persisted' });
    await DynamoDBDocumentClient.from(firstClient).send(
      new PutCommand({ TableName: 'persisted', Item: { PK: 'CYCLE#2025-02', SK: 'META', title: 'Monitorovací zpráva za 2. pololetí 2025' } }),
    );
    firstClient.destroy();
    await first.stop();

    // Act
    const second = await startEmulators({ dataDir, ports });
    const secondClient = new DynamoDBClient(localClientConfig(second.endpoints.dynamodb));
    const { Item } = await DynamoDBDocumentClient.from(secondClient).send(
      new GetCommand({ TableName: 'persisted', Key: { PK: 'CYCLE#2025-02', SK: 'META' } }),
    );
    secondClient.destroy();
    await second.stop();

    // Assess
    expect(second.endpoints).toEqual(first.endpoints);
    expect(Item).toEqual({ PK: 'CYCLE#2025-02', SK: 'META', title: 'Monitorovací zpráva za 2. pololetí 2025' });
  });
});

describe('DynamoDB (dynalite)', () => {
  const table = 'monitoring';

  beforeAll(async () => {
    await createMonitoringTable(dynamo, table);
    // See the restart test: the table turns ACTIVE on a timer of dynalite's own.
    await waitUntilTableExists({ client: dynamo, minDelay: 1, maxDelay: 2, maxWaitTime: 30 }, { TableName: table });
  });

  it('creates a PAY_PER_REQUEST table with a GSI that is ACTIVE at once', async () => {
    // Prepare
    const name = unique('created');

    // Act
    await createMonitoringTable(dynamo, name);
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: name }));

    // Assess
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.IndexStatus])).toEqual([['GSI1', 'ACTIVE']]);
  });

  it('rejects a second conditional put with ConditionalCheckFailedException', async () => {
    // Prepare
    const put = () =>
      documents.send(
        new PutCommand({
          TableName: table,
          Item: { PK: 'PERSON#simonova', SK: 'PROFILE', name: 'K. Šimonová' },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    await put();

    // Act
    const error = await rejectionOf(put());

    // Assess
    expect(error.name).toBe('ConditionalCheckFailedException');
  });

  it('applies an update guarded by the expected version and rejects a stale one', async () => {
    // Prepare
    await documents.send(new PutCommand({ TableName: table, Item: { PK: 'REPORT#1', SK: 'META', version: 1, state: 'otevřeno' } }));
    const updateFrom = (expectedVersion: number, state: string) =>
      documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { PK: 'REPORT#1', SK: 'META' },
          UpdateExpression: 'SET #state = :state, #version = #version + :one',
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#state': 'state', '#version': 'version' },
          ExpressionAttributeValues: { ':state': state, ':one': 1, ':expected': expectedVersion },
          ReturnValues: 'ALL_NEW',
        }),
      );

    // Act
    const fresh = await updateFrom(1, 'uzavřeno');
    const stale = await rejectionOf(updateFrom(1, 'zveřejněno'));

    // Assess
    expect(fresh.Attributes).toMatchObject({ version: 2, state: 'uzavřeno' });
    expect(stale.name).toBe('ConditionalCheckFailedException');
  });

  it('writes a batch and queries it back through the GSI in sort-key order', async () => {
    // Prepare
    const projects = ['Taxibusy', 'Trans-Borders Plus', 'Platební portál', 'Datový sklad'];
    const requests = projects.map((name, index) => ({
      PutRequest: {
        Item: {
          PK: { S: `PROJECT#${index}` },
          SK: { S: 'META' },
          GSI1PK: { S: 'AREA#7' },
          GSI1SK: { S: `PROJECT#${String(index).padStart(3, '0')}` },
          name: { S: name },
        },
      },
    }));

    // Act
    const batch = await dynamo.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
    const { Items } = await documents.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :area',
        ExpressionAttributeValues: { ':area': 'AREA#7' },
      }),
    );

    // Assess
    expect(batch.UnprocessedItems ?? {}).toEqual({});
    expect(Items?.map((item) => item['name'])).toEqual(projects);
  });

  it('returns ConsumedCapacity when asked for TOTAL', async () => {
    // Prepare
    const item = { PK: 'CAPACITY', SK: 'META' };

    // Act
    const { ConsumedCapacity } = await documents.send(new PutCommand({ TableName: table, Item: item, ReturnConsumedCapacity: 'TOTAL' }));

    // Assess
    expect(ConsumedCapacity).toEqual({ TableName: table, CapacityUnits: 1 });
  });
});

describe('SQS (local-aws-sqs)', () => {
  it('accepts VisibilityTimeout, RedrivePolicy and SqsManagedSseEnabled and reports a regional QueueArn', async () => {
    // Prepare
    const dlqName = unique('dlq');
    const { QueueUrl: dlqUrl } = await sqs.send(new CreateQueueCommand({ QueueName: dlqName }));
    const dlqArn = `arn:aws:sqs:eu-central-1:123456789012:${dlqName}`;
    const redrivePolicy = JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 });

    // Act
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({
        QueueName: unique('queue'),
        Attributes: { VisibilityTimeout: '45', RedrivePolicy: redrivePolicy, SqsManagedSseEnabled: 'true' },
      }),
    );
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    const dlq = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }));

    // Assess
    expect(QueueUrl).toMatch(new RegExp(`^${emulators.endpoints.sqs}/123456789012/queue-`));
    expect(dlq.Attributes?.QueueArn).toBe(dlqArn);
    expect(Attributes).toMatchObject({ VisibilityTimeout: '45', RedrivePolicy: redrivePolicy, SqsManagedSseEnabled: 'true' });
  });

  it('accepts KmsMasterKeyId alone but rejects it together with SqsManagedSseEnabled', async () => {
    // Prepare
    const kms = { KmsMasterKeyId: 'alias/aws/sqs' };

    // Act
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('kms'), Attributes: kms }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    const both = await rejectionOf(
      sqs.send(new CreateQueueCommand({ QueueName: unique('both'), Attributes: { ...kms, SqsManagedSseEnabled: 'true' } })),
    );

    // Assess
    expect(Attributes).toMatchObject({ KmsMasterKeyId: 'alias/aws/sqs', SqsManagedSseEnabled: 'false' });
    expect(both.name).toBe('InvalidAttributeName');
  });

  it('rejects a RedrivePolicy whose dead-letter queue does not exist', async () => {
    // Prepare
    const redrivePolicy = JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-central-1:123456789012:missing', maxReceiveCount: 3 });

    // Act
    const error = await rejectionOf(
      sqs.send(new CreateQueueCommand({ QueueName: unique('orphan'), Attributes: { RedrivePolicy: redrivePolicy } })),
    );

    // Assess
    expect(error.name).toBe('InvalidParameterValue');
  });

  it('treats CreateQueue with the same attributes as idempotent and different ones as QueueNameExists', async () => {
    // Prepare
    const name = unique('idempotent');
    const first = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { VisibilityTimeout: '30' } }));

    // Act
    const again = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { VisibilityTimeout: '30' } }));
    const changed = await rejectionOf(sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { VisibilityTimeout: '60' } })));

    // Assess
    expect(again.QueueUrl).toBe(first.QueueUrl);
    expect(changed.name).toBe('QueueNameExists');
  });

  it('round-trips single and batch messages with Czech bodies through the SDK md5 checks, then deletes them', async () => {
    // Prepare
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('roundtrip') }));
    const bodies = ['Připomínka: vyplňte zprávu', 'Žluťoučký kůň', 'Úterý 8. října', 'Řídící skupina'];

    // Act
    const single = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: bodies[0] }));
    const batch = await sqs.send(
      new SendMessageBatchCommand({ QueueUrl, Entries: bodies.slice(1).map((body, index) => ({ Id: `m${index}`, MessageBody: body })) }),
    );
    const received = await receiveAll(QueueUrl!, 1);
    for (const message of received.Messages ?? []) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
    const afterDelete = await receiveAll(QueueUrl!);

    // Assess
    expect(single.MessageId).toBeTruthy();
    expect(batch.Successful).toHaveLength(3);
    expect(batch.Failed ?? []).toEqual([]);
    expect(received.Messages?.map((message) => message.Body).sort()).toEqual([...bodies].sort());
    expect(received.Messages?.map((message) => message.Attributes?.ApproximateReceiveCount)).toEqual(['1', '1', '1', '1']);
    expect(afterDelete.Messages ?? []).toEqual([]);
  });

  it('returns message system attributes only for the deprecated AttributeNames, not for MessageSystemAttributeNames', async () => {
    // Prepare
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('attributes') }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'atributy' }));
    const receive = (names: Pick<ReceiveMessageCommandInput, 'AttributeNames' | 'MessageSystemAttributeNames'>) =>
      sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1, VisibilityTimeout: 0, ...names }));

    // Act
    const modern = await receive({ MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
    const deprecated = await receive({ AttributeNames: ['All'] });

    // Assess
    expect(modern.Messages?.[0]?.Body).toBe('atributy');
    expect(modern.Messages?.[0]?.Attributes).toBeUndefined();
    expect(deprecated.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
  });

  it('holds a long poll for the whole WaitTimeSeconds unless MaxNumberOfMessages messages are available', async () => {
    // Prepare
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('longpoll') }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'první' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'druhá' }));

    // Act
    const startedOne = Date.now();
    const one = await receiveAll(QueueUrl!, 1, 1);
    const oneMs = Date.now() - startedOne;
    const startedTen = Date.now();
    const ten = await receiveAll(QueueUrl!, 1, 10);
    const tenMs = Date.now() - startedTen;

    // Assess
    expect(one.Messages).toHaveLength(1);
    expect(oneMs).toBeLessThan(500);
    expect(ten.Messages).toHaveLength(1);
    expect(tenMs).toBeGreaterThanOrEqual(950);
  });

  it('hides a received message for the visibility timeout and redelivers it afterwards', async () => {
    // Prepare
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('visibility'), Attributes: { VisibilityTimeout: '1' } }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'viditelnost' }));
    await receiveAll(QueueUrl!, 0, 1);

    // Act
    const whileHidden = await receiveAll(QueueUrl!, 0, 1);
    await sleep(1_100);
    const afterTimeout = await receiveAll(QueueUrl!, 0, 1);

    // Assess
    expect(whileHidden.Messages ?? []).toEqual([]);
    expect(afterTimeout.Messages?.map((message) => [message.Body, message.Attributes?.ApproximateReceiveCount])).toEqual([
      ['viditelnost', '2'],
    ]);
  });

  it('releases a message at once with ChangeMessageVisibility 0, counting the change as a receive', async () => {
    // Prepare
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('release') }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'uvolnit' }));
    const first = await receiveAll(QueueUrl!, 0, 1);

    // Act
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: first.Messages?.[0]?.ReceiptHandle, VisibilityTimeout: 0 }));
    const again = await receiveAll(QueueUrl!, 0, 1);

    // Assess
    expect(again.Messages?.[0]?.Body).toBe('uvolnit');
    expect(again.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('3');
  });

  it('moves a message to the dead-letter queue itself once maxReceiveCount receives have timed out', async () => {
    // Prepare
    const { queueUrl, dlqUrl } = await createQueueWithDlq(1, 2);
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'jed' }));
    const firstReceive = await receiveAll(queueUrl, 0, 1);
    await sleep(1_100);
    const secondReceive = await receiveAll(queueUrl, 0, 1);

    // Act
    await sleep(1_100);
    const source = await receiveAll(queueUrl, 0, 1);
    const deadLetters = await receiveAll(dlqUrl, 0, 1);

    // Assess
    expect(firstReceive.Messages).toHaveLength(1);
    expect(secondReceive.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    expect(source.Messages ?? []).toEqual([]);
    expect(deadLetters.Messages?.map((message) => message.Body)).toEqual(['jed']);
  });
});

describe('SES v2 (aws-ses-v2-local)', () => {
  beforeEach(async () => {
    await clearSentEmails(emulators.endpoints.ses);
  });

  it('stores a Simple email with Czech subject and bodies for listSentEmails', async () => {
    // Prepare
    const subject = 'Výzva k vyplnění monitorovací zprávy za 2. pololetí 2025';
    const html = '<p>Dobrý den, paní Šimonová, prosíme o doplnění aktivit – termín 15. ledna.</p>';
    const text = 'Dobrý den, paní Šimonová, prosíme o doplnění aktivit – termín 15. ledna.';
    const before = Date.now();

    // Act
    const { MessageId } = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'Chytřejší Liberecký kraj <monitoring@kraj-lbc.cz>',
        Destination: { ToAddresses: ['k.simonova@kraj-lbc.cz', 'Dušan Nejedlo <d.nejedlo@example.cz>'], CcAddresses: ['arr@arr-liberec.cz'] },
        Content: { Simple: { Subject: { Data: subject, Charset: 'UTF-8' }, Body: { Html: { Data: html }, Text: { Data: text } } } },
      }),
    );
    const emails = await listSentEmails(emulators.endpoints.ses);

    // Assess
    expect(emails).toEqual([
      {
        messageId: MessageId,
        from: 'Chytřejší Liberecký kraj <monitoring@kraj-lbc.cz>',
        to: ['k.simonova@kraj-lbc.cz', 'd.nejedlo@example.cz'],
        cc: ['arr@arr-liberec.cz'],
        subject,
        html,
        text,
        attachments: [],
        at: expect.any(String),
      },
    ]);
    expect(Date.parse(emails[0]!.at)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('parses a Raw MIME email with encoded Czech headers, body and an attachment', async () => {
    // Prepare
    const attachment = Buffer.from('%PDF-1.4 zkušební příloha');
    const base64Header = (value: string) => `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;
    const mime = [
      `From: ${base64Header('Agentura regionálního rozvoje')} <arr@arr-liberec.cz>`,
      `To: ${base64Header('Řídící skupina')} <ridici.skupina@kraj-lbc.cz>, starosta@obec.cz`,
      `Cc: "Nováková, Jana" <jana.novakova@kraj-lbc.cz>`,
      `Subject: ${base64Header('Monitorovací zpráva za 1. pololetí 2025 – ke schválení')}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="hranice"',
      '',
      '--hranice',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('V příloze zasíláme zprávu k projednání na zasedání řídící skupiny.').toString('base64'),
      '--hranice',
      'Content-Type: application/pdf',
      "Content-Disposition: attachment; filename*=UTF-8''Monitorovac%C3%AD%20zpr%C3%A1va.pdf",
      'Content-Transfer-Encoding: base64',
      '',
      attachment.toString('base64'),
      '--hranice--',
      '',
    ].join('\r\n');

    // Act
    const { MessageId } = await ses.send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from(mime) } } }));
    const emails = await listSentEmails(emulators.endpoints.ses);

    // Assess
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      messageId: MessageId,
      from: '"Agentura regionálního rozvoje" <arr@arr-liberec.cz>',
      to: ['ridici.skupina@kraj-lbc.cz', 'starosta@obec.cz'],
      cc: ['jana.novakova@kraj-lbc.cz'],
      subject: 'Monitorovací zpráva za 1. pololetí 2025 – ke schválení',
      text: 'V příloze zasíláme zprávu k projednání na zasedání řídící skupiny.',
      attachments: [{ filename: 'Monitorovací zpráva.pdf', contentType: 'application/pdf', size: attachment.length }],
    });
  });

  it('empties the inbox with clearSentEmails', async () => {
    // Prepare
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'monitoring@kraj-lbc.cz',
        Destination: { ToAddresses: ['k.simonova@kraj-lbc.cz'] },
        Content: { Simple: { Subject: { Data: 'Připomínka' }, Body: { Text: { Data: 'Termín se blíží.' } } } },
      }),
    );

    // Act
    await clearSentEmails(emulators.endpoints.ses);

    // Assess
    expect(await listSentEmails(emulators.endpoints.ses)).toEqual([]);
  });
});
