import { isAgencySectionId, type AgencySections } from '../../domain/agency';
import type { AgencyStore } from '../../domain/ports';
import type { AgencySectionRecord } from '../../domain/records';
import { keys, sortKeyPrefix, withoutKeys } from './keys';
import type { DynamoTable } from './table';

/** One item per chapter ARR writes, so two people editing different chapters never collide. */
export class DynamoAgencyStore implements AgencyStore {
  constructor(private readonly table: DynamoTable) {}

  async putAgencySection(cycleId: string, sectionId: string, content: unknown, at: string): Promise<void> {
    const record: AgencySectionRecord = {
      cycleId,
      sectionId: sectionId as AgencySectionRecord['sectionId'],
      content,
      updatedAt: at,
    };
    await this.table.put({ ...keys.agency(cycleId, sectionId), ...record });
  }

  async getAgencySections(cycleId: string): Promise<AgencySections> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.cyclePartition(cycleId), ':prefix': sortKeyPrefix.agency },
    });
    const sections: Record<string, unknown> = {};
    for (const item of items) {
      const record = withoutKeys<AgencySectionRecord>(item);
      // A chapter no longer in the report (an id retired since it was stored) is left out.
      if (isAgencySectionId(record.sectionId)) sections[record.sectionId] = record.content;
    }
    return sections as AgencySections;
  }
}
