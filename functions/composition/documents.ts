import type { ReportDocuments } from '../../domain/ports';

/**
 * The `ReportDocuments` port, with the docx library loaded on the first document asked for: the
 * steering-group functions mostly find nothing due (too early, sent already), and a cold start
 * should not pay for a library it does not use.
 */
export const lazyReportDocuments: ReportDocuments = {
  monitoringReportDocx: async (report) => (await import('../../documents/monitoring/docx')).reportDocuments.monitoringReportDocx(report),
};
