import type { ReportDocuments } from '../../domain/ports';
import type { MonitoringReport } from '../../domain/report/model';
import { renderAnnualReportDocx } from '../annual/docx';
import { renderDocxDocument } from '../render/docx';
import { monitoringReportDocument } from './content';

/** The monitoring report as a Word document (.docx). */
export function renderMonitoringReportDocx(report: MonitoringReport): Promise<Buffer> {
  return renderDocxDocument(monitoringReportDocument(report));
}

/** The `ReportDocuments` port: the steering group's attachment and ARR's downloads. */
export const reportDocuments: ReportDocuments = {
  monitoringReportDocx: async (report) => new Uint8Array(await renderMonitoringReportDocx(report)),
  annualReportDocx: async (report) => new Uint8Array(await renderAnnualReportDocx(report)),
};
