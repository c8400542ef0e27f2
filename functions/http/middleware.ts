/**
 * The middy stack every HTTP handler shares: Lambda context and correlation id in the logs, the
 * route template (never the path, which may hold a personal token), and one error mapping.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { logger } from '../observability';
import { correlationIdOf } from './body';
import { errorResponse, type ErrorMappingOptions, type ResponseFormat } from './errors';
import type { HttpResponse } from './responses';

export interface HttpErrorsOptions extends ErrorMappingOptions {
  /** Fixed, or chosen per request (a contact's form post gets a page, a JSON client gets JSON). */
  format: ResponseFormat | ((event: APIGatewayProxyEventV2) => ResponseFormat);
}

/** Catches whatever the handler throws and answers with the mapped status; nothing escapes to API Gateway. */
export function httpErrors(options: HttpErrorsOptions): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: (request) => {
      const format = typeof options.format === 'function' ? options.format(request.event) : options.format;
      request.response = errorResponse(request.error, format, {
        requestId: request.event.requestContext?.requestId ?? request.context.awsRequestId ?? 'unknown',
        ...(options.validationStatus ? { validationStatus: options.validationStatus } : {}),
      });
    },
  };
}

/** Sets what every log line of the request carries. */
function requestLogContext(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    before: (request) => {
      logger.setCorrelationId(correlationIdOf(request.event));
      logger.appendKeys({ route: request.event.routeKey });
    },
  };
}

export type HttpLambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<HttpResponse>;

/** An HTTP handler with the shared stack. The event is never logged: its path may hold a token. */
export function httpHandler(lambdaHandler: HttpLambdaHandler, options: HttpErrorsOptions) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .use(requestLogContext())
    .use(httpErrors(options))
    .handler(lambdaHandler);
}
