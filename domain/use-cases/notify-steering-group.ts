import { createEvent, reportRequestedV1, steeringGroupNotifiedV1, type AnyEvent } from '../../events';
import type { Dependencies, EmailTemplates } from '../ports';
import type { CycleRecord } from '../records';
import type { MonitoringReport, ReportProject } from '../report/model';
import { buildSlipAppendix, slipSummaryLine } from '../slips/report';
import { addDays, pragueDate } from '../time';
import { detectCycleSlips } from './detect-slips';
import { previousIndicatorValues } from './recompute-indicators';

export type NotifyDeps = Pick<
  Dependencies,
  'clock' | 'config' | 'plans' | 'cycles' | 'submissions' | 'indicators' | 'reports' | 'events' | 'mail' | 'documents'
> & { emails: Pick<EmailTemplates, 'steeringGroupNotice'> };

export type NotifyOutcome = 'sent' | 'not-ready' | 'too-early' | 'already-sent';
/** What the daily run did with a cycle: a notice's outcome, or its lost report asked for again. */
export type DailyOutcome = NotifyOutcome | 'report-requested-again';

/** A claim older than this is taken to be from a run that died before sending. */
const STALE_CLAIM_MS = 15 * 60 * 1000;

/**
 * How long a closed cycle may wait for its report before its request counts as lost: the report
 * is assembled within a minute of the request, even for thousands of projects.
 */
export const REPORT_REQUEST_GRACE_MS = 60 * 60 * 1000;

/**
 * Emails the steering group the finished report a configured number of days before its
 * meeting, or at once when the report is ready later than that. Sent once: a conditional
 * claim decides who sends, the state moves to `steering-group-notified` after sending, and a
 * failed send releases the claim so the next run retries.
 */
export async function notifySteeringGroup(
  deps: NotifyDeps,
  input: { cycleId: string; correlationId: string },
): Promise<NotifyOutcome> {
  const cycle = await deps.cycles.getCycle(input.cycleId);
  if (!cycle || cycle.state === 'steering-group-notified') return 'already-sent';
  if (cycle.state !== 'report-ready') return 'not-ready';
  const now = deps.clock.now();
  const firstDay = addDays(cycle.meetingDate, -deps.config.steeringGroupNoticeDays);
  if (pragueDate(now) < firstDay) return 'too-early';
  const report = await deps.reports.getReport(cycle.id);
  if (!report) return 'not-ready';

  const claimedAt = cycle.steeringGroupNotificationClaimedAt;
  if (claimedAt && now.getTime() - Date.parse(claimedAt) > STALE_CLAIM_MS) {
    await deps.cycles.releaseClaim(cycle.id, 'steeringGroupNotificationClaimedAt');
  }
  if (!(await deps.cycles.claimOnce(cycle.id, 'steeringGroupNotificationClaimedAt', now.toISOString()))) {
    return 'already-sent';
  }
  try {
    await deps.mail.send(await steeringGroupMail(deps, cycle, report));
  } catch (error) {
    await deps.cycles.releaseClaim(cycle.id, 'steeringGroupNotificationClaimedAt');
    throw error;
  }
  const notifiedAt = now.toISOString();
  await deps.cycles.transitionCycle(cycle.id, 'report-ready', 'steering-group-notified', {
    steeringGroupNotifiedAt: notifiedAt,
  });
  await deps.events.publish([
    createEvent(
      steeringGroupNotifiedV1,
      { cycleId: cycle.id, notifiedAt, recipients: deps.config.steeringGroupEmails.length },
      { correlationId: input.correlationId, now },
    ),
  ]);
  return 'sent';
}

/**
 * The daily run: every cycle whose report is ready and whose notice falls due. A cycle closed an
 * hour ago or longer whose report is still not ready gets its report requested again: the request
 * is queued after the close, and a crash in between would otherwise keep the report, and so the
 * notice, from ever coming. Assembling twice is harmless; only one run moves the cycle on.
 */
export async function notifyDueSteeringGroups(deps: NotifyDeps, correlationId: string): Promise<Record<string, DailyOutcome>> {
  const outcomes: Record<string, DailyOutcome> = {};
  const now = deps.clock.now();
  const requests: AnyEvent[] = [];
  for (const cycle of await deps.cycles.listCycles()) {
    if (cycle.state === 'report-ready') outcomes[cycle.id] = await notifySteeringGroup(deps, { cycleId: cycle.id, correlationId });
    if (reportRequestLost(cycle, now)) {
      requests.push(createEvent(reportRequestedV1, { cycleId: cycle.id, reason: 'closed' }, { correlationId, now }));
      outcomes[cycle.id] = 'report-requested-again';
    }
  }
  if (requests.length > 0) await deps.events.publish(requests);
  return outcomes;
}

/** A cycle this system closed (an imported past half-year has no report to assemble) that has waited too long for its report. */
function reportRequestLost(cycle: CycleRecord, now: Date): boolean {
  if (cycle.state !== 'closed' || cycle.source === 'import' || cycle.closedAt === undefined) return false;
  return now.getTime() - Date.parse(cycle.closedAt) >= REPORT_REQUEST_GRACE_MS;
}

function allProjects(report: MonitoringReport): ReportProject[] {
  return [...report.areas.flatMap((area) => area.activities.flatMap((activity) => activity.projects)), ...report.outsidePlan];
}

async function steeringGroupMail(deps: NotifyDeps, cycle: CycleRecord, report: MonitoringReport) {
  const projects = allProjects(report);
  const plan = await deps.plans.getPlan(cycle.planId);
  const previous = await previousIndicatorValues(deps, cycle.id, plan.indicators);
  // Every link lands on ARR's console (members sign in there), never on the IAM-only JSON API.
  const reportPage = `${deps.config.publicBaseUrl.replace(/\/$/, '')}/arr/cycles/${encodeURIComponent(cycle.id)}/report`;
  // The report's own appendix, so the email and the attachment name the same projects; a report
  // assembled before slip detection existed has none, and the history gives it now.
  const slips = report.slips ?? buildSlipAppendix(plan, cycle.id, await detectCycleSlips(deps, cycle.id));
  const email = deps.emails.steeringGroupNotice({
    periodLabel: report.period.label,
    meetingDate: cycle.meetingDate,
    completeness: {
      submitted: projects.filter((project) => project.thisPeriod !== null).length,
      total: projects.length,
      missing: projects
        .filter((project) => project.thisPeriod === null)
        .map((project) => ({ projectName: project.name, contacts: project.contacts })),
    },
    changedIndicators: report.indicators.flatMap((indicator) => {
      const before = previous[indicator.code]?.cumulativeValue ?? 0;
      return before === indicator.cumulativeValue
        ? []
        : [{ name: indicator.name, previous: before, current: indicator.cumulativeValue }];
    }),
    flaggedProjects: projects.flatMap((project) =>
      project.status === 'delayed' || project.status === 'cancelled' ? [{ name: project.name, status: project.status }] : [],
    ),
    slipLine: slipSummaryLine(slips),
    links: { html: reportPage, md: `${reportPage}/md`, docx: `${reportPage}/docx` },
  });
  const docx = await deps.documents.monitoringReportDocx(report);
  return {
    to: deps.config.steeringGroupEmails,
    cc: [deps.config.arr.email],
    ...email,
    attachments: [
      {
        filename: `monitorovaci-zprava-${cycle.id}.docx`,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        content: docx,
      },
    ],
  };
}
