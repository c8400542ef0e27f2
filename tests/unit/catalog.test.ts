import { describe, expect, it } from 'vitest';
import { liberecActionPlan as plan } from '../../domain/catalog/liberec';
import { activityAreaOfProject, contactDisplayName } from '../../domain/plan';
import { slugify } from '../../domain/slug';

const projectNamed = (name: string) => {
  const project = plan.projects.find((p) => p.name === name);
  if (!project) throw new Error(`project not found: ${name}`);
  return project;
};

const indicatorNamed = (name: string) => {
  const indicator = plan.indicators.find((i) => i.name === name);
  if (!indicator) throw new Error(`indicator not found: ${name}`);
  return indicator;
};

const displayNamesOf = (contactPersonIds: string[]) =>
  contactPersonIds.map((id) => {
    const person = plan.contactPersons.find((c) => c.id === id);
    if (!person) throw new Error(`contact not found: ${id}`);
    return contactDisplayName(person);
  });

describe('Liberec action plan catalog: counts', () => {
  it('has the plan identity and period', () => {
    // Prepare
    const expected = { id: '2024-2026', years: { from: 2024, to: 2026 } };

    // Act
    const actual = { id: plan.id, years: plan.years };

    // Assess
    expect(actual).toEqual(expected);
    expect(plan.name).toContain('Chytřejší Liberecký kraj');
  });

  it('has 8 priority areas, 7 activity areas, 15 indicators, 54 projects and 25 contact persons', () => {
    // Prepare
    const expected = { priorityAreas: 8, activityAreas: 7, indicators: 15, projects: 54, contactPersons: 25 };

    // Act
    const actual = {
      priorityAreas: plan.priorityAreas.length,
      activityAreas: plan.activityAreas.length,
      indicators: plan.indicators.length,
      projects: plan.projects.length,
      contactPersons: plan.contactPersons.length,
    };

    // Assess
    expect(actual).toEqual(expected);
  });

  it('orders activity areas 1..7 and numbers each area’s activities from 1', () => {
    // Prepare
    const areas = plan.activityAreas;

    // Act
    const orders = areas.map((a) => a.order);
    const activityNumbers = areas.map((a) => a.activities.map((x) => x.number));

    // Assess
    expect(orders).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const numbers of activityNumbers) {
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    expect(activityNumbers.map((n) => n.length)).toEqual([2, 3, 3, 2, 3, 1, 1]);
  });
});

