/** SubmissionsQueue consumer: folds a stored submission into the cycle's indicators. */
import type { Dependencies } from '../domain/ports';
import { recomputeIndicators } from '../domain/use-cases/recompute-indicators';
import { awsDependencies } from './composition/aws';
import { sqsConsumer } from './sqs/consumer';

export function createRecomputeIndicatorsHandler(deps: () => Dependencies) {
  return sqsConsumer({
    accepts: ['submission-received'],
    // Every record updates the cycle's one indicator item under optimistic concurrency.
    inParallel: false,
    handle: async (event) =>
      recomputeIndicators(deps(), {
        cycleId: event.data.cycleId,
        projectId: event.data.projectId,
        correlationId: event.correlationId,
      }),
  });
}

export const handler = createRecomputeIndicatorsHandler(awsDependencies);
