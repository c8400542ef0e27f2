import { describe, expect, it } from 'vitest';
import type { InvitationView, RenderedEmail, SteeringGroupNoticeView } from '../../../domain/emails';
import { renderEscalation } from '../../../templates/email/escalation';
import { renderInvitation } from '../../../templates/email/invitation';
import { renderProjectsAdded } from '../../../templates/email/projects-added';
import { renderReminder } from '../../../templates/email/reminder';
import { renderSteeringGroupNotice } from '../../../templates/email/steering-group';
import { renderUndeliverableNotice } from '../../../templates/email/undeliverable';

const XSS = '<script>alert("x")</script>';
// 23:59 in Prague on 15 July 2026.
const DEADLINE = new Date('2026-07-15T21:59:00Z');
const LINK = 'https://monitoring.example.cz/odkaz/abc123?x=1&y=2';

function invitationView(overrides: Partial<InvitationView> = {}): InvitationView {
  return {
    recipientName: 'K. Šimonová',
    periodLabel: '1. pololetí 2026',
    deadline: DEADLINE,
    now: new Date('2026-07-01T08:00:00Z'),
    link: LINK,
    projects: [
      { name: 'Smart Akcelerátor Libereckého kraje III', activityAreaName: 'Vzdělávání' },
      { name: `Digitální kavárny ${XSS}`, activityAreaName: 'Vzdělávání' },
    ],
    arrContact: { name: 'Jana Nováková', email: 'novakova@arr-liberec.cz' },
    ...overrides,
  };
}

function expectWellFormedCzechHtml(email: RenderedEmail): void {
  expect(email.html).toMatch(/^<!doctype html>/i);
  expect(email.html).toContain('<html lang="cs">');
  expect(email.html).not.toContain('<table');
  expect(email.html).not.toContain('<script');
  expect(email.subject).not.toMatch(/[\r\n]/);
}

describe('renderProjectsAdded', () => {
  it('names the added project, the days left and the link, and does not announce the collection again', () => {
    // Prepare
    const view = invitationView({ projects: [{ name: 'Digitální archiv kraje', activityAreaName: 'Vzdělávání' }] });

    // Act
    const email = renderProjectsAdded(view);

    // Assess
    expectWellFormedCzechHtml(email);
    expect(email.subject).toBe('Nový projekt k monitoringu akčního plánu za 1. pololetí 2026');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('od Vás nově potřebujeme podklady k projektu, u kterého jste kontaktní osobou:');
      expect(part).toContain('Digitální archiv kraje');
      expect(part).toContain('Podklady k tomuto projektu vyplníte přes odkaz níže');
      expect(part).toMatch(/Kontakt pro dotazy: \S+ \S+ \(/);
      expect(part).toContain('zbývá 14 dní');
      expect(part).toContain('novakova@arr-liberec.cz');
      expect(part).toMatch(/nepřeposílejte/);
      expect(part).not.toContain('zahajujeme');
    }
    expect(email.html).toContain(`href="${LINK.replaceAll('&', '&amp;')}"`);
  });

  it('after the deadline asks for the reports as soon as possible, in the plural for two projects', () => {
    // Prepare
    const view = invitationView({ now: new Date('2026-07-28T08:00:00Z') });

    // Act
    const email = renderProjectsAdded(view);

    // Assess
    expect(email.subject).toBe('Nové projekty k monitoringu akčního plánu za 1. pololetí 2026');
    expect(email.text).toContain('od Vás nově potřebujeme podklady k projektům, u kterých jste kontaktní osobou:');
    expect(email.text).toContain('Podklady k těmto projektům vyplníte');
    expect(email.text).toContain('Termín sběru (15. 7. 2026) už uplynul, podklady proto prosíme doplňte co nejdříve.');
    expect(email.html).not.toContain(XSS);
  });
});

