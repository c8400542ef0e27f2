import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidLinkError } from '../../domain/use-cases/contact-workspace';
import type { HttpLambdaHandler } from './middleware';

/**
 * How long every answer to an unusable personal link takes at least. A link that was never
 * issued is refused after one read, a revoked or expired one after several; without a floor the
 * difference in time would tell them apart. It is well above those reads' latency.
 */
export const INVALID_LINK_MIN_MS = 300;

/** Delays an invalid-link refusal to the same minimum duration, whatever made the link invalid. */
export function uniformInvalidLinkTiming(handler: HttpLambdaHandler, minimumMs = INVALID_LINK_MIN_MS): HttpLambdaHandler {
  return async (event, context) => {
    const started = Date.now();
    try {
      return await handler(event, context);
    } catch (error) {
      if (error instanceof InvalidLinkError) {
        const remaining = started + minimumMs - Date.now();
        if (remaining > 0) await sleep(remaining);
      }
      throw error;
    }
  };
}
