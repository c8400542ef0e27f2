import type { ReminderLog } from '../../domain/ports';
import type { ReminderRecord } from '../../domain/records';
import { keys, sortKeyPrefix, withoutKeys } from './keys';
import type { DynamoTable } from './table';

/** One item per (audience, stage, schedule round): its key is the "sent once" guarantee. */
export class DynamoReminderLog implements ReminderLog {
  constructor(private readonly table: DynamoTable) {}

  recordReminder(reminder: ReminderRecord): Promise<boolean> {
    return this.table.put(
      { ...keys.reminder(reminder.cycleId, reminder.audience, reminder.stage, reminder.round), ...reminder },
      { ConditionExpression: 'attribute_not_exists(PK)' },
    );
  }

  async releaseReminder(reminder: ReminderRecord): Promise<void> {
    await this.table.deleteIf(keys.reminder(reminder.cycleId, reminder.audience, reminder.stage, reminder.round), {
      ConditionExpression: 'queuedAt = :queuedAt',
      ExpressionAttributeValues: { ':queuedAt': reminder.queuedAt },
    });
  }

  async confirmReminder(reminder: ReminderRecord): Promise<void> {
    await this.table.update(keys.reminder(reminder.cycleId, reminder.audience, reminder.stage, reminder.round), {
      UpdateExpression: 'REMOVE pending',
      ConditionExpression: 'queuedAt = :queuedAt',
      ExpressionAttributeValues: { ':queuedAt': reminder.queuedAt },
    });
  }

  reclaimReminder(reminder: ReminderRecord, queuedAt: string): Promise<boolean> {
    return this.table.update(keys.reminder(reminder.cycleId, reminder.audience, reminder.stage, reminder.round), {
      UpdateExpression: 'SET queuedAt = :now',
      ConditionExpression: 'pending = :pending AND queuedAt = :queuedAt',
      ExpressionAttributeValues: { ':now': queuedAt, ':pending': true, ':queuedAt': reminder.queuedAt },
    });
  }

  async listReminders(cycleId: string): Promise<ReminderRecord[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.cyclePartition(cycleId), ':prefix': sortKeyPrefix.reminder },
    });
    return items.map((item) => withoutKeys<ReminderRecord>(item));
  }
}
