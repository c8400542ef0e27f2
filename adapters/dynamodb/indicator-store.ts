import type { IndicatorStore } from '../../domain/ports';
import type { AppliedContribution, IndicatorTotalsRecord } from '../../domain/records';
import { keys, sortKeyPrefix, withoutKeys } from './keys';
import type { DynamoTable } from './table';

/**
 * Two kinds of item per cycle (table-design.md, "Indicators"): the totals, whose size depends on
 * the number of indicators only, and one item per project with the contribution they include.
 * Every write is a single-item conditional write; the protocol over them is in
 * domain/use-cases/recompute-indicators.ts.
 */
interface ContributionItem {
  cycleId: string;
  projectId: string;
  version: number;
  contributions: Record<string, number>;
  pendingVersion?: number;
  pendingContributions?: Record<string, number>;
}

/**
 * The in-flight markers are top-level attributes `inFlight#<projectId>`, so that settling one is
 * a single UpdateItem (`REMOVE`) with a condition on that attribute alone.
 */
const IN_FLIGHT_PREFIX = 'inFlight#';

function toContribution(item: ContributionItem): AppliedContribution {
  return {
    cycleId: item.cycleId,
    projectId: item.projectId,
    version: item.version,
    contributions: item.contributions,
    ...(item.pendingVersion === undefined
      ? {}
      : { pending: { version: item.pendingVersion, contributions: item.pendingContributions ?? {} } }),
  };
}

export class DynamoIndicatorStore implements IndicatorStore {
  constructor(private readonly table: DynamoTable) {}

  async getTotals(cycleId: string): Promise<IndicatorTotalsRecord | null> {
    const item = await this.table.get(keys.indicators(cycleId));
    if (item === null) return null;
    const inFlight: Record<string, number> = {};
    for (const [attribute, value] of Object.entries(item)) {
      if (attribute.startsWith(IN_FLIGHT_PREFIX)) inFlight[attribute.slice(IN_FLIGHT_PREFIX.length)] = value as number;
    }
    const record = withoutKeys<Omit<IndicatorTotalsRecord, 'inFlight'>>(item, Object.keys(item).filter((name) => name.startsWith(IN_FLIGHT_PREFIX)));
    return { ...record, inFlight };
  }

  saveTotals(record: IndicatorTotalsRecord, expectedRevision: number | null): Promise<boolean> {
    const { inFlight, ...rest } = record;
    const markers = Object.fromEntries(Object.entries(inFlight).map(([projectId, version]) => [`${IN_FLIGHT_PREFIX}${projectId}`, version]));
    return this.table.put(
      { ...keys.indicators(record.cycleId), ...rest, ...markers },
      expectedRevision === null
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : {
            ConditionExpression: '#revision = :expected',
            ExpressionAttributeNames: { '#revision': 'revision' },
            ExpressionAttributeValues: { ':expected': expectedRevision },
          },
    );
  }

  async settleInFlight(cycleId: string, projectId: string, version: number): Promise<void> {
    // A new revision, so a concurrent save based on the totals with the marker fails and re-reads.
    await this.table.update(keys.indicators(cycleId), {
      UpdateExpression: 'REMOVE #marker ADD #revision :one',
      ConditionExpression: '#marker = :version',
      ExpressionAttributeNames: { '#marker': `${IN_FLIGHT_PREFIX}${projectId}`, '#revision': 'revision' },
      ExpressionAttributeValues: { ':version': version, ':one': 1 },
    });
  }

  async getContribution(cycleId: string, projectId: string): Promise<AppliedContribution | null> {
    const item = await this.table.get(keys.contribution(cycleId, projectId));
    return item === null ? null : toContribution(withoutKeys<ContributionItem>(item));
  }

  beginContribution(
    cycleId: string,
    projectId: string,
    appliedVersion: number,
    pending: NonNullable<AppliedContribution['pending']>,
  ): Promise<boolean> {
    return this.table.update(keys.contribution(cycleId, projectId), {
      UpdateExpression:
        'SET cycleId = :cycleId, projectId = :projectId, #version = if_not_exists(#version, :zero), ' +
        'contributions = if_not_exists(contributions, :none), pendingVersion = :pendingVersion, pendingContributions = :pendingContributions',
      ConditionExpression:
        appliedVersion === 0
          ? 'attribute_not_exists(pendingVersion) AND attribute_not_exists(#version)'
          : 'attribute_not_exists(pendingVersion) AND #version = :applied',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: {
        ':cycleId': cycleId,
        ':projectId': projectId,
        ':zero': 0,
        ':none': {},
        ':pendingVersion': pending.version,
        ':pendingContributions': pending.contributions,
        ...(appliedVersion === 0 ? {} : { ':applied': appliedVersion }),
      },
    });
  }

  async commitContribution(cycleId: string, projectId: string, version: number): Promise<boolean> {
    return this.table.update(keys.contribution(cycleId, projectId), {
      UpdateExpression: 'SET #version = pendingVersion, contributions = pendingContributions REMOVE pendingVersion, pendingContributions',
      ConditionExpression: 'pendingVersion = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': version },
    });
  }

  async listContributions(cycleId: string): Promise<AppliedContribution[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.cyclePartition(cycleId), ':prefix': sortKeyPrefix.contribution },
    });
    return items.map((item) => toContribution(withoutKeys<ContributionItem>(item)));
  }
}
