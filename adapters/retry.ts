/** Backoff shared by the adapters' own retries (on top of the SDK's, for failures it does not retry). */

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * "Full jitter" exponential backoff: a random delay up to `base · 2^(attempt−1)`, capped, so that
 * many throttled callers do not retry in lockstep.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(Math.random() * ceiling);
}
