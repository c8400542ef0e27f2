import { describe, expect, it } from 'vitest';
import { computeCompleteness, countsLookComplete, type SubmissionRequest } from '../../domain/completeness';

const deadline = new Date('2026-07-15T21:59:59Z');
const beforeDeadline = new Date('2026-07-10T08:00:00Z');
const afterDeadline = new Date('2026-07-20T08:00:00Z');

const requests: SubmissionRequest[] = [
  { projectId: 'portal', contactPersonIds: ['simonova'] },
  { projectId: 'taxibusy', contactPersonIds: ['simonova', 'fena'] },
  { projectId: 'ai-skupina', contactPersonIds: ['fena'] },
  { projectId: 'e-skoly', contactPersonIds: ['jager'] },
];

describe('computeCompleteness before the deadline', () => {
  it('shows who submitted and who is still invited', () => {
    // Prepare
    const submittedAt = { portal: '2026-07-02T09:00:00.000Z', taxibusy: '2026-07-03T09:00:00.000Z' };

    // Act
    const completeness = computeCompleteness({ requests, submittedAt, deadline, now: beforeDeadline });

    // Assess
    expect(completeness).toEqual({
      projects: [
        { projectId: 'portal', status: 'submitted', submittedAt: '2026-07-02T09:00:00.000Z', submittedAfterDeadline: false },
        { projectId: 'taxibusy', status: 'submitted', submittedAt: '2026-07-03T09:00:00.000Z', submittedAfterDeadline: false },
        { projectId: 'ai-skupina', status: 'invited', submittedAfterDeadline: false },
        { projectId: 'e-skoly', status: 'invited', submittedAfterDeadline: false },
      ],
      contacts: [
        { contactPersonId: 'simonova', invited: 0, submitted: 2, late: 0, status: 'submitted' },
        { contactPersonId: 'fena', invited: 1, submitted: 1, late: 0, status: 'invited' },
        { contactPersonId: 'jager', invited: 1, submitted: 0, late: 0, status: 'invited' },
      ],
      totals: { projects: 4, submitted: 2, invited: 2, late: 0, returned: 0, percentSubmitted: 50 },
      complete: false,
    });
  });
});

describe('computeCompleteness after the deadline', () => {
  it('marks unsubmitted projects late, and their contacts late', () => {
    // Prepare
    const submittedAt = { portal: '2026-07-02T09:00:00.000Z', 'ai-skupina': '2026-07-17T09:00:00.000Z' };

    // Act
    const completeness = computeCompleteness({ requests, submittedAt, deadline, now: afterDeadline });

    // Assess
    expect(completeness.projects.map((p) => [p.projectId, p.status, p.submittedAfterDeadline])).toEqual([
      ['portal', 'submitted', false],
      ['taxibusy', 'late', false],
      ['ai-skupina', 'submitted', true],
      ['e-skoly', 'late', false],
    ]);
    expect(completeness.contacts.map((c) => [c.contactPersonId, c.status, c.late])).toEqual([
      ['simonova', 'late', 1],
      ['fena', 'late', 1],
      ['jager', 'late', 1],
    ]);
    expect(completeness.totals).toEqual({ projects: 4, submitted: 2, invited: 0, late: 2, returned: 0, percentSubmitted: 50 });
  });

  it('is not late at the deadline instant itself', () => {
    // Prepare
    const now = deadline;

    // Act
    const completeness = computeCompleteness({ requests, submittedAt: {}, deadline, now });

    // Assess
    expect(completeness.totals.late).toBe(0);
    expect(completeness.totals.invited).toBe(4);
  });
});

