import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewStatus } from '../store-schema';
import { FlatStrings } from './alpha';
import { AgreementMemo, type DocumentLayers, checkFlatFigures, computeAgreement, documentFigures, flattenFigures } from './agreement';
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

// team-s6: figures kept as numbers between sessions (src/main/team/agreement-cache.ts) pool exactly as computed
const arbValueLayer = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.double({ min: -1e13, max: 1e13, noNaN: true, noDefaultInfinity: true })), { maxLength: 12 })
  .map((xs) => {
    const seen = new Set<string>();
    const kinds = ['count', 'percent', 'money'] as const;
    const units = ['个', '%', '万元'];
    return xs
      .map(([s, len, st, k, v]) => eff(figureFinding(s, s + len, kinds[k]!, Object.is(v, -0) ? 0 : v, units[k]!), STATUSES[st]!, STATUSES[st] === 'corrected' ? { value: v / 3 + 1 } : {}))
      .filter((f) => !seen.has(f.id) && seen.add(f.id));
  });
const arbValueDocs = fc.array(fc.tuple(arbValueLayer, arbValueLayer, arbValueLayer), { minLength: 1, maxLength: 6 }).map((docs) =>
  docs.map(([x, y, z], i): DocumentLayers => ({ docId: `d${i}`, layers: [{ analyst: 'a', findings: x }, { analyst: 'b', findings: y }, { analyst: 'c', findings: z }] })),
);

describe('flat figures', () => {
  it('pooled from their numbers give exactly the figures computed from the layers (every kind and all only)', () => {
    fc.assert(
      fc.property(arbValueDocs, fc.boolean(), (docs, onlyAll) => {
        const names = ['a', 'b', 'c'];
        const opts = { perDocumentKinds: onlyAll ? ('all' as const) : ('every' as const) };
        const strings = new FlatStrings();
        const flat = docs.map((d) => ({ docId: d.docId, flat: flattenFigures(documentFigures(d.layers, names), strings)!, strings: strings.list }));
        for (const f of flat) expect(checkFlatFigures(f.flat, strings.list)).not.toBeNull();
        // a copy through bytes, as the cache file holds them
        const copied = flat.map((f) => ({ ...f, flat: new Float64Array(new Uint8Array(f.flat.buffer.slice(0)).buffer) }));
        expect(computeAgreement(copied, names, opts)).toEqual(computeAgreement(docs, names, opts));
        // figures (not flat) too
        expect(computeAgreement(docs.map((d) => ({ docId: d.docId, figures: documentFigures(d.layers, names) })), names, opts)).toEqual(computeAgreement(docs, names, opts));
      }),
      { numRuns: 150 },
    );
  });

  it('anything but exactly what was written is refused: every shorter or longer array, a number made NaN, strings missing', () => {
    const withPairs = arbValueDocs.filter((ds) => documentFigures(ds[0]!.layers, ['a', 'b', 'c']).pairs.length > 0);
    fc.assert(
      fc.property(withPairs, fc.nat(), (docs, k) => {
        const strings = new FlatStrings();
        const v = flattenFigures(documentFigures(docs[0]!.layers, ['a', 'b', 'c']), strings)!;
        const cut = k % v.length;
        expect(checkFlatFigures(v.subarray(0, cut), strings.list)).toBeNull();
        expect(checkFlatFigures(Float64Array.from([...v, 0]), strings.list)).toBeNull();
        expect(checkFlatFigures(v, strings.list.slice(0, 1))).toBeNull(); // a pair names two analysts
        // a nominal count that no longer adds up to two values per unit: the first pair's 'all' status counts
        const unitsAt = 1 + 3 + 4; // pair count; a, b, kinds; kind, aCount, bCount, matched
        if (v[unitsAt]! > 0) {
          const off = Float64Array.from(v);
          off[unitsAt + 4] = off[unitsAt + 4]! + 1; // its first value's count
          expect(checkFlatFigures(off, strings.list)).toBeNull();
        }
        const bad = Float64Array.from(v);
        bad[k % v.length] = Number.NaN;
        expect(checkFlatFigures(bad, strings.list)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('in another analyst order they are refused by computeAgreement, not pooled the wrong way round', () => {
    const [d] = fc.sample(arbValueDocs.filter((ds) => computeAgreement(ds).perDocument[0]!.pairs.length > 0), { numRuns: 1, seed: 7 })[0]!.slice(0, 1);
    const strings = new FlatStrings();
    const flat = flattenFigures(documentFigures(d!.layers, ['a', 'b', 'c']), strings)!;
    expect(() => computeAgreement([{ docId: 'x', flat, strings: strings.list }], ['c', 'b', 'a'])).toThrow(/another analyst order/);
    expect(() => computeAgreement([{ docId: 'x', flat, strings: strings.list }])).toThrow(/analysts order/);
  });
});