describe('renderInvitation', () => {
  it('lists every project, the deadline, days left, the link and the ARR contact in both parts', () => {
    // Prepare
    const view = invitationView();

    // Act
    const email = renderInvitation(view);

    // Assess
    expectWellFormedCzechHtml(email);
    expect(email.subject).toContain('1. pololetí 2026');
    expect(email.subject).toContain('15. 7. 2026');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Smart Akcelerátor Libereckého kraje III');
      expect(part).toContain('Digitální kavárny');
      expect(part).toContain('15. 7. 2026');
      expect(part).toContain('zbývá 14 dní');
      expect(part).toContain('novakova@arr-liberec.cz');
      expect(part).toContain('K. Šimonová');
      expect(part).toMatch(/nepřeposílejte/);
      expect(part).toMatch(/plán na další pololetí/);
      expect(part).toMatch(/stav projektu/);
      expect(part).toMatch(/indikátor/);
    }
    expect(email.html).toContain('href="https://monitoring.example.cz/odkaz/abc123?x=1&amp;y=2"');
    expect(email.text).toContain(LINK);
    expect(email.html).toContain('href="mailto:novakova@arr-liberec.cz"');
  });

  it('signs with ARR’s contact person and the agency, and names the agency once when it is the contact itself', () => {
    // Prepare
    const agency = 'ARR – Agentura regionálního rozvoje, spol. s r. o.';
    const byPerson = invitationView();
    const byAgency = invitationView({ arrContact: { name: agency, email: 'arr@example.org' } });

    // Act
    const [person, agencyOnly] = [renderInvitation(byPerson).text, renderInvitation(byAgency).text];

    // Assess
    expect(person).toContain(`S pozdravem\nJana Nováková\n${agency}`);
    expect(agencyOnly).toContain(`S pozdravem\n${agency}\n\n`);
  });

  it('ends the text part with the footer behind the signature separator mail clients recognise', () => {
    // Act
    const text = renderInvitation(invitationView()).text;

    // Assess
    expect(text).toMatch(/\n\n-- \nTento e-mail byl odeslán automaticky [^\n]+\n$/);
  });

  it('escapes a script in a project name in the HTML part', () => {
    // Prepare
    const view = invitationView();

    // Act
    const email = renderInvitation(view);

    // Assess
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Digitální kavárny &lt;script>alert(&quot;x&quot;)&lt;/script>');
  });

  it.each([
    ['2026-07-14T08:00:00Z', 'zbývá 1 den'],
    ['2026-07-12T08:00:00Z', 'zbývají 3 dny'],
    ['2026-07-10T08:00:00Z', 'zbývá 5 dní'],
    ['2026-07-15T08:00:00Z', 'termín vyprší dnes'],
  ])('counts days left from the sending time %s: %s', (nowIso, expected) => {
    // Prepare
    const view = invitationView({ now: new Date(nowIso) });

    // Act
    const email = renderInvitation(view);

    // Assess
    expect(email.html).toContain(expected);
    expect(email.text).toContain(expected);
  });

  it('with a new link after ARR revoked the earlier ones, says so instead of announcing the collection again', () => {
    // Act
    const email = renderInvitation(invitationView({ replacesRevokedLinks: true }));

    // Assess
    expectWellFormedCzechHtml(email);
    expect(email.subject).toBe('Nový odkaz: podklady k monitoringu akčního plánu za 1. pololetí 2026 – termín 15. 7. 2026');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('posíláme Vám nový osobní odkaz k podkladům pro monitorovací zprávu');
      expect(part).toContain('Odkazy, které jste dostali dříve, už neplatí.');
      expect(part).toContain('Smart Akcelerátor Libereckého kraje III');
      expect(part).not.toContain('zahajujeme');
    }
    expect(email.html).toContain(`href="${LINK.replaceAll('&', '&amp;')}"`);
  });

  it('uses the singular for a single project', () => {
    // Prepare
    const view = invitationView({ projects: [{ name: 'Taxibusy', activityAreaName: 'Doprava' }] });

    // Act
    const email = renderInvitation(view);

    // Assess
    expect(email.text).toContain('Jste kontaktní osobou tohoto projektu:');
  });

  it('counts several projects with the right plural', () => {
    // Prepare
    const projects = Array.from({ length: 25 }, (_, index) => ({
      name: `Projekt ${index + 1}`,
      activityAreaName: 'Veřejná správa',
    }));

    // Act
    const email = renderInvitation(invitationView({ projects }));

    // Assess
    expect(email.text).toContain('(25 projektů)');
    expect(email.text).toContain('Projekt 25');
  });
});

