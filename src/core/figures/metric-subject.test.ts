/**
 * Metrics of figures whose own words do not say what is counted (ANNOTATION-GUIDE §1, metric):
 * the subject of the sentence, the level a subject reaches, a length of time inside a phrase.
 * Sentences from real reports (Hong Kong budget speech 2023, Hubei 2025, State Council 2010/2016),
 * checked by hand; the Macau and Taiwan sentences are written in their reports' phrasing.
 */
import { describe, expect, it } from 'vitest';
import { detectFigures } from './index';

const metrics = (text: string): [string, string | null][] =>
  detectFigures(text).filter((f) => f.kind !== 'name' && f.kind !== 'date').map((f) => [f.text, f.metric]);

describe('a figure that restates another (即, 相當於) counts the sentence subject', () => {
  it('HK budget: 即一千一百二十一億元 is the revised estimate again, not the comparison before it', () => {
    expect(metrics('二零二二／二三年度政府收入的修訂預算為六千零三十八億元，較原來預算低百分之十五點七，即一千一百二十一億元。')).toEqual([
      ['二零二二／二三年度', '政府收入的修訂預算'],
      ['六千零三十八億元', '政府收入的修訂預算'],
      ['百分之十五點七', '較原來預算低'],
      ['一千一百二十一億元', '政府收入的修訂預算'],
    ]);
  });
  it('Macau phrasing: 即約… after a rate', () => {
    const m = metrics('澳門特別行政區政府二零二三年財政收入預計為一千零五億澳門元，較上年增加百分之二十點五，即約一百七十億澳門元。');
    expect(m).toEqual([
      ['一千零五億澳門元', '財政收入'],
      ['百分之二十點五', '較上年增加'],
      ['約一百七十億澳門元', '財政收入'],
    ]);
  });
  it('a new sentence has a subject of its own', () => {
    const m = metrics('財政收入為一千億元。公共開支增加百分之五，即五十億元。');
    expect(m[2]).toEqual(['五十億元', '公共開支增加']);
  });
});

describe('the level a subject reaches after a change is counted for the subject', () => {
  it('HK budget: 上升百分之三點三至五千六百零二億元', () => {
    expect(metrics('二零二三／二四年度經常開支將輕微上升百分之三點三至五千六百零二億元。')).toEqual([
      ['二零二三／二四年度', '經常開支'],
      ['百分之三點三', '經常開支將輕微上升'],
      ['五千六百零二億元', '經常開支'],
    ]);
    expect(metrics('非經常開支則大幅下調百分之五十三至六百九十三億元。')[1]).toEqual(['六百九十三億元', '非經常開支']);
  });
  it('a modal or adverb before 下降至 is no part of the subject; 的水平 says nothing about what is counted', () => {
    expect(metrics('財政儲備則會下降至約八千二百億元的水平。')).toEqual([['約八千二百億元', '財政儲備']]);
    expect(metrics('全澳失業率下降至百分之二點七，本地居民失業率則下降至百分之三點四。')).toEqual([
      ['百分之二點七', '全澳失業率'],
      ['百分之三點四', '本地居民失業率'],
    ]);
  });
  it('a date inside the clause: what is counted stands before it', () => {
    expect(metrics('財政儲備在二零二三年三月三十一日預計為八千一百七十三億元。')).toEqual([['八千一百七十三億元', '財政儲備']]);
  });
  it('占 (share) is the verb, not part of the coordinated subject', () => {
    expect(metrics('其中，保障性住房、农村民生工程、社会事业投资占44%，重大基础设施建设占23%。')).toEqual([
      ['44%', '保障性住房、农村民生工程、社会事业投资'],
      ['23%', '重大基础设施建设'],
    ]);
  });
});

describe('a clause that starts with its verb continues the subject before it', () => {
  it('增长8.5%，新增4万多亿元', () => {
    expect(metrics('去年末居民储蓄存款余额增长8.5%，新增4万多亿元。')).toEqual([
      ['8.5%', '居民储蓄存款余额增长'],
      ['4万多亿元', '居民储蓄存款余额新增'],
    ]);
  });
  it('a clause with no noun after a clause with no figure takes that clause (合共達…)', () => {
    expect(metrics('醫療衞生和教育方面的投放仍然龐大，合共達三千二百九十四億元。')).toEqual([
      ['三千二百九十四億元', '醫療衞生和教育方面的投放仍然龐大'],
    ]);
  });
  it('a noun of its own is kept (增幅3.9%)', () => {
    expect(metrics('總預算歲出較上年度增加1,020億元，增幅3.9%。')[1]).toEqual(['3.9%', '增幅']);
  });
});

describe('a length of time inside a phrase', () => {
  it('连续N年 qualifies the verb after it: the subject before it goes to the figure after it', () => {
    expect(metrics('经营主体连续4年每年新增百万户以上。')).toEqual([
      ['4年', '经营主体每年新增'],
      ['百万户以上', '经营主体每年新增'],
    ]);
    expect(metrics('总产达到557亿斤，连续12年稳定在500亿斤以上。').slice(1)).toEqual([
      ['12年', '稳定'],
      ['500亿斤以上', '总产'],
    ]);
  });
  it('a length that qualifies a noun goes with the words before it', () => {
    expect(metrics('城市12分钟急救圈、农村30分钟医疗圈初步形成。')).toEqual([
      ['12分钟', '城市急救圈'],
      ['30分钟', '农村医疗圈'],
    ]);
  });
  it('not after a verb (面對三年多疫情) nor in a time frame (首五年)', () => {
    expect(metrics('面對三年多疫情，本港社會依然相當穩定。')).toEqual([['三年多', '疫情']]);
    expect(metrics('單位可能只有三分一在首五年落成。').find((m) => m[0] === '五年')).toEqual(['五年', '落成']);
  });
  it('a comparison period stays in the metric of the change', () => {
    expect(metrics('公營房屋建屋量達96 500個單位，較對上五年增加30 000個。').at(-1)).toEqual(['30 000個', '較對上五年增加']);
  });
});

describe('a share of a group (N%的…) counts what the group does', () => {
  it('80％的中小学纳入教联体', () => {
    expect(metrics('80％的中小学纳入教联体，86％的县建成三级医院。')).toEqual([
      ['80％', '中小学纳入教联体'],
      ['86％', '县建成三级医院'],
    ]);
  });
});
