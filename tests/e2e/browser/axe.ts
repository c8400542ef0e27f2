/** Runs axe-core inside a loaded page against WCAG 2.0/2.1 level A and AA. */
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function axeViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
    }),
    WCAG_21_AA,
  );
  return results.violations;
}

/** One line per violation and offending element, readable in a failed assertion. */
export function describeViolations(violations: Result[]): string {
  if (violations.length === 0) return 'no WCAG 2.1 AA violations';
  return violations
    .flatMap((violation) => [
      `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} – ${violation.helpUrl}`,
      ...violation.nodes.map((node) => `  ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    ])
    .join('\n');
}
