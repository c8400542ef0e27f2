/**
 * Every key of the single table, in one place (see table-design.md). Ids are slugs or period ids,
 * so they never contain the `#` separator.
 */
import type { ReminderAudience } from '../../domain/records';

export const GSI1 = 'GSI1';

export interface TableKey {
  PK: string;
  SK: string;
}

export const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK'] as const;

export const sortKeyPrefix = {
  planProject: 'PROJECT#',
  planContact: 'CONTACT#',
  planRevision: 'REV#',
  request: 'REQUEST#',
  contact: 'CONTACT#',
  reminder: 'REMINDER#',
  agency: 'AGENCY#',
  delivery: 'DELIVERY#',
  projectReturn: 'RETURN#',
  editorial: 'EDITORIAL#',
  version: 'V#',
  contribution: 'INDICATORS#PROJECT#',
  annualText: 'TEXT#',
} as const;

const planPk = (planId: string): string => `PLAN#${planId}`;
const cyclePk = (cycleId: string): string => `CYCLE#${cycleId}`;

/** Versions below this keep the six-digit sort key every version was stored under before. */
const SHORT_VERSION_LIMIT = 1_000_000;
/** Digits of Number.MAX_SAFE_INTEGER, the highest version the domain allows. */
const LONG_VERSION_DIGITS = 16;

/**
 * A sort key that orders versions numerically for every safe integer, and leaves the keys of
 * versions 1–999 999 as they always were (`V#000042`), so items stored before need no migration.
 * Larger versions get `:` and sixteen digits: `:` sorts after every digit, so each of them follows
 * every six-digit key, and among themselves equal widths order numerically.
 */
export function versionSortKey(version: number): string {
  if (!Number.isSafeInteger(version) || version < 0) throw new RangeError(`Not a version number: ${version}`);
  const digits =
    version < SHORT_VERSION_LIMIT ? String(version).padStart(6, '0') : `:${String(version).padStart(LONG_VERSION_DIGITS, '0')}`;
  return `${sortKeyPrefix.version}${digits}`;
}

export function audienceKey(audience: ReminderAudience): string {
  return audience.kind === 'contact' ? `contact#${audience.contactPersonId}` : `guarantor#${audience.activityAreaId}`;
}

