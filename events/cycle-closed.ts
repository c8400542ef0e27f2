import * as z from 'zod/mini';
import { defineContract } from './contract';
import { cycleId, isoInstant } from './fields';

const schema = () =>
  z.object({
    cycleId: cycleId(),
    closedAt: isoInstant(),
    /** `manual`: ARR closed it; `deadline`: the deadline passed. */
    reason: z.enum(['manual', 'deadline']),
  });

export type CycleClosedV1Data = z.infer<ReturnType<typeof schema>>;

export const cycleClosedV1 = /* @__PURE__ */ defineContract<'cycle-closed', 1, CycleClosedV1Data>({
  type: 'cycle-closed',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    closedAt: '2026-01-20T09:30:00.000Z',
    reason: 'manual',
  },
});
