import { NotFoundError, ValidationError } from '../../domain/errors';
import type { ActionPlan, ContactPerson, Project } from '../../domain/plan';
import type { PlanRevision, PlanRevisionSummary } from '../../domain/plan-history';
import type { PlanCatalog, StoredPlan } from '../../domain/ports';
import { compressJson, decompressJson } from './compression';
import { keys, sortKeyPrefix, withoutKeys, type TableKey } from './keys';
import type { DynamoTable, Item } from './table';

/**
 * The catalog as one partition: META carries the plan's small parts and the order of projects and
 * contacts (which is also the list of those that belong to the plan); one item per project and
 * contact person, so a plan of thousands of projects never meets the 400 KB item limit.
 */
interface PlanMetaItem {
  id: string;
  name: string;
  years: ActionPlan['years'];
  priorityAreas: ActionPlan['priorityAreas'];
  activityAreas: ActionPlan['activityAreas'];
  indicators: ActionPlan['indicators'];
  projectIds: string[];
  contactPersonIds: string[];
  /** Absent on plans stored before plans had revisions: read as 0. */
  revision?: number;
}

/**
 * DynamoDB refuses an item over 400 KB. An item's size is measured here as its JSON in UTF-8,
 * which counts a little more than DynamoDB does; the margin leaves room for the keys.
 */
const ITEM_BYTES_MAX = 380 * 1024;

const kilobytes = (bytes: number) => Math.ceil(bytes / 1024);

function planMetaOf(plan: ActionPlan, revision: number): PlanMetaItem {
  return {
    id: plan.id,
    name: plan.name,
    years: plan.years,
    priorityAreas: plan.priorityAreas,
    activityAreas: plan.activityAreas,
    indicators: plan.indicators,
    projectIds: plan.projects.map((project) => project.id),
    contactPersonIds: plan.contactPersons.map((contact) => contact.id),
    revision,
  };
}

/**
 * Refuses, before its revision is claimed, a plan whose items the table cannot hold. Once claimed,
 * a plan `savePlan` cannot write would be rolled forward by every later change, each failing the
 * same way, and no change of the plan would go through any more.
 */
function assertStorable(plan: ActionPlan, compressedBytes: number): void {
  const metaBytes = Buffer.byteLength(JSON.stringify(planMetaOf(plan, 0)), 'utf8');
  if (metaBytes > ITEM_BYTES_MAX) {
    throw new ValidationError('Akční plán je příliš velký, nic nebylo uloženo.', {
      body: `Oblasti aktivit, indikátory a seznamy projektů a kontaktních osob mají dohromady ${kilobytes(metaBytes)} kB; uložit lze nejvýše ${kilobytes(ITEM_BYTES_MAX)} kB. Zkraťte popisy oblastí aktivit nebo názvy.`,
    });
  }
  if (compressedBytes > ITEM_BYTES_MAX) {
    throw new ValidationError('Akční plán je příliš velký, nic nebylo uloženo.', {
      body: `Celý plán má i zkomprimovaný ${kilobytes(compressedBytes)} kB; uložit lze nejvýše ${kilobytes(ITEM_BYTES_MAX)} kB. Zkraťte texty projektů.`,
    });
  }
}

export class DynamoPlanCatalog implements PlanCatalog {
  constructor(private readonly table: DynamoTable) {}

  async getPlan(planId: string): Promise<ActionPlan> {
    const stored = await this.getStoredPlan(planId);
    if (stored === null) throw new NotFoundError(`Akční plán „${planId}“ nebyl nahrán.`);
    return stored.plan;
  }

