import type { AnnualReport } from '../../domain/report/model';
import { renderHtmlDocument } from '../render/html';
import { annualReportDocument } from './content';

/** The annual report as a complete, print-ready HTML page. */
export function renderAnnualReportHtml(report: AnnualReport): string {
  return renderHtmlDocument(annualReportDocument(report));
}
