import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CacheFile, Finding } from '../../core/store-schema';
import { cpSlice } from '../../core/text';
import { decodeCache, encodeCache } from './cache-codec';

const text = fc.array(fc.constantFrom('经', '济', '增', '长', '5', '.', '2', '%', '𠀋', '。', '\n', 'a'), { minLength: 0, maxLength: 60 }).map((cs) => cs.join(''));

function arbCache(): fc.Arbitrary<CacheFile> {
  return text.chain((t) => {
    const n = [...t].length;
    const span = fc.record({ start: fc.nat(n + 2), len: fc.nat(6), own: fc.oneof(fc.constant<string | null>(null), fc.constantFrom('', 'x', '经济', '𠀋')) }).map(({ start, len, own }) => ({ start, end: start + len, text: own ?? cpSlice(t, start, start + len) }));
    const finding: fc.Arbitrary<Finding> = fc.oneof(
      span.map((s, i = 0) => ({ type: 'figure' as const, id: `fig:${s.start}-${s.end}:${i}`, origin: 'detector' as const, data: { ...s, kind: 'count' as const, value: 1, value_to: null, unit: null, approx: null, metric: null } })),
      fc.tuple(span, span, fc.option(fc.array(span, { maxLength: 3 }), { nil: undefined })).map(([a, b, places]) => ({ type: 'duplicate' as const, id: `dup:${a.start}:${b.start}`, origin: 'detector' as const, data: { kind: 'exact_paragraph' as const, a, b, length: 1, ...(places ? { places } : {}) } })),
      fc.tuple(span, fc.option(span, { nil: undefined })).map(([s, related]) => ({ type: 'defect' as const, id: `def:${s.start}`, origin: 'detector' as const, data: { kind: 'consistency' as const, ...s, replacement: null, ...(related ? { check: { rule: 'part_exceeds_whole' as const, related } } : {}) } })),
    );
    return fc.array(finding, { maxLength: 8 }).map((findings) => ({ schemaVersion: 2, id: 'd', sha256: 'a', analyzer: 't', sliced: false, text: t, findings }));
  });
}

describe('cache codec', () => {
  it('what is read back equals what was written, for any spans (property)', () => {
    fc.assert(
      fc.property(arbCache(), (c) => {
        const before = JSON.stringify(c);
        const onDisk = JSON.parse(JSON.stringify(encodeCache(c))) as CacheFile;
        expect(JSON.stringify(c)).toBe(before); // the data in memory is not changed
        expect(JSON.stringify(decodeCache(onDisk))).toBe(before);
      }),
      { numRuns: 2000 },
    );
  });

  it('stores slices of the report as empty texts, and nothing else', () => {
    const t = '全市地区生产总值增长5.2%，增长5.2%。';
    const fig = (start: number, end: number, text: string): Finding => ({ type: 'figure', id: `f${start}`, origin: 'detector', data: { text, start, end, kind: 'percent', value: 5.2, value_to: null, unit: '%', approx: null, metric: null } });
    const c: CacheFile = { schemaVersion: 2, id: 'd', sha256: 'a', analyzer: 't', sliced: false, text: t, findings: [fig(10, 14, '5.2%'), fig(17, 21, '五点二')] };
    const disk = encodeCache(c);
    expect(disk.sliced).toBe(true);
    expect(disk.findings.map((f) => (f.data as { text: string }).text)).toEqual(['', '五点二']);
    // an empty text over a non-empty range would come back filled: then nothing is sliced
    const odd = { ...c, findings: [fig(10, 14, '')] };
    expect(encodeCache(odd)).toBe(odd);
  });
});
