/**
 * What the console's browser tests share: the local accounts, a browser context fit for the audit,
 * signing in at the local OpenID provider, and a ledger of axe audits asserted clean at the end.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LocalAccount } from '../../../local/identity-provider';
import type { LocalSystem } from '../../../local/system';
import { axeViolations, describeViolations } from './axe';
import { SCREENSHOT_TIMEOUT_MS } from './chromium';
import { sidewaysScroll } from './reflow';

export const SCREENSHOTS = join(process.cwd(), 'out', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The local account of a group (`arr`, `ridici-skupina`). */
export function consoleAccount(system: LocalSystem, group: string): LocalAccount {
  return system.identity.accounts.find((candidate) => candidate.groups.includes(group))!;
}

export async function newConsoleContext(browser: Browser, options: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  // The pages' policy forbids every script, axe-core included; the audit needs it lifted.
  const context = await browser.newContext({ locale: 'cs-CZ', viewport: DESKTOP, bypassCSP: true, ...options });
  context.setDefaultTimeout(10_000);
  return context;
}

export async function signInToConsole(page: Page, system: LocalSystem, who: LocalAccount): Promise<void> {
  await page.goto(system.consoleUrl);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Heslo').fill(who.password);
  await Promise.all([page.waitForURL(`${system.consoleUrl}`), page.getByRole('button', { name: 'Přihlásit se' }).click()]);
}

/**
 * Audits pages and keeps the results; `expectClean` asserts them all at the end of a test.
 * `phoneAudit`: audit at 390 px too, not only screenshot it. `fullPage`: whole-page screenshots.
 */
export class AuditLedger {
  private readonly audited: Array<{ url: string; violations: string }> = [];

  constructor(private readonly options: { phoneAudit: boolean; fullPage: boolean }) {}

  async audit(page: Page, screenshot?: string): Promise<void> {
    for (const [viewport, suffix] of [[DESKTOP, ''], [PHONE, '-phone']] as const) {
      if (viewport === PHONE && !this.options.phoneAudit && !screenshot) continue;
      await page.setViewportSize(viewport);
      if (viewport === DESKTOP || this.options.phoneAudit) {
        const violations = await axeViolations(page);
        this.audited.push({ url: `${page.url()} (${viewport.width} px)`, violations: violations.length === 0 ? '' : describeViolations(violations) });
      }
      if (viewport === PHONE) {
        this.audited.push({ url: `${page.url()} (${viewport.width} px, reflow)`, violations: await sidewaysScroll(page) });
      }
      if (screenshot) await page.screenshot({ path: join(SCREENSHOTS, `${screenshot}${suffix}.png`), fullPage: this.options.fullPage, timeout: SCREENSHOT_TIMEOUT_MS });
    }
    await page.setViewportSize(DESKTOP);
  }

  expectClean(): void {
    const failing = this.audited.filter((entry) => entry.violations !== '');
    expect(failing.map((entry) => `${entry.url}\n${entry.violations}`).join('\n\n')).toBe('');
  }
}
