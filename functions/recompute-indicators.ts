/** SubmissionsQueue consumer: folds a stored submission into the cycle's indicators. */
import type { Dependencies } from '../domain/ports';
import { recomputeIndicators } from '../domain/use-cases/recompute-indicators';
import { awsClock, awsCycles, awsEditorial, awsEvents, awsIndicators, awsPlans, awsSubmissions } from './composition/aws';
import { sqsConsumer } from './sqs/consumer';

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type RecomputeIndicatorsDependencies = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions' | 'indicators' | 'editorial' | 'events'>;

export function createRecomputeIndicatorsHandler(deps: () => RecomputeIndicatorsDependencies) {
  return sqsConsumer({
    accepts: ['submission-received'],
    // Every record ends in a save of the cycle's small totals item on its revision: in parallel they would only retry each other.
    inParallel: false,
    handle: async (event) =>
      recomputeIndicators(deps(), {
        cycleId: event.data.cycleId,
        projectId: event.data.projectId,
        correlationId: event.correlationId,
      }),
  });
}

export const handler = createRecomputeIndicatorsHandler(() => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  submissions: awsSubmissions(),
  indicators: awsIndicators(),
  editorial: awsEditorial(),
  clock: awsClock,
  events: awsEvents(),
}));
