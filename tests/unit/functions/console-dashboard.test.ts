import { describe, expect, it } from 'vitest';
import { reminderLabel } from '../../../functions/console/dashboard';

describe('reminderLabel', () => {
  it.each([
    ['before-1d', 'připomínka den před termínem'],
    ['before-3d', 'připomínka 3 dny před termínem'],
    ['before-7d', 'připomínka 7 dní před termínem'],
    ['before-14d', 'připomínka 14 dní před termínem'],
    ['overdue', 'upozornění na zpoždění'],
    ['escalation', 'eskalace garantovi'],
  ])('names the stage %s „%s“', (stage, expected) => {
    // Act
    const label = reminderLabel(stage);

    // Assess
    expect(label).toBe(expected);
  });
});
