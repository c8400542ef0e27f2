// The console's editorial pages over the local stack: returning a project, ARR's text for the
// report, the dashboard's flags and slips, and the annual report's texts, each at its edges
// (CSRF, the steering group's 403, Czech errors at the field, 409 on a stale version).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAnnualTexts } from '../../../domain/use-cases/annual-report';
import { pragueInstant } from '../../../domain/time';
import { MovableClock } from '../../../local/composition';
import { listSentEmails } from '../../../local/ses-inbox';
import { startLocalSystem, type LocalSystem } from '../../../local/system';
import { personalLinkOf } from '../../e2e/browser/personal-link';
import { ConsoleClient, csrfTokenOf } from '../../support/console-client';

const CYCLE = '2026-H1';
const PROJECT = 'gymnazium-ceska-lipa';
const PROJECT_PATH = `/arr/cycles/${CYCLE}/projects/${PROJECT}`;
/** The contact form promises that this note is for ARR only. */
const NOTE_TO_ARR = 'Ředitel školy odchází, od září prosím pište zástupkyni.';

let dataDir: string;
let system: LocalSystem;
let arr: ConsoleClient;
let arrCsrf: string;
let arrEmail: string;
let steering: ConsoleClient;
let steeringCsrf: string;
let token: string;
const clock = new MovableClock(new Date('2026-06-01T06:00:00Z'), { frozen: true });

