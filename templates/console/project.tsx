/** One project of a cycle: every version its contact persons sent, and what changed between two of them. */
import type { VNode } from 'preact';
import { formatDate } from '../format';
import { renderPage } from '../jsx/render';
import { ConsolePage, type ConsoleFrameUser } from './layout';

/** A piece of text in a comparison: kept, added or removed. */
export interface DiffPart {
  value: string;
  change: 'same' | 'added' | 'removed';
}

export interface ProjectVersionView {
  version: number;
  submittedAt: Date;
  submittedBy: string;
  fields: Array<{ label: string; value: string }>;
}

export interface ProjectView {
  user: ConsoleFrameUser;
  cycleId: string;
  periodLabel: string;
  project: { name: string; areaName: string; goal: string; contacts: string };
  versions: ProjectVersionView[];
  comparison: { from: number; to: number; fields: Array<{ label: string; parts: DiffPart[] }> } | null;
}

function DiffText(props: { parts: DiffPart[] }): VNode {
  return (
    <>
      {props.parts.map((part) =>
        part.change === 'added' ? (
          <ins>
            <span class="visually-hidden">[přidáno: </span>
            {part.value}
            <span class="visually-hidden">]</span>
          </ins>
        ) : part.change === 'removed' ? (
          <del>
            <span class="visually-hidden">[odebráno: </span>
            {part.value}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          part.value
        ),
      )}
    </>
  );
}

function CompareForm(props: { view: ProjectView }): VNode {
  const { versions, comparison } = props.view;
  const latest = versions.at(-1)?.version ?? 1;
  const from = comparison?.from ?? Math.max(1, latest - 1);
  const to = comparison?.to ?? latest;
  const select = (id: string, name: string, label: string, selected: number) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        {versions.map((version) => (
          <option value={String(version.version)} selected={version.version === selected}>
            verze {version.version} ({formatDate(version.submittedAt)})
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="" class="panel">
      <h2>Porovnat verze</h2>
      <div class="field-row">
        {select('verze-od', 'od', 'Starší verze', from)}
        {select('verze-do', 'do', 'Novější verze', to)}
      </div>
      <button type="submit">Porovnat</button>
    </form>
  );
}

export function renderProjectPage(view: ProjectView): string {
  const cyclePath = `/arr/cycles/${encodeURIComponent(view.cycleId)}`;
  return renderPage(
    <ConsolePage
      title={view.project.name}
      user={view.user}
      breadcrumbs={[{ href: '/arr', label: 'Cykly' }, { href: cyclePath, label: view.periodLabel }, { label: view.project.name }]}
    >
      <h1>{view.project.name}</h1>
      <dl class="facts panel">
        <dt>Oblast aktivit</dt>
        <dd>{view.project.areaName}</dd>
        <dt>Kontaktní osoby</dt>
        <dd>{view.project.contacts}</dd>
        <dt>Cíl projektu</dt>
        <dd>{view.project.goal}</dd>
      </dl>
      {view.versions.length === 0 ? <p>Kontaktní osoby k projektu zatím nic neposlaly.</p> : null}
      {view.versions.length > 1 ? <CompareForm view={view} /> : null}
      {view.comparison ? (
        <section class="panel diff" aria-labelledby="porovnani">
          <h2 id="porovnani">
            Změny mezi verzí {view.comparison.from} a {view.comparison.to}
          </h2>
          <p class="muted">Přidaný text je podtržený a zeleně, odebraný přeškrtnutý a červeně.</p>
          <dl>
            {view.comparison.fields.map((field) => (
              <>
                <dt>{field.label}</dt>
                <dd>
                  <DiffText parts={field.parts} />
                </dd>
              </>
            ))}
          </dl>
        </section>
      ) : null}
      {[...view.versions].reverse().map((version) => (
        <section class="panel project" aria-labelledby={`verze-${version.version}`}>
          <h2 id={`verze-${version.version}`}>Verze {version.version}</h2>
          <p class="muted">
            Poslal(a) {version.submittedBy}, {formatDate(version.submittedAt)} v{' '}
            {version.submittedAt.toLocaleTimeString('cs-CZ', { timeZone: 'Europe/Prague', hour: '2-digit', minute: '2-digit' })}
          </p>
          <dl>
            {version.fields.map((field) => (
              <>
                <dt>{field.label}</dt>
                <dd>{field.value || '–'}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </ConsolePage>,
  );
}
