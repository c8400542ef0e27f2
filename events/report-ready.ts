import * as z from 'zod/mini';
import { defineContract } from './contract';
import { cycleId, isoInstant } from './fields';

const schema = () =>
  z.object({
    cycleId: cycleId(),
    assembledAt: isoInstant(),
  });

export type ReportReadyV1Data = z.infer<ReturnType<typeof schema>>;

/** The monitoring report of the cycle is assembled (HTML, Markdown, DOCX) and can be sent. */
export const reportReadyV1 = /* @__PURE__ */ defineContract<'report-ready', 1, ReportReadyV1Data>({
  type: 'report-ready',
  version: 1,
  schema,
  example: {
    cycleId: '2025-H2',
    assembledAt: '2026-01-20T09:31:12.000Z',
  },
});
