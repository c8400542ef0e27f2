/**
 * What must hold after any sequence of requests, whatever they held: every stored version is one
 * the intake would accept as it is, each project's history runs 1, 2, 3, … without a gap, ARR's
 * chapters are valid, and the indicators folded in one submission at a time equal their full
 * recomputation from the stored versions.
 */
import { isAgencySectionId, parseAgencySection } from '../../domain/agency';
import type { Dependencies } from '../../domain/ports';
import { MAX_VERSION, submissionContentSchema, type SubmissionVersion } from '../../domain/submission';
import { isNormalizedText } from '../../domain/text';
import { getCycleIndicators } from '../../domain/use-cases/arr';
import type { FuzzWorld } from './requests';

export type StoreView = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions' | 'reminders' | 'indicators' | 'reports' | 'agency' | 'editorial'>;

export interface Violations {
  invalidStored: string[];
  versionGaps: string[];
  indicatorMismatches: string[];
  /** How much was checked, for the summary. */
  checked: { versions: number; chapters: number; projects: number };
}

/** Every string anywhere in a value, with its path. */
function texts(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => texts(item, `${path}.${index}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[`${path}.<key>`, key] as [string, string], ...texts(item, `${path}.${key}`)]);
  }
  return [];
}

function versionProblems(version: SubmissionVersion, allowedCodes: readonly string[]): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(version.version) || version.version < 1 || version.version > MAX_VERSION) {
    problems.push(`version ${String(version.version)} is not a version number`);
  }
  const content = {
    thisPeriod: version.thisPeriod,
    nextPeriodPlan: version.nextPeriodPlan,
    status: version.status,
    indicatorContributions: version.indicatorContributions,
    ...(version.noteToArr === undefined ? {} : { noteToArr: version.noteToArr }),
  };
  const reparsed = submissionContentSchema(allowedCodes).safeParse(content);
  if (!reparsed.success) problems.push(`the intake would refuse it: ${reparsed.error.issues.map((issue) => issue.message).join(' ')}`);
  else if (JSON.stringify(reparsed.data) !== JSON.stringify(content)) problems.push('the intake would store it differently');
  for (const [path, value] of texts(content)) {
    if (!isNormalizedText(value)) problems.push(`text at ${path} is not normalized: ${JSON.stringify(value.slice(0, 40))}`);
  }
  return problems;
}

/**
 * Compares what the indicators consumer stored (the totals item and each project's contribution
 * item) with the full recomputation ARR's API answers with.
 */
async function indicatorMismatches(store: StoreView, cycleId: string, latest: Map<string, number>): Promise<string[]> {
  const [totals, contributions] = await Promise.all([store.indicators.getTotals(cycleId), store.indicators.listContributions(cycleId)]);
  const appliedVersions = Object.fromEntries(
    contributions.filter((contribution) => contribution.version > 0).map((contribution) => [contribution.projectId, contribution.version]),
  );
  if (latest.size === 0) return totals === null ? [] : [`indicators stored although no version is: ${JSON.stringify(appliedVersions)}`];
  if (totals === null) return ['no indicators stored although versions are'];
  const mismatches: string[] = contributions.flatMap((contribution) =>
    contribution.pending ? [`${contribution.projectId}: version ${contribution.pending.version} is still pending`] : [],
  );
  const applied = Object.fromEntries(Object.entries(appliedVersions).sort());
  const expected = Object.fromEntries([...latest.entries()].sort());
  if (JSON.stringify(applied) !== JSON.stringify(expected)) {
    mismatches.push(`applied versions ${JSON.stringify(applied)}, newest stored ${JSON.stringify(expected)}`);
  }
  const full = await getCycleIndicators(store, cycleId);
  for (const value of full) {
    const incremental = totals.values.find((candidate) => candidate.code === value.code);
    if (incremental?.periodValue !== value.periodValue || incremental.cumulativeValue !== value.cumulativeValue) {
      mismatches.push(
        `${value.code}: incremental ${incremental?.periodValue}/${incremental?.cumulativeValue}, full ${value.periodValue}/${value.cumulativeValue}`,
      );
    }
  }
  return mismatches;
}

/** Checks the whole store of the fuzzed cycle. Call it when the queues are drained. */
export async function checkInvariants(store: StoreView, world: FuzzWorld): Promise<Violations> {
  const violations: Violations = { invalidStored: [], versionGaps: [], indicatorMismatches: [], checked: { versions: 0, chapters: 0, projects: 0 } };
  const plan = await store.plans.getPlan((await store.cycles.getCycle(world.cycleId))?.planId ?? '');
  const latest = new Map<string, number>();
  for (const project of plan.projects) {
    const versions = await store.submissions.listVersions(world.cycleId, project.id);
    violations.checked.projects += 1;
    violations.checked.versions += versions.length;
    versions.forEach((version, index) => {
      if (version.version !== index + 1) {
        violations.versionGaps.push(`${project.id}: position ${index + 1} holds version ${version.version}`);
      }
      for (const problem of versionProblems(version, Object.hasOwn(world.projects, project.id) ? (world.projects[project.id] as string[]) : [])) {
        violations.invalidStored.push(`${project.id} v${version.version}: ${problem}`);
      }
    });
    const newest = versions.at(-1);
    if (newest) latest.set(project.id, newest.version);
    // Versions of a project that is not the fuzzed person's must never appear.
    if (versions.length > 0 && !Object.hasOwn(world.projects, project.id)) violations.invalidStored.push(`${project.id}: stored for someone else's project`);
  }
  violations.indicatorMismatches.push(...(await indicatorMismatches(store, world.cycleId, latest)));

  const sections = await store.agency.getAgencySections(world.cycleId);
  for (const [sectionId, content] of Object.entries(sections)) {
    violations.checked.chapters += 1;
    if (!isAgencySectionId(sectionId)) {
      violations.invalidStored.push(`chapter ${sectionId} does not exist`);
      continue;
    }
    try {
      const reparsed = parseAgencySection(sectionId, content);
      if (JSON.stringify(reparsed) !== JSON.stringify(content)) violations.invalidStored.push(`chapter ${sectionId} would be stored differently`);
    } catch {
      violations.invalidStored.push(`chapter ${sectionId} would be refused`);
    }
    for (const [path, value] of texts(content)) {
      if (!isNormalizedText(value)) violations.invalidStored.push(`chapter ${sectionId}${path} is not normalized`);
    }
  }
  return violations;
}
