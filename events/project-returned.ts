import * as z from 'zod/mini';
import { defineContract } from './contract';
import { cycleId, entityId } from './fields';

const schema = () =>
  z.object({
    cycleId: cycleId(),
    projectId: entityId(),
    /** The version ARR returned for revision. */
    version: z.number().check(z.int(), z.gte(1)),
    /** One event per contact person of the project, so each email is sent (and deduplicated) on its own. */
    contactPersonId: entityId(),
  });

export type ProjectReturnedV1Data = z.infer<ReturnType<typeof schema>>;

/**
 * ARR returned a project's version to a contact person with a comment (vráceno k doplnění). Carries
 * no comment: the mailer reads it from the store when it sends, like every email's content.
 */
export const projectReturnedV1 = /* @__PURE__ */ defineContract<'project-returned', 1, ProjectReturnedV1Data>({
  type: 'project-returned',
  version: 1,
  schema,
  example: {
    cycleId: '2026-H1',
    projectId: 'edih-neb',
    version: 2,
    contactPersonId: 'k-simonova',
  },
});
