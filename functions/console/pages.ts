/** What the console's pages share: the cycle's address and the signed-in person in the page frame. */
import type { SignedInContext } from './context';

export { chaptersPath, cyclePath } from '../../templates/console/layout';

export function frameUser(context: SignedInContext) {
  return { name: context.user.name, role: context.user.role, csrf: context.user.csrf };
}

/**
 * The notice a page's `?hotovo=` names, from the page's own notices. The code comes from the
 * address, so only the notices' own keys count: `__proto__` or `constructor` names nothing.
 */
export function noticeOf<Notice>(notices: Readonly<Record<string, Notice>>, code: string | undefined): Notice | undefined {
  return code !== undefined && Object.hasOwn(notices, code) ? notices[code] : undefined;
}
