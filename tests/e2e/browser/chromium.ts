/**
 * The system Chromium (Debian package), driven by playwright-core. Playwright's own browser
 * downloads are not available here, so the test uses the installed binary or skips.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const chromiumMissing = !existsSync(CHROMIUM_PATH);

export const CHROMIUM_MISSING_REASON = `skipped: ${CHROMIUM_PATH} is missing (install the Debian package "chromium"; CI installs it)`;

/** A test title that carries the skip reason when the browser is missing, so the report says why. */
export function browserTestTitle(title: string): string {
  return chromiumMissing ? `${title} [${CHROMIUM_MISSING_REASON}]` : title;
}

// Without the background-networking flags Chromium keeps dialling Google services, and the closed
// network of the build machines refuses those connections.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * How long a screenshot may take. Screenshots are for a human look, not a check: a full-page
 * capture of a long page (the annual texts at 390 px) once took over the 10 s of a context's
 * default timeout on a loaded 2-core CI machine.
 */
export const SCREENSHOT_TIMEOUT_MS = 60_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
