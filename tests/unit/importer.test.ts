import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  NotAMonitoringReportError,
  parseMonitoringReport,
  toSentenceCase,
  type ImportedProject,
  type ImportedReport,
} from '../../domain/importer/parse-monitoring-report';
import { pastReportText } from '../support/past-reports';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (path: string): string => readFileSync(`${root}tests/fixtures/${path}`, 'utf8');

function project(report: ImportedReport, name: string): ImportedProject {
  const found = report.projects.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`project "${name}" not imported; got: ${report.projects.map((p) => p.name).join(' | ')}`);
  return found;
}

describe('parseMonitoringReport – project names and label forms', () => {
  it('reads every heading, bold and italic form of a project name with every label form', () => {
    // Prepare
    const text = fixture('reports/name-and-label-variants.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report.period).toBe('2025-H2');
    expect(report.warnings).toEqual([]);
    expect(report.projects.map((p) => p.name)).toEqual([
      'Projekt v nadpisu 5 kurzívou',
      'Projekt v nadpisu 3 kurzívou',
      'Projekt v nadpisu 2',
      'Projekt v nadpisu 4',
      'Tučný projekt',
      'Projekt kurzívou',
      'Projekt tučnou kurzívou',
    ]);
    const letters = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    report.projects.forEach((p, index) => {
      const letter = letters[index];
      expect(p.goal).toBe(letter === 'E' ? 'Popis E.' : `Cíl ${letter}.`);
      expect(p.previousPeriod).toBe(`Předchozí ${letter}.`);
      expect(p.thisPeriod).toBe(`Letos ${letter}.`);
      expect(p.nextPeriodPlan).toBe(`Plán ${letter}.`);
    });
  });

  it('assigns areas in sentence case and activities from bold or plain activity lines', () => {
    // Prepare
    const text = fixture('reports/name-and-label-variants.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(project(report, 'Projekt v nadpisu 4')).toMatchObject({
      activityArea: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu',
      activity: 'Digitalizace sbírkových předmětů a sdílení informací o nich',
    });
    expect(project(report, 'Tučný projekt')).toMatchObject({
      activityArea: 'Elektronická komunikace a kyberbezpečnost',
      activity: 'Elektronická komunikace v rámci úřadu',
    });
  });

  it('splits contacts on commas but keeps a guarantor with the reporting person in brackets whole', () => {
    // Prepare
    const text = fixture('reports/name-and-label-variants.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(project(report, 'Projekt v nadpisu 3 kurzívou').contacts).toEqual(['M. Féna (R. Janoušek)']);
    expect(project(report, 'Projekt v nadpisu 2').contacts).toEqual(['V. Ondráček', 'M. Pšenička']);
    expect(project(report, 'Projekt v nadpisu 4').contacts).toEqual(['M. Féna (D. Nejedlo)', 'K. Šimonová']);
  });

  it('ignores the table of contents and everything from chapter 4 on', () => {
    // Prepare
    const text = fixture('reports/name-and-label-variants.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report.projects.some((p) => p.name === 'Projekt za kapitolou 3')).toBe(false);
    expect(report.projects).toHaveLength(7);
  });
});

describe('parseMonitoringReport – periods', () => {
  it('reads 1/2025 like 01/2025 and a period written twice like a single one', () => {
    // Prepare
    const text = fixture('reports/period-quirks.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report.period).toBe('2025-H1');
    expect(project(report, 'Periody bez úvodní nuly')).toMatchObject({
      previousPeriod: 'Předchozí bez nuly.',
      thisPeriod: 'Letos bez nuly.',
      nextPeriodPlan: 'Plán bez nuly.',
    });
    expect(project(report, 'Perioda napsaná dvakrát')).toMatchObject({
      previousPeriod: 'Předchozí dvakrát.',
      thisPeriod: 'Letos dvakrát.',
      nextPeriodPlan: 'Plán dvakrát.',
    });
  });

  it('follows the period a mixed-up label names, and warns about it', () => {
    // Prepare
    const text = fixture('reports/period-quirks.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(project(report, 'Zaměněné popisky')).toMatchObject({
      thisPeriod: 'Letos pod popiskem plánu.',
      nextPeriodPlan: 'Plán pod popiskem aktivit.',
    });
    expect(report.warnings).toContain(
      'řádek 29: „plán pro období 01/2025“ uvádí samo období zprávy; čteno jako aktivity v něm',
    );
    expect(report.warnings).toContain(
      'řádek 30: „aktivity v období 02/2025“ uvádí další období 02/2025; čteno jako plán na něj',
    );
  });

  it('prefers what happened over what had been planned for the same period, and reports the other value', () => {
    // Prepare
    const text = fixture('reports/period-quirks.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(project(report, 'Plán i aktivity za totéž období').thisPeriod).toBe('Co se letos opravdu stalo.');
    expect(report.warnings.some((w) => w.startsWith('řádek 37:') && w.includes('Co se na letošek plánovalo loni.'))).toBe(
      true,
    );
  });

  it('does not guess a place for activities of an unrelated or ambiguous period, but reports them', () => {
    // Prepare
    const text = fixture('reports/period-quirks.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(project(report, 'Cizí a nejednoznačné periody')).toMatchObject({
      previousPeriod: 'Předchozí.',
      thisPeriod: 'Letos.',
      nextPeriodPlan: 'Plán s překlepem v roce.',
    });
    expect(report.warnings.some((w) => w.startsWith('řádek 45:') && w.includes('Dávná historie.'))).toBe(true);
    expect(
      report.warnings.some((w) => w.startsWith('řádek 47: neznámý popisek „aktivity v období 01/2025 02/2025“')),
    ).toBe(true);
    expect(report.warnings.some((w) => w.startsWith('řádek 49:') && w.includes('01/2021'))).toBe(true);
  });
});

describe('parseMonitoringReport – structure and warnings', () => {
  it('joins a value continued on the following lines', () => {
    // Prepare
    const text = fixture('reports/structure-and-warnings.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    const entry = project(report, 'Víceřádkové hodnoty');
    expect(entry.goal).toBe('Instalace chytrých podložek a čidel na měření kvality prostředí.');
    expect(entry.thisPeriod).toBe('Využívání podložek: - v Jindřichovicích, - v Českém Dubu.');
    expect(entry.contacts).toEqual(['M. Pšenička', 'A. Faltusová']);
  });

  it('reports an unknown label and a project without contacts with their line numbers', () => {
    // Prepare
    const text = fixture('reports/structure-and-warnings.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(project(report, 'Neznámý popisek a chybějící kontakt').contacts).toEqual([]);
    expect(report.warnings).toContain(
      'řádek 28: neznámý popisek „rozpočet projektu“ v projektu „Neznámý popisek a chybějící kontakt“, nepřevzat: „1 000 000 Kč“',
    );
    expect(report.warnings).toContain(
      'řádek 23: projekt „Neznámý popisek a chybějící kontakt“ nemá kontaktní osobu',
    );
  });

  it('reports prose it cannot place instead of dropping it', () => {
    // Prepare
    const text = fixture('reports/structure-and-warnings.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report.warnings).toContain(
      'řádek 31: text mimo záznam projektu, nepřevzat: „V rámci navazujících aktivit proběhla odborná stáž.“',
    );
    expect(report.warnings.some((w) => w.startsWith('řádek 7: text mimo záznam projektu'))).toBe(true);
    expect(report.warnings).toContain(
      'řádek 39: aktivita „Vybavení a sdílení digitálních technologií“ je popsána jen souvislým textem, nepřevzato: ' +
        '„proběhla tři setkání, a to na tato témata:“',
    );
    expect(report.warnings).toContain('řádek 41: text mimo záznam projektu, nepřevzat: „- Robotické hračky ve výuce.“');
  });

  it('accepts an activity with no projects without a warning and without an entry', () => {
    // Prepare
    const text = fixture('reports/structure-and-warnings.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report.projects.map((p) => p.name)).toEqual([
      'Víceřádkové hodnoty',
      'Neznámý popisek a chybějící kontakt',
      'Taxibusy',
    ]);
    expect(report.warnings.filter((w) => /Začleňování|Osvěta/.test(w))).toEqual([]);
  });

  it('gives projects outside the plan no activity and reads "bližší popis" as the goal', () => {
    // Prepare
    const text = fixture('reports/structure-and-warnings.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(project(report, 'Taxibusy')).toEqual({
      name: 'Taxibusy',
      activityArea: 'Další projekty realizované mimo oblasti aktivit akčního plánu',
      activity: null,
      goal: 'Zajištění poptávkové dopravy.',
      previousPeriod: 'Pilotní provoz.',
      thisPeriod: 'Příprava strategie.',
      nextPeriodPlan: 'Zavedení služby v dalších oblastech.',
      contacts: ['P. Porkertová'],
    });
  });
});

describe('parseMonitoringReport – not a report', () => {
  it('rejects a text without the monitoring report title', () => {
    // Prepare
    const text = fixture('reports/not-a-report.md');

    // Act
    const act = () => parseMonitoringReport(text);

    // Assess
    expect(act).toThrow(NotAMonitoringReportError);
    expect(act).toThrow(/no title "Monitorovací zpráva za N\. pololetí YYYY"/);
  });

  it('rejects a report without chapter 3 (a table of contents entry does not count)', () => {
    // Prepare
    const text = fixture('reports/no-chapter-3.md');

    // Act
    const act = () => parseMonitoringReport(text);

    // Assess
    expect(act).toThrow(NotAMonitoringReportError);
    expect(act).toThrow(/chapter "3\. Informace o stavu rozpracování jednotlivých projektů" was not found/);
  });
});

describe('parseMonitoringReport – our own renderer output (round trip shape)', () => {
  it('reads headings, bold labels in paragraphs and the outside-plan section', () => {
    // Prepare
    const text = fixture('reports/renderer-round-trip.md');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report).toEqual({
      period: '2026-H1',
      warnings: [],
      projects: [
        {
          name: 'Severočeské muzeum v Liberci – rozšíření digitalizačního pracoviště',
          activityArea: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu',
          activity: 'Digitalizace sbírkových předmětů a sdílení informací o nich',
          goal: 'Cílem projektu je výroba kopií záznamových pásek do pianol.',
          previousPeriod: 'Pokračování v digitalizaci záznamových pásek.',
          thisPeriod: 'Zkušební provoz digitalizace hřebíčkových válců.',
          nextPeriodPlan: 'Další digitalizace záznamových médií.',
          contacts: ['M. Féna (R. Janoušek)', 'S. Jäger'],
        },
        {
          name: 'FVE letiště Ralsko',
          activityArea: 'Energetický management a hospodaření s vodou',
          activity: 'Budování soběstačnosti a odolnosti kraje',
          goal: 'Realizace FVE na ploše bývalého vojenského letiště v Hradčanech.',
          previousPeriod: 'Dopracování technicko-ekonomického modelu.',
          thisPeriod: 'Veřejné projednání záměru.',
          nextPeriodPlan: 'Změna přípojného místa.',
          contacts: ['P. Lenkvík'],
        },
        {
          name: 'Trans-Borders Plus',
          activityArea: 'Další projekty realizované mimo oblasti aktivit akčního plánu',
          activity: null,
          goal: 'Spolupráce s evropskými partnery v oblasti interoperability.',
          previousPeriod: 'Realizace QR kódů.',
          thisPeriod: 'Příprava standardů zastávek.',
          nextPeriodPlan: 'Vyhledávač spojení.',
          contacts: ['P. Porkertová'],
        },
      ],
    });
  });
});

describe('toSentenceCase', () => {
  it('keeps the first letter upper case and lower-cases the rest, Czech letters included', () => {
    // Prepare
    const heading = 'DIGITÁLNÍ TECHNOLOGIE VE  STŘEDNÍCH ŠKOLÁCH';

    // Act
    const name = toSentenceCase(heading);

    // Assess
    expect(name).toBe('Digitální technologie ve středních školách');
  });
});

describe('parseMonitoringReport – the region’s 2025 reports (seed cuts)', () => {
  // Counted independently: `grep -c '^<i>kontaktní osoba' monitoring-2025-H2.md` gives 54, and an awk
  // pass printing the line two above each `<i>cíl projektu|bližší popis` label lists the same 54 names.
  const H2_PROJECT_COUNT = 54;
  // The seed has no plan label at all for these two (the projects were finishing).
  const H2_WITHOUT_PLAN = [
    'Botanická zahrada Liberec – free Wifi',
    'Vegetační střecha na parkovacím domě u krajského úřadu a Kultivace okolí sídla Libereckého kraje – II. etapa',
  ];

  it('imports every project of the 2nd half-year 2025 report', async () => {
    // Prepare
    const text = await pastReportText('2025-H2');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report.period).toBe('2025-H2');
    expect(report.projects).toHaveLength(H2_PROJECT_COUNT);
    expect(report.projects[0].name).toBe(
      'Severočeské muzeum v Liberci – zlepšení ochrany a zpřístupnění knihovního a sbírkového fondu muzea',
    );
    expect(report.projects.at(-1)?.name).toBe('Trans-Borders Plus');
    expect(project(report, 'Střední škola hospodářská a lesnická, Frýdlant – snížení energetické náročnosti objektu tělocvičny v ulici Zámecká')).toMatchObject({
      activityArea: 'Energetický management a hospodaření s vodou',
      activity: 'Budování soběstačnosti a odolnosti kraje',
      contacts: ['K. Šimonová'],
    });
    expect(project(report, 'Programovatelná robotická hlava „Ohbot“').activityArea).toBe(
      'Posilování úrovně služeb v digitálním věku',
    );
    expect(project(report, 'Taxibusy')).toMatchObject({ activity: null, contacts: ['P. Porkertová'] });
  });

  it('gives every 2025-H2 project a contact and, except two, a plan for 01/2026', async () => {
    // Prepare
    const text = await pastReportText('2025-H2');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report.projects.filter((p) => p.contacts.length === 0)).toEqual([]);
    expect(report.projects.filter((p) => p.nextPeriodPlan === '').map((p) => p.name)).toEqual(H2_WITHOUT_PLAN);
    expect(project(report, 'Komunikace vozů záchranné služby se světelnou signalizací').nextPeriodPlan).toMatch(
      /^Schůzka zástupců Libereckého kraje/,
    );
    expect(project(report, 'Severočeské muzeum v Liberci – rozšíření digitalizačního pracoviště').contacts).toEqual([
      'M. Féna (R. Janoušek)',
    ]);
  });

  it('reads the seed’s mislabelled entries and says so', async () => {
    // Prepare
    const text = await pastReportText('2025-H2');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(project(report, 'Life4ZOO – kruhové hospodaření s vodou').nextPeriodPlan).toMatch(/^Velká evropská konference/);
    expect(report.warnings.some((w) => w.includes('„plán pro období 01/2022“'))).toBe(true);
    expect(project(report, 'ZŠ a MŠ logopedická, Liberec').thisPeriod).toBe('Zpracování projektové dokumentace.');
    expect(project(report, 'Centrální depozitář sbírkových předmětů (DEPODUB)').previousPeriod).toMatch(/^Kontrola projektové/);
    for (const name of H2_WITHOUT_PLAN) {
      expect(report.warnings.some((w) => w.includes(`projekt „${name}“ nemá plán na další období`))).toBe(true);
    }
  });

  it('imports every project of the 1st half-year 2025 report', async () => {
    // Prepare
    const text = await pastReportText('2025-H1');

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report.period).toBe('2025-H1');
    expect(report.projects).toHaveLength(61);
    expect(report.projects.filter((p) => p.contacts.length === 0)).toEqual([]);
    expect(project(report, 'Instalace chytrých čidel a monitoring prostředí v objektech Libereckého kraje').contacts).toEqual([
      'V. Ondráček',
      'M. Pšenička',
    ]);
  });
});

