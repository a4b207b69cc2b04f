import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpLength } from '../text';
import { diffText, encodeAstral } from '.';

const hasLoneSurrogate = (s: string): boolean => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const sideA = (parts: ReturnType<typeof diffText>): string => parts.filter((p) => p.op !== 1).map((p) => p.text).join('');
const sideB = (parts: ReturnType<typeof diffText>): string => parts.filter((p) => p.op !== -1).map((p) => p.text).join('');

// characters that make surrogate splitting likely: astral chars sharing a high surrogate
const alphabet = ['𠀀', '𠀁', '𠀂', '😀', '😁', '😂', '中', '文', 'a', '，'];
const astralText = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));

describe('encodeAstral', () => {
  it('swaps astral characters for unused BMP characters and back', () => {
    const codec = encodeAstral('a𠀀b😀', '\ue000𠀀');
    const [a, b] = codec.encoded;
    expect(a.length).toBe(4);
    expect(b.length).toBe(2);
    expect(a).not.toContain('\ue000'); // the private-use char already in use is skipped
    expect(codec.decode(a)).toBe('a𠀀b😀');
    expect(codec.decode(b)).toBe('\ue000𠀀');
  });

  it('is the identity without astral characters', () => {
    const codec = encodeAstral('中文', 'abc');
    expect(codec.identity).toBe(true);
    expect(codec.encoded).toEqual(['中文', 'abc']);
  });
});

describe('diffText', () => {
  it('keeps astral characters whole and counts code points', () => {
    const parts = diffText('前𠀀言😀报告', '前𠀁言😀报告书');
    expect(parts.every((p) => !hasLoneSurrogate(p.text))).toBe(true);
    expect(sideA(parts)).toBe('前𠀀言😀报告');
    expect(sideB(parts)).toBe('前𠀁言😀报告书');
    const del = parts.find((p) => p.op === -1);
    expect(del).toEqual({ op: -1, text: '𠀀', length: 1 });
    expect(parts.find((p) => p.op === 1 && p.text === '𠀁')?.length).toBe(1);
  });

  it('splits nothing where the plain library splits a pair', () => {
    // 𠀀 (d840 dc00) vs 𠀁 (d840 dc01): the library alone emits a shared lone high surrogate
    const parts = diffText('𠀀', '𠀁');
    expect(parts).toEqual([
      { op: -1, text: '𠀀', length: 1 },
      { op: 1, text: '𠀁', length: 1 },
    ]);
  });

  it('property: reconstructs both sides, never splits a pair, lengths are code points', () => {
    fc.assert(
      fc.property(astralText, astralText, (a, b) => {
        const parts = diffText(a, b);
        expect(sideA(parts)).toBe(a);
        expect(sideB(parts)).toBe(b);
        for (const p of parts) {
          expect(hasLoneSurrogate(p.text)).toBe(false);
          expect(p.length).toBe(cpLength(p.text));
        }
      }),
      { numRuns: 500 },
    );
  });
});
