import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalystWork } from '../document/build';
import type { HistoryEntry } from '../review/actions';
import type { Review } from '../store-schema';
import { conflictGroups, mergeWork, parseConflictName, stableJson } from './conflicts';
import { figureFinding, review } from './testing';

describe('parseConflictName', () => {
  it('reads Syncthing conflict copies of work files', () => {
    expect(parseConflictName('doc-1.sync-conflict-20260105-143012-ABCDEF7.json')).toEqual({ original: 'doc-1.json', stamp: '20260105-143012', device: 'ABCDEF7' });
    expect(parseConflictName('a.b.sync-conflict-20260105-143012-ZZZZZZ2.json')!.original).toBe('a.b.json');
    expect(parseConflictName('notes.sync-conflict-20260105-143012-ABCDEF7')!.original).toBe('notes');
    // a conflict of a conflict copy belongs to the first original
    expect(parseConflictName('d.sync-conflict-20260105-143012-ABCDEF7.sync-conflict-20260106-101010-QQQQQQQ.json')).toEqual({ original: 'd.json', stamp: '20260106-101010', device: 'QQQQQQQ' });
  });

  it('rejects names that only look alike', () => {
    for (const n of ['doc.json', 'doc.sync-conflict-2026010-143012-ABCDEF7.json', 'doc.sync-conflict-20260105-143012-abcdef7.json', '.sync-conflict-20260105-143012-ABCDEF7.json', 'doc.sync-conflict-20260105-143012-ABCDEF.json']) expect(parseConflictName(n), n).toBeNull();
  });

  it('groups copies by their original', () => {
    const g = conflictGroups(['x.json', 'x.sync-conflict-20260105-143012-ABCDEF7.json', 'y.json', 'x.sync-conflict-20260105-150000-BBBBBBB.json']);
    expect([...g]).toEqual([['x.json', ['x.sync-conflict-20260105-143012-ABCDEF7.json', 'x.sync-conflict-20260105-150000-BBBBBBB.json']]]);
  });
});

const work = (reviews: Review[], extra: Partial<AnalystWork> = {}): AnalystWork => ({ reviews: Object.fromEntries(reviews.map((r) => [r.findingId, r])), manualFindings: [], orphans: [], history: { undo: [], redo: [] }, ...extra });

describe('mergeWork', () => {
  it('keeps the later review per finding and moves the other into the undo history', () => {
    const older = review('f1', 'accepted', {}, '2026-01-01T10:00:00.000Z');
    const newer = review('f1', 'rejected', {}, '2026-01-01T10:00:05.000Z');
    const { work: w, report } = mergeWork(work([older, review('f2', 'accepted')]), work([newer, review('f3', 'corrected', { value: 2 })]));
    expect(w.reviews.f1).toEqual(newer);
    expect(Object.keys(w.reviews).sort()).toEqual(['f1', 'f2', 'f3']);
    expect(report.superseded).toEqual([{ findingId: 'f1', kept: newer, replaced: older }]);
    const last = w.history.undo.at(-1) as HistoryEntry;
    expect(last.before.reviews.f1).toEqual(older);
    expect(last.after.reviews.f1).toEqual(newer);
  });

  it('compares times, not strings (offsets) and unions manual findings and history', () => {
    const x = review('f', 'accepted', {}, '2026-01-01T12:00:00+02:00'); // 10:00Z
    const y = review('f', 'rejected', {}, '2026-01-01T11:00:00Z');
    expect(mergeWork(work([x]), work([y])).work.reviews.f).toEqual(y);
    const m1 = figureFinding(0, 2, 'count', 1, '个', 'man:0-2:1');
    const m2 = figureFinding(5, 7, 'count', 1, '个', 'man:5-7:2');
    const h = (at: string): HistoryEntry => ({ label: 'setStatus', at, before: { reviews: {}, findings: {} }, after: { reviews: {}, findings: {} } });
    const merged = mergeWork(work([], { manualFindings: [m1], history: { undo: [h('2026-01-01T10:00:02Z'), h('2026-01-01T10:00:00Z')], redo: [] } }), work([], { manualFindings: [m2, m1], history: { undo: [h('2026-01-01T10:00:01Z'), h('2026-01-01T10:00:00Z')], redo: [] } })).work;
    expect(merged.manualFindings.map((f) => f.id)).toEqual(['man:0-2:1', 'man:5-7:2']);
    expect(merged.history.undo.map((e) => (e as HistoryEntry).at)).toEqual(['2026-01-01T10:00:00Z', '2026-01-01T10:00:01Z', '2026-01-01T10:00:02Z']);
  });

  const arbReview = fc.record({
    id: fc.constantFrom('f1', 'f2', 'f3', 'f4', 'man:1-2:x'),
    status: fc.constantFrom('accepted' as const, 'rejected' as const, 'corrected' as const, 'suggested' as const),
    value: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    t: fc.integer({ min: 0, max: 4 }),
    note: fc.constantFrom('', 'n'),
  }).map((r) => ({ ...review(r.id, r.status, r.value === undefined ? {} : { value: r.value }, `2026-01-01T10:00:0${r.t}.000Z`), note: r.note }));
  const arbWork = fc.record({
    reviews: fc.uniqueArray(arbReview, { selector: (r) => r.findingId, maxLength: 5 }),
    manual: fc.uniqueArray(fc.constantFrom('man:1-2:x', 'man:3-4:y', 'man:5-6:z'), { maxLength: 3 }),
    undo: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
  }).map(({ reviews, manual, undo }) =>
    work(reviews, {
      manualFindings: manual.map((id) => figureFinding(Number(id[4]), Number(id[6]), 'count', 1, '个', id)),
      history: { undo: undo.map((t): HistoryEntry => ({ label: 'setStatus', at: `2026-01-01T10:00:0${t}.000Z`, before: { reviews: {}, findings: {} }, after: { reviews: {}, findings: {} } })), redo: [] },
    }),
  );

  it('never loses a review present in either version (kept, or recoverable by undo)', () => {
    fc.assert(
      fc.property(arbWork, arbWork, (a, b) => {
        const { work: m } = mergeWork(a, b);
        const undone = new Set(m.history.undo.flatMap((e) => Object.values((e as HistoryEntry).before?.reviews ?? {}).map(stableJson)));
        for (const r of [...Object.values(a.reviews), ...Object.values(b.reviews)]) {
          const kept = m.reviews[r.findingId];
          expect(kept).toBeDefined();
          if (stableJson(kept) !== stableJson(r)) {
            expect(undone.has(stableJson(r))).toBe(true);
            expect(Date.parse(kept!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(r.updatedAt));
          }
        }
        for (const f of [...a.manualFindings, ...b.manualFindings]) expect(m.manualFindings.some((g) => g.id === f.id)).toBe(true);
        for (const e of [...a.history.undo, ...b.history.undo]) expect(m.history.undo.map(stableJson)).toContain(stableJson(e));
      }),
      { numRuns: 300 },
    );
  });

  it('is commutative and idempotent', () => {
    fc.assert(
      fc.property(arbWork, arbWork, (a, b) => {
        const ab = mergeWork(a, b);
        const ba = mergeWork(b, a);
        expect(stableJson(ab.work)).toBe(stableJson(ba.work));
        expect(stableJson(ab.report)).toBe(stableJson(ba.report));
        expect(Object.keys(mergeWork(a, a).work.reviews).sort()).toEqual(Object.keys(a.reviews).sort());
        expect(mergeWork(a, a).report.superseded).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
