import type { DocContext } from './context';
import { isSpace } from './codes';

/** Paragraphs shorter than this (folded, without whitespace) are not compared as paragraphs. */
export const PARAGRAPH_MIN = 20;

/** Folded code points of a paragraph without whitespace (what exact/near comparisons see). */
export function compareCodes(ctx: DocContext, para: number): Int32Array {
  const p = ctx.paragraphs[para];
  const out = new Int32Array(p.end - p.start);
  let n = 0;
  for (let i = p.start; i < p.end; i++) if (!isSpace(ctx.codes[i])) out[n++] = ctx.folded[i];
  return n === out.length ? out : out.slice(0, n);
}

function sameCodes(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Groups of paragraphs equal after folding whitespace and full/half-width punctuation, each in
 * document order (the first is the original). Linear: paragraphs are bucketed by hash.
 */
export function exactGroups(ctx: DocContext): number[][] {
  const buckets = new Map<string, { codes: Int32Array | null; members: number[] }[]>();
  const { codes: raw, folded } = ctx;
  for (let i = 0; i < ctx.paragraphs.length; i++) {
    const p = ctx.paragraphs[i];
    if (p.end - p.start < PARAGRAPH_MIN) continue;
    // hash without allocating; the codes are built only when a bucket needs a comparison
    let h1 = 0;
    let h2 = 0;
    let len = 0;
    for (let k = p.start; k < p.end; k++) {
      if (isSpace(raw[k])) continue;
      h1 = (Math.imul(h1, 0x01000193) + folded[k]) | 0;
      h2 = (Math.imul(h2, 0x5bd1e995) + folded[k]) | 0;
      len++;
    }
    if (len < PARAGRAPH_MIN) continue;
    const key = `${h1}:${h2}:${len}`;
    const list = buckets.get(key);
    if (!list) {
      buckets.set(key, [{ codes: null, members: [i] }]);
      continue;
    }
    const codes = compareCodes(ctx, i);
    for (const g of list) g.codes ??= compareCodes(ctx, g.members[0]);
    const same = list.find((g) => sameCodes(g.codes as Int32Array, codes));
    if (same) same.members.push(i);
    else list.push({ codes, members: [i] });
  }
  const groups: number[][] = [];
  for (const list of buckets.values()) for (const g of list) if (g.members.length > 1) groups.push(g.members);
  return groups.sort((a, b) => a[0] - b[0]);
}
