import { describe, expect, it } from 'vitest';
import type { Figure } from '../schema';
import { type ReviewState, applyAction } from '../review/actions';
import { findingsFromAnalysis } from './findings';
import { reanchorReviews } from './reanchor';

const ctx = { now: '2026-01-01T00:00:00.000Z', annotator: 't' };
const cps = (s: string) => [...s];
function figureAt(text: string, quote: string, nth = 0, value = 0): Figure {
  let from = 0;
  let u = -1;
  for (let i = 0; i <= nth; i++) {
    u = text.indexOf(quote, from);
    from = u + 1;
  }
  const start = cps(text.slice(0, u)).length;
  return { text: quote, start, end: start + cps(quote).length, kind: 'count', value, value_to: null, unit: '次', approx: null, metric: null };
}

const oldText = '\n\n召开常委会会议9次。开展执法检查9次。\n\n代表建议14件。';

function reviewed() {
  const figs = [figureAt(oldText, '9次', 0, 9), figureAt(oldText, '9次', 1, 9), figureAt(oldText, '14件', 0, 14)];
  let s: ReviewState = { text: oldText, findings: findingsFromAnalysis({ figures: figs, duplicates: [], defects: [] }), reviews: {}, history: { undo: [], redo: [] } };
  s = applyAction(s, { type: 'setStatus', findingIds: [s.findings[1].id], status: 'accepted' }, ctx);
  s = applyAction(s, { type: 'setFields', findingId: s.findings[2].id, fields: { value: 15 } }, ctx);
  return s;
}

describe('re-anchoring reviews after the source changed', () => {
  it('moves each review to the same words after an insertion, choosing the right one of two equal quotes', () => {
    const s = reviewed();
    const newText = '\n\n前言𠀀😀新增一段。\n\n召开常委会会议9次。开展执法检查9次。\n\n代表建议14件。';
    const newFigs = [figureAt(newText, '9次', 0, 9), figureAt(newText, '9次', 1, 9), figureAt(newText, '14件', 0, 14)];
    const r = reanchorReviews({ oldFindings: s.findings, reviews: s.reviews, newText, newFindings: findingsFromAnalysis({ figures: newFigs, duplicates: [], defects: [] }) });
    expect(r.orphans).toEqual([]);
    const second = newFigs[1];
    expect(r.reviews[`fig:${second.start}-${second.end}:count`].status).toBe('accepted');
    expect(r.reviews[`fig:${newFigs[0].start}-${newFigs[0].end}:count`]).toBeUndefined();
    const corrected = r.reviews[`fig:${newFigs[2].start}-${newFigs[2].end}:count`];
    expect(corrected.fields).toEqual({ value: 15 });
    expect(corrected.anchor.start).toBe(newFigs[2].start);
  });

  it('keeps a review whose finding the detector no longer reports, as a carried finding', () => {
    const s = reviewed();
    const newText = '\n\n召开常委会会议9次。开展执法检查9次。\n\n代表建议14件。';
    const r = reanchorReviews({ oldFindings: s.findings, reviews: s.reviews, newText, newFindings: [] });
    expect(r.orphans).toEqual([]);
    expect(r.findings).toHaveLength(2);
    expect(r.findings.every((f) => f.origin === 'manual')).toBe(true);
  });

  it('makes a review an orphan when its words are gone, never dropping it', () => {
    const s = reviewed();
    const newText = '\n\n全部改写的报告。\n\n没有数字。';
    const r = reanchorReviews({ oldFindings: s.findings, reviews: s.reviews, newText, newFindings: [] });
    expect(r.orphans).toHaveLength(2);
    expect(Object.keys(r.reviews)).toEqual([]);
  });

  it('never moves the review of a figure onto changed words (14件 → 16件 is another statement)', () => {
    const s = reviewed();
    const newText = '\n\n召开常委会会议9次。开展执法检查9次。\n\n代表建议16件。';
    const newFigs = [figureAt(newText, '9次', 0, 9), figureAt(newText, '9次', 1, 9), figureAt(newText, '16件', 0, 16)];
    const r = reanchorReviews({ oldFindings: s.findings, reviews: s.reviews, newText, newFindings: findingsFromAnalysis({ figures: newFigs, duplicates: [], defects: [] }) });
    expect(r.orphans.map((o) => [o.anchor.quote, o.fields])).toEqual([['14件', { value: 15 }]]);
    expect(Object.values(r.reviews).map((v) => v.status)).toEqual(['accepted']);
  });

  it('gives an orphan back to its finding when the source changes back', () => {
    const s = reviewed();
    const gone = reanchorReviews({ oldFindings: s.findings, reviews: s.reviews, newText: '\n\n全部改写的报告。', newFindings: [] });
    expect(gone.orphans).toHaveLength(2);
    const figs = [figureAt(oldText, '9次', 0, 9), figureAt(oldText, '9次', 1, 9), figureAt(oldText, '14件', 0, 14)];
    const back = reanchorReviews({ oldFindings: gone.findings, reviews: gone.reviews, newText: oldText, newFindings: findingsFromAnalysis({ figures: figs, duplicates: [], defects: [] }), orphans: gone.orphans });
    expect(back.orphans).toEqual([]);
    expect(back.reviews).toEqual(s.reviews);
  });
});
