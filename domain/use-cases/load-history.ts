import type { ImportedReport } from '../importer/parse-monitoring-report';
import { defaultReminderLadder } from '../reminders';
import { parsePeriodId } from '../period';
import type { ActionPlan } from '../plan';
import type { Dependencies } from '../ports';
import { slugify } from '../slug';
import { pragueInstant } from '../time';

/** Who "submitted" a version read from an existing report. */
export const IMPORTED_BY = 'import';

/**
 * Makes an existing monitoring report the history the next cycle is pre-filled from: a closed
 * cycle of `source: 'import'` whose versions hold what each project did and planned. Projects
 * are matched to the plan by name (the catalog's ids are slugs of the same names); unmatched
 * ones are returned so the caller can show them, never dropped silently.
 */
export async function loadHistory(
  deps: Pick<Dependencies, 'clock' | 'cycles' | 'submissions'>,
  plan: ActionPlan,
  report: ImportedReport,
): Promise<{ cycleId: string; imported: number; unmatched: string[]; alreadyLoaded: boolean }> {
  const period = parsePeriodId(report.period);
  const now = deps.clock.now().toISOString();
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
  const projectIds = new Set(plan.projects.map((project) => project.id));
  const unmatched: string[] = [];
  let imported = 0;
  for (const entry of report.projects) {
    const projectId = slugify(entry.name);
    if (!projectIds.has(projectId)) {
      unmatched.push(entry.name);
      continue;
    }
    if (await deps.submissions.latestVersion(period.id, projectId)) continue;
    await deps.submissions.appendVersion({
      cycleId: period.id,
      projectId,
      version: 1,
      thisPeriod: entry.thisPeriod,
      nextPeriodPlan: entry.nextPeriodPlan,
      status: 'on-track',
      indicatorContributions: {},
      submittedAt: now,
      submittedBy: IMPORTED_BY,
    });
    imported += 1;
  }
  return { cycleId: period.id, imported, unmatched, alreadyLoaded: !created };
}
