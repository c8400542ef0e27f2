import type { ContactLink, TokenStore } from '../../domain/ports';
import type { CycleContactRecord, CycleRecord, TokenRecord } from '../../domain/records';
import type { SubmissionVersion } from '../../domain/submission';
import { GSI1, keys, withoutKeys, type TableKey } from './keys';
import { itemKey, type DynamoTable } from './table';

interface Owner {
  cycleId: string;
  contactPersonId: string;
  /** Known once the cycle was read. */
  planId?: string;
}

/** Tokens whose cycle and person this store remembers; beyond it the oldest are forgotten. */
const KNOWN_TOKENS_LIMIT = 10_000;

/** Tokens are found by their hash (the link), and revoked per contact person through GSI1. */
export class DynamoTokenStore implements TokenStore {
  /**
   * Which cycle and person each token seen lately belongs to, and the cycle's plan. A token's
   * cycle and person never change (a save never overwrites a token), nor does a cycle's plan, so
   * they may be remembered: they only tell `findLink` which items to read, and it reads the token
   * itself again every time.
   */
  private readonly known = new Map<string, Owner>();

  /**
   * Plans seen without a current revision (stored without history, like the benchmark's plans):
   * the plan catalog keeps such a plan for a while without checking it, so reading the revision
   * would only cost a unit.
   */
  private readonly plansWithoutRevision = new Set<string>();

  constructor(
    private readonly table: DynamoTable,
    private readonly knownLimit = KNOWN_TOKENS_LIMIT,
  ) {}

  /**
   * Never overwrites: a retried save of the same token must not undo a revocation made in
   * between. Two different tokens with one SHA-256 of 256 random bits do not happen.
   */
  async saveToken(token: TokenRecord): Promise<void> {
    await this.table.put(
      { ...keys.token(token.tokenHash), ...keys.tokenIndex(token.cycleId, token.contactPersonId, token.issuedAt), ...token },
      { ConditionExpression: 'attribute_not_exists(PK)' },
    );
  }

  async findToken(tokenHash: string): Promise<TokenRecord | null> {
    const item = await this.table.get(keys.token(tokenHash));
    return item ? withoutKeys<TokenRecord>(item) : null;
  }

  /**
   * One BatchGetItem of the token, the cycle, the person's contact, the versions asked for and the
   * current revision of the cycle's plan (unless the plan has none), when the token's cycle and
   * person are known from an earlier call; otherwise the token is read first (GetItem), then the
   * rest but the plan's revision in one BatchGetItem. All reads are strongly consistent.
   */
  async findLink(tokenHash: string, versions: ReadonlyArray<{ projectId: string; version: number }> = []): Promise<ContactLink | null> {
    const tokenKey = keys.token(tokenHash);
    let token: TokenRecord | null = null;
    let owner = this.known.get(tokenHash);
    if (owner === undefined) {
      token = await this.findToken(tokenHash);
      if (token === null) return null;
      owner = { cycleId: token.cycleId, contactPersonId: token.contactPersonId };
      this.remember(tokenHash, owner);
    }
    const { cycleId, contactPersonId, planId } = owner;
    const stored = versions.filter((wanted) => wanted.version > 0);
    const versionKeys = new Map<string, TableKey>(stored.map((wanted) => [wanted.projectId, keys.submission(cycleId, wanted.projectId, wanted.version)]));
    const revisionKey = planId === undefined || this.plansWithoutRevision.has(planId) ? undefined : keys.planCurrentRevision(planId);
    const items = await this.table.getMany([
      ...(token === null ? [tokenKey] : []),
      keys.cycle(cycleId),
      keys.contact(cycleId, contactPersonId),
      ...versionKeys.values(),
      ...(revisionKey === undefined ? [] : [revisionKey]),
    ]);
    if (token === null) {
      const item = items.get(itemKey(tokenKey));
      if (item === undefined) return null;
      token = withoutKeys<TokenRecord>(item);
    }
    const record = <T>(key: TableKey): T | null => {
      const item = items.get(itemKey(key));
      return item === undefined ? null : withoutKeys<T>(item);
    };
    const cycle = record<CycleRecord>(keys.cycle(cycleId));
    if (cycle !== null && planId === undefined) this.remember(tokenHash, { ...owner, planId: cycle.planId });
    const revision = revisionKey === undefined ? undefined : items.get(itemKey(revisionKey))?.['revision'];
    if (planId !== undefined && revisionKey !== undefined && typeof revision !== 'number') this.plansWithoutRevision.add(planId);
    return {
      token,
      cycle,
      contact: record<CycleContactRecord>(keys.contact(cycleId, contactPersonId)),
      versions: new Map(versions.map((wanted) => {
        const key = versionKeys.get(wanted.projectId);
        return [wanted.projectId, key === undefined ? null : record<SubmissionVersion>(key)];
      })),
      ...(typeof revision === 'number' && cycle?.planId === planId ? { planRevision: revision } : {}),
    };
  }

  private remember(tokenHash: string, owner: Owner): void {
    if (!this.known.has(tokenHash) && this.known.size >= this.knownLimit) {
      const oldest = this.known.keys().next();
      if (!oldest.done) this.known.delete(oldest.value);
    }
    this.known.set(tokenHash, owner);
  }

  async revokeTokens(cycleId: string, contactPersonId: string, at: string): Promise<number> {
    const items = await this.table.queryAll({
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.tokensIndexPartition(cycleId, contactPersonId) },
      ProjectionExpression: 'tokenHash, revokedAt',
    });
    let revoked = 0;
    for (const item of items) {
      if (item['revokedAt'] !== undefined) continue;
      // The index may lag; the condition keeps the first revocation time and counts each token once.
      const updated = await this.table.update(keys.token(String(item['tokenHash'])), {
        UpdateExpression: 'SET revokedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':at': at },
      });
      if (updated) revoked += 1;
    }
    return revoked;
  }

  async hasIssuedLink(cycleId: string, contactPersonId: string, since: string): Promise<boolean> {
    const items = await this.table.queryPage({
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :since',
      ExpressionAttributeValues: { ':pk': keys.tokensIndexPartition(cycleId, contactPersonId), ':since': since },
      ProjectionExpression: 'tokenHash',
      Limit: 1,
    });
    return items.length > 0;
  }
}
