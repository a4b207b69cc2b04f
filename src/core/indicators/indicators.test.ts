import { describe, expect, it } from 'vitest';
import type { Figure } from '../schema';
import { buildPivot, compileDictionary, DEFAULT_RULES, indicatorFor, indicatorIds, PivotBuilder } from './index';

const f = (metric: string | null, unit: string | null, kind: Figure['kind'] = 'count', value: number | null = 1, start = 0): Figure => ({ text: '', start, end: start + 1, kind, value, value_to: null, unit, approx: null, metric });

describe('indicatorFor', () => {
  it.each([
    ['召开常委会会议', '次', '常委会会议次数'],
    ['全年召开县人大常委会会议', '次', '常委会会议次数'],
    ['主任会议', '次', '主任会议次数'],
    ['全年召开常委会党组会议', '次', '常委会党组会议次数'],
    ['制定、修改地方性法规', '件', '制定修改法规件数'],
    ['听取和审议专项工作报告', '项', '专项工作报告项数'],
    ['组织执法检查', '次', '执法检查次数'],
    ['依法任免国家机关工作人员', '人次', '任免人次'],
    ['议案', '件', '议案件数'],
    ['办理代表建议', '件', '代表建议件数'],
    ['满意率', '%', '满意率'],
    ['基层立法联系点', '个', '基层立法联系点个数'],
    ['建有规范化实体代表联络站', '个', '代表联络站个数'],
    ['代表进站', '人次', '代表进站人次'],
  ])('%s (%s) → %s', (metric, unit, expected) => {
    expect(indicatorFor(f(metric, unit, unit === '%' ? 'percent' : 'count'))).toBe(expected);
  });
  it('unit and kind must fit: a meeting counted in people is not a meeting count', () => {
    expect(indicatorFor(f('邀请代表列席常委会会议', '名'))).toBeNull();
    expect(indicatorFor(f('召开常委会会议', '次', 'name'))).toBeNull();
    expect(indicatorFor(f('向市委专题报告', '次'))).toBeNull();
    expect(indicatorFor(f(null, '次'))).toBeNull();
  });
  it("the workspace's mapping wins: exact phrase, then contained phrase", () => {
    expect(indicatorFor(f('召开常委会会议', '次'), { 召开常委会会议: '会议' })).toBe('会议');
    expect(indicatorFor(f('各类问题', '个'), { 问题: '问题数' })).toBe('问题数');
    expect(indicatorFor(f('召开 常委会会议', '次'), { '召开常委会会议': 'X' })).toBe('X');
  });
  it('every dictionary pattern compiles and ids are listed', () => {
    expect(() => compileDictionary(DEFAULT_RULES)).not.toThrow();
    expect(indicatorIds()).toContain('任免人次');
  });
});

describe('pivot', () => {
  it('indicators × documents, best-reviewed then first figure, conflicts flagged, rejected ignored', () => {
    const b = new PivotBuilder({ 开展调研: '调研次数' });
    b.add('d1', [
      { id: 'a', figure: f('召开常委会会议', '次', 'count', 9, 10), status: 'suggested' },
      { id: 'b', figure: f('召开常委会会议', '次', 'count', 8, 500), status: 'accepted' },
      { id: 'c', figure: f('开展调研', '次', 'count', 3, 20), status: 'rejected' },
    ]);
    b.add('d2', [{ id: 'd', figure: f('开展调研', '次', 'count', 5), status: 'suggested' }, { id: 'e', figure: f('任免国家机关工作人员', '人次', 'count', 43), status: 'corrected' }]);
    const p = b.result();
    expect(p.documents).toEqual(['d1', 'd2']);
    expect(p.indicators).toEqual(['常委会会议次数', '任免人次', '调研次数']);
    expect(p.cells['常委会会议次数'].d1).toEqual({ value: 8, figureId: 'b', documentId: 'd1', status: 'accepted', candidates: 2, conflict: true });
    expect(p.cells['调研次数'].d1).toBeUndefined();
    expect(p.cells['调研次数'].d2).toMatchObject({ value: 5, figureId: 'd', candidates: 1, conflict: false });
    expect(buildPivot([{ documentId: 'x', figures: [] }]).indicators).toEqual([]);
  });
});
