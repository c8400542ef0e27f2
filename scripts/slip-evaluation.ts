/**
 * Measures slip detection against hand labels of the 2025 history: the region's two 2025
 * monitoring reports read by the importer, and the labels in tests/fixtures/slips/labels-2025.json.
 * Used by `npm run slips` and by the tests that keep the README's figures true.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { liberecActionPlan } from '../domain/catalog/liberec';
import { parseMonitoringReport } from '../domain/importer/parse-monitoring-report';
import { detectSlips, slipReasonCodes, type SlipFinding } from '../domain/slips/detect';
import { periodFromImportedReport, type PeriodRecords } from '../domain/slips/history';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

export const HISTORY_2025_FILES = [
  'data/history/monitoring-2025-H1.md',
  'data/history/monitoring-2025-H2.md',
] as const;
export const LABELS_2025_FILE = 'tests/fixtures/slips/labels-2025.json';

const labelSchema = z.object({
  projectId: z.string().min(1),
  slipping: z.boolean(),
  // 'plan-dropped': a planned step neither done nor planned again, which no rule looks for.
  reasons: z.array(z.enum([...slipReasonCodes, 'plan-dropped'])),
  justification: z.string().min(1),
});
const labelsSchema = z.object({ period: z.string(), labels: z.array(labelSchema).min(1) });
export type SlipLabel = z.infer<typeof labelSchema>;
export type SlipLabels = z.infer<typeof labelsSchema>;

/** The 2025 history as the importer reads it, matched to the Liberec catalog. */
export function load2025History(): PeriodRecords[] {
  return HISTORY_2025_FILES.map((file) =>
    periodFromImportedReport(liberecActionPlan, parseMonitoringReport(readFileSync(fromRoot(file), 'utf8'))),
  );
}

export function load2025Labels(): SlipLabels {
  return labelsSchema.parse(JSON.parse(readFileSync(fromRoot(LABELS_2025_FILE), 'utf8')));
}

export interface Evaluation {
  threshold: number;
  truePositives: string[];
  falsePositives: string[];
  falseNegatives: string[];
  trueNegatives: string[];
  precision: number;
  recall: number;
  f1: number;
}

/** Project-level agreement of findings with labels; projects without a label are not counted. */
export function evaluate(findings: readonly SlipFinding[], labels: readonly SlipLabel[], threshold: number): Evaluation {
  const flagged = new Set(findings.map((finding) => finding.projectId));
  const pick = (slipping: boolean, found: boolean) =>
    labels.filter((l) => l.slipping === slipping && flagged.has(l.projectId) === found).map((l) => l.projectId);
  const truePositives = pick(true, true);
  const falsePositives = pick(false, true);
  const falseNegatives = pick(true, false);
  const trueNegatives = pick(false, false);
  const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const precision = ratio(truePositives.length, truePositives.length + falsePositives.length);
  const recall = ratio(truePositives.length, truePositives.length + falseNegatives.length);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return { threshold, truePositives, falsePositives, falseNegatives, trueNegatives, precision, recall, f1 };
}

/** Thresholds 0.40, 0.45, … 0.95. */
export const CANDIDATE_THRESHOLDS = Array.from({ length: 12 }, (_, index) => Math.round((0.4 + index * 0.05) * 100) / 100);

export function sweep(history: readonly PeriodRecords[], labels: readonly SlipLabel[], periodId: string): Evaluation[] {
  return CANDIDATE_THRESHOLDS.map((threshold) => evaluate(detectSlips(history, { periodId, threshold }), labels, threshold));
}

/** The best F1; on a tie the higher threshold, which flags fewer projects. */
export function bestThreshold(evaluations: readonly Evaluation[]): Evaluation {
  return evaluations.reduce((best, candidate) => (candidate.f1 >= best.f1 ? candidate : best));
}

/**
 * An estimate that does not flatter the threshold by choosing it on the very labels it is scored
 * on: each project is classified with the threshold that is best on the other labels.
 */
export function leaveOneOut(history: readonly PeriodRecords[], labels: readonly SlipLabel[], periodId: string): Evaluation {
  const findingsAt = new Map(
    CANDIDATE_THRESHOLDS.map((threshold) => [threshold, detectSlips(history, { periodId, threshold })] as const),
  );
  const flagged: SlipFinding[] = [];
  for (const label of labels) {
    const others = labels.filter((other) => other !== label);
    const chosen = bestThreshold(
      CANDIDATE_THRESHOLDS.map((threshold) => evaluate(findingsAt.get(threshold) ?? [], others, threshold)),
    ).threshold;
    const finding = (findingsAt.get(chosen) ?? []).find((candidate) => candidate.projectId === label.projectId);
    if (finding) flagged.push(finding);
  }
  return evaluate(flagged, labels, Number.NaN);
}
