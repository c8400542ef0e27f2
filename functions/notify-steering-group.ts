/** NotifyQueue consumer: a report is ready, so the steering group is emailed if its notice is due. */
import { notifySteeringGroup, type NotifyDeps } from '../domain/use-cases/notify-steering-group';
import { lazyReportDocuments } from './composition/documents';
import { awsClock, awsConfig, awsCycles, awsEvents, awsIndicators, awsMail, awsPlans, awsReports, awsSubmissions } from './composition/aws';
import { sqsConsumer } from './sqs/consumer';

export function createNotifySteeringGroupHandler(deps: () => NotifyDeps) {
  return sqsConsumer({
    accepts: ['report-ready'],
    handle: async (event) => ({
      outcome: await notifySteeringGroup(deps(), { cycleId: event.data.cycleId, correlationId: event.correlationId }),
    }),
  });
}

export const handler = createNotifySteeringGroupHandler(() => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  submissions: awsSubmissions(),
  indicators: awsIndicators(),
  reports: awsReports(),
  clock: awsClock,
  config: awsConfig(),
  events: awsEvents(),
  mail: awsMail(),
  documents: lazyReportDocuments,
}));
