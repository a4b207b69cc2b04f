import type { DocContext } from './context';
import { compareCodes } from './exact';
import { forEachGram } from './rolling';

export const NEAR_N = 5;
export const NEAR_MIN_SIMILARITY = 0.8;

/** Sorted distinct hashes of the character 5-grams of a paragraph (folded, no whitespace). */
export function gramSetOf(ctx: DocContext, para: number): Int32Array {
  const codes = compareCodes(ctx, para);
  const sorted = new Int32Array(Math.max(0, codes.length - NEAR_N + 1));
  forEachGram(codes, 0, codes.length, NEAR_N, (p, h1) => { sorted[p] = h1; });
  sorted.sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

/** Jaccard similarity of two sorted distinct hash sets. */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (!a.length && !b.length) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** Caches gram sets and similarities of the paragraph pairs a detector asks about. */
export class NearIndex {
  private readonly sets = new Map<number, Int32Array>();
  private readonly sims = new Map<string, number>();
  constructor(private readonly ctx: DocContext) {}

  private setOf(para: number): Int32Array {
    let s = this.sets.get(para);
    if (!s) {
      s = gramSetOf(this.ctx, para);
      this.sets.set(para, s);
    }
    return s;
  }

  similarity(x: number, y: number): number {
    const key = x < y ? `${x}:${y}` : `${y}:${x}`;
    let s = this.sims.get(key);
    if (s === undefined) {
      s = jaccard(this.setOf(x), this.setOf(y));
      this.sims.set(key, s);
    }
    return s;
  }
}
