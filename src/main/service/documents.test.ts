import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unpackFindings } from '../../core/findings-pack';
import { type ReviewState, applyAction, undo } from '../../core/review';
import type { DocumentFile, Finding, Review } from '../../core/store-schema';
import { review as reviewOf, sampleDoc, sampleMeta } from '../store/test-support';
import { countFindings } from '../../core/document';
import { buildFindingsPart, buildPackedView, buildReviewResult, packed } from './documents';

const review = (id: string): Review => reviewOf(id, '');

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

  it('leaves a long report\'s findings apart (their count in the view), to be sent in parts that make them up in order', () => {
    const base = sampleDoc('d');
    const f0 = base.findings[0];
    const findings: Finding[] = Array.from({ length: 2007 }, (_, i) => ({ ...f0, id: `f${i}` }) as Finding);
    const doc = { ...base, findings };
    const view = buildPackedView(sampleMeta('d'), doc, true);
    expect(view.findings).toEqual([]);
    expect(view.findingsApart).toBe(findings.length);
    expect(view.text).toBe(doc.text);
    const parts = [0, 1000, 2000].map((from) => buildFindingsPart(doc, from, 1000));
    for (const p of parts) {
      expect(p.count).toBe(findings.length);
      expect(p.sha256).toBe(doc.sha256);
    }
    expect(parts.map((p) => [p.from, p.findings.length])).toEqual([[0, 1000], [1000, 1000], [2000, 7]]);
    expect(unpackFindings(parts.flatMap((p) => p.findings), doc.text)).toEqual(findings);
    expect(buildFindingsPart(doc, 5000, 1000).findings).toEqual([]);
    // the inline view is unchanged: every finding, no count apart
    const inline = buildPackedView(sampleMeta('d'), doc);
    expect(inline.findingsApart).toBeUndefined();
    expect(unpackFindings(inline.findings, doc.text)).toEqual(findings);
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

describe('countFindings', () => {
  /** the counts as a plain loop over the findings (the definition) */
  function reference(findings: Finding[], reviews: Record<string, { status: string }>) {
    let figures = 0, duplicates = 0, defects = 0, reviewed = 0;
    for (const f of findings) {
      if (f.type === 'figure') { if (f.data.kind === 'name') continue; figures++; }
      else if (f.type === 'duplicate') { if (f.data.kind === 'boilerplate') continue; duplicates++; }
      else defects++;
      const st = reviews[f.id]?.status;
      if (st && st !== 'suggested') reviewed++;
    }
    return { figures, duplicates, defects, reviewed, total: figures + duplicates + defects };
  }
  it('equals the plain loop for any findings and reviews, also when the findings array is reused (property)', () => {
    const kinds = ['count', 'name', 'percent'] as const;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('figure', 'duplicate', 'defect'), fc.nat(5), fc.nat(30)), { maxLength: 30 }), fc.array(fc.tuple(fc.nat(40), fc.constantFrom('suggested', 'accepted', 'rejected', 'corrected')), { maxLength: 20 }), (spec, revs) => {
        const findings: Finding[] = spec.map(([type, k, n], i) =>
          type === 'figure' ? { type, id: `f${n}-${i}`, origin: 'detector', data: { text: 'x', start: n, end: n + 1, kind: kinds[k % 3], value: 1, value_to: null, unit: null, approx: null, metric: null } }
          : type === 'duplicate' ? { type, id: `f${n}-${i}`, origin: 'detector', data: { kind: k % 2 ? 'boilerplate' : 'exact_paragraph', a: { start: 0, end: 1, text: 'x' }, b: { start: n, end: n + 1, text: 'x' }, length: 1 } }
          : { type, id: `f${n}-${i}`, origin: 'detector', data: { kind: 'caption', start: n, end: n + 1, text: 'x', replacement: null } });
        for (const round of [0, 1]) {
          const reviews = Object.fromEntries(revs.map(([j, status]) => {
            const id = findings.length && j % 3 ? findings[(j + round) % findings.length].id : `gone${j}`;
            return [id, { ...review(id), status }];
          })) as Record<string, Review>;
          expect(countFindings(findings, reviews)).toEqual({ ...reference(findings, reviews), orphans: 0 });
        }
      }),
      { numRuns: 300 },
    );
  });
});
