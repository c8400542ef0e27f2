import * as z from 'zod/mini';
import { defineContract } from './contract';
import { cycleId, entityId } from './fields';

const schema = () =>
  z.object({
    cycleId: cycleId(),
    contactPersonId: entityId(),
    /**
     * Set when projects were added to the cycle, already open, for a person invited before: the
     * email then tells them of just these. Absent, the person is invited to all their projects.
     */
    addedProjectIds: z.optional(z.array(entityId()).check(z.minLength(1), z.maxLength(1000))),
    /**
     * Set when ARR revoked the person's links and sends a new one: the email says that the earlier
     * links no longer work, instead of announcing the collection again.
     */
    replacesRevokedLinks: z.optional(z.literal(true)),
  });

export type InvitationRequestedV1Data = z.infer<ReturnType<typeof schema>>;

/**
 * One contact person is to be invited to report on all of their projects, or told of projects added
 * to their part of an open cycle. Deliberately carries no content: the mailer renders it at send
 * time, so counts like "days left" are current.
 */
export const invitationRequestedV1 = /* @__PURE__ */ defineContract<'invitation-requested', 1, InvitationRequestedV1Data>({
  type: 'invitation-requested',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    contactPersonId: 'k-simonova',
  },
});
