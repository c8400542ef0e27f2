/**
 * The shape of the scheduled functions (EventBridge Scheduler): the invocation's request id is the
 * correlation id of everything the run causes. A failure is thrown, so the scheduler retries it.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './observability';

export function scheduledHandler<Result extends object>(name: string, run: (correlationId: string) => Promise<Result>) {
  return middy<unknown, Result>()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .handler(async (_event: unknown, context: Context) => {
      logger.setCorrelationId(context.awsRequestId);
      const result = await run(context.awsRequestId);
      logger.info(`${name} finished`, { result });
      return result;
    });
}
