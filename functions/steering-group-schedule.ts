/** Scheduled (working days 09:00 Prague): emails the steering group every ready report whose notice is due. */
import { notifyDueSteeringGroups, type NotifyDeps } from '../domain/use-cases/notify-steering-group';
import { lazyReportDocuments } from './composition/documents';
import { awsClock, awsConfig, awsCycles, awsEvents, awsIndicators, awsMail, awsPlans, awsReports, awsSubmissions } from './composition/aws';
import { scheduledHandler } from './scheduled';

export function createSteeringGroupScheduleHandler(deps: () => NotifyDeps) {
  return scheduledHandler('Steering group schedule', async (correlationId) => ({
    outcomes: await notifyDueSteeringGroups(deps(), correlationId),
  }));
}

export const handler = createSteeringGroupScheduleHandler(() => ({
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
