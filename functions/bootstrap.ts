/**
 * The deploy's bootstrap: a CloudFormation custom resource (CDK Provider framework) calls this
 * function on every create and update of the stack. It seeds the default plan into an empty
 * table and loads the past reports bundled beside it; it never overwrites a plan ARR edited.
 * Deleting the stack deletes nothing: the data outlives the functions. The local runtime calls
 * the same handler on every start, with the repository's `data/history/`.
 */
import { fileURLToPath } from 'node:url';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { readBootstrapSource } from '../adapters/bootstrap-source';
import type { Dependencies } from '../domain/ports';
import { bootstrapDeployment, type BootstrapResult, type BootstrapSource } from '../domain/use-cases/bootstrap';
import { awsClock, awsCycles, awsPlans, awsSubmissions } from './composition/aws';
import { logger } from './observability';

/** What the Provider framework expects back; `Data` is readable with `Fn::GetAtt` in the stack. */
export interface BootstrapResponse {
  PhysicalResourceId: string;
  Data?: {
    PlanId: string;
    PlanRevision: number;
    /** `true` when this run stored the default plan. */
    PlanSeeded: string;
    /** Periods loaded as history, e.g. `2025-H1 2025-H2`. */
    HistoryPeriods: string;
    /** Project reports this run added to the history (0 when all were there). */
    HistoryImported: number;
  };
}

/** The reports the stack's bundling copies beside the function (infra/stateless-stack.ts). */
export const BUNDLED_HISTORY_DIR = 'history';

/** The ports this function's use case reads: all it composes (bottom of the file). */
export type BootstrapDependencies = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions'>;

export function createBootstrapHandler(
  deps: () => BootstrapDependencies,
  source: () => Promise<BootstrapSource>,
) {
  return middy<CloudFormationCustomResourceEvent, BootstrapResponse>()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .handler(async (event: CloudFormationCustomResourceEvent, _context: Context): Promise<BootstrapResponse> => {
      if (event.RequestType === 'Delete') {
        logger.info('Bootstrap resource deleted; the data is kept');
        return { PhysicalResourceId: event.PhysicalResourceId };
      }
      const result: BootstrapResult = await bootstrapDeployment(deps(), await source());
      logger.info('Bootstrap done', {
        planId: result.planId,
        planSeeded: result.planSeeded,
        planRevision: result.planRevision,
        history: result.history.map((entry) => ({ name: entry.name, cycleId: entry.cycleId, imported: entry.imported, unmatched: entry.unmatched.length })),
        skipped: result.skipped,
      });
      return {
        PhysicalResourceId: `bootstrap-${result.planId}`,
        Data: {
          PlanId: result.planId,
          PlanRevision: result.planRevision,
          PlanSeeded: String(result.planSeeded),
          HistoryPeriods: result.history.map((entry) => entry.cycleId).join(' '),
          HistoryImported: result.history.reduce((sum, entry) => sum + entry.imported, 0),
        },
      };
    });
}

export const handler = createBootstrapHandler(
  () => ({ plans: awsPlans(), cycles: awsCycles(), submissions: awsSubmissions(), clock: awsClock }),
  () => readBootstrapSource(fileURLToPath(new URL(`./${BUNDLED_HISTORY_DIR}/`, import.meta.url))),
);
