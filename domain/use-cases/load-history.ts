import { builtOnFirstUse } from '../lazy';
import * as z from 'zod/mini';
import { ConflictError, ValidationError } from '../errors';
import { NotAMonitoringReportError, parseMonitoringReport, type ImportedReport } from '../importer/parse-monitoring-report';
import { defaultReminderLadder } from '../reminders';
import { nextPeriod, parsePeriodId } from '../period';
import type { ActionPlan } from '../plan';
import type { Dependencies } from '../ports';
import { matchImportedProjects } from '../slips/history';
import { pragueInstant, zodErrorDetails } from '../time';
import { refreshAssembledReport, type ReportRefresh } from './refresh-report';

/** Who "submitted" a version read from an existing report. */
export const IMPORTED_BY = 'import';

/**
 * Makes an existing monitoring report the history the next cycle is pre-filled from: a closed
 * cycle of `source: 'import'` whose versions hold what each project did and planned. Projects
 * are matched to the plan by name, renamed ones within their activity area (the same matcher as
 * slip detection reads history with); unmatched ones are returned so the caller can show them,
 * never dropped silently. Loaded again, the report adds the projects the earlier load missed,
 * and a project whose texts changed (a corrected report) gets them as its next version.
 */
export async function loadHistory(
  deps: Pick<Dependencies, 'clock' | 'cycles' | 'submissions'>,
  plan: ActionPlan,
  report: ImportedReport,
): Promise<{ cycleId: string; imported: number; corrected: number; unmatched: string[]; alreadyLoaded: boolean }> {
  const period = parsePeriodId(report.period);
  const now = deps.clock.now().toISOString();
  const existing = await deps.cycles.getCycle(period.id);
  // A period the system ran holds what contact persons reported: a report file never mixes into it.
  if (existing && existing.source !== 'import') {
    throw new ConflictError(`Období ${period.label} už systém sbíral sám; zprávu za něj nelze importovat.`, {
      report: 'Importovat lze jen zprávy za období před spuštěním systému.',
    });
  }
  const created = await deps.cycles.createCycle({
    id: period.id,
    planId: plan.id,
    state: 'closed',
    deadline: pragueInstant(period.lastDay, 23, 59, 59).toISOString(),
    meetingDate: period.lastDay,
    reminderLadder: defaultReminderLadder,
    source: 'import',
    createdAt: now,
    closedAt: now,
  });
  const unmatched: string[] = [];
  let imported = 0;
  let corrected = 0;
  const matches = matchImportedProjects(plan, report);
  for (const [index, entry] of report.projects.entries()) {
    const projectId = matches[index] ?? null;
    if (projectId === null) {
      unmatched.push(entry.name);
      continue;
    }
    const stored = await deps.submissions.latestVersion(period.id, projectId);
    if (stored && stored.thisPeriod === entry.thisPeriod && stored.nextPeriodPlan === entry.nextPeriodPlan) continue;
    await deps.submissions.appendVersion({
      cycleId: period.id,
      projectId,
      version: (stored?.version ?? 0) + 1,
      thisPeriod: entry.thisPeriod,
      nextPeriodPlan: entry.nextPeriodPlan,
      status: 'on-track',
      indicatorContributions: {},
      submittedAt: now,
      submittedBy: IMPORTED_BY,
    });
    if (stored) corrected += 1;
    else imported += 1;
  }
  return { cycleId: period.id, imported, corrected, unmatched, alreadyLoaded: !created };
}

const importRequestSchema = builtOnFirstUse(() =>
  z.object(
    {
      report: z
        .string({ error: 'Vložte text monitorovací zprávy (Markdown nebo prostý text).' })
        .check(z.minLength(1, { error: 'Vložte text monitorovací zprávy (Markdown nebo prostý text).' })),
    },
    { error: 'Pošlete objekt JSON { "report": "…text zprávy…" }.' },
  ),
);

/** The importer's two refusals, in Czech for ARR. */
function notAReportMessage(error: NotAMonitoringReportError): string {
  return /chapter/i.test(error.message)
    ? 'V textu chybí kapitola „3. Informace o stavu rozpracování jednotlivých projektů“.'
    : 'V textu chybí nadpis „Monitorovací zpráva za N. pololetí RRRR“.';
}

/**
 * `POST /history`: ARR imports another past monitoring report. Only a half-year that has ended
 * and that the system did not run itself can be imported; nothing is stored when the text is
 * not a report. The half-year after it may have a report already, whose column of the previous
 * period was empty: it is assembled again with the imported texts.
 */
export async function importPastReport(
  deps: Pick<Dependencies, 'clock' | 'config' | 'plans' | 'cycles' | 'submissions' | 'events'>,
  body: unknown,
  correlationId: string,
): Promise<{
  cycleId: string;
  periodLabel: string;
  imported: number;
  /** Projects loaded before whose texts the report now gives differently: stored as their next version. */
  corrected: number;
  unmatched: string[];
  alreadyLoaded: boolean;
  warnings: string[];
  /** The half-year after it, when its report was assembled already: refreshed, or kept as the steering group got it. */
  nextReport?: { periodLabel: string; outcome: ReportRefresh };
}> {
  const parsed = importRequestSchema().safeParse(body);
  if (!parsed.success) throw new ValidationError('Import zprávy obsahuje chyby.', zodErrorDetails(parsed.error));
  let report: ImportedReport;
  try {
    report = parseMonitoringReport(parsed.data.report);
  } catch (error) {
    if (!(error instanceof NotAMonitoringReportError)) throw error;
    throw new ValidationError('Text není monitorovací zpráva; nic nebylo uloženo.', { report: notAReportMessage(error) });
  }
  const period = parsePeriodId(report.period);
  if (period.end.getTime() > deps.clock.now().getTime()) {
    throw new ValidationError(`${period.label} ještě neskončilo; importovat lze jen minulá období.`, { report: 'Zpráva je za období, které ještě neskončilo.' });
  }
  const plan = await deps.plans.getPlan(deps.config.planId);
  const result = await loadHistory(deps, plan, report);
  const following = nextPeriod(period);
  // Also when nothing new was taken over: the same import again finishes one cut short before this.
  const next = await deps.cycles.getCycle(following.id);
  const nextReport = next ? await refreshAssembledReport(deps, next, correlationId, deps.clock.now()) : null;
  return {
    ...result,
    periodLabel: period.label,
    warnings: report.warnings,
    ...(nextReport ? { nextReport: { periodLabel: following.label, outcome: nextReport } } : {}),
  };
}
