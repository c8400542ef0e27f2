import { ConflictError, NotFoundError } from '../../domain/errors';
import type { CycleState } from '../../domain/cycle';
import type { CycleClaim, CycleCounts, CycleStore } from '../../domain/ports';
import type { CycleContactRecord, CycleRecord, DeliveryEventRecord, RequestRecord, UndeliverableAddress } from '../../domain/records';
import { GSI1, keys, sortKeyPrefix, withoutKeys } from './keys';
import type { DynamoTable } from './table';

type ClaimAttribute = CycleClaim;

/** Cycles, their requests (žádosti o podklady) and their contact persons: all in the cycle's partition. */
export class DynamoCycleStore implements CycleStore {
  constructor(private readonly table: DynamoTable) {}

  async getCycle(cycleId: string): Promise<CycleRecord | null> {
    const item = await this.table.get(keys.cycle(cycleId));
    return item ? withoutKeys<CycleRecord>(item) : null;
  }

  async listCycles(): Promise<CycleRecord[]> {
    const items = await this.table.queryAll({
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.cyclesIndexPartition },
    });
    return items.map((item) => withoutKeys<CycleRecord>(item));
  }

  createCycle(cycle: CycleRecord): Promise<boolean> {
    return this.table.put(
      { ...keys.cycle(cycle.id), ...keys.cycleIndex(cycle.id), ...cycle },
      { ConditionExpression: 'attribute_not_exists(PK)' },
    );
  }

  transitionCycle(cycleId: string, from: CycleState, to: CycleState, changes: Partial<CycleRecord>): Promise<boolean> {
    // The id is the key and the state is set by `to`; neither may be overwritten through `changes`.
    const { id: _id, state: _state, ...rest } = changes;
    const fields = Object.entries(rest).filter(([, value]) => value !== undefined);
    const names: Record<string, string> = { '#state': 'state' };
    const values: Record<string, unknown> = { ':from': from, ':to': to };
    const assignments = ['#state = :to'];
    fields.forEach(([name, value], index) => {
      names[`#f${index}`] = name;
      values[`:f${index}`] = value;
      assignments.push(`#f${index} = :f${index}`);
    });
    return this.table.update(keys.cycle(cycleId), {
      UpdateExpression: `SET ${assignments.join(', ')}`,
      ConditionExpression: '#state = :from',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    });
  }

  claimOnce(cycleId: string, attribute: ClaimAttribute, at: string): Promise<boolean> {
    return this.table.update(keys.cycle(cycleId), {
      UpdateExpression: 'SET #claim = :at',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#claim)',
      ExpressionAttributeNames: { '#claim': attribute },
      ExpressionAttributeValues: { ':at': at },
    });
  }

  async releaseClaim(cycleId: string, attribute: ClaimAttribute): Promise<void> {
    // Guarded so that releasing on a missing cycle never creates a stub item; false is then fine.
    await this.table.update(keys.cycle(cycleId), {
      UpdateExpression: 'REMOVE #claim',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#claim': attribute },
    });
  }

  async setReportAssembledAt(cycleId: string, at: string): Promise<void> {
    const updated = await this.table.update(keys.cycle(cycleId), {
      UpdateExpression: 'SET reportAssembledAt = :at',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':at': at },
    });
    if (!updated) throw new NotFoundError(cycleNotFound(cycleId));
  }

  async markReportStale(cycleId: string, at: string): Promise<void> {
    // A failed condition means it is marked already (or there is no such cycle): nothing to do.
    await this.table.update(keys.cycle(cycleId), {
      UpdateExpression: 'SET reportStaleSince = :at',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(reportStaleSince)',
      ExpressionAttributeValues: { ':at': at },
    });
  }

  async clearReportStale(cycleId: string, since: string): Promise<void> {
    await this.table.update(keys.cycle(cycleId), {
      UpdateExpression: 'REMOVE reportStaleSince',
      ConditionExpression: 'reportStaleSince = :since',
      ExpressionAttributeValues: { ':since': since },
    });
  }

  putRequests(requests: RequestRecord[]): Promise<void> {
    return this.table.writeBatch(
      requests.map((request) => ({ ...keys.request(request.cycleId, request.projectId), ...request })),
    );
  }

  listRequests(cycleId: string): Promise<RequestRecord[]> {
    return this.listInCycle<RequestRecord>(cycleId, sortKeyPrefix.request);
  }

  /**
   * One conditional update: the first submission time is kept (`if_not_exists`), and the version
   * only moves forward, so a late, older message changes nothing.
   */
  async markRequestSubmitted(cycleId: string, projectId: string, version: number, at: string): Promise<boolean> {
    const key = keys.request(cycleId, projectId);
    // Two single-item conditional writes: the first one succeeds exactly once per request, which
    // is what tells the caller to count it; the second keeps the newest version.
    const first = await this.table.update(key, {
      UpdateExpression: 'SET firstSubmittedAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(firstSubmittedAt)',
      ExpressionAttributeValues: { ':at': at },
    });
    const updated = await this.table.update(key, {
      UpdateExpression: 'SET latestVersion = :version',
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(latestVersion) OR latestVersion < :version)',
      ExpressionAttributeValues: { ':version': version },
    });
    // A failed condition is either a newer version counted already (nothing to do) or no request at all.
    if (!first && !updated && (await this.table.get(key)) === null) {
      throw new NotFoundError(`Projekt „${projectId}“ není v cyklu ${cycleId} požádán o podklady.`);
    }
    return first;
  }

  async incrementSubmittedCount(cycleId: string): Promise<void> {
    await this.table.update(keys.cycle(cycleId), {
      UpdateExpression: 'ADD submittedCount :one',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':one': 1 },
    });
  }

  async correctCounts(cycleId: string, seen: CycleCounts, actual: { requestCount: number; submittedCount: number }): Promise<boolean> {
    const unchanged = (attribute: keyof CycleCounts): string =>
      seen[attribute] === undefined ? `attribute_not_exists(${attribute})` : `${attribute} = :seen_${attribute}`;
    return this.table.update(keys.cycle(cycleId), {
      UpdateExpression: 'SET requestCount = :requestCount, submittedCount = :submittedCount',
      ConditionExpression: `attribute_exists(PK) AND ${unchanged('requestCount')} AND ${unchanged('submittedCount')}`,
      ExpressionAttributeValues: {
        ':requestCount': actual.requestCount,
        ':submittedCount': actual.submittedCount,
        ...(seen.requestCount === undefined ? {} : { ':seen_requestCount': seen.requestCount }),
        ...(seen.submittedCount === undefined ? {} : { ':seen_submittedCount': seen.submittedCount }),
      },
    });
  }

  async getRequests(cycleId: string, projectIds: string[]): Promise<RequestRecord[]> {
    const items = await Promise.all(projectIds.map((projectId) => this.table.get(keys.request(cycleId, projectId))));
    return items.flatMap((item) => (item ? [withoutKeys<RequestRecord>(item)] : []));
  }

  putContacts(contacts: CycleContactRecord[]): Promise<void> {
    return this.table.writeBatch(
      contacts.map((contact) => ({ ...keys.contact(contact.cycleId, contact.contactPersonId), ...contact })),
    );
  }

  listContacts(cycleId: string): Promise<CycleContactRecord[]> {
    return this.listInCycle<CycleContactRecord>(cycleId, sortKeyPrefix.contact);
  }

  async getContact(cycleId: string, contactPersonId: string): Promise<CycleContactRecord | null> {
    const item = await this.table.get(keys.contact(cycleId, contactPersonId));
    return item ? withoutKeys<CycleContactRecord>(item) : null;
  }

  async addRequest(request: RequestRecord): Promise<boolean> {
    const added = await this.table.put(
      { ...keys.request(request.cycleId, request.projectId), ...request },
      { ConditionExpression: 'attribute_not_exists(PK)' },
    );
    if (added) await this.addToCount(request.cycleId, 'requestCount', 1);
    return added;
  }

  /** Read, then a conditional delete: only the caller whose delete removed the item corrects the counts. */
  async removeRequest(cycleId: string, projectId: string): Promise<boolean> {
    const key = keys.request(cycleId, projectId);
    const item = await this.table.get(key);
    if (item === null) return false;
    if (!(await this.table.deleteIf(key, { ConditionExpression: 'attribute_exists(PK)' }))) return false;
    await this.addToCount(cycleId, 'requestCount', -1);
    if (item['firstSubmittedAt'] !== undefined) await this.addToCount(cycleId, 'submittedCount', -1);
    return true;
  }

  async addContactProject(cycleId: string, contactPersonId: string, projectId: string, address: string | undefined): Promise<'created' | 'added' | 'present'> {
    const key = keys.contact(cycleId, contactPersonId);
    const record: CycleContactRecord = { cycleId, contactPersonId, projectIds: [projectId], ...(address === undefined ? {} : { address }) };
    if (await this.table.put({ ...key, ...record }, { ConditionExpression: 'attribute_not_exists(PK)' })) return 'created';
    const appended = await this.table.update(key, {
      UpdateExpression: 'SET projectIds = list_append(projectIds, :list)',
      ConditionExpression: 'attribute_exists(PK) AND NOT contains(projectIds, :projectId)',
      ExpressionAttributeValues: { ':list': [projectId], ':projectId': projectId },
    });
    return appended ? 'added' : 'present';
  }

  /**
   * Read, then remove the project at the index read, on condition that it is still there: a
   * concurrent change of the list (another project added or removed) makes the read stale, so the
   * read is repeated.
   */
  async removeContactProject(cycleId: string, contactPersonId: string, projectId: string): Promise<boolean> {
    const key = keys.contact(cycleId, contactPersonId);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const item = await this.table.get(key);
      const index = item === null ? -1 : (item['projectIds'] as string[]).indexOf(projectId);
      if (index < 0) return false;
      const removed = await this.table.update(key, {
        // The index is a number read from the list, never input: safe inside the expression.
        UpdateExpression: `REMOVE projectIds[${index}]`,
        ConditionExpression: `projectIds[${index}] = :projectId`,
        ExpressionAttributeValues: { ':projectId': projectId },
      });
      if (removed) return true;
    }
    throw new ConflictError(`Projekt „${projectId}“ se nepodařilo odebrat osobě ${contactPersonId} v cyklu ${cycleId}: seznam se stále mění.`);
  }

  async setRequestContacts(
    cycleId: string,
    projectId: string,
    change: { from: string[]; to: string[]; contactsAddedAt: Record<string, string> },
  ): Promise<boolean> {
    const hasAdded = Object.keys(change.contactsAddedAt).length > 0;
    // Element by element: dynalite cannot compare whole lists (DynamoDB can).
    const from = change.from.map((id, index) => [`contactPersonIds[${index}] = :from${index}`, [`:from${index}`, id]] as const);
    return this.table.update(keys.request(cycleId, projectId), {
      UpdateExpression: hasAdded
        ? 'SET contactPersonIds = :to, contactsAddedAt = :addedAt'
        : 'SET contactPersonIds = :to REMOVE contactsAddedAt',
      ConditionExpression: ['attribute_exists(PK) AND size(contactPersonIds) = :count', ...from.map(([condition]) => condition)].join(' AND '),
      ExpressionAttributeValues: {
        ':count': change.from.length,
        ':to': change.to,
        ...Object.fromEntries(from.map(([, value]) => value)),
        ...(hasAdded ? { ':addedAt': change.contactsAddedAt } : {}),
      },
    });
  }

  async recordDeliveryEvent(event: DeliveryEventRecord): Promise<boolean> {
    return this.table.put(
      { ...keys.delivery(event.cycleId, event.contactPersonId, event.eventId), ...event },
      { ConditionExpression: 'attribute_not_exists(PK)' },
    );
  }

  listDeliveryEvents(cycleId: string): Promise<DeliveryEventRecord[]> {
    return this.listInCycle<DeliveryEventRecord>(cycleId, sortKeyPrefix.delivery);
  }

  async markUndeliverable(cycleId: string, contactPersonId: string, address: UndeliverableAddress): Promise<void> {
    await this.table.update(keys.contact(cycleId, contactPersonId), {
      UpdateExpression: 'SET undeliverable = if_not_exists(undeliverable, :address)',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':address': address },
    });
  }

  async readdressContact(cycleId: string, contactPersonId: string, address: string): Promise<void> {
    await this.table.update(keys.contact(cycleId, contactPersonId), {
      UpdateExpression: 'SET address = :address REMOVE undeliverable, undeliverableNoticeClaimedAt',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':address': address },
    });
  }

  claimUndeliverableNotice(cycleId: string, contactPersonId: string, at: string): Promise<boolean> {
    return this.table.update(keys.contact(cycleId, contactPersonId), {
      UpdateExpression: 'SET undeliverableNoticeClaimedAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(undeliverableNoticeClaimedAt)',
      ExpressionAttributeValues: { ':at': at },
    });
  }

  async releaseUndeliverableNotice(cycleId: string, contactPersonId: string): Promise<void> {
    await this.table.update(keys.contact(cycleId, contactPersonId), {
      UpdateExpression: 'REMOVE undeliverableNoticeClaimedAt',
      ConditionExpression: 'attribute_exists(PK)',
    });
  }

  private async addToCount(cycleId: string, attribute: 'requestCount' | 'submittedCount', by: number): Promise<void> {
    await this.table.update(keys.cycle(cycleId), {
      UpdateExpression: 'ADD #count :by',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#count': attribute },
      ExpressionAttributeValues: { ':by': by },
    });
  }

  private async listInCycle<T>(cycleId: string, prefix: string): Promise<T[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.cyclePartition(cycleId), ':prefix': prefix },
    });
    return items.map((item) => withoutKeys<T>(item));
  }
}

function cycleNotFound(cycleId: string): string {
  return `Cyklus ${cycleId} neexistuje.`;
}
