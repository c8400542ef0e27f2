import { describe, expect, it } from 'vitest';
import type { ProjectFormView, SubmissionPageView } from '../../../templates/page/submission';
import { projectSectionId, renderSubmissionPage } from '../../../templates/page/submission';
import { attribute, controlTag, elementById, openingTag, sectionHtml, textareaValue } from './html-assert';

const DEADLINE = new Date('2026-07-15T21:59:00Z');

function project(overrides: Partial<ProjectFormView> = {}): ProjectFormView {
  return {
    projectId: 'digitalni-kavarny',
    name: 'Digitální kavárny',
    activityAreaName: 'Vzdělávání',
    activityName: 'Vybavení a sdílení digitálních technologií',
    goal: 'Sdílet zkušenosti škol s digitalizací.',
    previousPlan: 'Uspořádat tři setkání zástupců škol.',
    expectedVersion: 0,
    values: { thisPeriod: '', nextPeriodPlan: '', status: '', indicatorContributions: {}, noteToArr: '' },
    indicators: [{ code: 'VZ-1', name: 'Počet zapojených škol' }],
    errors: {},
    ...overrides,
  };
}

function pageView(overrides: Partial<SubmissionPageView> = {}): SubmissionPageView {
  return {
    personName: 'K. Šimonová',
    periodLabel: '1. pololetí 2026',
    nextPeriodLabel: '2. pololetí 2026',
    deadline: DEADLINE,
    now: new Date('2026-07-12T08:00:00Z'),
    formAction: '/s/abc123',
    projects: [project()],
    ...overrides,
  };
}

