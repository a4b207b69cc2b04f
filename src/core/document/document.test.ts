import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { type ReviewState, applyAction } from '../review/actions';
import type { Finding, Review, ReviewStatus } from '../store-schema';
import {
  type AnalystWork,
  buildDocument,
  carriedId,
  checkId,
  defectId,
  derivedFindings,
  duplicateId,
  effectiveData,
  effectiveFinding,
  emptyWork,
  figureId,
  findingSpan,
  makeAnchor,
  manualId,
  parseFindingId,
  rebuildDocument,
  statusWhenSet,
  tagsToggled,
  workOf,
} from './index';

const ctx = { now: '2026-01-01T00:00:00.000Z', annotator: 'tester' };
const text = '\n\n收集意见建议4408件，解决落实5342件。\n\n召开常委会会议9次，审议法规12件。\n';
const analysis = analyzeText(text);

function review(findingId: string, at: { start: number; end: number }, extra: Partial<Review> = {}): Review {
  return { findingId, status: 'accepted', fields: {}, tags: [], note: '', updatedAt: ctx.now, annotator: 'tester', anchor: makeAnchor(text, at.start, at.end), ...extra };
}

const isSorted = (fs: readonly Finding[]): boolean => fs.every((f, i) => i === 0 || findingSpan(fs[i - 1]).start <= findingSpan(f).start);

describe('finding ids', () => {
  const span = fc.tuple(fc.nat(1e7), fc.nat(1e4)).map(([s, n]) => ({ start: s, end: s + n }));
  const kind = fc.stringMatching(/^[a-z][a-z_0-9]{0,20}$/);

  it('parse what they build, for every shape and span', () => {
    fc.assert(
      fc.property(span, span, kind, (a, b, k) => {
        expect(parseFindingId(figureId({ ...a, kind: k as 'count' }))).toEqual({ origin: 'detector', type: 'figure', kind: k, ...a });
        expect(parseFindingId(defectId({ ...a, kind: k as 'caption' }))).toEqual({ origin: 'detector', type: 'defect', kind: k, ...a });
        expect(parseFindingId(checkId(k, a.start, a.end))).toEqual({ origin: 'detector', type: 'defect', kind: 'consistency', rule: k, ...a });
        expect(parseFindingId(duplicateId({ kind: k as 'exact_paragraph', a: { ...a, text: '' }, b: { ...b, text: '' } }))).toEqual({ origin: 'detector', type: 'duplicate', kind: k, a, b });
        expect(parseFindingId(manualId(a.start, a.end, 1700000000000))).toEqual({ origin: 'manual', ...a, stamp: '1700000000000', from: null });
        const from = figureId({ ...b, kind: k as 'count' });
        expect(parseFindingId(carriedId(a.start, a.end, carriedId(b.start, b.end, from)))).toEqual({
          origin: 'manual', ...a, stamp: carriedId(b.start, b.end, from),
          from: { origin: 'manual', ...b, stamp: from, from: { origin: 'detector', type: 'figure', kind: k, ...b } },
        });
      }),
    );
  });

  it('read ids of other shapes as unknown, not as a wrong finding', () => {
    for (const id of ['ls:0:accepted:1', 'abc', '', 'fig:x-3:count', 'fig:1-3', 'dup:exact:1-2', 'def:caption:1-2:3', 'man:abc', 'chk::1-2']) expect(parseFindingId(id)).toBeNull();
  });

  it('are the ones the document gives its findings', () => {
    const doc = buildDocument({ text, detectorFindings: analysis, work: emptyWork() });
    expect(doc.findings.length).toBeGreaterThan(4);
    for (const f of doc.findings) {
      const p = parseFindingId(f.id);
      expect(p && p.origin === 'detector' ? [p.type, p.kind] : null).toEqual([f.type, f.data.kind]);
    }
  });
});

describe('buildDocument', () => {
  it('holds the detector findings, the consistency checks and the manual findings, in reading order, with counts', () => {
    const manual: Finding = { type: 'figure', id: manualId(5, 9, 1), origin: 'manual', data: { text: '意见建议', start: 5, end: 9, kind: 'name', value: null, value_to: null, unit: null, approx: null, metric: null } };
    const checked = analysis.figures.find((f) => f.text === '5342件')!;
    const work: AnalystWork = { ...emptyWork(), manualFindings: [manual], reviews: { [manual.id]: review(manual.id, manual.data) } };
    const doc = buildDocument({ text, detectorFindings: analysis, work });
    const ids = doc.findings.map((f) => f.id);
    expect(ids).toContain(checkId('part_exceeds_whole', checked.start, checked.end));
    expect(ids).toContain(manual.id);
    expect(ids).toContain(figureId(checked));
    expect(new Set(ids).size).toBe(ids.length);
    expect(isSorted(doc.findings)).toBe(true);
    // the manual finding is a name (not counted); the figures and the check are
    expect(doc.counts).toMatchObject({ figures: analysis.figures.filter((f) => f.kind !== 'name').length, defects: analysis.defects.length + 1, reviewed: 0, orphans: 0 });
    expect(doc.reviews).toBe(work.reviews);
  });

  it('the checks read the workspace indicator map, and without one are the CLI\'s', () => {
    const plain = derivedFindings(text, analysis);
    expect(derivedFindings(text, analysis, {})).toEqual(plain);
    expect(plain.some((f) => f.id.startsWith('chk:'))).toBe(true);
  });

  it('a v1 document split into its work and built again is the same document', () => {
    const start = buildDocument({ text, detectorFindings: analysis, work: emptyWork() });
    let s: ReviewState = { text, findings: start.findings, reviews: {}, history: { undo: [], redo: [] } };
    s = applyAction(s, { type: 'setStatus', findingIds: [start.findings[0].id], status: 'accepted' }, ctx);
    s = applyAction(s, { type: 'addFinding', finding: { type: 'defect', id: manualId(2, 4, 7), origin: 'manual', data: { kind: 'caption', start: 2, end: 4, text: '收集', replacement: null } } }, ctx);
    const again = buildDocument({ text, detectorFindings: analysis, work: workOf({ ...s, orphans: [] }) });
    expect(again.findings).toEqual(s.findings);
    expect(again.reviews).toEqual(s.reviews);
    expect(again.history).toBe(s.history);
    expect(again.counts.reviewed).toBe(2); // the accepted finding and the manual one (added accepted)
  });
});

