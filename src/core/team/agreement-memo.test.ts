import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewStatus } from '../store-schema';
import { AgreementMemo, type DocumentLayers, computeAgreement } from './agreement';
import { eff, figureFinding } from './testing';

const STATUSES: ReviewStatus[] = ['accepted', 'rejected', 'corrected', 'suggested'];
const arbLayer = fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 10 }).map((xs) => {
  const seen = new Set<string>();
  return xs
    .map(([s, len, st, v]) => eff(figureFinding(s, s + len, v % 2 ? 'count' : 'percent', v, v % 2 ? '个' : '%'), STATUSES[st]!, STATUSES[st] === 'corrected' ? { value: v + 10 } : {}))
    .filter((f) => !seen.has(f.id) && seen.add(f.id));
});
const arbDocs = fc.array(fc.tuple(arbLayer, arbLayer, arbLayer), { minLength: 1, maxLength: 6 }).map((docs) =>
  docs.map(([x, y, z], i): DocumentLayers => ({ docId: `d${i}`, layers: [{ analyst: 'a', findings: x }, { analyst: 'b', findings: y }, { analyst: 'c', findings: z }] })),
);

describe('agreement memo', () => {
  it('gives the figures of a computation from scratch, on a second call and after one document changed', () => {
    fc.assert(
      fc.property(arbDocs, arbLayer, fc.nat(), (docs, changed, k) => {
        const memo = new AgreementMemo();
        const plain = computeAgreement(docs);
        expect(computeAgreement(docs, undefined, { memo })).toEqual(plain);
        expect(computeAgreement(docs, undefined, { memo })).toEqual(plain); // from the memo
        const i = k % docs.length;
        const next = docs.map((d, j) => (j === i ? { ...d, layers: [d.layers[0]!, { analyst: 'b', findings: changed }, d.layers[2]!] } : d));
        expect(computeAgreement(next, undefined, { memo })).toEqual(computeAgreement(next));
        // a document left out is left out of the pooled figures too
        const fewer = next.filter((_, j) => j !== i);
        expect(computeAgreement(fewer, undefined, { memo }).pairs).toEqual(computeAgreement(fewer).pairs);
      }),
      { numRuns: 150 },
    );
  });

  it("per-document figures of 'all' only are those of every kind's 'all'", () => {
    fc.assert(
      fc.property(arbDocs, (docs) => {
        const full = computeAgreement(docs);
        const lean = computeAgreement(docs, undefined, { perDocumentKinds: 'all' });
        expect(lean.pairs).toEqual(full.pairs);
        expect(lean.perDocument.map((d) => d.pairs.map((p) => p.byKind))).toEqual(full.perDocument.map((d) => d.pairs.map((p) => ({ all: p.byKind.all }))));
      }),
      { numRuns: 100 },
    );
  });
});
