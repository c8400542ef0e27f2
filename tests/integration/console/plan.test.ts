// The action plan in the console over the local stack: ARR edits contact persons, guarantors,
// projects and indicators through the forms (Czech field errors, a stale revision, CSRF), imports
// and exports the plan (errors per field, nothing stored, the confirmation before removing a
// project with a report), reads the history, imports a past report; the steering group reads
// and is refused every change; the dashboard flags a bounced address.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROUTE_KEYS } from '../../../functions/console/route-keys';
import { MovableClock } from '../../../local/composition';
import { sesHardBounce } from '../../../local/scenario/ses';
import { listSentEmails } from '../../../local/ses-inbox';
import { startLocalSystem, type LocalSystem } from '../../../local/system';
import { personalLinkOf } from '../../e2e/browser/personal-link';
import { ConsoleClient, csrfTokenOf } from '../../support/console-client';
import { pastReportText } from '../../support/past-reports';

const CSRF_REFUSED = 'chybí bezpečnostní token nebo neplatí';

let dataDir: string;
let system: LocalSystem;
let arr: ConsoleClient;
let steering: ConsoleClient;
let csrf: string;

async function signedIn(group: string): Promise<{ client: ConsoleClient; csrf: string }> {
  const client = new ConsoleClient(system.apiUrl);
  const account = system.identity.accounts.find((candidate) => candidate.groups.includes(group))!;
  const landed = await client.signIn(account.email, account.password);
  return { client, csrf: csrfTokenOf(landed.body) };
}

async function revision(): Promise<number> {
  return system.deps.plans.currentRevision(system.deps.config.planId);
}

async function storedPlan() {
  return system.deps.plans.getPlan(system.deps.config.planId);
}

