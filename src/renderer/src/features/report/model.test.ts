import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/store-schema';
import { buildModel, readingOrder } from './model';

const fig = (id: string, start: number, end: number, kind: 'count' | 'name' = 'count'): Finding => ({
  type: 'figure', id, origin: 'detector',
  data: { text: '', start, end, kind, value: 1, value_to: null, unit: null, approx: null, metric: null },
});
const dup = (id: string, a: [number, number], b: [number, number], places?: [number, number][]): Finding => ({
  type: 'duplicate', id, origin: 'detector',
  data: { kind: 'copied_passage', a: { start: a[0], end: a[1], text: '' }, b: { start: b[0], end: b[1], text: '' }, length: a[1] - a[0], ...(places ? { places: places.map(([start, end]) => ({ start, end, text: '' })) } : {}) },
});

describe('the report model', () => {
  it('keeps findings in reading order: by primary start, end, then id', () => {
    const sorted = [fig('a', 0, 2), fig('b', 0, 2), fig('c', 0, 3), fig('d', 5, 6)];
    expect(readingOrder(sorted)).toBe(sorted); // already in order: no copy
    const ties = [fig('b', 0, 2), fig('a', 0, 2), fig('c', 4, 5)];
    expect(readingOrder(ties).map((f) => f.id)).toEqual(['a', 'b', 'c']);
    const shuffled = [fig('d', 5, 6), dup('x', [0, 1], [3, 4]), fig('a', 0, 2), fig('c', 0, 3)];
    expect(readingOrder(shuffled).map((f) => f.id)).toEqual(['a', 'c', 'x', 'd']);
  });

  it('puts each place of a finding in the paragraphs it touches, once', () => {
    const text = '第一段有九次。\n第二段也有。\n第三段。';
    // paragraphs: [0,7) [8,14) [15,19)
    const findings = [
      fig('f', 3, 5),
      fig('n', 8, 10, 'name'),
      dup('d', [0, 3], [8, 11], [[0, 3], [8, 11], [15, 18], [15, 18]]),
      fig('span', 5, 10), // runs from the first paragraph into the second
      fig('between', 7, 7), // between paragraphs: a point marker
    ];
    const m = buildModel(text, findings);
    expect(m.paragraphs.map((p) => [p.start, p.end])).toEqual([[0, 7], [8, 14], [15, 19]]);
    const ids = (i: number): string[] => m.marks[i].map((x) => `${x.id}${x.primary ? '' : '~'}${x.point ? '.' : ''}`).sort();
    expect(ids(0)).toEqual(['between.', 'd~', 'f', 'span']);
    expect(ids(1)).toEqual(['d', 'n', 'span']);
    expect(ids(2)).toEqual(['d~']);
    expect(m.paragraphOf.get('d')).toBe(1);
    expect(m.paragraphOf.get('span')).toBe(0);
    expect(m.paragraphOf.get('between')).toBe(0);
    expect(m.marks[1].find((x) => x.id === 'n')?.dimmed).toBe(true);
    expect(m.reviewable).toBe(4); // the name is not review work
    expect(m.byId.get('d')).toBe(findings[2]);
  });
});
