/** Test data for the published documents: small, readable, and overridable per test. */
import type { AgencySections } from '../../../domain/agency';
import type { ActionPlan } from '../../../domain/plan';
import type { MonitoringReport, ReportProject } from '../../../domain/report/model';

export function aProject(overrides: Partial<ReportProject> = {}): ReportProject {
  return {
    id: 'karta-pritele-zoo',
    name: 'Karta přítele ZOO',
    goal: 'Zavedení elektronické návštěvnické karty.',
    goalLabel: 'cíl projektu',
    previousPeriod: 'Příprava a uvedení návštěvnické karty do provozu.',
    thisPeriod: 'Dokončení zákaznické zóny Moje ZOO a nasazení do praxe.',
    nextPeriodPlan: 'Propagace nových funkcionalit mezi klienty.',
    status: 'on-track',
    contacts: ['M. Féna (P. Lieskovská)'],
    ...overrides,
  };
}

export function fullAgency(): Required<AgencySections> {
  return {
    trends: {
      events: [{ month: '2026-03', name: 'Bezpečná škola v digitálním věku' }],
      smartDocuments: ['Strategie digitalizace ČR'],
      opportunities: ['Platba kryptoměnou v aplikaci Idolka'],
    },
    communication: {
      mediaPresentations: [
        {
          title: 'Nový Platební portál',
          publishedOn: '2026-03-12',
          form: 'tisková zpráva na webu LK',
          link: 'https://www.kraj-lbc.cz/aktuality/platebni-portal',
        },
      ],
      partnershipMeetings: [
        { title: 'Setkání Řídící skupiny koncepce', date: '2026-05-06', details: 'Seznámení s aktivitami za rok 2025.' },
      ],
    },
    'payment-portal': {
      activitiesThisPeriod: 'Technická asistence obcím.',
      activeMunicipalities: 57,
      activeServices: 155,
      municipalitiesInPreparation: 15,
      interestedMunicipalities: 21,
      monthlyPayments: [
        { month: '2026-01', count: 162, volumeCzk: 183476 },
        { month: '2026-02', count: 155, volumeCzk: 179743 },
        { month: '2026-03', count: 174, volumeCzk: 199820 },
        { month: '2026-04', count: 98, volumeCzk: 88577 },
        { month: '2026-05', count: 70, volumeCzk: 103525 },
        { month: '2026-06', count: 42, volumeCzk: 51124 },
      ],
      nextPeriodPlan: 'Postupně zapojit další města a obce.',
    },
    'other-activities': {
      workingGroups: [
        {
          name: 'Pracovní skupina pro umělou inteligenci',
          meetings: [
            { date: '2026-03-12', topics: 'Nasazení chatbota.' },
            { date: '2026-04-23', topics: 'Směrnice k AI.' },
          ],
        },
      ],
      coordinationMeetings: [{ title: 'Jednání Řídící skupiny', date: '2026-05-06', details: 'viz kapitola 2' }],
    },
    'area-narratives': {
      areas: [
        {
          activityAreaId: 'kultura',
          text: 'Proběhla tři setkání, tzv. Digitální kavárny, na tato témata:\n- Spisová služba ve školách,\n- Robotické hračky ve výuce.\n\nV realizaci je projekt EDIH NEB na podporu digitální transformace.',
        },
      ],
    },
  };
}

