/** How far the cycle's reporting is: per project, per contact person and in total. */

export interface SubmissionRequest {
  projectId: string;
  contactPersonIds: string[];
}

/** `late` = not submitted while the deadline has passed. */
export type RequestStatus = 'invited' | 'submitted' | 'late';

/** A return that still stands: ARR sent the project's newest version back for revision. */
export interface StandingReturn {
  version: number;
  returnedAt: string;
}

export interface ProjectCompleteness {
  projectId: string;
  /** A returned project is awaited again: `invited` before the deadline, `late` after it. */
  status: RequestStatus;
  submittedAt?: string;
  submittedAfterDeadline: boolean;
  /** Set while the project is returned for revision (vráceno k doplnění) and no new version came. */
  returned?: StandingReturn;
}

export interface Completeness {
  projects: ProjectCompleteness[];
  /**
   * In order of first appearance in the requests. `invited`, `submitted` and `late` count the
   * contact's projects in each status (they add up to the contact's number of projects).
   * `status` is submitted when all are submitted, late when any is late, else invited.
   */
  contacts: Array<{ contactPersonId: string; invited: number; submitted: number; late: number; status: RequestStatus }>;
  /**
   * `invited` counts projects still awaited before the deadline, `late` those awaited after it;
   * `returned` how many of those two are awaited again after a return.
   */
  totals: { projects: number; submitted: number; invited: number; late: number; returned: number; percentSubmitted: number };
  /** Every requested project has been submitted (vacuously true for no requests). */
  complete: boolean;
}

export function computeCompleteness(input: {
  requests: SubmissionRequest[];
  /** projectId → the ISO instant of its first submission. */
  submittedAt: Record<string, string>;
  /** projectId → its standing return; such a project counts as not done. */
  returned?: Record<string, StandingReturn>;
  deadline: Date;
  now: Date;
}): Completeness {
  const deadlinePassed = input.now.getTime() > input.deadline.getTime();
  const pendingStatus: RequestStatus = deadlinePassed ? 'late' : 'invited';

  const projects = input.requests.map((request): ProjectCompleteness => {
    const submittedAt = input.submittedAt[request.projectId];
    const returned = input.returned?.[request.projectId];
    if (submittedAt === undefined) {
      return { projectId: request.projectId, status: pendingStatus, submittedAfterDeadline: false };
    }
    if (returned !== undefined) {
      return { projectId: request.projectId, status: pendingStatus, submittedAt, submittedAfterDeadline: false, returned };
    }
    return {
      projectId: request.projectId,
      status: 'submitted' as const,
      submittedAt,
      submittedAfterDeadline: new Date(submittedAt).getTime() > input.deadline.getTime(),
    };
  });

  const contactCounts = new Map<string, Record<RequestStatus, number>>();
  input.requests.forEach((request, index) => {
    const status = projects[index]!.status;
    for (const contactPersonId of new Set(request.contactPersonIds)) {
      const counts = contactCounts.get(contactPersonId) ?? { invited: 0, submitted: 0, late: 0 };
      counts[status] += 1;
      contactCounts.set(contactPersonId, counts);
    }
  });
  const contacts = [...contactCounts].map(([contactPersonId, counts]) => ({
    contactPersonId,
    ...counts,
    status: overallStatus(counts),
  }));

  const count = (status: RequestStatus) => projects.filter((project) => project.status === status).length;
  const submitted = count('submitted');
  const total = projects.length;
  return {
    projects,
    contacts,
    totals: {
      projects: total,
      submitted,
      invited: count('invited'),
      late: count('late'),
      returned: projects.filter((project) => project.returned !== undefined).length,
      // Rounded down, so 100 % means everything is in.
      percentSubmitted: total === 0 ? 100 : Math.floor((submitted * 100) / total),
    },
    complete: submitted === total,
  };
}

function overallStatus(counts: Record<RequestStatus, number>): RequestStatus {
  if (counts.invited === 0 && counts.late === 0) return 'submitted';
  return counts.late > 0 ? 'late' : 'invited';
}

/**
 * Whether the cycle's counts say that every project asked for has an answer: what a submission
 * tells completeness by before it reads the requests themselves. A cycle without counts, or
 * with none asked for, never looks complete.
 */
export function countsLookComplete(counts: { requestCount?: number; submittedCount?: number }): boolean {
  const requests = counts.requestCount ?? 0;
  return requests > 0 && (counts.submittedCount ?? 0) >= requests;
}
