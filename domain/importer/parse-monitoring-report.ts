/**
 * Reads an existing half-year monitoring report (Markdown, as converted from the region's DOCX
 * reports, or as written by our own renderer) back into project entries of chapter 3.
 *
 * The source documents are hand-written and inconsistent (label spellings, period formats,
 * "plán"/"aktivity" labels mixed up, several ways of marking a project name), so the parser is
 * tolerant, and whatever it cannot place goes into `warnings` with its line number rather than
 * being dropped silently.
 */
import { builtOnFirstUse } from '../lazy';

export interface ImportedProject {
  name: string;
  /** Sentence case, e.g. 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu'. */
  activityArea: string;
  /** `null` for projects outside the plan's activity areas, or when no activity line precedes the project. */
  activity: string | null;
  goal: string;
  previousPeriod: string;
  thisPeriod: string;
  nextPeriodPlan: string;
  contacts: string[];
}

export interface ImportedReport {
  /** e.g. '2025-H2' */
  period: string;
  projects: ImportedProject[];
  warnings: string[];
}

export class NotAMonitoringReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAMonitoringReportError';
  }
}

/** The one place where an area heading (upper case in the reports) becomes the area's name. */
export function toSentenceCase(text: string): string {
  const lower = text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('cs');
  return lower.charAt(0).toLocaleUpperCase('cs') + lower.slice(1);
}

type Field = 'goal' | 'previousPeriod' | 'thisPeriod' | 'nextPeriodPlan' | 'contacts';

interface HalfYear {
  year: number;
  half: 1 | 2;
}

/** In the accusative, as the warnings use them (`nemá …`, `už má …`): ARR reads them on the past-reports page. */
const FIELD_LABELS: Record<Field, string> = {
  goal: 'cíl projektu',
  previousPeriod: 'aktivity v předchozím období',
  thisPeriod: 'aktivity ve sledovaném období',
  nextPeriodPlan: 'plán na další období',
  contacts: 'kontaktní osobu',
};

const OUTSIDE_PLAN_AREA = /^další projekty realizované mimo oblast/i;
const TITLE = /^monitorovací zpráva za ([12])\.\s*pololetí\s+(\d{4})$/i;
const CHAPTER_3 = /^3\.\s*informace o stavu rozpracování jednotlivých projektů$/i;
const CHAPTER_4 = /^4\.\s+\S/;
const ACTIVITY_LINE = /^(?:v současné době (?:jsou|je)\s+)?v (?:rámci )?aktivit(?:y|ě)\s+(.+)$/i;
const PLAIN_ACTIVITY_NAME_END =
  /\s+(?:jsou|je|byl[aoy]?|nebyl[aoy]?|realizován[aoy]?|probíhá|probíhají)\s/i;
// "… jsou realizovány následující projekty:", "… byl ve sledovaném období realizován projekt:".
const PROJECT_INTRO = /(?:následující\s+\S+|projekty?|činnosti|aktivity)\s*:$/i;
const NO_PROJECTS = /(?:^|\s)nebyl[aoy]?\s.*\sžádn/i;
const EXCERPT_LENGTH = 80;