describe('renderReminder', () => {
  it('before the deadline lists only the given pending projects and the days left', () => {
    // Prepare
    const view = {
      ...invitationView({ now: new Date('2026-07-12T08:00:00Z') }),
      projects: [{ name: `Pending ${XSS}`, activityAreaName: 'Zdravotnictví' }],
      stage: 'before' as const,
    };

    // Act
    const email = renderReminder(view);

    // Assess
    expectWellFormedCzechHtml(email);
    expect(email.subject).toMatch(/^Připomínka/);
    expect(email.subject).toContain('zbývají 3 dny');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Pending');
      expect(part).not.toContain('Smart Akcelerátor');
      expect(part).toContain('15. 7. 2026');
      expect(part).toContain('zbývají 3 dny');
      expect(part).toContain('tomuto projektu');
      expect(part).toContain('novakova@arr-liberec.cz');
    }
    expect(email.text).toContain(LINK);
    expect(email.html).toContain('https://monitoring.example.cz/odkaz/abc123?x=1&amp;y=2');
    expect(email.html).not.toContain('<script>');
  });

  it.each([
    ['2026-07-16T06:00:00Z', '1 den po termínu'],
    ['2026-07-18T06:00:00Z', '3 dny po termínu'],
    ['2026-07-22T06:00:00Z', '7 dní po termínu'],
  ])('after the deadline says it is overdue (now %s: %s)', (nowIso, expected) => {
    // Prepare
    const view = { ...invitationView({ now: new Date(nowIso) }), stage: 'overdue' as const };

    // Act
    const email = renderReminder(view);

    // Assess
    expect(email.subject).toMatch(/^Po termínu/);
    for (const part of [email.html, email.text]) {
      expect(part).toContain(expected);
      expect(part).toContain('těmto projektům');
      expect(part).toContain('co nejdříve');
      expect(part).not.toContain('zbývá');
    }
    expect(email.text).toContain(LINK);
  });
});

describe('renderEscalation', () => {
  const view = {
    recipientName: 'Odbor kultury, památkové péče a cestovního ruchu',
    periodLabel: '1. pololetí 2026',
    deadline: DEADLINE,
    now: new Date('2026-07-20T08:00:00Z'),
    areaName: 'Cestovní ruch\r\nBcc: x@example.com',
    late: [
      {
        projectName: `Kulturní portál ${XSS}`,
        contacts: [
          { name: 'M. Féna (D. Nejedlo)', email: 'nejedlo@kraj-lbc.cz' },
          { name: 'V. Ondráček', email: 'ondracek@kraj-lbc.cz' },
        ],
      },
      { projectName: 'Trans-Borders Plus', contacts: [] },
    ],
  };

  it('lists late projects with their contacts and the days overdue in both parts', () => {
    // Prepare: the view above

    // Act
    const email = renderEscalation(view);

    // Assess
    expectWellFormedCzechHtml(email);
    expect(email.subject).toContain('2 projekty');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Kulturní portál');
      expect(part).toContain('Trans-Borders Plus');
      expect(part).toContain('M. Féna (D. Nejedlo)');
      expect(part).toContain('nejedlo@kraj-lbc.cz');
      expect(part).toContain('ondracek@kraj-lbc.cz');
      expect(part).toContain('15. 7. 2026');
      expect(part).toContain('5 dní po termínu');
      expect(part).toContain('Odbor kultury, památkové péče a cestovního ruchu');
    }
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Kulturní portál &lt;script>');
  });

  it('speaks of projects outside the activity areas as such, to ARR, and ends the addressee line with one full stop', () => {
    // Prepare
    const outside = {
      ...view,
      recipientName: 'ARR – Agentura regionálního rozvoje, spol. s r. o.',
      areaName: null,
    };

    // Act
    const two = renderEscalation(outside);
    const one = renderEscalation({ ...outside, late: outside.late.slice(0, 1) });

    // Assess
    expectWellFormedCzechHtml(two);
    for (const part of [two.html, two.text]) {
      expect(part).toContain('po termínu nám chybějí podklady za 1. pololetí 2026 k těmto projektům realizovaným mimo oblasti aktivit akčního plánu (2 projekty)');
      expect(part).not.toContain('v oblasti aktivit');
      expect(part).toContain('Tento přehled je určen pro: ARR – Agentura regionálního rozvoje, spol. s r. o.');
      expect(part).not.toContain('s r. o..');
    }
    expect(one.text).toContain('k tomuto projektu realizovanému mimo oblasti aktivit akčního plánu (1 projekt)');
  });
});

