/** Scheduled (hourly): closes every open cycle whose deadline plus grace period has passed. */
import type { Dependencies } from '../domain/ports';
import { closeOverdueCycles } from '../domain/use-cases/close-cycle';
import { awsDependencies } from './composition/aws';
import { scheduledHandler } from './scheduled';

export function createAutoCloseHandler(deps: () => Dependencies) {
  return scheduledHandler('Auto-close', async (correlationId) => ({
    closed: await closeOverdueCycles(deps(), correlationId),
  }));
}

export const handler = createAutoCloseHandler(awsDependencies);
