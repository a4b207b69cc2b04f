// startsEnumerated skips its expressions unless the text starts with a character one of them can
// start with (bench/analyze): the same answer as the expressions for every start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENUMERATED, isHeadingLike, startsEnumerated } from './headings';

const plain = (t: string): boolean => ENUMERATED.some((r) => r.test(t));

describe('startsEnumerated', () => {
  it('answers as the expressions do for a text starting with any UTF-16 unit', () => {
    const tails = ['', '、', '.', '．', ')', '）', '1、', '一、', '二）', '12.', '是', '章', '节', '1.5', '、加强'];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      for (const tail of tails) {
        const t = String.fromCharCode(c) + tail;
        if (startsEnumerated(t) !== plain(t)) expect(`${JSON.stringify(t)}: ${startsEnumerated(t)}`).toBe(`${JSON.stringify(t)}: ${plain(t)}`);
      }
    }
  });

  it('answers as the expressions do on generated list markers and prose', () => {
    const piece = fc.constantFrom('（', '(', '）', ')', '一', '十', '百', '1', '2', '0', '①', '⑳', '第', '章', '条', '是', '、', '.', '．', '加', '强', ' ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((a) => a.join('')), (t) => {
      expect(startsEnumerated(t)).toBe(plain(t));
    }), { numRuns: 5000 });
    expect(startsEnumerated('（一）加强监督')).toBe(true);
    expect(startsEnumerated('⑳完善制度')).toBe(true);
    expect(startsEnumerated('第三章 总则')).toBe(true);
    expect(startsEnumerated('加强监督')).toBe(false);
    expect(isHeadingLike('一、过去一年工作回顾，以及今后的安排和打算')).toBe(true);
  });
});
