/** Scheduled (working days 09:00 Prague): emails the steering group every ready report whose notice is due, and asks again for a closed cycle's lost report request. */
import { notifyDueSteeringGroups, type NotifyDeps } from '../domain/use-cases/notify-steering-group';
import { awsSteeringGroupNotice } from './composition/aws-steering-group';
import { scheduledHandler } from './scheduled';

export function createSteeringGroupScheduleHandler(deps: () => NotifyDeps) {
  return scheduledHandler('Steering group schedule', async (correlationId) => ({
    outcomes: await notifyDueSteeringGroups(deps(), correlationId),
  }));
}

export const handler = createSteeringGroupScheduleHandler(awsSteeringGroupNotice);
