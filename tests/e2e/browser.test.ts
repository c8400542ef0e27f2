/**
 * A contact person's page in a real browser: the personal link from the invitation, the forms
 * filled with the mouse and with the keyboard only, the Czech error messages, and axe-core's
 * WCAG 2.1 AA audit of every page state. Screenshots land in out/screenshots/ for a human look.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovableClock } from '../../local/composition';
import { listSentEmails } from '../../local/ses-inbox';
import { startLocalSystem, type LocalSystem } from '../../local/system';
import { axeViolations, describeViolations } from './browser/axe';
import { browserTestTitle, chromiumMissing, launchChromium, SCREENSHOT_TIMEOUT_MS } from './browser/chromium';
import { focusedElement, hasVisibleFocus, tabTo } from './browser/focus';
import { personalLinkOf } from './browser/personal-link';
import { sidewaysScroll } from './browser/reflow';

const SCREENSHOTS = join(process.cwd(), 'out', 'screenshots');
const DESKTOP = { width: 1024, height: 900 };
const PHONE = { width: 390, height: 844 };
const PERSON_EMAIL = 'k.simonova@example.org';
const THIS_PERIOD_LABEL = 'Co se v projektu udělalo v období 1. pololetí 2026';
const NEXT_PERIOD_LABEL = 'Plán na 2. pololetí 2026';
/** From the 2025-H2 report the first cycle is pre-filled with (data/history/monitoring-2025-H2.md). */
const MOUSE_PROJECT = { name: 'Gymnázium Česká Lípa', previousPlan: 'Dokončení FVE, zahájení provozu.' };
const MOUSE_PROJECT_ID = 'gymnazium-ceska-lipa';
const INVALID_PROJECT = { name: 'SPŠT, Belgická 4852, Jablonec nad Nisou', previousPlan: 'Realizace FVE, zahájení provozu.' };
const THIS_PERIOD_REQUIRED = 'Popište, co se v tomto období na projektu udělalo.';
const CONTRIBUTION_INVALID = 'Zadejte celé číslo od 0 do 1 000 000.';
/** #a4001d, the error colour of the page's stylesheet. */
const ERROR_RED = 'rgb(164, 0, 29)';

let dataDir: string;
let system: LocalSystem;
let browser: Browser;
let context: BrowserContext;
let personalLink: string;

beforeAll(async () => {
  if (chromiumMissing) return;
  dataDir = await mkdtemp(join(tmpdir(), 'browser-e2e-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  // 8:00 in Prague on 1 June 2026 is 6:00 UTC (summer time).
  system = await startLocalSystem({
    dataDir,
    ports: { api: 0, dynamodb: 0, sqs: 0, ses: 0 },
    clock: new MovableClock(new Date('2026-06-01T06:00:00Z'), { frozen: true }),
    background: false,
  });
  const opened = await fetch(`${system.apiUrl}/cycles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${system.arrKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' }),
  });
  if (opened.status !== 201) throw new Error(`Opening the cycle failed: HTTP ${opened.status} ${await opened.text()}`);
  await system.drainQueues();
  personalLink = personalLinkOf(await listSentEmails(system.endpoints.ses), PERSON_EMAIL, system.apiUrl);
  browser = await launchChromium();
  // The pages' policy forbids every script, axe-core included; the audit needs it lifted.
  context = await browser.newContext({ locale: 'cs-CZ', viewport: DESKTOP, bypassCSP: true });
  // A step that cannot happen (a blocked post, a missing field) fails in seconds, not at the test timeout.
  context.setDefaultTimeout(5_000);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function projectSection(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** What stands right above a field: the error message belongs there, between label and input. */
async function textJustAbove(field: Locator): Promise<string> {
  return field.evaluate((element) => element.previousElementSibling?.textContent ?? '');
}

async function borderColorOf(field: Locator): Promise<string> {
  return field.evaluate((element) => getComputedStyle(element).borderTopColor);
}

/** The text of every element an `aria-describedby` points to, as a screen reader would read it. */
async function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? `(chybí prvek #${id})`)
      .join(' | '),
  );
}

/** What the person sees first (the window as it opened or scrolled), not the whole long page. */
async function screenshot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), timeout: SCREENSHOT_TIMEOUT_MS });
}

