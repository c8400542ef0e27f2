import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../infra/function-defaults';
import { functionBuildOptions } from '../../../infra/function-bundle';
import { decodeStackTrace } from '../../../scripts/decode-stack';

describe('decodeStackTrace', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'decode-stack-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('turns the frames of a bundle built like a function back into source lines', async () => {
    // Prepare: a module built with the functions' options, which throws on line 4 of its source.
    const source = join(dir, 'failing.ts');
    await writeFile(source, ['export function handler(): never {', '  const reason = "boom";', '  // the throw is on line 4', '  throw new Error(reason);', '}', ''].join('\n'));
    await build({ ...functionBuildOptions(source, join(dir, 'bundle')), absWorkingDir: PROJECT_ROOT, logLevel: 'silent' });
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `try { (await import(${JSON.stringify(join(dir, 'bundle', 'index.mjs'))})).handler(); } catch (error) { process.stdout.write(error.stack); }`]);
    // As Lambda logs it: the bundle lives in /var/task.
    const logged = run.stdout.toString().replaceAll(`file://${join(dir, 'bundle')}/`, '/var/task/').replaceAll(`${join(dir, 'bundle')}/`, '/var/task/');
    expect(logged).toMatch(/\/var\/task\/index\.mjs:\d+:\d+/);

    // Act
    const decoded = decodeStackTrace(logged, join(dir, 'bundle'));

    // Assess
    expect(decoded).toMatch(/failing\.ts:4:\d+/);
    expect(decoded).not.toContain('/var/task/index.mjs');
  });

  it('leaves frames it has no map for as they are', () => {
    const trace = 'Error: x\n    at f (/var/task/chunks/gone.mjs:1:20)\n    at node:internal/process/task_queues:95:5';
    expect(decodeStackTrace(trace, tmpdir())).toBe(trace);
  });
});
