/** What a contact person reports on one project for one half-year, and how it is validated. */
import { builtOnFirstUse } from './lazy';
import * as z from 'zod/mini';
import { ValidationError } from './errors';
import { zodErrorDetails } from './time';

export const projectStatuses = ['on-track', 'delayed', 'completed', 'cancelled', 'not-started'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectStatusLabels: Record<ProjectStatus, string> = {
  'on-track': 'probíhá podle plánu',
  delayed: 'zpožděno',
  completed: 'dokončeno',
  cancelled: 'zrušeno',
  'not-started': 'nezahájeno',
};

export interface SubmissionContent {
  thisPeriod: string;
  nextPeriodPlan: string;
  status: ProjectStatus;
  /** Indicator code → this project's contribution in the period. */
  indicatorContributions: Record<string, number>;
  noteToArr?: string;
}

export interface SubmissionVersion extends SubmissionContent {
  cycleId: string;
  projectId: string;
  /** 1, 2, …: every re-submission adds a version, the latest one counts. */
  version: number;
  /** ISO instant. */
  submittedAt: string;
  /** contactPersonId */
  submittedBy: string;
}

export const TEXT_MAX_LENGTH = 4000;
export const NOTE_MAX_LENGTH = 2000;
export const CONTRIBUTION_MAX = 1_000_000;
/**
 * The highest version a project's history may reach. Versions count up by one from 1, so this is
 * never reached in practice; the bound keeps every version an exact number wherever it travels
 * (JSON, DynamoDB, the sort key).
 */
export const MAX_VERSION = Number.MAX_SAFE_INTEGER;

export const submissionMessages = {
  thisPeriodRequired: 'Popište, co se v tomto období na projektu udělalo.',
  thisPeriodTooLong: `Popis činností v tomto období může mít nejvýše ${TEXT_MAX_LENGTH} znaků.`,
  nextPeriodPlanRequired: 'Popište, co se na projektu plánuje v příštím období.',
  nextPeriodPlanTooLong: `Plán na příští období může mít nejvýše ${TEXT_MAX_LENGTH} znaků.`,
  status: 'Vyberte stav projektu.',
  contribution: 'Zadejte celé číslo od 0 do 1 000 000.',
  contributions: 'Příspěvky k indikátorům musí být zadány jako dvojice kód indikátoru a číslo.',
  noteTooLong: `Poznámka pro ARR může mít nejvýše ${NOTE_MAX_LENGTH} znaků.`,
  form: 'Formulář musí obsahovat pole thisPeriod, nextPeriodPlan a status.',
  unknownIndicator: (code: string) => `Indikátor „${code}“ se u tohoto projektu nevykazuje.`,
  expectedVersionMissing:
    'Chybí verze, ze které formulář vychází. Načtěte stránku znovu a odešlete formulář ještě jednou.',
  expectedVersionInvalid:
    'Verze, ze které formulář vychází, není platná (musí to být číslo uložené verze, nebo 0). Načtěte stránku znovu a odešlete formulář ještě jednou.',
  versionConflict: 'Projekt mezitím upravil někdo jiný. Načtěte stránku znovu, zkontrolujte údaje a odešlete je znovu.',
} as const;

export type ExpectedVersion = { valid: true; version: number } | { valid: false; message: string };

/**
 * Reads `expectedVersion`: the stored version the form was based on (0 when there was none). A
 * form sends it as text, JSON as a number; either way only a whole number below MAX_VERSION is
 * one, so a value beyond 2^53 (which JavaScript cannot hold exactly) never reaches the store.
 */
export function readExpectedVersion(body: unknown): ExpectedVersion {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).expectedVersion : undefined;
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return { valid: false, message: submissionMessages.expectedVersionMissing };
  }
  const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value >= MAX_VERSION) {
    return { valid: false, message: submissionMessages.expectedVersionInvalid };
  }
  return { valid: true, version: value };
}

/** @throws ValidationError when the body carries no usable `expectedVersion`. */
export function parseExpectedVersion(body: unknown): number {
  const read = readExpectedVersion(body);
  if (!read.valid) throw new ValidationError('Formulář obsahuje chyby.', { _form: read.message });
  return read.version;
}

/** Statuses for which there is nothing left to plan. */
const FINISHED_STATUSES: ReadonlySet<ProjectStatus> = new Set(['completed', 'cancelled']);

/** Form fields arrive as strings: a blank one means "not filled", a number may carry spaces (`1 000`). */
function normaliseContribution(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  const compact = value.replace(/[\s\u00a0]/g, '');
  if (compact === '') return undefined;
  return /^\d+$/.test(compact) ? Number(compact) : value;
}

const contributionSchema = builtOnFirstUse(() =>
  z.pipe(
    z.transform(normaliseContribution),
    z.optional(
      z
        .number({ error: submissionMessages.contribution })
        .check(
          z.int({ error: submissionMessages.contribution }),
          z.gte(0, { error: submissionMessages.contribution }),
          z.lte(CONTRIBUTION_MAX, { error: submissionMessages.contribution }),
        ),
    ),
  ),
);

const optionalText = (tooLong: string, max: number) =>
  z.pipe(
    z.transform((value: unknown) => (value === null || value === undefined ? '' : value)),
    z.string({ error: tooLong }).check(z.trim(), z.maxLength(max, { error: tooLong })),
  );

