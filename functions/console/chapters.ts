/**
 * ARR's chapters as HTML forms: each chapter is described once (its fields and repeated rows),
 * and that description both builds the form and turns the posted form back into the body the
 * domain validates. Rows left empty are dropped; errors are mapped back to the fields typed in.
 */
import { formatNumber } from '../../templates/format';
import type { AgencySectionId, AgencySections } from '../../domain/agency';
import type { ActionPlan } from '../../domain/plan';
import type { ChapterForm, ChapterPart, FieldKind } from '../../templates/console/chapters';
import { numberOrText } from './forms';

interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  optional?: boolean;
}

type PartSpec =
  | { kind: 'field'; field: FieldSpec }
  | { kind: 'rows'; key: string; label: string; hint?: string; fields: FieldSpec[]; total?: { label: string; sum: string[] } }
  | { kind: 'lines'; key: string; label: string; hint?: string; long?: boolean }
  | { kind: 'meetings'; key: string; label: string };

interface ChapterSpec {
  id: AgencySectionId;
  title: string;
  parts: PartSpec[];
}

const EXTRA_ROWS = 2;

export const CHAPTER_SPECS: readonly ChapterSpec[] = [
  {
    id: 'trends',
    title: '1. Sledování trendů a zkušeností',
    parts: [
      {
        kind: 'rows',
        key: 'events',
        label: 'Akce, kterých se ARR zúčastnila',
        fields: [
          { key: 'month', label: 'Měsíc', kind: 'month', hint: 'RRRR-MM' },
          { key: 'name', label: 'Název akce', kind: 'text' },
        ],
      },
      { kind: 'lines', key: 'smartDocuments', label: 'Prostudované dokumenty SMART', hint: 'Každý dokument na samostatný řádek.' },
      { kind: 'lines', key: 'opportunities', label: 'Vyhodnocené nové příležitosti', hint: 'Každou příležitost na samostatný řádek.', long: true },
    ],
  },
  {
    id: 'communication',
    title: '2. Komunikace a budování partnerství',
    parts: [
      {
        kind: 'rows',
        key: 'mediaPresentations',
        label: 'Mediální prezentace',
        fields: [
          { key: 'title', label: 'Název', kind: 'text' },
          { key: 'publishedOn', label: 'Zveřejněno', kind: 'date' },
          { key: 'form', label: 'Forma', kind: 'text', hint: 'např. tisková zpráva na webu' },
          { key: 'link', label: 'Odkaz', kind: 'text', optional: true, hint: 'nepovinné, https://…' },
        ],
      },
      {
        kind: 'rows',
        key: 'partnershipMeetings',
        label: 'Partnerská setkání',
        fields: [
          { key: 'title', label: 'Název', kind: 'text' },
          { key: 'date', label: 'Datum', kind: 'date' },
          { key: 'details', label: 'Podrobnosti', kind: 'long' },
        ],
      },
    ],
  },
  {
    id: 'payment-portal',
    title: '4. Zajištění provozu a rozvoje Platebního portálu',
    parts: [
      { kind: 'field', field: { key: 'activitiesThisPeriod', label: 'Činnosti v období', kind: 'long' } },
      { kind: 'field', field: { key: 'activeMunicipalities', label: 'Aktivní obce', kind: 'number' } },
      { kind: 'field', field: { key: 'activeServices', label: 'Aktivní služby', kind: 'number' } },
      { kind: 'field', field: { key: 'municipalitiesInPreparation', label: 'Obce v přípravě', kind: 'number' } },
      { kind: 'field', field: { key: 'interestedMunicipalities', label: 'Obce se zájmem', kind: 'number' } },
      {
        kind: 'rows',
        key: 'monthlyPayments',
        label: 'Platby po měsících',
        fields: [
          { key: 'month', label: 'Měsíc', kind: 'month', hint: 'RRRR-MM' },
          { key: 'count', label: 'Počet plateb', kind: 'number' },
          { key: 'volumeCzk', label: 'Objem (Kč)', kind: 'number' },
        ],
        total: { label: 'Celkem', sum: ['count', 'volumeCzk'] },
      },
      { kind: 'field', field: { key: 'nextPeriodPlan', label: 'Plán na další období', kind: 'long' } },
    ],
  },
  {
    id: 'other-activities',
    title: '5. Informace o dalších činnostech',
    parts: [
      { kind: 'meetings', key: 'workingGroups', label: 'Pracovní skupiny' },
      {
        kind: 'rows',
        key: 'coordinationMeetings',
        label: 'Koordinační jednání',
        fields: [
          { key: 'title', label: 'Název', kind: 'text' },
          { key: 'date', label: 'Datum', kind: 'date' },
          { key: 'details', label: 'Podrobnosti', kind: 'long' },
        ],
      },
    ],
  },
];

