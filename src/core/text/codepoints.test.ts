import { describe, expect, it } from 'vitest';
import { OffsetMap, cpLength, cpSlice } from './codepoints';
import { splitParagraphs } from './paragraphs';

describe('code point offsets', () => {
  it('counts astral characters as one code point', () => {
    expect(cpLength('a𠀀b😀')).toBe(4);
    expect('a𠀀b😀'.length).toBe(6);
  });

  it('round-trips every offset of a text with astral characters', () => {
    const text = '前𠀀言😀报告，2024年𠀁';
    const map = new OffsetMap(text);
    const cps = [...text];
    for (let cp = 0; cp <= cps.length; cp++) {
      const u = map.toUtf16(cp);
      expect(map.toCp(u)).toBe(cp);
      expect(text.slice(0, u)).toBe(cps.slice(0, cp).join(''));
    }
    expect(cpSlice(text, 1, 4, map)).toBe('𠀀言😀');
  });

  it('maps an offset inside a surrogate pair to the pair start', () => {
    const map = new OffsetMap('a😀b');
    expect(map.toCp(2)).toBe(1);
    expect(map.toCp(3)).toBe(2);
  });

  it('splits paragraphs with code point spans', () => {
    const text = '\n\n标题𠀀\n\n  第一段。\n第二段\n';
    const paras = splitParagraphs(text);
    expect(paras.map((p) => p.text)).toEqual(['标题𠀀', '第一段。', '第二段']);
    expect(paras[1].start).toBe(2 + 3 + 2 + 2);
    expect(cpSlice(text, paras[2].start, paras[2].end)).toBe('第二段');
  });
});
