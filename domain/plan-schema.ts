/**
 * The action plan as data: the zod schema every plan file and every edit passes before it is
 * stored. Messages are Czech, one per field, because ARR reads them; the paths say where
 * (`projects.3.contactPersonIds.0`).
 */
import { builtOnFirstUse } from './lazy';
import * as z from 'zod/mini';
import { ValidationError } from './errors';
import type { ActionPlan } from './plan';
import { isoDateSchema, zodErrorDetails } from './time';

export const PLAN_INVALID_MESSAGE = 'Akční plán obsahuje chyby; nic nebylo uloženo.';

const ID_MESSAGE = 'Zadejte identifikátor z malých písmen bez diakritiky, číslic a pomlček, např. „digitalni-vek“.';
export const idSchema = builtOnFirstUse(() =>
  z
    .string({ error: ID_MESSAGE })
    .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: ID_MESSAGE }), z.maxLength(100, { error: 'Identifikátor může mít nejvýše 100 znaků.' })),
);

export const requiredText = (what: string, max = 2000) =>
  z
    .string({ error: `Vyplňte ${what}.` })
    .check(z.trim(), z.minLength(1, { error: `Vyplňte ${what}.` }), z.maxLength(max, { error: `Pole „${what}“ může mít nejvýše ${max} znaků.` }));

const EMAIL_MESSAGE = 'Zadejte platnou e-mailovou adresu, např. jana.novakova@kraj-lbc.cz.';
export const emailSchema = builtOnFirstUse(() =>
  z.pipe(z.string({ error: EMAIL_MESSAGE }).check(z.trim(), z.toLowerCase()), z.email({ error: EMAIL_MESSAGE })),
);

export const guarantorSchema = builtOnFirstUse(() =>
  z.object(
    { department: requiredText('odbor garanta', 300), email: emailSchema() },
    { error: 'Garant musí mít odbor a e-mail.' },
  ),
);

const activitySchema = builtOnFirstUse(() =>
  z.object({
    id: idSchema(),
    activityAreaId: idSchema(),
    number: z.number({ error: 'Číslo aktivity musí být celé číslo od 1.' }).check(z.int({ error: 'Číslo aktivity musí být celé číslo od 1.' }), z.gte(1, { error: 'Číslo aktivity musí být celé číslo od 1.' })),
    name: requiredText('název aktivity', 500),
  }),
);

const activityAreaSchema = builtOnFirstUse(() =>
  z.object({
    id: idSchema(),
    order: z.number({ error: 'Pořadí oblasti musí být celé číslo od 1.' }).check(z.int({ error: 'Pořadí oblasti musí být celé číslo od 1.' }), z.gte(1, { error: 'Pořadí oblasti musí být celé číslo od 1.' })),
    name: requiredText('název oblasti aktivit', 500),
    description: z.optional(z.string({ error: 'Popis oblasti musí být text.' }).check(z.trim(), z.maxLength(4000, { error: 'Popis oblasti může mít nejvýše 4000 znaků.' }))),
    guarantor: guarantorSchema(),
    activities: z.array(activitySchema(), { error: 'Oblast aktivit musí mít seznam aktivit.' }).check(z.minLength(1, { error: 'Oblast aktivit musí mít alespoň jednu aktivitu.' })),
  }),
);

export const projectLifecycleSchema = builtOnFirstUse(() =>
  z.enum(['active', 'completed', 'cancelled'], {
    error: 'Stav projektu musí být „active“ (běží), „completed“ (dokončen) nebo „cancelled“ (zrušen).',
  }),
);

export const placementSchema = builtOnFirstUse(() =>
  z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('activity'), activityId: idSchema() }),
      z.object({ kind: z.literal('outside-plan') }),
    ],
    { error: 'Zařazení projektu musí být { "kind": "activity", "activityId": … } nebo { "kind": "outside-plan" }.' },
  ),
);

export const goalLabelSchema = builtOnFirstUse(() =>
  z.enum(['cíl projektu', 'bližší popis'], { error: 'Popisek cíle musí být „cíl projektu“ nebo „bližší popis“.' }),
);