describe('computeCompleteness totals', () => {
  it('rounds the percentage down so 100 % means everything is in', () => {
    // Prepare
    const submittedAt = {
      portal: '2026-07-01T09:00:00.000Z',
      taxibusy: '2026-07-01T09:00:00.000Z',
      'ai-skupina': '2026-07-01T09:00:00.000Z',
    };
    const manyRequests = Array.from({ length: 200 }, (_, i) => ({ projectId: `p${i}`, contactPersonIds: ['x'] }));
    const allButOne = Object.fromEntries(manyRequests.slice(1).map((r) => [r.projectId, '2026-07-01T09:00:00.000Z']));

    // Act
    const threeOfFour = computeCompleteness({ requests, submittedAt, deadline, now: beforeDeadline });
    const nearlyAll = computeCompleteness({ requests: manyRequests, submittedAt: allButOne, deadline, now: beforeDeadline });

    // Assess
    expect(threeOfFour.totals.percentSubmitted).toBe(75);
    expect(nearlyAll.totals.percentSubmitted).toBe(99);
    expect(nearlyAll.complete).toBe(false);
  });

  it('is complete when every project is submitted, even late', () => {
    // Prepare
    const submittedAt = Object.fromEntries(requests.map((r) => [r.projectId, '2026-07-18T09:00:00.000Z']));

    // Act
    const completeness = computeCompleteness({ requests, submittedAt, deadline, now: afterDeadline });

    // Assess
    expect(completeness.complete).toBe(true);
    expect(completeness.totals.percentSubmitted).toBe(100);
    expect(completeness.contacts.every((c) => c.status === 'submitted')).toBe(true);
    expect(completeness.projects.every((p) => p.submittedAfterDeadline)).toBe(true);
  });

  it('counts a contact listed twice on a project once', () => {
    // Prepare
    const doubled: SubmissionRequest[] = [{ projectId: 'portal', contactPersonIds: ['fena', 'fena'] }];

    // Act
    const completeness = computeCompleteness({ requests: doubled, submittedAt: {}, deadline, now: beforeDeadline });

    // Assess
    expect(completeness.contacts).toEqual([
      { contactPersonId: 'fena', invited: 1, submitted: 0, late: 0, status: 'invited' },
    ]);
  });

  it('treats a cycle with no requests as complete', () => {
    // Prepare
    const none: SubmissionRequest[] = [];

    // Act
    const completeness = computeCompleteness({ requests: none, submittedAt: {}, deadline, now: afterDeadline });

    // Assess
    expect(completeness).toEqual({
      projects: [],
      contacts: [],
      totals: { projects: 0, submitted: 0, invited: 0, late: 0, returned: 0, percentSubmitted: 100 },
      complete: true,
    });
  });
});

describe('computeCompleteness with a project returned for revision', () => {
  it('counts the returned project as awaited again, late after the deadline, and keeps its first submission', () => {
    // Prepare
    const submittedAt = { portal: '2026-07-02T09:00:00.000Z', taxibusy: '2026-07-03T09:00:00.000Z' };
    const returned = { portal: { version: 2, returnedAt: '2026-07-08T10:00:00.000Z' } };

    // Act
    const before = computeCompleteness({ requests, submittedAt, returned, deadline, now: beforeDeadline });
    const after = computeCompleteness({ requests, submittedAt, returned, deadline, now: afterDeadline });

    // Assess
    expect(before.projects[0]).toEqual({
      projectId: 'portal',
      status: 'invited',
      submittedAt: '2026-07-02T09:00:00.000Z',
      submittedAfterDeadline: false,
      returned: { version: 2, returnedAt: '2026-07-08T10:00:00.000Z' },
    });
    expect(before.totals).toEqual({ projects: 4, submitted: 1, invited: 3, late: 0, returned: 1, percentSubmitted: 25 });
    expect(before.contacts[0]).toEqual({ contactPersonId: 'simonova', invited: 1, submitted: 1, late: 0, status: 'invited' });
    expect(after.projects[0]?.status).toBe('late');
    expect(after.complete).toBe(false);
  });
});

describe('countsLookComplete', () => {
  it.each([
    [{ requestCount: 4, submittedCount: 4 }, true],
    [{ requestCount: 4, submittedCount: 5 }, true],
    [{ requestCount: 4, submittedCount: 3 }, false],
    // Nothing asked for, or counts a cycle never had: never complete, so no report is requested for it.
    [{ requestCount: 0, submittedCount: 0 }, false],
    [{}, false],
    [{ submittedCount: 2 }, false],
  ])('counts %o look complete: %s', (counts, expected) => {
    // Act
    const complete = countsLookComplete(counts);

    // Assess
    expect(complete).toBe(expected);
  });
});
