/** How far the cycle's reporting is: per project, per contact person and in total. */

export interface SubmissionRequest {
  projectId: string;
  contactPersonIds: string[];
}

/** `late` = not submitted while the deadline has passed. */
export type RequestStatus = 'invited' | 'submitted' | 'late';

export interface Completeness {
  projects: Array<{ projectId: string; status: RequestStatus; submittedAt?: string; submittedAfterDeadline: boolean }>;
  /**
   * In order of first appearance in the requests. `invited`, `submitted` and `late` count the
   * contact's projects in each status (they add up to the contact's number of projects).
   * `status` is submitted when all are submitted, late when any is late, else invited.
   */
  contacts: Array<{ contactPersonId: string; invited: number; submitted: number; late: number; status: RequestStatus }>;
  /** `invited` counts projects still awaited before the deadline, `late` those awaited after it. */
  totals: { projects: number; submitted: number; invited: number; late: number; percentSubmitted: number };
  /** Every requested project has been submitted (vacuously true for no requests). */
  complete: boolean;
}

export function computeCompleteness(input: {
  requests: SubmissionRequest[];
  /** projectId → the ISO instant of its first submission. */
  submittedAt: Record<string, string>;
  deadline: Date;
  now: Date;
}): Completeness {
  const deadlinePassed = input.now.getTime() > input.deadline.getTime();

  const projects = input.requests.map((request) => {
    const submittedAt = input.submittedAt[request.projectId];
    if (submittedAt === undefined) {
      const status: RequestStatus = deadlinePassed ? 'late' : 'invited';
      return { projectId: request.projectId, status, submittedAfterDeadline: false };
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
