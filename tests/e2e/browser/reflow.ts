/**
 * WCAG 1.4.10 Reflow, which axe does not check: at 320 CSS px of content (a 390 px phone here) the
 * page must not scroll sideways. Only a wide table may, inside its own box.
 */
import type { Page } from 'playwright-core';

/** '' when the page fits its viewport's width, else what is wrong, for a test's message. */
export async function sidewaysScroll(page: Page): Promise<string> {
  const viewportWidth = page.viewportSize()?.width ?? 0;
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  return width > viewportWidth ? `reflow: the page is ${width} px wide at ${viewportWidth} px and scrolls sideways` : '';
}
