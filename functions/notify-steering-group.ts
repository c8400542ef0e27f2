/** NotifyQueue consumer: a report is ready, so the steering group is emailed if its notice is due. */
import { notifySteeringGroup, type NotifyDeps } from '../domain/use-cases/notify-steering-group';
import { awsSteeringGroupNotice } from './composition/aws-steering-group';
import { sqsConsumer } from './sqs/consumer';

export function createNotifySteeringGroupHandler(deps: () => NotifyDeps) {
  return sqsConsumer({
    accepts: ['report-ready'],
    handle: async (event) => ({
      outcome: await notifySteeringGroup(deps(), { cycleId: event.data.cycleId, correlationId: event.correlationId }),
    }),
  });
}

export const handler = createNotifySteeringGroupHandler(awsSteeringGroupNotice);
