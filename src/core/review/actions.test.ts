import { describe, expect, it } from 'vitest';
import type { Figure } from '../schema';
import type { Finding } from '../store-schema';
import { type ReviewState, applyAction, canRedo, canUndo, redo, statusOf, undo } from './actions';
import { findingsFromAnalysis, makeAnchor } from '../document/findings';

const text = '\n\n召开常委会会议9次、主任会议23次，𠀀筹集3400余万元。';
const fig = (t: string, start: number, value: number, unit: string, metric: string): Figure => ({ text: t, start, end: start + [...t].length, kind: 'count', value, value_to: null, unit, approx: null, metric });
const figures = [fig('9次', 9, 9, '次', '召开常委会会议'), fig('23次', 16, 23, '次', '主任会议')];
const ctx = { now: '2026-01-01T00:00:00.000Z', annotator: 'tester' };

function initial(): ReviewState {
  return { text, findings: findingsFromAnalysis({ figures, duplicates: [], defects: [] }), reviews: {}, history: { undo: [], redo: [] } };
}

describe('review actions', () => {
  it('gives detector findings stable ids in reading order', () => {
    const a = findingsFromAnalysis({ figures: [...figures].reverse(), duplicates: [], defects: [] });
    expect(a.map((f) => f.id)).toEqual(['fig:9-11:count', 'fig:16-19:count']);
  });

  it('accepts, rejects and undoes/redoes as list operations without mutating the input', () => {
    const s0 = initial();
    const s1 = applyAction(s0, { type: 'setStatus', findingIds: ['fig:9-11:count'], status: 'accepted' }, ctx);
    expect(statusOf(s1, 'fig:9-11:count')).toBe('accepted');
    expect(statusOf(s0, 'fig:9-11:count')).toBe('suggested');
    expect(s0.reviews).toEqual({});
    const s2 = applyAction(s1, { type: 'setStatus', findingIds: ['fig:16-19:count'], status: 'rejected' }, ctx);
    expect(canUndo(s2)).toBe(true);
    const s3 = undo(s2);
    expect(statusOf(s3, 'fig:16-19:count')).toBe('suggested');
    expect(statusOf(s3, 'fig:9-11:count')).toBe('accepted');
    expect(canRedo(s3)).toBe(true);
    const s4 = redo(s3);
    expect(statusOf(s4, 'fig:16-19:count')).toBe('rejected');
    // a new action clears redo
    const s5 = applyAction(undo(s4), { type: 'toggleTag', findingId: 'fig:9-11:count', tag: 'legislation' }, ctx);
    expect(canRedo(s5)).toBe(false);
  });

  it('a bulk accept is one undo step', () => {
    const s1 = applyAction(initial(), { type: 'setStatus', findingIds: ['fig:9-11:count', 'fig:16-19:count'], status: 'accepted' }, ctx);
    expect(s1.history.undo).toHaveLength(1);
    const s2 = undo(s1);
    expect(statusOf(s2, 'fig:9-11:count')).toBe('suggested');
    expect(statusOf(s2, 'fig:16-19:count')).toBe('suggested');
  });

  it('correcting a field keeps the detector original and marks the finding corrected', () => {
    const s1 = applyAction(initial(), { type: 'setFields', findingId: 'fig:16-19:count', fields: { value: 25 } }, ctx);
    const r = s1.reviews['fig:16-19:count'];
    expect(r.status).toBe('corrected');
    expect(r.fields).toEqual({ value: 25 });
    const f = s1.findings.find((x) => x.id === 'fig:16-19:count') as Extract<Finding, { type: 'figure' }>;
    expect(f.data.value).toBe(23);
    // setting it back to the original clears the correction
    const s2 = applyAction(s1, { type: 'setFields', findingId: 'fig:16-19:count', fields: { value: 23 } }, ctx);
    expect(s2.reviews['fig:16-19:count'].fields).toEqual({});
    expect(s2.reviews['fig:16-19:count'].status).not.toBe('corrected');
  });

  it('stores the quote with context so a review can be re-anchored', () => {
    const s1 = applyAction(initial(), { type: 'setStatus', findingIds: ['fig:16-19:count'], status: 'accepted' }, ctx);
    const a = s1.reviews['fig:16-19:count'].anchor;
    expect(a.quote).toBe('23次');
    expect(a.prefix.endsWith('主任会议')).toBe(true);
    expect(a.suffix.startsWith('，𠀀筹集')).toBe(true);
  });

  it('anchors use code points around astral characters', () => {
    const a = makeAnchor(text, 23, 30);
    expect(a.quote).toBe('3400余万元');
    expect(a.prefix.endsWith('𠀀筹集')).toBe(true);
  });

  it('adds and removes manual findings, with undo', () => {
    const manual: Finding = { type: 'figure', id: 'man:23-30:1', origin: 'manual', data: { ...fig('3400余万元', 23, 34000000, '元', '筹集'), kind: 'money', approx: 'more' } };
    const s1 = applyAction(initial(), { type: 'addFinding', finding: manual }, ctx);
    expect(s1.findings.map((f) => f.id)).toEqual(['fig:9-11:count', 'fig:16-19:count', 'man:23-30:1']);
    expect(statusOf(s1, 'man:23-30:1')).toBe('accepted');
    expect(undo(s1).findings.map((f) => f.id)).not.toContain('man:23-30:1');
    const s2 = applyAction(s1, { type: 'removeFinding', findingId: 'man:23-30:1' }, ctx);
    expect(s2.findings.map((f) => f.id)).not.toContain('man:23-30:1');
    expect(() => applyAction(s1, { type: 'removeFinding', findingId: 'fig:9-11:count' }, ctx)).toThrow(/manual/);
  });

  it('refuses an unknown finding', () => {
    expect(() => applyAction(initial(), { type: 'setStatus', findingIds: ['nope'], status: 'accepted' }, ctx)).toThrow(/no finding/);
  });
});
