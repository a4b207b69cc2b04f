import { describe, expect, it } from 'vitest';
import type { PivotView } from '../../../../core/api';
import { pivotCsv } from './csv';
import { pivotTable } from './pivot';

const labels = { indicator: '指标', region: '地区', year: '年份' };

function view(documents: PivotView['documents'], cells: PivotView['cells'], indicators = Object.keys(cells)): PivotView {
  return { indicators, documents, cells, unmapped: [], knownIndicators: [], indicatorMap: {} };
}
const c = (documentId: string, value: number | null) => ({ value, figureId: 'f', documentId, status: 'accepted' as const, candidates: 1, conflict: false });

describe('figures table CSV', () => {
  it('starts with a UTF-8 BOM, uses CRLF rows, writes raw numbers in column order', () => {
    const v = view([{ id: 'a', name: 'a.txt', region: '太原市', year: '2023' }, { id: 'b', name: 'b.txt', region: '长治市', year: '2024' }], { 常委会会议次数: { a: c('a', 9), b: c('b', 34000000) } });
    const csv = pivotCsv(pivotTable(v, { key: 'name', dir: 'asc' }), labels);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual(['指标,a.txt,b.txt', '地区,太原市,长治市', '年份,2023,2024', '常委会会议次数,9,34000000', '']);
    // the on-screen 万 style never reaches the file
    expect(csv).not.toContain('万');
  });

  it('leaves a missing value empty', () => {
    const v = view([{ id: 'a', name: 'a', region: null, year: null }, { id: 'b', name: 'b', region: null, year: null }], { x: { b: c('b', 1) }, y: { a: c('a', null) } });
    const lines = pivotCsv(pivotTable(v, { key: 'name', dir: 'asc' }), labels).slice(1).split('\r\n');
    expect(lines[1]).toBe('地区,,');
    expect(lines[3]).toBe('x,,1');
    expect(lines[4]).toBe('y,,');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const v = view([{ id: 'a', name: 'report, "final"\nv2.txt', region: null, year: null }], { '会议,次数': { a: c('a', 3) } });
    const csv = pivotCsv(pivotTable(v), labels);
    expect(csv).toContain('"report, ""final""\nv2.txt"');
    expect(csv).toContain('"会议,次数",3');
  });

  it('guards text cells against formula injection, but not numbers', () => {
    const v = view(
      [{ id: 'a', name: '=HYPERLINK("http://x")', region: '+cmd', year: '@SUM(1)' }, { id: 'b', name: '-2', region: '\tx', year: null }],
      { '=1+1': { a: c('a', -5) } },
    );
    const lines = pivotCsv(pivotTable(v, { key: 'name', dir: 'asc' }), labels).slice(1).split('\r\n');
    expect(lines[0]).toBe(`指标,'-2,"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toBe(`地区,'\tx,'+cmd`);
    expect(lines[2]).toBe(`年份,,'@SUM(1)`);
    expect(lines[3]).toBe(`'=1+1,,-5`);
  });
});
