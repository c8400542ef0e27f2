import * as z from 'zod/mini';
import type { EventContract } from './contract';
import { cycleId } from './fields';

const schema = z.object({
  cycleId,
  /** `complete`: every request has a submission; `closed`: the cycle was closed with gaps. */
  reason: z.enum(['complete', 'closed']),
});

export type ReportRequestedV1Data = z.infer<typeof schema>;

export const reportRequestedV1: EventContract<'report-requested', 1, ReportRequestedV1Data> = {
  type: 'report-requested',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    reason: 'closed',
  },
};
