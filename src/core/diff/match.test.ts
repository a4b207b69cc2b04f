import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpSlice } from '../text';
import { matchQuote } from '.';

const alphabet = ['𠀀', '𠀁', '😀', '中', '文', '报', '告', 'a', '，', '。'];
const astralText = (min: number, max: number) => fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));

describe('matchQuote', () => {
  it('finds a short quote after astral characters, in code points', () => {
    const text = '𠀀😀前言。报告工作，请予审议。';
    expect(matchQuote(text, '报告工作', 0)).toEqual({ start: 5, end: 9, exact: true });
  });

  it('prefers the exact occurrence nearest to nearCp', () => {
    const text = '审议报告。😀审议报告。';
    expect(matchQuote(text, '审议报告', 7)?.start).toBe(6);
    expect(matchQuote(text, '审议报告', 1)?.start).toBe(0);
  });

  it('re-anchors a short quote fuzzily with match_main', () => {
    const text = '𠀀前言。我受市人大常委会委托，向大会报告工作。';
    const m = matchQuote(text, '我受市人大常委会的委托', 3);
    expect(m).not.toBeNull();
    expect(m?.start).toBe(4);
    expect(m?.exact).toBe(false);
  });

  it('re-anchors a long quote by its head and tail and verifies the middle', () => {
    const quote = '常委会组成人员履职学习、研讨交流等20余次，大兴调查研究，深入推进检视整改，梳理5个问题清单23项措施😀，出台制度规范6项，持续感悟思想伟力。';
    const text = '𠀀开头。' + quote.replace('大兴', '大力') + '结尾';
    const m = matchQuote(text, quote, 0);
    expect(m).toEqual({ start: 4, end: 4 + [...quote].length, exact: false });
    // a middle that differs too much is rejected
    const other = '𠀀开头。' + quote.slice(0, 33) + '完全不同的内容'.repeat(4) + quote.slice(-33);
    expect(matchQuote(other, quote, 0)).toBeNull();
  });

  it('returns null when nothing is near', () => {
    expect(matchQuote('完全不相干的文字', '人民代表大会常务委员会', 0)).toBeNull();
  });

  it('property: an unchanged quote is found exactly at its code point offset', () => {
    fc.assert(
      fc.property(astralText(1, 120), fc.nat(), fc.nat(), (text, x, y) => {
        const n = [...text].length;
        const s = x % n;
        const e = s + 1 + (y % (n - s));
        const quote = cpSlice(text, s, e);
        const m = matchQuote(text, quote, s);
        expect(m).not.toBeNull();
        expect(m?.exact).toBe(true);
        expect(cpSlice(text, m!.start, m!.end)).toBe(quote);
        expect(m!.start).toBe(s); // nearest exact occurrence to s is s itself
      }),
      { numRuns: 300 },
    );
  });

  it('property: a long quote survives an edit before it', () => {
    fc.assert(
      fc.property(astralText(40, 80), astralText(0, 10), astralText(0, 10), (quote, before, inserted) => {
        const text = before + inserted + quote + '。结尾';
        const m = matchQuote(text, quote, [...before].length);
        expect(m).not.toBeNull();
        expect(cpSlice(text, m!.start, m!.end)).toBe(quote);
      }),
      { numRuns: 200 },
    );
  });
});
