/** `POST /cycles`: ARR opens a half-year cycle; the invitations are queued. */
import type { Dependencies } from '../domain/ports';
import { openCycle } from '../domain/use-cases/open-cycle';
import { awsDependencies } from './composition/aws';
import { correlationIdOf, parseBody } from './http/body';
import { httpHandler } from './http/middleware';
import { json } from './http/responses';

export function createOpenCycleHandler(deps: () => Dependencies) {
  return httpHandler(
    async (event) => {
      const cycle = await openCycle(deps(), parseBody(event), correlationIdOf(event));
      return json(201, cycle, { location: `/cycles/${cycle.id}` });
    },
    { format: 'json' },
  );
}

export const handler = createOpenCycleHandler(awsDependencies);
