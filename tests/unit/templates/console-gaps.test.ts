/** What the console tells ARR of a half-year missing before another: the report's column of the previous period stays empty until its past report is loaded. */
import { describe, expect, it } from 'vitest';
import { renderCyclesPage, type OpenCycleFormValues } from '../../../templates/console/cycles';
import { renderPastReportPage } from '../../../templates/console/plan';
import { renderReportPage } from '../../../templates/console/report';
import { htmlText } from '../documents/read';

const user = { name: 'Jana Nováková', role: 'arr' as const, csrf: 'csrf-token' };
const values: OpenCycleFormValues = { period: '2026-H2', deadline: '', meetingDate: '', daysBeforeDeadline: '14, 7, 1', overdueAfterDays: '1', escalateAfterDays: '7' };
const periods = [
  { id: '2026-H1', label: '1. pololetí 2026' },
  { id: '2026-H2', label: '2. pololetí 2026', previousMissing: '1. pololetí 2026' },
];

describe('the open form', () => {
  it('says that the selected half-year’s report will lack the half-year before, and where its report can be loaded', () => {
    // Act
    const html = renderCyclesPage({ user, cycles: [], openForm: { periods, values, errors: {} } });

    // Assess
    expect(htmlText(html)).toContain(
      '1. pololetí 2026 v systému není, takže ve zprávě za 2. pololetí 2026 zůstane sloupec „aktivity v předchozím období“ prázdný, dokud jeho monitorovací zprávu nenahrajete na stránce Minulé zprávy',
    );
    expect(html).toContain('<a href="/arr/plan/past-reports">Minulé zprávy</a>');
    expect(html).toContain('<select id="obdobi" name="period" aria-describedby="obdobi-napoveda">');
  });

  it('says nothing of it when the selected half-year follows one the system has', () => {
    // Act
    const html = renderCyclesPage({ user, cycles: [], openForm: { periods, values: { ...values, period: '2026-H1' }, errors: {} } });

    // Assess
    expect(htmlText(html)).not.toContain('v systému není');
    expect(html).toContain('<select id="obdobi" name="period">');
  });
});

describe('the working draft', () => {
  it('says why the column of the previous period is empty when the system has no such half-year', () => {
    // Act
    const html = renderReportPage({
      user,
      title: 'Monitorovací zpráva za 2. pololetí 2026',
      breadcrumbs: [],
      downloadBase: '/arr/cycles/2026-H2/report',
      previewHtml: '<p>Zpráva</p>',
      missingMessage: '',
      draft: { submitted: 3, total: 60, previousMissing: '1. pololetí 2026' },
    });

    // Assess
    expect(htmlText(html)).toContain('1. pololetí 2026 v systému není, proto je sloupec „aktivity v předchozím období“ prázdný.');
    expect(html).toContain('<a href="/arr/plan/past-reports">Minulé zprávy</a>');
  });
});

describe('the import of a past report', () => {
  const result = { periodLabel: '1. pololetí 2026', imported: 12, corrected: 0, alreadyLoaded: false, unmatched: [], warnings: [] };
  const frame = { user, canEdit: true };

  it.each([
    ['refreshed' as const, 'Zpráva za 2. pololetí 2026 se sestaví znovu a ve sloupci „aktivity v předchozím období“ bude mít texty z této zprávy.'],
    ['kept-as-sent' as const, 'Zpráva za 2. pololetí 2026 už byla rozeslána řídicí skupině, a proto zůstává tak, jak byla odeslána.'],
  ])('tells ARR what became of the next half-year’s report (%s)', (outcome, expected) => {
    // Act
    const html = renderPastReportPage({ frame, imported: [], text: '', result: { ...result, nextReport: { periodLabel: '2. pololetí 2026', outcome } } });

    // Assess
    expect(htmlText(html)).toContain(expected);
  });

  it('says nothing of the next half-year when it has no report yet', () => {
    // Act
    const html = renderPastReportPage({ frame, imported: [], text: '', result });

    // Assess
    expect(htmlText(html)).not.toContain('Zpráva za 2. pololetí 2026');
  });
});
