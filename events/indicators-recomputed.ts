import * as z from 'zod/mini';
import { defineContract } from './contract';
import { count, cycleId } from './fields';

const schema = () =>
  z
    .object({
      cycleId: cycleId(),
      /** Submission versions whose indicator contributions went into the values. */
      appliedVersions: count(),
      /** Report requests with at least one submission, out of `requests`. */
      submitted: count(),
      requests: count(),
    })
    .check(
      z.refine((data) => data.submitted <= data.requests, {
        path: ['submitted'],
        message: 'More submitted requests than requests',
      }),
    );

export type IndicatorsRecomputedV1Data = z.infer<ReturnType<typeof schema>>;

export const indicatorsRecomputedV1 = /* @__PURE__ */ defineContract<'indicators-recomputed', 1, IndicatorsRecomputedV1Data>({
  type: 'indicators-recomputed',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    appliedVersions: 38,
    submitted: 35,
    requests: 41,
  },
});