/** Text of a line with Markdown/HTML emphasis and heading marks removed. */
function stripMarkup(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/<\/?(?:b|i|em|strong|u)>/gi, '')
    .replace(/\*+|(?<!\w)_+|_+(?!\w)/g, '')
    .replace(/\\$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function excerpt(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > EXCERPT_LENGTH ? `${clean.slice(0, EXCERPT_LENGTH)}…` : clean;
}

function headingText(line: string): string | null {
  const match = /^#{1,6}\s+(.*)$/.exec(line);
  return match ? stripMarkup(match[1]) : null;
}

/** The inner text of a line that is emphasised as a whole (`**X**`, `*X*`, `***X***`, `<b>X</b>`). */
function wholeLineEmphasis(line: string): string | null {
  const markdown = /^(\*{1,3}|_{1,3})(.+)\1$/.exec(line);
  // `**A** and **B**` also starts and ends with `**`, but is not one emphasised span.
  const innerDelimiter = markdown ? markdown[1].slice(0, Math.min(markdown[1].length, 2)) : '';
  if (markdown && !markdown[2].includes(innerDelimiter)) {
    const inner = stripMarkup(markdown[2]);
    return inner === '' ? null : inner;
  }
  const html = /^<(b|i|em|strong)>(.+)<\/\1>$/i.exec(line);
  if (html && !/<\/?(?:b|i|em|strong)>/i.test(html[2])) {
    const inner = stripMarkup(html[2]);
    return inner === '' ? null : inner;
  }
  return null;
}

const notLetters = builtOnFirstUse(() => new RegExp('[^\\p{L}]', 'gu'));

function isUpperCaseText(text: string): boolean {
  const letters = text.replace(notLetters(), '');
  return letters.length >= 2 && text === text.toLocaleUpperCase('cs');
}

function parsePeriodToken(token: string): HalfYear | null {
  const match = /^0?([12])\/(\d{4})$/.exec(token);
  return match ? { half: match[1] === '1' ? 1 : 2, year: Number(match[2]) } : null;
}

function shiftHalfYear(period: HalfYear, by: 1 | -1): HalfYear {
  const index = period.year * 2 + (period.half - 1) + by;
  return { year: Math.floor(index / 2), half: index % 2 === 0 ? 1 : 2 };
}

function sameHalfYear(a: HalfYear, b: HalfYear): boolean {
  return a.year === b.year && a.half === b.half;
}

function formatHalfYear(period: HalfYear): string {
  return `0${period.half}/${period.year}`;
}

type LabelMeaning =
  | { kind: 'field'; field: Field }
  | { kind: 'period'; verb: 'aktivity' | 'plán'; period: HalfYear }
  | { kind: 'unknown' };

function classifyLabel(label: string): LabelMeaning {
  const text = label.toLocaleLowerCase('cs').replace(/\s+/g, ' ').replace(/:$/, '').trim();
  if (/^(?:cíl projektu|bližší popis)$/.test(text)) return { kind: 'field', field: 'goal' };
  // "přechozím" is a typo the 2025 reports contain.
  if (/^aktivity v p[řr]e?d?chozím období$/.test(text)) return { kind: 'field', field: 'previousPeriod' };
  if (/^plán pro (?:další|následující) období$/.test(text)) return { kind: 'field', field: 'nextPeriodPlan' };
  if (/^kontaktní osob[ay]$/.test(text)) return { kind: 'field', field: 'contacts' };
  const periodLabel = /^(aktivity|plán)(?: pro| v)? období ((?:\d{1,2}\/\d{4}\s*)+)$/.exec(text);
  if (periodLabel) {
    const periods = periodLabel[2].trim().split(/\s+/).map(parsePeriodToken);
    const [first] = periods;
    // A period written twice ("02/2025 02/2025") is harmless; two different ones are ambiguous.
    if (first && periods.every((period) => period !== null && sameHalfYear(period, first))) {
      return { kind: 'period', verb: periodLabel[1] === 'plán' ? 'plán' : 'aktivity', period: first };
    }
  }
  return { kind: 'unknown' };
}

/**
 * A label line in any of the seen forms: `<i>label:</i>\tvalue`, `<i>label</i>\tvalue`,
 * `*label:* value`, `**label:** value`, `- **label:** value`, or a plain `label: value` when the
 * label is a known one.
 */
function matchLabelLine(line: string): { label: string; value: string } | null {
  const body = line.replace(/^[-+]\s+/, '');
  const emphasised =
    /^<(i|b|em|strong)>([^<]+)<\/\1>(.*)$/i.exec(body) ?? /^(\*{1,3}|_{1,2})([^*_]+)\1(.*)$/.exec(body);
  if (emphasised) {
    const label = emphasised[2].trim();
    const rest = emphasised[3];
    const colon = label.endsWith(':') || /^\s*:/.test(rest);
    const tab = /^\s*\t/.test(rest);
    const known = classifyLabel(label.replace(/:$/, '')).kind !== 'unknown';
    if (colon || tab || (known && (rest.trim() === '' || /^\s/.test(rest)))) {
      return { label: label.replace(/:$/, '').trim(), value: rest.replace(/^\s*:?\s*/, '').trim() };
    }
    return null;
  }
  const plain = /^([^:*<]{3,60}):\s*(.*)$/.exec(body);
  if (plain && classifyLabel(plain[1]).kind !== 'unknown') {
    return { label: plain[1].trim(), value: plain[2].trim() };
  }
  return null;
}

/** Splits on commas outside brackets, so `M. Féna (D. Nejedlo)` stays one contact. */
function splitContacts(value: string): string[] {
  const contacts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === ';') && depth === 0) {
      contacts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  contacts.push(current);
  return contacts.map((contact) => contact.trim().replace(/\.$/, '').trim()).filter((contact) => contact !== '');
}

