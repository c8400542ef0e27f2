import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The text of one of the region's past monitoring reports kept in `data/history/` (`2025-H1`, `2025-H2`). */
export function pastReportText(period: string): Promise<string> {
  return readFile(join(process.cwd(), 'data', 'history', `monitoring-${period}.md`), 'utf8');
}
