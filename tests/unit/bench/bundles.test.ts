import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routeGroupChunks } from '../../../bench/bundles';

const output = (entryPoint?: string): Metafile['outputs'][string] => ({ bytes: 1, inputs: {}, imports: [], exports: [], ...(entryPoint ? { entryPoint } : {}) });

describe('the benchmark’s route groups', () => {
  it('takes as a route group only a chunk whose module is under the function’s own routes/', () => {
    // Arrange
    const metafile: Metafile = {
      inputs: {},
      outputs: {
        'out/console/index.mjs': output('functions/console.ts'),
        'out/console/chunks/plan-A.mjs': output('functions/console/routes/plan.ts'),
        'out/console/chunks/cycles-B.mjs': output('functions/console/routes/cycles.ts'),
        'out/console/chunks/plan-A.mjs.map': output(),
        'out/console/chunks/docx-C.mjs': output('documents/monitoring/docx.ts'),
        'out/console/chunks/sts-D.mjs': output('node_modules/@aws-sdk/nested-clients/dist-es/submodules/sts/index.js'),
        'out/console/chunks/chunk-E.mjs': output(),
        'out/console/chunks/reports-F.mjs': output('functions/arr-api/routes/reports.ts'),
      },
    };

    // Act
    const groups = routeGroupChunks(metafile, 'console');

    // Assess
    expect(groups).toEqual([
      { group: 'functions/console/routes/cycles.ts', output: 'out/console/chunks/cycles-B.mjs' },
      { group: 'functions/console/routes/plan.ts', output: 'out/console/chunks/plan-A.mjs' },
    ]);
  });
});
