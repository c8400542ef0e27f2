import * as z from 'zod/mini';
import { defineContract } from './contract';
import { cycleId, entityId } from './fields';

const schema = () =>
  z.object({
    cycleId: cycleId(),
    /** Which step of the reminder plan fired, e.g. `before-7d`, `overdue`, `escalation`. */
    stage: z.string().check(z.maxLength(100), z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Expected a kebab-case stage like "before-7d"')),
    audience: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('contact'), contactPersonId: entityId() }),
      // Escalation goes to the guarantor of the activity area whose contacts are late.
      z.object({ kind: z.literal('guarantor'), activityAreaId: entityId() }),
    ]),
  });

export type ReminderDueV1Data = z.infer<ReturnType<typeof schema>>;

export const reminderDueV1 = /* @__PURE__ */ defineContract<'reminder-due', 1, ReminderDueV1Data>({
  type: 'reminder-due',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    stage: 'before-7d',
    audience: { kind: 'contact', contactPersonId: 'k-simonova' },
  },
});
