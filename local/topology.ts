/**
 * What infra/stateless-stack.ts deploys, restated for the local runtime: the routes, the queues and
 * the schedules. It is restated rather than imported because loading aws-cdk-lib would add seconds
 * to every local start; tests/integration/local/topology.test.ts keeps the two in step.
 */
import { CONSOLE_ROUTE_KEYS } from '../functions/console/route-keys';

export type FunctionName =
  | 'open-cycle'
  | 'mailer'
  | 'submission-page'
  | 'submission-intake'
  | 'reminder-sweep'
  | 'recompute-indicators'
  | 'close-cycle'
  | 'auto-close'
  | 'assemble-report'
  | 'notify-steering-group'
  | 'steering-group-schedule'
  | 'arr-api'
  | 'ses-events'
  | 'console';

export type HttpFunctionName = 'open-cycle' | 'submission-page' | 'submission-intake' | 'close-cycle' | 'arr-api' | 'console' | LocalOnlyFunctionName;
/** Stands in locally for what AWS does itself: SES publishing its events into the SES events queue. */
export type LocalOnlyFunctionName = 'ses-event-inbox';
export type QueueFunctionName = 'mailer' | 'recompute-indicators' | 'assemble-report' | 'notify-steering-group' | 'ses-events';
export type ScheduledFunctionName = 'reminder-sweep' | 'auto-close' | 'steering-group-schedule';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway's path template, e.g. `/cycles/{cycleId}`. */
  path: string;
  fn: HttpFunctionName;
  /**
   * ARR routes sit behind IAM on AWS; locally they take the ARR key instead. Console routes have
   * no authorizer: the console checks its own session on every request.
   */
  access: 'arr' | 'public' | 'console';
}

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'POST', path: '/cycles', fn: 'open-cycle', access: 'arr' },
  { method: 'GET', path: '/s/{token}', fn: 'submission-page', access: 'public' },
  { method: 'POST', path: '/s/{token}', fn: 'submission-intake', access: 'public' },
  { method: 'POST', path: '/s/{token}/projects/{projectId}', fn: 'submission-intake', access: 'public' },
  { method: 'POST', path: '/cycles/{cycleId}/close', fn: 'close-cycle', access: 'arr' },
  { method: 'GET', path: '/cycles', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/cycles/{cycleId}', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/cycles/{cycleId}/indicators', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/indicators', fn: 'arr-api', access: 'arr' },
  { method: 'PUT', path: '/cycles/{cycleId}/agency/{section}', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/cycles/{cycleId}/report', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/years/{year}/report', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/years/{year}/texts', fn: 'arr-api', access: 'arr' },
  { method: 'PUT', path: '/years/{year}/texts', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/cycles/{cycleId}/projects/{projectId}', fn: 'arr-api', access: 'arr' },
  { method: 'POST', path: '/cycles/{cycleId}/projects/{projectId}/return', fn: 'arr-api', access: 'arr' },
  { method: 'PUT', path: '/cycles/{cycleId}/projects/{projectId}/editorial', fn: 'arr-api', access: 'arr' },
  { method: 'POST', path: '/cycles/{cycleId}/contacts/{contactPersonId}/token', fn: 'arr-api', access: 'arr' },
  { method: 'DELETE', path: '/cycles/{cycleId}/contacts/{contactPersonId}/token', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/plan', fn: 'arr-api', access: 'arr' },
  { method: 'PUT', path: '/plan', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/plan/history', fn: 'arr-api', access: 'arr' },
  { method: 'GET', path: '/plan/history/{revision}', fn: 'arr-api', access: 'arr' },
  { method: 'POST', path: '/plan/contacts', fn: 'arr-api', access: 'arr' },
  { method: 'PATCH', path: '/plan/contacts/{contactPersonId}', fn: 'arr-api', access: 'arr' },
  { method: 'PATCH', path: '/plan/areas/{activityAreaId}/guarantor', fn: 'arr-api', access: 'arr' },
  { method: 'POST', path: '/plan/projects', fn: 'arr-api', access: 'arr' },
  { method: 'PATCH', path: '/plan/projects/{projectId}', fn: 'arr-api', access: 'arr' },
  { method: 'PATCH', path: '/plan/indicators/{code}', fn: 'arr-api', access: 'arr' },
  { method: 'POST', path: '/history', fn: 'arr-api', access: 'arr' },
  ...CONSOLE_ROUTE_KEYS.map((routeKey): RouteDefinition => {
    const [method, path] = routeKey.split(' ') as [RouteDefinition['method'], string];
    return { method, path, fn: 'console', access: 'console' };
  }),
];

/**
 * Routes only the local runtime has. The SES emulator cannot bounce, so an SES event
 * notification (bounce, complaint, delivery, in SES's own JSON) is posted here and goes into the
 * SES events queue exactly as SNS would put it there, for the same consumer to handle.
 */
export const LOCAL_ONLY_ROUTES: readonly RouteDefinition[] = [
  { method: 'POST', path: '/local/ses-events', fn: 'ses-event-inbox', access: 'arr' },
];

export type QueueName = 'MailQueue' | 'SubmissionsQueue' | 'ReportQueue' | 'NotifyQueue' | 'SesEventsQueue';

export interface QueueDefinition {
  name: QueueName;
  consumer: QueueFunctionName;
  batchSize: number;
  /** Six times the consumer's timeout, as infra/work-queue.ts derives it. */
  visibilityTimeoutSeconds: number;
  consumerTimeoutSeconds: number;
}

export const QUEUES: readonly QueueDefinition[] = [
  { name: 'MailQueue', consumer: 'mailer', batchSize: 10, consumerTimeoutSeconds: 30, visibilityTimeoutSeconds: 180 },
  { name: 'SubmissionsQueue', consumer: 'recompute-indicators', batchSize: 10, consumerTimeoutSeconds: 10, visibilityTimeoutSeconds: 60 },
  { name: 'ReportQueue', consumer: 'assemble-report', batchSize: 1, consumerTimeoutSeconds: 60, visibilityTimeoutSeconds: 360 },
  { name: 'NotifyQueue', consumer: 'notify-steering-group', batchSize: 10, consumerTimeoutSeconds: 10, visibilityTimeoutSeconds: 60 },
  { name: 'SesEventsQueue', consumer: 'ses-events', batchSize: 10, consumerTimeoutSeconds: 30, visibilityTimeoutSeconds: 180 },
];

export const MAX_RECEIVE_COUNT = 5;
export const SOURCE_RETENTION_SECONDS = 4 * 24 * 3600;
export const DLQ_RETENTION_SECONDS = 14 * 24 * 3600;

export function deadLetterQueueName(queue: QueueName): string {
  return `${queue}-DLQ`;
}

export type ScheduleName = 'reminder-sweep' | 'auto-close' | 'steering-group-schedule';

export interface ScheduleDefinition {
  name: ScheduleName;
  fn: ScheduledFunctionName;
  /** EventBridge Scheduler cron, evaluated in Europe/Prague. */
  expression: string;
}

export const SCHEDULE_DEFINITIONS: readonly ScheduleDefinition[] = [
  { name: 'reminder-sweep', fn: 'reminder-sweep', expression: 'cron(30 8 ? * MON-FRI *)' },
  { name: 'auto-close', fn: 'auto-close', expression: 'cron(5 * * * ? *)' },
  { name: 'steering-group-schedule', fn: 'steering-group-schedule', expression: 'cron(0 9 ? * MON-FRI *)' },
];

/** Lambda timeouts: the stack's default is 10 s, the consumers have their own. */
export function functionTimeoutSeconds(fn: FunctionName | LocalOnlyFunctionName): number {
  return QUEUES.find((queue) => queue.consumer === fn)?.consumerTimeoutSeconds ?? 10;
}
