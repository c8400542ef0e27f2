/** Scheduled (working days 09:00 Prague): emails the steering group every ready report whose notice is due. */
import type { Dependencies } from '../domain/ports';
import { notifyDueSteeringGroups } from '../domain/use-cases/notify-steering-group';
import { awsDependencies } from './composition/aws';
import { scheduledHandler } from './scheduled';

export function createSteeringGroupScheduleHandler(deps: () => Dependencies) {
  return scheduledHandler('Steering group schedule', async (correlationId) => ({
    outcomes: await notifyDueSteeringGroups(deps(), correlationId),
  }));
}

export const handler = createSteeringGroupScheduleHandler(awsDependencies);
