/**
 * Requests an attacker holding one valid personal link (and ARR's API) could send: arbitrary JSON
 * and form bodies, unicode edge cases (controls, lone surrogates, bidi controls, combining marks,
 * Markdown syntax), numbers at and beyond 2^53, duplicate form fields, stale or forged versions,
 * and two posts racing. Generated with fast-check, so a failing case shrinks to a small one.
 */
import fc from 'fast-check';
import { agencySectionIds } from '../../domain/agency';
import { projectStatuses } from '../../domain/submission';

/** What the requests are aimed at: one open cycle and one contact person's valid link. */
export interface FuzzWorld {
  cycleId: string;
  token: string;
  /** The person's projects, with the indicator codes each may report. */
  projects: Record<string, string[]>;
  /** Projects of the plan that are not the person's. */
  foreignProjectIds: string[];
  /** Every indicator code of the plan. */
  indicatorCodes: string[];
  /**
   * Requests under a link that does not work, per 200 under the valid one. Each waits out the
   * uniform invalid-link delay (300 ms), so small runs leave them out.
   */
  invalidLinkWeight: number;
}

/** One HTTP request, before the version it is based on is known. */
export interface HttpCall {
  method: 'GET' | 'POST' | 'PUT';
  route: 'GET /s/{token}' | 'POST /s/{token}/projects/{projectId}' | 'PUT /cycles/{cycleId}/agency/{section}';
  pathParameters: Record<string, string>;
  query?: Record<string, string>;
  contentType?: string;
  body?: string;
}

/** The version a submission claims to be based on, relative to the newest stored one or as sent. */
export type VersionChoice =
  | { kind: 'latest'; offset: number; asString: boolean }
  | { kind: 'value'; value: unknown }
  /** A JSON number literal as written, e.g. `9007199254740993`, which JSON.parse rounds. */
  | { kind: 'literal'; text: string }
  | { kind: 'absent' };

/**
 * A request as generated. A submission's body depends on the newest stored version of its
 * project (a client that read the page sends it), so it is rendered just before it is sent.
 */
export type FuzzRequest =
  | { kind: 'call'; call: HttpCall }
  | { kind: 'submission'; projectId: string; render: (latest: number) => HttpCall }
  /** Two submissions based on the same stored version, sent at once. */
  | { kind: 'race'; projectId: string; posts: Array<(latest: number) => HttpCall> };

const ORDINARY = [...'aábčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzžAÁČŘŠŽ .,-–0123456789'];

/** Pieces of text that are valid Unicode but trouble: controls, bidi controls, combining marks, noncharacters, Markdown. */
const troubleUnits = [
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x7f, max: 0x9f }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F') },
  { weight: 1, arbitrary: fc.constantFrom('\u0301', '\u030C', '\u0308', '\u0327', 'e\u0301', 'Z\u030C') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '𝔘', '👩‍💻', '\uFEFF', '\uFFFD', '\u00A0', '\u200B', '\u2028') },
  // Noncharacters: U+FFFE and U+FFFF cannot appear in XML, and so not in a Word report.
  { weight: 1, arbitrary: fc.constantFrom('\uFFFE', '\uFFFF', '\uFDD0', '\u{10FFFF}') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\t') },
  { weight: 1, arbitrary: fc.constantFrom('|', '#', '>', '-', '1.', '```', '~~', '===', '*', '_', '[x](javascript:alert(1))', '<img src=x onerror=alert(1)>', '\\', '&amp;', '"', "'") },
];

/** One piece of text: mostly Czech, often something that once broke a system somewhere. */
const textUnit = fc.oneof(
  { weight: 24, arbitrary: fc.constantFrom(...ORDINARY) },
  ...troubleUnits,
  { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF') },
);

/** Text the intake should store (after normalizing it): valid Unicode with a letter in it. */
const storableText = fc
  .tuple(fc.string({ unit: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...ORDINARY) }, ...troubleUnits), maxLength: 30 }), fc.constantFrom('a', 'ž', 'Ř'))
  .map(([noise, letter]) => `${letter}${noise}`);