describe('renderSubmissionPage', () => {
  it('is a Czech HTML5 document with one h1, a skip link and no script', () => {
    // Prepare
    const view = pageView();

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<html lang="cs">');
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    expect(html).toContain('<a class="skip-link" href="#obsah">');
    expect(html).toContain('<main id="obsah"');
    expect(html).not.toContain('<script');
    expect(html).toContain(':focus-visible');
  });

  it('shows the deadline and the days left', () => {
    // Prepare
    const view = pageView();

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expect(html).toContain('15. 7. 2026');
    expect(html).toContain('zbývají 3 dny');
  });

  it('pre-fills every field from the values and sends the expected version back', () => {
    // Prepare
    const view = pageView({
      projects: [
        project({
          expectedVersion: 3,
          values: {
            thisPeriod: '\nProběhla dvě setkání.\n\nDalší řádek',
            nextPeriodPlan: 'Třetí setkání v září.',
            status: 'delayed',
            indicatorContributions: { 'VZ-1': '4' },
            noteToArr: 'Díky za trpělivost.',
          },
          lastSubmittedAt: new Date('2026-06-03T10:00:00Z'),
          version: 3,
        }),
      ],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    const form = openingTag(html.replace('<form ', '<form id="f" '), 'f');
    expect(attribute(form, 'method')).toBe('post');
    expect(attribute(form, 'action')).toBe('/s/abc123');
    expect(textareaValue(html, 'digitalni-kavarny.thisPeriod')).toBe('\nProběhla dvě setkání.\n\nDalší řádek');
    expect(textareaValue(html, 'digitalni-kavarny.nextPeriodPlan')).toBe('Třetí setkání v září.');
    expect(textareaValue(html, 'digitalni-kavarny.noteToArr')).toBe('Díky za trpělivost.');
    expect(attribute(controlTag(html, 'digitalni-kavarny.status', 'delayed'), 'checked')).toBe('');
    expect(attribute(controlTag(html, 'digitalni-kavarny.status', 'on-track'), 'checked')).toBeUndefined();
    const indicator = controlTag(html, 'digitalni-kavarny.indicatorContributions.VZ-1');
    expect(attribute(indicator, 'value')).toBe('4');
    // Text with a numeric keypad: a number input would drop "5 kusů" silently instead of
    // letting the server answer with a Czech message next to the field.
    expect(attribute(indicator, 'type')).toBe('text');
    expect(attribute(indicator, 'inputmode')).toBe('numeric');
    const hidden = controlTag(html, 'digitalni-kavarny.expectedVersion');
    expect(attribute(hidden, 'type')).toBe('hidden');
    expect(attribute(hidden, 'value')).toBe('3');
  });

  it('offers the five statuses in a fieldset with a legend', () => {
    // Prepare
    const view = pageView();

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    const fieldset = /<fieldset[^>]*>\s*<legend>Stav projektu<\/legend>[\s\S]*?<\/fieldset>/.exec(html)?.[0] ?? '';
    for (const [value, label] of [
      ['on-track', 'probíhá podle plánu'],
      ['delayed', 'zpožděno'],
      ['completed', 'dokončeno'],
      ['cancelled', 'zrušeno'],
      ['not-started', 'nezahájeno'],
    ] as const) {
      const radio = controlTag(fieldset, 'digitalni-kavarny.status', value);
      expect(attribute(radio, 'type')).toBe('radio');
      expect(fieldset).toContain(`<label for="${attribute(radio, 'id')}">${label}</label>`);
    }
  });

  it('gives every visible control a label', () => {
    // Prepare
    const view = pageView({ projects: [project(), project({ projectId: 'druhy', name: 'Druhý projekt' })] });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    const controls = html.match(/<(?:textarea|input)\b(?![^>]*type="hidden")[^>]*>/g) ?? [];
    expect(controls.length).toBeGreaterThan(0);
    const ids = controls.map((tag) => attribute(tag, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(html).toContain(`<label for="${id}">`);
    }
  });

  it('renders each error next to its field, linked with aria-describedby and aria-invalid', () => {
    // Prepare
    const view = pageView({
      projects: [
        project({
          errors: {
            thisPeriod: 'Popište, co se v projektu udělalo.',
            status: 'Vyberte stav projektu.',
            'indicatorContributions.VZ-1': 'Zadejte celé číslo 0 nebo větší.',
          },
        }),
      ],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    const thisPeriod = controlTag(html, 'digitalni-kavarny.thisPeriod');
    expect(attribute(thisPeriod, 'aria-invalid')).toBe('true');
    const thisPeriodError = elementById(html, (attribute(thisPeriod, 'aria-describedby') ?? '').split(' ').at(-1) ?? '');
    expect(thisPeriodError).toContain('Popište, co se v projektu udělalo.');

    const indicator = controlTag(html, 'digitalni-kavarny.indicatorContributions.VZ-1');
    expect(attribute(indicator, 'aria-invalid')).toBe('true');
    expect(elementById(html, attribute(indicator, 'aria-describedby') ?? '')).toContain('Zadejte celé číslo 0 nebo větší.');

    const statusFieldset = /<fieldset aria-describedby="([^"]+)">\s*<legend>Stav projektu/.exec(html);
    expect(statusFieldset).not.toBeNull();
    expect(elementById(html, statusFieldset?.[1] ?? '')).toContain('Vyberte stav projektu.');

    const nextPlan = controlTag(html, 'digitalni-kavarny.nextPeriodPlan');
    expect(attribute(nextPlan, 'aria-invalid')).toBeUndefined();
  });

  it('summarises errors at the top with links to the fields', () => {
    // Prepare
    const view = pageView({
      projects: [project({ errors: { thisPeriod: 'Popište, co se v projektu udělalo.' } })],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    const summaryStart = html.indexOf('class="error-summary"');
    expect(summaryStart).toBeGreaterThan(-1);
    expect(summaryStart).toBeLessThan(html.indexOf('<section'));
    expect(html.slice(summaryStart - 100, summaryStart + 100)).toContain('role="alert"');
    const link = /<a href="#([^"]+)">Digitální kavárny: Popište, co se v projektu udělalo.<\/a>/.exec(html);
    expect(link).not.toBeNull();
    expect(attribute(controlTag(html, 'digitalni-kavarny.thisPeriod'), 'id')).toBe(link?.[1]);
    expect(html).toMatch(/<title>Chyba: /);
  });

  it('names in the summary the indicator an error is about, and keeps the message at the field as it is', () => {
    // Prepare
    const message = 'Zadejte celé číslo od 0 do 1 000 000.';
    const view = pageView({
      projects: [
        project({
          indicators: [
            { code: 'VZ-1', name: 'Počet zapojených škol' },
            { code: 'VZ-2', name: 'Počet kurzů' },
          ],
          errors: { 'indicatorContributions.VZ-2': message },
        }),
      ],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    const link = /<a href="#([^"]+)">Digitální kavárny: Zadejte celé číslo od 0 do 1 000 000 \(indikátor VZ-2\)\.<\/a>/.exec(html);
    expect(link).not.toBeNull();
    expect(attribute(controlTag(html, 'digitalni-kavarny.indicatorContributions.VZ-2'), 'id')).toBe(link?.[1]);
    expect(html).toContain(`Chyba: </span>${message}`);
  });

  it('shows a form-level conflict message and any error for a field it does not render', () => {
    // Prepare
    const view = pageView({
      projects: [
        project({
          errors: {
            _form: 'Mezitím podklady uložil někdo jiný. Zkontrolujte je a odešlete znovu.',
            'indicatorContributions.XX-9': 'Neznámý indikátor.',
          },
        }),
      ],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    const section = sectionHtml(html, projectSectionId('digitalni-kavarny'));
    const formError = /<div class="form-error" id="([^"]+)"[\s\S]*?<\/div>/.exec(section);
    expect(formError?.[0]).toContain('Mezitím podklady uložil někdo jiný.');
    expect(formError?.[0]).toContain('Neznámý indikátor.');
    expect(html).toContain(`<a href="#${formError?.[1]}">Digitální kavárny: Mezitím podklady uložil někdo jiný.`);
  });

  it('has no error summary when there are no errors', () => {
    // Prepare
    const view = pageView();

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expect(html).not.toContain('error-summary"');
    expect(html).not.toContain('role="alert"');
    expect(html.slice(html.indexOf('<main'))).not.toContain('aria-invalid');
  });

  it.each([
    [1, 5, 'Chybí ještě 1 projekt z 5'],
    [2, 5, 'Chybí ještě 2 projekty z 5'],
    [5, 5, 'Chybí ještě 5 projektů z 5'],
    [20, 25, 'Chybí ještě 20 projektů z 25'],
  ])('counts %i missing of %i: %s', (missing, total, expected) => {
    // Prepare
    const projects = Array.from({ length: total }, (_, index) =>
      project({
        projectId: `p-${index}`,
        name: `Projekt ${index}`,
        ...(index < missing ? {} : { lastSubmittedAt: new Date('2026-06-03T10:00:00Z'), version: 1 }),
      }),
    );

    // Act
    const html = renderSubmissionPage(pageView({ projects }));

    // Assess
    expect(html).toContain(expected);
  });

  it('thanks the person when every project is submitted', () => {
    // Prepare
    const view = pageView({
      projects: [project({ lastSubmittedAt: new Date('2026-06-03T10:00:00Z'), version: 1 })],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expect(html).not.toContain('Chybí ještě');
    expect(html).toContain('u všech projektů (1 z 1)');
  });

  it('tells a person left with no projects that nothing is needed from them, with no empty form', () => {
    // Prepare
    const view = pageView({ projects: [] });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expect(html).toContain('Nemáte přiřazené žádné projekty.');
    expect(html).toContain('Podklady od vás v tomto sběru nepotřebujeme.');
    expect(html).not.toContain('Termín odevzdání');
    expect(html).not.toContain('<form');
    expect(html).not.toContain('Uložit vše');
  });

  it('lists a project that was given to someone else with why and what was typed, escaped', () => {
    // Prepare
    const view = pageView({
      notTheirs: [{ message: 'Podklady k projektu „Muzeum“ se neuložily.', typed: { thisPeriod: 'Hotovo <b>vše</b>', nextPeriodPlan: '', noteToArr: 'Díky' } }],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expect(html).toContain('<title>Chyba: ');
    expect(html).toContain('Jeden projekt se neuložil');
    expect(html).toContain('Podklady k projektu „Muzeum“ se neuložily.');
    expect(html).toContain('<dt>Co se udělalo</dt><dd>Hotovo &lt;b>vše&lt;/b></dd>');
    expect(html).toContain('<dt>Poznámka pro ARR</dt><dd>Díky</dd>');
    expect(html).not.toContain('<dt>Plán</dt>');
  });

  it('shows per project whether and when it was submitted, with its version', () => {
    // Prepare
    const view = pageView({
      projects: [
        project({ projectId: 'a', name: 'A', lastSubmittedAt: new Date('2026-06-03T10:00:00Z'), version: 2 }),
        project({ projectId: 'b', name: 'B' }),
      ],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expect(sectionHtml(html, projectSectionId('a'))).toContain('Odesláno 3. 6. 2026 (verze 2)');
    expect(sectionHtml(html, projectSectionId('b'))).toContain('Zatím neodesláno');
    expect(html).toContain(`<a href="#${projectSectionId('b')}">B</a>`);
  });

  it('puts every project in one form, each section with its own fields, a save-all button and the previous plan', () => {
    // Prepare
    const view = pageView({
      projects: [
        project({ projectId: 'a', name: 'A', previousPlan: 'Plán A', expectedVersion: 2 }),
        project({ projectId: 'b', name: 'B', previousPlan: 'Plán B', activityName: null }),
      ],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expect(html.match(/<form\b/g)).toHaveLength(1);
    expect(html).toContain('<form method="post" action="/s/abc123">');
    const sectionA = sectionHtml(html, projectSectionId('a'));
    const sectionB = sectionHtml(html, projectSectionId('b'));
    expect(attribute(controlTag(sectionA, 'a.expectedVersion'), 'value')).toBe('2');
    expect(controlTag(sectionA, 'a.thisPeriod')).toContain('<textarea');
    expect(sectionA).toMatch(/<button type="submit" name="ulozit" value="a"[^>]*>Uložit vše/);
    expect(sectionA).toContain('Plán A');
    expect(sectionA).toContain('Vybavení a sdílení digitálních technologií');
    expect(attribute(controlTag(sectionB, 'b.expectedVersion'), 'value')).toBe('0');
    expect(sectionB).toMatch(/<button type="submit" name="ulozit" value="b"/);
    expect(sectionB).toContain('Plán B');
    expect(sectionB).not.toContain('<dt>Aktivita</dt>');
  });

  it('announces a save in the section it names, with a status message', () => {
    // Prepare
    const view = pageView({
      projects: [
        project({ notice: 'Podklady k projektu „Digitální kavárny“ byly uloženy. Děkujeme!' }),
        project({ projectId: 'jiny', name: 'Jiný projekt' }),
      ],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    const saved = html.slice(html.indexOf('id="projekt-digitalni-kavarny"'), html.indexOf('id="projekt-jiny"'));
    expect(saved).toMatch(/<div class="notice" role="status"><p>[^<]*„Digitální kavárny“[^<]*uloženy/);
    expect(html.match(/role="status"/g)).toHaveLength(1);
  });

  it('shows ARR’s comment and the state „Vráceno k doplnění“ at a returned project, which counts as missing', () => {
    // Prepare
    const view = pageView({
      projects: [
        project({
          lastSubmittedAt: new Date('2026-06-03T08:00:00Z'),
          version: 2,
          returned: { version: 2, returnedAt: new Date('2026-06-05T08:00:00Z'), comment: 'Doplňte prosím počet škol.\nA termín.' },
        }),
      ],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    const section = sectionHtml(html, projectSectionId('digitalni-kavarny'));
    expect(section).toContain('<p class="status-line returned">Vráceno k doplnění (verze 2)</p>');
    expect(section).toContain('<blockquote class="comment">Doplňte prosím počet škol.\nA termín.</blockquote>');
    expect(section).toContain('5. 6. 2026');
    expect(html).toContain('Chybí ještě 1 projekt z 1');
  });

  it('escapes every text it inserts', () => {
    // Prepare
    const bad = (field: string) => `"><img src=x onerror=alert('${field}')>`;
    const view = pageView({
      personName: bad('personName'),
      periodLabel: bad('periodLabel'),
      nextPeriodLabel: bad('nextPeriodLabel'),
      projects: [
        project({
          projectId: bad('projectId'),
          name: bad('name'),
          activityAreaName: bad('activityAreaName'),
          activityName: bad('activityName'),
          goal: bad('goal'),
          previousPlan: bad('previousPlan'),
          values: {
            thisPeriod: `</textarea>${bad('thisPeriod')}`,
            nextPeriodPlan: bad('nextPeriodPlan'),
            status: bad('status'),
            indicatorContributions: { [bad('code')]: bad('contribution') },
            noteToArr: bad('noteToArr'),
          },
          indicators: [{ code: bad('code'), name: bad('indicatorName') }],
          errors: { thisPeriod: bad('errorThisPeriod'), [`indicatorContributions.${bad('code')}`]: bad('errorIndicator'), _form: bad('errorForm') },
        }),
      ],
    });

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<\/textarea><img/);
    for (const field of [
      'personName',
      'periodLabel',
      'nextPeriodLabel',
      'name',
      'activityAreaName',
      'activityName',
      'goal',
      'previousPlan',
      'thisPeriod',
      'nextPeriodPlan',
      'noteToArr',
      'code',
      'contribution',
      'indicatorName',
      'errorThisPeriod',
      'errorIndicator',
      'errorForm',
    ]) {
      // `<` and `"` are escaped everywhere (attributes are double-quoted), so neither a tag nor an attribute can open.
      expect(html).toContain(`&quot;>&lt;img src=x onerror=alert('${field}')>`);
    }
    expect(html).toContain(`id="${projectSectionId(bad('projectId'))}"`);
    expect(projectSectionId(bad('projectId'))).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('projectSectionId', () => {
  it('gives distinct ids to distinct project ids', () => {
    // Prepare
    const projectIds = ['a-b', 'a_b', 'a b', 'a.b', 'a_2e_b', 'ab'];

    // Act
    const sectionIds = projectIds.map(projectSectionId);

    // Assess
    expect(new Set(sectionIds).size).toBe(projectIds.length);
    expect(projectSectionId('digitalni-kavarny')).toBe('projekt-digitalni-kavarny');
  });
});