export const NARRATIVES_ID: AgencySectionId = 'area-narratives';

export const CHAPTER_TITLES: Record<AgencySectionId, string> = {
  ...(Object.fromEntries(CHAPTER_SPECS.map((spec) => [spec.id, spec.title])) as Record<AgencySectionId, string>),
  'area-narratives': '3. Texty ARR k oblastem aktivit',
};

const MEETING_LINE = /^(\S+)\s*[–-]\s*(.+)$/;

/** A stored value as the text a field shows. */
function asText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function isEmptyRow(row: Record<string, string>): boolean {
  return Object.values(row).every((value) => value.trim() === '');
}

/** The form fields of the stored chapter: `events.0.month` → `2026-03`. */
function storedValues(spec: ChapterSpec, content: Record<string, unknown> | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  if (!content) return values;
  for (const part of spec.parts) {
    if (part.kind === 'field') values[part.field.key] = asText(content[part.field.key]);
    if (part.kind === 'lines') values[part.key] = ((content[part.key] as string[] | undefined) ?? []).join('\n');
    if (part.kind === 'rows') {
      ((content[part.key] as Array<Record<string, unknown>> | undefined) ?? []).forEach((row, index) => {
        for (const field of part.fields) values[`${part.key}.${index}.${field.key}`] = asText(row[field.key]);
      });
    }
    if (part.kind === 'meetings') {
      ((content[part.key] as Array<{ name: string; meetings: Array<{ date: string; topics: string }> }> | undefined) ?? []).forEach((group, index) => {
        values[`${part.key}.${index}.name`] = group.name;
        values[`${part.key}.${index}.meetings`] = group.meetings.map((meeting) => `${meeting.date} – ${meeting.topics}`).join('\n');
      });
    }
  }
  return values;
}

