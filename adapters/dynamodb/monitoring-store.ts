/**
 * The DynamoDB side of the use cases' storage ports, one store per port over one shared table
 * (see table-design.md). Spread it into `Dependencies`: `{ ...new DynamoMonitoringStore(…), clock, … }`.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Dependencies, PlanCatalog } from '../../domain/ports';
import { DynamoAgencyStore } from './agency-store';
import { DynamoAnnualTextStore } from './annual-text-store';
import { DynamoCycleStore } from './cycle-store';
import { DynamoEditorialStore } from './editorial-store';
import { DynamoIndicatorStore } from './indicator-store';
import { DynamoPlanCatalog } from './plan-catalog';
import { DynamoReminderLog } from './reminder-log';
import { DynamoReportStore } from './report-store';
import { DynamoSubmissionStore } from './submission-store';
import { DynamoTable, type DynamoStoreOptions } from './table';
import { DynamoTokenStore } from './token-store';
import { CachedPlanCatalog } from '../cached-plan-catalog';

export type { ConsumedCapacityListener, DynamoStoreOptions } from './table';
export { VERSION_CONFLICT_MESSAGE } from './submission-store';

export type StorePorts = Pick<
  Dependencies,
  'plans' | 'cycles' | 'submissions' | 'tokens' | 'reminders' | 'indicators' | 'agency' | 'editorial' | 'reports' | 'annualTexts'
>;

export class DynamoMonitoringStore implements StorePorts {
  readonly plans: PlanCatalog;
  readonly cycles: DynamoCycleStore;
  readonly submissions: DynamoSubmissionStore;
  readonly tokens: DynamoTokenStore;
  readonly reminders: DynamoReminderLog;
  readonly indicators: DynamoIndicatorStore;
  readonly agency: DynamoAgencyStore;
  readonly editorial: DynamoEditorialStore;
  readonly reports: DynamoReportStore;
  readonly annualTexts: DynamoAnnualTextStore;

  constructor(documentClient: DynamoDBDocumentClient, tableName: string, options: DynamoStoreOptions = {}) {
    const table = new DynamoTable(documentClient, tableName, options);
    this.plans = new CachedPlanCatalog(new DynamoPlanCatalog(table));
    this.cycles = new DynamoCycleStore(table);
    this.submissions = new DynamoSubmissionStore(table);
    this.tokens = new DynamoTokenStore(table);
    this.reminders = new DynamoReminderLog(table);
    this.indicators = new DynamoIndicatorStore(table);
    this.agency = new DynamoAgencyStore(table);
    this.editorial = new DynamoEditorialStore(table);
    this.reports = new DynamoReportStore(table);
    this.annualTexts = new DynamoAnnualTextStore(table);
  }
}
