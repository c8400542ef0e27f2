/** What the keyboard focus is on, and moving it with Tab / Shift+Tab the way a person would. */
import type { Page } from 'playwright-core';

export interface FocusedElement {
  tag: string;
  id: string;
  name: string;
  type: string;
  /** Visible text, or the label of a form control, for readable failures. */
  text: string;
  outlineStyle: string;
  outlineWidth: string;
}

export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) {
      return { tag: 'body', id: '', name: '', type: '', text: '', outlineStyle: 'none', outlineWidth: '0px' };
    }
    const style = getComputedStyle(element);
    const labels = (element as HTMLInputElement).labels;
    const label = labels && labels.length > 0 ? (labels[0]?.textContent ?? '') : '';
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      name: element.getAttribute('name') ?? '',
      type: element.getAttribute('type') ?? '',
      text: (label || element.textContent || '').trim().replace(/\s+/g, ' '),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
    };
  });
}

/** A visible focus indicator: the page draws it as an outline (WCAG 2.4.7). */
export function hasVisibleFocus(element: FocusedElement): boolean {
  return element.outlineStyle !== 'none' && Number.parseFloat(element.outlineWidth) > 0;
}

export interface TabOptions {
  backwards?: boolean;
  /** A person would give up long before; a page whose focus never gets there fails. */
  maxSteps?: number;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, checking on every stop that the
 * focus is visible. Returns every element passed through, the matching one last.
 * @throws Error when the element is not reached, or when a stop has no visible focus.
 */
export async function tabTo(page: Page, matches: (element: FocusedElement) => boolean, options: TabOptions = {}): Promise<FocusedElement[]> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  const maxSteps = options.maxSteps ?? 40;
  const visited: FocusedElement[] = [];
  for (let step = 0; step < maxSteps; step += 1) {
    await page.keyboard.press(key);
    const element = await focusedElement(page);
    visited.push(element);
    if (!hasVisibleFocus(element)) {
      throw new Error(`Focus on <${element.tag} id="${element.id}"> „${element.text}“ is not visible (outline ${element.outlineStyle} ${element.outlineWidth}).`);
    }
    if (matches(element)) return visited;
  }
  const path = visited.map((element) => `<${element.tag}#${element.id}> „${element.text.slice(0, 40)}“`).join(' → ');
  throw new Error(`${key} did not reach the wanted element in ${maxSteps} steps: ${path}`);
}