function rowCount(values: Record<string, string>, key: string): number {
  let count = 0;
  for (const name of Object.keys(values)) {
    const match = new RegExp(`^${key}\\.(\\d+)\\.`).exec(name);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

function fieldId(name: string): string {
  return `kap-${name.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** The view of a chapter form: stored or posted values, with errors by field name. */
export function chapterForm(
  sectionId: AgencySectionId,
  plan: ActionPlan,
  sections: AgencySections,
  posted: { values: Record<string, string>; errors: Record<string, string> } | null,
): ChapterForm {
  if (sectionId === NARRATIVES_ID) {
    const stored = sections['area-narratives']?.areas ?? [];
    const values = posted?.values ?? Object.fromEntries(stored.map((entry) => [`area.${entry.activityAreaId}`, entry.text]));
    const parts: ChapterPart[] = [...plan.activityAreas]
      .sort((a, b) => a.order - b.order)
      .map((area) => ({
        kind: 'field',
        field: {
          id: fieldId(`area.${area.id}`),
          name: `area.${area.id}`,
          label: area.name,
          kind: 'long',
          hint: 'Vytiskne se na konci oblasti za jejími projekty. Odstavce oddělte prázdným řádkem, řádky začínající „- “ tvoří odrážky.',
          value: values[`area.${area.id}`] ?? '',
          error: posted?.errors[`area.${area.id}`],
        },
      }));
    return { sectionId, title: CHAPTER_TITLES[sectionId], parts };
  }
  const spec = CHAPTER_SPECS.find((candidate) => candidate.id === sectionId)!;
  const values = posted?.values ?? storedValues(spec, sections[sectionId] as Record<string, unknown> | undefined);
  const errors = posted?.errors ?? {};
  const field = (name: string, f: FieldSpec) => ({
    id: fieldId(name),
    name,
    label: f.label,
    kind: f.kind,
    hint: f.hint,
    value: values[name] ?? '',
    error: errors[name],
  });
  const parts = spec.parts.map((part): ChapterPart => {
    if (part.kind === 'field') return { kind: 'field', field: field(part.field.key, part.field) };
    if (part.kind === 'lines') {
      return { kind: 'field', field: { ...field(part.key, { key: part.key, label: part.label, kind: 'long', ...(part.hint ? { hint: part.hint } : {}) }) } };
    }
    const fields: FieldSpec[] =
      part.kind === 'meetings'
        ? [
            { key: 'name', label: 'Název skupiny', kind: 'text' },
            { key: 'meetings', label: 'Jednání', kind: 'long', hint: 'Jedno jednání na řádek: RRRR-MM-DD – témata' },
          ]
        : part.fields;
    const rows = rowCount(values, part.key) + EXTRA_ROWS;
    const rowViews = Array.from({ length: rows }, (_, index) => fields.map((f) => field(`${part.key}.${index}.${f.key}`, f)));
    const total =
      part.kind === 'rows' && part.total
        ? {
            label: part.total.label,
            cells: fields.map((f) => {
              if (!part.total!.sum.includes(f.key)) return '';
              const sum = Array.from({ length: rows }, (_, index) => Number(values[`${part.key}.${index}.${f.key}`] ?? '')).filter(Number.isFinite).reduce((a, b) => a + b, 0);
              return formatNumber(sum);
            }),
          }
        : undefined;
    return { kind: 'rows', key: part.key, label: part.label, rows: rowViews, ...(total ? { total } : {}) };
  });
  return { sectionId, title: spec.title, parts, errorSummary: Object.entries(errors).map(([name, message]) => ({ fieldId: fieldId(name), message })) };
}

/**
 * The posted form as the chapter's body, plus how to map a validation path back to a field name
 * (`events.0.month` of the body may be row 2 of the form when row 0 was left empty).
 */
export function chapterBody(
  sectionId: AgencySectionId,
  plan: ActionPlan,
  form: Record<string, string>,
): { body: unknown; fieldOf: (path: string) => string } {
  if (sectionId === NARRATIVES_ID) {
    const areas = [...plan.activityAreas]
      .sort((a, b) => a.order - b.order)
      .flatMap((area) => {
        const text = (form[`area.${area.id}`] ?? '').replace(/\r\n/g, '\n').trim();
        return text === '' ? [] : [{ activityAreaId: area.id, text }];
      });
    return {
      body: { areas },
      fieldOf: (path) => {
        const index = /^areas\.(\d+)/.exec(path)?.[1];
        const area = index === undefined ? undefined : areas[Number(index)];
        return area ? `area.${area.activityAreaId}` : path;
      },
    };
  }
  const spec = CHAPTER_SPECS.find((candidate) => candidate.id === sectionId)!;
  const body: Record<string, unknown> = {};
  const rowOrigins = new Map<string, number[]>();
  for (const part of spec.parts) {
    if (part.kind === 'field') {
      const value = (form[part.field.key] ?? '').trim();
      const converted = part.field.kind === 'number' ? numberOrText(value) : value;
      if (converted !== undefined && converted !== '') body[part.field.key] = converted;
      continue;
    }
    if (part.kind === 'lines') {
      body[part.key] = (form[part.key] ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
      continue;
    }
    const count = rowCount(form, part.key);
    const fields = part.kind === 'meetings' ? ['name', 'meetings'] : part.fields.map((f) => f.key);
    const origins: number[] = [];
    const rows: unknown[] = [];
    for (let index = 0; index < count; index += 1) {
      const raw = Object.fromEntries(fields.map((key) => [key, (form[`${part.key}.${index}.${key}`] ?? '').trim()]));
      if (isEmptyRow(raw)) continue;
      origins.push(index);
      if (part.kind === 'meetings') {
        const meetings = (raw.meetings ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '').map((line) => {
          const match = MEETING_LINE.exec(line);
          return match ? { date: match[1], topics: match[2] } : { date: line, topics: '' };
        });
        rows.push({ name: raw.name, meetings });
        continue;
      }
      const row: Record<string, unknown> = {};
      for (const f of part.fields) {
        const value = raw[f.key] ?? '';
        if (value === '' && f.optional) continue;
        row[f.key] = f.kind === 'number' ? numberOrText(value) : value;
      }
      rows.push(row);
    }
    body[part.key] = rows;
    rowOrigins.set(part.key, origins);
  }
  return {
    body,
    fieldOf: (path) => {
      const match = /^([A-Za-z]+)\.(\d+)\.([A-Za-z]+)/.exec(path);
      if (!match) return path;
      const [, key, index, field] = match as unknown as [string, string, string, string];
      const origin = rowOrigins.get(key)?.[Number(index)];
      if (origin === undefined) return path;
      // A working group's meetings are one text field in the form.
      return `${key}.${origin}.${field}`;
    },
  };
}
