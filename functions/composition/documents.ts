import type { ReportDocuments } from '../../domain/ports';

/**
 * The `ReportDocuments` port, with the docx library loaded on the first document asked for: the
 * steering-group functions mostly find nothing due (too early, sent already), ARR's API and the
 * console mostly serve other routes, and a cold start should not pay for a library it does not use.
 */
export const lazyReportDocuments: ReportDocuments = {
  monitoringReportDocx: async (report) => new Uint8Array(await (await import('../../documents/monitoring/docx')).renderMonitoringReportDocx(report)),
  annualReportDocx: async (report) => new Uint8Array(await (await import('../../documents/annual/docx')).renderAnnualReportDocx(report)),
};
