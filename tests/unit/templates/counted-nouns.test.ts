/** Counts in the pages people read take the noun (and verb) form Czech gives that number. */
import { describe, expect, it } from 'vitest';
import { renderCloseConfirmation } from '../../../templates/console/close';
import { renderPastReportPage, renderPlanRevisionPage, type PlanFrame } from '../../../templates/console/plan';
import { renderSubmissionSummaryPage, type SentProjectView } from '../../../templates/page/summary';
import { htmlText } from '../documents/read';

const user = { name: 'Jana Nováková', role: 'arr' as const, csrf: 'csrf-token' };
const frame: PlanFrame = { user, canEdit: true };
/** 23:59 in Prague on 15 July 2026. */
const DEADLINE = new Date('2026-07-15T21:59:00Z');
const AFTER_DEADLINE = { deadline: DEADLINE, now: new Date('2026-07-16T08:00:00Z') };

describe('the close confirmation', () => {
  it.each([
    [2, 3, 'Podklady ještě chybějí u 1 projektu.'],
    [0, 3, 'Podklady ještě chybějí u 3 projektů.'],
    [0, 7, 'Podklady ještě chybějí u 7 projektů.'],
  ])('with %i of %i submitted says "%s"', (submitted, total, expected) => {
    // Act
    const html = renderCloseConfirmation({ user, cycleId: '2026-H1', periodLabel: '1. pololetí 2026', submitted, total, ...AFTER_DEADLINE });

    // Assess
    expect(htmlText(html)).toContain(expected);
  });

  it('warns that the deadline has not passed yet, with the days left, and says nothing of it after the deadline', () => {
    // Prepare
    const view = { user, cycleId: '2026-H1', periodLabel: '1. pololetí 2026', submitted: 3, total: 3 };

    // Act
    const early = htmlText(renderCloseConfirmation({ ...view, deadline: DEADLINE, now: new Date('2026-07-12T08:00:00Z') }));
    const late = htmlText(renderCloseConfirmation({ ...view, ...AFTER_DEADLINE }));

    // Assess
    expect(early).toContain('Termín odevzdání 15. 7. 2026 ještě neuplynul (zbývají 3 dny); po uzavření už kontaktní osoby nic neodevzdají.');
    expect(late).not.toContain('neuplynul');
  });
});

describe('a plan revision', () => {
  it.each([
    [{ projects: 1, contacts: 1, indicators: 1 }, '1 projekt, 1 kontaktní osoba, 1 indikátor'],
    [{ projects: 3, contacts: 2, indicators: 4 }, '3 projekty, 2 kontaktní osoby, 4 indikátory'],
    [{ projects: 60, contacts: 25, indicators: 15 }, '60 projektů, 25 kontaktních osob, 15 indikátorů'],
  ])('counts %o as "%s"', (counts, expected) => {
    // Act
    const html = renderPlanRevisionPage({
      frame,
      row: { revision: 2, author: 'Jana Nováková', at: new Date('2026-03-02T09:00:00Z'), reason: 'Nový projekt', changes: [] },
      current: true,
      counts,
      previous: 1,
      next: null,
    });

    // Assess
    expect(htmlText(html)).toContain(expected);
  });
});

describe('an imported past report', () => {
  const importResult = (imported: number, alreadyLoaded: boolean, corrected = 0): string =>
    htmlText(
      renderPastReportPage({
        frame,
        imported: [],
        text: '',
        result: { periodLabel: '2. pololetí 2025', imported, corrected, alreadyLoaded, unmatched: [], warnings: [] },
      }),
    );

  it.each([
    [1, false, 'Převzat 1 projekt.'],
    [3, false, 'Převzaty 3 projekty.'],
    [12, false, 'Převzato 12 projektů.'],
    // Loaded again: the projects the first import missed.
    [1, true, 'Doplněn 1 projekt, který při dřívějším nahrání chyběl.'],
    [3, true, 'Doplněny 3 projekty, které při dřívějším nahrání chyběly.'],
    [5, true, 'Doplněno 5 projektů, které při dřívějším nahrání chyběly.'],
  ])('with %i projects taken over (loaded before: %s) says "%s"', (imported, alreadyLoaded, expected) => {
    // Act
    const text = importResult(imported, alreadyLoaded);

    // Assess
    expect(text).toContain(expected);
  });

  it.each([
    [0, 1, 'Opraven 1 projekt podle nového znění zprávy. Nové texty od teď použijí další cykly i zprávy.'],
    [0, 4, 'Opraveny 4 projekty podle nového znění zprávy.'],
    [2, 6, 'Doplněny 2 projekty, které při dřívějším nahrání chyběly. Opraveno 6 projektů podle nového znění zprávy. Další cykly'],
  ])('loaded again corrected, with %i projects added and %i changed, says "%s"', (imported, corrected, expected) => {
    // Act
    const text = importResult(imported, true, corrected);

    // Assess
    expect(text).toContain(expected);
    expect(text).not.toContain('nic nového');
  });

  it('loaded again with nothing new says that the projects are there already, not "Převzato 0 projektů"', () => {
    // Act
    const text = importResult(0, true);

    // Assess
    expect(text).toContain('Zpráva za 2. pololetí 2025 už byla nahrána');
    expect(text).toContain('Projekty z této zprávy systém má už z dřívějšího nahrání ve stejném znění, nic nového se nepřevzalo.');
    expect(text).not.toContain('0 projektů');
    expect(text).not.toContain('předvyplní');
  });

  it.each([
    [2, true],
    [25, false],
  ])('with %i importer warnings shows their count, unfolded: %s', (count, unfolded) => {
    // Prepare
    const warnings = Array.from({ length: count }, (_, index) => `řádek ${index + 10}: projekt „Projekt ${index}“ nemá plán na další období`);

    // Act
    const html = renderPastReportPage({
      frame,
      imported: [],
      text: '',
      result: { periodLabel: '2. pololetí 2025', imported: 3, corrected: 0, alreadyLoaded: false, unmatched: [], warnings },
    });

    // Assess
    const details = /<details class="import-warnings"( open)?>/.exec(html);
    expect(details).not.toBeNull();
    expect(details?.[1] !== undefined).toBe(unfolded);
    expect(htmlText(html)).toContain(`Upozornění ke zprávě (${count})`);
    expect(htmlText(html)).toContain(warnings.at(-1));
  });

  it('with no project of the plan in it says that none was taken over', () => {
    // Act
    const text = importResult(0, false);

    // Assess
    expect(text).toContain('Ze zprávy se nepřevzal žádný projekt.');
    expect(text).not.toContain('předvyplní');
  });
});

describe("a closed cycle's summary for the contact person", () => {
  const project = (projectId: string): SentProjectView => ({ projectId, name: `Projekt ${projectId}`, activityAreaName: 'Chytrá doprava', sent: null });

  it.each([
    [['a'], 'Odesláno u 0 z 1 projektu.'],
    [['a', 'b', 'c'], 'Odesláno u 0 z 3 projektů.'],
  ])('with projects %o says "%s"', (ids, expected) => {
    // Act
    const html = renderSubmissionSummaryPage({
      personName: 'Petr Svoboda',
      periodLabel: '1. pololetí 2026',
      nextPeriodLabel: '2. pololetí 2026',
      deadline: new Date('2026-06-30T21:59:00Z'),
      projects: ids.map(project),
    });

    // Assess
    expect(htmlText(html)).toContain(expected);
  });
});
