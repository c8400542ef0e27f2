import { createEvent, reportReadyV1 } from '../../events';
import { reportVersions } from '../editorial';
import { computeIndicators } from '../indicators';
import { parsePeriodId, previousPeriod } from '../period';
import type { Dependencies } from '../ports';
import { buildMonitoringReport } from '../report/build-monitoring-report';
import type { MonitoringReport } from '../report/model';
import type { CycleRecord } from '../records';
import { detectCycleSlips } from './detect-slips';
import { previousIndicatorValues } from './recompute-indicators';

type ReportDeps = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions' | 'indicators' | 'agency' | 'editorial' | 'reports' | 'events'>;

/**
 * Builds and stores the cycle's monitoring report. A closed cycle then becomes `report-ready`
 * and "report ready" is published once (the conditional transition decides who publishes);
 * an open but complete cycle gets a preview that the close will refresh.
 *
 * Indicators are computed in full from the stored versions here, so the report never depends
 * on whether every incremental update arrived.
 */
export async function assembleReport(deps: ReportDeps, input: { cycleId: string; correlationId: string }): Promise<MonitoringReport | null> {
  const cycle = await deps.cycles.getCycle(input.cycleId);
  if (!cycle || cycle.source === 'import' || cycle.state === 'draft') return null;
  // Cleared before anything is read, so an edit stored from now on marks the report stale again.
  if (cycle.reportStaleSince) await deps.cycles.clearReportStale(cycle.id, cycle.reportStaleSince);
  const now = deps.clock.now();
  const report = await buildReport(deps, cycle, now);
  await deps.reports.saveReport(cycle.id, report);
  await deps.cycles.setReportAssembledAt(cycle.id, now.toISOString());

  if (cycle.state === 'closed') {
    const reportReadyAt = now.toISOString();
    if (await deps.cycles.transitionCycle(cycle.id, 'closed', 'report-ready', { reportReadyAt })) {
      await deps.events.publish([
        createEvent(reportReadyV1, { cycleId: cycle.id, assembledAt: reportReadyAt }, { correlationId: input.correlationId, now }),
      ]);
    }
  }
  return report;
}

/**
 * A cycle's report as it should read now: the stored one, or, when the cycle was edited since its
 * report was assembled (`reportStaleSince`), the report assembled again now, once (the next read
 * finds it fresh). Null when no report was assembled yet: a stale mark alone never makes one.
 */
export async function currentReport(
  deps: Parameters<typeof assembleReport>[0],
  input: { cycleId: string; correlationId: string },
): Promise<MonitoringReport | null> {
  const cycle = await deps.cycles.getCycle(input.cycleId);
  if (cycle?.reportStaleSince && cycle.reportAssembledAt) {
    const assembled = await assembleReport(deps, input);
    if (assembled) return assembled;
  }
  return deps.reports.getReport(input.cycleId);
}

/**
 * The report of an open cycle as it would read now, built and not stored: ARR's working draft
 * while persons are still answering (the projects not answered yet are marked as such). Null for
 * a cycle that is not open. Reading it changes nothing, so it costs a build per read, never per edit.
 */
export async function draftReport(deps: Omit<ReportDeps, 'reports' | 'events'>, input: { cycleId: string }): Promise<MonitoringReport | null> {
  const cycle = await deps.cycles.getCycle(input.cycleId);
  if (!cycle || cycle.source === 'import' || cycle.state !== 'open') return null;
  return buildReport(deps, cycle, deps.clock.now());
}

/** The cycle's report from what is stored now: indicators computed in full, ARR's texts where ARR edited them. */
async function buildReport(deps: Omit<ReportDeps, 'reports' | 'events' | 'clock'>, cycle: CycleRecord, now: Date): Promise<MonitoringReport> {
  const plan = await deps.plans.getPlan(cycle.planId);
  const period = parsePeriodId(cycle.id);
  const [requests, current, editorials, previous, agency, previousValues, slips] = await Promise.all([
    deps.cycles.listRequests(cycle.id),
    deps.submissions.latestVersions(cycle.id),
    deps.editorial.listEditorialVersions(cycle.id),
    deps.submissions.latestVersions(previousPeriod(period).id),
    deps.agency.getAgencySections(cycle.id),
    previousIndicatorValues(deps, cycle.id, plan.indicators),
    detectCycleSlips(deps, cycle.id),
  ]);
  const indicators = computeIndicators(
    plan.indicators,
    current.map((version) => ({ projectId: version.projectId, version: version.version, contributions: version.indicatorContributions })),
    previousValues,
  );
  return buildMonitoringReport({
    plan,
    period,
    requestedProjectIds: requests.map((request) => request.projectId),
    // ARR's texts where ARR edited them; the person's versions stay stored as they sent them.
    current: reportVersions(current, editorials),
    previous,
    agency,
    indicators,
    slips,
    generatedAt: now,
  });
}

/**
 * The monitoring report of a half-year: stored (assembled again first when stale), or built from
 * its imported report; null when there is none yet.
 */
export async function readMonitoringReport(deps: ReportDeps, input: { cycleId: string; correlationId: string }): Promise<MonitoringReport | null> {
  const stored = await currentReport(deps, input);
  if (stored) return stored;
  const cycle = await deps.cycles.getCycle(input.cycleId);
  return cycle?.source === 'import' ? importedCycleReport(deps, cycle) : null;
}

/**
 * The monitoring report of a cycle loaded from an imported report, as the system would have
 * assembled it: the imported texts, the previous period's for „aktivity v předchozím období“, the
 * slips from the history. It has no indicator values of its own, so they stand at the plan's
 * baseline, and no real status (the import stores a placeholder), so none is printed.
 */
async function importedCycleReport(
  deps: Pick<Dependencies, 'plans' | 'cycles' | 'submissions' | 'agency'>,
  cycle: CycleRecord,
): Promise<MonitoringReport> {
  const plan = await deps.plans.getPlan(cycle.planId);
  const period = parsePeriodId(cycle.id);
  const [current, previous, agency, slips] = await Promise.all([
    deps.submissions.latestVersions(cycle.id),
    deps.submissions.latestVersions(previousPeriod(period).id),
    deps.agency.getAgencySections(cycle.id),
    detectCycleSlips(deps, cycle.id),
  ]);
  const report = buildMonitoringReport({
    plan,
    period,
    requestedProjectIds: current.map((version) => version.projectId),
    current,
    previous,
    agency,
    indicators: [],
    slips,
    generatedAt: new Date(cycle.closedAt ?? cycle.createdAt),
  });
  const withoutStatus = <P extends { status: string | null }>(project: P): P => ({ ...project, status: null });
  return {
    ...report,
    areas: report.areas.map((area) => ({
      ...area,
      activities: area.activities.map((activity) => ({ ...activity, projects: activity.projects.map(withoutStatus) })),
    })),
    outsidePlan: report.outsidePlan.map(withoutStatus),
  };
}
