/**
 * One half-year cycle on the Liberec catalog, end to end on the local stack: ARR's HTTP API, the
 * contact persons' links from the SES inbox, the queues drained through the real consumers, the
 * schedules run by hand on a frozen clock, and the table read directly with the AWS SDK.
 *
 * The steps run in order and share the one system: each continues the story of the previous one.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liberecActionPlan } from '../../domain/catalog/liberec';
import { activityAreaOfProject, type ContactPerson, type Project } from '../../domain/plan';
import { LOCAL_CONFIG } from '../../local/system';
import {
  openPersonalPage,
  reportProjects,
  submitForm,
  submitJson,
  tokenOfLink,
  type ProjectReport,
} from './support/http';
import { bodyOf, countByRecipient, personalLinksOf, type SentEmail } from './support/inbox';
import { SubmissionLedger } from './support/ledger';
import { parsePersonalPage } from './support/page';
import { startStack, type E2eStack } from './support/stack';
import { itemText } from './support/table';

const CYCLE = '2026-H1';
const DEADLINE = '2026-07-15';
const MEETING = '2026-09-10';
const plan = liberecActionPlan;
const activeProjects = plan.projects.filter((project) => project.lifecycle === 'active');
const projectsOf = (personId: string): Project[] => activeProjects.filter((project) => project.contactPersonIds.includes(personId));
const invitedPersons = plan.contactPersons.filter((person) => projectsOf(person.id).length > 0);
const person = (id: string): ContactPerson => plan.contactPersons.find((candidate) => candidate.id === id) as ContactPerson;

const MUSEUM = 'severoceske-muzeum-v-liberci-rozsireni-digitalizacniho-pracoviste';
const MUSEUM_CONTACT = 'm-fena-r-janousek';

function report(thisPeriod: string, indicatorContributions: Record<string, number>, status: ProjectReport['status'] = 'on-track'): ProjectReport {
  return { thisPeriod, nextPeriodPlan: `${thisPeriod} Pokračování v 2. pololetí.`, status, indicatorContributions };
}

/** First-round submissions: who, which project, how (JSON or form) and what. */
const FIRST_ROUND: Array<{ personId: string; projectId: string; via: 'json' | 'form'; report: ProjectReport }> = [
  { personId: MUSEUM_CONTACT, projectId: MUSEUM, via: 'json', report: report('Zahájen zkušební provoz digitalizace hřebíčkových válců.', { 'KD-1': 2 }) },
  {
    personId: 'm-fena-j-vondrova',
    projectId: 'vlastivedne-muzeum-a-galerie-v-ceske-lipe-digitalizace-sbirkovych-predmetu',
    via: 'form',
    report: report('Digitalizováno 5 podsbírek, data předána do portálu eSbírky.', { 'KD-1': 5 }),
  },
  {
    personId: 'a-fulkova',
    projectId: 'nasazeni-chatbota-na-webovy-portal-libereckeho-kraje',
    via: 'json',
    report: report('Chatbot nasazen na webový portál, sledování dotazů online.', { 'EK-1': 1, 'EK-2': 3 }),
  },
  {
    personId: 'i-jarosova',
    projectId: 'modul-pro-sdileni-sluzebnich-vozu',
    via: 'json',
    report: report('Modul sdílení služebních vozů spuštěn pro všechny odbory.', { 'EK-1': 2 }),
  },
  {
    personId: 'i-jarosova',
    projectId: 'elektronizace-cinnosti-v-personalni-oblasti',
    via: 'form',
    report: report('Elektronizována docházka a dovolené; online přehledy pro vedoucí.', { 'EK-2': 5, 'EK-3': 4 }, 'delayed'),
  },
  {
    personId: 'k-simonova',
    projectId: 'gymnazium-ceska-lipa',
    via: 'form',
    report: report('Dokončena výměna oken, probíhá zateplení fasády.', { 'EM-1': 2 }),
  },
  {
    personId: 'm-psenicka',
    projectId: 'programovatelna-roboticka-hlava-ohbot',
    via: 'json',
    report: report('Robotická hlava Ohbot využita ve výuce na třech školách.', { 'DV-1': 6, 'DV-2': 1 }),
  },
];

/** Submits late in the 14-day window: reminded once, then never again. */
const LATE_SUBMITTER = { personId: 'p-lenkvik', projectId: 'fve-letiste-ralsko', report: report('FVE Letiště Ralsko uvedena do zkušebního provozu.', { 'EM-1': 1 }) };

