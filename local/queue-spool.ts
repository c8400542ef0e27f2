/**
 * The SQS emulator keeps its queues in memory only. So that a stop and a start lose no queued work
 * (an invitation not yet sent, a report not yet assembled), the messages still waiting are written
 * to the data folder on shutdown and sent again on the next start.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';

export const SPOOL_FILE = 'queues.json';

export interface SpooledMessage {
  body: string;
  attributes: Record<string, MessageAttributeValue>;
}

/** Queue name → its waiting messages. */
export type Spool = Record<string, SpooledMessage[]>;

/** Long enough that a message taken for the spool is not delivered again before the emulator stops. */
const SPOOL_VISIBILITY_SECONDS = 600;

/**
 * Takes every visible message out of the given queues into the data folder. Run it after the
 * pollers stopped and right before the emulator stops.
 * @returns how many messages were spooled.
 */
export async function spoolQueues(sqs: SQSClient, queues: Record<string, string>, dataDir: string): Promise<number> {
  const spool: Spool = {};
  let total = 0;
  for (const [name, url] of Object.entries(queues)) {
    const messages: SpooledMessage[] = [];
    for (;;) {
      const { Messages: received = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          VisibilityTimeout: SPOOL_VISIBILITY_SECONDS,
          MessageAttributeNames: ['All'],
        }),
      );
      if (received.length === 0) break;
      for (const message of received) messages.push({ body: message.Body ?? '', attributes: message.MessageAttributes ?? {} });
    }
    if (messages.length > 0) spool[name] = messages;
    total += messages.length;
  }
  const file = join(dataDir, SPOOL_FILE);
  if (total === 0) {
    await rm(file, { force: true });
    return 0;
  }
  // Written aside and renamed, so a crash mid-write never leaves half a spool behind.
  await writeFile(`${file}.tmp`, JSON.stringify(spool, null, 2));
  await rename(`${file}.tmp`, file);
  return total;
}

/**
 * Sends the spooled messages back into their queues and removes the spool.
 * @returns how many messages were restored.
 */
export async function restoreQueues(sqs: SQSClient, queues: Record<string, string>, dataDir: string): Promise<number> {
  const file = join(dataDir, SPOOL_FILE);
  let spool: Spool;
  try {
    spool = JSON.parse(await readFile(file, 'utf8')) as Spool;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let total = 0;
  for (const [name, messages] of Object.entries(spool)) {
    const url = queues[name];
    if (url === undefined) throw new Error(`The queue spool ${file} names an unknown queue "${name}".`);
    for (let start = 0; start < messages.length; start += 10) {
      const entries = messages.slice(start, start + 10).map((message, index) => ({
        Id: String(index),
        MessageBody: message.body,
        ...(Object.keys(message.attributes).length > 0 ? { MessageAttributes: message.attributes } : {}),
      }));
      const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
      if ((result.Failed ?? []).length > 0) {
        throw new Error(`Restoring ${name} from ${file} failed for ${result.Failed?.length} message(s); the spool is kept.`);
      }
      total += entries.length;
    }
  }
  await rm(file, { force: true });
  return total;
}
