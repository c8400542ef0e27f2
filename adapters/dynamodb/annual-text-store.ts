import type { AnnualTextRecord } from '../../domain/annual-texts';
import type { AnnualTextStore } from '../../domain/ports';
import { keys, sortKeyPrefix, withoutKeys } from './keys';
import type { DynamoTable } from './table';

/** One item per year and text, so ARR editing two activities' texts never collide. */
export class DynamoAnnualTextStore implements AnnualTextStore {
  constructor(private readonly table: DynamoTable) {}

  async listAnnualTexts(year: number): Promise<AnnualTextRecord[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.yearPartition(year), ':prefix': sortKeyPrefix.annualText },
    });
    return items.map((item) => withoutKeys<AnnualTextRecord>(item));
  }

  async putAnnualText(record: AnnualTextRecord): Promise<void> {
    await this.table.put({ ...keys.annualText(record.year, record.key), ...record });
  }

  async deleteAnnualText(year: number, key: string): Promise<void> {
    await this.table.delete(keys.annualText(year, key));
  }
}
