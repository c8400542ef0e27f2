/**
 * The two ways the scenario reaches the system, exactly as people do: ARR through its API with
 * the ARR key, a contact person through the personal link from the invitation email.
 */

export class ScenarioHttpError extends Error {
  override readonly name = 'ScenarioHttpError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} answered HTTP ${status}: ${body.slice(0, 400)}`);
  }
}

async function send(url: URL, init: RequestInit, expected: (status: number) => boolean): Promise<Response> {
  const response = await fetch(url, init);
  if (!expected(response.status)) {
    throw new ScenarioHttpError(init.method ?? 'GET', url.pathname + url.search, response.status, await response.text());
  }
  return response;
}

export class ArrApi {
  constructor(
    private readonly apiUrl: string,
    private readonly key: string,
  ) {}

  async json<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await send(
      new URL(path, this.apiUrl),
      {
        method,
        headers: {
          authorization: `Bearer ${this.key}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      (status) => status >= 200 && status < 300,
    );
    return (await response.json()) as T;
  }

  async bytes(path: string): Promise<Buffer> {
    const response = await send(
      new URL(path, this.apiUrl),
      { method: 'GET', headers: { authorization: `Bearer ${this.key}` } },
      (status) => status === 200,
    );
    return Buffer.from(await response.arrayBuffer());
  }
}

/** One project's form on the contact person's page. */
export interface ProjectForm {
  projectId: string;
  name: string;
  /** The POST target, relative to the API. */
  action: string;
  expectedVersion: number;
  indicatorCodes: string[];
  /** "Plán z minulého období", empty when the page says there was none. */
  previousPlan: string;
}

const NO_PREVIOUS_PLAN = 'Plán z minulého období není k dispozici.';

function unescapeHtml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Reads the projects of a submission page: each section's hidden `<projectId>.expectedVersion`
 * names its project; a page without a form (a closed cycle's summary) yields none.
 */
export function parseSubmissionPage(html: string): ProjectForm[] {
  // One form holds every project; each project's own post goes to `<form action>/projects/<id>`.
  const formAction = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  if (formAction === undefined) return [];
  const sections = html.split('<section class="panel project"').slice(1);
  return sections.flatMap((section): ProjectForm[] => {
    const hidden = /name="([^"]+)\.expectedVersion" value="(\d+)"/.exec(section);
    const projectId = unescapeHtml(hidden?.[1] ?? '');
    const expectedVersion = Number(hidden?.[2] ?? Number.NaN);
    const decodedAction = `${unescapeHtml(formAction)}/projects/${encodeURIComponent(projectId)}`;
    if (projectId === '' || !Number.isInteger(expectedVersion)) {
      throw new Error(`The submission page has a project the scenario cannot read (form ${formAction}).`);
    }
    const name = unescapeHtml(/<h2 id="[^"]*">([^<]*)<\/h2>/.exec(section)?.[1] ?? projectId);
    const previous = unescapeHtml(/<dt>Plán z [^<]*<\/dt><dd>([\s\S]*?)<\/dd>/.exec(section)?.[1] ?? '').trim();
    const indicatorCodes = [...section.matchAll(/name="[^"]+?\.indicatorContributions\.([^"]+)"/g)].map((match) => unescapeHtml(match[1]!));
    return [
      {
        projectId,
        name,
        action: decodedAction,
        expectedVersion,
        indicatorCodes,
        previousPlan: previous === NO_PREVIOUS_PLAN ? '' : previous,
      },
    ];
  });
}

export interface SubmissionBody {
  thisPeriod: string;
  nextPeriodPlan: string;
  status: string;
  indicatorContributions: Record<string, number>;
  noteToArr?: string;
}

export type SubmitOutcome = { ok: true; version: number } | { ok: false; status: number; body: string };

/** A contact person holding a personal link. */
export class ContactSession {
  constructor(
    private readonly apiUrl: string,
    /** `/s/<token>` */
    readonly linkPath: string,
  ) {}

  async loadForms(): Promise<ProjectForm[]> {
    const response = await send(new URL(this.linkPath, this.apiUrl), { method: 'GET' }, (status) => status === 200);
    return parseSubmissionPage(await response.text());
  }

  /** Posts one project's report as JSON; a refusal (409, 422, 404 for a link that no longer works) is returned, not thrown. */
  async submit(form: ProjectForm, expectedVersion: number, body: SubmissionBody): Promise<SubmitOutcome> {
    const response = await send(
      new URL(form.action, this.apiUrl),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ ...body, expectedVersion }),
      },
      (status) => status === 201 || status === 409 || status === 404 || status === 422,
    );
    if (response.status === 201) return { ok: true, version: ((await response.json()) as { version: number }).version };
    return { ok: false, status: response.status, body: await response.text() };
  }
}