describe('renderSteeringGroupNotice', () => {
  const view: SteeringGroupNoticeView = {
    periodLabel: '1. pololetí 2026',
    meetingDate: '2026-10-08',
    completeness: {
      submitted: 18,
      total: 20,
      missing: [
        { projectName: `Chatbot ${XSS}`, contacts: ['M. Féna (D. Nejedlo)'] },
        { projectName: 'Taxibusy', contacts: [] },
      ],
    },
    changedIndicators: [
      { name: 'Počet nově digitalizovaných procesů krajského úřadu', previous: 2, current: 5 },
      { name: 'Počet aktivních obcí v Platebním portálu', previous: 1200, current: 1150 },
    ],
    flaggedProjects: [
      { name: 'Energetický management', status: 'delayed' },
      { name: 'Sdílená kola', status: 'cancelled' },
    ],
    slipLine: `2 projekty se skluzem: Karta přítele ZOO ${XSS} (opakovaný plán), Taxibusy (bez odpovědi) (podrobnosti v příloze Projekty se skluzem).`,
    links: {
      html: 'https://monitoring.example.cz/zprava/2026-1.html',
      md: 'https://monitoring.example.cz/zprava/2026-1.md',
      docx: 'https://monitoring.example.cz/zprava/2026-1.docx',
    },
  };

  it('reports completeness, missing projects, changed indicators, flagged projects and all links', () => {
    // Prepare: the view above

    // Act
    const email = renderSteeringGroupNotice(view);

    // Assess
    expectWellFormedCzechHtml(email);
    expect(email.subject).toContain('8. 10. 2026');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('8. 10. 2026');
      expect(part).toContain('u 18 z 20 projektů (90 %)');
      expect(part).toContain('Chatbot');
      expect(part).toContain('M. Féna (D. Nejedlo)');
      expect(part).toContain('Taxibusy');
      expect(part).toContain('2 → 5 (+3)');
      expect(part).toContain('1\u00a0200 → 1\u00a0150 (−50)');
      expect(part).toMatch(/Energetický management(<\/strong>)? – zpožděno/);
      expect(part).toMatch(/Sdílená kola(<\/strong>)? – zrušeno/);
      expect(part).toContain('Projekty se skluzem');
      expect(part).toContain('2 projekty se skluzem: Karta přítele ZOO');
      expect(part).toContain('Taxibusy (bez odpovědi)');
      expect(part).toContain(view.links.html);
      expect(part).toContain(view.links.md);
      expect(part).toContain(view.links.docx);
    }
    expect(email.html).not.toContain('<script>');
  });

  it('says plainly when nothing is missing, changed or flagged', () => {
    // Prepare
    const quiet: SteeringGroupNoticeView = {
      ...view,
      completeness: { submitted: 1, total: 1, missing: [] },
      changedIndicators: [],
      flaggedProjects: [],
    };

    // Act
    const email = renderSteeringGroupNotice(quiet);

    // Assess
    expect(email.text).toContain('u 1 z 1 projektu (100 %)');
    expect(email.text).toContain('Podklady jsou kompletní.');
    expect(email.text).toContain('Žádný indikátor se oproti minulému období nezměnil.');
    expect(email.text).toContain('Žádný projekt není zpožděný ani zrušený.');
  });
});

describe('renderUndeliverableNotice', () => {
  it('keeps the subject on one line when the person’s name holds a line break, and escapes the name in the HTML', () => {
    // Act
    const email = renderUndeliverableNotice({
      personName: `K. Šimonová\r\nBcc: někdo@example.org ${XSS}`,
      email: 'k.simonova@example.org',
      periodLabel: '1. pololetí 2026',
      outcome: 'hard-bounce',
      reason: 'smtp; 550 5.1.1 user unknown',
      projects: ['Gymnázium Česká Lípa'],
    });

    // Assess
    expect(email.subject).toBe(`Pozvánka se nedoručila: K. Šimonová Bcc: někdo@example.org ${XSS} (1. pololetí 2026)`);
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('k.simonova@example.org');
  });
});
