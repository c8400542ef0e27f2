/**
 * The action plan 2024–2026 of the concept "Chytřejší Liberecký kraj", taken from the region's
 * annual report for 2025 and its two half-year monitoring reports (seed document). It is data,
 * not code: `liberec-2024-2026.json` next to this file, checked by the plan schema when loaded.
 * It is the default plan a new deployment starts with (see domain/use-cases/bootstrap.ts); from
 * then on ARR owns the plan in the table and edits it through the API.
 *
 * The file lives in the domain (not under data/) because it is the domain's reference plan:
 * esbuild bundles it into the functions that need it with no copy step, and the tests and the
 * demo read the very same file.
 *
 * Source notes:
 * - Contact person emails are placeholders on example.org: the reports name people but give no
 *   addresses. Each email is derived from the person who actually reports (the name in brackets).
 * - Contact person organisations are inferred from the projects they report on; the reports do
 *   not state them.
 * - Guarantor departments come from the "Garant: …" lines of the annual report; their emails are
 *   placeholders too.
 * - Projects, goals, placements and contacts follow the monitoring report for H2 2025, names
 *   verbatim (markdown emphasis stripped).
 * - The H2 report writes "M. Körtelová" once and "M. Körteltová" once for the same museum
 *   project family (H1 writes "Körteltová" and "Körteřtová"); they are one person, so both
 *   projects point to "M. Körteltová".
 * - The energy area's description corrects the report's typo "vegetačních střešů" to "střech".
 * - Trans-Borders Plus, outside the plan in the annual report, has its own entry in the H2 report.
 * - EDIH NEB is mentioned in the H2 report only as prose without a project entry, so it is not a
 *   project here.
 */
import { parseActionPlan } from '../plan-schema';
import liberecPlanFile from './liberec-2024-2026.json' with { type: 'json' };

/** The Liberec plan as shipped; a broken file fails at load, not in the middle of a cycle. */
export const liberecActionPlan = parseActionPlan(liberecPlanFile);