const LIMIT_TEXTS = [
  'x'.repeat(2000),
  'x'.repeat(2001),
  'x'.repeat(4000),
  'x'.repeat(4001),
  `${' '.repeat(5000)}x`,
  // 4002 code units as sent, 2001 characters once composed.
  'e\u0301'.repeat(2001),
  `${'\u0000'.repeat(4001)}x`,
  `${'😀'.repeat(2000)}`,
];

const text = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom(...ORDINARY), minLength: 1, maxLength: 30 }) },
  { weight: 8, arbitrary: fc.string({ unit: textUnit, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...LIMIT_TEXTS) },
);

/** Numbers that sit at the edges: 2^53 and beyond, negative zero, fractions, the contribution limit. */
const edgeNumber = fc.constantFrom(
  0, -0, 1, -1, 0.5, 3.0000001, 999_999, 1_000_000, 1_000_001, 9_999_999, 10_000_000,
  2 ** 31, 2 ** 53 - 2, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1e21,
);
/** JSON number literals as written; JSON.parse rounds some and overflows others to Infinity. */
const numberLiteral = fc.constantFrom('9007199254740993', '9007199254740992', '18446744073709551616', '1e21', '1E400', '-0', '0.0', '1e-7', '4.0');
const numericText = fc.constantFrom(
  '9007199254740993', '9007199254740991', '1e21', '1E3', ' 7 ', '0x10', '0b1', '1 000', '1\u00A0000', '١٢', '', ' ', '-1', '-0', '3.0', '+3', 'Infinity', 'NaN', '007',
);
const contributionValue = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 2, arbitrary: numericText },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, [], {}, [3]) },
);

function versionChoice(): fc.Arbitrary<VersionChoice> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.boolean().map((asString): VersionChoice => ({ kind: 'latest', offset: 0, asString })) },
    { weight: 3, arbitrary: fc.tuple(fc.integer({ min: -3, max: 6 }), fc.boolean()).map(([offset, asString]): VersionChoice => ({ kind: 'latest', offset, asString })) },
    { weight: 2, arbitrary: fc.oneof(edgeNumber, numericText).map((value): VersionChoice => ({ kind: 'value', value })) },
    { weight: 1, arbitrary: numberLiteral.map((literal): VersionChoice => ({ kind: 'literal', text: literal })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }).map((value): VersionChoice => ({ kind: 'value', value })) },
    { weight: 1, arbitrary: fc.constant<VersionChoice>({ kind: 'absent' }) },
  );
}

/** The value of `expectedVersion` to send, or a placeholder for a literal spliced into the JSON. */
function versionValue(choice: VersionChoice, latest: number): { value: unknown; literal?: string } | null {
  switch (choice.kind) {
    case 'latest': {
      const version = latest + choice.offset;
      return { value: choice.asString ? String(version) : version };
    }
    case 'value':
      return { value: choice.value };
    case 'literal':
      return { value: LITERAL_PLACEHOLDER, literal: choice.text };
    case 'absent':
      return null;
  }
}

const LITERAL_PLACEHOLDER = '\u0000fuzz-number-literal\u0000';

const jsonContentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'application/vnd.api+json', 'APPLICATION/JSON', '') },
);
const formContentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/x-www-form-urlencoded') },
  { weight: 1, arbitrary: fc.constantFrom('application/x-www-form-urlencoded; charset=UTF-8', 'multipart/form-data; boundary=x') },
);

function submissionCall(token: string, projectId: string, contentType: string, body: string): HttpCall {
  return {
    method: 'POST',
    route: 'POST /s/{token}/projects/{projectId}',
    pathParameters: { token, projectId },
    ...(contentType === '' ? {} : { contentType }),
    body,
  };
}

