/**
 * The Figures table as CSV, as shown (column order), for spreadsheets: a UTF-8 BOM (Excel reads
 * Chinese text right), RFC 4180 quoting and the formula guard of the dataset exports
 * (core/export/csv). Values are raw numbers, not the on-screen 万/亿 style. Pure.
 */
import { CSV_BOM, csvRow } from '../../../../core/export/csv';
import type { PivotTable } from './pivot';

export interface CsvLabels {
  indicator: string;
  region: string;
  year: string;
}

export function pivotCsv(table: PivotTable, labels: CsvLabels): string {
  let out = CSV_BOM;
  out += csvRow([labels.indicator, ...table.columns.map((c) => c.name)]);
  out += csvRow([labels.region, ...table.columns.map((c) => c.region)]);
  out += csvRow([labels.year, ...table.columns.map((c) => c.year)]);
  for (const row of table.rows) out += csvRow([row.indicator, ...row.cells.map((c) => c?.value ?? null)]);
  return out;
}
