/**
 * Where in a plan file an error is, in words ARR can follow: the schema's path
 * `projects.3.contactPersonIds.0` becomes „Projekt č. 4 (gymnazium-ceska-lipa) › kontaktní
 * osoby › položka 1“. The item's id (or code) is read from the file itself, when it has one.
 */

/** Lists whose items are things of the plan, with the word for one of them. */
const ITEMS: Record<string, string> = {
  priorityAreas: 'Prioritní oblast',
  activityAreas: 'Oblast aktivit',
  activities: 'Aktivita',
  projects: 'Projekt',
  contactPersons: 'Kontaktní osoba',
  indicators: 'Indikátor',
};

const FIELDS: Record<string, string> = {
  id: 'identifikátor',
  name: 'název',
  years: 'roky',
  from: 'první rok',
  to: 'poslední rok',
  priorityAreas: 'prioritní oblasti',
  activityAreas: 'oblasti aktivit',
  activities: 'aktivity',
  projects: 'projekty',
  contactPersons: 'kontaktní osoby',
  indicators: 'indikátory',
  guarantor: 'garant',
  department: 'odbor',
  email: 'e-mail',
  goal: 'cíl',
  goalLabel: 'popisek cíle',
  placement: 'zařazení',
  kind: 'druh',
  activityId: 'aktivita',
  activityAreaId: 'oblast aktivit',
  contactPersonIds: 'kontaktní osoby',
  lifecycle: 'stav',
  reportingPerson: 'vykazující osoba',
  organisation: 'organizace',
  code: 'kód',
  unit: 'jednotka',
  baseline: 'výchozí hodnota',
  asOf: 'datum',
  value: 'hodnota',
  aggregation: 'způsob sčítání',
  number: 'číslo',
  order: 'pořadí',
  description: 'popis',
};

function child(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The plan inside an export's `{ revision, plan }`, or the file itself. */
function planOf(body: unknown): unknown {
  const inner = child(body, 'plan');
  return inner !== undefined && child(body, 'revision') !== undefined ? inner : body;
}

export function describePlanPath(path: string, body: unknown): string {
  if (path === '' || path === 'body') return 'Celý soubor';
  const parts: string[] = [];
  let value = planOf(body);
  let list: string | undefined;
  for (const segment of path.split('.')) {
    const next = child(value, segment);
    if (/^\d+$/.test(segment) && list !== undefined) {
      const item = ITEMS[list];
      const key = child(next, list === 'indicators' ? 'code' : 'id');
      const label = item ? `${item} č. ${Number(segment) + 1}` : `položka ${Number(segment) + 1}`;
      // The item replaces the list's name: „Projekt č. 4“, not „projekty › Projekt č. 4“.
      if (item) parts.pop();
      parts.push(typeof key === 'string' && key !== '' ? `${label} (${key})` : label);
      list = undefined;
    } else {
      parts.push(FIELDS[segment] ?? segment);
      list = segment;
    }
    value = next;
  }
  const text = parts.join(' › ');
  return parts.length === 1 && !(path.split('.')[0]! in ITEMS) ? `Plán › ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}
