import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import type { Figure } from '../schema';
import { OffsetMap } from '../text';
import { Finding } from '../store-schema';
import { checkConsistency, consistencyFindings } from './index';

/** Figures at the places their text occurs (in order), as a detector would give them. */
function figs(text: string, specs: [string, Figure['kind'], number, string | null, string | null, Figure['approx']?][]): Figure[] {
  const map = new OffsetMap(text);
  let from = 0;
  return specs.map(([surface, kind, value, unit, metric, approx = null]) => {
    const at = text.indexOf(surface, from);
    if (at < 0) throw new Error(surface);
    from = at + surface.length;
    const start = map.toCp(at);
    return { text: surface, start, end: map.toCp(at + surface.length), kind, value, value_to: null, unit, approx, metric };
  });
}

describe('percent_over_100', () => {
  it('flags a rate over 100% but not a growth rate', () => {
    const text = '𠀀代表建议办结率达到120%，全市生产总值增长150%，满意率99%。';
    const issues = checkConsistency(text, figs(text, [['120%', 'percent', 120, '%', '代表建议办结率'], ['150%', 'percent', 150, '%', '全市生产总值增长'], ['99%', 'percent', 99, '%', '满意率']]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'percent_over_100', text: '120%' });
    expect(Array.from(text).slice(issues[0].start, issues[0].end).join('')).toBe('120%');
  });
});

describe('part_exceeds_whole', () => {
  it('accepts a part below its whole and flags the reverse', () => {
    const ok = '收集意见建议5342件，解决落实4408件。';
    expect(checkConsistency(ok, figs(ok, [['5342件', 'count', 5342, '件', '收集意见建议'], ['4408件', 'count', 4408, '件', '解决落实']]))).toEqual([]);
    const bad = '😀收集意见建议4408件，解决落实5342件。';
    const issues = checkConsistency(bad, figs(bad, [['4408件', 'count', 4408, '件', '收集意见建议'], ['5342件', 'count', 5342, '件', '解决落实']]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'part_exceeds_whole', text: '5342件', related: { start: 7, end: 12 } });
  });
  it('several parts after 其中 all compare with the whole; other units and sentences do not', () => {
    const text = '提出建议100件，其中办结80件、采纳150件。另有办结200件。共召开会议5次，解决问题8个。';
    const issues = checkConsistency(text, figs(text, [['100件', 'count', 100, '件', '提出建议'], ['80件', 'count', 80, '件', '办结'], ['150件', 'count', 150, '件', '采纳'], ['200件', 'count', 200, '件', '办结'], ['5次', 'count', 5, '次', '召开会议'], ['8个', 'count', 8, '个', '解决问题']]));
    expect(issues.map((i) => i.text)).toEqual(['150件']);
  });
  it('does not compare with an approximate whole (5000余件) or a distant number', () => {
    const text = '收集意见5000余件，办结5100件。围绕4个方面27项内容,全员出征,推动解决各类问题2000余个。';
    expect(checkConsistency(text, figs(text, [['5000余件', 'count', 5000, '件', '收集意见', 'more'], ['5100件', 'count', 5100, '件', '办结'], ['4个', 'count', 4, '个', '方面'], ['27项', 'count', 27, '项', '内容'], ['2000余个', 'count', 2000, '个', '推动解决各类问题', 'more']]))).toEqual([]);
  });
});

describe('conflicting_values', () => {
  it('flags a yearly total stated differently in the summary and the body', () => {
    const text = ['过去一年的主要工作', '一年来，召开常委会会议9次，主任会议20次，依法任免国家机关工作人员43人次。', '一、加强监督', '常委会坚持依法监督，全年召开常委会会议10次，审议议题。任免工作人员43人次。'].join('\n');
    const issues = checkConsistency(text, figs(text, [['9次', 'count', 9, '次', '召开常委会会议'], ['20次', 'count', 20, '次', '主任会议'], ['43人次', 'count', 43, '人次', '依法任免国家机关工作人员'], ['10次', 'count', 10, '次', '全年召开常委会会议'], ['43人次', 'count', 43, '人次', '任免工作人员']]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'conflicting_values', text: '10次', indicator: '常委会会议次数' });
    expect(issues[0].related).toEqual({ start: text.indexOf('9次'), end: text.indexOf('9次') + 2, text: '9次' });
  });
  it('uses the workspace mapping', () => {
    const text = ['一年来，开展专项调研9次，召开常委会会议9次，主任会议20次。', '正文。', '正文里开展专项调研7次。'].join('\n');
    const f = figs(text, [['9次', 'count', 9, '次', '开展专项调研'], ['9次', 'count', 9, '次', '召开常委会会议'], ['20次', 'count', 20, '次', '主任会议'], ['7次', 'count', 7, '次', '正文里开展专项调研']]);
    expect(checkConsistency(text, f)).toEqual([]);
    expect(checkConsistency(text, f, { indicatorMap: { 专项调研: '执法检查次数' } }).map((i) => i.text)).toEqual(['7次']);
  });
});

describe('the corpus', () => {
  it('raises no issue on the five reports (no false positives on real text)', () => {
    const dir = join(__dirname, '../../../resources/samples');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(checkConsistency(text, analyzeText(text).figures), f).toEqual([]);
    }
  });
});

describe('consistencyFindings', () => {
  it('gives store findings carrying the rule and the other place, so the UI can word them in any language', () => {
    const bad = '😀收集意见建议4408件，解决落实5342件。';
    const found = consistencyFindings(bad, figs(bad, [['4408件', 'count', 4408, '件', '收集意见建议'], ['5342件', 'count', 5342, '件', '解决落实']]));
    expect(found).toHaveLength(1);
    expect(Finding.parse(found[0])).toEqual(found[0]);
    expect(found[0]).toMatchObject({ type: 'defect', origin: 'detector', data: { kind: 'consistency', text: '5342件', check: { rule: 'part_exceeds_whole', related: { start: 7, end: 12, text: '4408件' } } } });
  });
});
