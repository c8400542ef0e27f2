/** `POST /cycles/{cycleId}/close`: ARR closes a cycle by hand; the report is requested. */
import type { Dependencies } from '../domain/ports';
import { closeCycle } from '../domain/use-cases/close-cycle';
import { awsCycleLifecycle } from './composition/aws';
import { correlationIdOf, pathParameter } from './http/body';
import { httpHandler } from './http/middleware';
import { json } from './http/responses';

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type CloseCycleDependencies = Pick<Dependencies, 'clock' | 'config' | 'plans' | 'cycles' | 'submissions' | 'tokens' | 'events'>;

export function createCloseCycleHandler(deps: () => CloseCycleDependencies) {
  return httpHandler(
    async (event) => {
      const cycle = await closeCycle(deps(), {
        cycleId: pathParameter(event, 'cycleId'),
        reason: 'manual',
        correlationId: correlationIdOf(event),
      });
      return json(200, cycle);
    },
    { format: 'json' },
  );
}

export const handler = createCloseCycleHandler(awsCycleLifecycle);
