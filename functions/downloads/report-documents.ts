/** The monitoring and annual reports as downloads, for ARR's API and the console alike. */
import { renderAnnualReportHtml } from '../../documents/annual/html';
import { renderAnnualReportMarkdown } from '../../documents/annual/markdown';
import { renderMonitoringReportHtml } from '../../documents/monitoring/html';
import { renderMonitoringReportMarkdown } from '../../documents/monitoring/markdown';
import { getAnnualReport } from '../../domain/use-cases/annual-report';
import { getMonitoringReport } from '../../domain/use-cases/arr';
import type { ArrApiDependencies } from '../arr-api';
import { file, html, json, type HttpResponse } from '../http/responses';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const REPORT_FORMATS = ['html', 'md', 'docx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface Renderers<R> {
  html: (report: R) => string;
  md: (report: R) => string;
  docx: (report: R) => Promise<Uint8Array>;
}

async function documentResponse<R>(report: R, format: ReportFormat, renderers: Renderers<R>, filenameStem: string): Promise<HttpResponse> {
  switch (format) {
    case 'json':
      return json(200, report);
    case 'html':
      return html(200, renderers.html(report));
    case 'md':
      return file(renderers.md(report), { contentType: 'text/markdown; charset=utf-8', filename: `${filenameStem}.md` });
    case 'docx':
      return file(await renderers.docx(report), { contentType: DOCX_TYPE, filename: `${filenameStem}.docx` });
  }
}

/** A cycle's monitoring report as a file of the format. */
export async function monitoringReportDocument(
  deps: ArrApiDependencies,
  input: { cycleId: string; correlationId: string },
  format: ReportFormat,
): Promise<HttpResponse> {
  const { cycleId } = input;
  return documentResponse(
    await getMonitoringReport(deps, input),
    format,
    { html: renderMonitoringReportHtml, md: renderMonitoringReportMarkdown, docx: (report) => deps.documents.monitoringReportDocx(report) },
    `monitorovaci-zprava-${cycleId}`,
  );
}

/** A year's annual report as a file of the format. */
export async function annualReportDocument(deps: ArrApiDependencies, year: string, format: ReportFormat): Promise<HttpResponse> {
  return documentResponse(
    await getAnnualReport(deps, { year, planId: deps.config.planId }),
    format,
    { html: renderAnnualReportHtml, md: renderAnnualReportMarkdown, docx: (report) => deps.documents.annualReportDocx(report) },
    `vyrocni-zprava-${year}`,
  );
}