describe('a half-year cycle on the Liberec catalog, end to end', () => {
  let stack: E2eStack;
  /** contactPersonId → the personal link of their invitation. */
  const links = new Map<string, string>();
  const ledger = new SubmissionLedger();
  /** `<stage>|<recipient>` of every reminder sent, to find any sent twice. */
  const remindersSent: string[] = [];

  const linkOf = (personId: string): string => {
    const link = links.get(personId);
    if (link === undefined) throw new Error(`No invitation link for ${personId}.`);
    return link;
  };

  const submit = async (personId: string, projectId: string, via: 'json' | 'form', content: ProjectReport, expectedVersion: number) => {
    const link = linkOf(personId);
    const status = via === 'json'
      ? (await submitJson(link, projectId, content, expectedVersion)).status
      : (await submitForm(link, projectId, content, expectedVersion)).status;
    if (status === 201 || status === 303) ledger.accepted(projectId, expectedVersion + 1, content);
    return status;
  };

  const pendingPersons = (): ContactPerson[] => {
    const submitted = ledger.submittedProjectIds();
    return invitedPersons.filter((candidate) => projectsOf(candidate.id).some((project) => !submitted.has(project.id)));
  };

  const sweep = async (): Promise<SentEmail[]> => {
    const mark = await stack.inbox.mark();
    await stack.system.runSchedule('reminder-sweep');
    await stack.system.drainQueues();
    return stack.inbox.since(mark);
  };

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('sends exactly one invitation with a personal link to every contact person when ARR opens the cycle', async () => {
    // Prepare
    const mark = await stack.inbox.mark();

    // Act
    const opened = await stack.arr.openCycle({ period: CYCLE, deadline: DEADLINE, meetingDate: MEETING });
    await stack.system.drainQueues();
    const invitations = await stack.inbox.since(mark);

    // Assess
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ id: CYCLE, state: 'open' });
    // 22 of the catalog's 25 persons have an active project; the other three are not asked.
    expect(invitedPersons).toHaveLength(22);
    expect(invitations).toHaveLength(invitedPersons.length);
    expect(countByRecipient(invitations)).toEqual(Object.fromEntries(invitedPersons.map((candidate) => [candidate.email, 1])));
    for (const invitation of invitations) {
      const invitee = invitedPersons.find((candidate) => invitation.to.includes(candidate.email)) as ContactPerson;
      const personalLinks = personalLinksOf(invitation, stack.system.apiUrl);
      expect(personalLinks, invitation.to.join()).toHaveLength(1);
      links.set(invitee.id, personalLinks[0] as string);
      const listed = activeProjects.filter((project) => bodyOf(invitation).includes(project.name)).map((project) => project.id);
      expect(listed.sort()).toEqual(projectsOf(invitee.id).map((project) => project.id).sort());
    }
    expect(new Set([...links.values()].map(tokenOfLink)).size).toBe(invitedPersons.length);
  });

  it('opens every personal page with exactly that person’s projects, each pre-filled with the plan of 2025-H2', async () => {
    // Prepare
    const persons = [...links.keys()];

    // Act
    const pages = await Promise.all(persons.map(async (personId) => ({ personId, ...(await openPersonalPage(linkOf(personId))) })));

    // Assess
    for (const page of pages) {
      expect(page.status, page.personId).toBe(200);
      const projects = parsePersonalPage(page.html);
      expect(projects.map((project) => project.projectId).sort(), page.personId).toEqual(
        projectsOf(page.personId).map((project) => project.id).sort(),
      );
      expect(projects.every((project) => project.expectedVersion === 0 && project.thisPeriod === '')).toBe(true);
    }
    const museumPage = parsePersonalPage((pages.find((page) => page.personId === MUSEUM_CONTACT) as { html: string }).html);
    expect(museumPage).toEqual([
      expect.objectContaining({
        name: 'Severočeské muzeum v Liberci – rozšíření digitalizačního pracoviště',
        previousPlan: expect.stringMatching(/^Zkušební provoz digitalizace hřebíčkových válců, propagace pracoviště\./),
      }),
    ]);
    const prefilled = pages.flatMap((page) => parsePersonalPage(page.html)).filter((project) => !project.previousPlan.startsWith('Plán z minulého období není'));
    expect(prefilled.length).toBeGreaterThan(activeProjects.length / 2);
  });

  it('stores the open cycle, one request per active project and only hashes of the personal links', async () => {
    // Prepare
    const tokens = [...links.entries()].map(([personId, link]) => ({ personId, token: tokenOfLink(link) }));

    // Act
    const cycleItem = await stack.table.get(`CYCLE#${CYCLE}`, 'CYCLE');
    const requests = await stack.table.query(`CYCLE#${CYCLE}`, 'REQUEST#');
    const tokenItems = await Promise.all(
      tokens.map(async ({ token }) => stack.table.get(`TOKEN#${createHash('sha256').update(token).digest('hex')}`, 'TOKEN')),
    );
    const everything = (await stack.table.scanAll()).map(itemText).join('\n');

    // Assess
    expect(cycleItem).toMatchObject({ id: CYCLE, state: 'open', meetingDate: MEETING });
    expect(requests.map((item) => item.SK).sort()).toEqual(activeProjects.map((project) => `REQUEST#${project.id}`).sort());
    tokenItems.forEach((item, index) => {
      expect(item).toMatchObject({ cycleId: CYCLE, contactPersonId: tokens[index]?.personId });
      expect(item?.PK).toMatch(/^TOKEN#[0-9a-f]{64}$/);
    });
    for (const { token } of tokens) expect(everything.includes(token)).toBe(false);
  });

  it('stores the first reports sent as JSON and as forms, each as version 1', async () => {
    // Prepare
    const submissions = FIRST_ROUND;

    // Act
    const statuses = [];
    for (const submission of submissions) {
      statuses.push(await submit(submission.personId, submission.projectId, submission.via, submission.report, 0));
    }
    await stack.system.drainQueues();
    const stored = await Promise.all(submissions.map((submission) => stack.table.query(`CYCLE#${CYCLE}#PROJECT#${submission.projectId}`, 'V#')));

    // Assess
    expect(statuses).toEqual(submissions.map((submission) => (submission.via === 'json' ? 201 : 303)));
    stored.forEach((versions, index) => {
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ version: 1, ...submissions[index]?.report, submittedBy: submissions[index]?.personId });
    });
  });

  it('keeps every version of a report edited twice and refuses a stale edit without overwriting anything', async () => {
    // Prepare
    const second = report('Zkušební provoz běží, digitalizováno 120 válců.', { 'KD-1': 3 });
    const third = report('Digitalizováno 240 válců, pracoviště představeno veřejnosti.', { 'KD-1': 4, 'KD-2': 1 });
    const stale = report('Starší rozpracovaná verze, která nesmí nic přepsat.', { 'KD-1': 99 });

    // Act
    const secondStatus = await submit(MUSEUM_CONTACT, MUSEUM, 'form', second, 1);
    const thirdStatus = await submit(MUSEUM_CONTACT, MUSEUM, 'json', third, 2);
    const staleAnswer = await submitJson(linkOf(MUSEUM_CONTACT), MUSEUM, stale, 1);
    await stack.system.drainQueues();
    const versions = await stack.table.query(`CYCLE#${CYCLE}#PROJECT#${MUSEUM}`, 'V#');
    const page = parsePersonalPage((await openPersonalPage(linkOf(MUSEUM_CONTACT))).html);

    // Assess
    expect([secondStatus, thirdStatus, staleAnswer.status]).toEqual([303, 201, 409]);
    expect(versions.map((item) => item.SK)).toEqual(['V#000001', 'V#000002', 'V#000003']);
    versions.forEach((item, index) => expect(item).toMatchObject({ version: index + 1, ...ledger.versionsOf(MUSEUM)[index] }));
    expect(JSON.stringify(versions)).not.toContain(stale.thisPeriod);
    expect(page[0]).toMatchObject({ expectedVersion: 3, thisPeriod: third.thisPeriod });
  });

  it('reports indicators equal to the 2025 baseline plus the latest contributions, and completeness of what was sent', async () => {
    // Prepare
    const expected = ledger.expectedIndicators(plan.indicators);
    const submitted = ledger.submittedProjectIds();

    // Act
    const indicators = await stack.arr.indicators(CYCLE);
    const overview = await stack.arr.overview(CYCLE);

    // Assess
    expect(indicators.status).toBe(200);
    expect(
      Object.fromEntries(indicators.body.indicators.map((row) => [row.code, { periodValue: row.periodValue, cumulativeValue: row.cumulativeValue }])),
    ).toEqual(expected);
    // Spelled out once: 31 collections by 2025, plus the museum's latest 4 and Česká Lípa's 5.
    expect(expected['KD-1']).toEqual({ periodValue: 9, cumulativeValue: 40 });
    expect(overview.status).toBe(200);
    expect(overview.body.completeness.totals).toEqual({
      projects: activeProjects.length,
      submitted: submitted.size,
      invited: activeProjects.length - submitted.size,
      late: 0,
      returned: 0,
      percentSubmitted: Math.floor((submitted.size * 100) / activeProjects.length),
    });
    expect(
      Object.fromEntries(overview.body.completeness.projects.map((project) => [project.projectId, project.status])),
    ).toEqual(Object.fromEntries(activeProjects.map((project) => [project.id, submitted.has(project.id) ? 'submitted' : 'invited'])));
    expect(overview.body.completeness.contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contactPersonId: 'i-jarosova', status: 'submitted', submitted: 2, invited: 0 }),
        expect.objectContaining({ contactPersonId: 'k-simonova', status: 'invited', submitted: 1, invited: 11 }),
      ]),
    );
  });

  it('reminds 14, 7 and 1 day before the deadline only persons with pending projects, never twice', async () => {
    // Prepare
    const stages = [
      { stage: 'before-14d', date: '2026-07-01' },
      { stage: 'before-7d', date: '2026-07-08' },
      { stage: 'before-1d', date: '2026-07-14' },
    ];
    const rounds: Array<{ stage: string; expected: string[]; first: SentEmail[]; again: SentEmail[] }> = [];

    // Act
    for (const { stage, date } of stages) {
      stack.setPragueTime(date, 8, 30);
      const expected = pendingPersons().map((candidate) => candidate.email);
      const first = await sweep();
      const again = await sweep();
      rounds.push({ stage, expected, first, again });
      if (stage === 'before-14d') {
        await submit(LATE_SUBMITTER.personId, LATE_SUBMITTER.projectId, 'json', LATE_SUBMITTER.report, 0);
        await stack.system.drainQueues();
      }
    }

    // Assess
    for (const round of rounds) {
      expect(round.first.flatMap((email) => email.to).sort(), round.stage).toEqual([...round.expected].sort());
      expect(round.first.every((email) => email.subject.startsWith('Připomínka'))).toBe(true);
      expect(round.again, `${round.stage}, second sweep of the day`).toEqual([]);
      remindersSent.push(...round.first.flatMap((email) => email.to.map((recipient) => `${round.stage}|${recipient}`)));
    }
    expect(rounds[0]?.expected).toContain(person(LATE_SUBMITTER.personId).email);
    expect(rounds[1]?.expected).not.toContain(person(LATE_SUBMITTER.personId).email);
    expect(new Set(remindersSent).size).toBe(remindersSent.length);
    const simonova = rounds[2]?.first.find((email) => email.to.includes(person('k-simonova').email)) as SentEmail;
    const listed = projectsOf('k-simonova').filter((project) => bodyOf(simonova).includes(project.name));
    expect(listed.map((project) => project.id).sort()).toEqual(
      projectsOf('k-simonova').filter((project) => project.id !== 'gymnazium-ceska-lipa').map((project) => project.id).sort(),
    );
  });

  it('sends overdue notices the day after the deadline and, a week after it, escalations to the guarantors with ARR in copy', async () => {
    // Prepare
    const submitted = ledger.submittedProjectIds();
    const late = activeProjects.filter((project) => !submitted.has(project.id));
    const lateByArea = new Map<string, Project[]>();
    for (const project of late) {
      const areaId = activityAreaOfProject(plan, project)?.id ?? 'outside-plan';
      lateByArea.set(areaId, [...(lateByArea.get(areaId) ?? []), project]);
    }
    const expectedOverdue = pendingPersons().map((candidate) => candidate.email);

    // Act
    stack.setPragueTime('2026-07-16', 8, 30);
    const overdue = await sweep();
    const overdueAgain = await sweep();
    stack.setPragueTime('2026-07-17', 8, 30);
    const dayAfter = await sweep();
    stack.setPragueTime('2026-07-22', 8, 30);
    const escalations = await sweep();
    const escalationsAgain = await sweep();

    // Assess
    expect(overdue.flatMap((email) => email.to).sort()).toEqual([...expectedOverdue].sort());
    expect(overdue.every((email) => email.subject.startsWith('Po termínu'))).toBe(true);
    expect([overdueAgain, dayAfter, escalationsAgain]).toEqual([[], [], []]);
    expect(escalations).toHaveLength(lateByArea.size);
    for (const [areaId, projects] of lateByArea) {
      const area = plan.activityAreas.find((candidate) => candidate.id === areaId);
      const areaName = area?.name ?? 'Další projekty realizované mimo oblasti aktivit akčního plánu';
      const email = escalations.find((candidate) => candidate.subject.includes(`– ${areaName} (`)) as SentEmail;
      expect(email, areaName).toBeDefined();
      expect(email.to).toEqual([area?.guarantor.email ?? LOCAL_CONFIG.arr.email]);
      expect(email.cc).toEqual(area ? [LOCAL_CONFIG.arr.email] : []);
      expect(bodyOf(email).replace(/\s+/g, ' ')).toContain(area ? `v oblasti aktivit „${area.name}“` : 'realizovaným mimo oblasti aktivit akčního plánu (');
      const listed = activeProjects.filter((project) => bodyOf(email).includes(`- ${project.name} – `)).map((project) => project.id);
      expect(listed.sort(), areaName).toEqual(projects.map((project) => project.id).sort());
    }
  });

  it('assembles the report on close, marks what was not submitted, and emails the steering group once with the DOCX', async () => {
    // Prepare
    const submitted = ledger.submittedProjectIds();
    stack.setPragueTime('2026-07-23', 10, 0);

    // Act
    const closed = await stack.arr.close(CYCLE);
    await stack.system.drainQueues();
    const afterClose = await stack.inbox.mark();
    const assembled = await stack.arr.report(CYCLE);
    const beforeNotice = (await stack.arr.overview(CYCLE)).body.cycle.state;
    stack.setPragueTime('2026-09-03', 9, 0);
    await stack.system.runSchedule('steering-group-schedule');
    await stack.system.drainQueues();
    await stack.system.runSchedule('steering-group-schedule');
    await stack.system.drainQueues();
    const notices = await stack.inbox.since(afterClose);
    const cycleItem = await stack.table.get(`CYCLE#${CYCLE}`, 'CYCLE');

    // Assess
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect(assembled.status).toBe(200);
    const projects = reportProjects(assembled.body);
    expect(projects.map((project) => project.id).sort()).toEqual(activeProjects.map((project) => project.id).sort());
    for (const project of projects) {
      const latest = ledger.latest(project.id);
      expect(project, project.id).toMatchObject(
        latest ? { thisPeriod: latest.thisPeriod, nextPeriodPlan: latest.nextPeriodPlan, status: latest.status } : { thisPeriod: null, status: null },
      );
    }
    expect(projects.filter((project) => project.thisPeriod === null)).toHaveLength(activeProjects.length - submitted.size);
    expect(beforeNotice).toBe('report-ready');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ to: LOCAL_CONFIG.steeringGroupEmails, cc: [LOCAL_CONFIG.arr.email] });
    expect(notices[0]?.attachments).toEqual([
      expect.objectContaining({
        filename: `monitorovaci-zprava-${CYCLE}.docx`,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: expect.any(Number),
      }),
    ]);
    expect(notices[0]?.attachments[0]?.size).toBeGreaterThan(1000);
    expect(cycleItem?.state).toBe('steering-group-notified');
    expect((await stack.arr.overview(CYCLE)).body.cycle.state).toBe('steering-group-notified');
  });

  it('refuses a second close with 409 and any submission after closing with the invalid-link 404, storing nothing', async () => {
    // Prepare
    const pendingProject = projectsOf('k-simonova').find((project) => !ledger.submittedProjectIds().has(project.id)) as Project;
    const lateReport = report('Odesláno až po uzavření sběru.', { 'EM-1': 1 });

    // Act
    const secondClose = await stack.arr.close(CYCLE);
    const newProject = await submitJson(linkOf('k-simonova'), pendingProject.id, lateReport, 0);
    const edit = await submitForm(linkOf(MUSEUM_CONTACT), MUSEUM, lateReport, 3);
    const stored = await Promise.all([
      stack.table.query(`CYCLE#${CYCLE}#PROJECT#${pendingProject.id}`, 'V#'),
      stack.table.query(`CYCLE#${CYCLE}#PROJECT#${MUSEUM}`, 'V#'),
    ]);

    // Assess
    expect(secondClose.status).toBe(409);
    expect(newProject.status).toBe(404);
    expect(edit.status).toBe(404);
    expect(stored.map((versions) => versions.length)).toEqual([0, 3]);
  });
});
