/**
 * ARR's API: the action plan's export, import (`?confirm=true` removes projects that have reports
 * in an open cycle), changes and history, and the import of a past monitoring report (Markdown or
 * text), history that pre-fills later cycles, as on the console's plan pages. One group, not two:
 * they share the plan's code, which two lazy groups would have split into more chunks.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { importPastReport } from '../../../domain/use-cases/load-history';
import {
  addContactPerson,
  addProject,
  exportPlan,
  getPlanRevision,
  importPlan,
  listPlanHistory,
  updateContactPerson,
  updateGuarantor,
  updateIndicator,
  updateProject,
} from '../../../domain/use-cases/manage-plan';
import type { ArrApiRoute } from '../../arr-api';
import { planFile } from '../../downloads/plan-file';
import { actorOf, correlationIdOf, parseBody, pathParameter, queryParameter } from '../../http/body';
import { json } from '../../http/responses';

/** What every plan change needs from the request: who, the body, and ARR's confirmation. */
function changeOf(event: APIGatewayProxyEventV2) {
  return {
    actor: actorOf(event),
    correlationId: correlationIdOf(event),
    body: parseBody(event),
    confirmRemovals: queryParameter(event, 'confirm') === 'true',
  };
}

export const routes: Record<string, ArrApiRoute> = {
  'GET /plan': async (_event, deps) => {
    const { revision, plan } = await exportPlan(deps);
    return planFile(plan, revision);
  },
  'PUT /plan': async (event, deps) => json(200, await importPlan(deps, changeOf(event))),
  'GET /plan/history': async (_event, deps) => json(200, { revisions: await listPlanHistory(deps) }),
  'GET /plan/history/{revision}': async (event, deps) => json(200, await getPlanRevision(deps, pathParameter(event, 'revision'))),
  'POST /plan/contacts': async (event, deps) => json(201, await addContactPerson(deps, changeOf(event))),
  'PATCH /plan/contacts/{contactPersonId}': async (event, deps) =>
    json(200, await updateContactPerson(deps, { ...changeOf(event), contactPersonId: pathParameter(event, 'contactPersonId') })),
  'PATCH /plan/areas/{activityAreaId}/guarantor': async (event, deps) =>
    json(200, await updateGuarantor(deps, { ...changeOf(event), activityAreaId: pathParameter(event, 'activityAreaId') })),
  'POST /plan/projects': async (event, deps) => json(201, await addProject(deps, changeOf(event))),
  'PATCH /plan/projects/{projectId}': async (event, deps) =>
    json(200, await updateProject(deps, { ...changeOf(event), projectId: pathParameter(event, 'projectId') })),
  'PATCH /plan/indicators/{code}': async (event, deps) =>
    json(200, await updateIndicator(deps, { ...changeOf(event), code: pathParameter(event, 'code') })),
  'POST /history': async (event, deps) => json(201, await importPastReport(deps, parseBody(event), correlationIdOf(event))),
};