describe('parseMonitoringReport – several reports in one text', () => {
  it('reads only the first report and says where the next one starts', async () => {
    // Prepare
    const first = await pastReportText('2025-H1');
    const text = first + await pastReportText('2025-H2');
    const secondTitleLine = first.split('\n').length - 1 + 6;

    // Act
    const report = parseMonitoringReport(text);

    // Assess
    expect(report.period).toBe('2025-H1');
    expect(report.projects).toHaveLength(61);
    expect(report.warnings).toContain(
      `řádek ${secondTitleLine}: zde začíná další monitorovací zpráva; přečtena byla jen první`,
    );
  });
});

describe('import-report CLI', () => {
  const runCli = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/import-report.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('exits 1 with a clear message and no stack trace on a non-report', () => {
    // Prepare
    const file = 'tests/fixtures/reports/not-a-report.md';

    // Act
    const result = runCli(file);

    // Assess
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file}: Not a monitoring report`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with a clear message on a missing file', () => {
    // Prepare
    const file = 'tests/fixtures/reports/does-not-exist.md';

    // Act
    const result = runCli(file);

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`import-report: cannot read ${file}: no such file`);
  });

  it('prints the report as 2-space indented JSON and exits 0', () => {
    // Prepare
    const file = 'tests/fixtures/reports/renderer-round-trip.md';

    // Act
    const result = runCli(file);

    // Assess
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as ImportedReport;
    expect(result.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(parsed.period).toBe('2026-H1');
    expect(parsed.projects).toHaveLength(3);
  });
});
