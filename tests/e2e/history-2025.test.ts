/**
 * The real 2025 history, end to end on the local stack: the 2nd half-year 2025 report loaded as
 * the local setup loads it, the 1st half-year through the same use case. Slip detection on it,
 * then a 2026-H1 cycle where one project repeats its plan once more and another is delayed: the
 * slips must show in ARR's overview, in the report's appendix (HTML, Markdown, DOCX) and in the
 * steering group's email. And the 2025 annual report produced from it, with ARR's text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../domain/catalog/liberec';
import { parseMonitoringReport } from '../../domain/importer/parse-monitoring-report';
import { loadHistory } from '../../domain/use-cases/load-history';
import { LOCAL_CONFIG } from '../../local/system';
import { docxParagraphs, htmlText, readZipEntry } from '../unit/documents/read';
import { submitJson, type ProjectReport } from './support/http';
import { bodyOf, linksByRecipient } from './support/inbox';
import { pastReportText } from '../support/past-reports';
import { startStack, type E2eStack } from './support/stack';

const CYCLE = '2026-H1';
/** Planned „Zahájení výběrového řízení na stavbu.“ in both half-years of 2025. */
const FRYDLANT = 'stredni-skola-hospodarska-a-lesnicka-frydlant-snizeni-energeticke-narocnosti-obj';
const ZOO = 'karta-pritele-zoo';
const GYMNAZIUM = 'gymnazium-ceska-lipa';
const emailOf = (personId: string) => liberecActionPlan.contactPersons.find((person) => person.id === personId)?.email ?? '';
const nameOf = (projectId: string) => liberecActionPlan.projects.find((project) => project.id === projectId)?.name ?? '';

const answer = (thisPeriod: string, nextPeriodPlan: string, status: ProjectReport['status'] = 'on-track'): ProjectReport => ({
  thisPeriod,
  nextPeriodPlan,
  status,
  indicatorContributions: {},
});

