// repeated_word's one-pass square runs (bench/analyze) against the pass per unit length they
// replace: the same runs, in the same order, for every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHan } from './codes';
import { MAX_UNIT, periodicUnit, runs } from './repeated-word';

/** One pass per unit length, as first written. */
function runsPlain(codes: Int32Array): { first: number; last: number; len: number }[] {
  const n = codes.length;
  const out: { first: number; last: number; len: number }[] = [];
  for (let u = 1; u <= MAX_UNIT; u++) {
    let count = 0;
    for (let j = 0; j <= n - u; j++) {
      if (j + u < n && codes[j] === codes[j + u] && isHan(codes[j])) {
        count++;
        continue;
      }
      if (count >= u && count < 2 * u) {
        const first = j - count;
        if (!periodicUnit(codes, first, u)) out.push({ first, last: j - u, len: u });
      }
      count = 0;
    }
  }
  return out;
}

// a small alphabet, and units of 1-4 of its characters written once to three times, so that
// doubled runs of every length are frequent, at the start, the end and side by side
const symbol = fc.constantFrom(...Array.from('审计会议的是哈ab1，', (c) => c.codePointAt(0)!), 0x20000);
const piece = fc.oneof(fc.array(symbol, { minLength: 1, maxLength: 3 }), fc.tuple(fc.array(symbol, { minLength: 1, maxLength: 4 }), fc.integer({ min: 2, max: 3 })).map(([unit, times]) => Array<number[]>(times).fill(unit).flat()));
const codes = fc.array(piece, { maxLength: 20 }).map((a) => Int32Array.from(a.flat()));

describe('repeated_word square runs', () => {
  it('one pass finds the runs of the pass per unit length', () => {
    fc.assert(fc.property(codes, (c) => {
        expect(runs(c)).toEqual(runsPlain(c));
      }), { numRuns: 5000 });
  });

  it('finds a doubled word and leaves a tripled one', () => {
    const of = (s: string): Int32Array => Int32Array.from(Array.from(s, (ch) => ch.codePointAt(0)!));
    expect(runs(of('开展审计审计工作'))).toEqual([{ first: 2, last: 2, len: 2 }]);
    expect(runs(of('哈哈哈'))).toEqual([]);
  });
});