const projectSchema = builtOnFirstUse(() =>
  z.object({
    id: idSchema(),
    name: requiredText('název projektu', 500),
    goal: z.string({ error: 'Cíl projektu musí být text.' }).check(z.trim(), z.maxLength(4000, { error: 'Cíl projektu může mít nejvýše 4000 znaků.' })),
    goalLabel: goalLabelSchema(),
    placement: placementSchema(),
    contactPersonIds: z.array(idSchema(), { error: 'Projekt musí mít seznam kontaktních osob.' }).check(z.minLength(1, { error: 'Projekt musí mít alespoň jednu kontaktní osobu.' })),
    lifecycle: projectLifecycleSchema(),
  }),
);

const contactPersonSchema = builtOnFirstUse(() =>
  z.object({
    id: idSchema(),
    name: requiredText('jméno kontaktní osoby', 200),
    reportingPerson: z.optional(
      z.string({ error: 'Jméno vykazující osoby musí být text.' }).check(z.trim(), z.minLength(1, { error: 'Jméno vykazující osoby nesmí být prázdné; pole vynechte.' }), z.maxLength(200)),
    ),
    email: emailSchema(),
    organisation: z.string({ error: 'Organizace musí být text.' }).check(z.trim(), z.maxLength(300, { error: 'Organizace může mít nejvýše 300 znaků.' })),
  }),
);

/**
 * A baseline is a count or a sum the region reports, far below this bound, and with the
 * contributions added to it stays an exact number. Without the bound a value such as
 * 9007199254740993 passed and then could not be stored.
 */
const BASELINE_MAX = 1_000_000_000;
const BASELINE_DECIMALS = 10_000;
const BASELINE_MESSAGE = 'Výchozí hodnota musí být číslo od 0 do 1 000 000 000 s nejvýše čtyřmi desetinnými místy.';

/** At most four decimal places; this also keeps out values too small to store, such as 1e-200. */
const hasAtMostFourDecimals = (value: number) => Math.round(value * BASELINE_DECIMALS) / BASELINE_DECIMALS === value;

export const baselineSchema = builtOnFirstUse(() =>
  z.object(
    {
      asOf: isoDateSchema(),
      value: z
        .number({ error: BASELINE_MESSAGE })
        .check(z.gte(0, { error: BASELINE_MESSAGE }), z.lte(BASELINE_MAX, { error: BASELINE_MESSAGE }), z.refine(hasAtMostFourDecimals, { error: BASELINE_MESSAGE })),
    },
    { error: 'Výchozí hodnota musí mít datum (asOf) a hodnotu (value).' },
  ),
);

const indicatorSchema = builtOnFirstUse(() =>
  z.object({
    code: z.string({ error: 'Kód indikátoru je povinný.' }).check(z.regex(/^[A-Z]{2,4}-\d{1,3}$/, { error: 'Kód indikátoru má tvar zkratka oblasti, pomlčka, číslo, např. „DV-1“.' })),
    name: requiredText('název indikátoru', 500),
    activityAreaId: idSchema(),
    aggregation: z.enum(['sum-per-period', 'cumulative', 'latest'], { error: 'Způsob sčítání musí být „sum-per-period“, „cumulative“ nebo „latest“.' }),
    unit: requiredText('jednotku indikátoru', 50),
    baseline: baselineSchema(),
  }),
);

const yearSchema = builtOnFirstUse(() =>
  z
    .number({ error: 'Rok musí být celé číslo, např. 2024.' })
    .check(z.int({ error: 'Rok musí být celé číslo, např. 2024.' }), z.gte(2000, { error: 'Rok musí být od 2000 výše.' }), z.lte(2100, { error: 'Rok musí být nejvýše 2100.' })),
);

function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return twice;
}

