/**
 * A cycle's dashboard: completeness by activity area, contact person and project, who is late and
 * what they were last sent, the reminder history, and ARR's actions on the cycle.
 */
import type { VNode } from 'preact';
import { formatDate, formatDateTime, formatDeadline, formatIsoDate } from '../format';
import { countOf, PROJECT_FORMS } from '../../domain/czech-plural';
import { renderPage } from '../jsx/render';
import { DeliverySection, UndeliverableBadge, type DeliveryProblem } from './delivery';
import type { ProjectFlagCode } from '../../domain/use-cases/arr';
import { chaptersPath, ConsolePage, cyclePath, CsrfField, ErrorSummary, InputField, Progress, TableWrap, type ConsoleFrameUser } from './layout';

export type ProgressStatus = 'invited' | 'submitted' | 'late';

const STATUS_LABELS: Record<ProgressStatus, string> = { invited: 'čeká se', submitted: 'odevzdáno', late: 'pozdě' };

export interface DashboardView {
  user: ConsoleFrameUser;
  canAct: boolean;
  notice?: string | undefined;
  cycle: {
    id: string;
    periodLabel: string;
    stateLabel: string;
    deadline: Date;
    meetingDate: string;
    isOpen: boolean;
    /** The deadline and meeting can be moved (not after the steering group was notified). */
    canReschedule: boolean;
    hasReport: boolean;
  };
  totals: { submitted: number; total: number; late: number };
  areas: Array<{ name: string; submitted: number; total: number }>;
  people: Array<{
    id: string;
    name: string;
    email: string;
    submitted: number;
    total: number;
    status: ProgressStatus;
    lastReminder?: { label: string; at: Date } | undefined;
    /** A hard bounce or a complaint on the person's address in this cycle. */
    undeliverable?: 'hard-bounce' | 'complaint' | undefined;
  }>;
  /** Hard bounces and complaints per person (flagged), and soft bounces (only shown). */
  delivery: { undeliverable: DeliveryProblem[]; softBounces: DeliveryProblem[] };
  projects: Array<{
    id: string;
    name: string;
    areaName: string;
    status: ProgressStatus;
    submittedAt?: Date | undefined;
    contacts: string;
    /** Returned, edited by ARR, changed since ARR's edit. */
    flags: Array<{ code: ProjectFlagCode; label: string; at: Date }>;
  }>;
  /** The slipping projects with their reasons, in the report's order. */
  slips: Array<{ projectId: string; name: string; areaName: string; linked: boolean; reasons: string[] }>;
  /** The contact persons' notes for ARR, newest first; null where they are not to be shown (the steering group). */
  notesToArr: Array<{ projectId: string; projectName: string; personName: string; version: number; at: Date; text: string }> | null;
  reminders: Array<{ at: Date; label: string; audience: string; projectCount: number }>;
  dates: { values: { deadline: string; meetingDate: string }; errors: Record<string, string> };
}

function StatusBadge(props: { status: ProgressStatus }): VNode {
  return <span class={`state state-${props.status}`}>{STATUS_LABELS[props.status]}</span>;
}

function Summary(props: { view: DashboardView }): VNode {
  const { cycle, totals } = props.view;
  return (
    <section class="panel" aria-labelledby="souhrn">
      <h2 id="souhrn">Souhrn</h2>
      <dl class="facts">
        <dt>Stav</dt>
        <dd>{cycle.stateLabel}</dd>
        <dt>Termín odevzdání</dt>
        <dd>{formatDeadline(cycle.deadline)}</dd>
        <dt>Jednání Řídící skupiny</dt>
        <dd>{formatIsoDate(cycle.meetingDate)}</dd>
        <dt>Odevzdané projekty</dt>
        <dd>
          <Progress done={totals.submitted} total={totals.total} label="Odevzdané projekty celkem" />
        </dd>
        <dt>Pozdě</dt>
        <dd>{totals.late === 0 ? 'nikdo' : countOf(totals.late, PROJECT_FORMS)}</dd>
        <dt>Se skluzem</dt>
        <dd>{props.view.slips.length === 0 ? 'žádný projekt' : <a href="#skluz">{countOf(props.view.slips.length, PROJECT_FORMS)}</a>}</dd>
      </dl>
      <p class="actions">
        <a class="button-link secondary" href={`${cyclePath(cycle.id)}/report`}>
          Monitorovací zpráva
        </a>
        {props.view.canAct ? (
          <a class="button-link secondary" href={chaptersPath(cycle.id)}>
            Kapitoly ARR
          </a>
        ) : null}
        {props.view.canAct && cycle.isOpen ? (
          <a class="button-link secondary" href={`${cyclePath(cycle.id)}/close`}>
            Uzavřít cyklus…
          </a>
        ) : null}
      </p>
    </section>
  );
}

