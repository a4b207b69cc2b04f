import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReports } from './assign';

describe('assignReports', () => {
  it('splits evenly, gives the overlap share a second, different analyst, and lists queues', () => {
    const docIds = Array.from({ length: 10 }, (_, i) => `d${i}`);
    const a = assignReports({ docIds, analysts: ['ann', 'bob', 'cat'], overlap: 0.5 });
    expect(Object.values(a.byDoc).filter((x) => x.length === 2).length).toBeGreaterThan(0);
    expect(assignReports({ docIds, analysts: ['ann', 'bob', 'cat'], overlap: 1 }).queues.ann).toHaveLength(7);
    const firsts = Object.values(a.byDoc).map((x) => x[0]);
    expect(['ann', 'bob', 'cat'].map((n) => firsts.filter((f) => f === n).length).sort()).toEqual([3, 3, 4]);
    for (const [d, as] of Object.entries(a.byDoc)) for (const n of as) expect(a.queues[n]).toContain(d);
  });

  it('manual assignment wins; the overlap choice stays put when reports are added', () => {
    const docIds = Array.from({ length: 50 }, (_, i) => `doc-${i}`);
    const a = assignReports({ docIds, analysts: ['x', 'y'], overlap: 0.1, manual: { 'doc-3': ['y'] } });
    expect(a.byDoc['doc-3']).toEqual(['y']);
    const twice = (r: ReturnType<typeof assignReports>) => new Set(Object.keys(r.byDoc).filter((d) => r.byDoc[d]!.length === 2));
    const more = assignReports({ docIds: [...docIds, ...Array.from({ length: 50 }, (_, i) => `new-${i}`)], analysts: ['x', 'y'], overlap: 0.1 });
    const before = twice(assignReports({ docIds, analysts: ['x', 'y'], overlap: 0.1 }));
    const after = twice(more);
    // the reports chosen for a second analyst stay chosen when reports are added
    expect(before.size).toBeGreaterThan(0);
    for (const d of before) expect(after.has(d)).toBe(true);
  });

  it('the overlap share is met on many reports', () => {
    const docIds = Array.from({ length: 2000 }, (_, i) => `report-${i}.pdf`);
    const twice = Object.values(assignReports({ docIds, analysts: ['a', 'b', 'c'], overlap: 0.2 }).byDoc).filter((l) => l.length === 2).length;
    expect(Math.abs(twice - 400)).toBeLessThan(60);
  });

  it('for any input: every report assigned, seconds differ from firsts, loads even (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 1, noNaN: true }), (docIds, n, overlap) => {
        const analysts = Array.from({ length: n }, (_, i) => `a${i}`);
        const r = assignReports({ docIds, analysts, overlap });
        const lists = Object.values(r.byDoc);
        expect(lists).toHaveLength(docIds.length);
        for (const l of lists) {
          expect(l.length).toBeGreaterThanOrEqual(1);
          expect(new Set(l).size).toBe(l.length);
        }
        const twice = lists.filter((l) => l.length === 2).length;
        if (n < 2 || overlap === 0) expect(twice).toBe(0);
        if (n >= 2 && overlap === 1) expect(twice).toBe(docIds.length);
        for (const l of lists) if (l.length === 2) expect(l[1]).not.toBe(l[0]);
        const loads = analysts.map((a) => r.queues[a]!.length);
        // with two analysts every second place is the other one: the overlap decides the loads
        if (n !== 2) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      // a CI counterexample (8 reports, 7 analysts, one second place) is kept as an example
      { numRuns: 300, examples: [[['9 ', '8H2@', '9', ':', ';', '9!', ' ', '<'], 7, 0.000365077517926693]] },
    );
  });
});
