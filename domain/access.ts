/**
 * Who may do what in ARR's console. The identity provider puts people in groups (Cognito's
 * `cognito:groups`); the console decides from them on the server, for every route.
 */
import { ForbiddenError } from './errors';

/** ARR staff: everything. */
export const ARR_GROUP = 'arr';
/** Members of the steering group: read-only (cycles, completeness, reports, indicators). */
export const STEERING_GROUP = 'ridici-skupina';

export type ConsoleRole = 'arr' | 'steering-group';

/** What a route needs: a signed-in member of either group, or ARR. */
export type ConsoleAccess = 'member' | 'arr';

export const consoleRoleLabels: Record<ConsoleRole, string> = {
  arr: 'ARR',
  'steering-group': 'Řídící skupina',
};

/** ARR wins when a person is in both groups; null when in neither. */
export function consoleRoleOf(groups: readonly string[]): ConsoleRole | null {
  if (groups.includes(ARR_GROUP)) return 'arr';
  if (groups.includes(STEERING_GROUP)) return 'steering-group';
  return null;
}

export const NO_CONSOLE_ACCESS_MESSAGE =
  'Váš účet není zařazen do skupiny ARR ani Řídící skupiny, a do konzole proto nemá přístup. Obraťte se prosím na ARR.';

export const ARR_ONLY_MESSAGE = 'Tuto akci může provést jen ARR. Členové Řídící skupiny mohou zprávy a přehledy pouze číst.';

/** @throws ForbiddenError when the role may not use a route of this access. */
export function requireAccess(role: ConsoleRole | null, access: ConsoleAccess): ConsoleRole {
  if (role === null) throw new ForbiddenError(NO_CONSOLE_ACCESS_MESSAGE);
  if (access === 'arr' && role !== 'arr') throw new ForbiddenError(ARR_ONLY_MESSAGE);
  return role;
}
