import type { IndicatorStore } from '../../domain/ports';
import type { IndicatorState } from '../../domain/records';
import { compressJson, decompressJson } from './compression';
import { keys } from './keys';
import type { DynamoTable } from './table';

/**
 * `values` and `appliedVersions` grow with every project of the cycle (contributors, versions), so
 * they travel as one gzip-compressed JSON blob; revision and times stay plain attributes because
 * the conditional save and people reading the table need them.
 */
interface IndicatorItem {
  cycleId: string;
  revision: number;
  updatedAt: string;
  payload: Uint8Array;
}

type Payload = Pick<IndicatorState, 'values' | 'appliedVersions'>;

export class DynamoIndicatorStore implements IndicatorStore {
  constructor(private readonly table: DynamoTable) {}

  async getIndicatorState(cycleId: string): Promise<IndicatorState | null> {
    const item = (await this.table.get(keys.indicators(cycleId))) as IndicatorItem | null;
    if (item === null) return null;
    const payload = await decompressJson<Payload>(item.payload);
    return {
      cycleId: item.cycleId,
      values: payload.values,
      appliedVersions: payload.appliedVersions,
      revision: item.revision,
      updatedAt: item.updatedAt,
    };
  }

  async saveIndicatorState(state: IndicatorState, expectedRevision: number | null): Promise<boolean> {
    const payload: Payload = { values: state.values, appliedVersions: state.appliedVersions };
    const item: IndicatorItem = {
      cycleId: state.cycleId,
      revision: state.revision,
      updatedAt: state.updatedAt,
      payload: await compressJson(payload),
    };
    return this.table.put(
      { ...keys.indicators(state.cycleId), ...item },
      expectedRevision === null
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : {
            ConditionExpression: '#revision = :expected',
            ExpressionAttributeNames: { '#revision': 'revision' },
            ExpressionAttributeValues: { ':expected': expectedRevision },
          },
    );
  }
}
