/**
 * The editorial loop in a real browser over the whole local stack: ARR returns a project with a
 * comment from the console, the contact person sees it on their page and sends a new version, ARR
 * edits the text for the report, the person writes again, and the dashboard shows the flags and
 * the slip; then ARR edits a text of the annual report. A steering-group member reads the same
 * pages without a form. axe-core audits every page (WCAG 2.1 A and AA); full-page screenshots
 * at 1280 px and 390 px land in out/screenshots/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovableClock } from '../../local/composition';
import { listSentEmails } from '../../local/ses-inbox';
import { startLocalSystem, type LocalSystem } from '../../local/system';
import { browserTestTitle, chromiumMissing, launchChromium } from './browser/chromium';
import { AuditLedger, consoleAccount, newConsoleContext, SCREENSHOTS, signInToConsole } from './browser/console';
import { personalLinkOf } from './browser/personal-link';

const PERSON_EMAIL = 'k.simonova@example.org';
const PROJECT = 'Gymnázium Česká Lípa';
const PROJECT_ID = 'gymnazium-ceska-lipa';
const THIS_PERIOD_LABEL = 'Co se v projektu udělalo v období 1. pololetí 2026';
const NEXT_PERIOD_LABEL = 'Plán na 2. pololetí 2026';
/** The form promises this is for ARR only: ARR's dashboard lists it, the steering group never sees it. */
const NOTE_TO_ARR = 'Od září přebírá projekt zástupkyně ředitele, paní Nováková.';
const COMMENT = 'Doplňte prosím, kdy byla FVE předána škole.\nA jaký má výkon v kWp.';
const ARR_TEXT = 'Fotovoltaická elektrárna (48 kWp) byla dokončena a 20. 5. 2026 předána škole do zkušebního provozu.';

let dataDir: string;
let system: LocalSystem;
let clock: MovableClock;
let browser: Browser;
let personalLink: string;
const ledger = new AuditLedger({ phoneAudit: true, fullPage: true });

