import { describe, expect, it } from 'vitest';
import { InvalidLinkError } from '../../../domain/use-cases/contact-workspace';
import { NotFoundError } from '../../../domain/errors';
import { uniformInvalidLinkTiming } from '../../../functions/http/invalid-link-timing';
import { httpEvent, lambdaContext } from './events';

async function elapsed(run: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await run().catch(() => undefined);
  return Date.now() - started;
}

describe('uniformInvalidLinkTiming', () => {
  it('holds back an invalid-link refusal until the minimum duration, however fast it failed', async () => {
    // Prepare
    const handler = uniformInvalidLinkTiming(async () => {
      throw new InvalidLinkError();
    }, 120);

    // Act
    const duration = await elapsed(() => handler(httpEvent({ routeKey: 'GET /s/{token}' }), lambdaContext()));

    // Assess
    expect(duration).toBeGreaterThanOrEqual(115);
    await expect(handler(httpEvent({ routeKey: 'GET /s/{token}' }), lambdaContext())).rejects.toBeInstanceOf(InvalidLinkError);
  });

  it('adds no delay to other errors', async () => {
    // Prepare
    const handler = uniformInvalidLinkTiming(async () => {
      throw new NotFoundError('Projekt neexistuje.');
    }, 10_000);

    // Act
    const duration = await elapsed(() => handler(httpEvent({ routeKey: 'GET /s/{token}' }), lambdaContext()));

    // Assess
    expect(duration).toBeLessThan(5_000);
  });
});
