// exact_paragraph groups paragraphs by one 32-bit hash and their length, then compares them:
// whitespace is told on folded codes, and a hash collision never groups different paragraphs.
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../text';
import { foldCode, isSpace } from './codes';
import { makeContext } from './context';
import { exactGroups } from './exact';

/** Thue–Morse word of length 2^k over (a, b), and its complement: for any odd base, their
 * polynomial hashes modulo 2^32 are equal once k ≥ 7 (the hash's classic collision). */
function thueMorse(k: number, a: string, b: string): [string, string] {
  let t = '0';
  for (let i = 0; i < k; i++) t += [...t].map((c) => (c === '0' ? '1' : '0')).join('');
  return [t.replace(/0/g, a).replace(/1/g, b), t.replace(/0/g, b).replace(/1/g, a)];
}

const groupsOf = (text: string) => {
  const ctx = makeContext(text, splitParagraphs(text));
  return exactGroups(ctx).map((g) => g.map((i) => ctx.paragraphs[i].text));
};

describe('exact paragraph groups', () => {
  it('whitespace is the same whether told on the code or on its fold, for every BMP code and astral samples', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpace(foldCode(c))).toBe(isSpace(c));
    for (const c of [0x10000, 0x20000, 0x2a6d6, 0x10ffff]) expect(isSpace(foldCode(c))).toBe(isSpace(c));
  });

  it('two different paragraphs with the same hash and length are not a group; a true copy is', () => {
    const [p, q] = thueMorse(7, '甲', '乙');
    expect(p).not.toBe(q);
    expect(groupsOf(`${p}\n\n${q}\n\n`)).toEqual([]);
    // colliding paragraphs around a real copy: one group, the copy with its original only
    expect(groupsOf(`${p}\n\n${q}\n\n${p.replace(/甲/, '甲 ')}\n\n${q}\n\n`)).toEqual([
      [p, p.replace(/甲/, '甲 ')],
      [q, q],
    ]);
  });

  it('paragraphs differing only in whitespace and character width are one group, in document order', () => {
    const a = '全年地区生产总值增长5.2%，完成固定资产投资1200亿元，居民收入稳步增长。';
    const b = '全年地区生产总值增长５．２％，完成固定资产投资 1200 亿元，居民收入稳步增长。';
    const c = a.replace('全年', '全年\u3000');
    expect(groupsOf(`${a}\n\n其他段落内容并不相同，只是用来隔开两个相同的段落而已。\n\n${b}\n\n${c}\n`)).toEqual([[a, b, c]]);
  });
});
