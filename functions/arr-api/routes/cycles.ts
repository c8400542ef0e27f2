/** ARR's API: the cycles, their indicators and open data, ARR's chapters and the contacts' links. */
import { renderIndicatorsCsv } from '../../../documents/open-data';
import { getCycleIndicators, getCycleOverview, listCycles, putAgencySection, reissueContactLink, revokeContactLinks } from '../../../domain/use-cases/arr';
import type { ArrApiRoute } from '../../arr-api';
import { INDICATOR_FORMATS, openDataDocument, openDataRows } from '../../downloads/open-data';
import { correlationIdOf, parseBody, pathParameter } from '../../http/body';
import { file, json } from '../../http/responses';
import { formatOf } from '../format';

export const routes: Record<string, ArrApiRoute> = {
  'GET /cycles': async (_event, deps) => json(200, { cycles: await listCycles(deps) }),

  'GET /cycles/{cycleId}': async (event, deps) => json(200, await getCycleOverview(deps, pathParameter(event, 'cycleId'))),

  'GET /cycles/{cycleId}/indicators': async (event, deps) => {
    const format = formatOf(event, INDICATOR_FORMATS);
    const cycleId = pathParameter(event, 'cycleId');
    const rows = await getCycleIndicators(deps, cycleId);
    if (format === 'json') return json(200, { cycleId, indicators: rows });
    return file(renderIndicatorsCsv(await openDataRows(deps, rows)), {
      contentType: 'text/csv; charset=utf-8',
      filename: `indikatory-${cycleId}.csv`,
    });
  },

  // Open data: every cycle's indicators, with the metadata a regional open-data portal needs.
  'GET /indicators': async (event, deps) => openDataDocument(deps, formatOf(event, INDICATOR_FORMATS)),

  'PUT /cycles/{cycleId}/agency/{section}': async (event, deps) =>
    json(
      200,
      await putAgencySection(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        sectionId: pathParameter(event, 'section'),
        body: parseBody(event),
        correlationId: correlationIdOf(event),
      }),
    ),

  // 202: the new link goes out in an email that is only queued here.
  'POST /cycles/{cycleId}/contacts/{contactPersonId}/token': async (event, deps) =>
    json(
      202,
      await reissueContactLink(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        contactPersonId: pathParameter(event, 'contactPersonId'),
        correlationId: correlationIdOf(event),
      }),
    ),

  'DELETE /cycles/{cycleId}/contacts/{contactPersonId}/token': async (event, deps) =>
    json(
      200,
      await revokeContactLinks(deps, {
        cycleId: pathParameter(event, 'cycleId'),
        contactPersonId: pathParameter(event, 'contactPersonId'),
      }),
    ),
};
