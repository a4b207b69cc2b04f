import formulaeFile from '../../../resources/boilerplate/formulae.json';
import { foldCode, isSpace, toCodes } from './codes';

/** Standard formulae shipped with the app, folded, as code point arrays. */
let cache: Int32Array[] | null = null;

export const FORMULA_MIN = 10;

export function shippedFormulae(): Int32Array[] {
  if (!cache) cache = foldFormulae((formulaeFile as { formulae: string[] }).formulae);
  return cache;
}

export function foldFormulae(list: string[]): Int32Array[] {
  const out: Int32Array[] = [];
  for (const f of list) {
    const codes = Array.from(toCodes(f)).filter((c) => !isSpace(c)).map(foldCode);
    if (codes.length >= FORMULA_MIN) out.push(Int32Array.from(codes));
  }
  return out;
}

export interface FormulaIndex {
  byFirst: Map<number, Int32Array[]>;
  /** bit set (32 per word) where some formula starts with a code point of these low 16 bits (8 KB: stays in the first-level cache) */
  bitmap: Int32Array;
  /**
   * bit set at pairSlot(first, second) of every formula's first two code points (a second filter: a
   * first code point such as 全 or 在 is common in prose, a formula's first two together are
   * not); null when some formula is shorter than two code points.
   */
  pairs: Int32Array | null;
}

/** Slot of two consecutive code points in FormulaIndex.pairs. */
function pairSlot(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> 16;
}

export function indexFormulae(formulae: Int32Array[]): FormulaIndex {
  const byFirst = new Map<number, Int32Array[]>();
  let pairs: Int32Array | null = new Int32Array(0x800);
  for (const f of formulae) {
    const list = byFirst.get(f[0]);
    if (list) list.push(f);
    else byFirst.set(f[0], [f]);
    if (f.length < 2) pairs = null;
    else if (pairs) {
      const slot = pairSlot(f[0], f[1]);
      pairs[slot >>> 5] |= 1 << (slot & 31);
    }
  }
  const bitmap = new Int32Array(0x800);
  for (const c of byFirst.keys()) bitmap[(c & 0xffff) >>> 5] |= 1 << (c & 31);
  return { byFirst, bitmap, pairs };
}

/**
 * Calls hit(start, end) for the longest formula starting at each position of folded[from, to)
 * (one array read per position thanks to the first-code-point bitmap, a second for the few
 * positions it lets through: the bitmap of first two code points).
 */
export function findFormulae(folded: Int32Array, from: number, to: number, index: FormulaIndex, hit: (start: number, end: number) => void): void {
  const { byFirst, bitmap, pairs } = index;
  if (!byFirst.size) return;
  for (let i = from; i < to; i++) {
    const c = folded[i];
    if (((bitmap[(c & 0xffff) >>> 5] >>> (c & 31)) & 1) === 0) continue;
    // (every formula then has two code points or more: none fits at the last position)
    if (pairs) {
      if (i + 1 >= to) continue;
      const slot = pairSlot(c, folded[i + 1]);
      if (((pairs[slot >>> 5] >>> (slot & 31)) & 1) === 0) continue;
    }
    const list = byFirst.get(c);
    if (!list) continue;
    let best = 0;
    for (const f of list) {
      if (i + f.length > to || f.length <= best) continue;
      let k = 1;
      while (k < f.length && folded[i + k] === f[k]) k++;
      if (k === f.length) best = f.length;
    }
    if (best) hit(i, i + best);
  }
}

let patternCache: RegExp[] | null = null;

/** The shipped formula templates (a place name varies inside a fixed formula). */
export function shippedPatterns(): RegExp[] {
  if (!patternCache) patternCache = ((formulaeFile as { patterns?: string[] }).patterns ?? []).map((p) => new RegExp(p, 'gu'));
  return patternCache;
}

/** Code point intervals [s0,e0,s1,e1,…] where a formula template matches the text. */
export function patternHits(text: string, toCp: (u: number) => number): number[] {
  const out: number[] = [];
  for (const re of shippedPatterns()) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push(toCp(m.index), toCp(m.index + m[0].length));
    }
  }
  return out;
}

let joinedCache: string | null = null;

/** True if the folded code points are a piece of some shipped formula. */
export function isPieceOfFormula(folded: Int32Array, start: number, end: number): boolean {
  if (joinedCache === null) joinedCache = shippedFormulae().map((f) => String.fromCodePoint(...f)).join('\u0000');
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCodePoint(folded[i]);
  return joinedCache.includes(s);
}
