/** Scheduled (hourly): closes every open cycle whose deadline plus grace period has passed. */
import type { Dependencies } from '../domain/ports';
import { closeOverdueCycles } from '../domain/use-cases/close-cycle';
import { awsCycleLifecycle } from './composition/aws';
import { scheduledHandler } from './scheduled';

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type AutoCloseDependencies = Pick<Dependencies, 'clock' | 'config' | 'plans' | 'cycles' | 'submissions' | 'tokens' | 'events'>;

export function createAutoCloseHandler(deps: () => AutoCloseDependencies) {
  return scheduledHandler('Auto-close', async (correlationId) => ({
    closed: await closeOverdueCycles(deps(), correlationId),
  }));
}

export const handler = createAutoCloseHandler(awsCycleLifecycle);
