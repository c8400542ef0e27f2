/**
 * ARR's console in a real browser, over the whole local stack: ARR signs in at the local OpenID
 * provider, opens a half-year through the form, a contact person answers through their emailed
 * link, the dashboard shows it, ARR writes a chapter, previews the report, closes the cycle and
 * downloads the DOCX; then a steering-group member reads the reports and is refused every action.
 * axe-core audits every console page (WCAG 2.1 A and AA). Screenshots land in out/screenshots/.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROUTE_KEYS } from '../../functions/console/route-keys';
import { MovableClock } from '../../local/composition';
import { listSentEmails } from '../../local/ses-inbox';
import { startLocalSystem, type LocalSystem } from '../../local/system';
import { browserTestTitle, chromiumMissing, launchChromium } from './browser/chromium';
import { AuditLedger, consoleAccount, newConsoleContext, SCREENSHOTS, signInToConsole } from './browser/console';
import { personalLinkOf } from './browser/personal-link';
import { sesHardBounce } from '../../local/scenario/ses';

const PERSON_EMAIL = 'k.simonova@example.org';
const PROJECT = 'Gymnázium Česká Lípa';
const NARRATIVE = 'Proběhla tři setkání, tzv. Digitální kavárny.';

let dataDir: string;
let system: LocalSystem;
let browser: Browser;
const ledger = new AuditLedger({ phoneAudit: false, fullPage: false });

beforeAll(async () => {
  if (chromiumMissing) return;
  dataDir = await mkdtemp(join(tmpdir(), 'console-e2e-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  // 8:00 in Prague on 1 June 2026.
  system = await startLocalSystem({
    dataDir,
    clock: new MovableClock(new Date('2026-06-01T06:00:00Z'), { frozen: true }),
    background: false,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('ARR’s console in Chromium', () => {
  it.skipIf(chromiumMissing)(
    browserTestTitle('runs a half-year: open, follow a submission, write a chapter, preview, close, download; WCAG 2.1 AA on every page'),
    async () => {
      // Prepare
      const context = await newConsoleContext(browser, { acceptDownloads: true });
      const page = await context.newPage();

      // Act: sign in and open the half-year, first with a mistake.
      await signInToConsole(page, system, consoleAccount(system, 'arr'));
      await ledger.audit(page, 'console-1-cycles');
      await page.getByLabel('Období').selectOption('2026-H1');
      await page.getByLabel('Jednání Řídící skupiny').fill('2026-09-10');
      await page.getByRole('button', { name: 'Otevřít pololetí a rozeslat pozvánky' }).click();
      const formError = await page.getByRole('alert').textContent();
      await ledger.audit(page, 'console-2-open-errors');
      await page.getByLabel('Termín odevzdání podkladů').fill('2026-07-15');
      await Promise.all([page.waitForURL(/\/arr\/cycles\/2026-H1/), page.getByRole('button', { name: 'Otevřít pololetí a rozeslat pozvánky' }).click()]);
      const opened = await page.getByRole('status').textContent();
      await system.drainQueues();

      // A contact person answers through the emailed link.
      const link = personalLinkOf(await listSentEmails(system.endpoints.ses), PERSON_EMAIL, system.apiUrl);
      const contact = await context.newPage();
      await contact.goto(link);
      const section = contact.getByRole('region', { name: PROJECT, exact: true });
      await section.getByLabel(/Co se v projektu udělalo/).fill('FVE dokončena a předána do zkušebního provozu.');
      await section.getByLabel(/Plán na \d\. pololetí/).fill('Vyhodnocení provozu.');
      await section.getByText('dokončeno', { exact: true }).click();
      await Promise.all([contact.waitForURL(/ulozeno=/), section.getByRole('button', { name: /Uložit vše/ }).click()]);
      await system.drainQueues();

      // The dashboard shows it.
      await page.goto(`${system.consoleUrl}/cycles/2026-H1`);
      await ledger.audit(page, 'console-3-dashboard');
      const projectRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: PROJECT }) });
      const projectStatus = await projectRow.getByText('odevzdáno').count();
      const personRow = page.getByRole('row').filter({ hasText: 'K. Šimonová' }).first();
      const personProgress = await personRow.locator('.progress span').textContent();
      await projectRow.getByRole('link', { name: PROJECT }).click();
      await ledger.audit(page, 'console-4-project');
      const versionHeading = await page.getByRole('heading', { name: 'Verze 1' }).count();

      // Write chapters: the payment portal with its „Celkem“ row, and a narrative for chapter 3.
      await page.goto(`${system.consoleUrl}/cycles/2026-H1/chapters/payment-portal`);
      await page.getByLabel('Činnosti v období').fill('Technická asistence obcím.');
      for (const [label, value] of [['Aktivní obce', '57'], ['Aktivní služby', '155'], ['Obce v přípravě', '15'], ['Obce se zájmem', '21']] as const) {
        await page.getByLabel(label, { exact: true }).fill(value);
      }
      await page.locator('#kap-monthlyPayments-0-month').fill('2026-01');
      await page.locator('#kap-monthlyPayments-0-count').fill('162');
      await page.locator('#kap-monthlyPayments-0-volumeCzk').fill('183476');
      await page.locator('#kap-monthlyPayments-1-month').fill('2026-02');
      await page.locator('#kap-monthlyPayments-1-count').fill('155');
      await page.locator('#kap-monthlyPayments-1-volumeCzk').fill('179743');
      await page.getByLabel('Plán na další období').fill('Zapojit další obce.');
      await Promise.all([page.waitForURL(/ulozeno=1/), page.getByRole('button', { name: 'Uložit kapitolu' }).click()]);
      await ledger.audit(page, 'console-5-chapter');
      const total = await page.getByRole('row', { name: /Celkem/ }).textContent();
      await page.goto(`${system.consoleUrl}/cycles/2026-H1/chapters/area-narratives`);
      await page.getByLabel('Digitální technologie ve středních školách poskytujících všeobecné vzdělání', { exact: false }).first().fill(NARRATIVE);
      await Promise.all([page.waitForURL(/ulozeno=1/), page.getByRole('button', { name: 'Uložit kapitolu' }).click()]);
      await ledger.audit(page);

      // Preview before the report exists, close with confirmation, then the report.
      await page.goto(`${system.consoleUrl}/cycles/2026-H1/report`);
      const beforeClose = await page.locator('main').textContent();
      const contentsMarkers = await page.locator('.report-preview nav.toc ol').first().evaluate((list) => getComputedStyle(list).listStyleType);
      const missingColour = await page.locator('.report-preview .missing').first().evaluate((field) => getComputedStyle(field).color);
      await ledger.audit(page);
      await page.goto(`${system.consoleUrl}/cycles/2026-H1`);
      await page.getByRole('link', { name: 'Uzavřít cyklus…' }).click();
      await ledger.audit(page, 'console-6-close');
      await Promise.all([page.waitForURL(/hotovo=uzavreno/), page.getByRole('button', { name: 'Ano, uzavřít cyklus' }).click()]);
      await system.drainQueues();
      await page.goto(`${system.consoleUrl}/cycles/2026-H1/report`);
      await ledger.audit(page, 'console-7-report');
      const preview = await page.locator('.report-preview').textContent();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Stáhnout DOCX/ }).click()]);
      const docx = await readFile((await download.path())!);
      await page.goto(`${system.consoleUrl}/indicators`);
      await ledger.audit(page);

      // Sign out.
      await page.getByRole('button', { name: 'Odhlásit se' }).click();
      await page.getByRole('button', { name: 'Odhlásit se' }).click();
      await page.waitForURL(/\/arr\/signed-out/);
      await ledger.audit(page);
      const afterSignOut = await page.goto(`${system.consoleUrl}/cycles/2026-H1`);

      // Assess
      expect(formError).toContain('Zadejte termín odevzdání.');
      expect(opened).toContain('Pololetí je otevřené');
      expect(projectStatus).toBe(1);
      expect(personProgress).toMatch(/^1 z \d+/);
      expect(versionHeading).toBe(1);
      expect(total).toContain('317');
      expect(total).toContain('363');
      expect(beforeClose).toContain('Zpráva se sestaví');
      // The preview reads as the report does: chapters numbered once (by their own titles), unanswered projects in red.
      expect(contentsMarkers).toBe('none');
      expect(missingColour).toBe('rgb(155, 28, 28)');
      expect(preview).toContain('FVE dokončena a předána do zkušebního provozu.');
      expect(preview).toContain(NARRATIVE);
      expect(preview).toContain('Celkem');
      expect(download.suggestedFilename()).toBe('monitorovaci-zprava-2026-H1.docx');
      expect(docx.subarray(0, 2).toString()).toBe('PK');
      expect(afterSignOut?.url()).toContain('/interaction/');
      ledger.expectClean();
      await context.close();
    },
    180_000,
  );

  it.skipIf(chromiumMissing)(
    browserTestTitle('lets a steering-group member read the reports and the dashboard, and answers 403 to every state-changing route'),
    async () => {
      // Prepare
      const context = await newConsoleContext(browser, { acceptDownloads: true });
      const page = await context.newPage();
      await signInToConsole(page, system, consoleAccount(system, 'ridici-skupina'));
      const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
      // The greedy route names no page: a post to an unknown address is a 404 for anyone (pages.test.ts).
      const postRoutes = CONSOLE_ROUTE_KEYS.filter((key) => key.startsWith('POST ') && key !== 'POST /arr/sign-out' && !key.endsWith('+}')).map((key) =>
        key
          .slice('POST '.length)
          .replace('{cycleId}', '2026-H1')
          .replace('{contactPersonId}', 'k-simonova')
          .replace('{section}', 'trends')
          .replace('{activityAreaId}', 'digitalni-vek')
          .replace('{projectId}', 'gymnazium-ceska-lipa')
          .replace('{code}', 'DV-1')
          .replace('{year}', '2025'),
      );
      const arrPages = ['/arr/cycles/2026-H1/chapters/trends', '/arr/cycles/2026-H1/close', '/arr/plan/contacts/k-simonova', '/arr/plan/import'];

      // Act
      const cycles = await page.locator('main').textContent();
      await ledger.audit(page);
      await page.goto(`${system.consoleUrl}/cycles/2026-H1`);
      const dashboardForms = await page.locator('main form').count();
      await ledger.audit(page);
      await page.goto(`${system.consoleUrl}/cycles/2026-H1/report`);
      const preview = await page.locator('.report-preview').textContent();
      await ledger.audit(page);
      const statuses = await Promise.all(postRoutes.map(async (path) => (await page.request.post(`${system.apiUrl}${path}`, { form: { _csrf: csrf, deadline: '2026-08-01' }, maxRedirects: 0 })).status()));
      const pageStatuses = await Promise.all(arrPages.map(async (path) => (await page.request.get(`${system.apiUrl}${path}`, { maxRedirects: 0 })).status()));
      const refused = await page.goto(`${system.apiUrl}/arr/cycles/2026-H1/chapters/trends`);
      await ledger.audit(page);
      const cycle = await system.deps.cycles.getCycle('2026-H1');
      const plan = await system.deps.plans.getPlan(system.deps.config.planId);

      // Assess
      expect(cycles).toContain('1. pololetí 2026');
      expect(plan.contactPersons.find((person) => person.id === 'k-simonova')?.email).toBe(PERSON_EMAIL);
      expect(cycles).not.toContain('Otevřít nové pololetí');
      expect(dashboardForms).toBe(0);
      expect(preview).toContain('FVE dokončena a předána do zkušebního provozu.');
      expect(postRoutes.length).toBeGreaterThanOrEqual(6);
      expect(statuses).toEqual(postRoutes.map(() => 403));
      expect(pageStatuses).toEqual([403, 403, 403, 403]);
      expect(refused?.status()).toBe(403);
      expect(cycle?.deadline).toBe('2026-07-15T21:59:59.000Z');
      ledger.expectClean();
      await context.close();
    },
    120_000,
  );

  it.skipIf(chromiumMissing)(
    browserTestTitle('lets ARR change a contact person’s email in the plan and find it in the history; imports with Czech errors; flags a bounced address; WCAG 2.1 AA on every plan page'),
    async () => {
      // Prepare
      const context = await newConsoleContext(browser, { acceptDownloads: true });
      const page = await context.newPage();
      await signInToConsole(page, system, consoleAccount(system, 'arr'));
      const brokenPlan = JSON.stringify({ ...(await system.deps.plans.getPlan(system.deps.config.planId)), name: '' });
      await fetch(`${system.apiUrl}/local/ses-events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${system.arrKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(sesHardBounce({ email: 's.jager@example.org', cycleId: '2026-H1', contactPersonId: 's-jager', at: new Date('2026-06-01T05:30:00Z') })),
      });
      await system.drainQueues();

      // Act: through the navigation to the contact person, a wrong address first.
      await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Akční plán' }).click();
      await ledger.audit(page, 'console-plan-1-overview');
      await page.getByRole('navigation', { name: 'Části akčního plánu' }).getByRole('link', { name: 'Kontaktní osoby' }).click();
      await ledger.audit(page, 'console-plan-2-contacts');
      await page.getByRole('link', { name: 'Upravit K. Šimonová' }).click();
      await ledger.audit(page, 'console-plan-3-contact');
      await page.getByLabel('E-mail', { exact: true }).fill('simonova.kraj-lbc.cz');
      await page.getByRole('button', { name: 'Uložit kontaktní osobu' }).click();
      const fieldError = await page.getByRole('alert').textContent();
      await ledger.audit(page, 'console-plan-4-contact-error');
      await page.getByLabel('E-mail', { exact: true }).fill('k.simonova@kraj-lbc.cz');
      await Promise.all([page.waitForURL(/hotovo=/), page.getByRole('button', { name: 'Uložit kontaktní osobu' }).click()]);
      const saved = await page.getByRole('status').textContent();
      const row = await page.locator('#osoba-k-simonova').textContent();

      // The history lists the revision; its detail says what changed.
      await page.getByRole('navigation', { name: 'Části akčního plánu' }).getByRole('link', { name: 'Historie změn' }).click();
      await ledger.audit(page, 'console-plan-5-history');
      const newest = await page.getByRole('row').nth(1).textContent();
      await page.getByRole('row').nth(1).getByRole('link').click();
      await ledger.audit(page, 'console-plan-6-revision');
      const detail = await page.locator('main').textContent();

      // The other parts of the plan and their forms.
      for (const [path, shot] of [
        ['/plan/areas', 'console-plan-7-areas'],
        ['/plan/areas/digitalni-vek', 'console-plan-8-guarantor'],
        ['/plan/projects', 'console-plan-9-projects'],
        ['/plan/projects/gymnazium-ceska-lipa', 'console-plan-10-project'],
        ['/plan/indicators', 'console-plan-11-indicators'],
        ['/plan/indicators/DV-1', 'console-plan-12-indicator'],
        ['/plan/past-reports', 'console-plan-13-past-reports'],
      ] as const) {
        await page.goto(`${system.consoleUrl}${path}`);
        await ledger.audit(page, shot);
      }

      // An import with a mistake, uploaded as a file: Czech errors and nothing stored.
      const revisionBefore = await system.deps.plans.currentRevision(system.deps.config.planId);
      await page.goto(`${system.consoleUrl}/plan/import`);
      await page.getByLabel('Soubor s plánem (JSON)').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(brokenPlan) });
      await page.getByRole('button', { name: 'Zkontrolovat a nahrát plán' }).click();
      const importErrors = await page.locator('#chyby-planu').textContent();
      await ledger.audit(page, 'console-plan-14-import-errors');
      const revisionAfter = await system.deps.plans.currentRevision(system.deps.config.planId);

      // The dashboard flags the bounced address.
      await page.goto(`${system.consoleUrl}/cycles/2026-H1`);
      const delivery = await page.getByRole('region', { name: 'Doručení e-mailů' }).textContent();
      await ledger.audit(page, 'console-plan-15-dashboard-bounce');

      // Assess
      expect(fieldError).toContain('Zadejte platnou e-mailovou adresu');
      expect(saved).toContain('Změna je uložena jako verze');
      expect(row).toContain('k.simonova@kraj-lbc.cz');
      expect(newest).toContain('Úprava kontaktní osoby.');
      expect(newest).toContain('e-mail změněn z k.simonova@example.org na k.simonova@kraj-lbc.cz');
      expect(newest).toContain(consoleAccount(system, 'arr').email);
      expect(detail).toContain('Kontaktní osoba K. Šimonová: e-mail změněn z k.simonova@example.org na k.simonova@kraj-lbc.cz.');
      expect(importErrors).toContain('Plán › název: Vyplňte název akčního plánu.');
      expect(revisionAfter).toBe(revisionBefore);
      expect(delivery).toContain('S. Jäger (s.jager@example.org): adresa je nedoručitelná');
      expect(delivery).toContain('smtp; 550 5.1.1 user unknown');
      ledger.expectClean();
      await context.close();
    },
    180_000,
  );

  it.skipIf(chromiumMissing)(browserTestTitle('shows the session’s own pages, signed in, signed out and refused, to WCAG 2.1 AA at 1280 and 390 px'), async () => {
    // Prepare
    const context = await newConsoleContext(browser);
    const page = await context.newPage();
    const sessionLedger = new AuditLedger({ phoneAudit: true, fullPage: false });
    await signInToConsole(page, system, consoleAccount(system, 'ridici-skupina'));

    // Act
    await sessionLedger.audit(page, 'console-session-1-signed-in');
    await page.getByRole('button', { name: 'Odhlásit se' }).click();
    await page.getByRole('button', { name: 'Odhlásit se' }).click();
    await page.waitForURL(/\/arr\/signed-out/);
    await sessionLedger.audit(page, 'console-session-2-signed-out');
    // A session cookie the console did not seal: what a person sees when theirs was altered or has lapsed.
    await context.addCookies([{ name: 'arr_session', value: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z', url: `${system.apiUrl}/arr` }]);
    const refused = await page.goto(`${system.apiUrl}/arr`);
    await sessionLedger.audit(page, 'console-session-3-refused');

    // Assess
    expect(refused?.status()).toBe(401);
    await expect(page.getByRole('link', { name: 'Přihlásit se' }).count()).resolves.toBeGreaterThan(0);
    expect(await page.textContent('body')).toContain('Přihlášení není platné nebo vypršelo.');
    sessionLedger.expectClean();
    await context.close();
  });

  it.skipIf(chromiumMissing)(browserTestTitle('signs in and out under the pages’ own content security policy'), async () => {
    // Prepare
    const strict = await browser.newContext({ locale: 'cs-CZ' });
    strict.setDefaultTimeout(10_000);
    const page = await strict.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text());
    });
    await signInToConsole(page, system, consoleAccount(system, 'ridici-skupina'));

    // Act
    const policy = (await page.reload())?.headers()['content-security-policy'] ?? '';
    await page.getByRole('button', { name: 'Odhlásit se' }).click();
    await page.getByRole('button', { name: 'Odhlásit se' }).click();
    await page.waitForURL(/\/arr\/signed-out/);
    const heading = await page.getByRole('heading', { level: 1 }).textContent();

    // Assess
    expect(policy).toContain(`form-action 'self' ${system.identity.issuer}`);
    expect(heading).toBe('Jste odhlášeni');
    expect(blocked).toEqual([]);
    await strict.close();
  });
});
