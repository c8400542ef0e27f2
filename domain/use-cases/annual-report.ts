/**
 * The annual report of a year and ARR's texts in it. The two half-years' monitoring reports come
 * from the store; a half-year the system only knows from an imported report (the 2025 history)
 * gets its monitoring report built on demand from the imported versions.
 */
import { annualTextSlots, parseAnnualTextsEdit, type AnnualTextSlot } from '../annual-texts';
import { NotFoundError, ValidationError } from '../errors';
import type { ActionPlan } from '../plan';
import type { Dependencies } from '../ports';
import { annualReportTexts, assembleAnnualReport, prefillAnnualTexts, type AnnualReport, type MonitoringReport } from '../report/model';
import { readMonitoringReport } from './assemble-report';

/** Reading a half-year's report may assemble it again when it is stale (see currentReport). */
type AnnualDeps = Pick<
  Dependencies,
  'clock' | 'plans' | 'cycles' | 'submissions' | 'indicators' | 'agency' | 'editorial' | 'reports' | 'annualTexts' | 'events'
>;

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) {
    throw new ValidationError('Rok není platný.', { year: 'Zadejte rok čtyřmi číslicemi, např. 2026.' });
  }
  return Number(value);
}

async function halfYearReports(deps: AnnualDeps, year: number): Promise<[MonitoringReport | null, MonitoringReport | null]> {
  const read = (cycleId: string) => readMonitoringReport(deps, { cycleId, correlationId: `annual-report-${cycleId}` });
  const [first, second] = await Promise.all([read(`${year}-H1`), read(`${year}-H2`)]);
  return [first, second];
}

/** `GET /years/{year}/report`: the annual report from the year's two half-years and ARR's texts. */
export async function getAnnualReport(deps: AnnualDeps, input: { year: string; planId: string }): Promise<AnnualReport> {
  const year = parseYear(input.year);
  const [first, second] = await halfYearReports(deps, year);
  if (!first || !second) {
    const missing = [!first ? '1.' : null, !second ? '2.' : null].filter(Boolean).join(' a ');
    throw new NotFoundError(`Výroční zprávu za rok ${year} nelze sestavit: chybí monitorovací zpráva za ${missing} pololetí.`);
  }
  const [plan, edits] = await Promise.all([deps.plans.getPlan(input.planId), deps.annualTexts.listAnnualTexts(year)]);
  return assembleAnnualReport(first, second, plan, edits);
}

export interface AnnualTextView extends AnnualTextSlot {
  /** What the report prints: ARR's text, or the pre-filled one. */
  text: string;
  /** The text as the half-years' reports suggest it; ARR's `null` goes back to it. */
  prefill: string;
  edited: boolean;
  /** When ARR last saved this text; null while it is the pre-filled one. */
  updatedAt: string | null;
}

export interface AnnualTextsView {
  year: number;
  /** The half-years the pre-filled texts come from, e.g. `["2025-H1", "2025-H2"]`. */
  prefilledFrom: string[];
  texts: AnnualTextView[];
}

async function textsView(deps: AnnualDeps, plan: ActionPlan, year: number): Promise<AnnualTextsView> {
  const reports = (await halfYearReports(deps, year)).filter((report): report is MonitoringReport => report !== null);
  if (reports.length === 0) {
    throw new NotFoundError(
      `Za rok ${year} není žádná monitorovací zpráva, z níž by se texty výroční zprávy předvyplnily. Texty lze upravovat, jakmile je sestavena zpráva alespoň za jedno pololetí.`,
    );
  }
  const prefill = prefillAnnualTexts(year, plan, reports);
  const records = await deps.annualTexts.listAnnualTexts(year);
  const texts = annualReportTexts(prefill, records);
  const updatedAt = new Map(records.map((record) => [record.key, record.updatedAt]));
  return {
    year,
    prefilledFrom: reports.map((report) => report.period.id),
    texts: annualTextSlots(plan).map((slot) => ({
      ...slot,
      text: texts.get(slot.key)?.text ?? '',
      prefill: prefill.get(slot.key) ?? '',
      edited: texts.get(slot.key)?.edited ?? false,
      updatedAt: updatedAt.get(slot.key) ?? null,
    })),
  };
}

/** `GET /years/{year}/texts`: every text of the annual report, ARR's and pre-filled, for the console's form. */
export async function getAnnualTexts(deps: AnnualDeps, input: { year: string; planId: string }): Promise<AnnualTextsView> {
  const year = parseYear(input.year);
  return textsView(deps, await deps.plans.getPlan(input.planId), year);
}

/**
 * `PUT /years/{year}/texts`: ARR's texts, `{ "texts": { "<key>": "text" | null } }`. Only the
 * keys sent change; `null` goes back to the pre-filled text. Everything is validated before
 * anything is stored, so a refused request changes nothing.
 */
export async function putAnnualTexts(
  deps: AnnualDeps,
  input: { year: string; planId: string; body: unknown },
): Promise<AnnualTextsView> {
  const year = parseYear(input.year);
  const plan = await deps.plans.getPlan(input.planId);
  const edits = parseAnnualTextsEdit(plan, input.body);
  await textsView(deps, plan, year);
  const updatedAt = deps.clock.now().toISOString();
  await Promise.all(
    [...edits].map(([key, text]) =>
      text === null ? deps.annualTexts.deleteAnnualText(year, key) : deps.annualTexts.putAnnualText({ year, key, text, updatedAt }),
    ),
  );
  return textsView(deps, plan, year);
}
