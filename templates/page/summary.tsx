import { countOf, PROJECT_GENITIVE_FORMS } from '../../domain/czech-plural';
import { formatDate, formatDeadline, PROJECT_STATUS_LABELS, type ProjectStatus } from '../format';
import { renderPage } from '../jsx/render';
import { PageLayout } from './layout';
import { projectSectionId } from './submission';

export interface SentProjectView {
  projectId: string;
  name: string;
  activityAreaName: string;
  /** What the person sent last; null when they sent nothing. */
  sent: {
    version: number;
    submittedAt: Date;
    thisPeriod: string;
    nextPeriodPlan: string;
    status: ProjectStatus;
    indicatorContributions: Array<{ code: string; name: string; value: number }>;
    noteToArr: string | null;
  } | null;
  /** ARR returned the last version and no new one came before the close. */
  returned?: { returnedAt: Date; comment: string };
}

export interface SubmissionSummaryView {
  personName: string;
  periodLabel: string;
  nextPeriodLabel: string;
  deadline: Date;
  projects: SentProjectView[];
}

function statusLine(project: SentProjectView): string {
  if (project.sent === null) return 'Neodesláno';
  const sent = `Odesláno ${formatDate(project.sent.submittedAt)} (verze ${project.sent.version})`;
  return project.returned ? `${sent}, vráceno k doplnění` : sent;
}

function SentProject(props: { project: SentProjectView; index: number; view: SubmissionSummaryView }) {
  const { project, index, view } = props;
  const headingId = `nazev-${index}`;
  const { sent } = project;
  return (
    <section class="panel project" id={projectSectionId(project.projectId)} aria-labelledby={headingId}>
      <h2 id={headingId}>{project.name}</h2>
      <p class={sent === null ? 'status-line' : project.returned ? 'status-line returned' : 'status-line submitted'}>{statusLine(project)}</p>
      {project.returned ? (
        <div class="returned-note">
          <p>
            ARR Vám {formatDate(project.returned.returnedAt)} vrátila podklady k doplnění s komentářem:
          </p>
          <blockquote class="comment">{project.returned.comment}</blockquote>
          <p>Nová verze do uzavření sběru nepřišla.</p>
        </div>
      ) : null}
      <dl>
        <dt>Oblast aktivit</dt>
        <dd>{project.activityAreaName}</dd>
        {sent === null ? (
          <>
            <dt>Podklady</dt>
            <dd>K tomuto projektu jste za {view.periodLabel} podklady neodeslali.</dd>
          </>
        ) : (
          <>
            <dt>Co se v projektu udělalo v období {view.periodLabel}</dt>
            <dd>{sent.thisPeriod}</dd>
            <dt>Plán na {view.nextPeriodLabel}</dt>
            <dd>{sent.nextPeriodPlan === '' ? 'Neuvedeno.' : sent.nextPeriodPlan}</dd>
            <dt>Stav projektu</dt>
            <dd>{PROJECT_STATUS_LABELS[sent.status]}</dd>
            {sent.indicatorContributions.length === 0 ? null : (
              <>
                <dt>Příspěvek k indikátorům</dt>
                <dd>
                  <ul>
                    {sent.indicatorContributions.map((contribution) => (
                      <li>
                        {contribution.name} <span class="nowrap">({contribution.code})</span>: {contribution.value}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {sent.noteToArr === null ? null : (
              <>
                <dt>Poznámka pro ARR</dt>
                <dd>{sent.noteToArr}</dd>
              </>
            )}
          </>
        )}
      </dl>
    </section>
  );
}

/** A closed cycle's link: what the person sent, to read only. Nothing on it posts anything. */
export function renderSubmissionSummaryPage(view: SubmissionSummaryView): string {
  const title = `Podklady za ${view.periodLabel}`;
  const sentCount = view.projects.filter((project) => project.sent !== null).length;
  return renderPage(
    <PageLayout title={title}>
      <h1>{title}</h1>
      <div class="closed-note">
        <p>
          Sběr podkladů za {view.periodLabel} byl uzavřen. Níže je přehled toho, co jste odeslali; údaje už nelze měnit. Pokud potřebujete
          něco opravit, obraťte se prosím na ARR.
        </p>
      </div>
      <div class="panel">
        <p>
          Kontaktní osoba: <strong>{view.personName}</strong>
        </p>
        <p>
          Termín odevzdání byl <strong>{formatDeadline(view.deadline)}</strong>.
        </p>
        <p class="summary-status">
          Odesláno u {sentCount} z {countOf(view.projects.length, PROJECT_GENITIVE_FORMS)}.
        </p>
      </div>
      {view.projects.map((project, index) => (
        <SentProject project={project} index={index} view={view} />
      ))}
    </PageLayout>,
  );
}
