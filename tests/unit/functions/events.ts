/** Small factories for the events Lambda hands to the handlers under test. */
import type { APIGatewayProxyEventV2, Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { AnyEvent } from '../../../events';

let requestCounter = 0;

export interface HttpRequest {
  /** e.g. `POST /cycles/{cycleId}/close` */
  routeKey: string;
  /** The concrete path, e.g. `/cycles/2026-H1/close`. */
  path?: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

export function httpEvent(request: HttpRequest): APIGatewayProxyEventV2 {
  requestCounter += 1;
  const [method = 'GET', template = '/'] = request.routeKey.split(' ');
  const path = request.path ?? template.replace(/\{(\w+)\}/g, (_, name: string) => request.pathParameters?.[name] ?? name);
  const query = new URLSearchParams(request.query ?? {}).toString();
  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: path,
    rawQueryString: query,
    headers: request.headers ?? {},
    ...(request.query ? { queryStringParameters: request.query } : {}),
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    isBase64Encoded: request.isBase64Encoded ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.org',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'vitest' },
      requestId: `request-${requestCounter}`,
      routeKey: request.routeKey,
      stage: '$default',
      time: '01/Jan/2026:10:00:00 +0000',
      timeEpoch: Date.now(),
    },
  };
}

export function jsonRequest(request: Omit<HttpRequest, 'body' | 'headers'> & { body: unknown }): APIGatewayProxyEventV2 {
  return httpEvent({ ...request, headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) });
}

export function formRequest(
  request: Omit<HttpRequest, 'body' | 'headers'> & { fields: Record<string, string> },
): APIGatewayProxyEventV2 {
  // Browsers post forms base64-encoded through API Gateway when the body is not plain ASCII.
  const body = Buffer.from(new URLSearchParams(request.fields).toString(), 'utf8').toString('base64');
  return httpEvent({
    ...request,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    isBase64Encoded: true,
  });
}

let messageCounter = 0;

export function sqsRecord(body: string, messageId = `message-${++messageCounter}`): SQSRecord {
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1767261600000',
      SenderId: 'sender',
      ApproximateFirstReceiveTimestamp: '1767261600000',
    },
    messageAttributes: {},
    md5OfBody: 'md5',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-central-1:123456789012:queue',
    awsRegion: 'eu-central-1',
  };
}

export function sqsEvent(...records: Array<AnyEvent | SQSRecord>): SQSEvent {
  return {
    Records: records.map((record) => ('receiptHandle' in record ? record : sqsRecord(JSON.stringify(record)))),
  };
}

export function lambdaContext(functionName = 'test-function'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-central-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `invocation-${++messageCounter}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** What EventBridge Scheduler passes to a Lambda target without an explicit input. */
export const scheduledEvent = {};