describe('Liberec action plan catalog: referential integrity', () => {
  const activityIds = new Set(plan.activityAreas.flatMap((a) => a.activities.map((x) => x.id)));
  const areaIds = new Set(plan.activityAreas.map((a) => a.id));
  const contactIds = new Set(plan.contactPersons.map((c) => c.id));

  it('places every project under an existing activity or outside the plan', () => {
    // Prepare
    const placements = plan.projects.map((p) => p.placement);

    // Act
    const dangling = placements.filter((pl) => pl.kind === 'activity' && !activityIds.has(pl.activityId));

    // Assess
    expect(dangling).toEqual([]);
  });

  it('points every project to at least one existing contact person', () => {
    // Prepare
    const references = plan.projects.map((p) => ({ id: p.id, contacts: p.contactPersonIds }));

    // Act
    const withoutContact = references.filter((r) => r.contacts.length === 0).map((r) => r.id);
    const dangling = references.flatMap((r) => r.contacts.filter((c) => !contactIds.has(c)));

    // Assess
    expect(withoutContact).toEqual([]);
    expect(dangling).toEqual([]);
  });

  it('uses every contact person in at least one project', () => {
    // Prepare
    const used = new Set(plan.projects.flatMap((p) => p.contactPersonIds));

    // Act
    const unused = plan.contactPersons.filter((c) => !used.has(c.id)).map((c) => c.id);

    // Assess
    expect(unused).toEqual([]);
  });

  it('ties every indicator and priority area to an existing activity area', () => {
    // Prepare
    const indicatorAreas = plan.indicators.map((i) => i.activityAreaId);
    const priorityAreas = plan.priorityAreas.map((p) => p.activityAreaId).filter((id) => id !== null);

    // Act
    const dangling = [...indicatorAreas, ...priorityAreas].filter((id) => !areaIds.has(id));

    // Assess
    expect(dangling).toEqual([]);
  });

  it('maps priority areas onto activity areas one to one, Doprava to none', () => {
    // Prepare
    const mapped = plan.priorityAreas.filter((p) => p.activityAreaId !== null).map((p) => p.activityAreaId);

    // Act
    const doprava = plan.priorityAreas.find((p) => p.name === 'Doprava');

    // Assess
    expect(doprava?.activityAreaId).toBeNull();
    expect(new Set(mapped)).toEqual(areaIds);
    expect(mapped).toHaveLength(areaIds.size);
  });

  it('keeps each activity’s back reference to its own area', () => {
    // Prepare
    const pairs = plan.activityAreas.flatMap((a) => a.activities.map((x) => ({ area: a.id, ref: x.activityAreaId })));

    // Act
    const mismatched = pairs.filter((p) => p.area !== p.ref);

    // Assess
    expect(mismatched).toEqual([]);
  });

  it('has unique ids everywhere', () => {
    // Prepare
    const groups = {
      priorityAreas: plan.priorityAreas.map((x) => x.id),
      activityAreas: plan.activityAreas.map((x) => x.id),
      activities: plan.activityAreas.flatMap((a) => a.activities.map((x) => x.id)),
      projects: plan.projects.map((x) => x.id),
      contactPersons: plan.contactPersons.map((x) => x.id),
      indicators: plan.indicators.map((x) => x.code),
    };

    // Act
    const duplicates = Object.fromEntries(
      Object.entries(groups).map(([group, ids]) => [group, ids.filter((id, i) => ids.indexOf(id) !== i)]),
    );

    // Assess
    for (const ids of Object.values(duplicates)) expect(ids).toEqual([]);
  });

  it('derives project ids from names and contact ids from display names', () => {
    // Prepare
    const projects = plan.projects;
    const contacts = plan.contactPersons;

    // Act
    const badProjects = projects.filter((p) => p.id !== slugify(p.name)).map((p) => p.id);
    const badContacts = contacts.filter((c) => c.id !== slugify(contactDisplayName(c))).map((c) => c.id);

    // Assess
    expect(badProjects).toEqual([]);
    expect(badContacts).toEqual([]);
  });

  it('has one contact person per distinct name and reporting person', () => {
    // Prepare
    const displayNames = plan.contactPersons.map(contactDisplayName);

    // Act
    const distinct = new Set(displayNames);

    // Assess
    expect(distinct.size).toBe(displayNames.length);
  });
});

describe('Liberec action plan catalog: placeholders', () => {
  it('uses only example.org addresses for contacts and guarantors', () => {
    // Prepare
    const emails = [
      ...plan.contactPersons.map((c) => c.email),
      ...plan.activityAreas.map((a) => a.guarantor.email),
    ];

    // Act
    const foreign = emails.filter((e) => !/^[a-z0-9.-]+@example\.org$/.test(e));

    // Assess
    expect(foreign).toEqual([]);
  });

  it('addresses a bracketed contact through the person who reports', () => {
    // Prepare
    const janousek = plan.contactPersons.find((c) => c.id === 'm-fena-r-janousek');

    // Act
    const email = janousek?.email;

    // Assess
    expect(email).toBe('r.janousek@example.org');
    expect(new Set(plan.contactPersons.map((c) => c.email)).size).toBe(plan.contactPersons.length);
  });
});

