import { describe, expect, it } from 'vitest';
import { findLike } from '../rules/like';
import type { Figure } from '../schema';
import { type ReviewState, applyAction, batchOf, batchOnTop, entrySize, redo, stepBatch, undo } from './actions';
import { previewBatch } from './batch';
import { findingsFromAnalysis } from '../document/findings';

const text = '召开常委会会议9次，主任会议23次。\n\n召开常委会会议12次。';
const fig = (t: string, start: number, value: number, metric: string): Figure => ({ text: t, start, end: start + [...t].length, kind: 'count', value, value_to: null, unit: '次', approx: null, metric });
const figures = [fig('9次', 7, 9, '会议'), fig('23次', 14, 23, '主任会议'), fig('12次', 27, 12, '会议')];
const ctx = { now: '2026-01-01T00:00:00.000Z', annotator: 'tester' };
const initial = (): ReviewState => ({ text, findings: findingsFromAnalysis({ figures, duplicates: [], defects: [] }), reviews: {}, history: { undo: [], redo: [] } });

describe('apply to all like this', () => {
  it('previews the count and the changes, applies them as one undo step, and redoes', () => {
    const s1 = applyAction(initial(), { type: 'setFields', findingId: 'fig:7-9:count', fields: { metric: '召开常委会会议' } }, ctx);
    const like = findLike([{ id: 'd', text, findings: s1.findings, reviews: s1.reviews }], { documentId: 'd', findingId: 'fig:7-9:count' });
    expect(like.map((m) => m.findingId)).toEqual(['fig:27-30:count']);
    const preview = previewBatch(s1, like.map((m) => m.findingId), { fields: { metric: '召开常委会会议' } }, ctx);
    expect(preview.count).toBe(1);
    expect(preview.items[0]).toMatchObject({ findingId: 'fig:27-30:count', before: { status: 'suggested', data: { metric: '会议', value: 12 } }, after: { status: 'corrected', data: { metric: '召开常委会会议', value: 12 } } });
    // nothing in the preview was applied
    expect(s1.reviews['fig:27-30:count']).toBeUndefined();
    const s2 = applyAction(s1, preview.action!, ctx);
    expect(s2.reviews['fig:27-30:count'].fields).toEqual({ metric: '召开常委会会议' });
    expect(s2.history.undo).toHaveLength(2);
    const s3 = undo(s2);
    expect(s3.reviews).toEqual(s1.reviews);
    expect(redo(s3).reviews).toEqual(s2.reviews);
  });

  it('a preview of a decision that changes nothing offers no action', () => {
    const s1 = applyAction(initial(), { type: 'setStatus', findingIds: ['fig:14-17:count'], status: 'rejected' }, ctx);
    const p = previewBatch(s1, ['fig:14-17:count', 'nope'], { status: 'rejected' }, ctx);
    expect(p).toMatchObject({ count: 0, items: [], action: null });
    expect(applyAction(s1, { type: 'applyToAll', findingIds: [], decision: { status: 'accepted' } }, ctx)).toBe(s1);
  });

  // undo-s6
  it('a batch tag travels with the step; stepBatch reverts only a top step of that batch; old entries have none', () => {
    const tag = { id: 'b-1', home: 'd', documents: ['d', 'e'] };
    const s1 = applyAction(initial(), { type: 'applyToAll', findingIds: ['fig:7-9:count', 'fig:27-30:count'], decision: { status: 'rejected' }, batch: tag }, ctx);
    expect(batchOnTop(s1, 'undo')).toEqual(tag);
    expect(entrySize(s1.history.undo.at(-1))).toBe(2);
    expect(stepBatch(s1, 'undo', 'b-2')).toBe(s1);
    const s2 = stepBatch(s1, 'undo', 'b-1');
    expect(s2.reviews).toEqual({});
    expect(batchOnTop(s2, 'redo')?.id).toBe('b-1');
    expect(stepBatch(s2, 'undo', 'b-1')).toBe(s2);
    expect(stepBatch(s2, 'redo', 'b-1').reviews['fig:27-30:count'].status).toBe('rejected');
    // another step on top: the batch's step is no longer the one an undo reverts
    const s3 = applyAction(s1, { type: 'setStatus', findingIds: ['fig:14-17:count'], status: 'accepted' }, ctx);
    expect(stepBatch(s3, 'undo', 'b-1')).toBe(s3);
    // an entry as older versions stored it (no batch) undoes as before
    const old = { ...s1, history: { undo: s1.history.undo.map((e) => ({ ...(e as object), batch: undefined })), redo: [] } };
    expect(batchOnTop(old, 'undo')).toBeNull();
    expect(undo(old).reviews).toEqual({});
    expect(batchOf({ batch: { id: 3 } })).toBeNull();
  });

  it('the home report of a batch with no finding of its own records an empty step that marks the batch', () => {
    const s0 = initial();
    expect(applyAction(s0, { type: 'applyToAll', findingIds: [], decision: { status: 'rejected' } }, ctx)).toBe(s0);
    const s1 = applyAction(s0, { type: 'applyToAll', findingIds: [], decision: { status: 'rejected' }, batch: { id: 'b', home: 'd', documents: ['d', 'e'] } }, ctx);
    expect(s1.history.undo).toHaveLength(1);
    expect(s1.reviews).toEqual({});
    expect(entrySize(s1.history.undo[0])).toBe(0);
    expect(undo(s1).reviews).toEqual({});
  });
});
