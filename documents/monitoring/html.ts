import type { MonitoringReport } from '../../domain/report/model';
import { renderHtmlDocument } from '../render/html';
import { monitoringReportDocument } from './content';

/** The monitoring report as a complete, print-ready HTML page. */
export function renderMonitoringReportHtml(report: MonitoringReport): string {
  return renderHtmlDocument(monitoringReportDocument(report), { generatedAt: report.generatedAt });
}
