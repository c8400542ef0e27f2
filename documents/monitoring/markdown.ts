import type { MonitoringReport } from '../../domain/report/model';
import { renderMarkdownDocument } from '../render/markdown';
import { monitoringReportDocument } from './content';

/** The monitoring report as Markdown that domain/importer reads back. */
export function renderMonitoringReportMarkdown(report: MonitoringReport): string {
  return renderMarkdownDocument(monitoringReportDocument(report));
}