interface Assignment {
  value: string;
  line: number;
  label: string;
  /** A value read under its own label outranks one read under a mixed-up label. */
  exact: boolean;
}

interface ProjectDraft {
  name: string;
  line: number;
  activityArea: string;
  activity: string | null;
  outsidePlan: boolean;
  fields: Partial<Record<Field, Assignment>>;
}

interface ValueTarget {
  project: ProjectDraft;
  field: Field;
}

type LineKind =
  | { kind: 'blank' }
  | { kind: 'chapter-end' }
  | { kind: 'area'; name: string }
  | { kind: 'activity'; name: string; rest: string }
  | { kind: 'label'; label: string; value: string }
  | { kind: 'heading'; text: string }
  | { kind: 'emphasised'; text: string }
  | { kind: 'text'; text: string };

function classifyLine(raw: string): LineKind {
  const line = raw.trim();
  if (line === '') return { kind: 'blank' };
  // A document holding several reports (the annual report's attachments) gets only the first one read.
  if (TITLE.test(stripMarkup(line))) return { kind: 'chapter-end' };
  const heading = headingText(line);
  const emphasis = heading === null ? wholeLineEmphasis(line) : null;
  const marked = heading ?? emphasis;
  if (marked !== null) {
    if (CHAPTER_4.test(marked)) return { kind: 'chapter-end' };
    if (isUpperCaseText(marked)) return { kind: 'area', name: marked };
  }
  const label = heading === null ? matchLabelLine(line) : null;
  if (label) return { kind: 'label', ...label };
  const activity = heading === null ? ACTIVITY_LINE.exec(line) : null;
  if (activity) {
    const parsed = parseActivityName(activity[1]);
    if (parsed) return { kind: 'activity', ...parsed };
  }
  if (heading !== null) return { kind: 'heading', text: heading };
  if (emphasis !== null) return { kind: 'emphasised', text: emphasis };
  return { kind: 'text', text: line };
}

function parseActivityName(afterKeyword: string): { name: string; rest: string } | null {
  const emphasised = /^(\*{1,2})([^*]+)\1(.*)$/.exec(afterKeyword);
  if (emphasised) return { name: emphasised[2].trim(), rest: emphasised[3].trim() };
  const end = PLAIN_ACTIVITY_NAME_END.exec(afterKeyword);
  if (!end) return null;
  return { name: afterKeyword.slice(0, end.index).trim(), rest: afterKeyword.slice(end.index).trim() };
}

function findTitle(lines: string[]): { period: HalfYear; index: number } {
  for (const [index, line] of lines.entries()) {
    const match = TITLE.exec(stripMarkup(line));
    if (match) return { period: { half: match[1] === '1' ? 1 : 2, year: Number(match[2]) }, index };
  }
  throw new NotAMonitoringReportError(
    'Not a monitoring report: no title "Monitorovací zpráva za N. pololetí YYYY" was found.',
  );
}

