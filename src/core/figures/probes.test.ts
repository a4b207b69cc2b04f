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

// Numbered paragraphs (HK and Macau reports): the number and the space after it are not part of
// the figure that follows. Kept out of PROBES: the metamorphic tests' letter-spaced variant
// (2 1 8 .   2 0 0 0 年) is not yet read this way — see the closing note of session 6.
describe('a numbered paragraph', () => {
  it('208. 2026-27年度 / 218. 2000年起: the paragraph number is not read into the figure', () => {
    const figs = detectFigures('208. 2026-27年度起的五年內，興建公營房屋。\n\n218. 2000年起，規劃署已進行五輪研究。').filter((f) => f.kind !== 'name');
    expect(figs.map(row)).toEqual([
      ['2026-27年度', 'range', 2026, '年度', null, 2027],
      ['五年內', 'duration', 5, '年', 'less'],
      ['2000年', 'date', 2000, '年', null],
      ['五輪', 'count', 5, '輪', null],
    ]);
  });
  it('a bare rate after it stays uncertain (5. 6% may be 5.6%), and a line that does not start a paragraph is not numbered', () => {
    expect(detectFigures('5. 6%的住戶受惠。').find((f) => f.unit === '%')?.value).toBeNull();
    const wrapped = detectFigures('全年新增公營房屋單位約\n30. 5萬個');
    expect(wrapped.some((f) => f.value === 5 || f.value === 50000)).toBe(false);
  });
});