beforeAll(async () => {
  if (chromiumMissing) return;
  dataDir = await mkdtemp(join(tmpdir(), 'console-editorial-e2e-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  // 8:00 in Prague on 1 June 2026; the test moves it on between the steps.
  clock = new MovableClock(new Date('2026-06-01T06:00:00Z'), { frozen: true });
  system = await startLocalSystem({ dataDir, ports: { api: 0, dynamodb: 0, sqs: 0, ses: 0 }, clock, background: false });
  const opened = await fetch(`${system.apiUrl}/cycles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${system.arrKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' }),
  });
  if (opened.status !== 201) throw new Error(`Opening the cycle failed: HTTP ${opened.status} ${await opened.text()}`);
  await system.drainQueues();
  personalLink = personalLinkOf(await listSentEmails(system.endpoints.ses), PERSON_EMAIL, system.apiUrl);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function contactSection(page: Page): Locator {
  return page.getByRole('region', { name: PROJECT, exact: true });
}

/** The contact person saves the project through their one-form page. */
async function personSaves(page: Page, thisPeriod: string, status: string, noteToArr = ''): Promise<void> {
  await page.goto(personalLink);
  const section = contactSection(page);
  await section.getByLabel(THIS_PERIOD_LABEL).fill(thisPeriod);
  await section.getByLabel(NEXT_PERIOD_LABEL).fill('Vyhodnocení prvního roku provozu.');
  await section.getByRole('radio', { name: status }).check();
  await section.getByLabel('Poznámka pro ARR (nepovinné)').fill(noteToArr);
  await Promise.all([page.waitForURL(/ulozeno=/), section.getByRole('button', { name: /Uložit vše/ }).click()]);
  await system.drainQueues();
  clock.advance(60 * 60 * 1000);
}

describe('the editorial loop in the console, in Chromium', () => {
  it.skipIf(chromiumMissing)(
    browserTestTitle('ARR returns a project with a comment, the person answers, ARR edits the text, the dashboard flags it; WCAG 2.1 AA on every page'),
    async () => {
      // Prepare: the person sends a first version.
      const context = await newConsoleContext(browser);
      const person = await context.newPage();
      await personSaves(person, 'FVE dokončena.', 'probíhá podle plánu');
      const arr = await context.newPage();
      await signInToConsole(arr, system, consoleAccount(system, 'arr'));
      const projectUrl = `${system.consoleUrl}/cycles/2026-H1/projects/${PROJECT_ID}`;

      // Act: ARR opens the project and first sends the return without a comment.
      await arr.goto(projectUrl);
      await ledger.audit(arr, 'console-editorial-1-project');
      const returnForm = arr.getByRole('region', { name: 'Vrátit k doplnění' });
      const refusedPost = arr.waitForResponse((response) => response.request().method() === 'POST');
      await returnForm.getByRole('button', { name: 'Vrátit k doplnění' }).click();
      const refusedStatus = (await refusedPost).status();
      await arr.waitForLoadState();
      const refusedSummary = await arr.getByRole('alert').first().textContent();
      await ledger.audit(arr, 'console-editorial-2-comment-missing');
      await arr.getByLabel('Komentář k verzi 1').fill(COMMENT);
      await Promise.all([arr.waitForURL(/hotovo=vraceno/), arr.getByRole('region', { name: 'Vrátit k doplnění' }).getByRole('button', { name: 'Vrátit k doplnění' }).click()]);
      const returnedState = await arr.locator('dl.facts .state').textContent();
      const returnedNote = await arr.getByRole('region', { name: 'Vráceno k doplnění' }).first().locator('.comment').textContent();
      await ledger.audit(arr, 'console-editorial-3-returned');
      await system.drainQueues();
      clock.advance(60 * 60 * 1000);
      const returnEmail = (await listSentEmails(system.endpoints.ses)).filter((email) => email.to.includes(PERSON_EMAIL)).at(-1);

      // The person sees the comment on their page and sends a new version.
      await person.goto(personalLink);
      const personState = await contactSection(person).locator('.status-line').textContent();
      const personComment = await contactSection(person).locator('blockquote').textContent();
      await personSaves(person, 'FVE dokončena a 20. 5. 2026 předána škole, výkon 48 kWp.', 'probíhá podle plánu');

      // ARR sees the answer and edits the text for the report.
      await arr.goto(projectUrl);
      const answeredState = await arr.locator('dl.facts .state').textContent();
      const history = await arr.getByRole('region', { name: 'Historie projektu' }).textContent();
      const prefilled = await arr.getByLabel('Co se v období udělalo').inputValue();
      await arr.getByLabel('Co se v období udělalo').fill(ARR_TEXT);
      await Promise.all([arr.waitForURL(/hotovo=upraveno/), arr.getByRole('button', { name: 'Uložit text do zprávy' }).click()]);
      clock.advance(60 * 60 * 1000);
      const arrVersion = await arr.getByRole('region', { name: 'Verze ARR' }).textContent();
      const personVersion = await arr.getByRole('region', { name: 'Verze kontaktní osoby' }).textContent();
      const insertions = await arr.getByRole('region', { name: /Co ARR změnila/ }).locator('ins').count();
      await ledger.audit(arr, 'console-editorial-4-arr-text');

      // The person writes once more, now with a delay and a note for ARR: the report keeps ARR's
      // text, the dashboard flags it and shows the note.
      await personSaves(person, 'Předání škole se posouvá na září kvůli revizi.', 'zpožděno', NOTE_TO_ARR);
      await arr.goto(`${system.consoleUrl}/cycles/2026-H1`);
      await ledger.audit(arr, 'console-editorial-5-dashboard');
      const notes = await arr.getByRole('region', { name: 'Poznámky kontaktních osob pro ARR' }).textContent();
      const row = arr.getByRole('row').filter({ has: arr.getByRole('link', { name: PROJECT }) });
      const flags = await row.locator('.flag').allTextContents();
      const changedColour = await row.locator('.flag-changed').evaluate((element) => getComputedStyle(element).color);
      const attention = await arr.locator('.attention').textContent();
      const slips = arr.getByRole('region', { name: 'Projekty se skluzem' });
      const slipText = await slips.textContent();
      await slips.getByRole('link', { name: PROJECT }).click();
      await arr.waitForURL(projectUrl);
      const changedFlag = await arr.locator('dl.facts .flag-changed').textContent();
      await ledger.audit(arr, 'console-editorial-6-changed');

      // Assess
      expect(refusedStatus).toBe(422);
      expect(refusedSummary).toContain('Napište komentář: co má kontaktní osoba doplnit nebo opravit.');
      expect(returnedState).toBe('vráceno k doplnění');
      expect(returnedNote).toBe(`Komentář: ${COMMENT}`);
      expect(returnEmail?.subject).toBe(`Vráceno k doplnění: ${PROJECT} (podklady za 1. pololetí 2026)`);
      expect(personState).toBe('Vráceno k doplnění (verze 1)');
      expect(personComment).toBe(COMMENT);
      expect(answeredState).toBe('odesláno');
      expect(history).toContain('Verze 1 vrácena k doplnění');
      expect(history).toContain('A jaký má výkon v kWp.');
      expect(history).toContain('Verze 2 od kontaktní osoby');
      expect(prefilled).toBe('FVE dokončena a 20. 5. 2026 předána škole, výkon 48 kWp.');
      expect(arrVersion).toContain(ARR_TEXT);
      expect(arrVersion).toContain(`Upravil(a) ${consoleAccount(system, 'arr').email}`);
      expect(personVersion).toContain('FVE dokončena a 20. 5. 2026 předána škole, výkon 48 kWp.');
      expect(insertions).toBeGreaterThan(0);
      expect(flags).toEqual(['text do zprávy upravila ARR', 'změněno po úpravě ARR']);
      expect(changedColour).toBe('rgb(164, 0, 29)');
      expect(attention).toContain(PROJECT);
      expect(slipText).toContain('Kontaktní osoba uvedla stav „zpožděno“.');
      expect(notes).toContain(PROJECT);
      expect(notes).toContain(NOTE_TO_ARR);
      expect(changedFlag).toBe('změněno po úpravě ARR');
      ledger.expectClean();
      await context.close();
    },
    240_000,
  );

  it.skipIf(chromiumMissing)(
    browserTestTitle('ARR edits an annual report text and sends it back to the pre-filled one; the steering group reads without forms; WCAG 2.1 AA'),
    async () => {
      // Prepare
      const context = await newConsoleContext(browser);
      const arr = await context.newPage();
      await signInToConsole(arr, system, consoleAccount(system, 'arr'));

      // Act: the 2025 texts, pre-filled from the imported half-years.
      await arr.goto(`${system.consoleUrl}/indicators`);
      await ledger.audit(arr);
      await arr.getByRole('link', { name: 'texty k aktivitám za rok 2025' }).click();
      await ledger.audit(arr, 'console-editorial-7-annual-texts');
      const first = arr.locator('textarea').first();
      const prefill = await first.inputValue();
      await first.fill('Text ARR k první aktivitě.\n\n- první bod\n- druhý bod');
      await Promise.all([arr.waitForURL(/ulozeno=1/), arr.getByRole('button', { name: 'Uložit změněné texty' }).first().click()]);
      const saved = await arr.getByRole('status').textContent();
      const savedValue = await arr.locator('textarea').first().inputValue();
      await ledger.audit(arr, 'console-editorial-8-annual-text-saved');
      await arr.goto(`${system.consoleUrl}/years/2025/report`);
      const inReport = await arr.locator('.report-preview').textContent();
      await ledger.audit(arr, 'console-editorial-9-annual-report');
      await arr.getByRole('link', { name: 'Upravit texty k aktivitám' }).click();
      await Promise.all([arr.waitForURL(/predvyplneno=1/), arr.getByRole('button', { name: 'Vrátit k předvyplněnému textu' }).click()]);
      const resetValue = await arr.locator('textarea').first().inputValue();

      // The steering group reads the same pages.
      const steeringContext = await newConsoleContext(browser);
      const steering = await steeringContext.newPage();
      await signInToConsole(steering, system, consoleAccount(system, 'ridici-skupina'));
      await steering.goto(`${system.consoleUrl}/cycles/2026-H1/projects/${PROJECT_ID}`);
      const projectForms = await steering.locator('main form[method="post"]').count();
      const steeringProject = await steering.locator('main').textContent();
      await ledger.audit(steering, 'console-editorial-10-steering-project');
      await steering.goto(`${system.consoleUrl}/years/2025/texts`);
      const textForms = await steering.locator('main form[method="post"], main textarea').count();
      await ledger.audit(steering);

      // Assess
      expect(prefill.trim()).not.toBe('');
      expect(saved).toBe('Uloženo: 1 text.');
      expect(savedValue).toBe('Text ARR k první aktivitě.\n\n- první bod\n- druhý bod');
      expect(inReport).toContain('Text ARR k první aktivitě.');
      expect(resetValue).toBe(prefill);
      expect(projectForms).toBe(0);
      expect(steeringProject).toContain('Předání škole se posouvá na září kvůli revizi.');
      expect(steeringProject).not.toContain(NOTE_TO_ARR);
      expect(textForms).toBe(0);
      ledger.expectClean();
      await steeringContext.close();
      await context.close();
    },
    180_000,
  );
});
