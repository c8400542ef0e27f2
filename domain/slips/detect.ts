/**
 * Plan versus actual: which projects are slipping in a period, computed from the history of
 * periods (never entered by hand), each with its reasons: a machine code and a Czech sentence.
 */
import { nextPeriod, parsePeriodId, previousPeriod, type PeriodId } from '../period';
import type { ProjectStatus } from '../submission';
import type { PeriodRecords, ProjectPeriodRecord } from './history';
import { closestSteps, isBlankText, type StepMatch } from './similarity';

export const slipReasonCodes = [
  'plan-repeated',
  'done-repeated',
  'status-delayed',
  'status-cancelled',
  'nothing-done',
  'not-answered',
] as const;
export type SlipReasonCode = (typeof slipReasonCodes)[number];

export interface SlipReason {
  code: SlipReasonCode;
  /** One Czech sentence for ARR and the steering group. */
  message: string;
  /** The periods the reason rests on, oldest first. */
  periods: PeriodId[];
  /** For a repeated text: the Dice coefficient of the closest steps (0–1). */
  similarity?: number;
}

export interface SlipFinding {
  projectId: string;
  periodId: PeriodId;
  reasons: SlipReason[];
}

/**
 * Steps at least this alike (Dice coefficient over character bigrams of normalised Czech text)
 * count as the same step written again. Chosen on the labelled 2025 history as the threshold
 * with the best F1 (`npm run slips` prints the sweep); see README, "Slip detection".
 */
export const SLIP_SIMILARITY_THRESHOLD = 0.6;

export interface DetectSlipsOptions {
  /** The period to look at; the latest one of the history by default. */
  periodId?: PeriodId;
  threshold?: number;
}

/** Short Czech names of the reasons, for a line listing many projects. */
export const slipReasonLabels: Record<SlipReasonCode, string> = {
  'plan-repeated': 'opakovaný plán',
  'done-repeated': 'opakovaná činnost',
  'status-delayed': 'zpožděno',
  'status-cancelled': 'zrušeno',
  'nothing-done': 'nic neuděláno',
  'not-answered': 'bez odpovědi',
};

/** Statuses after which a plan is not expected to be carried out. */
const FINISHED: ReadonlySet<ProjectStatus> = new Set(['completed', 'cancelled']);
const QUOTE_LENGTH = 120;

function label(periodId: PeriodId): string {
  return parsePeriodId(periodId).label;
}

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `„${clean.length > QUOTE_LENGTH ? `${clean.slice(0, QUOTE_LENGTH)}…` : clean}“`;
}

