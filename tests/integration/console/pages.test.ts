// The console's pages over the local stack, signed in as ARR: the version diff of a project, the
// Czech field errors of the dates and chapter forms, and what the steering group is shown.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovableClock } from '../../../local/composition';
import { listSentEmails } from '../../../local/ses-inbox';
import { startLocalSystem, type LocalSystem } from '../../../local/system';
import { personalLinkOf } from '../../e2e/browser/personal-link';
import { ConsoleClient, csrfTokenOf } from '../../support/console-client';

let dataDir: string;
let system: LocalSystem;
let arr: ConsoleClient;
let csrf: string;

async function submit(token: string, expectedVersion: number, thisPeriod: string): Promise<void> {
  const response = await fetch(`${system.apiUrl}/s/${token}/projects/gymnazium-ceska-lipa`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ expectedVersion, thisPeriod, nextPeriodPlan: 'Provoz.', status: 'on-track', indicatorContributions: {} }),
  });
  if (response.status >= 400) throw new Error(`Submission failed: HTTP ${response.status} ${await response.text()}`);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-pages-'));
  system = await startLocalSystem({ dataDir, clock: new MovableClock(new Date('2026-06-01T06:00:00Z'), { frozen: true }), background: false });
  arr = new ConsoleClient(system.apiUrl);
  const account = system.identity.accounts.find((candidate) => candidate.groups.includes('arr'))!;
  const landed = await arr.signIn(account.email, account.password);
  csrf = csrfTokenOf(landed.body);
  const opened = await arr.request('/arr/cycles', {
    form: { _csrf: csrf, period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10', daysBeforeDeadline: '14, 7, 1', overdueAfterDays: '1', escalateAfterDays: '7' },
  });
  if (opened.status !== 303) throw new Error(`Opening failed: HTTP ${opened.status}`);
  await system.drainQueues();
  const token = personalLinkOf(await listSentEmails(system.endpoints.ses), 'k.simonova@example.org', system.apiUrl).split('/s/')[1]!;
  await submit(token, 0, 'Dokončení FVE a zahájení provozu.');
  await submit(token, 1, 'Dokončení FVE, zkušební provoz a předání škole.');
  await system.drainQueues();
});

