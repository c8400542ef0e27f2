import * as z from 'zod/mini';
import type { EventContract } from './contract';
import { count, cycleId, isoInstant } from './fields';

const schema = z.object({
  cycleId,
  notifiedAt: isoInstant,
  recipients: count,
});

export type SteeringGroupNotifiedV1Data = z.infer<typeof schema>;

export const steeringGroupNotifiedV1: EventContract<'steering-group-notified', 1, SteeringGroupNotifiedV1Data> = {
  type: 'steering-group-notified',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    notifiedAt: '2026-01-21T08:00:00.000Z',
    recipients: 12,
  },
};
