/**
 * A synthetic action plan of any size with the Liberec plan's areas, activities and indicators:
 * the load the benchmark and the scenario test run on. Names are Czech and plausible, ids are
 * stable for a given size, and every contact person reports on at least one project.
 */
import { liberecActionPlan } from '../../domain/catalog/liberec';
import type { ActionPlan, ContactPerson, Project } from '../../domain/plan';
import { createPrng } from './prng';

const FIRST_INITIALS = ['A', 'B', 'D', 'E', 'H', 'J', 'K', 'L', 'M', 'P', 'R', 'S', 'T', 'V', 'Z'];
const SURNAMES = [
  'Novák', 'Svobodová', 'Dvořák', 'Černá', 'Procházka', 'Kučerová', 'Veselý', 'Horáková', 'Němec', 'Marková',
  'Pokorný', 'Hájková', 'Král', 'Jelínková', 'Růžička', 'Benešová', 'Fiala', 'Sedláčková', 'Doležal', 'Zemanová',
];
const ORGANISATIONS = [
  'Krajský úřad Libereckého kraje',
  'Severočeské muzeum v Liberci',
  'Krajská vědecká knihovna v Liberci',
  'Zdravotnická záchranná služba Libereckého kraje',
  'Gymnázium Česká Lípa',
  'Domov důchodců Velké Hamry',
  'KORID LK, spol. s r.o.',
];
const PROJECT_KINDS = [
  'Digitalizace agendy',
  'Modernizace vybavení',
  'Chytrá čidla v objektu',
  'Elektronizace procesů',
  'Fotovoltaická elektrárna',
  'Vzdělávací program',
  'Pilotní provoz aplikace',
  'Sdílení dat',
];
const PLACES = ['Liberec', 'Jablonec nad Nisou', 'Česká Lípa', 'Semily', 'Turnov', 'Frýdlant', 'Tanvald', 'Nový Bor', 'Železný Brod', 'Cvikov'];

export interface GeneratedPlanOptions {
  id: string;
  projects: number;
  contacts: number;
  seed?: number;
}

export function generateActionPlan(options: GeneratedPlanOptions): ActionPlan {
  if (options.contacts < 1 || options.projects < options.contacts) {
    throw new Error('A generated plan needs at least one contact and at least as many projects as contacts.');
  }
  const prng = createPrng(options.seed ?? 20_260_101);
  const activities = liberecActionPlan.activityAreas.flatMap((area) => area.activities);
  const width = String(options.contacts).length;

  const contactPersons: ContactPerson[] = Array.from({ length: options.contacts }, (_, index) => {
    const number = String(index + 1).padStart(width, '0');
    const surname = SURNAMES[index % SURNAMES.length]!;
    const name = `${FIRST_INITIALS[index % FIRST_INITIALS.length]}. ${surname}`;
    return {
      id: `kontakt-${number}`,
      name,
      email: `kontakt-${number}@example.org`,
      organisation: ORGANISATIONS[index % ORGANISATIONS.length]!,
    };
  });

  const projectWidth = String(options.projects).length;
  const projects: Project[] = Array.from({ length: options.projects }, (_, index) => {
    const number = String(index + 1).padStart(projectWidth, '0');
    // Round-robin first, so every contact has a project; then a skewed draw, as in the real plan
    // where one person reports on 25 projects and most on one or two.
    const owner = index < options.contacts ? index : Math.floor(prng.next() ** 2 * options.contacts);
    const shared = prng.chance(0.08) && options.contacts > 1 ? [(owner + 1) % options.contacts] : [];
    const outsidePlan = index % 97 === 96;
    const activity = activities[index % activities.length]!;
    const kind = PROJECT_KINDS[index % PROJECT_KINDS.length]!;
    const place = PLACES[Math.floor(index / PROJECT_KINDS.length) % PLACES.length]!;
    return {
      id: `projekt-${number}`,
      name: `${kind} – ${place} (${number})`,
      goal: `Cílem projektu je ${kind.toLowerCase()} v lokalitě ${place} a sdílení získaných zkušeností s dalšími organizacemi kraje.`,
      goalLabel: 'cíl projektu',
      placement: outsidePlan ? { kind: 'outside-plan' } : { kind: 'activity', activityId: activity.id },
      contactPersonIds: [contactPersons[owner]!.id, ...shared.map((other) => contactPersons[other]!.id)],
      lifecycle: 'active',
    };
  });

  return {
    ...liberecActionPlan,
    id: options.id,
    name: `Generovaný akční plán (${options.projects} projektů, ${options.contacts} kontaktních osob)`,
    projects,
    contactPersons,
  };
}