afterAll(async () => {
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('console pages', () => {
  it('shows every version of a project and what changed between two of them', async () => {
    // Act
    const page = await arr.request('/arr/cycles/2026-H1/projects/gymnazium-ceska-lipa?od=1&do=2');

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('Verze 2');
    expect(page.body).toContain('Verze 1');
    expect(page.body).toContain('Změny mezi verzí 1 a 2');
    expect(page.body).toContain('<del><span class="visually-hidden">[odebráno: </span>zahájení<span class="visually-hidden">]</span></del>');
    expect(page.body).toContain('<ins><span class="visually-hidden">[přidáno: </span>zkušební provoz <span class="visually-hidden">]</span></ins>');
  });

  it('shows beside what was done what the project planned for the half-year, from the report of the half-year before', async () => {
    // Act
    const page = await arr.request('/arr/cycles/2026-H1/projects/gymnazium-ceska-lipa');

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('<dt>Plán z 2. pololetí 2025</dt><dd class="text">Dokončení FVE, zahájení provozu.</dd>');
  });

  it('refuses a meeting before the deadline with a Czech message at the field, and moves the dates otherwise', async () => {
    // Act
    const refused = await arr.request('/arr/cycles/2026-H1/dates', { form: { _csrf: csrf, deadline: '2026-07-15', meetingDate: '2026-07-01' } });
    const moved = await arr.request('/arr/cycles/2026-H1/dates', { form: { _csrf: csrf, deadline: '2026-07-31', meetingDate: '2026-09-24' } });
    const cycle = await system.deps.cycles.getCycle('2026-H1');

    // Assess
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('Jednání řídící skupiny musí být později než termín odevzdání.');
    expect(refused.body).toContain('href="#nove-jednani"');
    expect(moved.status).toBe(303);
    expect(cycle).toMatchObject({ deadline: '2026-07-31T21:59:59.000Z', meetingDate: '2026-09-24', scheduleRound: 1 });
  });

  it('maps a chapter’s errors back to the row typed in, even after an empty row', async () => {
    // Act
    const refused = await arr.request('/arr/cycles/2026-H1/chapters/trends', {
      form: { _csrf: csrf, 'events.0.month': '', 'events.0.name': '', 'events.1.month': 'březen', 'events.1.name': 'Bezpečná škola', smartDocuments: 'Strategie AI', opportunities: '' },
    });
    const saved = await arr.request('/arr/cycles/2026-H1/chapters/trends', {
      form: { _csrf: csrf, 'events.1.month': '2026-03', 'events.1.name': 'Bezpečná škola', smartDocuments: 'Strategie AI\nPlán digitalizace', opportunities: '' },
    });
    const sections = await system.deps.agency.getAgencySections('2026-H1');

    // Assess
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('href="#kap-events-1-month"');
    expect(refused.body).toContain('Zadejte měsíc ve tvaru RRRR-MM.');
    expect(refused.body).toContain('value="březen"');
    expect(saved.status).toBe(303);
    expect(sections.trends).toEqual({ events: [{ month: '2026-03', name: 'Bezpečná škola' }], smartDocuments: ['Strategie AI', 'Plán digitalizace'], opportunities: [] });
  });

  it('offers to open only half-years that have no cycle yet, and shows no dates for the cycles taken from reports', async () => {
    // Act (the clock stands at 1 June 2026: 2025-H2 was taken from a report, 2026-H1 is open)
    const home = await arr.request('/arr');

    // Assess
    const options = [...home.body.matchAll(/<option value="([^"]+)"( selected)?/g)].map((match) => `${match[1]}${match[2] ? ' (selected)' : ''}`);
    expect(options).toEqual(['2026-H2 (selected)']);
    // 2026-H2 follows the open 2026-H1: its report will have the column of the previous half-year.
    expect(home.body).not.toContain('v systému není');
    const imported = home.body.slice(home.body.indexOf('2. pololetí 2025'), home.body.indexOf('1. pololetí 2025'));
    expect(imported).toContain('převzato ze zprávy');
    expect(imported).not.toContain('31. 12. 2025');
  });

  it('opens the cycle’s long page with links to its parts, each to a heading on the page', async () => {
    // Act
    const page = await arr.request('/arr/cycles/2026-H1');

    // Assess
    const nav = /<nav class="sub-nav" aria-label="Části stránky">([\s\S]*?)<\/nav>/.exec(page.body)?.[1] ?? '';
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!);
    expect(targets).toEqual(['poznamky', 'oblasti', 'osoby', 'projekty', 'pripominky', 'terminy']);
    for (const target of targets) expect(page.body).toContain(`<h2 id="${target}">`);
  });

  it('lists the reports of the half-years taken from reports, and not the open cycle’s, which has none yet', async () => {
    // Act
    const page = await arr.request('/arr/indicators');
    const monitoring = page.body.slice(page.body.indexOf('id="zpravy"'));

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('<a href="/arr/years/2025/report">Výroční zpráva za rok 2025</a>');
    expect(monitoring).toContain('<a href="/arr/cycles/2025-H2/report">Monitorovací zpráva za 2. pololetí 2025</a>');
    expect(monitoring).toContain('<a href="/arr/cycles/2025-H1/report">Monitorovací zpráva za 1. pololetí 2025</a>');
    expect(monitoring).not.toContain('2026-H1');
  });

  it('shows the open cycle’s indicator values so far by activity area: the plan’s baseline and what the submissions add', async () => {
    // Arrange: a second project of the same person contributes to EM-1 (the first contributed nothing).
    const token = personalLinkOf(await listSentEmails(system.endpoints.ses), 'k.simonova@example.org', system.apiUrl).split('/s/')[1]!;
    const response = await fetch(`${system.apiUrl}/s/${token}/projects/jedlickuv-ustav-liberec`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion: 0, thisPeriod: 'Zapojení systému řízení budovy.', nextPeriodPlan: 'Vyhodnocení úspor.', status: 'on-track', indicatorContributions: { 'EM-1': 2 } }),
    });
    expect(response.status).toBe(201);
    await system.drainQueues();

    // Act
    const page = await arr.request('/arr/indicators');
    const values = page.body.slice(page.body.indexOf('id="hodnoty"'), page.body.indexOf('id="otevrena-data"'));

    // Assess
    expect(page.status).toBe(200);
    expect(values).toContain('Hodnoty indikátorů za 1. pololetí 2026');
    expect(values).toContain('Průběžné hodnoty');
    expect(values).toContain('<th scope="rowgroup" colspan="4">Energetický management a hospodaření s vodou</th>');
    // The plan's baseline 4 (31 Dec 2025) plus the 2 of this half-year, from one project.
    expect(values).toMatch(/<th scope="row"><span class="nowrap">EM-1<\/span> <span class="indicator-name">[^<]+<\/span><\/th><td class="number">2<\/td><td class="number">6<\/td><td class="number">1<\/td>/);
    expect(values.match(/<tr>/g)).toHaveLength(1 + 7 + 15);
  });

  it('shows the report of a half-year taken from a report, saying where it comes from, with its downloads, in place of a dashboard', async () => {
    // Act
    const page = await arr.request('/arr/cycles/2025-H2/report');
    const markdown = await arr.request('/arr/cycles/2025-H2/report/md');
    const home = await arr.request('/arr');
    const dashboard = await arr.request('/arr/cycles/2025-H2');

    // Assess
    expect(dashboard.status).toBe(303);
    expect(new URL(dashboard.location!).pathname).toBe('/arr/cycles/2025-H2/report');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Zpráva je sestavená z monitorovací zprávy za toto pololetí, která vznikla před zavedením systému');
    expect(page.body).toContain('Monitorovací zpráva za 2. pololetí 2025');
    expect(page.body).toContain('href="/arr/cycles/2025-H2/report/docx"');
    expect(page.body).not.toContain('href="/arr/cycles/2025-H2"');
    expect(page.body).not.toContain('/arr/cycles/2025-H2/chapters');
    expect(markdown.status).toBe(200);
    expect(markdown.body).toContain('Energetický management a hospodaření s vodou');
    expect(home.body).toContain('href="/arr/cycles/2025-H2/report" aria-label="Monitorovací zpráva za 2. pololetí 2025"');
  });

  it('sends a person a new link from the dashboard and revokes the old ones', async () => {
    // Prepare
    const before = (await listSentEmails(system.endpoints.ses)).filter((email) => email.to.includes('k.simonova@example.org')).length;

    // Act
    const reissued = await arr.request('/arr/cycles/2026-H1/contacts/k-simonova/link', { form: { _csrf: csrf } });
    await system.drainQueues();
    const sent = (await listSentEmails(system.endpoints.ses)).filter((email) => email.to.includes('k.simonova@example.org'));
    const dashboard = await arr.request(reissued.location!);

    // Assess
    expect(reissued.status).toBe(303);
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)?.subject).toMatch(/^Nový odkaz: podklady k monitoringu akčního plánu za 1\. pololetí 2026/);
    expect(sent.at(-1)?.text).toContain('Odkazy, které jste dostali dříve, už neplatí.');
    expect(dashboard.body).toContain('Nový odkaz se posílá e-mailem');
  });

  it('revokes every link of a person from the dashboard and tells ARR how the person gets a new one', async () => {
    // Prepare: the link of the newest email, the one the test above had sent
    const newest = personalLinkOf((await listSentEmails(system.endpoints.ses)).reverse(), 'k.simonova@example.org', system.apiUrl);
    const before = (await fetch(newest)).status;

    // Act
    const revoked = await arr.request('/arr/cycles/2026-H1/contacts/k-simonova/revoke', { form: { _csrf: csrf } });
    const after = (await fetch(newest)).status;
    const dashboard = await arr.request(revoked.location!);

    // Assess
    expect([before, revoked.status, after]).toEqual([200, 303, 404]);
    expect(dashboard.body).toContain('Odkazy osoby byly zrušeny. Podklady teď nemůže odeslat, dokud nedostane nový odkaz');
  });

  it('answers an address under /arr/ that no page has with a Czech page of the console, signed in or not, read or posted to', async () => {
    // Act
    const signedIn = await arr.request('/arr/cycles/2026-H1/prehled');
    const signedOut = await fetch(`${system.apiUrl}/arr/cykly`, { redirect: 'manual' });
    const signedOutBody = await signedOut.text();
    const posted = await arr.request('/arr/cycles/2026-H1/zavrit', { form: { _csrf: csrf } });
    const existing = await arr.request('/arr/cycles/2026-H1');

    // Assess
    for (const [status, body] of [[signedIn.status, signedIn.body], [signedOut.status, signedOutBody], [posted.status, posted.body]] as const) {
      expect(status).toBe(404);
      expect(body).toContain('<title>Stránka nenalezena');
      expect(body).toContain('Tato stránka konzole neexistuje. Adresa mohla být neúplná nebo zastaralá');
      expect(body).toContain('<a href="/arr">Zpět na přehled cyklů</a>');
    }
    expect(signedOut.headers.get('content-type')).toContain('text/html');
    expect(existing.status).toBe(200);
  });

  it('answers an id longer than any the system gives with a Czech 404, and a notice code that is no notice with the page alone', async () => {
    // Prepare
    const long = 'x'.repeat(3000);

    // Act
    const cycle = await arr.request(`/arr/cycles/${long}`);
    const project = await arr.request(`/arr/cycles/2026-H1/projects/${long}`);
    const notices = await Promise.all(
      ['/arr/cycles/2026-H1', '/arr/cycles/2026-H1/projects/gymnazium-ceska-lipa', '/arr/plan/indicators'].flatMap((path) =>
        ['__proto__', 'constructor'].map((code) => arr.request(`${path}?hotovo=${code}`)),
      ),
    );

    // Assess
    for (const refused of [cycle, project]) {
      expect(refused.status).toBe(404);
      expect(refused.body).toContain('Na této adrese nic není (označení v adrese je příliš dlouhé).');
    }
    for (const page of notices) {
      expect(page.status).toBe(200);
      expect(page.body).not.toContain('role="status"');
      expect(page.body).not.toMatch(/\[object |function Object|native code/);
    }
  });

  it('sends an address with a trailing slash, such as /arr/, to the page without it, query included', async () => {
    // Act
    const root = await fetch(`${system.apiUrl}/arr/`, { redirect: 'manual' });
    const plan = await fetch(`${system.apiUrl}/arr/plan/projects//?oblast=1`, { redirect: 'manual' });
    const followed = await arr.request(root.headers.get('location')!);

    // Assess
    expect([root.status, root.headers.get('location')]).toEqual([303, '/arr']);
    expect([plan.status, plan.headers.get('location')]).toEqual([303, '/arr/plan/projects?oblast=1']);
    expect(followed.status).toBe(200);
  });

  // Last: it opens another cycle, which the tests above do not expect.
  it('says so instead of the form once the last, the running and the next half-year all have a cycle', async () => {
    // Act
    const opened = await arr.request('/arr/cycles', {
      form: { _csrf: csrf, period: '2026-H2', deadline: '2027-01-15', meetingDate: '2027-03-12', daysBeforeDeadline: '14, 7, 1', overdueAfterDays: '1', escalateAfterDays: '7' },
    });
    const home = await arr.request('/arr');

    // Assess
    expect(opened.status).toBe(303);
    expect(home.body).toContain('Teď není co otevřít: minulé, běžící i příští pololetí už svůj cyklus mají');
    expect(home.body).not.toContain('<select');
  });
});
