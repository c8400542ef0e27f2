/** What the console's pages share: the cycle's address and the signed-in person in the page frame. */
import type { SignedInContext } from './context';

export function cyclePath(cycleId: string, query = ''): string {
  return `/arr/cycles/${encodeURIComponent(cycleId)}${query}`;
}

export function frameUser(context: SignedInContext) {
  return { name: context.user.name, role: context.user.role, csrf: context.user.csrf };
}
