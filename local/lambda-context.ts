import type { Context } from 'aws-lambda';
import { LOCAL_REGION } from './composition';

const ACCOUNT = '123456789012';

/** What the Lambda runtime hands a handler; the remaining time counts down from the function's timeout. */
export function createLambdaContext(functionName: string, timeoutSeconds: number, awsRequestId: string): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const fullName = `chytrejsi-kraj-${functionName}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fullName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${ACCOUNT}:function:${fullName}`,
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: `/aws/lambda/${fullName}`,
    logStreamName: `local/${awsRequestId}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
