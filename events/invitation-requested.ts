import * as z from 'zod/mini';
import { defineContract } from './contract';
import { cycleId, entityId } from './fields';

const schema = () =>
  z.object({
    cycleId: cycleId(),
    contactPersonId: entityId(),
  });

export type InvitationRequestedV1Data = z.infer<ReturnType<typeof schema>>;

/**
 * One contact person is to be invited to report on all of their projects. Deliberately carries no
 * content: the mailer renders it at send time, so counts like "days left" are current.
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
