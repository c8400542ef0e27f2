/**
 * A routed function's routes in groups: the entry knows every route key and its group, and a
 * group's module (its use cases, templates, renderers and schemas) is loaded with `import()` on
 * the first request that needs it. A cold start then reads the router and one group, not every
 * route's code. The module system keeps a loaded group: later requests get it without reading again.
 */

/** Each group's module, loaded on demand: `() => import('./<fn>/routes/<group>')`. */
export type RouteGroupModules<Group extends string, Route> = Record<Group, () => Promise<{ routes: Record<string, Route> }>>;

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
