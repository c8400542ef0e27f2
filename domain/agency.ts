/**
 * ARR's own chapters of the monitoring report (1, 2, 4 and 5), keyed by section id. ARR fills each
 * section separately, so each one is validated on its own; a report may lack any of them.
 */
import { builtOnFirstUse } from './lazy';
import * as z from 'zod/mini';
import { ValidationError } from './errors';

const SHORT_TEXT_MAX = 300;
const LONG_TEXT_MAX = 5000;
const LIST_MAX = 200;

function requiredText(max: number) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? 'Toto pole je povinné.' : 'Zadejte text.'),
    })
    .check(z.trim(), z.minLength(1, 'Toto pole je povinné.'), z.maxLength(max, `Text může mít nejvýše ${max} znaků.`));
}

function list<T extends z.ZodMiniType>(item: T) {
  return z
    .array(item, {
      error: (issue) => (issue.input === undefined ? 'Toto pole je povinné.' : 'Zadejte seznam položek.'),
    })
    .check(z.maxLength(LIST_MAX, `Seznam může mít nejvýše ${LIST_MAX} položek.`));
}

function count() {
  return z
    .number({
      error: (issue) => (issue.input === undefined ? 'Toto pole je povinné.' : 'Zadejte číslo.'),
    })
    .check(z.int('Zadejte celé číslo.'), z.gte(0, 'Počet nemůže být záporný.'), z.lte(1_000_000_000, 'Počet je nepřiměřeně velký.'));
}

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function record<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.object(shape, {
    error: (issue) => (issue.input === undefined ? 'Toto pole je povinné.' : 'Položka musí být objekt s vyplněnými poli.'),
  });
}

const isoDate = builtOnFirstUse(() =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'Toto pole je povinné.' : 'Zadejte datum.') })
    .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Zadejte datum ve tvaru RRRR-MM-DD.'), z.refine(isRealDate, 'Takové datum neexistuje.')),
);

const isoMonth = builtOnFirstUse(() =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'Toto pole je povinné.' : 'Zadejte měsíc.') })
    .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Zadejte měsíc ve tvaru RRRR-MM.')),
);

const WEB_LINK_MAX = 2000;
const webLinkMessage = 'Zadejte platnou webovou adresu (http:// nebo https://).';

/**
 * Characters a written URL never holds: whitespace, quotes, angle brackets and the other ASCII
 * characters RFC 3986 leaves out, and invisible ones (controls, format and bidi characters).
 * Letters beyond ASCII (`článek`, `liberecký-kraj.cz`) pass, and the URL parser encodes them.
 */
const notInAUrl = builtOnFirstUse(() => new RegExp('[\\s"<>\\\\^`{|}]|\\p{C}', 'u'));
const BROKEN_PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/**
 * A public web address as the URL parser reads it, stored in its canonical form (`URL.href`).
 * Only http(s) with a dotted host name and no user name or password: the reports print these as
 * clickable links, so other schemes (javascript:, data:) and deceptive `https://kraj.cz@jinde.cz`
 * addresses must not pass.
 */
function parseWebLink(value: string): string | null {
  const written = value.trim();
  if (!/^https?:\/\//i.test(written) || notInAUrl().test(written) || BROKEN_PERCENT_ESCAPE.test(written)) return null;
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return null;
  }
  const hostOk = url.hostname.includes('.') && !url.hostname.startsWith('.') && !url.hostname.endsWith('.');
  if (!hostOk || url.username !== '' || url.password !== '') return null;
  return url.href;
}

const webLink = builtOnFirstUse(() =>
  z.pipe(
    z.string({ error: webLinkMessage }),
    z.transform((value: string, ctx) => {
      const href = parseWebLink(value);
      if (href === null) {
        ctx.issues.push({ code: 'custom', message: webLinkMessage, input: value });
        return z.NEVER;
      }
      if (href.length > WEB_LINK_MAX) {
        ctx.issues.push({ code: 'custom', message: `Adresa může mít nejvýše ${WEB_LINK_MAX} znaků.`, input: value });
        return z.NEVER;
      }
      return href;
    }),
  ),
);

const trendsSchema = builtOnFirstUse(() =>
  record({
    events: list(record({ month: isoMonth(), name: requiredText(SHORT_TEXT_MAX) })),
    smartDocuments: list(requiredText(SHORT_TEXT_MAX)),
    opportunities: list(requiredText(LONG_TEXT_MAX)),
  }),
);

const communicationSchema = builtOnFirstUse(() =>
  record({
    mediaPresentations: list(
      record({
        title: requiredText(SHORT_TEXT_MAX),
        publishedOn: isoDate(),
        form: requiredText(SHORT_TEXT_MAX),
        link: z.optional(webLink()),
      }),
    ),
    partnershipMeetings: list(
      record({ title: requiredText(SHORT_TEXT_MAX), date: isoDate(), details: requiredText(LONG_TEXT_MAX) }),
    ),
  }),
);

