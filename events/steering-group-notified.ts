import * as z from 'zod/mini';
import { defineContract } from './contract';
import { count, cycleId, isoInstant } from './fields';

const schema = () =>
  z.object({
    cycleId: cycleId(),
    notifiedAt: isoInstant(),
    recipients: count(),
  });

export type SteeringGroupNotifiedV1Data = z.infer<ReturnType<typeof schema>>;

export const steeringGroupNotifiedV1 = /* @__PURE__ */ defineContract<'steering-group-notified', 1, SteeringGroupNotifiedV1Data>({
  type: 'steering-group-notified',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    notifiedAt: '2026-01-21T08:00:00.000Z',
    recipients: 12,
  },
});
