/** ReportQueue consumer: assembles and stores a cycle's monitoring report. */
import type { Dependencies } from '../domain/ports';
import { assembleReport } from '../domain/use-cases/assemble-report';
import { awsAgency, awsClock, awsCycles, awsEditorial, awsEvents, awsIndicators, awsPlans, awsReports, awsSubmissions } from './composition/aws';
import { sqsConsumer } from './sqs/consumer';

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type AssembleReportDependencies = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions' | 'indicators' | 'agency' | 'editorial' | 'reports' | 'events'>;

export function createAssembleReportHandler(deps: () => AssembleReportDependencies) {
  return sqsConsumer({
    accepts: ['report-requested'],
    handle: async (event) => {
      const report = await assembleReport(deps(), { cycleId: event.data.cycleId, correlationId: event.correlationId });
      return { assembled: report !== null, reason: event.data.reason };
    },
  });
}

export const handler = createAssembleReportHandler(() => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  submissions: awsSubmissions(),
  indicators: awsIndicators(),
  agency: awsAgency(),
  editorial: awsEditorial(),
  reports: awsReports(),
  clock: awsClock,
  events: awsEvents(),
}));