function findChapter3(lines: string[], from: number): number {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index].trim();
    const marked = headingText(line) ?? wholeLineEmphasis(line);
    if (marked !== null && CHAPTER_3.test(marked)) return index;
  }
  throw new NotAMonitoringReportError(
    'Not a monitoring report: chapter "3. Informace o stavu rozpracování jednotlivých projektů" was not found.',
  );
}

export function parseMonitoringReport(text: string): ImportedReport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const title = findTitle(lines);
  const chapterStart = findChapter3(lines, title.index + 1);
  const reportPeriod = title.period;
  const previous = shiftHalfYear(reportPeriod, -1);
  const next = shiftHalfYear(reportPeriod, 1);

  const warnings: { line: number; message: string }[] = [];
  const drafts: ProjectDraft[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ line, message });
  };

  let area = '';
  let outsidePlan = false;
  let activity: string | null = null;
  let project: ProjectDraft | null = null;
  let target: ValueTarget | null = null;
  let pendingText: { line: number; text: string } | null = null;

  const flushPendingText = (): void => {
    if (pendingText) {
      warn(pendingText.line, `text mimo záznam projektu, nepřevzat: „${excerpt(pendingText.text)}“`);
      pendingText = null;
    }
  };

  const holdText = (line: number, content: string): void => {
    pendingText = pendingText ? { ...pendingText, text: `${pendingText.text} ${content}` } : { line, text: content };
  };

  const assign = (line: number, field: Field, value: string, label: string, exact: boolean): void => {
    if (!project) {
      warn(line, `popisek „${label}“ mimo záznam projektu, nepřevzat: „${excerpt(value)}“`);
      target = null;
      return;
    }
    const existing = project.fields[field];
    if (existing && (existing.exact || !exact)) {
      warn(
        line,
        `projekt „${project.name}“ už má ${FIELD_LABELS[field]} z řádku ${existing.line}; ` +
          `„${label}“ nepřevzato: „${excerpt(value)}“`,
      );
      target = null;
      return;
    }
    if (existing) {
      warn(
        existing.line,
        `projekt „${project.name}“: „${existing.label}“ nahrazeno popiskem „${label}“ z řádku ${line}, ` +
          `nepřevzato: „${excerpt(existing.value)}“`,
      );
    }
    project.fields[field] = { value, line, label, exact };
    target = { project, field };
  };

  const readLabel = (line: number, label: string, value: string): void => {
    const meaning = classifyLabel(label);
    if (meaning.kind === 'field') {
      assign(line, meaning.field, value, label, true);
      return;
    }
    if (meaning.kind === 'unknown') {
      warn(line, `neznámý popisek „${label}“${project ? ` v projektu „${project.name}“` : ''}, nepřevzat: „${excerpt(value)}“`);
      target = null;
      return;
    }
    const named = formatHalfYear(meaning.period);
    if (meaning.verb === 'aktivity') {
      if (sameHalfYear(meaning.period, reportPeriod)) assign(line, 'thisPeriod', value, label, true);
      else if (sameHalfYear(meaning.period, previous)) assign(line, 'previousPeriod', value, label, true);
      else if (sameHalfYear(meaning.period, next)) {
        warn(line, `„${label}“ uvádí další období ${named}; čteno jako plán na něj`);
        assign(line, 'nextPeriodPlan', value, label, false);
      } else {
        warn(
          line,
          `„${label}“ uvádí období ${named}, které není obdobím zprávy ${formatHalfYear(reportPeriod)} ` +
            `ani obdobím před ním nebo po něm; nepřevzato: „${excerpt(value)}“`,
        );
        target = null;
      }
      return;
    }
    if (sameHalfYear(meaning.period, next)) {
      assign(line, 'nextPeriodPlan', value, label, true);
    } else if (sameHalfYear(meaning.period, reportPeriod)) {
      warn(line, `„${label}“ uvádí samo období zprávy; čteno jako aktivity v něm`);
      assign(line, 'thisPeriod', value, label, false);
    } else {
      warn(line, `„${label}“ uvádí období ${named} místo dalšího období ${formatHalfYear(next)}; čteno jako plán na další období`);
      assign(line, 'nextPeriodPlan', value, label, false);
    }
  };

  const startProject = (line: number, name: string): void => {
    project = { name, line, activityArea: area, activity, outsidePlan, fields: {} };
    drafts.push(project);
    target = null;
  };

  let endIndex = lines.length;
  for (let index = chapterStart + 1; index < lines.length; index += 1) {
    const lineNumber = index + 1;
    const kind = classifyLine(lines[index]);
    if (kind.kind === 'chapter-end') {
      endIndex = index;
      break;
    }
    if (kind.kind === 'text') {
      if (target) appendToTarget(target, kind.text);
      else holdText(lineNumber, kind.text);
      continue;
    }
    if (kind.kind === 'emphasised' && !nextNonBlankIsLabel(lines, index + 1)) {
      if (target) appendToTarget(target, lines[index].trim());
      else holdText(lineNumber, kind.text);
      continue;
    }
    flushPendingText();
    switch (kind.kind) {
      case 'blank':
        target = null;
        break;
      case 'area':
        area = toSentenceCase(kind.name);
        outsidePlan = OUTSIDE_PLAN_AREA.test(kind.name);
        activity = null;
        project = null;
        target = null;
        break;
      case 'activity':
        activity = kind.name;
        project = null;
        target = null;
        if (!PROJECT_INTRO.test(kind.rest) && !NO_PROJECTS.test(kind.rest)) {
          warn(lineNumber, `aktivita „${kind.name}“ je popsána jen souvislým textem, nepřevzato: „${excerpt(kind.rest)}“`);
        }
        break;
      case 'label':
        readLabel(lineNumber, kind.label, kind.value);
        break;
      case 'heading':
      case 'emphasised':
        startProject(lineNumber, kind.text);
        break;
    }
  }
  flushPendingText();

  const laterTitle = lines.slice(endIndex).findIndex((line) => TITLE.test(stripMarkup(line)));
  if (laterTitle >= 0) {
    warn(endIndex + laterTitle + 1, 'zde začíná další monitorovací zpráva; přečtena byla jen první');
  }

  const projects = drafts.map((draft) => finishProject(draft, warn));
  return {
    period: `${reportPeriod.year}-H${reportPeriod.half}`,
    projects,
    // Sorted (stably) so a reader can walk the document top to bottom alongside them.
    warnings: warnings.sort((a, b) => a.line - b.line).map(({ line, message }) => `řádek ${line}: ${message}`),
  };
}