function contributionsSchema(allowedIndicatorCodes: readonly string[]) {
  const allowed = new Set(allowedIndicatorCodes);
  return z.pipe(
    z.transform((value: unknown) => value ?? {}),
    z.pipe(
      z.record(z.string(), z.unknown(), { error: submissionMessages.contributions }),
      z.transform((raw: Record<string, unknown>, ctx) => {
        const contributions: Record<string, number> = {};
        for (const [code, value] of Object.entries(raw)) {
          const parsed = contributionSchema().safeParse(value);
          // `continue` keeps the form-level check below running, so every error is reported at once.
          if (!allowed.has(code)) {
            const message = submissionMessages.unknownIndicator(code);
            ctx.issues.push({ code: 'custom', path: [code], message, input: value, continue: true });
          } else if (!parsed.success) {
            const message = submissionMessages.contribution;
            ctx.issues.push({ code: 'custom', path: [code], message, input: value, continue: true });
          } else if (parsed.data !== undefined) {
            contributions[code] = parsed.data;
          }
        }
        return contributions;
      }),
    ),
  );
}

export function submissionContentSchema(allowedIndicatorCodes: readonly string[]) {
  const fields = z
    .object(
      {
        thisPeriod: z
          .string({ error: submissionMessages.thisPeriodRequired })
          .check(
            z.trim(),
            z.minLength(1, { error: submissionMessages.thisPeriodRequired }),
            z.maxLength(TEXT_MAX_LENGTH, { error: submissionMessages.thisPeriodTooLong }),
          ),
        nextPeriodPlan: optionalText(submissionMessages.nextPeriodPlanTooLong, TEXT_MAX_LENGTH),
        status: z.enum(projectStatuses, { error: submissionMessages.status }),
        indicatorContributions: contributionsSchema(allowedIndicatorCodes),
        noteToArr: optionalText(submissionMessages.noteTooLong, NOTE_MAX_LENGTH),
      },
      { error: submissionMessages.form },
    )
    // A check rather than a refinement: it runs even when other fields failed, so the form shows
    // every error at once. It therefore reads the partly parsed value defensively.
    .check((ctx) => {
      const { status, nextPeriodPlan } = ctx.value as { status?: unknown; nextPeriodPlan?: unknown };
      const statusRequiresPlan =
        projectStatuses.some((known) => known === status) && !FINISHED_STATUSES.has(status as ProjectStatus);
      if (statusRequiresPlan && nextPeriodPlan === '') {
        ctx.issues.push({
          code: 'custom',
          path: ['nextPeriodPlan'],
          message: submissionMessages.nextPeriodPlanRequired,
          input: nextPeriodPlan,
        });
      }
    });
  return z.pipe(
    fields,
    z.transform(
      (content: z.infer<typeof fields>): SubmissionContent => ({
        thisPeriod: content.thisPeriod,
        nextPeriodPlan: content.nextPeriodPlan,
        status: content.status,
        indicatorContributions: content.indicatorContributions,
        ...(content.noteToArr === '' ? {} : { noteToArr: content.noteToArr }),
      }),
    ),
  );
}

/** How many built schemas are kept: one per activity area's set of indicator codes is plenty. */
const SCHEMA_CACHE_LIMIT = 64;
const schemasByCodes = new Map<string, ReturnType<typeof submissionContentSchema>>();

/**
 * The schema for a set of indicator codes, built once: building one cost several times what a
 * parse does, on every post. Schemas hold no state between parses.
 */
function schemaFor(allowedIndicatorCodes: readonly string[]): ReturnType<typeof submissionContentSchema> {
  const key = allowedIndicatorCodes.join('\u0000');
  let schema = schemasByCodes.get(key);
  if (schema === undefined) {
    if (schemasByCodes.size >= SCHEMA_CACHE_LIMIT) schemasByCodes.clear();
    schema = submissionContentSchema(allowedIndicatorCodes);
    schemasByCodes.set(key, schema);
  }
  return schema;
}

export function parseSubmissionContent(input: unknown, allowedIndicatorCodes: readonly string[]): SubmissionContent {
  const result = schemaFor(allowedIndicatorCodes).safeParse(input);
  if (!result.success) throw new ValidationError('Formulář obsahuje chyby.', zodErrorDetails(result.error));
  return result.data;
}

/** A field of a posted body, read as text the way the form shows it. */
function postedText(input: unknown, name: string): string {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function postedContributions(input: unknown): Record<string, string> | null {
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).indicatorContributions : undefined;
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object') return null;
  const contributions: Record<string, string> = {};
  for (const [code, value] of Object.entries(raw)) {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/[\s\u00a0]/g, '') : null;
    if (text === null) return null;
    if (text !== '') contributions[code] = text;
  }
  return contributions;
}

/**
 * True when a posted project says exactly what `stored` says (nothing stored: every field
 * blank). Saving a whole page posts every project; only those the person changed become versions.
 */
export function isUnchangedInput(input: unknown, stored: SubmissionContent | null): boolean {
  const contributions = postedContributions(input);
  if (contributions === null) return false;
  const storedContributions = Object.fromEntries(
    Object.entries(stored?.indicatorContributions ?? {}).map(([code, value]) => [code, String(value)]),
  );
  const sameContributions =
    Object.keys(contributions).length === Object.keys(storedContributions).length &&
    Object.entries(contributions).every(([code, value]) => storedContributions[code] === value);
  return (
    sameContributions &&
    postedText(input, 'thisPeriod') === (stored?.thisPeriod ?? '') &&
    postedText(input, 'nextPeriodPlan') === (stored?.nextPeriodPlan ?? '') &&
    postedText(input, 'status') === (stored?.status ?? '') &&
    postedText(input, 'noteToArr') === (stored?.noteToArr ?? '')
  );
}
