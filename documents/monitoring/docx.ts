import type { MonitoringReport } from '../../domain/report/model';
import { renderDocxDocument } from '../render/docx';
import { monitoringReportDocument } from './content';

/** The monitoring report as a Word document (.docx). */
export function renderMonitoringReportDocx(report: MonitoringReport): Promise<Buffer> {
  return renderDocxDocument(monitoringReportDocument(report));
}
