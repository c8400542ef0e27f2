import type { ActionPlan } from '../../domain/plan';
import { file, type HttpResponse } from '../http/responses';

/** A plan revision as the JSON file that can be imported again: ARR's API and the console's export. */
export function planFile(plan: ActionPlan, revision: number): HttpResponse {
  return file(`${JSON.stringify(plan, null, 2)}\n`, {
    contentType: 'application/json; charset=utf-8',
    filename: `akcni-plan-${plan.id}-verze-${revision}.json`,
  });
}
