/** ARR's API: the monitoring and annual reports in every format. */
import type { ArrApiRoute } from '../../arr-api';
import { annualReportDocument, monitoringReportDocument, REPORT_FORMATS } from '../../downloads/report-documents';
import { correlationIdOf, pathParameter } from '../../http/body';
import { formatOf } from '../format';

export const routes: Record<string, ArrApiRoute> = {
  'GET /cycles/{cycleId}/report': async (event, deps) =>
    monitoringReportDocument(
      deps,
      { cycleId: pathParameter(event, 'cycleId'), correlationId: correlationIdOf(event) },
      formatOf(event, REPORT_FORMATS),
    ),

  'GET /years/{year}/report': async (event, deps) => annualReportDocument(deps, pathParameter(event, 'year'), formatOf(event, REPORT_FORMATS)),
};
