import { describe, expect, it } from 'vitest';
import { ARR_ROUTE_GROUP_MODULES, ARR_ROUTE_GROUPS } from '../../../functions/arr-api';
import { CONSOLE_ROUTE_GROUP_MODULES, CONSOLE_ROUTE_GROUPS } from '../../../functions/console';

/** The route keys the table gives each group, beside the keys the group's module really handles. */
async function declaredAndHandled(table: Readonly<Record<string, string>>, modules: Record<string, () => Promise<{ routes: Record<string, unknown> }>>) {
  const declared: Record<string, string[]> = {};
  const handled: Record<string, string[]> = {};
  for (const [key, group] of Object.entries(table)) (declared[group] ??= []).push(key);
  for (const [group, load] of Object.entries(modules)) handled[group] = Object.keys((await load()).routes);
  const sorted = (byGroup: Record<string, string[]>) => Object.fromEntries(Object.entries(byGroup).map(([group, keys]) => [group, [...keys].sort()]));
  return { declared: sorted(declared), handled: sorted(handled) };
}

describe('route groups', () => {
  it('loads for each of ARR’s API route keys a group that handles it, and no group handles a key it is not given', async () => {
    // Act
    const { declared, handled } = await declaredAndHandled(ARR_ROUTE_GROUPS, ARR_ROUTE_GROUP_MODULES);

    // Assess
    expect(handled).toEqual(declared);
  });

  it('loads for each console route key a group that handles it, and no group handles a key it is not given', async () => {
    // Act
    const { declared, handled } = await declaredAndHandled(CONSOLE_ROUTE_GROUPS, CONSOLE_ROUTE_GROUP_MODULES);

    // Assess
    expect(handled).toEqual(declared);
  });
});
