/**
 * Reads a contact person's page the way a person scans it: one section per project, with its
 * name, the plan carried over from last period and what the form holds now.
 */

export interface PageProject {
  projectId: string;
  name: string;
  previousPlan: string;
  /** The heading above it: `Plán z 2. pololetí 2025`, or `Plán z minulého období` when there is none. */
  previousPlanHeading: string;
  /** The version the form is based on (hidden field, `<projectId>.expectedVersion`); absent when the page is read-only. */
  expectedVersion: number | null;
  thisPeriod: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function unescapeHtml(value: string): string {
  return value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

function capture(section: string, pattern: RegExp): string | null {
  const value = pattern.exec(section)?.[1];
  return value === undefined ? null : unescapeHtml(value);
}

export function parsePersonalPage(html: string): PageProject[] {
  return html
    .split('<section class="panel project"')
    .slice(1)
    .map((section) => {
      const projectId = capture(section, /^\s*id="projekt-([A-Za-z0-9-]+)"/);
      const name = capture(section, /<h2[^>]*>([^<]*)<\/h2>/);
      const previousPlan = capture(section, /<dt>Plán z [^<]*<\/dt><dd>([^<]*)<\/dd>/);
      const previousPlanHeading = capture(section, /<dt>(Plán z [^<]*)<\/dt>/) ?? '';
      if (projectId === null || name === null || previousPlan === null) {
        throw new Error(`A project section of the page could not be read: ${section.slice(0, 200)}`);
      }
      const expectedVersion = capture(section, /<input type="hidden" name="[^"]*\.expectedVersion" value="(\d+)"\/?>/);
      // The template puts a newline after the start tag, which the HTML parser drops.
      const thisPeriod = capture(section, /<textarea[^>]*name="[^"]*\.thisPeriod"[^>]*>\n?([^<]*)<\/textarea>/) ?? '';
      return {
        projectId,
        name,
        previousPlan,
        previousPlanHeading,
        expectedVersion: expectedVersion === null ? null : Number(expectedVersion),
        thisPeriod,
      };
    });
}
