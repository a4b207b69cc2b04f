import { describe, expect, it } from 'vitest';
import { unpackFindings } from '../../core/findings-pack';
import { type ReviewState, applyAction, undo } from '../../core/review';
import type { DocumentFile, Finding } from '../../core/store-schema';
import { sampleDoc, sampleMeta } from '../store/test-support';
import { buildPackedView, buildReviewResult, packed } from './documents';

const ctx = { now: '2026-01-01T00:00:00.000Z', annotator: 'tester' };

function step(doc: DocumentFile, next: (s: ReviewState) => ReviewState): DocumentFile {
  const s = next({ text: doc.text, findings: doc.findings, reviews: doc.reviews, history: doc.history });
  return { ...doc, findings: s.findings, reviews: s.reviews, history: s.history };
}

describe('document views for the UI', () => {
  it('packs the findings of the view, and packs them once while they stay the same', () => {
    const doc = sampleDoc('d');
    const view = buildPackedView(sampleMeta('d'), doc);
    expect(unpackFindings(view.findings, view.text)).toEqual(doc.findings);
    expect(packed(doc)).toBe(view.findings);
  });

  it('answers a review with the findings only when the step added or removed some', () => {
    const meta = sampleMeta('d');
    const manual: Finding = { type: 'figure', id: 'man:0-4:1', origin: 'manual', data: { text: '2024', start: 0, end: 4, kind: 'date', value: 2024, value_to: null, unit: null, approx: null, metric: null } };
    const d0 = sampleDoc('d');
    const d1 = step(d0, (s) => applyAction(s, { type: 'setStatus', findingIds: ['f1'], status: 'accepted' }, ctx));
    expect(buildReviewResult(meta, d1).findings).toBeNull();
    expect(buildReviewResult(meta, d1).reviews.f1.status).toBe('accepted');
    const d2 = step(d1, (s) => applyAction(s, { type: 'addFinding', finding: manual }, ctx));
    expect(unpackFindings(buildReviewResult(meta, d2).findings!, d2.text).map((f) => f.id)).toEqual(['man:0-4:1', 'f1']);
    const d3 = step(d2, undo); // the finding goes again
    expect(unpackFindings(buildReviewResult(meta, d3).findings!, d3.text).map((f) => f.id)).toEqual(['f1']);
    const d4 = step(d3, undo); // the acceptance goes: no finding added or removed
    expect(buildReviewResult(meta, d4).findings).toBeNull();
  });
});
