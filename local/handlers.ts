/**
 * The Lambda handlers of every function, built by the functions' own factories over the local
 * dependencies: the code that answers locally is the code deployed to AWS, minus only the wiring.
 */
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Dependencies } from '../domain/ports';
import { createArrApiHandler } from '../functions/arr-api';
import { createAssembleReportHandler } from '../functions/assemble-report';
import { createAutoCloseHandler } from '../functions/auto-close';
import { createCloseCycleHandler } from '../functions/close-cycle';
import { createConsoleHandler } from '../functions/console';
import type { ConsoleDependencies } from '../functions/console/context';
import { createMailerHandler, MAILER_FUNCTION } from '../functions/mailer';
import { createNotifySteeringGroupHandler } from '../functions/notify-steering-group';
import { createOpenCycleHandler } from '../functions/open-cycle';
import { createRecomputeIndicatorsHandler } from '../functions/recompute-indicators';
import { createReminderSweepHandler } from '../functions/reminder-sweep';
import { createSesEventsHandler } from '../functions/ses-events';
import { createSteeringGroupScheduleHandler } from '../functions/steering-group-schedule';
import { createSubmissionIntakeHandler } from '../functions/submission-intake';
import { createSubmissionPageHandler } from '../functions/submission-page';
import type { HttpHandler } from './http-server';
import type { SqsHandler } from './queue-poller';
import type { ScheduledHandler } from './scheduler';
import type { HttpFunctionName, LocalOnlyFunctionName, QueueFunctionName, ScheduledFunctionName } from './topology';

export type LocalHandlers = Record<Exclude<HttpFunctionName, LocalOnlyFunctionName>, HttpHandler> &
  Record<QueueFunctionName, SqsHandler> &
  Record<ScheduledFunctionName, ScheduledHandler>;

export function createLocalHandlers(
  deps: () => Dependencies,
  idempotency: (functionName: string) => BasePersistenceLayer,
  consoleDeps: () => ConsoleDependencies,
): LocalHandlers {
  return {
    'open-cycle': createOpenCycleHandler(deps),
    'submission-page': createSubmissionPageHandler(deps),
    'submission-intake': createSubmissionIntakeHandler(deps),
    'close-cycle': createCloseCycleHandler(deps),
    'arr-api': createArrApiHandler(deps),
    console: createConsoleHandler(consoleDeps),
    mailer: createMailerHandler(deps, () => idempotency(MAILER_FUNCTION)),
    'recompute-indicators': createRecomputeIndicatorsHandler(deps),
    'assemble-report': createAssembleReportHandler(deps),
    'notify-steering-group': createNotifySteeringGroupHandler(deps),
    'reminder-sweep': createReminderSweepHandler(deps),
    'auto-close': createAutoCloseHandler(deps),
    'steering-group-schedule': createSteeringGroupScheduleHandler(deps),
    'ses-events': createSesEventsHandler(deps),
  };
}
