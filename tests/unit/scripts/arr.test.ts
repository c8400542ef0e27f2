import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../infra/function-defaults';

/** Runs `npm run arr -- <args>` with a reader that closes its end of stdout before anything is written. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((settle, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'scripts/arr.ts'), ...args], { cwd: PROJECT_ROOT });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => settle({ code, stderr }));
  });
}

describe('npm run arr', () => {
  it('ends quietly when the reader of its output stops early, as `| head` does', async () => {
    // Act
    const run = await runWithClosedStdout(['--help']);

    // Assess
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 30_000);
});
