/**
 * The one Powertools Logger of every function. Powertools reads its own variables (log level,
 * sampling) when the logger is built, so the service name is read here too rather than in the
 * composition root.
 *
 * Personal links carry their token in the path (`/s/{token}`): log `routeKey`
 * (`GET /s/{token}`), never `rawPath`, and never log an event or a URL of a contact route.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'monitoring' });
