/** Indicator values as open data (CSV or JSON), for ARR's API and the console alike. */
import { renderIndicatorsCsv, renderIndicatorsJson, type IndicatorOpenDataRow } from '../../documents/open-data';
import { parsePeriodId } from '../../domain/period';
import type { Dependencies } from '../../domain/ports';
import { getAllIndicators, type IndicatorRow } from '../../domain/use-cases/arr';
import type { ArrApiDependencies } from '../arr-api';
import { file, type HttpResponse } from '../http/responses';

export const INDICATOR_FORMATS = ['json', 'csv'] as const;

/** The open-data rows of indicator values, each labelled with its own half-year. */
export async function openDataRows(deps: Pick<Dependencies, 'plans' | 'config'>, rows: IndicatorRow[]): Promise<IndicatorOpenDataRow[]> {
  const plan = await deps.plans.getPlan(deps.config.planId);
  const areaNames = new Map(plan.activityAreas.map((area) => [area.id, area.name]));
  return rows.map((row) => {
    const period = parsePeriodId(row.cycleId);
    return {
      period: period.shortLabel,
      code: row.code,
      name: row.definition.name,
      areaName: areaNames.get(row.definition.activityAreaId) ?? '',
      periodValue: row.periodValue,
      cumulativeValue: row.cumulativeValue,
      unit: row.definition.unit,
      asOf: period.lastDay,
    };
  });
}

/** Every cycle's indicators as the open-data CSV or JSON. */
export async function openDataDocument(deps: ArrApiDependencies, format: (typeof INDICATOR_FORMATS)[number]): Promise<HttpResponse> {
  const rows = await openDataRows(deps, await getAllIndicators(deps));
  if (format === 'csv') {
    return file(renderIndicatorsCsv(rows), { contentType: 'text/csv; charset=utf-8', filename: 'indikatory.csv' });
  }
  const document = renderIndicatorsJson(rows, { contact: deps.config.arr, modified: deps.clock.now().toISOString() });
  return file(document, { contentType: 'application/json; charset=utf-8', filename: 'indikatory.json' });
}
