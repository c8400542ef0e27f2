/**
 * The local stack as the end-to-end tests drive it: one `startLocalSystem` on a temporary folder
 * and random ports, a frozen clock set in Prague wall time, no background pollers or schedules
 * (work happens only on `drainQueues()` and `runSchedule()`, so every step is deterministic), and
 * the clients the tests talk to it with.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pragueInstant, type IsoDate } from '../../../domain/time';
import { MovableClock } from '../../../local/composition';
import { clearSentEmails } from '../../../local/ses-inbox';
import { LOCAL_TABLE_NAME, startLocalSystem, type LocalSystem, type LocalSystemOptions } from '../../../local/system';
import { ArrApi } from './http';
import { Inbox } from './inbox';
import { TableReader } from './table';

export interface E2eStack {
  system: LocalSystem;
  arr: ArrApi;
  inbox: Inbox;
  table: TableReader;
  /** Moves the frozen clock to a wall time in Prague. */
  setPragueTime(date: IsoDate, hour: number, minute?: number): void;
  stop(): Promise<void>;
}

export type StackOptions = Omit<Partial<LocalSystemOptions>, 'dataDir' | 'clock' | 'background'> & {
  /** Prague wall time the clock starts at; 1 June 2026, 08:00 by default. */
  startsAt?: { date: IsoDate; hour: number; minute?: number };
};

export function pragueTime(date: IsoDate, hour: number, minute = 0): Date {
  return pragueInstant(date, hour, minute);
}

/**
 * Starts the system and empties the SES emulator's inbox, which every emulator in the process
 * shares: each stack's assertions then see only its own emails, provided stacks run one at a time.
 */
export async function startStack(options: StackOptions = {}): Promise<E2eStack> {
  const { startsAt = { date: '2026-06-01', hour: 8 }, ...systemOptions } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'e2e-cycle-'));
  const clock = new MovableClock(pragueTime(startsAt.date, startsAt.hour, startsAt.minute), { frozen: true });
  let system: LocalSystem;
  try {
    system = await startLocalSystem({ ...systemOptions, dataDir, clock, background: false });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  await clearSentEmails(system.endpoints.ses);
  const table = new TableReader(system.endpoints.dynamodb, systemOptions.tableName ?? LOCAL_TABLE_NAME);
  return {
    system,
    arr: new ArrApi(system.apiUrl, system.arrKey),
    inbox: new Inbox(system.endpoints.ses),
    table,
    setPragueTime: (date, hour, minute = 0) => clock.set(pragueTime(date, hour, minute)),
    stop: async () => {
      table.destroy();
      await system.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
