import * as z from 'zod/mini';
import { defineContract } from './contract';
import { cycleId } from './fields';

const schema = () =>
  z.object({
    cycleId: cycleId(),
    /** `complete`: every request has a submission; `closed`: the cycle was closed with gaps. */
    reason: z.enum(['complete', 'closed']),
  });

export type ReportRequestedV1Data = z.infer<ReturnType<typeof schema>>;

export const reportRequestedV1 = /* @__PURE__ */ defineContract<'report-requested', 1, ReportRequestedV1Data>({
  type: 'report-requested',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    reason: 'closed',
  },
});