export const actionPlanSchema = builtOnFirstUse(() =>
  z
    .object(
      {
        id: idSchema(),
        name: requiredText('název akčního plánu', 300),
        years: z.object({ from: yearSchema(), to: yearSchema() }, { error: 'Uveďte roky plánu: { "from": 2024, "to": 2026 }.' }),
        priorityAreas: z.array(
          z.object({ id: idSchema(), name: requiredText('název prioritní oblasti', 300), activityAreaId: z.nullable(idSchema()) }),
          { error: 'Plán musí mít seznam prioritních oblastí.' },
        ),
        activityAreas: z.array(activityAreaSchema(), { error: 'Plán musí mít seznam oblastí aktivit.' }).check(z.minLength(1, { error: 'Plán musí mít alespoň jednu oblast aktivit.' })),
        projects: z.array(projectSchema(), { error: 'Plán musí mít seznam projektů.' }),
        contactPersons: z.array(contactPersonSchema(), { error: 'Plán musí mít seznam kontaktních osob.' }),
        indicators: z.array(indicatorSchema(), { error: 'Plán musí mít seznam indikátorů.' }),
      },
      { error: 'Akční plán musí být objekt JSON s poli id, name, years, priorityAreas, activityAreas, projects, contactPersons a indicators.' },
    )
    .check(
      z.superRefine((plan, ctx) => {
      const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (plan.years.to < plan.years.from) issue(['years', 'to'], 'Poslední rok plánu nesmí být dříve než první.');

      const areaIds = new Set(plan.activityAreas.map((area) => area.id));
      const activityIds = new Set(plan.activityAreas.flatMap((area) => area.activities.map((activity) => activity.id)));
      const contactIds = new Set(plan.contactPersons.map((person) => person.id));

      const checkUnique = (list: Array<{ id: string }>, field: string, what: string) => {
        const twice = duplicates(list.map((item) => item.id));
        list.forEach((item, index) => {
          if (twice.has(item.id)) issue([field, index, 'id'], `${what} „${item.id}“ je v plánu vícekrát.`);
        });
      };
      checkUnique(plan.activityAreas, 'activityAreas', 'Oblast aktivit');
      checkUnique(plan.projects, 'projects', 'Projekt');
      checkUnique(plan.contactPersons, 'contactPersons', 'Kontaktní osoba');
      checkUnique(plan.priorityAreas, 'priorityAreas', 'Prioritní oblast');
      const twiceCodes = duplicates(plan.indicators.map((indicator) => indicator.code));
      plan.indicators.forEach((indicator, index) => {
        if (twiceCodes.has(indicator.code)) issue(['indicators', index, 'code'], `Indikátor „${indicator.code}“ je v plánu vícekrát.`);
        if (!areaIds.has(indicator.activityAreaId)) issue(['indicators', index, 'activityAreaId'], `Oblast aktivit „${indicator.activityAreaId}“ v plánu není.`);
      });
      const allActivities = plan.activityAreas.flatMap((area) => area.activities.map((activity) => ({ area, activity })));
      const twiceActivities = duplicates(allActivities.map(({ activity }) => activity.id));
      plan.activityAreas.forEach((area, areaIndex) =>
        area.activities.forEach((activity, index) => {
          const path = ['activityAreas', areaIndex, 'activities', index];
          if (twiceActivities.has(activity.id)) issue([...path, 'id'], `Aktivita „${activity.id}“ je v plánu vícekrát.`);
          if (activity.activityAreaId !== area.id) issue([...path, 'activityAreaId'], `Aktivita patří do oblasti „${area.id}“, ne „${activity.activityAreaId}“.`);
        }),
      );
      plan.priorityAreas.forEach((priority, index) => {
        if (priority.activityAreaId !== null && !areaIds.has(priority.activityAreaId)) {
          issue(['priorityAreas', index, 'activityAreaId'], `Oblast aktivit „${priority.activityAreaId}“ v plánu není.`);
        }
      });
      plan.projects.forEach((project, index) => {
        if (project.placement.kind === 'activity' && !activityIds.has(project.placement.activityId)) {
          issue(['projects', index, 'placement', 'activityId'], `Aktivita „${project.placement.activityId}“ v plánu není.`);
        }
        project.contactPersonIds.forEach((id, contactIndex) => {
          if (!contactIds.has(id)) issue(['projects', index, 'contactPersonIds', contactIndex], `Kontaktní osoba „${id}“ v plánu není.`);
        });
      });
      }),
    ),
);

/**
 * Checks a plan file or request body and returns the plan.
 * @throws ValidationError with a Czech message per field; nothing is stored by the caller then.
 */
export function parseActionPlan(input: unknown): ActionPlan {
  const result = actionPlanSchema().safeParse(input);
  if (!result.success) throw new ValidationError(PLAN_INVALID_MESSAGE, zodErrorDetails(result.error));
  return result.data as ActionPlan;
}