async function sesEvent(body: unknown): Promise<void> {
  const response = await fetch(`${system.apiUrl}/local/ses-events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${system.arrKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 202) throw new Error(`SES event refused: HTTP ${response.status} ${await response.text()}`);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-plan-'));
  system = await startLocalSystem({ dataDir, clock: new MovableClock(new Date('2026-06-01T06:00:00Z'), { frozen: true }), background: false });
  ({ client: arr, csrf } = await signedIn('arr'));
  steering = (await signedIn('ridici-skupina')).client;
  const opened = await arr.request('/arr/cycles', {
    form: { _csrf: csrf, period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10', daysBeforeDeadline: '14, 7, 1', overdueAfterDays: '1', escalateAfterDays: '7' },
  });
  if (opened.status !== 303) throw new Error(`Opening failed: HTTP ${opened.status}`);
  await system.drainQueues();
  const token = personalLinkOf(await listSentEmails(system.endpoints.ses), 'k.simonova@example.org', system.apiUrl).split('/s/')[1]!;
  const submitted = await fetch(`${system.apiUrl}/s/${token}/projects/gymnazium-ceska-lipa`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ expectedVersion: 0, thisPeriod: 'FVE v provozu.', nextPeriodPlan: 'Vyhodnocení.', status: 'on-track', indicatorContributions: {} }),
  });
  if (submitted.status >= 400) throw new Error(`Submission failed: HTTP ${submitted.status}`);
  await system.drainQueues();
}, 120_000);

afterAll(async () => {
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the plan in the console', () => {
  it('shows ARR every part of the plan, and the steering group the same read-only', async () => {
    // Prepare
    const pages = ['/arr/plan', '/arr/plan/contacts', '/arr/plan/areas', '/arr/plan/projects', '/arr/plan/indicators', '/arr/plan/history'];

    // Act
    const forArr = await Promise.all(pages.map((path) => arr.request(path)));
    const forSteering = await Promise.all(pages.map((path) => steering.request(path)));
    const cycles = await arr.request('/arr');

    // Assess
    expect(forArr.map((page) => page.status)).toEqual(pages.map(() => 200));
    expect(forSteering.map((page) => page.status)).toEqual(pages.map(() => 200));
    expect(cycles.body).toContain('<a href="/arr/plan">Akční plán</a>');
    expect(forArr[1]!.body).toContain('k.simonova@example.org');
    expect(forArr[1]!.body).toContain('href="/arr/plan/contacts/k-simonova"');
    expect(forArr[3]!.body).toContain('Gymnázium Česká Lípa');
    expect(forSteering[1]!.body).toContain('k.simonova@example.org');
    expect(forSteering.some((page) => page.body.includes('Upravit') || page.body.includes('<form method="post" action="/arr/plan'))).toBe(false);
    expect(forSteering[0]!.body).not.toContain('/arr/plan/import');
  });

  it('answers the steering group 403 on every plan form and every change, and changes nothing', async () => {
    // Prepare
    const steeringCsrf = csrfTokenOf((await steering.request('/arr/plan')).body);
    const before = await revision();
    const fill = (path: string) =>
      path.replace('{contactPersonId}', 'k-simonova').replace('{activityAreaId}', 'digitalni-vek').replace('{projectId}', 'gymnazium-ceska-lipa').replace('{code}', 'DV-1').replace('{revision}', '1');
    const posts = CONSOLE_ROUTE_KEYS.filter((key) => key.startsWith('POST /arr/plan')).map((key) => fill(key.slice('POST '.length)));
    const arrPages = ['/arr/plan/contacts/k-simonova', '/arr/plan/areas/digitalni-vek', '/arr/plan/projects/gymnazium-ceska-lipa', '/arr/plan/indicators/DV-1', '/arr/plan/import', '/arr/plan/export', '/arr/plan/history/1/export', '/arr/plan/past-reports'];

    // Act
    const statuses = await Promise.all(posts.map(async (path) => (await steering.request(path, { form: { _csrf: steeringCsrf, name: 'Změna', email: 'x@example.org' } })).status));
    const pageStatuses = await Promise.all(arrPages.map(async (path) => (await steering.request(path)).status));

    // Assess
    expect(posts.length).toBe(8);
    expect(statuses).toEqual(posts.map(() => 403));
    expect(pageStatuses).toEqual(arrPages.map(() => 403));
    expect(await revision()).toBe(before);
  });

  it('refuses a change without the CSRF token or with a wrong one, and stores nothing', async () => {
    // Prepare
    const before = await revision();

    // Act
    const missing = await arr.request('/arr/plan/contacts/s-jager', { form: { name: 'S. Jäger', email: 'jiny@example.org', organisation: '' } });
    const wrong = await arr.request('/arr/plan/contacts/s-jager', { form: { _csrf: 'x'.repeat(43), name: 'S. Jäger', email: 'jiny@example.org', organisation: '' } });
    const upload = new FormData();
    upload.set('plan', '{}');
    const multipart = await arr.request('/arr/plan/import', { multipart: upload });

    // Assess
    expect([missing.status, wrong.status, multipart.status]).toEqual([403, 403, 403]);
    expect(missing.body).toContain(CSRF_REFUSED);
    expect(await revision()).toBe(before);
    expect((await storedPlan()).contactPersons.find((person) => person.id === 's-jager')?.email).toBe('s.jager@example.org');
  });

  it('changes a contact person’s email: Czech errors first, then a fresh link at the new address and the old one dead', async () => {
    // Prepare
    const person = 'r.janousek@example.org';
    const oldLink = personalLinkOf(await listSentEmails(system.endpoints.ses), person, system.apiUrl);
    const form = csrfTokenOf((await arr.request('/arr/plan/contacts/m-fena-r-janousek')).body);
    const expectedRevision = String(await revision());
    const fields = { _csrf: form, expectedRevision, name: 'M. Féna', reportingPerson: 'R. Janoušek', organisation: 'Krajský úřad' };

    // Act
    const refused = await arr.request('/arr/plan/contacts/m-fena-r-janousek', { form: { ...fields, email: 'janousek(at)kraj' } });
    const saved = await arr.request('/arr/plan/contacts/m-fena-r-janousek', { form: { ...fields, email: 'R.Janousek@kraj-lbc.cz' } });
    const list = await arr.request(saved.location!);
    await system.drainQueues();
    const newLink = personalLinkOf(await listSentEmails(system.endpoints.ses), 'r.janousek@kraj-lbc.cz', system.apiUrl);
    const [oldPage, newPage] = await Promise.all([fetch(oldLink), fetch(newLink)]);
    const history = await arr.request('/arr/plan/history');

    // Assess
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('Zadejte platnou e-mailovou adresu, např. jana.novakova@kraj-lbc.cz.');
    expect(refused.body).toContain('href="#osoba-email"');
    expect(refused.body).toContain('value="janousek(at)kraj"');
    expect(refused.body).toContain('<title>Chyba: ');
    expect(saved.status).toBe(303);
    expect(list.body).toContain('nový osobní odkaz');
    expect(list.body).toContain('r.janousek@kraj-lbc.cz');
    expect(oldPage.status).toBe(404);
    expect(newPage.status).toBe(200);
    expect(history.body).toContain('e-mail změněn z r.janousek@example.org na r.janousek@kraj-lbc.cz');
    expect(history.body).toContain(system.identity.accounts.find((account) => account.groups.includes('arr'))!.email);
  });

  it('refuses a change based on an older revision with a clear Czech message and keeps what was typed', async () => {
    // Prepare
    const stale = String((await revision()) - 1);

    // Act
    const refused = await arr.request('/arr/plan/areas/digitalni-vek', { form: { _csrf: csrf, expectedRevision: stale, department: 'Odbor informatiky', email: 'informatika@kraj-lbc.cz' } });
    const area = (await storedPlan()).activityAreas.find((candidate) => candidate.id === 'digitalni-vek')!;

    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('Plán mezitím změnil někdo jiný');
    expect(refused.body).toContain('value="Odbor informatiky"');
    expect(refused.body).toContain(`name="expectedRevision" value="${await revision()}"`);
    expect(area.guarantor.email).not.toBe('informatika@kraj-lbc.cz');
  });

  it('changes a guarantor', async () => {
    // Act
    const saved = await arr.request('/arr/plan/areas/digitalni-vek', { form: { _csrf: csrf, expectedRevision: String(await revision()), department: 'Odbor informatiky', email: 'informatika@kraj-lbc.cz' } });
    const area = (await storedPlan()).activityAreas.find((candidate) => candidate.id === 'digitalni-vek')!;

    // Assess
    expect(saved.status).toBe(303);
    expect(saved.location).toContain('/arr/plan/areas?hotovo=ulozeno');
    expect(area.guarantor).toEqual({ department: 'Odbor informatiky', email: 'informatika@kraj-lbc.cz' });
  });

  it('adds a project (asked for at once in the open cycle), moves, completes and reactivates it', async () => {
    // Prepare
    const base = { _csrf: csrf, name: 'Chytrá lavička Frýdlant', goal: 'Solární lavička s Wi-Fi.', activityId: '' };

    // Act
    const refused = await arr.request('/arr/plan/projects', { form: { ...base, expectedRevision: String(await revision()) } });
    const added = await arr.request('/arr/plan/projects', { form: { ...base, expectedRevision: String(await revision()), 'contactPersonIds.s-jager': 'on' } });
    await system.drainQueues();
    const news = (await listSentEmails(system.endpoints.ses)).filter((email) => email.subject.startsWith('Nový projekt k monitoringu'));
    const plan = await storedPlan();
    const project = plan.projects.find((candidate) => candidate.name === 'Chytrá lavička Frýdlant')!;
    const activityId = plan.activityAreas.find((area) => area.id === 'digitalni-vek')!.activities[0]!.id;
    const path = `/arr/plan/projects/${project.id}`;
    const edit = (lifecycle: string) =>
      arr.request(path, { form: { _csrf: csrf, name: 'Chytrá lavička', goal: base.goal, activityId, 'contactPersonIds.s-jager': 'on', lifecycle } });
    const moved = await edit('active');
    const completed = await edit('completed');
    const afterCompleted = (await storedPlan()).projects.find((candidate) => candidate.id === project.id)!;
    const reactivated = await edit('active');
    const requests = await system.deps.cycles.listRequests('2026-H1');

    // Assess
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('Projekt musí mít alespoň jednu kontaktní osobu.');
    expect(refused.body).toContain('href="#novy-projekt-contactPersonIds-');
    expect(added.status).toBe(303);
    expect(added.location).toContain('hotovo=poptano');
    expect(news).toHaveLength(1);
    expect(news[0]!.text).toContain('Chytrá lavička Frýdlant');
    expect(requests.some((request) => request.projectId === project.id)).toBe(true);
    expect(moved.location).toContain('hotovo=ulozeno');
    expect(completed.location).toContain('hotovo=ukonceno');
    expect(afterCompleted).toMatchObject({ name: 'Chytrá lavička', lifecycle: 'completed', placement: { kind: 'activity', activityId } });
    expect(reactivated.status).toBe(303);
    expect((await storedPlan()).projects.find((candidate) => candidate.id === project.id)!.lifecycle).toBe('active');
  });

  it('hands a project to another person in the open cycle: the new one is emailed, the removed one no longer sees it', async () => {
    // Prepare
    const plan = await storedPlan();
    const project = plan.projects.find((candidate) => candidate.id === 'vlastivedne-muzeum-a-galerie-v-ceske-lipe-digitalizace-sbirkovych-predmetu')!;
    const leaving = plan.contactPersons.find((person) => person.id === project.contactPersonIds[0])!;
    const taking = plan.contactPersons.find((person) => person.id === 's-jager')!;
    const leavingLink = personalLinkOf(await listSentEmails(system.endpoints.ses), leaving.email, system.apiUrl);
    const sentBefore = (await listSentEmails(system.endpoints.ses)).length;

    // Act
    const saved = await arr.request(`/arr/plan/projects/${project.id}`, {
      form: { _csrf: csrf, expectedRevision: String(await revision()), name: project.name, goal: project.goal, activityId: project.placement.kind === 'activity' ? project.placement.activityId : '', [`contactPersonIds.${taking.id}`]: 'on', lifecycle: 'active' },
    });
    await system.drainQueues();
    const notice = await arr.request(saved.location!);
    const emails = (await listSentEmails(system.endpoints.ses)).slice(sentBefore);
    const leavingPage = await fetch(leavingLink);
    const leavingPost = await fetch(`${leavingLink}/projects/${project.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion: 0, thisPeriod: 'Digitalizace běží.', nextPeriodPlan: '', status: 'on-track', indicatorContributions: {} }),
    });
    // The page opened before the change, saved as a whole.
    const leavingPagePost = await fetch(leavingLink, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [`${project.id}.expectedVersion`]: '0', [`${project.id}.thisPeriod`]: 'Naskenováno 1 200 předmětů.', [`${project.id}.status`]: 'on-track', ulozit: project.id }).toString(),
    });

    // Assess
    expect(saved.status).toBe(303);
    expect(saved.location).toContain('hotovo=predano');
    expect(notice.body).toContain('nově přidaná kontaktní osoba dostane e-mail s odkazem, pokud podklady k projektu ještě chybí');
    expect(emails.map((email) => [email.to, email.subject])).toEqual([[[taking.email], 'Nový projekt k monitoringu akčního plánu za 1. pololetí 2026']]);
    expect(emails[0]!.text).toContain(project.name);
    expect(leavingPage.status).toBe(200);
    const leavingBody = await leavingPage.text();
    expect(leavingBody).toContain('Nemáte přiřazené žádné projekty');
    expect(leavingBody).not.toContain(project.name);
    expect(leavingPost.status).toBe(403);
    expect(await leavingPost.text()).toContain('ARR mohla mezitím změnit jeho kontaktní osobu');
    expect(leavingPagePost.status).toBe(409);
    const refusedPage = await leavingPagePost.text();
    expect(refusedPage).toContain(`Podklady k projektu „${project.name}“ se neuložily: ARR mezitím změnila jeho kontaktní osobu`);
    expect(refusedPage).toContain('Naskenováno 1 200 předmětů.');
    expect(await system.deps.submissions.latestVersion('2026-H1', project.id)).toBeNull();
    expect((await system.deps.cycles.getRequests('2026-H1', [project.id]))[0]!.contactPersonIds).toEqual([taking.id]);
  });

  it('finishes a hand-over whose saving died after storing the plan when ARR saves the form again unchanged', async () => {
    // Prepare: the plan stored with the project's new person, the open cycle not followed (the process died).
    const plan = await storedPlan();
    const project = plan.projects.find((candidate) => candidate.id === 'zs-a-ms-logopedicka-liberec')!;
    const taking = plan.contactPersons.find((person) => person.id === 's-jager')!;
    const next = structuredClone(plan);
    next.projects.find((candidate) => candidate.id === project.id)!.contactPersonIds = [taking.id];
    const cutShort = (await revision()) + 1;
    await system.deps.plans.appendRevision({ planId: plan.id, revision: cutShort, author: 'arr@example.org', at: '2026-06-01T06:00:00.000Z', reason: 'Předání projektu', changes: [], plan: next });
    await system.deps.plans.savePlan(next, cutShort);
    const sentBefore = (await listSentEmails(system.endpoints.ses)).length;

    // Act
    const saved = await arr.request(`/arr/plan/projects/${project.id}`, {
      form: { _csrf: csrf, expectedRevision: String(cutShort), name: project.name, goal: project.goal, activityId: project.placement.kind === 'activity' ? project.placement.activityId : '', [`contactPersonIds.${taking.id}`]: 'on', lifecycle: 'active' },
    });
    await system.drainQueues();
    const notice = await arr.request(saved.location!);
    const emails = (await listSentEmails(system.endpoints.ses)).slice(sentBefore);

    // Assess
    expect(saved.location).toContain(`hotovo=dorovnano&verze=${cutShort}`);
    expect(notice.body).toContain(`Plán se nezměnil, zůstává ve verzi ${cutShort}. Otevřený cyklus mu ale ještě neodpovídal`);
    expect(await revision()).toBe(cutShort);
    expect(emails.map((email) => [email.to, email.subject])).toEqual([[[taking.email], 'Nový projekt k monitoringu akčního plánu za 1. pololetí 2026']]);
    expect((await system.deps.cycles.getRequests('2026-H1', [project.id]))[0]!.contactPersonIds).toEqual([taking.id]);
  });

  it('refuses a baseline too large or too precise to store, with the reason at its field, and the plan stays editable', async () => {
    // Prepare
    const before = await revision();
    const indicator = (await storedPlan()).indicators.find((candidate) => candidate.code === 'KD-2')!;
    const fields = { _csrf: csrf, name: indicator.name, unit: indicator.unit, baselineAsOf: indicator.baseline.asOf };

    // Act
    const huge = await arr.request('/arr/plan/indicators/KD-2', { form: { ...fields, baselineValue: '9007199254740993' } });
    const tiny = await arr.request('/arr/plan/indicators/KD-2', { form: { ...fields, baselineValue: '0,00001' } });
    const afterRefusals = await revision();
    const saved = await arr.request('/arr/plan/indicators/KD-2', { form: { ...fields, baselineValue: String(indicator.baseline.value + 1) } });

    // Assess
    for (const refused of [huge, tiny]) {
      expect(refused.status).toBe(422);
      expect(refused.body).toContain('Výchozí hodnota musí být číslo od 0 do 1 000 000 000 s nejvýše čtyřmi desetinnými místy.');
    }
    expect(afterRefusals).toBe(before);
    expect(saved.status).toBe(303);
    expect(await revision()).toBe(before + 1);
    expect((await storedPlan()).indicators.find((candidate) => candidate.code === 'KD-2')!.baseline.value).toBe(indicator.baseline.value + 1);
  });

  it('edits an indicator with a Czech decimal comma and says what is wrong with a baseline that is not a number', async () => {
    // Prepare
    const fields = { _csrf: csrf, name: 'Počet zapojených obcí', unit: 'počet', baselineAsOf: '2025-12-31' };

    // Act
    const refused = await arr.request('/arr/plan/indicators/DV-1', { form: { ...fields, baselineValue: 'dvanáct' } });
    const saved = await arr.request('/arr/plan/indicators/DV-1', { form: { ...fields, baselineValue: '1 234,5' } });
    const indicator = (await storedPlan()).indicators.find((candidate) => candidate.code === 'DV-1')!;

    // Assess
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('Výchozí hodnota musí být číslo od 0 do 1 000 000 000 s nejvýše čtyřmi desetinnými místy.');
    expect(refused.body).toContain('href="#indikator-baselineValue"');
    expect(saved.status).toBe(303);
    expect(indicator).toMatchObject({ name: 'Počet zapojených obcí', unit: 'počet', baseline: { asOf: '2025-12-31', value: 1234.5 } });
  });

  it('exports the plan as JSON, and shows one revision with who, when and what changed', async () => {
    // Act
    const exported = await arr.request('/arr/plan/export');
    const current = await revision();
    const detail = await arr.request(`/arr/plan/history/${current}`);
    const old = await arr.request('/arr/plan/history/1/export');
    const missing = await arr.request('/arr/plan/history/999');

    // Assess
    expect(exported.status).toBe(200);
    expect(JSON.parse(exported.body)).toEqual(await storedPlan());
    expect(detail.status).toBe(200);
    expect(detail.body).toContain('výchozí hodnota změněna z 13 (k 2025-12-31) na 1234.5');
    expect(detail.body).toContain('(aktuální verze)');
    expect(JSON.parse(old.body).id).toBe(system.deps.config.planId);
    expect(missing.status).toBe(404);
  });

  it('refuses a broken plan file with Czech errors per field and stores nothing', async () => {
    // Prepare
    const before = await revision();
    const plan = structuredClone(await storedPlan()) as unknown as { projects: Array<Record<string, unknown>>; contactPersons: Array<Record<string, unknown>> };
    plan.projects[3]!.name = '';
    plan.projects[3]!.contactPersonIds = ['nikdo'];
    plan.contactPersons[0]!.email = 'bez-zavinace';
    const upload = new FormData();
    upload.set('_csrf', csrf);
    upload.set('expectedRevision', String(before));
    upload.set('file', new Blob([JSON.stringify(plan)], { type: 'application/json' }), 'plan.json');

    // Act
    const notJson = await arr.request('/arr/plan/import', { form: { _csrf: csrf, plan: '{\n  "id": "x",\n  oops\n}' } });
    const empty = await arr.request('/arr/plan/import', { form: { _csrf: csrf, plan: '' } });
    const invalid = await arr.request('/arr/plan/import', { multipart: upload });

    // Assess
    expect(notJson.status).toBe(422);
    expect(notJson.body).toContain('Text není platný JSON (řádek 3');
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('Vyberte soubor s plánem, nebo vložte jeho JSON do pole.');
    expect(invalid.status).toBe(422);
    expect(invalid.body).toContain(`Projekt č. 4 (${plan.projects[3]!.id}) › název:`);
    expect(invalid.body).toContain('Vyplňte název projektu.');
    expect(invalid.body).toContain(`Projekt č. 4 (${plan.projects[3]!.id}) › kontaktní osoby › položka 1:`);
    expect(invalid.body).toContain('Kontaktní osoba „nikdo“ v plánu není.');
    expect(invalid.body).toContain(`Kontaktní osoba č. 1 (${plan.contactPersons[0]!.id}) › e-mail:`);
    expect(await revision()).toBe(before);
  });

  it('asks ARR to confirm before an import removes a project that has a report in the open cycle', async () => {
    // Prepare
    const before = await revision();
    const plan = structuredClone(await storedPlan());
    plan.projects = plan.projects.filter((project) => project.id !== 'gymnazium-ceska-lipa');
    const upload = new FormData();
    upload.set('_csrf', csrf);
    upload.set('expectedRevision', String(before));
    upload.set('file', new Blob([JSON.stringify(plan)], { type: 'application/json' }), 'plan.json');

    // Act
    const asked = await arr.request('/arr/plan/import', { multipart: upload });
    const storedWhileAsking = await revision();
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(asked.body)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
    const confirmed = await arr.request('/arr/plan/import', { form: { _csrf: csrf, expectedRevision: hidden('expectedRevision')!, plan: hidden('plan')!, confirm: hidden('confirm')! } });
    const requests = await system.deps.cycles.listRequests('2026-H1');
    const landed = await arr.request(confirmed.location!);

    // Assess
    expect(asked.status).toBe(409);
    expect(asked.body).toContain('Projekt „Gymnázium Česká Lípa“ má podklady za 1. pololetí 2026.');
    expect(asked.body).toContain('Ano, projekty odebrat a plán uložit');
    expect(storedWhileAsking).toBe(before);
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).toContain(`/arr/plan/history/${before + 1}`);
    expect(landed.body).toContain('Je-li otevřený cyklus, platí změny i v něm');
    expect((await storedPlan()).projects.some((project) => project.id === 'gymnazium-ceska-lipa')).toBe(false);
    expect(requests.some((request) => request.projectId === 'gymnazium-ceska-lipa')).toBe(false);
  });

  it('imports a past report from an uploaded file or pasted text, with Czech errors for what is not one', async () => {
    // Prepare
    const report = await pastReportText('2025-H1');
    const upload = new FormData();
    upload.set('_csrf', csrf);
    upload.set('file', new Blob([report], { type: 'text/markdown' }), 'monitoring-2025-H1.md');

    // Act
    const page = await arr.request('/arr/plan/past-reports');
    const empty = await arr.request('/arr/plan/past-reports', { form: { _csrf: csrf, report: '' } });
    const notAReport = await arr.request('/arr/plan/past-reports', { form: { _csrf: csrf, report: 'Nákupní seznam: mléko, chléb.' } });
    const unfinished = await arr.request('/arr/plan/past-reports', { form: { _csrf: csrf, report: report.replace(/1\. pololetí 2025/g, '2. pololetí 2026') } });
    const again = await arr.request('/arr/plan/past-reports', { multipart: upload });

    // Assess
    expect(page.body).toContain('1. pololetí 2025');
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('Vložte text monitorovací zprávy (Markdown nebo prostý text).');
    expect(notAReport.status).toBe(422);
    expect(notAReport.body).toContain('V textu chybí nadpis „Monitorovací zpráva za N. pololetí RRRR“.');
    expect(notAReport.body).toContain('Nákupní seznam: mléko, chléb.');
    expect(unfinished.status).toBe(422);
    expect(unfinished.body).toContain('ještě neskončilo');
    expect(again.status).toBe(200);
    expect(again.body).toContain('Zpráva za 1. pololetí 2025 už byla nahrána');
    expect(again.body).toContain('Projekty z této zprávy systém má už z dřívějšího nahrání ve stejném znění, nic nového se nepřevzalo.');
  });

  it('flags a hard-bounced address on the dashboard with SES’s reason and time, and shows a soft bounce as information', async () => {
    // Prepare
    const contacts = await system.deps.cycles.listContacts('2026-H1');
    const plan = await storedPlan();
    const [bounced, soft] = contacts.map((contact) => plan.contactPersons.find((person) => person.id === contact.contactPersonId)!).filter((person) => person.id !== 'm-fena-r-janousek');
    await sesEvent(sesHardBounce({ email: bounced!.email, cycleId: '2026-H1', contactPersonId: bounced!.id, at: new Date('2026-06-01T05:30:00Z') }));
    const softBounce = JSON.parse(await readFile(join(process.cwd(), 'tests', 'fixtures', 'ses', 'soft-bounce.json'), 'utf8'));
    softBounce.bounce.bouncedRecipients[0].emailAddress = soft!.email;
    softBounce.mail.destination = [soft!.email];
    softBounce.mail.tags['cycle-id'] = ['2026-H1'];
    softBounce.mail.tags['contact-person-id'] = [soft!.id];
    softBounce.bounce.timestamp = '2026-06-01T05:45:00.000Z';
    await sesEvent(softBounce);
    await system.drainQueues();

    // Act
    const dashboard = await arr.request('/arr/cycles/2026-H1');
    const forSteering = await steering.request('/arr/cycles/2026-H1');

    // Assess
    expect(dashboard.body).toContain('Doručení e-mailů');
    expect(dashboard.body).toContain('nedoručitelná adresa');
    expect(dashboard.body).toContain(`${bounced!.email}): adresa je nedoručitelná, 1. 6. 2026, 7:30. Důvod podle SES: „smtp; 550 5.1.1 user unknown“`);
    expect(dashboard.body).toContain(`href="/arr/plan/contacts/${bounced!.id}"`);
    expect(dashboard.body).toContain(`${soft!.email}): dočasně nedoručeno, 1. 6. 2026, 7:45. Důvod podle SES: „smtp; 452 4.2.2 mailbox full“`);
    expect(forSteering.body).toContain('nedoručitelná adresa');
    expect(forSteering.body).not.toContain('Opravit e-mail v plánu');
  });
});
