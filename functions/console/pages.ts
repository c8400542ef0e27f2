/** What the console's pages share: the cycle's address and the signed-in person in the page frame. */
import type { SignedInContext } from './context';

export { chaptersPath, cyclePath } from '../../templates/console/layout';

export function frameUser(context: SignedInContext) {
  return { name: context.user.name, role: context.user.role, csrf: context.user.csrf };
}