function LatePeople(props: { view: DashboardView }): VNode {
  const late = props.view.people.filter((person) => person.status === 'late');
  return (
    <section class="panel" aria-labelledby="pozde">
      <h2 id="pozde">Kdo je pozdě</h2>
      {late.length === 0 ? (
        <p>Nikdo není v prodlení.</p>
      ) : (
        <ul>
          {late.map((person) => (
            <li>
              <strong>{person.name}</strong> – chybí {person.total - person.submitted} z {person.total};{' '}
              {person.lastReminder ? `naposledy ${person.lastReminder.label} ${formatDate(person.lastReminder.at)}` : 'zatím bez připomínky'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AreasTable(props: { view: DashboardView }): VNode {
  return (
    <section aria-labelledby="oblasti">
      <h2 id="oblasti">Úplnost podle oblastí aktivit</h2>
      <TableWrap labelledBy="oblasti">
        <table>
          <thead>
            <tr>
              <th scope="col">Oblast aktivit</th>
              <th scope="col">Odevzdáno</th>
            </tr>
          </thead>
          <tbody>
            {props.view.areas.map((area) => (
              <tr>
                <th scope="row">{area.name}</th>
                <td>
                  <Progress done={area.submitted} total={area.total} label={`Odevzdáno: ${area.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function PeopleTable(props: { view: DashboardView }): VNode {
  const { view } = props;
  return (
    <section aria-labelledby="osoby">
      <h2 id="osoby">Kontaktní osoby</h2>
      <TableWrap labelledBy="osoby">
        <table>
          <thead>
            <tr>
              <th scope="col">Kontaktní osoba</th>
              <th scope="col">Odevzdáno</th>
              <th scope="col">Stav</th>
              <th scope="col">Poslední připomínka</th>
              {view.canAct && view.cycle.isOpen ? <th scope="col">Odkaz</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.people.map((person) => (
              <tr>
                <th scope="row">
                  {person.name}
                  <br />
                  <span class="muted">{person.email}</span>
                  {person.undeliverable ? (
                    <>
                      <br />
                      <UndeliverableBadge outcome={person.undeliverable} />
                    </>
                  ) : null}
                </th>
                <td>
                  <Progress done={person.submitted} total={person.total} label={`Odevzdáno: ${person.name}`} />
                </td>
                <td>
                  <StatusBadge status={person.status} />
                </td>
                <td>{person.lastReminder ? `${person.lastReminder.label}, ${formatDate(person.lastReminder.at)}` : '–'}</td>
                {view.canAct && view.cycle.isOpen ? (
                  <td>
                    <div class="actions">
                      <form method="post" action={`${cyclePath(view.cycle.id)}/contacts/${encodeURIComponent(person.id)}/link`}>
                        <CsrfField token={view.user.csrf} />
                        <button type="submit" class="small secondary" aria-label={`Poslat nový odkaz: ${person.name}`}>
                          Poslat nový odkaz
                        </button>
                      </form>
                      <form method="post" action={`${cyclePath(view.cycle.id)}/contacts/${encodeURIComponent(person.id)}/revoke`}>
                        <CsrfField token={view.user.csrf} />
                        <button type="submit" class="small secondary" aria-label={`Zrušit odkazy: ${person.name}`}>
                          Zrušit odkazy
                        </button>
                      </form>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

const FLAG_CLASSES: Record<ProjectFlagCode, string> = {
  returned: 'flag state-returned',
  'arr-edited': 'flag',
  'changed-since-arr-edit': 'flag flag-changed',
};

function Flags(props: { flags: DashboardView['projects'][number]['flags'] }): VNode | null {
  if (props.flags.length === 0) return null;
  return (
    <>
      {props.flags.map((flag) => (
        <>
          {' '}
          <span class={FLAG_CLASSES[flag.code]}>{flag.label}</span>
        </>
      ))}
    </>
  );
}

/** Projects whose person wrote again after ARR's edit: the report still prints ARR's older text. */
function ChangedSinceEdit(props: { view: DashboardView }): VNode | null {
  const changed = props.view.projects.filter((project) => project.flags.some((flag) => flag.code === 'changed-since-arr-edit'));
  if (changed.length === 0) return null;
  return (
    <div class="attention" role="note">
      <strong>Změněno po úpravě ARR:</strong> kontaktní osoba poslala novou verzi až po úpravě textu ARR. Zpráva tiskne text ARR; zkontrolujte ho:
      <ul>
        {changed.map((project) => (
          <li>
            <a href={`${cyclePath(props.view.cycle.id)}/projects/${encodeURIComponent(project.id)}#text-do-zpravy`}>{project.name}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Slips(props: { view: DashboardView }): VNode {
  const { slips } = props.view;
  return (
    <section class="panel" aria-labelledby="skluz">
      <h2 id="skluz">Projekty se skluzem</h2>
      {slips.length === 0 ? (
        <p>Žádný projekt nemá skluz.</p>
      ) : (
        <>
          <p class="muted">Vypočteno z historie pololetí: opakovaný plán, stav zpožděno nebo zrušeno, prázdné „co se udělalo“ při existujícím plánu, dvakrát bez odpovědi.</p>
          <ul class="slips">
            {slips.map((slip) => (
              <li>
                {slip.linked ? (
                  <a href={`${cyclePath(props.view.cycle.id)}/projects/${encodeURIComponent(slip.projectId)}`}>
                    <strong>{slip.name}</strong>
                  </a>
                ) : (
                  <strong>{slip.name}</strong>
                )}
                <span class="muted"> ({slip.areaName})</span>
                <ul>
                  {slip.reasons.map((reason) => (
                    <li>{reason}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** What contact persons wrote to ARR beside their reports, so that ARR need not open every project to find it. */
function NotesToArr(props: { cycleId: string; notes: NonNullable<DashboardView['notesToArr']> }): VNode {
  return (
    <section class="panel" aria-labelledby="poznamky">
      <h2 id="poznamky">Poznámky kontaktních osob pro ARR</h2>
      {props.notes.length === 0 ? (
        <p>Kontaktní osoby zatím nenapsaly žádnou poznámku.</p>
      ) : (
        <>
          <p class="muted">Z nejnovější verze podkladů každého projektu, nejnovější nahoře. Do zprávy se nepřebírají.</p>
          <ul class="notes">
            {props.notes.map((note) => (
              <li>
                <a href={`${cyclePath(props.cycleId)}/projects/${encodeURIComponent(note.projectId)}`}>
                  <strong>{note.projectName}</strong>
                </a>
                <span class="muted">
                  {' '}
                  – {note.personName}, verze {note.version}, {formatDateTime(note.at)}
                </span>
                <p class="comment">{note.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ProjectsTable(props: { view: DashboardView }): VNode {
  return (
    <section aria-labelledby="projekty">
      <h2 id="projekty">Projekty</h2>
      <TableWrap labelledBy="projekty">
        <table>
          <thead>
            <tr>
              <th scope="col">Projekt</th>
              <th scope="col">Oblast aktivit</th>
              <th scope="col">Kontaktní osoby</th>
              <th scope="col">Stav</th>
            </tr>
          </thead>
          <tbody>
            {props.view.projects.map((project) => (
              <tr>
                <th scope="row">
                  <a href={`${cyclePath(props.view.cycle.id)}/projects/${encodeURIComponent(project.id)}`}>{project.name}</a>
                </th>
                <td>{project.areaName}</td>
                <td>{project.contacts}</td>
                <td>
                  <StatusBadge status={project.status} />
                  {project.submittedAt ? <span class="muted"> {formatDate(project.submittedAt)}</span> : null}
                  <Flags flags={project.flags} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function ReminderHistory(props: { view: DashboardView }): VNode {
  return (
    <section aria-labelledby="pripominky">
      <h2 id="pripominky">Historie připomínek</h2>
      {props.view.reminders.length === 0 ? (
        <p>Zatím nebyla odeslána žádná připomínka.</p>
      ) : (
        <TableWrap labelledBy="pripominky">
          <table>
            <thead>
              <tr>
                <th scope="col">Kdy</th>
                <th scope="col">Co</th>
                <th scope="col">Komu</th>
                <th scope="col" class="number">
                  Projektů
                </th>
              </tr>
            </thead>
            <tbody>
              {props.view.reminders.map((reminder) => (
                <tr>
                  <td>{formatDate(reminder.at)}</td>
                  <td>{reminder.label}</td>
                  <td>{reminder.audience}</td>
                  <td class="number">{reminder.projectCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function DatesForm(props: { view: DashboardView }): VNode {
  const { view } = props;
  const { values, errors } = view.dates;
  const summary = [
    ...(errors.deadline ? [{ fieldId: 'novy-termin', message: errors.deadline }] : []),
    ...(errors.meetingDate ? [{ fieldId: 'nove-jednani', message: errors.meetingDate }] : []),
  ];
  return (
    <section class="panel" aria-labelledby="terminy">
      <h2 id="terminy">Posunout termíny</h2>
      <ErrorSummary title="Termíny se nepodařilo změnit" errors={summary} />
      <p>Připomínky se řídí novým termínem: po posunu termínu odevzdání poběží znovu 14, 7 a 1 den před ním.</p>
      <form method="post" action={`${cyclePath(view.cycle.id)}/dates`} novalidate>
        <CsrfField token={view.user.csrf} />
        <div class="field-row">
          {view.cycle.isOpen ? (
            <InputField id="novy-termin" name="deadline" type="date" label="Termín odevzdání" value={values.deadline} error={errors.deadline} />
          ) : null}
          <InputField id="nove-jednani" name="meetingDate" type="date" label="Jednání Řídící skupiny" value={values.meetingDate} error={errors.meetingDate} />
        </div>
        <button type="submit">Uložit nové termíny</button>
      </form>
    </section>
  );
}

/** The long page's parts, so that ARR gets to the persons or the projects of 60 without scrolling through the rest. */
function PageSections(props: { view: DashboardView }): VNode {
  const sections = [
    ...(props.view.notesToArr ? [{ id: 'poznamky', label: 'Poznámky pro ARR' }] : []),
    { id: 'oblasti', label: 'Oblasti aktivit' },
    { id: 'osoby', label: 'Kontaktní osoby' },
    { id: 'projekty', label: 'Projekty' },
    { id: 'pripominky', label: 'Historie připomínek' },
    ...(props.view.canAct && props.view.cycle.canReschedule ? [{ id: 'terminy', label: 'Posunout termíny' }] : []),
  ];
  return (
    <nav class="sub-nav" aria-label="Části stránky">
      <ul>
        {sections.map((section) => (
          <li>
            <a href={`#${section.id}`}>{section.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function renderDashboard(view: DashboardView, status = 200): { status: number; html: string } {
  const hasErrors = Object.keys(view.dates.errors).length > 0;
  return {
    status,
    html: renderPage(
      <ConsolePage
        title={`Cyklus ${view.cycle.periodLabel}`}
        user={view.user}
        hasErrors={hasErrors}
        breadcrumbs={[{ href: '/arr', label: 'Cykly' }, { label: view.cycle.periodLabel }]}
      >
        <h1>Cyklus {view.cycle.periodLabel}</h1>
        {view.notice ? (
          <p class="notice" role="status">
            {view.notice}
          </p>
        ) : null}
        <PageSections view={view} />
        <ChangedSinceEdit view={view} />
        <Summary view={view} />
        <LatePeople view={view} />
        <DeliverySection {...view.delivery} canFix={view.canAct && view.cycle.isOpen} />
        <Slips view={view} />
        {view.notesToArr ? <NotesToArr cycleId={view.cycle.id} notes={view.notesToArr} /> : null}
        <AreasTable view={view} />
        <PeopleTable view={view} />
        <ProjectsTable view={view} />
        <ReminderHistory view={view} />
        {view.canAct && view.cycle.canReschedule ? <DatesForm view={view} /> : null}
      </ConsolePage>,
    ),
  };
}