describe('rebuildDocument', () => {
  const first = buildDocument({ text, detectorFindings: analysis, work: emptyWork() });
  const nine = first.findings.find((f) => f.type === 'figure' && f.data.text === '9次')!;
  let s: ReviewState = { text, findings: first.findings, reviews: {}, history: { undo: [], redo: [] } };
  s = applyAction(s, { type: 'setFields', findingId: nine.id, fields: { value: 10 } }, ctx);
  const previous = { text, findings: s.findings, work: workOf({ ...s, orphans: [] }) };

  it('keeps the work as it is for the same source and text, undo history included', () => {
    const doc = rebuildDocument({ text, detectorFindings: analysis, previous, sameSource: true });
    expect(doc.reviews).toBe(previous.work.reviews);
    expect(doc.history).toBe(previous.work.history);
    expect(doc.findings).toEqual(s.findings);
  });

  it('carries the reviews to the same words when the text changed, and drops the old undo history', () => {
    const newText = '\n\n前言一段。' + text;
    const doc = rebuildDocument({ text: newText, detectorFindings: analyzeText(newText), previous, sameSource: false });
    const moved = doc.findings.find((f) => f.type === 'figure' && f.data.text === '9次')!;
    expect(findingSpan(moved).start).toBe(findingSpan(nine).start + [...'\n\n前言一段。'].length);
    expect(doc.reviews[moved.id]).toMatchObject({ status: 'corrected', fields: { value: 10 } });
    expect(doc.orphans).toEqual([]);
    expect(doc.history).toEqual({ undo: [], redo: [] });
    expect(doc.work.reviews).toBe(doc.reviews);
  });

  it('keeps a review whose words are gone as an orphan, never dropping it', () => {
    const newText = '\n\n全部改写的报告。\n';
    const doc = rebuildDocument({ text: newText, detectorFindings: analyzeText(newText), previous, sameSource: false });
    expect(doc.orphans.map((o) => o.anchor.quote)).toEqual(['9次']);
    expect(doc.counts.orphans).toBe(1);
  });

  it('a new document has no work', () => {
    const doc = rebuildDocument({ text, detectorFindings: analysis, previous: null, sameSource: false });
    expect(doc.findings).toEqual(first.findings);
    expect(doc.work).toEqual(emptyWork());
  });
});

describe('the effective finding and the review rules', () => {
  const fig = analysis.figures.find((f) => f.text === '9次')!;
  const finding: Finding = { type: 'figure', id: figureId(fig), origin: 'detector', data: fig };

  it('applies the corrected fields over the detector data and keeps the original beside them', () => {
    const r = review(finding.id, fig, { status: 'corrected', fields: { value: 10, metric: '会议' } });
    const e = effectiveFinding(finding, r);
    expect(e.data).toMatchObject({ ...fig, value: 10, metric: '会议' });
    expect(e.original).toBe(fig);
    expect(e.status).toBe('corrected');
    expect(effectiveData(finding, r)).toEqual(e.data);
    expect(effectiveData(finding, undefined)).toBe(fig);
    expect(effectiveFinding(finding, undefined)).toMatchObject({ status: 'suggested', original: null, start: fig.start, end: fig.end });
  });

  it('the review actions follow the status and tag rules the renderer previews with', () => {
    const status = fc.constantFrom<ReviewStatus>('suggested', 'accepted', 'rejected', 'corrected');
    const fields = fc.constantFrom<Record<string, unknown>>({}, { value: 10 }, { unit: '件' });
    fc.assert(
      fc.property(status, fields, status, fc.constantFrom('a', 'b'), (before, f, set, tag) => {
        const base: ReviewState = { text, findings: [finding], reviews: {}, history: { undo: [], redo: [] } };
        const withFields = Object.keys(f).length ? applyAction(base, { type: 'setFields', findingId: finding.id, fields: f }, ctx) : base;
        const s0 = applyAction(withFields, { type: 'setStatus', findingIds: [finding.id], status: before }, ctx);
        const r0 = s0.reviews[finding.id];
        const s1 = applyAction(s0, { type: 'setStatus', findingIds: [finding.id], status: set }, ctx);
        expect(s1.reviews[finding.id].status).toBe(statusWhenSet(r0, set));
        const s2 = applyAction(s1, { type: 'toggleTag', findingId: finding.id, tag }, ctx);
        expect(s2.reviews[finding.id].tags).toEqual(tagsToggled(s1.reviews[finding.id].tags, tag));
        expect(tagsToggled(tagsToggled(r0.tags, tag), tag)).toEqual(r0.tags);
      }),
      { numRuns: 60 },
    );
    expect(statusWhenSet({ fields: { value: 1 } }, 'accepted')).toBe('corrected');
    expect(statusWhenSet({ fields: {} }, 'accepted')).toBe('accepted');
    expect(statusWhenSet(undefined, 'accepted')).toBe('accepted');
    expect(statusWhenSet({ fields: { value: 1 } }, 'rejected')).toBe('rejected');
  });
});
