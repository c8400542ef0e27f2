/**
 * A routed function's routes in groups: the entry knows every route key and its group. A group is
 * read with the entry (`withEntry`) or loaded with `import()` on the first request that needs it,
 * so a cold start does not read its code. The module system keeps a loaded group: later requests
 * get it without reading again.
 *
 * Which groups are lazy is a measurement, not a rule: each lazy group makes esbuild split the code
 * it shares with the entry and with other groups into chunks, one per combination of groups, and
 * a cold start pays for every module file it loads (resolving, reading, compiling, linking) about
 * what parsing 7 kB of code costs in CPU time, or 3 kB in instructions. A group is lazy where the
 * code it keeps out of the other cold starts outweighs the files it adds (README, "What a cold
 * start pays for").
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
