/**
 * `npm run slips`: runs slip detection on the real 2025 history (the region's two monitoring
 * reports, read by the importer) and prints its precision and recall against the hand labels,
 * for the threshold in use and for the others tried.
 */
import { SLIP_SIMILARITY_THRESHOLD, detectSlips } from '../domain/slips/detect';
import {
  LABELS_2025_FILE,
  bestThreshold,
  evaluate,
  leaveOneOut,
  load2025History,
  load2025Labels,
  sweep,
  type Evaluation,
} from './slip-evaluation';

const pct = (value: number): string => `${(value * 100).toFixed(0)} %`;
const row = (e: Evaluation): string =>
  `${e.threshold.toFixed(2)}  ${pct(e.precision).padStart(6)}  ${pct(e.recall).padStart(6)}  ${e.f1.toFixed(2)}  ` +
  `${String(e.truePositives.length).padStart(3)} ${String(e.falsePositives.length).padStart(3)} ${String(e.falseNegatives.length).padStart(3)}`;

const history = load2025History();
const { period, labels } = load2025Labels();
const findings = detectSlips(history, { periodId: period });
const result = evaluate(findings, labels, SLIP_SIMILARITY_THRESHOLD);
const evaluations = sweep(history, labels, period);
const loo = leaveOneOut(history, labels, period);
const slipping = labels.filter((label) => label.slipping).length;

const lines = [
  `Slip detection on the 2025 history (${history.map((p) => p.periodId).join(', ')}), period ${period}`,
  `labels: ${LABELS_2025_FILE}: ${labels.length} projects, ${slipping} slipping`,
  `similarity: Dice coefficient over character bigrams of normalised steps (package dice-coefficient)`,
  '',
  `threshold ${SLIP_SIMILARITY_THRESHOLD}: precision ${pct(result.precision)} (${result.truePositives.length}/${result.truePositives.length + result.falsePositives.length}), ` +
    `recall ${pct(result.recall)} (${result.truePositives.length}/${slipping}), F1 ${result.f1.toFixed(2)}`,
  `leave-one-out (threshold chosen without the project scored): precision ${pct(loo.precision)}, recall ${pct(loo.recall)}, F1 ${loo.f1.toFixed(2)}`,
  `best F1 of the sweep at threshold ${bestThreshold(evaluations).threshold.toFixed(2)}`,
  '',
  'thresh  precis  recall  F1     TP  FP  FN',
  ...evaluations.map(row),
  '',
  'false positives (flagged, labelled not slipping):',
  ...result.falsePositives.map((id) => `  ${id}: ${findings.find((f) => f.projectId === id)?.reasons.map((r) => r.code).join(', ')}`),
  'false negatives (labelled slipping, not flagged):',
  ...result.falseNegatives.map((id) => `  ${id}: ${labels.find((l) => l.projectId === id)?.reasons.join(', ')}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
