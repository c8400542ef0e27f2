/**
 * Slip detection on the real 2025 history: the region's two monitoring reports read by the
 * importer, checked against the hand labels in tests/fixtures/slips/labels-2025.json.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../../domain/catalog/liberec';
import { parseMonitoringReport } from '../../../domain/importer/parse-monitoring-report';
import { detectSlips, SLIP_SIMILARITY_THRESHOLD, type SlipFinding } from '../../../domain/slips/detect';
import { matchImportedProjects } from '../../../domain/slips/history';
import { slugify } from '../../../domain/slug';
import { loadHistory } from '../../../domain/use-cases/load-history';
import { detectCycleSlips } from '../../../domain/use-cases/detect-slips';
import {
  bestThreshold,
  evaluate,
  HISTORY_2025_FILES,
  leaveOneOut,
  load2025History,
  load2025Labels,
  sweep,
} from '../../../scripts/slip-evaluation';
import { inMemoryWorld } from '../../support/in-memory-dependencies';

const reasonsOf = (findings: SlipFinding[], projectId: string) =>
  findings.find((finding) => finding.projectId === projectId)?.reasons.map((reason) => reason.code) ?? [];

describe('slip detection on the imported 2025 history', () => {
  let findings: SlipFinding[];
  beforeAll(() => {
    findings = detectSlips(load2025History());
  });

  it('flags labelled slips with their reasons', () => {
    // Assess: a plan repeated word for word, work reported twice, a plan restated with a step added.
    expect(reasonsOf(findings, 'stredni-skola-hospodarska-a-lesnicka-frydlant-snizeni-energeticke-narocnosti-obj')).toEqual([
      'plan-repeated',
      'done-repeated',
    ]);
    expect(reasonsOf(findings, 'centralni-depozitar-sbirkovych-predmetu-depodub')).toEqual(['done-repeated']);
    expect(reasonsOf(findings, 'spst-belgicka-4852-jablonec-nad-nisou')).toEqual(['plan-repeated']);
    expect(reasonsOf(findings, 'stredni-umeleckoprumyslova-skola-sklarska-kamenicky-senov-snizeni-energeticke-na')).toEqual([
      'done-repeated',
    ]);
    // A project renamed between the reports ("Modul sdílení …" → "Modul pro sdílení …") keeps its history.
    expect(reasonsOf(findings, 'modul-pro-sdileni-sluzebnich-vozu')).toEqual(['plan-repeated']);
  });

  it('leaves labelled projects that moved on alone', () => {
    for (const projectId of [
      'gymnazium-ceska-lipa',
      'centrum-odborneho-vzdelavani-lk-stavebnictvi-ss-semily-p-o',
      'karta-pritele-zoo',
      'zzs-lk-vyjezdova-zakladna-v-jablonci-nad-nisou',
      'rozvoj-digitalni-technicke-mapy-libereckeho-kraje-domapovani-dopravni-a-technick',
      'trans-borders-plus',
    ]) {
      expect(reasonsOf(findings, projectId), projectId).toEqual([]);
    }
  });

  it('has the precision and recall the README states, at the threshold with the best F1', () => {
    // Prepare
    const history = load2025History();
    const { period, labels } = load2025Labels();

    // Act
    const result = evaluate(detectSlips(history, { periodId: period }), labels, SLIP_SIMILARITY_THRESHOLD);
    const best = bestThreshold(sweep(history, labels, period));
    const loo = leaveOneOut(history, labels, period);

    // Assess
    expect(labels.length).toBeGreaterThanOrEqual(30);
    expect(best.threshold).toBe(SLIP_SIMILARITY_THRESHOLD);
    expect([result.truePositives.length, result.falsePositives.length, result.falseNegatives.length]).toEqual([15, 6, 7]);
    expect([Math.round(result.precision * 100), Math.round(result.recall * 100)]).toEqual([71, 68]);
    expect([Math.round(loo.precision * 100), Math.round(loo.recall * 100)]).toEqual([71, 68]);
  });

  it('labels only projects of the catalog, each once, with a reason for every slip', () => {
    // Prepare
    const { labels } = load2025Labels();
    const ids = new Set(liberecActionPlan.projects.map((project) => project.id));

    // Assess
    expect(labels.filter((label) => !ids.has(label.projectId))).toEqual([]);
    expect(new Set(labels.map((label) => label.projectId)).size).toBe(labels.length);
    expect(labels.filter((label) => label.slipping !== label.reasons.length > 0)).toEqual([]);
  });
});

describe('matchImportedProjects', () => {
  it('matches renamed projects of the 1st half-year report by area and name, the rest by their own name', () => {
    // Prepare
    const report = parseMonitoringReport(readFileSync(HISTORY_2025_FILES[0], 'utf8'));

    // Act
    const ids = matchImportedProjects(liberecActionPlan, report);
    const renamed = report.projects
      .map((entry, index) => [slugify(entry.name), ids[index]] as const)
      .filter(([slug, id]) => id !== null && slug !== id);

    // Assess
    expect(Object.fromEntries(renamed)).toEqual({
      'vlastivedne-muzeu-a-galerie-v-ceske-lipe-digitalizace-sbirkovych-predmetu':
        'vlastivedne-muzeum-a-galerie-v-ceske-lipe-digitalizace-sbirkovych-predmetu',
      // Named "Oblastní galerie …" in the culture area in 2025-H1, "Galerie Lázně …" there in 2025-H2.
      'oblastni-galerie-liberec-zmena-technologie-osvetleni-expozicne-vystavnich-prosto':
        'galerie-lazne-liberec-zmena-technologie-osvetleni-expozicne-vystavnich-prostor-a',
      'oblastni-galerie-liberec-koncepce-stale-expozice-s-vyuzitim-aktualnich-technolog':
        'galerie-lazne-liberec-koncepce-stale-expozice-s-vyuzitim-aktualnich-technologick',
      'modul-sdileni-sluzebnich-vozu': 'modul-pro-sdileni-sluzebnich-vozu',
      'zs-lk-vyjezdova-zakladna-v-jablonci-nad-nisou': 'zzs-lk-vyjezdova-zakladna-v-jablonci-nad-nisou',
      'oblastni-galerie-liberec-zmena-technologie-osvetleni':
        'oblastni-galerie-liberec-zmena-technologie-osvetleni-expozicne-vystavnich-prosto',
    });
    expect(new Set(ids.filter((id) => id !== null)).size).toBe(ids.filter((id) => id !== null).length);
  });
});

describe('detectCycleSlips on the 2025 history loaded into the store', () => {
  it('finds from stored cycles what it finds from the reports, for projects named alike in both', async () => {
    // Prepare: both reports loaded as the system loads history (exact names only).
    const world = inMemoryWorld(liberecActionPlan);
    for (const file of HISTORY_2025_FILES) {
      await loadHistory(world.deps, liberecActionPlan, parseMonitoringReport(readFileSync(file, 'utf8')));
    }

    // Act
    const stored = await detectCycleSlips(world.deps, '2025-H2');

    // Assess
    expect(reasonsOf(stored, 'stredni-skola-hospodarska-a-lesnicka-frydlant-snizeni-energeticke-narocnosti-obj')).toEqual([
      'plan-repeated',
      'done-repeated',
    ]);
    expect(reasonsOf(stored, 'spst-belgicka-4852-jablonec-nad-nisou')).toEqual(['plan-repeated']);
    expect(reasonsOf(stored, 'gymnazium-ceska-lipa')).toEqual([]);
    expect(stored.every((finding) => finding.reasons.every((reason) => !reason.code.startsWith('status-')))).toBe(true);
  });

  it('refuses a cycle that does not exist', async () => {
    const world = inMemoryWorld(liberecActionPlan);
    await expect(detectCycleSlips(world.deps, '2030-H1')).rejects.toThrow('Cyklus 2030-H1 neexistuje.');
  });
});