describe('Liberec action plan catalog: spot checks against the seed', () => {
  it('gives the spisová služba indicator the annual report value 8', () => {
    // Prepare
    const name = 'Počet organizací nově připojených ke spisové službě';

    // Act
    const indicator = indicatorNamed(name);

    // Assess
    expect(indicator.baseline).toEqual({ asOf: '2025-12-31', value: 8 });
    expect(indicator.activityAreaId).toBe('elektronicka-komunikace');
    expect(indicator.aggregation).toBe('cumulative');
  });

  it('treats the payment portal indicator as a state worth 81', () => {
    // Prepare
    const name = 'Počet subjektů zapojených do komunikace s veřejností prostřednictvím Platebního portálu';

    // Act
    const indicator = indicatorNamed(name);

    // Assess
    expect(indicator.aggregation).toBe('latest');
    expect(indicator.baseline.value).toBe(81);
  });

  it('has the indicator table values in report order', () => {
    // Prepare
    const expected = [31, 1, 2, 0, 8, 3, 81, 2, 3, 0, 4, 1, 8, 13, 8];

    // Act
    const values = plan.indicators.map((i) => i.baseline.value);

    // Assess
    expect(values).toEqual(expected);
  });

  it('gives the digitisation workplace project its bracketed contact', () => {
    // Prepare
    const project = projectNamed('Severočeské muzeum v Liberci – rozšíření digitalizačního pracoviště');

    // Act
    const contacts = displayNamesOf(project.contactPersonIds);

    // Assess
    expect(contacts).toEqual(['M. Féna (R. Janoušek)']);
    expect(project.goal).toBe('Cílem projektu je výroba kopií záznamových pásek do pianol.');
    expect(project.placement).toEqual({ kind: 'activity', activityId: 'kulturni-dedictvi-a1' });
  });

  it('places Taxibusy and Trans-Borders Plus outside the plan with a "bližší popis"', () => {
    // Prepare
    const names = ['Taxibusy', 'Trans-Borders Plus'];

    // Act
    const projects = names.map(projectNamed);

    // Assess
    for (const project of projects) {
      expect(project.placement).toEqual({ kind: 'outside-plan' });
      expect(project.goalLabel).toBe('bližší popis');
      expect(activityAreaOfProject(plan, project)).toBeNull();
    }
    expect(plan.projects.filter((p) => p.placement.kind === 'outside-plan')).toHaveLength(2);
  });

  it('lists K. Šimonová on 12 projects, all in the energy area', () => {
    // Prepare
    const id = 'k-simonova';

    // Act
    const projects = plan.projects.filter((p) => p.contactPersonIds.includes(id));

    // Assess
    expect(projects).toHaveLength(12);
    expect(new Set(projects.map((p) => activityAreaOfProject(plan, p)?.id))).toEqual(new Set(['energeticky-management']));
  });

  it('marks only the projects the H2 report closes as completed', () => {
    // Prepare
    const expected = [
      'Botanická zahrada Liberec – free Wifi',
      'Rekonstrukce objektu Zeyerova 31 v Liberci pro vzdělávání žáků se speciálními vzdělávacími potřebami',
      'Vegetační střecha na parkovacím domě u krajského úřadu a Kultivace okolí sídla Libereckého kraje – II. etapa',
      'Elektromobilita',
    ];

    // Act
    const completed = plan.projects.filter((p) => p.lifecycle === 'completed').map((p) => p.name);
    const others = new Set(plan.projects.filter((p) => p.lifecycle !== 'completed').map((p) => p.lifecycle));

    // Assess
    expect(completed).toEqual(expected);
    expect(others).toEqual(new Set(['active']));
  });

  it('keeps names free of markdown emphasis and takes goals without their label', () => {
    // Prepare
    const texts = plan.projects.flatMap((p) => [p.name, p.goal]);

    // Act
    const marked = texts.filter((t) => /[*_#]|<\/?i>|cíl projektu:|bližší popis:/.test(t));

    // Assess
    expect(marked).toEqual([]);
  });

  it('takes guarantors from the annual report', () => {
    // Prepare
    const byId = Object.fromEntries(plan.activityAreas.map((a) => [a.id, a.guarantor.department]));

    // Act
    const culture = byId['kulturni-dedictvi'];
    const energy = byId['energeticky-management'];

    // Assess
    expect(culture).toBe('Odbor kultury, památkové péče a cestovního ruchu');
    expect(energy).toBe('Odbor investic a správy nemovitého majetku');
    expect(byId['elektronicka-komunikace']).toBe('Ředitel krajského úřadu');
  });
});
