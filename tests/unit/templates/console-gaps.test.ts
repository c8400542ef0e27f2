/** What the console tells ARR of a half-year missing before the one opened: the report's column of the previous period stays empty. */
import { describe, expect, it } from 'vitest';
import { renderCyclesPage, type OpenCycleFormValues } from '../../../templates/console/cycles';
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
