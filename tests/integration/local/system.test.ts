import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { MovableClock } from '../../../local/composition';
import { PortInUseError } from '../../../local/emulators';
import { ApiPortInUseError } from '../../../local/http-server';
import { clearSentEmails, listSentEmails } from '../../../local/ses-inbox';
import { startLocalSystem, type LocalSystem, type LocalSystemOptions } from '../../../local/system';

const dataDirs: string[] = [];
const running: LocalSystem[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'local-system-'));
  dataDirs.push(dir);
  return dir;
}

async function start(options: Partial<LocalSystemOptions> & { dataDir: string }): Promise<LocalSystem> {
  const system = await startLocalSystem({
    clock: new MovableClock(new Date('2026-06-01T08:00:00Z'), { frozen: true }),
    ...options,
  });
  running.push(system);
  return system;
}

async function stop(system: LocalSystem): Promise<void> {
  await system.stop();
  running.splice(running.indexOf(system), 1);
}

function sqsOf(system: LocalSystem): SQSClient {
  return new SQSClient({ endpoint: system.endpoints.sqs, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

async function occupyPort(): Promise<Server> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return blocker;
}

afterEach(async () => {
  await Promise.allSettled(running.splice(0).map((system) => system.stop()));
});

afterAll(async () => {
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('startLocalSystem', () => {
  it('keeps cycles, the catalog history and the ARR key across a stop and a start on the same data folder', async () => {
    // Prepare
    const dataDir = await tempDir();
    const first = await start({ dataDir });
    const opened = await fetch(`${first.apiUrl}/cycles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.arrKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' }),
    });
    await stop(first);

    // Act
    const second = await start({ dataDir });
    const listed = await fetch(`${second.apiUrl}/cycles`, { headers: { authorization: `Bearer ${second.arrKey}` } });

    // Assess
    expect(opened.status).toBe(201);
    expect(second.arrKey).toBe(first.arrKey);
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as Array<{ id: string }> | { cycles: Array<{ id: string }> };
    const ids = (Array.isArray(body) ? body : body.cycles).map((cycle) => cycle.id);
    expect(ids).toEqual(expect.arrayContaining(['2026-H1', '2025-H2']));
    expect(ids).toEqual(expect.arrayContaining(['2025-H1']));
    expect(second.infrastructure.bootstrap.Data).toMatchObject({ PlanSeeded: 'false', PlanRevision: 1, HistoryImported: 0 });
  });

  it('delivers the invitations of a newly opened cycle through the real mailer to the SES inbox', async () => {
    // Prepare
    const system = await start({ dataDir: await tempDir(), background: false });
    await clearSentEmails(system.endpoints.ses);

    // Act
    const opened = await fetch(`${system.apiUrl}/cycles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.arrKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' }),
    });
    await system.drainQueues();
    const emails = await listSentEmails(system.endpoints.ses);
    const contacts = await system.deps.cycles.listContacts('2026-H1');

    // Assess
    expect(opened.status).toBe(201);
    expect(contacts.length).toBeGreaterThan(0);
    expect(emails).toHaveLength(contacts.length);
    expect(new Set(emails.flatMap((email) => email.to)).size).toBe(contacts.length);
    expect(emails.every((email) => (email.html ?? email.text ?? '').includes(system.apiUrl))).toBe(true);
  });

  it('retries only the failing record of a batch and moves it to the dead-letter queue after five receives', async () => {
    // Prepare
    const deliveries: Array<{ body: string; receiveCount: string; source: string }> = [];
    const mailer = async (event: SQSEvent) => {
      for (const record of event.Records) {
        deliveries.push({ body: record.body, receiveCount: record.attributes.ApproximateReceiveCount, source: record.eventSourceARN });
      }
      return { batchItemFailures: event.Records.filter((record) => record.body === 'jed').map((record) => ({ itemIdentifier: record.messageId })) };
    };
    const system = await start({
      dataDir: await tempDir(),
      historyDir: null,
      visibilityTimeoutSeconds: 1,
      background: false,
      handlerOverrides: { mailer },
    });
    const sqs = sqsOf(system);
    const mailQueue = system.infrastructure.queues.MailQueue;
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: mailQueue.url,
        Entries: ['pozvánka 1', 'jed', 'pozvánka 2'].map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );

    // Act
    await system.drainQueues();
    const deadLetters = await sqs.send(new ReceiveMessageCommand({ QueueUrl: mailQueue.dlqUrl, MaxNumberOfMessages: 10 }));
    const source = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: mailQueue.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );

    // Assess
    expect(deliveries.filter((delivery) => delivery.body !== 'jed').map((delivery) => delivery.body).sort()).toEqual(['pozvánka 1', 'pozvánka 2']);
    expect(deliveries.filter((delivery) => delivery.body === 'jed').map((delivery) => delivery.receiveCount)).toEqual(['1', '2', '3', '4', '5']);
    expect(new Set(deliveries.map((delivery) => delivery.source))).toEqual(new Set([mailQueue.arn]));
    expect(deadLetters.Messages?.map((message) => message.Body)).toEqual(['jed']);
    expect(source.Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
    sqs.destroy();
  }, 20_000);

  it('keeps messages still queued at shutdown and delivers them after the next start', async () => {
    // Prepare
    const dataDir = await tempDir();
    const first = await start({ dataDir, historyDir: null, background: false });
    const sqs = sqsOf(first);
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: first.infrastructure.queues.ReportQueue.url,
        Entries: [{ Id: '0', MessageBody: 'sestav zprávu', MessageAttributes: { type: { DataType: 'String', StringValue: 'report-requested' } } }],
      }),
    );
    sqs.destroy();
    await stop(first);
    const received: Array<{ body: string; type: string | undefined }> = [];

    // Act
    const second = await start({
      dataDir,
      historyDir: null,
      background: false,
      handlerOverrides: {
        'assemble-report': async (event: SQSEvent) => {
          for (const record of event.Records) received.push({ body: record.body, type: record.messageAttributes.type?.stringValue });
        },
      },
    });
    await second.drainQueues();

    // Assess
    expect(received).toEqual([{ body: 'sestav zprávu', type: 'report-requested' }]);
  });

  it('fails with PortInUseError when an emulator or the API port is taken, and leaves the data folder usable', async () => {
    // Prepare
    const dataDir = await tempDir();
    const blocker = await occupyPort();
    const taken = (blocker.address() as AddressInfo).port;

    // Act
    const sqsConflict = await startLocalSystem({ dataDir, historyDir: null, ports: { sqs: taken } }).catch((error: unknown) => error);
    const apiConflict = await startLocalSystem({ dataDir, historyDir: null, ports: { api: taken } }).catch((error: unknown) => error);
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    const afterwards = await start({ dataDir, historyDir: null, background: false });

    // Assess
    expect(sqsConflict).toBeInstanceOf(PortInUseError);
    expect((sqsConflict as PortInUseError).message).toContain(`Port ${taken}`);
    expect((sqsConflict as PortInUseError).message).toContain('SQS_PORT');
    expect(apiConflict).toBeInstanceOf(ApiPortInUseError);
    expect((apiConflict as Error).name).toBe('PortInUseError');
    expect((apiConflict as Error).message).toContain('API_PORT');
    expect(afterwards.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
