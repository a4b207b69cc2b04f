/**
 * A figure the detector cannot read with certainty is reported with value null and a note
 * saying why (ANNOTATION-GUIDE §1: a wrong value is worse than none). Inputs from real layouts:
 * pdftotext output of the Hong Kong addresses, Taiwan reports.
 */
import { describe, expect, it } from 'vitest';
import { detectFigures } from './index';

const at = (text: string, surface: string) => {
  const f = detectFigures(text).find((x) => x.text === surface);
  if (!f) throw new Error(`${surface} not found in ${JSON.stringify(text)}: ${JSON.stringify(detectFigures(text).map((x) => x.text))}`);
  return f;
};

describe('the note on a figure whose value is null', () => {
  it('spaced-digits: groups of digits that could be one number or two', () => {
    const f = at('興建2 000 1 000 個單位', '2 000 1 000 個');
    expect(f).toMatchObject({ value: null, note: { code: 'spaced-digits' } });
  });
  it('a thousands group written with a space is certain: no note', () => {
    const f = at('興建 15 000 個單位', '15 000 個');
    expect(f.value).toBe(15000);
    expect(f.note).toBeUndefined();
  });
  it('leading-zero: digits with a leading zero are a code or a broken number', () => {
    expect(at('共有00123個', '00123個')).toMatchObject({ value: null, note: { code: 'leading-zero' } });
  });
  it('minguo-year: a Minguo year is a date with value null and the ROC year as a parameter', () => {
    expect(at('民國108年3月，全台失業率為3.7%。', '民國108年3月')).toMatchObject({ kind: 'date', value: null, note: { code: 'minguo-year', params: { year: 108 } } });
  });
  it('a figure read with certainty carries no note', () => {
    for (const f of detectFigures('召开常委会会议9次，审议法规草案12件，投入资金3400余万元。')) expect(f.note).toBeUndefined();
  });
});

describe('Taiwan and mainland rate and year forms', () => {
  it('本(112)年度, 上（111）年度: a Minguo year in brackets is a date with value null and the year as a parameter', () => {
    const figs = detectFigures('本(112)年度預算歲出為2兆7,190億元，較上（111）年度增加1,020億元。');
    expect(figs.filter((f) => f.kind === 'date').map((f) => [f.text, f.value, f.note])).toEqual([
      ['本(112)年度', null, { code: 'minguo-year', params: { year: 112 } }],
      ['上（111）年度', null, { code: 'minguo-year', params: { year: 111 } }],
    ]);
    expect(at('本(112)年度預算歲出為2兆7,190億元。', '2兆7,190億元').value).toBe(2719000000000);
  });
  it('a bracketed number after another word is no year', () => {
    expect(detectFigures('他(112)年').filter((f) => f.kind === 'date')).toEqual([]);
  });
  it('千分之N is a rate per mille as written, like 9.6‰', () => {
    expect(at('人口自然增长率为千分之三点五。', '千分之三点五')).toMatchObject({ kind: 'percent', value: 3.5, unit: '‰' });
    expect(at('出生率9.6‰。', '9.6‰')).toMatchObject({ kind: 'percent', value: 9.6, unit: '‰' });
    // other fractions stay decimal fractions
    expect(at('约占三分之一。', '三分之一')).toMatchObject({ kind: 'percent', unit: null });
    expect(at('约占三分之一。', '三分之一').value).toBeCloseTo(1 / 3, 12);
  });
});
