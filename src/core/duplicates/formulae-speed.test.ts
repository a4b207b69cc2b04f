// findFormulae's filters (first code point, then first two) against the plain search they speed
// up: the same hits, in the same order, for every input — formulae sharing a first code point,
// one-code-point formulae (the pair filter is then off), formulae at a paragraph's last places.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFormulae, indexFormulae, shippedFormulae } from './formulae';
import { foldText } from './codes';

/** The longest formula starting at each position, by trying every formula there. */
function findPlain(folded: Int32Array, from: number, to: number, formulae: Int32Array[]): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    let best = 0;
    for (const f of formulae) {
      if (i + f.length > to || f.length <= best) continue;
      let k = 0;
      while (k < f.length && folded[i + k] === f[k]) k++;
      if (k === f.length) best = f.length;
    }
    if (best) out.push(i, i + best);
  }
  return out;
}

const findFast = (folded: Int32Array, from: number, to: number, formulae: Int32Array[]): number[] => {
  const out: number[] = [];
  findFormulae(folded, from, to, indexFormulae(formulae), (s, e) => out.push(s, e));
  return out;
};

// a small alphabet (two code points 0x10000 apart share the first bitmap's slot)
const ALPHABET = [0x5168, 0x5728, 0x4eba, 0x5b66, 0x4e60, 0x15168, 0x2c, 0x20];
const code = fc.constantFrom(...ALPHABET);
const formula = (min: number) => fc.array(code, { minLength: min, maxLength: 5 }).map((a) => Int32Array.from(a));

describe('findFormulae filters', () => {
  it('finds what trying every formula at every position finds (formulae of two or more)', () => {
    fc.assert(
      fc.property(fc.array(formula(2), { minLength: 1, maxLength: 8 }), fc.array(code, { maxLength: 60 }), fc.nat(), fc.nat(), (formulae, text, a, b) => {
        const folded = Int32Array.from(text);
        const from = folded.length ? a % folded.length : 0;
        const to = from + (folded.length - from ? b % (folded.length - from + 1) : 0);
        expect(findFast(folded, from, to, formulae)).toEqual(findPlain(folded, from, to, formulae));
      }),
      { numRuns: 3000 },
    );
  });

  it('with a one-code-point formula among them', () => {
    fc.assert(
      fc.property(fc.array(formula(1), { minLength: 1, maxLength: 8 }), fc.array(code, { maxLength: 60 }), (formulae, text) => {
        const folded = Int32Array.from(text);
        expect(findFast(folded, 0, folded.length, formulae)).toEqual(findPlain(folded, 0, folded.length, formulae));
      }),
      { numRuns: 2000 },
    );
  });

  it('the shipped formulae in prose: each found where it stands, a shortened one nowhere', () => {
    const shipped = shippedFormulae();
    const prose = foldText('今年以来，全市上下在省委坚强领导下，人民群众获得感增强。');
    for (const f of shipped) {
      const text = Int32Array.from([...prose, ...f, ...prose]);
      expect(findFast(text, 0, text.length, shipped)).toEqual(findPlain(text, 0, text.length, shipped));
      expect(findFast(text, 0, text.length, shipped)).toContain(prose.length);
      const cut = Int32Array.from([...prose, ...f.subarray(0, f.length - 1)]);
      expect(findFast(cut, 0, cut.length, shipped)).toEqual(findPlain(cut, 0, cut.length, shipped));
    }
  });
});