export function aMonitoringReport(overrides: Partial<MonitoringReport> = {}): MonitoringReport {
  return {
    period: {
      id: '2026-H1',
      label: '1. pololetí 2026',
      shortLabel: '01/2026',
      previousShortLabel: '02/2025',
      nextShortLabel: '02/2026',
      firstDay: '2026-01-01',
      lastDay: '2026-06-30',
    },
    annualReportYear: 2026,
    attachmentNumber: 1,
    agency: fullAgency(),
    areas: [
      {
        id: 'kultura',
        name: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu',
        description: 'Projekty muzeí, galerií a ZOO.',
        activities: [
          { number: 1, name: 'Digitalizace sbírkových předmětů a sdílení informací o nich', projects: [aProject({ id: 'digitalizace-kvk', name: 'Krajská vědecká knihovna v Liberci – digitalizace' })] },
          { number: 2, name: 'Nové formy prezentace cílů cestovního ruchu', projects: [aProject()] },
        ],
      },
      {
        name: 'Moderní péče v sociální oblasti',
        activities: [{ number: 3, name: 'Osvěta veřejnosti v sociální oblasti', projects: [] }],
      },
    ],
    outsidePlan: [
      aProject({ id: 'taxibusy', name: 'Taxibusy', goalLabel: 'bližší popis', goal: 'Zajištění poptávkové dopravy.', contacts: ['P. Porkertová'] }),
    ],
    indicators: [
      { areaName: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu', code: 'KD-1', name: 'Počet sbírek, u kterých byla zahájena digitalizace', periodValue: 3, cumulativeValue: 31 },
    ],
    generatedAt: '2026-07-10T08:00:00.000Z',
    ...overrides,
  };
}

/** A report in which every piece of user-written text is `payload`. */
export function aReportWithEveryTextAs(payload: string): MonitoringReport {
  const project = aProject({
    id: 'payload',
    name: payload,
    goal: payload,
    previousPeriod: payload,
    thisPeriod: payload,
    nextPeriodPlan: payload,
    status: payload,
    contacts: [payload, payload],
  });
  return aMonitoringReport({
    agency: {
      trends: { events: [{ month: '2026-01', name: payload }], smartDocuments: [payload], opportunities: [payload] },
      communication: {
        mediaPresentations: [{ title: payload, publishedOn: '2026-02-01', form: payload, link: 'https://example.cz/?q="><script>alert(1)</script>' }],
        partnershipMeetings: [{ title: payload, date: '2026-02-02', details: payload }],
      },
      'payment-portal': { ...fullAgency()['payment-portal'], activitiesThisPeriod: payload, nextPeriodPlan: payload },
      'other-activities': {
        workingGroups: [{ name: payload, meetings: [{ date: '2026-03-03', topics: payload }] }],
        coordinationMeetings: [{ title: payload, date: '2026-03-04', details: payload }],
      },
    },
    areas: [
      {
        name: payload,
        description: payload,
        activities: [
          { number: 1, name: payload, projects: [project] },
          { number: 2, name: payload, projects: [] },
        ],
      },
    ],
    outsidePlan: [project],
    indicators: [{ areaName: payload, code: 'X-1', name: payload, periodValue: 1, cumulativeValue: 1 }],
  });
}

export function aPlan(): ActionPlan {
  const guarantor = { department: 'Odbor kultury, památkové péče a cestovního ruchu', email: 'kultura@kraj-lbc.cz' };
  return {
    id: 'ap-2024-2026',
    name: 'Akční plán 2024–2026',
    years: { from: 2024, to: 2026 },
    priorityAreas: [
      { id: 'doprava', name: 'Doprava', activityAreaId: null },
      { id: 'cestovni-ruch', name: 'Ekonomický rozvoj a cestovní ruch', activityAreaId: 'kultura' },
    ],
    activityAreas: [
      {
        id: 'kultura',
        order: 1,
        name: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu',
        guarantor,
        activities: [
          { id: 'kultura-1', activityAreaId: 'kultura', number: 1, name: 'Digitalizace sbírkových předmětů a sdílení informací o nich' },
          { id: 'kultura-2', activityAreaId: 'kultura', number: 2, name: 'Nové formy prezentace cílů cestovního ruchu' },
        ],
      },
    ],
    projects: [
      { id: 'digitalizace-kvk', name: 'Krajská vědecká knihovna v Liberci – digitalizace', goal: 'Digitalizace.', goalLabel: 'cíl projektu', placement: { kind: 'activity', activityId: 'kultura-1' }, contactPersonIds: ['c1'], lifecycle: 'active' },
      { id: 'karta-pritele-zoo', name: 'Karta přítele ZOO', goal: 'Karta.', goalLabel: 'cíl projektu', placement: { kind: 'activity', activityId: 'kultura-2' }, contactPersonIds: ['c1'], lifecycle: 'active' },
      { id: 'taxibusy', name: 'Taxibusy', goal: 'Doprava.', goalLabel: 'bližší popis', placement: { kind: 'outside-plan' }, contactPersonIds: ['c2'], lifecycle: 'active' },
    ],
    contactPersons: [
      { id: 'c1', name: 'M. Féna', reportingPerson: 'P. Lieskovská', email: 'p.lieskovska@zoo-liberec.cz', organisation: 'ZOO Liberec' },
      { id: 'c2', name: 'P. Porkertová', email: 'p.porkertova@kraj-lbc.cz', organisation: 'KÚ LK' },
    ],
    indicators: [
      { code: 'KD-1', name: 'Počet sbírek, u kterých byla zahájena digitalizace', activityAreaId: 'kultura', aggregation: 'cumulative', unit: 'počet sbírek', baseline: { asOf: '2025-12-31', value: 28 } },
    ],
  };
}

/** The second half-year's report for the same plan. */
export function aSecondHalfReport(overrides: Partial<MonitoringReport> = {}): MonitoringReport {
  const first = aMonitoringReport();
  return aMonitoringReport({
    period: {
      id: '2026-H2',
      label: '2. pololetí 2026',
      shortLabel: '02/2026',
      previousShortLabel: '01/2026',
      nextShortLabel: '01/2027',
      firstDay: '2026-07-01',
      lastDay: '2026-12-31',
    },
    attachmentNumber: 2,
    indicators: first.indicators.map((i) => ({ ...i, periodValue: 2, cumulativeValue: 33 })),
    ...overrides,
  });
}