/** "A", "A i B", "A, B i C": the periods in a sentence, each with its preposition. */
function enumerate(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} i ${items.at(-1)}`;
}

function percent(similarity: number): string {
  return `${Math.round(similarity * 100)} %`;
}

function sortedHistory(history: readonly PeriodRecords[]): Map<PeriodId, PeriodRecords> {
  const byPeriod = new Map<PeriodId, PeriodRecords>();
  for (const period of [...history].sort((a, b) => a.periodId.localeCompare(b.periodId))) {
    parsePeriodId(period.periodId);
    byPeriod.set(period.periodId, period);
  }
  return byPeriod;
}

function recordOf(period: PeriodRecords | undefined, projectId: string): ProjectPeriodRecord | undefined {
  return period?.records.find((record) => record.projectId === projectId);
}

function repeats(earlier: string, later: string, threshold: number): StepMatch | null {
  const match = closestSteps(earlier, later);
  return match !== null && match.similarity >= threshold ? match : null;
}

/**
 * How far back a text keeps repeating: the periods, oldest first, over which `text` of each
 * period repeats the one before, ending with `periodId`.
 */
function repeatedSince(
  byPeriod: Map<PeriodId, PeriodRecords>,
  projectId: string,
  periodId: PeriodId,
  text: (record: ProjectPeriodRecord) => string,
  threshold: number,
): PeriodId[] {
  const periods = [periodId];
  let current = recordOf(byPeriod.get(periodId), projectId);
  let earlierId = previousPeriod(parsePeriodId(periodId)).id;
  let earlier = recordOf(byPeriod.get(earlierId), projectId);
  while (current && earlier && repeats(text(earlier), text(current), threshold)) {
    periods.unshift(earlierId);
    current = earlier;
    earlierId = previousPeriod(parsePeriodId(earlierId)).id;
    earlier = recordOf(byPeriod.get(earlierId), projectId);
  }
  return periods;
}

function planRepeated(
  byPeriod: Map<PeriodId, PeriodRecords>,
  record: ProjectPeriodRecord,
  previous: ProjectPeriodRecord,
  periodId: PeriodId,
  threshold: number,
): SlipReason | null {
  const match = repeats(previous.plan, record.plan, threshold);
  if (!match) return null;
  const periods = repeatedSince(byPeriod, record.projectId, periodId, (r) => r.plan, threshold);
  // A plan written in a period is the plan for the period after it.
  const plannedFor = periods.map((id) => `na ${nextPeriod(parsePeriodId(id)).label}`);
  return {
    code: 'plan-repeated',
    message:
      `Plán se opakuje: ${quote(match.repeatedAs)} je v plánu ${enumerate(plannedFor)} ` +
      `(shoda ${percent(match.similarity)} s plánem ${quote(match.step)}).`,
    periods,
    similarity: match.similarity,
  };
}

function doneRepeated(
  byPeriod: Map<PeriodId, PeriodRecords>,
  record: ProjectPeriodRecord,
  previous: ProjectPeriodRecord,
  periodId: PeriodId,
  threshold: number,
): SlipReason | null {
  const match = repeats(previous.done, record.done, threshold);
  if (!match) return null;
  const periods = repeatedSince(byPeriod, record.projectId, periodId, (r) => r.done, threshold);
  return {
    code: 'done-repeated',
    message:
      `Vykázána znovu táž činnost: ${quote(match.repeatedAs)} ${enumerate(periods.map((id) => `za ${label(id)}`))} ` +
      `(shoda ${percent(match.similarity)}).`,
    periods,
    similarity: match.similarity,
  };
}

function statusReason(record: ProjectPeriodRecord, periodId: PeriodId): SlipReason | null {
  if (record.status === 'delayed') {
    return { code: 'status-delayed', message: 'Kontaktní osoba uvedla stav „zpožděno“.', periods: [periodId] };
  }
  if (record.status === 'cancelled') {
    return { code: 'status-cancelled', message: 'Kontaktní osoba uvedla stav „zrušeno“.', periods: [periodId] };
  }
  return null;
}

function nothingDone(
  record: ProjectPeriodRecord,
  previous: ProjectPeriodRecord | undefined,
  periodId: PeriodId,
  previousId: PeriodId,
): SlipReason | null {
  if (!isBlankText(record.done) || !previous || isBlankText(previous.plan)) return null;
  if (previous.status !== null && FINISHED.has(previous.status)) return null;
  return {
    code: 'nothing-done',
    message: `Za ${label(periodId)} není uvedeno nic, co se udělalo, ačkoli plán na ně byl ${quote(previous.plan)}.`,
    periods: [previousId, periodId],
  };
}

function notAnswered(
  byPeriod: Map<PeriodId, PeriodRecords>,
  projectId: string,
  periodId: PeriodId,
  previousId: PeriodId,
): SlipReason | null {
  const silentIn = (id: PeriodId): boolean => {
    const period = byPeriod.get(id);
    return period !== undefined && period.asked.includes(projectId) && !recordOf(period, projectId);
  };
  if (!silentIn(periodId) || !silentIn(previousId)) return null;
  return {
    code: 'not-answered',
    message: `Za projekt nepřišla odpověď ve dvou pololetích po sobě: za ${label(previousId)} ani za ${label(periodId)}.`,
    periods: [previousId, periodId],
  };
}

/**
 * The projects slipping in one period of the history, in the order they were asked about (then
 * answered), each with at least one reason. The history may come from imported reports, cycles
 * run by the system, or both; only the period looked at and the one before it (two before, for a
 * repetition running longer) are read.
 */
export function detectSlips(history: readonly PeriodRecords[], options: DetectSlipsOptions = {}): SlipFinding[] {
  const byPeriod = sortedHistory(history);
  const periodId = options.periodId ?? [...byPeriod.keys()].at(-1);
  const threshold = options.threshold ?? SLIP_SIMILARITY_THRESHOLD;
  const period = periodId === undefined ? undefined : byPeriod.get(periodId);
  if (periodId === undefined || period === undefined) return [];
  const previousId = previousPeriod(parsePeriodId(periodId)).id;
  const before = byPeriod.get(previousId);

  const projectIds = [...new Set([...period.asked, ...period.records.map((record) => record.projectId)])];
  const findings: SlipFinding[] = [];
  for (const projectId of projectIds) {
    const record = recordOf(period, projectId);
    const previous = recordOf(before, projectId);
    const reasons: (SlipReason | null)[] = record
      ? [
          statusReason(record, periodId),
          previous ? planRepeated(byPeriod, record, previous, periodId, threshold) : null,
          previous ? doneRepeated(byPeriod, record, previous, periodId, threshold) : null,
          nothingDone(record, previous, periodId, previousId),
        ]
      : [notAnswered(byPeriod, projectId, periodId, previousId)];
    const found = reasons.filter((reason): reason is SlipReason => reason !== null);
    if (found.length > 0) findings.push({ projectId, periodId, reasons: found });
  }
  return findings;
}
