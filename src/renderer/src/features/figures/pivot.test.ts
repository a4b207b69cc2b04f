import { describe, expect, it } from 'vitest';
import type { PivotView } from '../../../../core/api';
import { cellLink, columnLabel, indicatorSeries, nextSort, pivotTable, sortColumns, yearsOf } from './pivot';

const cell = (documentId: string, value: number | null, extra: Partial<PivotView['cells'][string][string]> = {}) => ({
  value, figureId: `fig:${documentId}`, documentId, status: 'suggested' as const, candidates: 1, conflict: false, ...extra,
});

const view: PivotView = {
  indicators: ['常委会会议次数', '任免人次'],
  documents: [
    { id: 'ty', name: 'taiyuan-city-2024.txt', region: '太原市', year: '2023' },
    { id: 'cz', name: 'changzhi-city-2024.txt', region: '长治市', year: '2023' },
    { id: 'lz', name: 'luzhou-district-2025.txt', region: '长治市潞州区', year: '2025' },
    { id: 'xx', name: 'unknown.txt', region: null, year: null },
    { id: 'jx', name: 'jiangxian-county-2024.txt', region: '绛县', year: '2022' },
  ],
  cells: {
    常委会会议次数: { ty: cell('ty', 9), cz: cell('cz', 9, { status: 'accepted' }), lz: cell('lz', 12, { conflict: true, candidates: 2 }) },
    任免人次: { jx: cell('jx', 43) },
  },
  unmapped: [],
  knownIndicators: ['常委会会议次数', '任免人次'],
  indicatorMap: {},
};

const ids = (docs: { id: string }[]) => docs.map((d) => d.id);

describe('pivot view model', () => {
  it('sorts report columns by region (pinyin order via zh-CN collation), missing regions last in both directions', () => {
    const asc = ids(sortColumns(view.documents, { key: 'region', dir: 'asc' }));
    expect(asc[asc.length - 1]).toBe('xx');
    // 长治市 before 长治市潞州区 (a prefix first), 太原市 and 绛县 placed by the collator, consistently
    expect(asc.indexOf('cz')).toBeLessThan(asc.indexOf('lz'));
    const desc = ids(sortColumns(view.documents, { key: 'region', dir: 'desc' }));
    expect(desc[desc.length - 1]).toBe('xx');
    expect(desc.slice(0, 4)).toEqual([...asc.slice(0, 4)].reverse());
  });

  it('sorts by year, ties broken by region, missing years last', () => {
    expect(ids(sortColumns(view.documents, { key: 'year', dir: 'asc' }))).toEqual(['jx', ...ids(sortColumns(view.documents.filter((d) => d.year === '2023'), { key: 'region', dir: 'asc' })), 'lz', 'xx']);
    const desc = ids(sortColumns(view.documents, { key: 'year', dir: 'desc' }));
    expect(desc[0]).toBe('lz');
    expect(desc[desc.length - 1]).toBe('xx');
  });

  it('sorts by name', () => {
    expect(ids(sortColumns(view.documents, { key: 'name', dir: 'asc' }))).toEqual(['cz', 'jx', 'lz', 'ty', 'xx']);
    expect(ids(sortColumns(view.documents, { key: 'name', dir: 'desc' }))).toEqual(['xx', 'ty', 'lz', 'jx', 'cz']);
  });

  it('clicking a sort key twice flips it; another key starts ascending', () => {
    expect(nextSort({ key: 'region', dir: 'asc' }, 'region')).toEqual({ key: 'region', dir: 'desc' });
    expect(nextSort({ key: 'region', dir: 'desc' }, 'region')).toEqual({ key: 'region', dir: 'asc' });
    expect(nextSort({ key: 'region', dir: 'desc' }, 'year')).toEqual({ key: 'year', dir: 'asc' });
  });

  it('lays cells out under their columns in the sorted order, null where a report has no figure', () => {
    const table = pivotTable(view, { key: 'name', dir: 'asc' });
    expect(table.rows.map((r) => r.indicator)).toEqual(['常委会会议次数', '任免人次']);
    const meetings = table.rows[0];
    expect(meetings.cells.map((c) => c?.value ?? null)).toEqual([9, null, 12, 9, null]);
    expect(meetings.filled).toBe(3);
    expect(meetings.cells[2]?.conflict).toBe(true);
    const byYear = pivotTable(view, { key: 'year', dir: 'desc' });
    expect(byYear.columns[0].id).toBe('lz');
    expect(byYear.rows[0].cells[0]?.value).toBe(12);
  });

  it('links each cell to its report and the figure the value came from', () => {
    const table = pivotTable(view);
    const i = table.columns.findIndex((c) => c.id === 'ty');
    const c = table.rows[0].cells[i]!;
    expect(cellLink(c)).toEqual({ documentId: 'ty', figureId: 'fig:ty' });
  });

  it('gives chart series in column order, labels and years', () => {
    const table = pivotTable(view, { key: 'name', dir: 'asc' });
    expect(indicatorSeries(table, '任免人次').map((p) => p.value)).toEqual([null, 43, null, null, null]);
    expect(indicatorSeries(table, 'nothing').every((p) => p.value === null)).toBe(true);
    expect(yearsOf(table.columns)).toEqual(['2022', '2023', '2025']);
    expect(columnLabel(view.documents[0])).toBe('太原市 2023');
    expect(columnLabel(view.documents[3])).toBe('unknown');
  });
});
