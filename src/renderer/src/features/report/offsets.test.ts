import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/store-schema';
import { buildModel } from './model';
import { TextIndex } from './offsets';
import { segmentParagraph } from './segments';

const fig = (id: string, start: number, end: number, text: string): Finding => ({
  type: 'figure', id, origin: 'detector',
  data: { text, start, end, kind: 'count', value: 1, value_to: null, unit: null, approx: null, metric: null },
});

describe('code point offsets in the renderer', () => {
  const text = '前言𠀀报告😀共计3400万元，𠀁增长97.5%。';
  const index = new TextIndex(text);

  it('slices by code points across astral characters', () => {
    const cps = [...text];
    expect(index.length).toBe(cps.length);
    for (let a = 0; a <= cps.length; a++) {
      for (let b = a; b <= cps.length; b++) expect(index.slice(a, b)).toBe(cps.slice(a, b).join(''));
    }
  });

  it('highlights the right characters after 𠀀 and an emoji', () => {
    const cps = [...text];
    const start = cps.indexOf('3');
    const end = start + [...'3400万元'].length;
    const model = buildModel(text, [fig('f1', start, end, '3400万元')]);
    const segs = segmentParagraph(model.paragraphs[0].start, model.paragraphs[0].end, model.marks[0]);
    const marked = segs.filter((s) => s.marks.length > 0).map((s) => index.slice(s.start, s.end));
    expect(marked).toEqual(['3400万元']);
    // every segment joined gives the paragraph back: nothing lost, no split surrogate
    expect(segs.map((s) => index.slice(s.start, s.end)).join('')).toBe(text);
  });

  it('maps a DOM offset (UTF-16 units into a segment) back to code points', () => {
    const cps = [...text];
    const segStart = 2; // '𠀀'
    // UTF-16 offset 2 in the segment text '𠀀报告…' is after '𠀀' (a surrogate pair)
    expect(index.domOffsetToCp(segStart, 2)).toBe(3);
    expect(cps[index.domOffsetToCp(segStart, 2)]).toBe('报');
    const emoji = cps.indexOf('😀');
    expect(index.domOffsetToCp(emoji, 2)).toBe(emoji + 1);
  });

  it('places paragraphs by code points when earlier paragraphs hold astral characters', () => {
    const t2 = '𠀀𠀀一段。\n第二段😀有9次。';
    const cps = [...t2];
    const s = cps.indexOf('9');
    const model = buildModel(t2, [fig('f', s, s + 2, '9次')]);
    expect(model.paragraphs).toHaveLength(2);
    expect(model.marks[0]).toHaveLength(0);
    expect(model.marks[1]).toHaveLength(1);
    const idx = new TextIndex(t2);
    expect(idx.slice(model.marks[1][0].start, model.marks[1][0].end)).toBe('9次');
    expect(model.paragraphOf.get('f')).toBe(1);
  });
});
