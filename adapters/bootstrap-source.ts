import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
// The file itself, not `liberecActionPlan`: bootstrapDeployment checks it with the plan schema
// anyway, and the parsed constant would build that schema and parse the plan at every cold start.
import liberecPlanFile from '../domain/catalog/liberec-2024-2026.json' with { type: 'json' };
import type { BootstrapSource } from '../domain/use-cases/bootstrap';

/**
 * The default plan (bundled with the code) and every past report in `historyDir` (`*.md`, in
 * name order): `data/history/` of the repository locally, the copy bundled beside the function
 * on AWS. `null` loads no history.
 */
export async function readBootstrapSource(historyDir: string | null): Promise<BootstrapSource> {
  if (historyDir === null) return { plan: liberecPlanFile as unknown, history: [] };
  const names = (await readdir(historyDir)).filter((name) => name.endsWith('.md')).sort();
  const history = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(historyDir, name), 'utf8') })));
  return { plan: liberecPlanFile as unknown, history };
}
