/**
 * The indicators of every half-year as open data for the regional portal: CSV (RFC 4180,
 * UTF-8 with BOM so Excel shows Czech letters) and JSON with the metadata a catalogue entry needs.
 *
 * A spreadsheet runs a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * as a formula (CSV injection), and the texts here are typed by people. So the CSV starts such a
 * text cell with an apostrophe, which spreadsheets show as text and OWASP recommends. Numbers are
 * written as numbers, so a negative value stays a value. The JSON carries every text unchanged.
 */
export interface IndicatorOpenDataRow {
  /** `01/2026` */
  period: string;
  code: string;
  name: string;
  areaName: string;
  periodValue: number;
  cumulativeValue: number;
  unit: string;
  /** Last day of the period, `YYYY-MM-DD`. */
  asOf: string;
}

export interface IndicatorOpenDataMeta {
  contact: { name: string; email: string };
  /** ISO timestamp of the newest data. */
  modified: string;
  /** Licence URL; the default is CC BY 4.0. */
  license?: string;
}

export const OPEN_DATA_COLUMNS = [
  'obdobi',
  'kod',
  'indikator',
  'oblast_aktivit',
  'hodnota_za_obdobi',
  'kumulativni_hodnota',
  'jednotka',
  'stav_k',
] as const;

type OpenDataRecord = Record<(typeof OPEN_DATA_COLUMNS)[number], string | number>;

const DEFAULT_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

function toRecord(row: IndicatorOpenDataRow): OpenDataRecord {
  return {
    obdobi: row.period,
    kod: row.code,
    indikator: row.name,
    oblast_aktivit: row.areaName,
    hodnota_za_obdobi: row.periodValue,
    kumulativni_hodnota: row.cumulativeValue,
    jednotka: row.unit,
    stav_k: row.asOf,
  };
}

const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string | number): string {
  const textValue = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(textValue) ? `"${textValue.replace(/"/g, '""')}"` : textValue;
}

export function renderIndicatorsCsv(rows: readonly IndicatorOpenDataRow[]): string {
  const lines = [
    OPEN_DATA_COLUMNS.join(','),
    ...rows.map((row) => {
      const record = toRecord(row);
      return OPEN_DATA_COLUMNS.map((column) => csvField(record[column])).join(',');
    }),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function renderIndicatorsJson(rows: readonly IndicatorOpenDataRow[], meta: IndicatorOpenDataMeta): string {
  const periods = [...new Set(rows.map((r) => r.period))];
  const units = [...new Set(rows.map((r) => r.unit).filter((u) => u !== ''))];
  const document = {
    title: 'Indikátory akčního plánu koncepce Chytřejší Liberecký kraj',
    description:
      'Hodnoty indikátorů akčního plánu koncepce Chytřejší Liberecký kraj za jednotlivá pololetí: hodnota za pololetí a kumulativní hodnota od začátku akčního plánu, podle oblastí aktivit.',
    publisher: 'Liberecký kraj',
    contactPoint: { name: meta.contact.name, email: meta.contact.email },
    language: 'cs',
    periods,
    // One unit for the whole set when they agree; otherwise each row carries its own.
    unit: units.length === 1 ? units[0] : 'viz sloupec jednotka',
    license: meta.license ?? DEFAULT_LICENSE,
    modified: meta.modified,
    columns: [...OPEN_DATA_COLUMNS],
    rows: rows.map(toRecord),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
