import * as z from 'zod/mini';
import { defineContract } from './contract';
import { cycleId, entityId } from './fields';

const schema = () =>
  z.object({
    cycleId: cycleId(),
    projectId: entityId(),
    /** A contact person may resubmit before the deadline; each submission gets the next version. */
    version: z.number().check(z.int(), z.gte(1)),
    contactPersonId: entityId(),
  });

export type SubmissionReceivedV1Data = z.infer<ReturnType<typeof schema>>;

export const submissionReceivedV1 = /* @__PURE__ */ defineContract<'submission-received', 1, SubmissionReceivedV1Data>({
  type: 'submission-received',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    projectId: 'edih-neb',
    version: 1,
    contactPersonId: 'k-simonova',
  },
});
