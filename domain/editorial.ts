/**
 * ARR's editorial loop on a project's report: returning the newest version to the contact person
 * with a comment, and ARR's own version of the texts that the report prints instead of theirs.
 */
import { builtOnFirstUse } from './lazy';
import * as z from 'zod/mini';
import { ValidationError } from './errors';
import type { RequestRecord } from './records';
import { MAX_VERSION, TEXT_MAX_LENGTH, type SubmissionContent, type SubmissionVersion } from './submission';
import { zodErrorDetails } from './time';

export const RETURN_COMMENT_MAX_LENGTH = 5000;

/** One return of one version (vráceno k doplnění); a version is returned at most once. */
export interface ReturnRecord {
  cycleId: string;
  projectId: string;
  /** The person's version that was returned. */
  version: number;
  comment: string;
  returnedAt: string;
  /** Who at ARR returned it (the signed-in identity). */
  returnedBy: string;
}

/** ARR's version of a project's texts for the report; the person's versions stay as they were. */
export interface EditorialVersion {
  cycleId: string;
  projectId: string;
  thisPeriod: string;
  nextPeriodPlan: string;
  /** The person's version ARR edited (0 when the person had sent none). */
  basedOnVersion: number;
  editedAt: string;
  editedBy: string;
}

export const PROJECT_RETURNED_LABEL = 'vráceno k doplnění';
export const CHANGED_SINCE_EDIT_LABEL = 'změněno po úpravě ARR';

export const editorialMessages = {
  commentRequired: 'Napište komentář: co má kontaktní osoba doplnit nebo opravit.',
  commentTooLong: 'Komentář může mít nejvýše 5 000 znaků.',
  versionMissing: 'Uveďte číslo verze, ke které se úprava vztahuje (nejnovější uložená verze, 0 když žádná není).',
  thisPeriodRequired: 'Vyplňte, co se v projektu v období udělalo (text do zprávy).',
  thisPeriodTooLong: `Text o tom, co se udělalo, může mít nejvýše ${TEXT_MAX_LENGTH} znaků.`,
  nextPeriodPlanTooLong: `Plán na příští období může mít nejvýše ${TEXT_MAX_LENGTH} znaků.`,
  body: 'Tělo požadavku musí být objekt JSON.',
  neverSubmitted: 'Projekt zatím nikdo neodeslal, není co vrátit k doplnění.',
  nothingToEdit: 'Projekt zatím nikdo neodeslal, do zprávy zatím není co upravit.',
  notLatest: (latest: number) =>
    `Vracet lze jen nejnovější verzi; nejnovější uložená verze je ${latest}. Načtěte projekt znovu a rozhodněte se podle ní.`,
  alreadyReturned: 'Tato verze už byla vrácena k doplnění; čeká se na novou verzi od kontaktní osoby.',
  editNotLatest: (latest: number) =>
    `Úprava musí vycházet z nejnovější verze kontaktní osoby; nejnovější uložená verze je ${latest}. Načtěte projekt znovu.`,
} as const;

/** A whole number from 0 below MAX_VERSION, as JSON sends it. */
const versionSchema = builtOnFirstUse(() =>
  z
    .number({ error: editorialMessages.versionMissing })
    .check(
      z.int({ error: editorialMessages.versionMissing }),
      z.gte(0, { error: editorialMessages.versionMissing }),
      z.lte(MAX_VERSION - 1, { error: editorialMessages.versionMissing }),
    ),
);

const returnRequestSchema = builtOnFirstUse(() =>
  z.object(
    {
      version: versionSchema(),
      comment: z
        .string({ error: editorialMessages.commentRequired })
        .check(
          z.trim(),
          z.minLength(1, { error: editorialMessages.commentRequired }),
          z.maxLength(RETURN_COMMENT_MAX_LENGTH, { error: editorialMessages.commentTooLong }),
        ),
    },
    { error: editorialMessages.body },
  ),
);

export type ReturnRequest = z.infer<ReturnType<typeof returnRequestSchema>>;

/** @throws ValidationError with Czech messages per field. */
export function parseReturnRequest(body: unknown): ReturnRequest {
  const result = returnRequestSchema().safeParse(body);
  if (!result.success) throw new ValidationError('Žádost o vrácení k doplnění obsahuje chyby.', zodErrorDetails(result.error));
  return result.data;
}