async function submit(expectedVersion: number, thisPeriod: string, status = 'on-track', noteToArr?: string): Promise<void> {
  const response = await fetch(`${system.apiUrl}/s/${token}/projects/${PROJECT}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ expectedVersion, thisPeriod, nextPeriodPlan: 'Zkušební provoz a vyhodnocení.', status, indicatorContributions: {}, ...(noteToArr ? { noteToArr } : {}) }),
  });
  if (response.status >= 400) throw new Error(`Submission failed: HTTP ${response.status} ${await response.text()}`);
}

async function signedIn(group: string): Promise<{ client: ConsoleClient; csrf: string; email: string }> {
  const account = system.identity.accounts.find((candidate) => candidate.groups.includes(group))!;
  const client = new ConsoleClient(system.apiUrl);
  const landed = await client.signIn(account.email, account.password);
  return { client, csrf: csrfTokenOf(landed.body), email: account.email };
}

const returns = () => system.deps.editorial.listProjectReturns(CYCLE, PROJECT);
const editorial = () => system.deps.editorial.getEditorialVersion(CYCLE, PROJECT);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-editorial-'));
  system = await startLocalSystem({ dataDir, clock, background: false });
  ({ client: arr, csrf: arrCsrf, email: arrEmail } = await signedIn('arr'));
  ({ client: steering, csrf: steeringCsrf } = await signedIn('ridici-skupina'));
  const opened = await arr.request('/arr/cycles', {
    form: { _csrf: arrCsrf, period: CYCLE, deadline: '2026-07-15', meetingDate: '2026-09-10', daysBeforeDeadline: '14, 7, 1', overdueAfterDays: '1', escalateAfterDays: '7' },
  });
  if (opened.status !== 303) throw new Error(`Opening failed: HTTP ${opened.status}`);
  await system.drainQueues();
  token = personalLinkOf(await listSentEmails(system.endpoints.ses), 'k.simonova@example.org', system.apiUrl).split('/s/')[1]!;
  await submit(0, 'Dokončení FVE.');
  await submit(1, 'Dokončení FVE a zahájení zkušebního provozu.', 'on-track', NOTE_TO_ARR);
  await system.drainQueues();
}, 120_000);

afterAll(async () => {
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('console: returning a project and ARR’s text', () => {
  it('refuses a return or an edit without or with a wrong CSRF token, and from the steering group, storing nothing', async () => {
    // Act
    const statuses = [
      (await arr.request(`${PROJECT_PATH}/return`, { form: { version: '2', comment: 'Doplňte prosím termín.' } })).status,
      (await arr.request(`${PROJECT_PATH}/return`, { form: { _csrf: 'x'.repeat(43), version: '2', comment: 'Doplňte prosím termín.' } })).status,
      (await arr.request(`${PROJECT_PATH}/editorial`, { form: { version: '2', thisPeriod: 'Text ARR.' } })).status,
      (await steering.request(`${PROJECT_PATH}/return`, { form: { _csrf: steeringCsrf, version: '2', comment: 'Doplňte prosím termín.' } })).status,
      (await steering.request(`${PROJECT_PATH}/editorial`, { form: { _csrf: steeringCsrf, version: '2', thisPeriod: 'Text ŘS.' } })).status,
      (await steering.request('/arr/years/2025/texts', { form: { _csrf: steeringCsrf, 'text.mimo-oblasti-aktivit': 'Text ŘS.' } })).status,
    ];
    const refusal = await steering.request(`${PROJECT_PATH}/return`, { form: { _csrf: steeringCsrf, version: '2', comment: 'x' } });

    // Assess
    expect(statuses).toEqual([403, 403, 403, 403, 403, 403]);
    expect(refusal.body).toContain('Přístup odepřen');
    expect(await returns()).toEqual([]);
    expect(await editorial()).toBeNull();
    expect(await system.deps.annualTexts.listAnnualTexts(2025)).toEqual([]);
  });

  it('shows the steering group the project, its texts and the annual texts without any form, the note meant for ARR only, or any advice on writing them', async () => {
    // Act
    const project = await steering.request(PROJECT_PATH);
    const compared = await steering.request(`${PROJECT_PATH}?od=1&do=2`);
    const texts = await steering.request('/arr/years/2025/texts');

    // Assess
    expect(project.status).toBe(200);
    expect(project.body).toContain('Text do zprávy');
    expect(project.body).toContain('Dokončení FVE a zahájení zkušebního provozu.');
    expect(project.body).not.toContain('method="post" action="/arr/cycles');
    for (const page of [project.body, compared.body]) {
      expect(page).not.toContain('Ředitel školy odchází');
      expect(page).not.toContain('Poznámka pro ARR');
    }
    expect(compared.body).toContain('zahájení zkušebního provozu');
    expect(texts.status).toBe(200);
    expect(texts.body).toContain('Texty výroční zprávy za rok 2025');
    expect(texts.body).not.toContain('<textarea');
    expect(texts.body).not.toContain('Odstavce oddělte prázdným řádkem');
  });

  it('offers ARR both forms, pre-filled with the person’s newest text, and shows the person’s note for ARR', async () => {
    // Act
    const page = await arr.request(PROJECT_PATH);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('Poznámka pro ARR');
    expect(page.body).toContain(NOTE_TO_ARR);
    expect(page.body).toContain(`action="${PROJECT_PATH}/return"`);
    expect(page.body).toContain(`action="${PROJECT_PATH}/editorial"`);
    expect(page.body).toMatch(/<textarea id="arr-co-udelano"[^>]*>Dokončení FVE a zahájení zkušebního provozu.<\/textarea>/);
    expect(page.body).toContain('Zatím bez úprav ARR.');
  });

  it('lists the persons’ notes for ARR on ARR’s dashboard, linked to the project, and not on the steering group’s', async () => {
    // Act
    const dashboard = await arr.request(`/arr/cycles/${CYCLE}`);
    const forSteering = await steering.request(`/arr/cycles/${CYCLE}`);
    const section = dashboard.body.slice(dashboard.body.indexOf('id="poznamky"'), dashboard.body.indexOf('id="oblasti"'));

    // Assess
    expect(section).toContain('Poznámky kontaktních osob pro ARR');
    expect(section).toContain(`href="${PROJECT_PATH}"`);
    expect(section).toContain(NOTE_TO_ARR);
    expect(section).toContain('K. Šimonová, verze 2');
    expect(dashboard.body).toContain('href="#poznamky"');
    expect(forSteering.status).toBe(200);
    expect(forSteering.body).not.toContain('Ředitel školy odchází');
    expect(forSteering.body).not.toContain('id="poznamky"');
  });

  it('says at the return form, from the overdue notice’s day on, that neither that notice nor the escalation will chase the project', async () => {
    // Prepare
    const opened = clock.now();
    const beforeThatDay = await arr.request(PROJECT_PATH);

    // Act
    clock.set(pragueInstant('2026-07-16', 9));
    const onThatDay = await arr.request(PROJECT_PATH).finally(() => clock.set(opened));

    // Assess
    expect(beforeThatDay.body).toContain(`action="${PROJECT_PATH}/return"`);
    expect(beforeThatDay.body).not.toContain('Den upozornění na zpoždění');
    expect(onThatDay.body).toContain('Den upozornění na zpoždění (16. 7. 2026) už nastal, proto se na projekt vrácený teď nevztahují upozornění na zpoždění ani eskalace garantovi.');
  });

  it('refuses an empty or a 5,001-character comment with a Czech message at the field, keeping what was typed', async () => {
    // Prepare
    const long = `Doplňte ${'a'.repeat(4993)}`;

    // Act
    const empty = await arr.request(`${PROJECT_PATH}/return`, { form: { _csrf: arrCsrf, version: '2', comment: '   ' } });
    const tooLong = await arr.request(`${PROJECT_PATH}/return`, { form: { _csrf: arrCsrf, version: '2', comment: long } });

    // Assess
    expect(long).toHaveLength(5001);
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('Napište komentář: co má kontaktní osoba doplnit nebo opravit.');
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toContain('Komentář může mít nejvýše 5 000 znaků.');
    expect(tooLong.body).toContain('href="#vraceni-komentar"');
    expect(tooLong.body).toContain(`>${long}</textarea>`);
    expect(tooLong.body).toContain('<title>Chyba: ');
    expect(await returns()).toEqual([]);
  });

  it('answers 409 with a Czech message to a return of a version that is no longer the newest, keeping the comment', async () => {
    // Act
    const stale = await arr.request(`${PROJECT_PATH}/return`, { form: { _csrf: arrCsrf, version: '1', comment: 'Chybí termín předání.' } });

    // Assess
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Vracet lze jen nejnovější verzi; nejnovější uložená verze je 2.');
    expect(stale.body).toContain('>Chybí termín předání.</textarea>');
    expect(stale.body).toContain('name="version" value="2"');
    expect(await returns()).toEqual([]);
  });

  it('returns the newest version: the page shows the state and the comment, the dashboard the flag, a second return gets 409', async () => {
    // Act
    const returned = await arr.request(`${PROJECT_PATH}/return`, { form: { _csrf: arrCsrf, version: '2', comment: 'Doplňte prosím termín předání škole.' } });
    const page = await arr.request(returned.location!);
    const again = await arr.request(`${PROJECT_PATH}/return`, { form: { _csrf: arrCsrf, version: '2', comment: 'Ještě jednou.' } });
    const dashboard = await arr.request(`/arr/cycles/${CYCLE}`);
    await system.drainQueues();
    const email = (await listSentEmails(system.endpoints.ses)).filter((sent) => sent.to.includes('k.simonova@example.org')).at(-1);

    // Assess
    expect(returned.status).toBe(303);
    expect(returned.location).toBe(`${system.apiUrl}${PROJECT_PATH}?hotovo=vraceno`);
    expect(page.body).toContain('Projekt je vrácen k doplnění.');
    expect(page.body).toContain('<span class="state state-returned">vráceno k doplnění</span>');
    expect(page.body).toContain('Verze 2 vrácena k doplnění');
    expect(page.body).toContain('Doplňte prosím termín předání škole.');
    expect(page.body).toContain(`Verzi 2 vrátil(a) ${arrEmail}`);
    expect(page.body).toContain('čeká se na novou verzi od kontaktní osoby');
    expect(again.status).toBe(409);
    expect(again.body).toContain('Tato verze už byla vrácena k doplnění');
    expect(dashboard.body).toContain('<span class="flag state-returned">vráceno k doplnění</span>');
    expect(await returns()).toMatchObject([{ version: 2, comment: 'Doplňte prosím termín předání škole.', returnedBy: arrEmail }]);
    expect(email?.subject).toMatch(/doplnění/i);
  });

  it('refuses ARR’s text when it is empty (422, at the field) or based on an old version (409), storing nothing', async () => {
    // Act
    const empty = await arr.request(`${PROJECT_PATH}/editorial`, { form: { _csrf: arrCsrf, version: '2', thisPeriod: '', nextPeriodPlan: 'Plán ARR.' } });
    const stale = await arr.request(`${PROJECT_PATH}/editorial`, { form: { _csrf: arrCsrf, version: '1', thisPeriod: 'Text ARR.', nextPeriodPlan: '' } });

    // Assess
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('Vyplňte, co se v projektu v období udělalo (text do zprávy).');
    expect(empty.body).toContain('href="#arr-co-udelano"');
    expect(empty.body).toContain('>Plán ARR.</textarea>');
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Úprava musí vycházet z nejnovější verze kontaktní osoby; nejnovější uložená verze je 2.');
    expect(stale.body).toContain('>Text ARR.</textarea>');
    expect(await editorial()).toBeNull();
  });

  it('stores ARR’s text and shows it next to the person’s, with the difference and who edited; a later version is flagged', async () => {
    // Act
    const saved = await arr.request(`${PROJECT_PATH}/editorial`, {
      form: { _csrf: arrCsrf, version: '2', thisPeriod: 'Fotovoltaická elektrárna je dokončena a je ve zkušebním provozu.', nextPeriodPlan: 'Vyhodnocení provozu.' },
    });
    const page = await arr.request(`${PROJECT_PATH}`);
    await submit(2, 'Dokončení FVE; předání škole se posouvá na září.', 'delayed');
    await system.drainQueues();
    const flagged = await arr.request(`${PROJECT_PATH}`);
    const dashboard = await arr.request(`/arr/cycles/${CYCLE}`);

    // Assess
    expect(saved.status).toBe(303);
    expect(await editorial()).toMatchObject({ basedOnVersion: 2, editedBy: arrEmail, thisPeriod: 'Fotovoltaická elektrárna je dokončena a je ve zkušebním provozu.' });
    expect(page.body).toContain('Verze ARR');
    expect(page.body).toContain(`Upravil(a) ${arrEmail}`);
    expect(page.body).toContain('Co ARR změnila oproti verzi 2 kontaktní osoby');
    expect(page.body).toContain('<ins><span class="visually-hidden">[přidáno: </span>');
    expect(page.body).toMatch(/<textarea id="arr-co-udelano"[^>]*>Fotovoltaická elektrárna je dokončena/);
    expect(flagged.body).toContain('<span class="flag flag-changed">změněno po úpravě ARR</span>');
    expect(flagged.body).toContain(`href="${PROJECT_PATH}?od=2&amp;do=3#porovnani"`);
    expect(flagged.body).not.toContain('class="state state-returned"');
    expect(dashboard.body).toContain('<span class="flag">text do zprávy upravila ARR</span>');
    expect(dashboard.body).toContain('<span class="flag flag-changed">změněno po úpravě ARR</span>');
    expect(dashboard.body).toContain(`href="${PROJECT_PATH}#text-do-zpravy"`);
  });

  it('lists the slipping projects on the dashboard with their reasons, linked to the project', async () => {
    // Act
    const dashboard = await arr.request(`/arr/cycles/${CYCLE}`);
    const section = dashboard.body.slice(dashboard.body.indexOf('id="skluz"'), dashboard.body.indexOf('id="pripominky"'));

    // Assess
    expect(section).toContain('Projekty se skluzem');
    expect(section).toContain(`href="${PROJECT_PATH}"`);
    expect(section).toContain('Kontaktní osoba uvedla stav „zpožděno“.');
  });

  it('shows ARR a working draft of the open cycle’s report, with ARR’s text and no downloads, storing nothing; the steering group waits for the report', async () => {
    // Prepare
    const asked = (await system.deps.cycles.listRequests(CYCLE)).length;

    // Act
    const draft = await arr.request(`/arr/cycles/${CYCLE}/report`);
    const forSteering = await steering.request(`/arr/cycles/${CYCLE}/report`);

    // Assess
    expect(draft.status).toBe(200);
    expect(draft.body).toContain('Pracovní verze');
    expect(draft.body).toContain(`Odevzdáno 1 z ${asked} projektů.`);
    expect(draft.body).toContain('Fotovoltaická elektrárna je dokončena a je ve zkušebním provozu.');
    expect(draft.body).toContain('Za toto období nebyly dodány podklady.');
    expect(draft.body).not.toContain(`/arr/cycles/${CYCLE}/report/docx`);
    expect(draft.body).toContain(`href="/arr/cycles/${CYCLE}/chapters/trends">Upravit kapitoly ARR</a>`);
    expect(forSteering.status).toBe(200);
    expect(forSteering.body).not.toContain('Pracovní verze');
    expect(forSteering.body).toContain('Zpráva se sestaví, jakmile odevzdají všechny kontaktní osoby, nebo po uzavření cyklu.');
    expect(forSteering.body).not.toContain('/chapters/');
    expect(await system.deps.reports.getReport(CYCLE)).toBeNull();
  });
});

describe('console: a closed cycle', () => {
  it('asks before the close, counting the projects still missing, and sends a later visit to the cycle', async () => {
    // Act
    const confirmation = await arr.request(`/arr/cycles/${CYCLE}/close`);
    const closed = await arr.request(`/arr/cycles/${CYCLE}/close`, { form: { _csrf: arrCsrf } });
    const again = await arr.request(`/arr/cycles/${CYCLE}/close`);
    const refused = await arr.request(`/arr/cycles/${CYCLE}/close`, { form: { _csrf: arrCsrf } });

    // Assess
    expect(confirmation.status).toBe(200);
    expect(confirmation.body).toContain('Uzavřít cyklus 1. pololetí 2026?');
    const { projects, submitted } = (await system.deps.cycles.listRequests(CYCLE)).reduce(
      (counts, request) => ({ projects: counts.projects + 1, submitted: counts.submitted + (request.firstSubmittedAt ? 1 : 0) }),
      { projects: 0, submitted: 0 },
    );
    expect(submitted).toBe(1);
    expect(confirmation.body).toContain(`Podklady ještě chybějí u ${projects - submitted} projektů.`);
    expect(confirmation.body).toContain('Termín odevzdání 15. 7. 2026 ještě neuplynul (zbývá 44 dní)');
    expect(closed.status).toBe(303);
    expect(again.status).toBe(303);
    expect(again.location).toBe(`${system.apiUrl}/arr/cycles/${CYCLE}`);
    expect(refused.status).toBe(409);
    expect((await system.deps.cycles.getCycle(CYCLE))?.state).toBe('closed');
  });

  it('refuses a return or an edit from a page left open before the close with a Czech 409, changing nothing', async () => {
    // Prepare (the test before closes it when run with this one)
    if ((await system.deps.cycles.getCycle(CYCLE))?.state === 'open') await arr.request(`/arr/cycles/${CYCLE}/close`, { form: { _csrf: arrCsrf } });
    const before = { returns: await returns(), editorial: await editorial() };

    // Act
    const returned = await arr.request(`${PROJECT_PATH}/return`, { form: { _csrf: arrCsrf, version: '3', comment: 'Ještě doplňte.' } });
    const edited = await arr.request(`${PROJECT_PATH}/editorial`, { form: { _csrf: arrCsrf, version: '3', thisPeriod: 'Pozdní úprava.', nextPeriodPlan: '' } });
    const page = await arr.request(PROJECT_PATH);

    // Assess
    for (const refused of [returned, edited]) {
      expect(refused.status).toBe(409);
      expect(refused.body).toContain('vracet projekty k doplnění a upravovat jejich texty do zprávy lze jen v otevřeném cyklu');
      expect(refused.body).toContain('<title>Chyba: ');
    }
    expect(page.body).toContain('vracet k doplnění a upravovat texty lze jen v otevřeném cyklu');
    expect(page.body).not.toContain(`action="${PROJECT_PATH}/return"`);
    expect({ returns: await returns(), editorial: await editorial() }).toEqual(before);
  });

  it('says the closed cycle’s report is being assembled until its queue runs, then shows the report to both groups', async () => {
    // Prepare (the tests before close it when run with this one)
    if ((await system.deps.cycles.getCycle(CYCLE))?.state === 'open') await arr.request(`/arr/cycles/${CYCLE}/close`, { form: { _csrf: arrCsrf } });
    const storedBefore = await system.deps.reports.getReport(CYCLE);

    // Act
    const pending = { arr: await arr.request(`/arr/cycles/${CYCLE}/report`), steering: await steering.request(`/arr/cycles/${CYCLE}/report`) };
    await system.drainQueues();
    const assembled = { arr: await arr.request(`/arr/cycles/${CYCLE}/report`), steering: await steering.request(`/arr/cycles/${CYCLE}/report`) };

    // Assess
    expect(storedBefore).toBeNull();
    for (const page of [pending.arr, pending.steering]) {
      expect(page.status).toBe(200);
      expect(page.body).toContain('Cyklus je uzavřený a zpráva se právě sestavuje. Obnovte stránku za chvíli.');
      expect(page.body).not.toContain('jakmile odevzdají všechny kontaktní osoby');
    }
    // ARR's chapters can be edited before the report exists and while reading it; the steering group only reads.
    for (const page of [pending.arr, assembled.arr]) {
      expect(page.body).toContain(`<a class="button-link secondary" href="/arr/cycles/${CYCLE}/chapters/trends">Upravit kapitoly ARR</a>`);
    }
    for (const page of [pending.steering, assembled.steering]) expect(page.body).not.toContain('/chapters/');
    for (const page of [assembled.arr, assembled.steering]) {
      expect(page.status).toBe(200);
      expect(page.body).not.toContain('se právě sestavuje');
      expect(page.body).toContain(`/arr/cycles/${CYCLE}/report/docx`);
    }
  });
});

describe('console: the annual report’s texts', () => {
  async function currentForm(): Promise<Record<string, string>> {
    const view = await getAnnualTexts(system.deps, { year: '2025', planId: system.deps.config.planId });
    return Object.fromEntries(view.texts.map((text) => [`text.${text.key}`, text.text]));
  }

  it('shows every activity’s text pre-filled from the half-years, next to the link to the report and the advice on paragraphs', async () => {
    // Act
    const page = await arr.request('/arr/years/2025/texts');

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('předvyplněný z monitorovacích zpráv (1. pololetí 2025 a 2. pololetí 2025)');
    expect(page.body).toContain('href="/arr/years/2025/report"');
    expect(page.body).toContain('name="text.mimo-oblasti-aktivit"');
    expect(page.body.match(/<textarea/g)?.length).toBeGreaterThan(10);
    expect(page.body).toContain('Odstavce oddělte prázdným řádkem; řádky začínající „- “ budou odrážky.');
  });

  it('saves only the text that was changed, leaving the other texts pre-filled', async () => {
    // Prepare
    const form = await currentForm();

    // Act
    const saved = await arr.request('/arr/years/2025/texts', { form: { _csrf: arrCsrf, ...form, 'text.mimo-oblasti-aktivit': 'Text ARR o projektech mimo oblasti.\r\n\r\n- první\r\n- druhý' } });
    const page = await arr.request(saved.location!);

    // Assess
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${system.apiUrl}/arr/years/2025/texts?ulozeno=1`);
    expect(page.body).toContain('Uloženo: 1 text.');
    expect(page.body).toContain('Předvyplněný text');
    expect(await system.deps.annualTexts.listAnnualTexts(2025)).toMatchObject([{ key: 'mimo-oblasti-aktivit', text: 'Text ARR o projektech mimo oblasti.\n\n- první\n- druhý' }]);
  });

  it('refuses an emptied text with a Czech message at its field and stores nothing of the form', async () => {
    // Prepare
    const form = await currentForm();
    const [firstKey, secondKey] = Object.keys(form);

    // Act
    const refused = await arr.request('/arr/years/2025/texts', { form: { _csrf: arrCsrf, ...form, [firstKey!]: '  ', [secondKey!]: 'Nový text druhé aktivity.' } });

    // Assess
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('Text nesmí být prázdný. Chcete-li předvyplněný text, použijte tlačítko „Vrátit k předvyplněnému textu“.');
    expect(refused.body).toContain('>Nový text druhé aktivity.</textarea>');
    expect((await system.deps.annualTexts.listAnnualTexts(2025)).map((text) => text.key)).toEqual(['mimo-oblasti-aktivit']);
  });

  it('sends a text back to its pre-filled version', async () => {
    // Prepare
    const form = await currentForm();

    // Act
    const reset = await arr.request('/arr/years/2025/texts', { form: { _csrf: arrCsrf, ...form, predvyplnit: 'mimo-oblasti-aktivit' } });
    const page = await arr.request(reset.location!);

    // Assess
    expect(reset.status).toBe(303);
    expect(page.body).toContain('Vybraný text je opět předvyplněný z pololetí.');
    expect(await system.deps.annualTexts.listAnnualTexts(2025)).toEqual([]);
  });

  it('answers a year that is not a year with a Czech 400 page', async () => {
    // Act
    const page = await arr.request('/arr/years/dvacet/texts');

    // Assess
    expect(page.status).toBe(400);
    expect(page.body).toContain('Rok není platný.');
  });
});
