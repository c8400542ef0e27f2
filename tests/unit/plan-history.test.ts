import { describe, expect, it } from 'vitest';
import { liberecActionPlan as plan } from '../../domain/catalog/liberec';
import { diffPlans } from '../../domain/plan-history';

describe('diffPlans of a first plan', () => {
  it('counts what the plan holds with the Czech number forms', () => {
    // Prepare
    const small = { ...plan, projects: plan.projects.slice(0, 1), contactPersons: plan.contactPersons.slice(0, 3), indicators: plan.indicators.slice(0, 1) };

    // Act
    const [whole, smallOne] = [diffPlans(null, plan), diffPlans(null, small)];

    // Assess
    expect(whole.map((change) => change.description)).toEqual([
      `Plán „${plan.name}“ uložen: ${plan.projects.length} projektů, ${plan.contactPersons.length} kontaktních osob, ${plan.indicators.length} indikátorů.`,
    ]);
    expect(smallOne.map((change) => change.description)).toEqual([`Plán „${plan.name}“ uložen: 1 projekt, 3 kontaktní osoby, 1 indikátor.`]);
  });
});
