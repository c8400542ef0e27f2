/** ARR's API: the texts of a year's annual report. */
import { getAnnualTexts, putAnnualTexts } from '../../../domain/use-cases/annual-report';
import type { ArrApiRoute } from '../../arr-api';
import { parseBody, pathParameter } from '../../http/body';
import { json } from '../../http/responses';

export const routes: Record<string, ArrApiRoute> = {
  'GET /years/{year}/texts': async (event, deps) =>
    json(200, await getAnnualTexts(deps, { year: pathParameter(event, 'year'), planId: deps.config.planId })),

  'PUT /years/{year}/texts': async (event, deps) =>
    json(200, await putAnnualTexts(deps, { year: pathParameter(event, 'year'), planId: deps.config.planId, body: parseBody(event) })),
};
