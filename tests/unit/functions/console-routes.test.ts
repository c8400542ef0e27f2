import { describe, expect, it } from 'vitest';
import { HANDLED_CONSOLE_ROUTE_KEYS } from '../../../functions/console';
import { CONSOLE_ROUTE_KEYS } from '../../../functions/console/route-keys';
import { safeReturnTo } from '../../../functions/console/session';

describe('console routes', () => {
  it('lists for the stack and the local server exactly the routes the console answers', () => {
    // Assess
    expect([...CONSOLE_ROUTE_KEYS].sort()).toEqual([...HANDLED_CONSOLE_ROUTE_KEYS].sort());
  });

  it('returns after the sign-in only to a console page, never to another site', () => {
    // Act
    const targets = ['/arr/cycles/2026-H1', '/arr?x=1', '//evil.example/arr', 'https://evil.example/arr', '/arrow', '/arr\\evil', undefined].map(safeReturnTo);

    // Assess
    expect(targets).toEqual(['/arr/cycles/2026-H1', '/arr?x=1', '/arr', '/arr', '/arr', '/arr', '/arr']);
  });
});
