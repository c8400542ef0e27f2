/** ARR's API: a past monitoring report (Markdown or text) becomes history that pre-fills later cycles. */
import { importPastReport } from '../../../domain/use-cases/load-history';
import type { ArrApiRoute } from '../../arr-api';
import { parseBody } from '../../http/body';
import { json } from '../../http/responses';

export const routes: Record<string, ArrApiRoute> = {
  'POST /history': async (event, deps) => json(201, await importPastReport(deps, parseBody(event))),
};
