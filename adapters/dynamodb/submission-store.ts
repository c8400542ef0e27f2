import { ConflictError } from '../../domain/errors';
import type { SubmissionStore } from '../../domain/ports';
import { submissionMessages, type SubmissionVersion } from '../../domain/submission';
import { GSI1, keys, sortKeyPrefix, withoutKeys } from './keys';
import type { DynamoTable } from './table';

export const VERSION_CONFLICT_MESSAGE = submissionMessages.versionConflict;

/**
 * Versions are immutable items in the project's own partition; GSI1 gathers every version of a
 * cycle so the report reads the latest ones with one paginated query.
 */
export class DynamoSubmissionStore implements SubmissionStore {
  constructor(private readonly table: DynamoTable) {}

  async appendVersion(version: SubmissionVersion): Promise<void> {
    const written = await this.table.put(
      {
        ...keys.submission(version.cycleId, version.projectId, version.version),
        ...keys.submissionIndex(version.cycleId, version.projectId, version.version),
        ...version,
      },
      { ConditionExpression: 'attribute_not_exists(PK)' },
    );
    if (!written) throw new ConflictError(VERSION_CONFLICT_MESSAGE);
  }

  async latestVersion(cycleId: string, projectId: string): Promise<SubmissionVersion | null> {
    const [item] = await this.table.queryPage({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.submissionPartition(cycleId, projectId), ':prefix': sortKeyPrefix.version },
      ScanIndexForward: false,
      Limit: 1,
    });
    return item ? withoutKeys<SubmissionVersion>(item) : null;
  }

  async listVersions(cycleId: string, projectId: string): Promise<SubmissionVersion[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.submissionPartition(cycleId, projectId), ':prefix': sortKeyPrefix.version },
    });
    return items.map((item) => withoutKeys<SubmissionVersion>(item));
  }

  /** The index is eventually consistent: a version stored a moment ago may be missing yet. */
  async latestVersions(cycleId: string): Promise<SubmissionVersion[]> {
    const items = await this.table.queryAll({
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.submissionsIndexPartition(cycleId) },
    });
    const latest = new Map<string, SubmissionVersion>();
    for (const item of items) {
      const version = withoutKeys<SubmissionVersion>(item);
      const known = latest.get(version.projectId);
      if (known === undefined || known.version < version.version) latest.set(version.projectId, version);
    }
    return [...latest.values()];
  }
}
