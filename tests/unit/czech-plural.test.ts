import { describe, expect, it } from 'vitest';
import {
  CONTACT_PERSON_FORMS,
  countOf,
  czechPlural,
  DAY_FORMS,
  INDICATOR_FORMS,
  PROJECT_FORMS,
  PROJECT_GENITIVE_FORMS,
} from '../../domain/czech-plural';

describe('czechPlural', () => {
  it.each([
    [0, '0 dní', '0 projektů'],
    [1, '1 den', '1 projekt'],
    [2, '2 dny', '2 projekty'],
    [3, '3 dny', '3 projekty'],
    [4, '4 dny', '4 projekty'],
    [5, '5 dní', '5 projektů'],
    [11, '11 dní', '11 projektů'],
    [21, '21 dní', '21 projektů'],
    [22, '22 dní', '22 projektů'],
    [25, '25 dní', '25 projektů'],
  ])('%i → %s, %s', (count, days, projects) => {
    // Prepare
    const forms = [DAY_FORMS, PROJECT_FORMS];

    // Act
    const rendered = forms.map((form) => countOf(count, form));

    // Assess
    expect(rendered).toEqual([days, projects]);
  });

  it('picks a verb form as well as a noun form', () => {
    // Prepare
    const verb = { one: 'zbývá', few: 'zbývají', many: 'zbývá' };

    // Act
    const forms = [1, 3, 7].map((count) => czechPlural(count, verb));

    // Assess
    expect(forms).toEqual(['zbývá', 'zbývají', 'zbývá']);
  });
});

describe('the counted nouns of the console and the plan history', () => {
  it.each([
    [1, '1 projektu', '1 kontaktní osoba', '1 indikátor'],
    [3, '3 projektů', '3 kontaktní osoby', '3 indikátory'],
    [15, '15 projektů', '15 kontaktních osob', '15 indikátorů'],
  ])('%i → %s, %s, %s', (count, genitive, contacts, indicators) => {
    // Act
    const rendered = [PROJECT_GENITIVE_FORMS, CONTACT_PERSON_FORMS, INDICATOR_FORMS].map((forms) => countOf(count, forms));

    // Assess
    expect(rendered).toEqual([genitive, contacts, indicators]);
  });
});
