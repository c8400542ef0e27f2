import type { AnnualReport } from '../../domain/report/model';
import { renderMarkdownDocument } from '../render/markdown';
import { annualReportDocument } from './content';

export function renderAnnualReportMarkdown(report: AnnualReport): string {
  return renderMarkdownDocument(annualReportDocument(report));
}
