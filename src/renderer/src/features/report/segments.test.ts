import { describe, expect, it } from 'vitest';
import type { Mark } from './model';
import { segmentParagraph, topMark } from './segments';

const mark = (id: string, start: number, end: number, extra: Partial<Mark> = {}): Mark => ({
  id, type: 'figure', kind: 'count', start, end, primary: true, dimmed: false, point: false, ...extra,
});

describe('highlight segmentation', () => {
  it('returns one plain segment for a paragraph without marks', () => {
    expect(segmentParagraph(10, 20, [])).toEqual([{ start: 10, end: 20, marks: [], points: [] }]);
  });

  it('splits overlapping findings into segments with every covering mark', () => {
    const a = mark('a', 2, 8);
    const b = mark('b', 5, 12, { type: 'duplicate', kind: 'copied_passage' });
    const segs = segmentParagraph(0, 15, [a, b]);
    expect(segs.map((s) => [s.start, s.end, s.marks.map((m) => m.id).sort().join('+')])).toEqual([
      [0, 2, ''],
      [2, 5, 'a'],
      [5, 8, 'a+b'],
      [8, 12, 'b'],
      [12, 15, ''],
    ]);
  });

  it('handles nested marks and puts the shortest first', () => {
    const outer = mark('outer', 0, 10, { type: 'duplicate' });
    const inner = mark('inner', 3, 5);
    const segs = segmentParagraph(0, 10, [outer, inner]);
    const mid = segs.find((s) => s.start === 3)!;
    expect(mid.marks.map((m) => m.id)).toEqual(['inner', 'outer']);
    expect(topMark(mid, null)?.id).toBe('inner');
    expect(topMark(mid, 'outer')?.id).toBe('outer');
  });

  it('clips marks that cross the paragraph boundaries', () => {
    const segs = segmentParagraph(10, 20, [mark('x', 5, 13), mark('y', 18, 30)]);
    expect(segs.map((s) => [s.start, s.end, s.marks.length])).toEqual([
      [10, 13, 1],
      [13, 18, 0],
      [18, 20, 1],
    ]);
  });

  it('keeps identical spans of two findings together and covers the text exactly once', () => {
    const segs = segmentParagraph(0, 10, [mark('a', 2, 6), mark('b', 2, 6), mark('c', 4, 9)]);
    let covered = 0;
    let last = 0;
    for (const s of segs) {
      expect(s.start).toBe(last);
      last = s.end;
      covered += s.end - s.start;
    }
    expect(covered).toBe(10);
    expect(segs.find((s) => s.start === 4)!.marks.map((m) => m.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('attaches zero-length findings as point markers', () => {
    const p = mark('p', 20, 20, { point: true, type: 'defect', kind: 'broken_paragraph' });
    const segs = segmentParagraph(10, 20, [p]);
    expect(segs.at(-1)!.points.map((m) => m.id)).toEqual(['p']);
  });
});
