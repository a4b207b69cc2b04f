/**
 * The Figures table's view model: indicators (rows) × reports (columns) from the backend's
 * pivot, columns sorted by report name, region or year, each cell linked to the figure it came
 * from. Pure.
 */
import type { PivotView } from '../../../../core/api';

export type PivotCell = PivotView['cells'][string][string];
export type PivotDocument = PivotView['documents'][number];
export type SortKey = 'name' | 'region' | 'year';
export interface ColumnSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface PivotRow {
  indicator: string;
  /** one per column, null where the report states no figure for the indicator */
  cells: (PivotCell | null)[];
  /** columns with a value */
  filled: number;
}

export interface PivotTable {
  columns: PivotDocument[];
  rows: PivotRow[];
}

export const DEFAULT_SORT: ColumnSort = { key: 'region', dir: 'asc' };

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** Compares two optional texts; a missing value sorts last in either direction. */
function compareOptional(a: string | null, b: string | null, dir: 1 | -1): number {
  const x = a?.trim() || null;
  const y = b?.trim() || null;
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return dir * collator.compare(x, y);
}

/** Columns in the order asked for; ties broken by the other keys (ascending) and then the name. */
export function sortColumns(documents: readonly PivotDocument[], sort: ColumnSort): PivotDocument[] {
  const dir = sort.dir === 'asc' ? 1 : -1;
  const ties: SortKey[] = sort.key === 'region' ? ['year', 'name'] : sort.key === 'year' ? ['region', 'name'] : [];
  return [...documents].sort((a, b) => {
    const first = compareOptional(a[sort.key], b[sort.key], dir);
    if (first !== 0) return first;
    for (const k of ties) {
      const c = compareOptional(a[k], b[k], 1);
      if (c !== 0) return c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export function pivotTable(view: PivotView, sort: ColumnSort = DEFAULT_SORT): PivotTable {
  const columns = sortColumns(view.documents, sort);
  const rows = view.indicators.map((indicator) => {
    const byDoc = view.cells[indicator] ?? {};
    const cells = columns.map((d) => byDoc[d.id] ?? null);
    return { indicator, cells, filled: cells.filter((c) => c !== null && c.value !== null).length };
  });
  return { columns, rows };
}

/** Clicking a column header: the same key flips the direction, another key starts ascending. */
export function nextSort(current: ColumnSort, key: SortKey): ColumnSort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** Where a cell leads: the report, with the figure the value came from selected. */
export function cellLink(cell: PivotCell): { documentId: string; figureId: string } {
  return { documentId: cell.documentId, figureId: cell.figureId };
}

/** A report's short label for headers and chart axes: the region and year when known, else the name without extension. */
export function columnLabel(d: PivotDocument): string {
  if (d.region && d.year) return `${d.region} ${d.year}`;
  return d.region ?? d.name.replace(/\.[a-z0-9]{1,5}$/i, '');
}

/** One indicator's values across the reports (in column order), for the charts. */
export function indicatorSeries(table: PivotTable, indicator: string): { column: PivotDocument; value: number | null; cell: PivotCell | null }[] {
  const row = table.rows.find((r) => r.indicator === indicator);
  return table.columns.map((column, i) => {
    const cell = row?.cells[i] ?? null;
    return { column, value: cell?.value ?? null, cell };
  });
}

/** Distinct known years of the reports, ascending. */
export function yearsOf(columns: readonly PivotDocument[]): string[] {
  return [...new Set(columns.map((c) => c.year).filter((y): y is string => !!y))].sort((a, b) => collator.compare(a, b));
}
