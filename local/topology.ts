/**
 * What infra/stateless-stack.ts deploys, restated for the local runtime: the routes, the queues and
 * the schedules. It is restated rather than imported because loading aws-cdk-lib would add seconds
 * to every local start; tests/integration/local/topology.test.ts keeps the two in step.
 */

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
  | 'arr-api';

export type HttpFunctionName = 'open-cycle' | 'submission-page' | 'submission-intake' | 'close-cycle' | 'arr-api';
export type QueueFunctionName = 'mailer' | 'recompute-indicators' | 'assemble-report' | 'notify-steering-group';
export type ScheduledFunctionName = 'reminder-sweep' | 'auto-close' | 'steering-group-schedule';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway's path template, e.g. `/cycles/{cycleId}`. */
  path: string;
  fn: HttpFunctionName;
  /** ARR routes sit behind IAM on AWS; locally they take the ARR key instead. */
  access: 'arr' | 'public';
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
  { method: 'GET', path: '/cycles/{cycleId}/projects/{projectId}', fn: 'arr-api', access: 'arr' },
  { method: 'POST', path: '/cycles/{cycleId}/projects/{projectId}/return', fn: 'arr-api', access: 'arr' },
  { method: 'PUT', path: '/cycles/{cycleId}/projects/{projectId}/editorial', fn: 'arr-api', access: 'arr' },
  { method: 'POST', path: '/cycles/{cycleId}/contacts/{contactPersonId}/token', fn: 'arr-api', access: 'arr' },
  { method: 'DELETE', path: '/cycles/{cycleId}/contacts/{contactPersonId}/token', fn: 'arr-api', access: 'arr' },
];

export type QueueName = 'MailQueue' | 'SubmissionsQueue' | 'ReportQueue' | 'NotifyQueue';

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
export function functionTimeoutSeconds(fn: FunctionName): number {
  return QUEUES.find((queue) => queue.consumer === fn)?.consumerTimeoutSeconds ?? 10;
}
