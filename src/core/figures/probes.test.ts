/**
 * Hand-checked probes of Hong Kong, Macau and Taiwan conventions and of PDF text layers
 * (probes.testdata.ts): every figure with its kind, value, unit and qualifier, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../schema';
import { detectFigures } from './index';
import { PROBES, type Expected } from './probes.testdata';

const row = (f: Figure): Expected => {
  const r: Expected = [f.text, f.kind, f.value, f.unit, f.approx];
  if (f.kind === 'range') r.push(f.value_to ?? undefined);
  return r;
};

describe('probes of real-world text', () => {
  for (const p of PROBES) {
    it(`${p.region}: ${p.text.replace(/\n/g, '⏎').slice(0, 40)}…`, () => {
      const figs = detectFigures(p.text).filter((f) => f.kind !== 'name');
      expect(figs.map(row)).toEqual(p.figures.map(([t, k, v, u, a, to]) => (k === 'range' ? [t, k, v, u, a, to] : [t, k, v, u, a])));
      for (const s of p.absent ?? []) expect(figs.map((f) => f.text), s).not.toContain(s);
    });
  }
});

// Numbered paragraphs (HK and Macau reports) are in PROBES (so the metamorphic tests space them
// too); here the spacings of one paragraph's number that must agree.
describe('a numbered paragraph', () => {
  const values = (t: string): (number | null)[] => detectFigures(t).filter((f) => f.kind !== 'name').map((f) => f.value);
  it('218. 2000年起: the paragraph number is not read into the figure, however the line is spaced', () => {
    for (const t of ['218. 2000年起，規劃署', '218.　2000年起，規劃署', '2 1 8 .   2 0 0 0 年 起 ， 規 劃 署', '2 1 8 .\u3000\u30002 0 0 0 年 起 ， 規 劃 署', '218 . 2000年起，規劃署', '前言。\n218. 2000年起，規劃署']) {
      expect(values(t), t).toEqual([2000]);
    }
  });
  it('a bare rate after it stays uncertain however it is spaced (5. 6%, 5 . 6%, 5 .   6 %), and is 5.6 when no space follows the point (5.6%, 5 . 6 % letter-spaced)', () => {
    for (const t of ['5. 6%的住戶受惠。', '5 . 6%的住戶受惠。', '5 .   6 % 的 住 戶 受 惠 。', '5\u3000.\u30006%的住戶受惠。', '前言。\n5. 6%的住戶受惠。']) {
      const f = detectFigures(t).find((x) => x.unit === '%');
      expect(f?.value, t).toBeNull();
      expect(f?.note?.code, t).toBe('spaced-digits');
    }
    for (const t of ['5.6%的住戶受惠。', '5 . 6 % 的 住 戶 受 惠 。', '5 .6%的住戶受惠。']) expect(values(t), t).toEqual([5.6]);
  });
  it('on a line of its own (218.⏎2000年, 208.⏎⏎2026-27年度) the number is no part of the figure either', () => {
    expect(values('前言。\n218.\n2000年起，規劃署')).toEqual([2000]);
    const f = detectFigures('208.\n\n2026-27年度起的五年內').filter((x) => x.kind !== 'name');
    expect(f.map((x) => [x.text, x.value, x.value_to])).toEqual([['2026-27年度', 2026, 2027], ['五年內', 5, null]]);
    // a bare rate after it may be a number cut by the break (97.⏎5%)
    for (const t of ['97.\n5%的住戶', '5\n. 6%的住戶', '增長\n97.\n5%']) expect(detectFigures(t).find((x) => x.unit === '%')?.value, t).toBeNull();
  });
  it('the number glued to the year (its space lost: 218.2000年, 3.2026-27年度) is no decimal: value null with a note', () => {
    for (const t of ['218.2000年起，規劃署', '3.2026-27年度起']) {
      const f = detectFigures(t).filter((x) => x.kind !== 'name');
      expect(f.map((x) => x.value), t).toEqual([null]);
      expect(f[0].note?.code, t).toBe('broken-number');
    }
    expect(values('為期2.5年，3.25年')).toEqual([2.5, 3.25]);
  });
  it('two digits before 年度 are a year, never a length of years (27年度 is no 27 years)', () => {
    const f = detectFigures('在27年度及２３年度預算中，過去三年度').filter((x) => x.kind !== 'name');
    expect(f.map((x) => [x.text, x.kind, x.value])).toEqual([['27年度', 'date', null], ['２３年度', 'date', null], ['三年', 'duration', 3]]);
  });
  it('a line that does not start a paragraph is not numbered', () => {
    const wrapped = detectFigures('全年新增公營房屋單位約\n30. 5萬個');
    expect(wrapped.some((f) => f.value === 5 || f.value === 50000)).toBe(false);
  });
});

// Readings found wrong in the real reports of ../shared/real-files (the sentences are shortened).
describe('readings from real reports that were wrong', () => {
  const rows = (t: string): [string, string, number | null][] => detectFigures(t).filter((f) => f.kind !== 'name').map((f) => [f.text, f.kind, f.value]);
  it('a decade (七十年代, 20世纪60年代, 1980年代) is no length of 70 years; 2020年代表大会 keeps its year', () => {
    expect(rows('七十年代以来，20世纪60年代初，1980年代末。')).toEqual([]);
    expect(rows('2020年代表大会上，三年代替')).toEqual([['2020年', 'date', 2020], ['三年', 'duration', 3]]);
  });
  it('a list item number glued to its count at a paragraph start (8.6个重大科技专项, 3．10种) is not read as a decimal', () => {
    const f = detectFigures('以旧换新。\n\n8.6个重大科技专项\n\n3．10种有色金属').filter((x) => x.kind !== 'name');
    expect(f.map((x) => [x.text, x.value, x.note?.code])).toEqual([['8.6个', null, 'list-marker'], ['3．10种', null, 'list-marker']]);
    // inside a sentence, or with a multiplier, a decimal count stays
    expect(rows('每千人口拥有托位数不少于5.5个。\n2.5万人参加。')).toEqual([['不少于5.5个', 'count', 5.5], ['2.5万人', 'count', 25000]]);
  });
  it('the denominator of a rate (每千人口, 每万人口, 每千名工人) is no count; a count after 每 that is not one (每3人) still is', () => {
    expect(rows('每千人口拥有托位数不少于5.5个，每万人口高价值发明专利拥有量29.6件，每千名建造業工人。')).toEqual([['不少于5.5个', 'count', 5.5], ['29.6件', 'count', 29.6]]);
    expect(rows('每3人，共5组')).toEqual([['3人', 'count', 3], ['5组', 'count', 5]]);
  });
  it('数百公頃, 幾十年 and 一兩個月 have no value (were 100, 10 and 12); 參與人數十萬人次 is 100000', () => {
    expect(rows('收回數百公頃土地，經過過去幾十年，用一兩個月時間，參與人數十萬人次。')).toEqual([
      ['數百公頃', 'count', null], ['幾十年', 'duration', null], ['一兩個月', 'duration', null], ['十萬人次', 'count', 100000],
    ]);
  });
});
