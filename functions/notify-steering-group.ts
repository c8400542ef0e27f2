/** NotifyQueue consumer: a report is ready, so the steering group is emailed if its notice is due. */
import type { Dependencies } from '../domain/ports';
import { notifySteeringGroup } from '../domain/use-cases/notify-steering-group';
import { awsDependencies } from './composition/aws';
import { sqsConsumer } from './sqs/consumer';

export function createNotifySteeringGroupHandler(deps: () => Dependencies) {
  return sqsConsumer({
    accepts: ['report-ready'],
    handle: async (event) => ({
      outcome: await notifySteeringGroup(deps(), { cycleId: event.data.cycleId, correlationId: event.correlationId }),
    }),
  });
}

export const handler = createNotifySteeringGroupHandler(awsDependencies);
