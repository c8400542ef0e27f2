/**
 * A routed function's routes in groups: the entry knows every route key and its group. Most groups
 * are read with the entry; the large groups that few requests need (plan editing, the report
 * renderers) are loaded with `import()` on the first request that needs one, so a cold start does
 * not read their code. The module system keeps a loaded group: later requests get it without
 * reading again.
 *
 * Why only a few groups are lazy: each lazy group makes esbuild split the code it shares with the
 * entry and with other groups into chunks, one per combination, and a cold start pays for every
 * module it loads (resolving, reading, compiling, linking: about 0.8 ms of CPU on Node 20, half
 * that on Node 22), as much as for parsing some 15 kB. With all seven console groups lazy, a cold
 * start read up to 28 modules where the bare SDK bundle reads 9, which cost more than the code the
 * groups kept out (README, "What a cold start pays for").
 */

/** A group's module: `() => import('./<fn>/routes/<group>')`, or `withEntry(module)` for one read with the entry. */
export type RouteGroupModules<Group extends string, Route> = Record<Group, () => Promise<{ routes: Record<string, Route> }>>;

/** A group whose module the entry imports statically: it is read at every cold start, in no chunk of its own. */
export function withEntry<Module>(module: Module): () => Promise<Module> {
  return () => Promise.resolve(module);
}

/** The route of `routeKey` from its group, or undefined for a key no group declares. */
export async function routeOf<Group extends string, Route>(
  routeKey: string,
  groupOf: Readonly<Record<string, Group>>,
  modules: RouteGroupModules<Group, Route>,
): Promise<Route | undefined> {
  if (!Object.hasOwn(groupOf, routeKey)) return undefined;
  const group = groupOf[routeKey] as Group;
  const route = (await modules[group]()).routes[routeKey];
  // A unit test keeps the table and the groups equal; this is only reached if it was not run.
  if (route === undefined) throw new Error(`Route group ${group} does not handle ${routeKey}.`);
  return route;
}
