import * as z from 'zod/mini';
import { defineContract } from './contract';
import { count, cycleId, isoDate, isoInstant } from './fields';

/** `2025-H2` ↔ `02/2025`: the half-year as the reports write it. */
function periodOfCycle(id: string): string {
  const [year, half] = id.split('-H');
  return `0${half}/${year}`;
}

const schema = () =>
  z
    .object({
      cycleId: cycleId(),
      period: z.string().check(z.regex(/^0[12]\/\d{4}$/, 'Expected a half-year period like "02/2025"')),
      deadline: isoInstant(),
      meetingDate: isoDate(),
      requestCount: count(),
      contactCount: count(),
    })
    .check(
      z.refine((data) => data.period === periodOfCycle(data.cycleId), {
        path: ['period'],
        message: 'Period does not match the half-year of the cycle id',
      }),
    );

export type CycleOpenedV1Data = z.infer<ReturnType<typeof schema>>;

/** ARR opened a half-year cycle: report requests exist and invitations are about to go out. */
export const cycleOpenedV1 = /* @__PURE__ */ defineContract<'cycle-opened', 1, CycleOpenedV1Data>({
  type: 'cycle-opened',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    period: '02/2025',
    deadline: '2026-01-15T22:59:59.000Z',
    meetingDate: '2026-02-10',
    requestCount: 41,
    contactCount: 23,
  },
});
