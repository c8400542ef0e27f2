/**
 * ARR's API: the monitoring and annual reports in every format, and ARR's texts of the annual report
 * (they share its model, which with the router was a chunk of its own at every cold start).
 */
import { getAnnualTexts, putAnnualTexts } from '../../../domain/use-cases/annual-report';
import type { ArrApiRoute } from '../../arr-api';
import { annualReportDocument, monitoringReportDocument, REPORT_FORMATS } from '../../downloads/report-documents';
import { correlationIdOf, parseBody, pathParameter } from '../../http/body';
import { json } from '../../http/responses';
import { formatOf } from '../format';

export const routes: Record<string, ArrApiRoute> = {
  'GET /cycles/{cycleId}/report': async (event, deps) =>
    monitoringReportDocument(
      deps,
      { cycleId: pathParameter(event, 'cycleId'), correlationId: correlationIdOf(event) },
      formatOf(event, REPORT_FORMATS),
    ),

  'GET /years/{year}/report': async (event, deps) => annualReportDocument(deps, pathParameter(event, 'year'), formatOf(event, REPORT_FORMATS)),

  'GET /years/{year}/texts': async (event, deps) =>
    json(200, await getAnnualTexts(deps, { year: pathParameter(event, 'year'), planId: deps.config.planId })),

  'PUT /years/{year}/texts': async (event, deps) =>
    json(200, await putAnnualTexts(deps, { year: pathParameter(event, 'year'), planId: deps.config.planId, body: parseBody(event) })),
};
