import type { ReportDocuments } from '../../domain/ports';
import type { MonitoringReport } from '../../domain/report/model';
import { renderDocxDocument } from '../render/docx';
import { monitoringReportDocument } from './content';

/** The monitoring report as a Word document (.docx). */
export function renderMonitoringReportDocx(report: MonitoringReport): Promise<Buffer> {
  return renderDocxDocument(monitoringReportDocument(report));
}

/** The `ReportDocuments` port: the attachment the steering group gets. */
export const reportDocuments: ReportDocuments = {
  monitoringReportDocx: async (report) => new Uint8Array(await renderMonitoringReportDocx(report)),
};