/** Posts a report that is missing „what was done“ and has an indicator contribution that is not a number. */
async function submitInvalidReport(page: Page): Promise<{ status: number | undefined }> {
  await page.goto(personalLink);
  const section = projectSection(page, INVALID_PROJECT.name);
  await section.getByLabel(NEXT_PERIOD_LABEL).fill('Zahájení provozu FVE.');
  await section.getByRole('radio', { name: 'probíhá podle plánu' }).check();
  await section.locator('input[name*=".indicatorContributions."]').first().fill('5 kusů');
  const posted = page.waitForResponse((response) => response.request().method() === 'POST');
  await section.getByRole('button', { name: /Uložit vše/ }).click();
  const response = await posted;
  await page.waitForLoadState();
  return { status: response.status() };
}

describe('the contact person’s page in Chromium', () => {
  it.skipIf(chromiumMissing)(browserTestTitle('lists every project of the person with last period’s plan, on a desktop and a 390 px phone, and passes WCAG 2.1 AA'), async () => {
    // Prepare
    const page = await context.newPage();

    // Act
    const response = await page.goto(personalLink);
    const violations = await axeViolations(page);
    await screenshot(page, '1-page');
    await screenshot(projectSection(page, MOUSE_PROJECT.name), '1-project-form');
    await page.setViewportSize(PHONE);
    const phoneViolations = await axeViolations(page);
    const phoneReflow = await sidewaysScroll(page);
    await screenshot(projectSection(page, MOUSE_PROJECT.name), '1-project-form-phone');

    // Assess
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Podklady za 1. pololetí 2026');
    await expect(page.locator('main').textContent()).resolves.toContain('K. Šimonová');
    const navigation = page.getByRole('navigation', { name: 'Vaše projekty' });
    const listed = await navigation.getByRole('link').allTextContents();
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed).toEqual(expect.arrayContaining([MOUSE_PROJECT.name, INVALID_PROJECT.name]));
    await expect(page.locator('section.project').count()).resolves.toBe(listed.length);
    for (const project of [MOUSE_PROJECT, INVALID_PROJECT]) {
      const section = projectSection(page, project.name);
      await expect(section.locator('dt:text-matches("^Plán z ") + dd').textContent()).resolves.toBe(project.previousPlan);
      await expect(section.locator('.status-line').textContent()).resolves.toBe('Zatím neodesláno');
    }
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(phoneViolations, describeViolations(phoneViolations)).toEqual([]);
    expect(phoneReflow).toBe('');
    await page.close();
  });

  it.skipIf(chromiumMissing)(browserTestTitle('stores a project’s report filled in with the mouse and confirms it'), async () => {
    // Prepare
    const page = await context.newPage();
    await page.goto(personalLink);
    const section = projectSection(page, MOUSE_PROJECT.name);
    const done = 'FVE dokončena a předána do zkušebního provozu.';

    // Act
    await section.getByLabel(THIS_PERIOD_LABEL).click();
    await page.keyboard.type(done);
    await section.getByLabel(NEXT_PERIOD_LABEL).click();
    await page.keyboard.type('Vyhodnocení prvního půlroku provozu.');
    await section.getByText('dokončeno', { exact: true }).click();
    await section.locator('input[name*=".indicatorContributions."]').first().click();
    await page.keyboard.type('1');
    await Promise.all([page.waitForURL(/ulozeno=/), section.getByRole('button', { name: /Uložit vše/ }).click()]);

    // Assess
    const saved = projectSection(page, MOUSE_PROJECT.name);
    await expect(saved.getByRole('status').textContent()).resolves.toBe(`Podklady k projektu „${MOUSE_PROJECT.name}“ byly uloženy. Děkujeme!`);
    await expect(saved.locator('.status-line').textContent()).resolves.toBe('Odesláno 1. 6. 2026 (verze 1)');
    await expect(saved.getByLabel(THIS_PERIOD_LABEL).inputValue()).resolves.toBe(done);
    await expect(saved.getByRole('radio', { name: 'dokončeno' }).isChecked()).resolves.toBe(true);
    await expect(saved.getByRole('button', { name: /Uložit vše/ }).count()).resolves.toBe(1);
    await page.close();
  });

  it.skipIf(chromiumMissing)(browserTestTitle('shows Czech errors next to the wrong fields and in a summary, fits a 390 px phone, and passes WCAG 2.1 AA'), async () => {
    // Prepare
    const page = await context.newPage();

    // Act
    const { status } = await submitInvalidReport(page);
    const violations = await axeViolations(page);
    await screenshot(page, '2-errors');
    await screenshot(projectSection(page, INVALID_PROJECT.name), '2-project-errors');
    await page.setViewportSize(PHONE);
    const phoneReflow = await sidewaysScroll(page);
    await screenshot(projectSection(page, INVALID_PROJECT.name), '2-project-errors-phone');
    await page.setViewportSize(DESKTOP);

    // Assess
    expect(status).toBe(422);
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading').textContent()).resolves.toBe('Podklady se nepodařilo uložit');
    const section = projectSection(page, INVALID_PROJECT.name);
    const indicatorCode = (await section.locator('input[name*=".indicatorContributions."]').first().getAttribute('name'))?.split('.').at(-1);
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      `${INVALID_PROJECT.name}: ${THIS_PERIOD_REQUIRED}`,
      `${INVALID_PROJECT.name}: ${CONTRIBUTION_INVALID.replace(/\.$/, '')} (indikátor ${indicatorCode}).`,
    ]);
    const thisPeriod = section.getByLabel(THIS_PERIOD_LABEL);
    const contribution = section.locator('input[name*=".indicatorContributions."]').first();
    await expect(thisPeriod.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(descriptionOf(thisPeriod)).resolves.toContain(`Chyba: ${THIS_PERIOD_REQUIRED}`);
    await expect(contribution.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(descriptionOf(contribution)).resolves.toBe(`Chyba: ${CONTRIBUTION_INVALID}`);
    await expect(contribution.inputValue()).resolves.toBe('5 kusů');
    await expect(textJustAbove(thisPeriod)).resolves.toBe(`Chyba: ${THIS_PERIOD_REQUIRED}`);
    await expect(textJustAbove(contribution)).resolves.toBe(`Chyba: ${CONTRIBUTION_INVALID}`);
    await expect(borderColorOf(thisPeriod)).resolves.toBe(ERROR_RED);
    await expect(borderColorOf(contribution)).resolves.toBe(ERROR_RED);
    await expect(section.getByLabel(NEXT_PERIOD_LABEL).getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(section.getByLabel(NEXT_PERIOD_LABEL).inputValue()).resolves.toBe('Zahájení provozu FVE.');
    await expect(page.title()).resolves.toMatch(/^Chyba: /);
    await expect(page.getByRole('status').count()).resolves.toBe(0);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(phoneReflow).toBe('');
    await page.close();
  });

  it.skipIf(chromiumMissing)(browserTestTitle('corrects the refused report and sends it with the keyboard only, the focus always visible'), async () => {
    // Prepare
    const page = await context.newPage();
    await submitInvalidReport(page);
    const section = projectSection(page, INVALID_PROJECT.name);
    const [thisPeriodId, nextPeriodId, contributionId] = await Promise.all([
      section.getByLabel(THIS_PERIOD_LABEL).getAttribute('id'),
      section.getByLabel(NEXT_PERIOD_LABEL).getAttribute('id'),
      section.locator('input[name*=".indicatorContributions."]').first().getAttribute('id'),
    ]);
    const done = 'Proběhla příprava realizace FVE.';

    // Act
    const skipLink = await tabTo(page, () => true);
    await tabTo(page, (element) => element.tag === 'a' && element.text.includes(THIS_PERIOD_REQUIRED));
    await page.keyboard.press('Enter');
    const afterSummaryLink = await focusedElement(page);
    await page.keyboard.type(done);
    await tabTo(page, (element) => element.id === nextPeriodId, { maxSteps: 1 });
    const backToThisPeriod = await tabTo(page, (element) => element.id === thisPeriodId, { backwards: true, maxSteps: 1 });
    const radio = (await tabTo(page, (element) => element.type === 'radio', { maxSteps: 2 })).at(-1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    const chosenRadio = await focusedElement(page);
    await tabTo(page, (element) => element.id === contributionId, { maxSteps: 1 });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');
    const button = (await tabTo(page, (element) => element.tag === 'button', { maxSteps: 3 })).at(-1);
    await Promise.all([page.waitForURL(/ulozeno=/), page.keyboard.press('Enter')]);
    await screenshot(page, '3-saved-by-keyboard');

    // Assess
    expect(skipLink.at(-1)?.text).toBe('Přeskočit na obsah');
    expect(afterSummaryLink.id).toBe(thisPeriodId);
    expect(hasVisibleFocus(afterSummaryLink)).toBe(true);
    expect(backToThisPeriod.at(-1)?.id).toBe(thisPeriodId);
    expect(radio?.text).toBe('probíhá podle plánu');
    expect(chosenRadio.text).toBe('zpožděno');
    expect(button?.text).toContain('Uložit vše');
    const saved = projectSection(page, INVALID_PROJECT.name);
    await expect(saved.getByRole('status').textContent()).resolves.toBe(`Podklady k projektu „${INVALID_PROJECT.name}“ byly uloženy. Děkujeme!`);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await expect(saved.locator('.status-line').textContent()).resolves.toBe('Odesláno 1. 6. 2026 (verze 1)');
    await expect(saved.getByLabel(THIS_PERIOD_LABEL).inputValue()).resolves.toBe(done);
    await expect(saved.getByRole('radio', { name: 'zpožděno' }).isChecked()).resolves.toBe(true);
    await expect(saved.locator('input[name*=".indicatorContributions."]').first().inputValue()).resolves.toBe('2');
    await page.close();
  });

  it.skipIf(chromiumMissing)(browserTestTitle('saves the whole page with JavaScript off: one project’s save keeps every other project’s unsaved text'), async () => {
    // Prepare: a browser that runs no script at all, and three projects nobody touched yet.
    const noScript = await browser.newContext({ locale: 'cs-CZ', javaScriptEnabled: false, viewport: DESKTOP });
    noScript.setDefaultTimeout(5_000);
    const page = await noScript.newPage();
    await page.goto(personalLink);
    const names = (await page.getByRole('navigation', { name: 'Vaše projekty' }).getByRole('link').allTextContents()).filter(
      (name) => name !== MOUSE_PROJECT.name && name !== INVALID_PROJECT.name,
    );
    const [saved, draft, other] = names.map((name) => ({ name, section: projectSection(page, name) }));
    if (!saved || !draft || !other) throw new Error('The person needs at least five projects for this test.');
    const draftText = 'Rozepsáno: jednání s dodavatelem proběhlo, čekáme na smlouvu.';
    const otherPlan = 'Rozepsaný plán, stav ještě nevybrán.';

    // Act: the first project complete, the second half-typed, the third with only a plan; save at the first.
    await saved.section.getByLabel(THIS_PERIOD_LABEL).fill('Hotová zpráva k prvnímu projektu.');
    await saved.section.getByLabel(NEXT_PERIOD_LABEL).fill('Pokračování ve 2. pololetí.');
    await saved.section.getByRole('radio', { name: 'probíhá podle plánu' }).check();
    await draft.section.getByLabel(THIS_PERIOD_LABEL).fill(draftText);
    await other.section.getByLabel(NEXT_PERIOD_LABEL).fill(otherPlan);
    const firstPost = page.waitForResponse((response) => response.request().method() === 'POST');
    await saved.section.getByRole('button', { name: /Uložit vše/ }).click();
    const firstStatus = (await firstPost).status();
    await page.waitForLoadState();
    const afterFirst = {
      savedStatus: await projectSection(page, saved.name).locator('.status-line').textContent(),
      savedNotice: await projectSection(page, saved.name).getByRole('status').textContent(),
      draftText: await projectSection(page, draft.name).getByLabel(THIS_PERIOD_LABEL).inputValue(),
      otherPlan: await projectSection(page, other.name).getByLabel(NEXT_PERIOD_LABEL).inputValue(),
      summary: await page.getByRole('alert').getByRole('link').allTextContents(),
    };
    await screenshot(page, '5-save-all-kept-text');
    // Then the person completes the draft and saves at it: the third project's plan is still there.
    const draftAgain = projectSection(page, draft.name);
    await draftAgain.getByLabel(NEXT_PERIOD_LABEL).fill('Podpis smlouvy a zahájení prací.');
    await draftAgain.getByRole('radio', { name: 'zpožděno' }).check();
    const otherAgain = projectSection(page, other.name);
    await otherAgain.getByLabel(THIS_PERIOD_LABEL).fill('Příprava zadávací dokumentace.');
    await otherAgain.getByRole('radio', { name: 'nezahájeno' }).check();
    await Promise.all([page.waitForURL(/ulozeno=/), draftAgain.getByRole('button', { name: /Uložit vše/ }).click()]);

    // Assess
    expect(firstStatus).toBe(422);
    expect(afterFirst.savedStatus).toBe('Odesláno 1. 6. 2026 (verze 1)');
    expect(afterFirst.savedNotice).toBe(`Podklady k projektu „${saved.name}“ byly uloženy.`);
    expect(afterFirst.draftText).toBe(draftText);
    expect(afterFirst.otherPlan).toBe(otherPlan);
    expect(afterFirst.summary).toEqual(
      expect.arrayContaining([`${draft.name}: Vyberte stav projektu.`, `${other.name}: ${THIS_PERIOD_REQUIRED}`]),
    );
    for (const project of [draft, other]) {
      await expect(projectSection(page, project.name).locator('.status-line').textContent()).resolves.toBe('Odesláno 1. 6. 2026 (verze 1)');
    }
    await expect(projectSection(page, draft.name).getByLabel(THIS_PERIOD_LABEL).inputValue()).resolves.toBe(draftText);
    await expect(projectSection(page, other.name).getByLabel(NEXT_PERIOD_LABEL).inputValue()).resolves.toBe(otherPlan);
    await expect(projectSection(page, draft.name).getByRole('status').textContent()).resolves.toBe(
      'Podklady byly uloženy u 2 projektů, které jste změnili. Děkujeme!',
    );
    await noScript.close();
  });

  it.skipIf(chromiumMissing)(browserTestTitle('shows ARR’s comment at a returned project, on a desktop and a 390 px phone, and passes WCAG 2.1 AA'), async () => {
    // Prepare
    const returned = await fetch(`${system.apiUrl}/cycles/2026-H1/projects/${MOUSE_PROJECT_ID}/return`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.arrKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, comment: 'Doplňte prosím datum předání FVE.\nA výkon elektrárny v kWp.' }),
    });
    const page = await context.newPage();

    // Act
    await page.goto(personalLink);
    const section = projectSection(page, MOUSE_PROJECT.name);
    const violations = await axeViolations(page);
    await section.scrollIntoViewIfNeeded();
    await screenshot(section, '6-returned-desktop');
    await page.setViewportSize(PHONE);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, '6-returned-phone');
    const phoneViolations = await axeViolations(page);
    const phoneReflow = await sidewaysScroll(page);

    // Assess
    expect(returned.status).toBe(201);
    await expect(section.locator('.status-line').textContent()).resolves.toBe('Vráceno k doplnění (verze 1)');
    await expect(section.getByRole('heading', { name: 'Vráceno k doplnění' }).count()).resolves.toBe(1);
    await expect(section.locator('blockquote').textContent()).resolves.toBe('Doplňte prosím datum předání FVE.\nA výkon elektrárny v kWp.');
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(phoneViolations, describeViolations(phoneViolations)).toEqual([]);
    expect(phoneReflow).toBe('');
    await page.close();
  });

  it.skipIf(chromiumMissing)(browserTestTitle('applies its stylesheet under its own content security policy'), async () => {
    // Prepare
    const strict = await browser.newContext({ locale: 'cs-CZ' });
    const page = await strict.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text());
    });

    // Act
    const response = await page.goto(personalLink);
    const buttonBackground = await page.getByRole('button', { name: /Uložit vše/ }).first().evaluate((button) => getComputedStyle(button).backgroundColor);

    // Assess
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(buttonBackground).toBe('rgb(11, 79, 156)');
    expect(blocked).toEqual([]);
    await strict.close();
  });

  it.skipIf(chromiumMissing)(browserTestTitle('answers a link that was never issued with the Czech „Odkaz není platný“ page and 404'), async () => {
    // Prepare
    const page = await context.newPage();
    const unknownToken = randomBytes(24).toString('base64url');

    // Act
    const response = await page.goto(`${system.apiUrl}/s/${unknownToken}`);
    const violations = await axeViolations(page);
    await screenshot(page, '4-invalid-link');

    // Assess
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Odkaz není platný');
    await expect(page.locator('main').textContent()).resolves.toContain('Odkaz není platný nebo už vypršel.');
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });
  // Last: it closes the cycle the tests above fill in.
  it.skipIf(chromiumMissing)(browserTestTitle('shows the link a read-only summary once the cycle has closed, on a desktop and a 390 px phone, and passes WCAG 2.1 AA'), async () => {
    // Prepare
    const closed = await fetch(`${system.apiUrl}/cycles/2026-H1/close`, { method: 'POST', headers: { authorization: `Bearer ${system.arrKey}` } });
    await system.drainQueues();
    const page = await context.newPage();
    await page.setViewportSize(DESKTOP);

    // Act
    const response = await page.goto(personalLink);
    const violations = await axeViolations(page);
    await screenshot(page, '7-closed-summary-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, '7-closed-summary-phone');
    const phoneViolations = await axeViolations(page);
    const phoneReflow = await sidewaysScroll(page);

    // Assess
    expect(closed.status).toBe(200);
    expect(response?.status()).toBe(200);
    await expect(page.locator('form, textarea, input, button').count()).resolves.toBe(0);
    await expect(page.locator('.closed-note').textContent()).resolves.toContain('byl uzavřen');
    const sent = projectSection(page, INVALID_PROJECT.name);
    await expect(sent.locator('.status-line').textContent()).resolves.toBe('Odesláno 1. 6. 2026 (verze 1)');
    await expect(sent.locator('dd').allTextContents()).resolves.toContain('Proběhla příprava realizace FVE.');
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(phoneViolations, describeViolations(phoneViolations)).toEqual([]);
    expect(phoneReflow).toBe('');
    await page.close();
  });
});
