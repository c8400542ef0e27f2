/** ReportQueue consumer: assembles and stores a cycle's monitoring report. */
import type { Dependencies } from '../domain/ports';
import { assembleReport } from '../domain/use-cases/assemble-report';
import { awsDependencies } from './composition/aws';
import { sqsConsumer } from './sqs/consumer';

export function createAssembleReportHandler(deps: () => Dependencies) {
  return sqsConsumer({
    accepts: ['report-requested'],
    handle: async (event) => {
      const report = await assembleReport(deps(), { cycleId: event.data.cycleId, correlationId: event.correlationId });
      return { assembled: report !== null, reason: event.data.reason };
    },
  });
}

export const handler = createAssembleReportHandler(awsDependencies);