const paymentPortalSchema = builtOnFirstUse(() =>
  record({
    activitiesThisPeriod: requiredText(LONG_TEXT_MAX),
    activeMunicipalities: count(),
    activeServices: count(),
    municipalitiesInPreparation: count(),
    interestedMunicipalities: count(),
    monthlyPayments: list(
      record({
        month: isoMonth(),
        count: count(),
        volumeCzk: z
          .number({ error: (issue) => (issue.input === undefined ? 'Toto pole je povinné.' : 'Zadejte částku.') })
          .check(z.gte(0, 'Částka nemůže být záporná.'), z.lte(1_000_000_000_000, 'Částka je nepřiměřeně velká.')),
      }),
    ).check(
      z.refine((months) => new Set(months.map((m) => m.month)).size === months.length, 'Každý měsíc uveďte jen jednou.'),
    ),
    nextPeriodPlan: requiredText(LONG_TEXT_MAX),
  }),
);

const otherActivitiesSchema = builtOnFirstUse(() =>
  record({
    workingGroups: list(
      record({
        name: requiredText(SHORT_TEXT_MAX),
        meetings: list(record({ date: isoDate(), topics: requiredText(LONG_TEXT_MAX) })),
      }),
    ),
    coordinationMeetings: list(
      record({ title: requiredText(SHORT_TEXT_MAX), date: isoDate(), details: requiredText(LONG_TEXT_MAX) }),
    ),
  }),
);

/**
 * Chapter 3's own words: free paragraphs ARR writes under an activity area, after its projects
 * (the seed's EDIH paragraph, the list of Digitální kavárny). Paragraphs are separated by an empty
 * line; lines starting with „- “ are a bulleted list.
 */
const areaNarrativesSchema = builtOnFirstUse(() =>
  record({
    areas: list(record({ activityAreaId: requiredText(SHORT_TEXT_MAX), text: requiredText(LONG_TEXT_MAX) })).check(
      z.refine(
        (areas: Array<{ activityAreaId: string }>) => new Set(areas.map((area) => area.activityAreaId)).size === areas.length,
        'Každou oblast aktivit uveďte jen jednou.',
      ),
    ),
  }),
);

export type TrendsSection = z.infer<ReturnType<typeof trendsSchema>>;
export type CommunicationSection = z.infer<ReturnType<typeof communicationSchema>>;
export type PaymentPortalSection = z.infer<ReturnType<typeof paymentPortalSchema>>;
export type OtherActivitiesSection = z.infer<ReturnType<typeof otherActivitiesSchema>>;
export type AreaNarrativesSection = z.infer<ReturnType<typeof areaNarrativesSchema>>;

const schemas = {
  trends: trendsSchema,
  communication: communicationSchema,
  'payment-portal': paymentPortalSchema,
  'other-activities': otherActivitiesSchema,
  'area-narratives': areaNarrativesSchema,
} as const;

export type AgencySectionId = keyof typeof schemas;

/** Report order: chapters 1, 2, 4 and 5, then ARR's paragraphs inside chapter 3. */
export const agencySectionIds: readonly AgencySectionId[] = ['trends', 'communication', 'payment-portal', 'other-activities', 'area-narratives'];

export interface AgencySectionData {
  trends: TrendsSection;
  communication: CommunicationSection;
  'payment-portal': PaymentPortalSection;
  'other-activities': OtherActivitiesSection;
  'area-narratives': AreaNarrativesSection;
}

/** ARR's chapters of one report; a missing key is a chapter ARR has not filled yet. */
export type AgencySections = Partial<AgencySectionData>;

export function isAgencySectionId(value: string): value is AgencySectionId {
  return Object.hasOwn(schemas, value);
}

/**
 * Validates one section's body. Throws ValidationError with a Czech message per field path
 * (e.g. `events.0.month`), or for an unknown section id.
 */
export function parseAgencySection<K extends AgencySectionId>(sectionId: K, body: unknown): AgencySectionData[K];
export function parseAgencySection(sectionId: string, body: unknown): AgencySectionData[AgencySectionId];
export function parseAgencySection(sectionId: string, body: unknown): AgencySectionData[AgencySectionId] {
  if (!isAgencySectionId(sectionId)) {
    throw new ValidationError('Neznámá kapitola zprávy.', {
      sectionId: `Kapitola „${sectionId}“ neexistuje. Povolené jsou: ${agencySectionIds.join(', ')}.`,
    });
  }
  const result = schemas[sectionId]().safeParse(body);
  if (result.success) return result.data;
  const details: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    details[field] ??= issue.path.length > 0 ? issue.message : 'Obsah kapitoly musí být objekt s vyplněnými poli.';
  }
  throw new ValidationError('Kapitola obsahuje chybně vyplněná pole.', details);
}