export const keys = {
  planPartition: planPk,
  planMeta: (planId: string): TableKey => ({ PK: planPk(planId), SK: 'META' }),
  planProject: (planId: string, projectId: string): TableKey => ({
    PK: planPk(planId),
    SK: `${sortKeyPrefix.planProject}${projectId}`,
  }),
  planContact: (planId: string, contactPersonId: string): TableKey => ({
    PK: planPk(planId),
    SK: `${sortKeyPrefix.planContact}${contactPersonId}`,
  }),
  planRevisionsPartition: (planId: string): string => `${planPk(planId)}#REVISIONS`,
  /** The current revision's number alone: a one-unit read tells a cached plan whether it is stale. */
  planCurrentRevision: (planId: string): TableKey => ({ PK: `${planPk(planId)}#REVISIONS`, SK: 'CURRENT' }),
  planRevision: (planId: string, revision: number): TableKey => ({
    PK: `${planPk(planId)}#REVISIONS`,
    SK: `${sortKeyPrefix.planRevision}${String(revision).padStart(6, '0')}`,
  }),

  cyclePartition: cyclePk,
  cycle: (cycleId: string): TableKey => ({ PK: cyclePk(cycleId), SK: 'CYCLE' }),
  cyclesIndexPartition: 'CYCLES',
  cycleIndex: (cycleId: string) => ({ GSI1PK: 'CYCLES', GSI1SK: cycleId }),
  request: (cycleId: string, projectId: string): TableKey => ({
    PK: cyclePk(cycleId),
    SK: `${sortKeyPrefix.request}${projectId}`,
  }),
  contact: (cycleId: string, contactPersonId: string): TableKey => ({
    PK: cyclePk(cycleId),
    SK: `${sortKeyPrefix.contact}${contactPersonId}`,
  }),
  // Round 0 keeps the key it always had; a moved deadline's round adds `#r<round>`.
  reminder: (cycleId: string, audience: ReminderAudience, stage: string, round = 0): TableKey => ({
    PK: cyclePk(cycleId),
    SK: `${sortKeyPrefix.reminder}${audienceKey(audience)}#${stage}${round > 0 ? `#r${round}` : ''}`,
  }),
  agency: (cycleId: string, sectionId: string): TableKey => ({
    PK: cyclePk(cycleId),
    SK: `${sortKeyPrefix.agency}${sectionId}`,
  }),
  delivery: (cycleId: string, contactPersonId: string, eventId: string): TableKey => ({
    PK: cyclePk(cycleId),
    SK: `${sortKeyPrefix.delivery}${contactPersonId}#${eventId}`,
  }),
  projectReturn: (cycleId: string, projectId: string, version: number): TableKey => ({
    PK: cyclePk(cycleId),
    SK: `${sortKeyPrefix.projectReturn}${projectId}#${versionSortKey(version)}`,
  }),
  projectReturnsPrefix: (projectId: string): string => `${sortKeyPrefix.projectReturn}${projectId}#`,
  editorial: (cycleId: string, projectId: string): TableKey => ({
    PK: cyclePk(cycleId),
    SK: `${sortKeyPrefix.editorial}${projectId}`,
  }),
  indicators: (cycleId: string): TableKey => ({ PK: cyclePk(cycleId), SK: 'INDICATORS' }),
  contribution: (cycleId: string, projectId: string): TableKey => ({
    PK: cyclePk(cycleId),
    SK: `${sortKeyPrefix.contribution}${projectId}`,
  }),
  reportHeader: (cycleId: string): TableKey => ({ PK: cyclePk(cycleId), SK: 'REPORT' }),
  reportChunkPrefix: (generation: string): string => `REPORT#${generation}#`,
  reportChunk: (cycleId: string, generation: string, index: number): TableKey => ({
    PK: cyclePk(cycleId),
    SK: `REPORT#${generation}#${String(index).padStart(4, '0')}`,
  }),

  submissionPartition: (cycleId: string, projectId: string): string => `${cyclePk(cycleId)}#PROJECT#${projectId}`,
  submission: (cycleId: string, projectId: string, version: number): TableKey => ({
    PK: `${cyclePk(cycleId)}#PROJECT#${projectId}`,
    SK: versionSortKey(version),
  }),
  submissionsIndexPartition: (cycleId: string): string => `${cyclePk(cycleId)}#SUBMISSIONS`,
  submissionIndex: (cycleId: string, projectId: string, version: number) => ({
    GSI1PK: `${cyclePk(cycleId)}#SUBMISSIONS`,
    GSI1SK: `${projectId}#${versionSortKey(version)}`,
  }),

  yearPartition: (year: number): string => `YEAR#${year}`,
  annualText: (year: number, key: string): TableKey => ({ PK: `YEAR#${year}`, SK: `${sortKeyPrefix.annualText}${key}` }),

  token: (tokenHash: string): TableKey => ({ PK: `TOKEN#${tokenHash}`, SK: 'TOKEN' }),
  tokensIndexPartition: (cycleId: string, contactPersonId: string): string =>
    `${cyclePk(cycleId)}#CONTACT#${contactPersonId}#TOKENS`,
  tokenIndex: (cycleId: string, contactPersonId: string, issuedAt: string) => ({
    GSI1PK: `${cyclePk(cycleId)}#CONTACT#${contactPersonId}#TOKENS`,
    GSI1SK: issuedAt,
  }),
};

/** The record an item stores: the item without its key attributes and the named internal ones. */
export function withoutKeys<T>(item: Record<string, unknown>, internal: readonly string[] = []): T {
  const record: Record<string, unknown> = { ...item };
  for (const attribute of [...KEY_ATTRIBUTES, ...internal]) delete record[attribute];
  return record as T;
}
