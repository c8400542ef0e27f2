import type { EditorialVersion, ReturnRecord } from '../../domain/editorial';
import type { EditorialStore } from '../../domain/ports';
import { keys, sortKeyPrefix, withoutKeys } from './keys';
import type { DynamoTable } from './table';

/**
 * Returns and ARR's editorial versions live in the cycle's partition, so the overview reads all of
 * a cycle's with one query each. A return is one immutable item per returned version (its put is
 * conditional: a version is returned once); the editorial version is one item per project.
 */
export class DynamoEditorialStore implements EditorialStore {
  constructor(private readonly table: DynamoTable) {}

  recordReturn(record: ReturnRecord): Promise<boolean> {
    return this.table.put(
      { ...keys.projectReturn(record.cycleId, record.projectId, record.version), ...record },
      { ConditionExpression: 'attribute_not_exists(PK)' },
    );
  }

  listReturns(cycleId: string): Promise<ReturnRecord[]> {
    return this.query<ReturnRecord>(cycleId, sortKeyPrefix.projectReturn);
  }

  listProjectReturns(cycleId: string, projectId: string): Promise<ReturnRecord[]> {
    return this.query<ReturnRecord>(cycleId, keys.projectReturnsPrefix(projectId));
  }

  async putEditorialVersion(editorial: EditorialVersion): Promise<void> {
    await this.table.put({ ...keys.editorial(editorial.cycleId, editorial.projectId), ...editorial });
  }

  async getEditorialVersion(cycleId: string, projectId: string): Promise<EditorialVersion | null> {
    const item = await this.table.get(keys.editorial(cycleId, projectId));
    return item ? withoutKeys<EditorialVersion>(item) : null;
  }

  listEditorialVersions(cycleId: string): Promise<EditorialVersion[]> {
    return this.query<EditorialVersion>(cycleId, sortKeyPrefix.editorial);
  }

  private async query<T>(cycleId: string, prefix: string): Promise<T[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.cyclePartition(cycleId), ':prefix': prefix },
    });
    return items.map((item) => withoutKeys<T>(item));
  }
}