  async getStoredPlan(planId: string): Promise<StoredPlan | null> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.planPartition(planId) },
    });
    const metaItem = items.find((item) => item['SK'] === keys.planMeta(planId).SK);
    if (metaItem === undefined) return null;
    const meta = withoutKeys<PlanMetaItem>(metaItem);

    const projects = new Map<string, Project>();
    const contacts = new Map<string, ContactPerson>();
    for (const item of items) {
      const sk = String(item['SK']);
      if (sk.startsWith(sortKeyPrefix.planProject)) {
        const project = withoutKeys<Project>(item);
        projects.set(project.id, project);
      } else if (sk.startsWith(sortKeyPrefix.planContact)) {
        const contact = withoutKeys<ContactPerson>(item);
        contacts.set(contact.id, contact);
      }
    }

    const plan: ActionPlan = {
      id: meta.id,
      name: meta.name,
      years: meta.years,
      priorityAreas: meta.priorityAreas,
      activityAreas: meta.activityAreas,
      projects: meta.projectIds.map((id) => required(projects, id, planId, 'project')),
      contactPersons: meta.contactPersonIds.map((id) => required(contacts, id, planId, 'contact person')),
      indicators: meta.indicators,
    };
    return { plan, revision: meta.revision ?? 0 };
  }

  async currentRevision(planId: string): Promise<number> {
    const item = await this.table.get(keys.planCurrentRevision(planId));
    return typeof item?.['revision'] === 'number' ? item['revision'] : 0;
  }

  /**
   * Projects and contacts first, META last: a reader never sees a META naming an item not yet
   * written. Items of projects and contacts the new plan dropped are deleted after the switch.
   */
  async savePlan(plan: ActionPlan, revision = 0): Promise<void> {
    const stored = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.planPartition(plan.id) },
      ProjectionExpression: 'PK, SK',
    });

    const items: Item[] = [
      ...plan.projects.map((project) => ({ ...keys.planProject(plan.id, project.id), ...project })),
      ...plan.contactPersons.map((contact) => ({ ...keys.planContact(plan.id, contact.id), ...contact })),
    ];
    await this.table.writeBatch(items);

    await this.table.put({ ...keys.planMeta(plan.id), ...planMetaOf(plan, revision) });
    // After META: a reader that sees the new number finds the new plan.
    await this.table.put({ ...keys.planCurrentRevision(plan.id), revision });

    const current = new Set(items.map((item) => `${item['SK']}`));
    const stale = stored
      .map((item) => ({ PK: String(item['PK']), SK: String(item['SK']) }) satisfies TableKey)
      .filter((key) => key.SK !== keys.planMeta(plan.id).SK && !current.has(key.SK));
    if (stale.length > 0) await this.table.writeBatch([], stale);
  }

  /**
   * The whole plan is kept gzip-compressed: the revision's summary stays readable, the plan stays small.
   * @throws ValidationError, claiming nothing, for a plan whose items the table cannot hold.
   */
  async appendRevision(revision: PlanRevision): Promise<boolean> {
    const { plan, ...summary } = revision;
    const compressed = await compressJson(plan);
    assertStorable(plan, compressed.length);
    return this.table.put(
      { ...keys.planRevision(revision.planId, revision.revision), ...summary, plan: compressed },
      { ConditionExpression: 'attribute_not_exists(PK)' },
    );
  }

  async getRevision(planId: string, revision: number): Promise<PlanRevision | null> {
    const item = await this.table.get(keys.planRevision(planId, revision));
    if (item === null) return null;
    const summary = withoutKeys<PlanRevisionSummary>(item, ['plan']);
    return { ...summary, plan: await decompressJson<ActionPlan>(item['plan'] as Uint8Array) };
  }

  async listRevisions(planId: string): Promise<PlanRevisionSummary[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :rev)',
      ExpressionAttributeValues: { ':pk': keys.planRevisionsPartition(planId), ':rev': sortKeyPrefix.planRevision },
    });
    return items.map((item) => withoutKeys<PlanRevisionSummary>(item, ['plan']));
  }
}

function required<T>(items: Map<string, T>, id: string, planId: string, what: string): T {
  const item = items.get(id);
  // Only a plan being rewritten at this very moment can get here; the caller's retry reads it whole.
  if (item === undefined) throw new Error(`Plan ${planId} lists ${what} ${id}, but its item is missing.`);
  return item;
}
