import type { AnnualReport } from '../../domain/report/model';
import { renderDocxDocument } from '../render/docx';
import { annualReportDocument } from './content';

export function renderAnnualReportDocx(report: AnnualReport): Promise<Buffer> {
  return renderDocxDocument(annualReportDocument(report));
}