function nextNonBlankIsLabel(lines: string[], from: number): boolean {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index].trim();
    if (line !== '') return classifyLine(line).kind === 'label';
  }
  return false;
}

function appendToTarget(target: ValueTarget, text: string): void {
  const assignment = target.project.fields[target.field];
  if (assignment) assignment.value = assignment.value === '' ? text : `${assignment.value} ${text}`;
}

function finishProject(draft: ProjectDraft, warn: (line: number, message: string) => void): ImportedProject {
  if (draft.activityArea === '') warn(draft.line, `před projektem „${draft.name}“ chybí nadpis oblasti aktivit`);
  if (draft.activity === null && !draft.outsidePlan) {
    warn(draft.line, `před projektem „${draft.name}“ chybí řádek aktivity („V rámci aktivity …“)`);
  }
  const value = (field: Field): string => {
    const assignment = draft.fields[field];
    if (!assignment || assignment.value === '') {
      warn(draft.line, `projekt „${draft.name}“ nemá ${FIELD_LABELS[field]}`);
      return '';
    }
    return assignment.value;
  };
  const contacts = splitContacts(value('contacts'));
  return {
    name: draft.name,
    activityArea: draft.activityArea,
    activity: draft.outsidePlan ? null : draft.activity,
    goal: value('goal'),
    previousPeriod: value('previousPeriod'),
    thisPeriod: value('thisPeriod'),
    nextPeriodPlan: value('nextPeriodPlan'),
    contacts,
  };
}
