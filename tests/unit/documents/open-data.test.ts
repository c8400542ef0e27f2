import { describe, expect, it } from 'vitest';
import { renderIndicatorsCsv, renderIndicatorsJson, type IndicatorOpenDataRow } from '../../../documents/open-data';

function aRow(overrides: Partial<IndicatorOpenDataRow> = {}): IndicatorOpenDataRow {
  return {
    period: '01/2026',
    code: 'KD-1',
    name: 'Počet sbírek, u kterých byla zahájena digitalizace',
    areaName: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu',
    periodValue: 3,
    cumulativeValue: 31,
    unit: 'počet sbírek',
    asOf: '2026-06-30',
    ...overrides,
  };
}

describe('renderIndicatorsCsv', () => {
  it('starts with a BOM and the header, one CRLF-terminated row per indicator and period', () => {
    // Prepare
    const rows = [aRow(), aRow({ period: '02/2026', periodValue: 2, cumulativeValue: 33, asOf: '2026-12-31' })];

    // Act
    const csv = renderIndicatorsCsv(rows);

    // Assess
    expect(csv.startsWith('\uFEFFobdobi,kod,indikator,oblast_aktivit,hodnota_za_obdobi,kumulativni_hodnota,jednotka,stav_k\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'obdobi,kod,indikator,oblast_aktivit,hodnota_za_obdobi,kumulativni_hodnota,jednotka,stav_k',
      '01/2026,KD-1,"Počet sbírek, u kterých byla zahájena digitalizace",Moderní prezentace kulturního dědictví a cílů cestovního ruchu,3,31,počet sbírek,2026-06-30',
      '02/2026,KD-1,"Počet sbírek, u kterých byla zahájena digitalizace",Moderní prezentace kulturního dědictví a cílů cestovního ruchu,2,33,počet sbírek,2026-12-31',
      '',
    ]);
  });

  it('quotes fields with commas, quotes and line breaks as RFC 4180 says', () => {
    // Prepare
    const rows = [aRow({ name: 'Počet „akcí“ a "školení"', areaName: 'první řádek\ndruhý řádek', unit: 'kusy, sady' })];

    // Act
    const csv = renderIndicatorsCsv(rows);

    // Assess
    expect(csv).toContain(',"Počet „akcí“ a ""školení""","první řádek\ndruhý řádek",3,31,"kusy, sady",2026-06-30\r\n');
  });
  it('starts a text that a spreadsheet would run as a formula with an apostrophe, and leaves numbers as they are', () => {
    // Prepare
    const rows = [
      aRow({ name: '=HYPERLINK("http://example.org","x")', areaName: '+420 kraj', unit: '@SUM(A1)', code: '-KD' }),
      aRow({ name: '\tzáložka', areaName: 'oblast - pokračování', periodValue: -2, cumulativeValue: 0 }),
    ];

    // Act
    const lines = renderIndicatorsCsv(rows).slice(1).split('\r\n');

    // Assess
    expect(lines[1]).toBe(`01/2026,'-KD,"'=HYPERLINK(""http://example.org"",""x"")",'+420 kraj,3,31,'@SUM(A1),2026-06-30`);
    expect(lines[2]).toBe("01/2026,KD-1,'\tzáložka,oblast - pokračování,-2,0,počet sbírek,2026-06-30");
  });
});

describe('renderIndicatorsJson', () => {
  it('carries the catalogue metadata and the rows of every period', () => {
    // Prepare
    const rows = [aRow(), aRow({ period: '02/2026', periodValue: 2, cumulativeValue: 33, asOf: '2026-12-31' })];

    // Act
    const json = JSON.parse(
      renderIndicatorsJson(rows, { contact: { name: 'ARR', email: 'smart@arr-liberec.cz' }, modified: '2027-01-15T09:00:00.000Z' }),
    );

    // Assess
    expect(json).toMatchObject({
      title: 'Indikátory akčního plánu koncepce Chytřejší Liberecký kraj',
      publisher: 'Liberecký kraj',
      contactPoint: { name: 'ARR', email: 'smart@arr-liberec.cz' },
      periods: ['01/2026', '02/2026'],
      unit: 'počet sbírek',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      modified: '2027-01-15T09:00:00.000Z',
    });
    expect(json.description).toMatch(/pololetí/);
    expect(json.rows).toEqual([
      { obdobi: '01/2026', kod: 'KD-1', indikator: 'Počet sbírek, u kterých byla zahájena digitalizace', oblast_aktivit: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu', hodnota_za_obdobi: 3, kumulativni_hodnota: 31, jednotka: 'počet sbírek', stav_k: '2026-06-30' },
      { obdobi: '02/2026', kod: 'KD-1', indikator: 'Počet sbírek, u kterých byla zahájena digitalizace', oblast_aktivit: 'Moderní prezentace kulturního dědictví a cílů cestovního ruchu', hodnota_za_obdobi: 2, kumulativni_hodnota: 33, jednotka: 'počet sbírek', stav_k: '2026-12-31' },
    ]);
  });

  it('keeps every text of the JSON as it was typed', () => {
    // Prepare
    const rows = [aRow({ name: '=1+1', unit: '-' })];

    // Act
    const json = JSON.parse(renderIndicatorsJson(rows, { contact: { name: 'ARR', email: 'smart@arr-liberec.cz' }, modified: '2027-01-15T09:00:00.000Z' }));

    // Assess
    expect(json.rows[0]).toMatchObject({ indikator: '=1+1', jednotka: '-' });
  });
});