export function fuzzRequest(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const ownProjectIds = Object.keys(world.projects);
  const token = world.invalidLinkWeight > 0
    ? fc.oneof(
        { weight: 200, arbitrary: fc.constant(world.token) },
        { weight: world.invalidLinkWeight, arbitrary: fc.constantFrom('A'.repeat(43), 'x', `${world.token.slice(0, -1)}A`) },
      )
    : fc.constant(world.token);
  const projectId = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...ownProjectIds) },
    { weight: 1, arbitrary: fc.constantFrom(...world.foreignProjectIds, 'neexistuje', 'DIGITALIZACE', '__proto__') },
  );
  /** Mostly the codes the project may report, sometimes another area's or nonsense. */
  const indicatorCode = (projectId: string) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...(Object.hasOwn(world.projects, projectId) ? (world.projects[projectId] as string[]) : []), ...world.indicatorCodes.slice(0, 1)) },
      { weight: 1, arbitrary: fc.constantFrom(...world.indicatorCodes) },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', '', 'kd-1', `${world.indicatorCodes[0] ?? 'X'}\u0000`) },
      { weight: 1, arbitrary: fc.string({ unit: textUnit, maxLength: 6 }) },
    );
  const status = fc.oneof({ weight: 6, arbitrary: fc.constantFrom<unknown>(...projectStatuses) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) });
  const anyJson = fc.jsonValue({ maxDepth: 2 });
  const fieldText = fc.oneof({ weight: 10, arbitrary: text }, { weight: 1, arbitrary: anyJson });

  const jsonFields = (projectId: string) => ({
    thisPeriod: fieldText,
    nextPeriodPlan: fieldText,
    status,
    indicatorContributions: fc.oneof(
      { weight: 6, arbitrary: fc.dictionary(indicatorCode(projectId), contributionValue, { maxKeys: 3 }) },
      { weight: 1, arbitrary: anyJson },
    ),
    noteToArr: fieldText,
    extra: fc.oneof(
      { weight: 3, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ unit: textUnit, maxLength: 8 }), anyJson, { maxKeys: 2 }) },
    ),
  });
  // Mostly every field present (a client that means well), sometimes any of them missing.
  const jsonSubmission = (projectId: string) =>
    fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.record(jsonFields(projectId)) },
        { weight: 1, arbitrary: fc.record(jsonFields(projectId), { requiredKeys: [] }) },
      ),
      jsonContentType,
    );

  const renderJson =
    (fields: Record<string, unknown>, contentType: string, tokenValue: string, project: string) =>
    (choice: VersionChoice, latest: number): HttpCall => {
      const { extra, ...named } = fields as { extra?: Record<string, unknown> } & Record<string, unknown>;
      const version = versionValue(choice, latest);
      const body: Record<string, unknown> = { ...extra, ...named, ...(version ? { expectedVersion: version.value } : {}) };
      let serialized = JSON.stringify(body);
      if (version?.literal) serialized = serialized.replace(JSON.stringify(LITERAL_PLACEHOLDER), version.literal);
      return submissionCall(tokenValue, project, contentType, serialized);
    };

  const formField = (projectId: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom('thisPeriod', 'nextPeriodPlan', 'noteToArr'), text) },
      { weight: 2, arbitrary: fc.tuple(fc.constant('status'), fc.oneof(fc.constantFrom<string>(...projectStatuses), text)) },
      {
        weight: 3,
        arbitrary: fc.tuple(
          indicatorCode(projectId).map((code) => `indicatorContributions.${code}`),
          fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map(String) }, { weight: 2, arbitrary: numericText }, { weight: 1, arbitrary: text }),
        ),
      },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('indicatorContributions', 'expectedVersion', '__proto__.x', 'constructor'), text) },
      { weight: 1, arbitrary: fc.tuple(fc.string({ unit: textUnit, maxLength: 10 }), text) },
    );
  const formSubmission = (projectId: string) => fc.record({
    // The fields a person fills in, which the extra fields may repeat (a duplicate is refused).
    base: fc.boolean(),
    baseStatus: fc.constantFrom(...projectStatuses),
    fields: fc.oneof({ weight: 2, arbitrary: fc.constant<Array<[string, string]>>([]) }, { weight: 3, arbitrary: fc.array(formField(projectId), { minLength: 1, maxLength: 4 }) }),
    tail: fc.option(fc.constantFrom('%', '%zz', '%ED%A0%80', '%00', '&&&', '=', 'a=b=c', '%C3%28', '+%2B+'), { nil: undefined, freq: 4 }),
    contentType: formContentType,
  });
  const renderForm =
    (form: { base: boolean; baseStatus: string; fields: Array<[string, string]>; tail: string | undefined; contentType: string }, tokenValue: string, project: string) =>
    (choice: VersionChoice, latest: number): HttpCall => {
      const params = new URLSearchParams();
      if (form.base) {
        params.append('thisPeriod', 'Proběhla dvě jednání s dodavatelem.');
        params.append('nextPeriodPlan', 'Podepsat smlouvu.');
        params.append('status', form.baseStatus);
      }
      const version = versionValue(choice, latest);
      if (version) params.append('expectedVersion', version.literal ?? (typeof version.value === 'string' ? version.value : JSON.stringify(version.value) ?? ''));
      for (const [name, value] of form.fields) params.append(name, value);
      const body = form.tail === undefined ? params.toString() : `${params.toString()}&${form.tail}`;
      return submissionCall(tokenValue, project, form.contentType, body);
    };

  /** A client that means well, typing troublesome but storable text: most of these are stored. */
  const wellMeant = (projectId: string) =>
    fc.tuple(
      fc.record(
        {
          thisPeriod: storableText,
          nextPeriodPlan: storableText,
          status: fc.constantFrom(...projectStatuses),
          indicatorContributions: fc.dictionary(
            fc.constantFrom(...(Object.hasOwn(world.projects, projectId) ? (world.projects[projectId] as string[]) : []), 'KD-1'),
            fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }).map(String)),
            { maxKeys: 2 },
          ),
          noteToArr: storableText,
        },
        { requiredKeys: ['thisPeriod', 'nextPeriodPlan', 'status', 'indicatorContributions'] },
      ),
      fc.boolean(),
      fc.boolean(),
    );

  const submission = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.constantFrom(...ownProjectIds).chain((project) =>
        wellMeant(project).map(([fields, asForm, asString]): FuzzRequest => ({
          kind: 'submission',
          projectId: project,
          render: (latest: number) => {
            if (!asForm) return renderJson({ ...fields, extra: {} }, 'application/json', world.token, project)({ kind: 'latest', offset: 0, asString }, latest);
            const params = new URLSearchParams({ thisPeriod: fields.thisPeriod, nextPeriodPlan: fields.nextPeriodPlan, status: fields.status, expectedVersion: String(latest) });
            if (fields.noteToArr !== undefined) params.append('noteToArr', fields.noteToArr);
            for (const [code, amount] of Object.entries(fields.indicatorContributions)) params.append(`indicatorContributions.${code}`, String(amount));
            return submissionCall(world.token, project, 'application/x-www-form-urlencoded', params.toString());
          },
        })),
      ),
    },
    {
      weight: 5,
      arbitrary: projectId.chain((project) =>
        fc.tuple(jsonSubmission(project), token, versionChoice()).map(([[fields, contentType], tokenValue, version]): FuzzRequest => ({
          kind: 'submission',
          projectId: project,
          render: (latest: number) => renderJson(fields, contentType, tokenValue, project)(version, latest),
        })),
      ),
    },
    {
      weight: 4,
      arbitrary: projectId.chain((project) =>
        fc.tuple(formSubmission(project), token, versionChoice()).map(([form, tokenValue, version]): FuzzRequest => ({
          kind: 'submission',
          projectId: project,
          render: (latest: number) => renderForm(form, tokenValue, project)(version, latest),
        })),
      ),
    },
  );

  const rawBody = fc.oneof(
    anyJson.map((value) => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' })),
    fc.tuple(fc.string({ unit: textUnit, maxLength: 40 }), fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/xml', '')).map(([body, contentType]) => ({ contentType, body })),
  );
  const raw = fc.tuple(rawBody, token, projectId).map(([{ contentType, body }, tokenValue, project]): FuzzRequest => ({
    kind: 'call',
    call: submissionCall(tokenValue, project, contentType, body),
  }));

  const page = fc.tuple(token, fc.option(fc.oneof(projectId, text), { nil: undefined })).map(([tokenValue, saved]): FuzzRequest => ({
    kind: 'call',
    call: { method: 'GET', route: 'GET /s/{token}', pathParameters: { token: tokenValue }, ...(saved === undefined ? {} : { query: { ulozeno: saved } }) },
  }));

  const link = fc.oneof(
    fc.constantFrom(
      'https://www.kraj-lbc.cz/aktuality',
      'https://liberecký-kraj.cz/článek?id=1#a',
      'https://example.org/a b',
      'https://example.org/"onmouseover="alert(1)',
      'https://example.org/<img src=x>',
      'javascript:alert(1)',
      'https://kraj.cz@jinde.cz/',
      'https://example.org/\u202Efdp.exe',
      'https://x',
      'http://example.org/%zz',
    ),
    text.map((value) => `https://example.org/${value}`),
  );
  const month = fc.oneof(fc.constantFrom('2026-03', '2026-13', '2026-3'), text);
  const date = fc.oneof(fc.constantFrom('2026-02-03', '2026-02-30', '03.02.2026'), text);
  const sectionBody = fc.oneof(
    fc.record({
      section: fc.constant('trends'),
      body: fc.record({
        events: fc.array(fc.record({ month, name: text }), { maxLength: 2 }),
        smartDocuments: fc.array(text, { maxLength: 2 }),
        opportunities: fc.array(text, { maxLength: 2 }),
      }),
    }),
    fc.record({
      section: fc.constant('communication'),
      body: fc.record({
        mediaPresentations: fc.array(fc.record({ title: text, publishedOn: date, form: text, link }, { requiredKeys: ['title', 'publishedOn', 'form'] }), { maxLength: 2 }),
        partnershipMeetings: fc.array(fc.record({ title: text, date, details: text }), { maxLength: 1 }),
      }),
    }),
    fc.record({ section: fc.constantFrom<string>(...agencySectionIds, 'indicators', '__proto__'), body: anyJson }),
  );
  const agency = sectionBody.map(({ section, body }): FuzzRequest => ({
    kind: 'call',
    call: {
      method: 'PUT',
      route: 'PUT /cycles/{cycleId}/agency/{section}',
      pathParameters: { cycleId: world.cycleId, section },
      contentType: 'application/json',
      body: JSON.stringify(body),
    },
  }));

  const race = fc
    .constantFrom(...ownProjectIds)
    .chain((project) => fc.tuple(fc.constant(project), jsonSubmission(project), jsonSubmission(project)))
    .map(([project, [first, firstType], [second, secondType]]): FuzzRequest => ({
      kind: 'race',
      projectId: project,
      posts: [first, second].map((fields, index) => {
        const render = renderJson(fields, index === 0 ? firstType : secondType, world.token, project);
        return (latest: number) => render({ kind: 'latest', offset: 0, asString: false }, latest);
      }),
    }));

  return fc.oneof(
    { weight: 12, arbitrary: submission },
    { weight: 1, arbitrary: raw },
    { weight: 1, arbitrary: page },
    { weight: 2, arbitrary: agency },
    { weight: 1, arbitrary: race },
  );
}