const editorialRequestSchema = builtOnFirstUse(() =>
  z.object(
    {
      version: versionSchema(),
      thisPeriod: z
        .string({ error: editorialMessages.thisPeriodRequired })
        .check(
          z.trim(),
          z.minLength(1, { error: editorialMessages.thisPeriodRequired }),
          z.maxLength(TEXT_MAX_LENGTH, { error: editorialMessages.thisPeriodTooLong }),
        ),
      nextPeriodPlan: z.pipe(
        z.transform((value: unknown) => value ?? ''),
        z
          .string({ error: editorialMessages.nextPeriodPlanTooLong })
          .check(z.trim(), z.maxLength(TEXT_MAX_LENGTH, { error: editorialMessages.nextPeriodPlanTooLong })),
      ),
    },
    { error: editorialMessages.body },
  ),
);

export type EditorialRequest = z.infer<ReturnType<typeof editorialRequestSchema>>;

/** @throws ValidationError with Czech messages per field. */
export function parseEditorialRequest(body: unknown): EditorialRequest {
  const result = editorialRequestSchema().safeParse(body);
  if (!result.success) throw new ValidationError('Úprava textů do zprávy obsahuje chyby.', zodErrorDetails(result.error));
  return result.data;
}

/**
 * The return that still stands among one project's returns: the newest version returned is the
 * newest one stored. A new version from the person answers it (the return stays in the history).
 */
export function standingReturn(projectReturns: readonly ReturnRecord[], latestVersion: number): ReturnRecord | null {
  const newest = projectReturns.reduce<ReturnRecord | null>(
    (best, record) => (best === null || best.version < record.version ? record : best),
    null,
  );
  return newest !== null && newest.version >= latestVersion ? newest : null;
}

/**
 * The standing return of every answered request, judged against the newest version the request
 * has counted. That count follows a new version within moments (the indicator consumer sets it),
 * so a resubmitted project may show as returned for that long, never the other way round.
 */
export function standingReturns(requests: readonly RequestRecord[], returns: readonly ReturnRecord[]): Map<string, ReturnRecord> {
  const byProject = new Map<string, ReturnRecord[]>();
  for (const record of returns) byProject.set(record.projectId, [...(byProject.get(record.projectId) ?? []), record]);
  const standing = new Map<string, ReturnRecord>();
  for (const request of requests) {
    if (request.firstSubmittedAt === undefined) continue;
    const found = standingReturn(byProject.get(request.projectId) ?? [], request.latestVersion ?? 0);
    if (found !== null) standing.set(request.projectId, found);
  }
  return standing;
}

/** A request still awaited, and when it was last asked for (absent: when the cycle opened). */
export interface AwaitedRequest {
  projectId: string;
  askedAt?: string;
}

/**
 * Requests still awaited: never answered, or answered with a version ARR returned. A standing
 * return asked for the project again when it was made, and so did ARR making someone a contact
 * person of the project: the latest of these counts.
 */
export function awaitedRequests(requests: readonly RequestRecord[], returns: readonly ReturnRecord[]): AwaitedRequest[] {
  const standing = standingReturns(requests, returns);
  return requests.flatMap((request): AwaitedRequest[] => {
    const returned = standing.get(request.projectId);
    if (!returned && request.firstSubmittedAt) return [];
    const askedAt = [returned?.returnedAt ?? request.askedAt, ...Object.values(request.contactsAddedAt ?? {})]
      .filter((at): at is string => at !== undefined)
      .sort((a, b) => Date.parse(a) - Date.parse(b))
      .at(-1);
    return [askedAt === undefined ? { projectId: request.projectId } : { projectId: request.projectId, askedAt }];
  });
}

/** Requests still awaited: never answered, or answered with a version ARR returned. */
export function pendingProjectIds(requests: readonly RequestRecord[], returns: readonly ReturnRecord[]): Set<string> {
  return new Set(awaitedRequests(requests, returns).map((request) => request.projectId));
}

/** The person sent a version after ARR's edit, so ARR's text may be missing what they added. */
export function changedSinceEditorial(editorial: EditorialVersion | null, latestVersion: number): boolean {
  return editorial !== null && latestVersion > editorial.basedOnVersion;
}

/** A version as the report prints it: ARR's texts when ARR edited them, else the person's. */
export function withEditorialTexts<V extends Pick<SubmissionContent, 'thisPeriod' | 'nextPeriodPlan'>>(
  version: V,
  editorial: EditorialVersion | undefined,
): V {
  return editorial ? { ...version, thisPeriod: editorial.thisPeriod, nextPeriodPlan: editorial.nextPeriodPlan } : version;
}

/** The latest versions of a cycle with ARR's texts put in, for the report. */
export function reportVersions(latest: SubmissionVersion[], editorials: EditorialVersion[]): SubmissionVersion[] {
  const byProject = new Map(editorials.map((editorial) => [editorial.projectId, editorial]));
  return latest.map((version) => withEditorialTexts(version, byProject.get(version.projectId)));
}