describe('the real 2025 history on the local stack: slips and the annual report', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startStack();
    await loadHistory(stack.system.deps, liberecActionPlan, parseMonitoringReport(await pastReportText('2025-H1')));
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('finds the 2nd half-year 2025 slips from the imported history and shows them in that cycle’s overview', async () => {
    // Act
    const overview = await stack.arr.overview('2025-H2');

    // Assess
    expect(overview.status).toBe(200);
    const codes = Object.fromEntries(overview.body.slips.map((row) => [row.projectId, row.reasons.map((reason) => reason.code)]));
    expect(codes[FRYDLANT]).toEqual(['plan-repeated', 'done-repeated']);
    expect(codes['spst-belgicka-4852-jablonec-nad-nisou']).toEqual(['plan-repeated']);
    expect(codes[GYMNAZIUM]).toBeUndefined();
    expect(codes[ZOO]).toBeUndefined();
    expect(overview.body.slips.find((row) => row.projectId === FRYDLANT)?.reasons[0]?.message).toContain(
      '„Zahájení výběrového řízení na stavbu“ je v plánu na 2. pololetí 2025 i na 1. pololetí 2026',
    );
  });

  it('produces the 2025 annual report from the imported history, with ARR’s text and both monitoring reports as annexes', async () => {
    // Prepare
    const key = 'kulturni-dedictvi-a2';
    const text = 'Zavedena elektronická návštěvnická karta ZOO Liberec.\n\n- Galerie Lázně Liberec – příprava nového osvětlení';

    // Act
    const prefilled = await stack.arr.request<{ texts: Array<{ key: string; text: string; edited: boolean }> }>('GET', '/years/2025/texts');
    const saved = await stack.arr.request('PUT', '/years/2025/texts', { texts: { [key]: text } });
    const refused = await stack.arr.request<{ details: Record<string, string> }>('PUT', '/years/2025/texts', { texts: { [key]: '' } });
    const html = await stack.arr.request<string>('GET', '/years/2025/report?format=html');
    const docx = await stack.arr.download('/years/2025/report?format=docx');

    // Assess
    expect(prefilled.status).toBe(200);
    expect(prefilled.body.texts.find((entry) => entry.key === key)?.text).toContain('- Karta přítele ZOO – ');
    expect(saved.status).toBe(200);
    expect(refused.status).toBe(400);
    expect(refused.body.details[`texts.${key}`]).toBe('Text nesmí být prázdný. Pro návrat k předvyplněnému textu pošlete null.');
    expect(htmlText(html.body)).toContain('Zavedena elektronická návštěvnická karta ZOO Liberec. Galerie Lázně Liberec – příprava nového osvětlení');
    expect(html.body).toContain('<a href="#priloha-2">Příloha č. 2: Monitorovací zpráva za naplňování akčního plánu 2024-2026 ve 2. pololetí 2025</a>');
    expect(html.body).toContain('<section class="annex" aria-labelledby="priloha-1">');
    const headings = docxParagraphs(readZipEntry(docx.bytes, 'word/document.xml'))
      .filter((p) => p.style === 'Heading1')
      .map((p) => p.text);
    expect(headings.filter((heading) => heading.startsWith('Příloha č.'))).toEqual([
      'Příloha č. 1: Monitorovací zpráva za naplňování akčního plánu 2024-2026 v 1. pololetí 2025',
      'Příloha č. 2: Monitorovací zpráva za naplňování akčního plánu 2024-2026 ve 2. pololetí 2025',
    ]);
  });

  it('flags a plan repeated a third time and a delayed project of 2026-H1 in the overview, the report and the email', async () => {
    // Prepare
    const opened = await stack.arr.openCycle({ period: CYCLE, deadline: '2026-07-15', meetingDate: '2026-09-10' });
    await stack.system.drainQueues();
    const links = linksByRecipient(await stack.inbox.all(), stack.system.apiUrl);
    const simonova = links.get(emailOf('k-simonova')) as string;
    const zoo = links.get(emailOf('m-fena-p-lieskovska')) as string;
    const statuses = [
      (await submitJson(simonova, FRYDLANT, answer('Projektová dokumentace se stále dopracovává.', 'Zahájení výběrového řízení na stavbu.'), 0)).status,
      (await submitJson(zoo, ZOO, answer('Propagace funkcí karty odložena.', 'Kampaň pro držitele karty.', 'delayed'), 0)).status,
      (await submitJson(simonova, GYMNAZIUM, answer('FVE dokončena a uvedena do provozu.', 'Vyhodnocení výroby elektřiny za první rok provozu.'), 0)).status,
    ];
    await stack.system.drainQueues();

    // Act
    const overview = await stack.arr.overview(CYCLE);
    stack.setPragueTime('2026-07-23', 10, 0);
    await stack.arr.close(CYCLE);
    await stack.system.drainQueues();
    const html = await stack.arr.request<string>('GET', `/cycles/${CYCLE}/report?format=html`);
    const markdown = await stack.arr.request<string>('GET', `/cycles/${CYCLE}/report?format=md`);
    const docx = await stack.arr.download(`/cycles/${CYCLE}/report?format=docx`);
    const mark = await stack.inbox.mark();
    stack.setPragueTime('2026-09-03', 9, 0);
    await stack.system.runSchedule('steering-group-schedule');
    await stack.system.drainQueues();
    const notices = (await stack.inbox.since(mark)).filter((email) => email.to.includes(LOCAL_CONFIG.steeringGroupEmails[0] as string));

    // Assess: the overview
    expect(opened.status).toBe(201);
    expect(statuses).toEqual([201, 201, 201]);
    const codes = Object.fromEntries(overview.body.slips.map((row) => [row.projectId, row.reasons.map((reason) => reason.code)]));
    // „Dopracovává se projektová dokumentace“ once more is the work of 2025-H2 reported again.
    expect(codes).toEqual({ [FRYDLANT]: ['plan-repeated', 'done-repeated'], [ZOO]: ['status-delayed'] });
    const repeated = overview.body.slips.find((row) => row.projectId === FRYDLANT)?.reasons[0];
    expect(repeated?.periods).toEqual(['2025-H1', '2025-H2', '2026-H1']);
    expect(repeated?.message).toContain('je v plánu na 2. pololetí 2025, na 1. pololetí 2026 i na 2. pololetí 2026');

    // Assess: the report's appendix in every format
    expect(html.status).toBe(200);
    const appendix = htmlText(html.body.slice(html.body.lastIndexOf('<h2')));
    expect(appendix).toContain('Projekty se skluzem za 1. pololetí 2026 (2)');
    expect(appendix).toContain(`${nameOf(ZOO)} Kontaktní osoba uvedla stav „zpožděno“.`);
    expect(appendix).toContain(nameOf(FRYDLANT));
    expect(appendix).not.toContain(nameOf(GYMNAZIUM));
    expect(markdown.body).toContain('## Projekty se skluzem');
    expect(markdown.body).toContain(`| ${nameOf(ZOO)} | Kontaktní osoba uvedla stav „zpožděno“. |`);
    expect(docx.status).toBe(200);
    const paragraphs = docxParagraphs(readZipEntry(docx.bytes, 'word/document.xml'));
    expect(paragraphs.filter((p) => p.style === 'Heading1').at(-1)?.text).toBe('Projekty se skluzem');
    expect(paragraphs.map((p) => p.text)).toContain(nameOf(FRYDLANT));

    // Assess: the steering group's email
    expect(notices).toHaveLength(1);
    expect(bodyOf(notices[0]!)).toContain(
      `2 projekty se skluzem: ${nameOf(ZOO)} (zpožděno), ${nameOf(FRYDLANT)} (opakovaný plán, opakovaná činnost) (podrobnosti v příloze Projekty se skluzem).`,
    );
  }, 120_000);
});
