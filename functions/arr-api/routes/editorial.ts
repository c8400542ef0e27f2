/** ARR's API: a project's reports in a cycle, its return to the contact person and ARR's editorial version. */
import { getProjectDetail, putEditorialVersion, returnProject } from '../../../domain/use-cases/editorial';
import type { ArrApiRoute } from '../../arr-api';
import { actorOf, correlationIdOf, parseBody, pathParameter } from '../../http/body';
import { json } from '../../http/responses';

export const routes: Record<string, ArrApiRoute> = {
  'GET /cycles/{cycleId}/projects/{projectId}': async (event, deps) =>
    json(200, await getProjectDetail(deps, { cycleId: pathParameter(event, 'cycleId'), projectId: pathParameter(event, 'projectId') })),

  // 201: the return is a new record in the project's history; its emails are only queued here.
  'POST /cycles/{cycleId}/projects/{projectId}/return': async (event, deps) =>
    json(
      201,
      await returnProject(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        projectId: pathParameter(event, 'projectId'),
        body: parseBody(event),
        returnedBy: actorOf(event),
        correlationId: correlationIdOf(event),
      }),
    ),

  'PUT /cycles/{cycleId}/projects/{projectId}/editorial': async (event, deps) =>
    json(
      200,
      await putEditorialVersion(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        projectId: pathParameter(event, 'projectId'),
        body: parseBody(event),
        editedBy: actorOf(event),
        correlationId: correlationIdOf(event),
      }),
    ),
};
