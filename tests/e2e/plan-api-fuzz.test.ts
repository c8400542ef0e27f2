/**
 * The plan's JSON API under generated input, over the local stack and dynalite's real
 * marshalling: the exported plan is imported again (`PUT /plan`) with one of its values replaced,
 * raw JSON number literals included (2^53 + 1, 1e400, 1e-400, -0), which `JSON.stringify` cannot
 * write. Whatever the schema lets through must be storable: no answer may be a 5xx, and the plan
 * must still take a change afterwards (a value the store refused once blocked every later change).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovableClock } from '../../local/composition';
import { startLocalSystem, type LocalSystem } from '../../local/system';

/** Stands for a raw literal in the JSON text until it is put in place. */
const RAW_MARK = 'raw-literal-goes-here';
const RAW_LITERALS = ['9007199254740993', '1e400', '-1e400', '1e-400', '-0', '12345678901234567890123', '0.00000000000000000001'];

let dataDir: string;
let system: LocalSystem;

async function arrApi(method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${system.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${system.arrKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, text: await response.text() };
}

/** Every place in a JSON value, as paths of keys and indexes (the root is the empty path). */
function placesOf(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [path];
  return [path, ...Object.entries(value).flatMap(([key, inner]) => placesOf(inner, [...path, Array.isArray(value) ? Number(key) : key]))];
}

function withValueAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plan-api-fuzz-'));
  system = await startLocalSystem({ dataDir, clock: new MovableClock(new Date('2026-06-01T06:00:00Z'), { frozen: true }), background: false });
  const opened = await arrApi('POST', '/cycles', JSON.stringify({ period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' }));
  if (opened.status !== 201) throw new Error(`Opening failed: HTTP ${opened.status} ${opened.text}`);
  await system.drainQueues();
}, 120_000);

afterAll(async () => {
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the plan API under generated values', () => {
  it('answers an import with any one value replaced with a stored plan or a refusal, never a 5xx, and the plan still takes a change', async () => {
    // Prepare
    const exported = await arrApi('GET', '/plan');
    const plan = JSON.parse(exported.text) as unknown;
    const places = placesOf(plan);
    // Numbers are where the schema and the store disagreed once; half the cases replace one.
    const numbers = places.filter((path) => typeof path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], plan) === 'number');
    const place = fc.oneof(fc.constantFrom(...places), fc.constantFrom(...numbers));
    const failures: string[] = [];
    const replacement = fc.oneof(
      fc.constantFrom(...RAW_LITERALS).map((literal) => ({ raw: literal })),
      fc.jsonValue({ maxDepth: 2 }).map((value) => ({ value })),
      fc.constantFrom('', 'x'.repeat(5000), null, [], {}, true, -1, 0, 1.5, 2 ** 53, 'ž\u202e😀').map((value) => ({ value })),
    );

    // Act
    await fc.assert(
      fc.asyncProperty(place, replacement, async (path, replaced) => {
        const edited = withValueAt(plan, path, 'raw' in replaced ? RAW_MARK : replaced.value);
        const text = 'raw' in replaced ? JSON.stringify(edited).replace(JSON.stringify(RAW_MARK), replaced.raw) : JSON.stringify(edited);
        const answer = await arrApi('PUT', '/plan?confirm=true', text);
        if (answer.status >= 500) failures.push(`${answer.status} at ${path.join('.')} = ${'raw' in replaced ? replaced.raw : JSON.stringify(replaced.value).slice(0, 80)}: ${answer.text.slice(0, 200)}`);
        // Collected, not failed: shrinking would import again and again into a plan each import changes.
      }),
      { numRuns: 300 },
    );
    const current = JSON.parse((await arrApi('GET', '/plan')).text) as { indicators: Array<{ code: string; baseline: { value: number } }> };
    const indicator = current.indicators[0]!;
    const changed = await arrApi('PATCH', `/plan/indicators/${indicator.code}`, JSON.stringify({ baseline: { ...indicator.baseline, value: indicator.baseline.value === 1 ? 2 : 1 } }));

    // Assess
    expect(exported.status).toBe(200);
    expect(numbers.length).toBeGreaterThan(10);
    expect(failures).toEqual([]);
    expect(changed.status).toBe(200);
  }, 300_000);
});
