import type { AgencySections } from '../agency';
import type { IndicatorValue } from '../indicators';
import { nextPeriod, previousPeriod, type Period } from '../period';
import { contactDisplayName, type ActionPlan, type Project } from '../plan';
import type { SlipFinding } from '../slips/detect';
import { buildSlipAppendix } from '../slips/report';
import type { SubmissionVersion } from '../submission';
import type { MonitoringReport, ReportProject } from './model';

export interface MonitoringReportSources {
  plan: ActionPlan;
  period: Period;
  /** Projects asked for in this cycle (active ones when it opened). */
  requestedProjectIds: string[];
  /** Newest version per project, this cycle and the previous one. */
  current: SubmissionVersion[];
  previous: SubmissionVersion[];
  agency: AgencySections;
  indicators: IndicatorValue[];
  /** The period's slipping projects (domain/slips), for the appendix „Projekty se skluzem“. */
  slips: readonly SlipFinding[];
  generatedAt: Date;
}

/**
 * The monitoring report's data, in the plan's order: areas, activities, projects. A project
 * asked for but not answered is kept with `thisPeriod: null`, so the report marks it instead of
 * leaving it out.
 */
export function buildMonitoringReport(sources: MonitoringReportSources): MonitoringReport {
  const { plan, period } = sources;
  const requested = new Set(sources.requestedProjectIds);
  const current = new Map(sources.current.map((version) => [version.projectId, version]));
  const previous = new Map(sources.previous.map((version) => [version.projectId, version]));
  const contactNames = new Map(plan.contactPersons.map((person) => [person.id, contactDisplayName(person)]));

  const toReportProject = (project: Project): ReportProject => {
    const answer = current.get(project.id);
    return {
      id: project.id,
      name: project.name,
      goal: project.goal,
      goalLabel: project.goalLabel,
      previousPeriod: previous.get(project.id)?.thisPeriod ?? '',
      thisPeriod: answer?.thisPeriod ?? null,
      nextPeriodPlan: answer?.nextPeriodPlan ?? null,
      status: answer?.status ?? null,
      contacts: project.contactPersonIds.map((id) => contactNames.get(id) ?? id),
    };
  };
  const reported = (project: Project): boolean => requested.has(project.id) || current.has(project.id);

  const areaNameById = new Map(plan.activityAreas.map((area) => [area.id, area.name]));
  const previousPeriodOf = previousPeriod(period);
  const nextPeriodOf = nextPeriod(period);
  return {
    period: {
      id: period.id,
      label: period.label,
      shortLabel: period.shortLabel,
      previousShortLabel: previousPeriodOf.shortLabel,
      nextShortLabel: nextPeriodOf.shortLabel,
      firstDay: period.firstDay,
      lastDay: period.lastDay,
    },
    annualReportYear: period.year,
    attachmentNumber: period.half,
    agency: sources.agency,
    areas: [...plan.activityAreas]
      .sort((a, b) => a.order - b.order)
      .map((area) => ({
        id: area.id,
        name: area.name,
        ...(area.description ? { description: area.description } : {}),
        activities: area.activities.map((activity) => ({
          number: activity.number,
          name: activity.name,
          projects: plan.projects
            .filter((project) => project.placement.kind === 'activity' && project.placement.activityId === activity.id)
            .filter(reported)
            .map(toReportProject),
        })),
      })),
    outsidePlan: plan.projects
      .filter((project) => project.placement.kind === 'outside-plan')
      .filter(reported)
      .map(toReportProject),
    indicators: plan.indicators.map((definition) => {
      const value = sources.indicators.find((candidate) => candidate.code === definition.code);
      return {
        areaName: areaNameById.get(definition.activityAreaId) ?? '',
        code: definition.code,
        name: definition.name,
        periodValue: value?.periodValue ?? 0,
        cumulativeValue: value?.cumulativeValue ?? definition.baseline.value,
      };
    }),
    slips: buildSlipAppendix(plan, period.id, sources.slips),
    generatedAt: sources.generatedAt.toISOString(),
  };
}
