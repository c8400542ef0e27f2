/**
 * The two HTTP audiences of the system, as plain `fetch` clients: ARR with its bearer key, and a
 * contact person with nothing but the personal link from their email.
 */

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return response.json();
  return response.text();
}

/** The subset of ARR's answers the tests read. */
export interface CycleOverviewBody {
  cycle: { id: string; state: string; deadline: string };
  completeness: {
    projects: Array<{ projectId: string; status: 'invited' | 'submitted' | 'late'; submittedAfterDeadline: boolean }>;
    contacts: Array<{ contactPersonId: string; invited: number; submitted: number; late: number; status: string }>;
    totals: { projects: number; submitted: number; invited: number; late: number; returned: number; percentSubmitted: number };
    complete: boolean;
  };
  reminders: Array<{ stage: string; audience: { kind: 'contact'; contactPersonId: string } | { kind: 'guarantor'; activityAreaId: string } }>;
  slips: Array<{
    projectId: string;
    projectName: string;
    activityAreaName: string;
    reasons: Array<{ code: string; message: string; periods: string[] }>;
  }>;
}

export interface IndicatorsBody {
  cycleId: string;
  indicators: Array<{ code: string; periodValue: number; cumulativeValue: number }>;
}

export interface ReportProjectBody {
  id: string;
  name: string;
  thisPeriod: string | null;
  nextPeriodPlan: string | null;
  status: string | null;
}

export interface ReportBody {
  period: { id: string };
  areas: Array<{ name: string; activities: Array<{ projects: ReportProjectBody[] }> }>;
  outsidePlan: ReportProjectBody[];
  indicators: Array<{ code: string; periodValue: number; cumulativeValue: number }>;
}

export function reportProjects(report: ReportBody): ReportProjectBody[] {
  return [...report.areas.flatMap((area) => area.activities.flatMap((activity) => activity.projects)), ...report.outsidePlan];
}

export class ArrApi {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  request<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.send<T>(method, path, body === undefined ? undefined : JSON.stringify(body));
  }

  /** A JSON body as written, such as a number literal that `JSON.stringify` cannot write (2^53 + 1, 1e400). */
  async send<T = unknown>(method: string, path: string, json?: string): Promise<HttpResult<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.key}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: json }),
    });
    return { status: response.status, headers: response.headers, body: (await readBody(response)) as T };
  }

  /** A binary answer (a DOCX), as bytes. */
  async download(path: string): Promise<{ status: number; bytes: Buffer }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: `Bearer ${this.key}` } });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  openCycle(body: { period: string; deadline: string; meetingDate: string }) {
    return this.request<{ id: string; state: string }>('POST', '/cycles', body);
  }

  overview(cycleId: string) {
    return this.request<CycleOverviewBody>('GET', `/cycles/${cycleId}`);
  }

  indicators(cycleId: string) {
    return this.request<IndicatorsBody>('GET', `/cycles/${cycleId}/indicators`);
  }

  close(cycleId: string) {
    return this.request<{ id: string; state: string }>('POST', `/cycles/${cycleId}/close`);
  }

  report(cycleId: string) {
    return this.request<ReportBody>('GET', `/cycles/${cycleId}/report?format=json`);
  }
}

/** What a contact person fills in for one project. */
export interface ProjectReport {
  thisPeriod: string;
  nextPeriodPlan: string;
  status: 'on-track' | 'delayed' | 'completed' | 'cancelled' | 'not-started';
  indicatorContributions: Record<string, number>;
  noteToArr?: string;
}

export function tokenOfLink(link: string): string {
  const token = /\/s\/([A-Za-z0-9_-]{43})$/.exec(link)?.[1];
  if (token === undefined) throw new Error(`Not a personal link: ${link}`);
  return token;
}

function submissionUrl(link: string, projectId: string): string {
  return `${link}/projects/${encodeURIComponent(projectId)}`;
}

export async function openPersonalPage(link: string): Promise<{ status: number; html: string }> {
  const response = await fetch(link);
  return { status: response.status, html: await response.text() };
}

/** A JSON client's post (201 with the stored version number). */
export async function submitJson(
  link: string,
  projectId: string,
  report: ProjectReport,
  expectedVersion: number,
): Promise<HttpResult<{ version?: number; message?: string }>> {
  const response = await fetch(submissionUrl(link, projectId), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...report, expectedVersion }),
  });
  return { status: response.status, headers: response.headers, body: (await readBody(response)) as { version?: number } };
}

/** A browser's form post, fields named as the page names them; redirects are not followed. */
export async function submitForm(
  link: string,
  projectId: string,
  report: ProjectReport,
  expectedVersion: number,
): Promise<{ status: number; location: string | null; html: string }> {
  const form = new URLSearchParams({
    expectedVersion: String(expectedVersion),
    thisPeriod: report.thisPeriod,
    nextPeriodPlan: report.nextPeriodPlan,
    status: report.status,
    noteToArr: report.noteToArr ?? '',
  });
  for (const [code, amount] of Object.entries(report.indicatorContributions)) {
    form.append(`indicatorContributions.${code}`, String(amount));
  }
  const response = await fetch(submissionUrl(link, projectId), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/** The whole page posted as the browser posts it: every project's fields under `<projectId>.`, redirects not followed. */
export async function submitPage(
  link: string,
  projects: Record<string, { expectedVersion: number; fields: Partial<Record<'thisPeriod' | 'nextPeriodPlan' | 'status' | 'noteToArr', string>> }>,
  pressedAt?: string,
): Promise<{ status: number; location: string | null; html: string }> {
  const form = new URLSearchParams();
  for (const [projectId, project] of Object.entries(projects)) {
    form.append(`${projectId}.expectedVersion`, String(project.expectedVersion));
    for (const [name, value] of Object.entries(project.fields)) form.append(`${projectId}.${name}`, value);
  }
  if (pressedAt !== undefined) form.append('ulozit', pressedAt);
  const response = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}
