/**
 * The plan's JSON API under generated input, over the local stack and dynalite's real
 * marshalling: the exported plan is imported again (`PUT /plan`) with one of its values replaced,
 * raw JSON number literals included (2^53 + 1, 1e400, 1e-400, -0), which `JSON.stringify` cannot
 * write. Whatever the schema lets through must be storable: no answer may be a 5xx, and the plan
 * must still take a change afterwards (a value the store refused once blocked every later change).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionPlan } from '../../domain/plan';
import { startStack, type E2eStack } from './support/stack';

/** Stands for a raw literal in the JSON text until it is put in place. */
const RAW_MARK = 'raw-literal-goes-here';
const RAW_LITERALS = ['9007199254740993', '1e400', '-1e400', '1e-400', '-0', '12345678901234567890123', '0.00000000000000000001'];

type Path = Array<string | number>;

let stack: E2eStack;

/** Every place in a JSON value, as paths of keys and indexes (the root is the empty path). */
function placesOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [path];
  return [path, ...Object.entries(value).flatMap(([key, inner]) => placesOf(inner, [...path, Array.isArray(value) ? Number(key) : key]))];
}

const valueAt = (root: unknown, path: Path): unknown => path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], root);

function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  (valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!] = value;
  return copy;
}

beforeAll(async () => {
  stack = await startStack();
  const opened = await stack.arr.openCycle({ period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' });
  if (opened.status !== 201) throw new Error(`Opening failed: HTTP ${opened.status} ${JSON.stringify(opened.body)}`);
  await stack.system.drainQueues();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the plan API under generated values', () => {
  it('answers an import with any one value replaced with a stored plan or a refusal, never a 5xx, and the plan still takes a change', async () => {
    // Prepare
    const exported = await stack.arr.request<ActionPlan>('GET', '/plan');
    const plan = exported.body;
    const places = placesOf(plan);
    // Numbers are where the schema and the store disagreed once; half the cases replace one.
    const numbers = places.filter((path) => typeof valueAt(plan, path) === 'number');
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
        const answer = await stack.arr.send('PUT', '/plan?confirm=true', text);
        if (answer.status >= 500) failures.push(`${answer.status} at ${path.join('.')} = ${'raw' in replaced ? replaced.raw : JSON.stringify(replaced.value).slice(0, 80)}: ${JSON.stringify(answer.body).slice(0, 200)}`);
        // Collected, not failed: shrinking would import again and again into a plan each import changes.
      }),
      { numRuns: 300 },
    );
    const indicator = (await stack.arr.request<ActionPlan>('GET', '/plan')).body.indicators[0]!;
    const changed = await stack.arr.request('PATCH', `/plan/indicators/${indicator.code}`, { baseline: { ...indicator.baseline, value: indicator.baseline.value === 1 ? 2 : 1 } });

    // Assess
    expect(exported.status).toBe(200);
    expect(numbers.length).toBeGreaterThan(10);
    expect(failures).toEqual([]);
    expect(changed.status).toBe(200);
  }, 300_000);
});
