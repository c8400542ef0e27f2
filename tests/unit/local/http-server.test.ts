import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../local/http-server';
import type { RouteDefinition } from '../../../local/topology';

// The greedy route comes first on purpose: API Gateway prefers the more specific route whatever the order.
const routes: RouteDefinition[] = [
  { method: 'GET', path: '/arr/{path+}', fn: 'console', access: 'console' },
  { method: 'GET', path: '/arr', fn: 'console', access: 'console' },
  { method: 'GET', path: '/arr/cycles/{cycleId}', fn: 'console', access: 'console' },
];

describe('matchRoute', () => {
  it('prefers a route that matches segment by segment over a greedy one', () => {
    // Act
    const cycle = matchRoute(routes, 'GET', '/arr/cycles/2026-H2');
    const overview = matchRoute(routes, 'GET', '/arr');

    // Assess
    expect(cycle).toEqual({ route: routes[2], pathParameters: { cycleId: '2026-H2' } });
    expect(overview).toEqual({ route: routes[1], pathParameters: {} });
  });

  it('gives a greedy route the rest of the path after its slash, decoded, empty for a trailing slash', () => {
    // Act
    const unknown = matchRoute(routes, 'GET', '/arr/cycles/2026-H2/p%C5%99ehled');
    const oneSegment = matchRoute(routes, 'GET', '/arr/cykly');
    const trailingSlash = matchRoute(routes, 'GET', '/arr/');
    const otherMethod = matchRoute(routes, 'POST', '/arr/cykly');

    // Assess
    expect(unknown).toEqual({ route: routes[0], pathParameters: { path: 'cycles/2026-H2/přehled' } });
    expect(oneSegment?.pathParameters).toEqual({ path: 'cykly' });
    expect(trailingSlash).toEqual({ route: routes[0], pathParameters: { path: '' } });
    expect(matchRoute(routes, 'GET', '/ar')).toBeNull();
    expect(otherMethod).toBeNull();
  });
});
