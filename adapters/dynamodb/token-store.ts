import type { TokenStore } from '../../domain/ports';
import type { TokenRecord } from '../../domain/records';
import { GSI1, keys, withoutKeys } from './keys';
import type { DynamoTable } from './table';

/** Tokens are found by their hash (the link), and revoked per contact person through GSI1. */
export class DynamoTokenStore implements TokenStore {
  constructor(private readonly table: DynamoTable) {}

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
}
