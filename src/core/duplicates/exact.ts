import type { DocContext } from './context';
import { isSpace } from './codes';

/** Paragraphs shorter than this (folded, without whitespace) are not compared as paragraphs. */
export const PARAGRAPH_MIN = 20;

/** Folded code points of a paragraph without whitespace (what exact/near comparisons see). */
export function compareCodes(ctx: DocContext, para: number): Int32Array {
  const p = ctx.paragraphs[para];
  const out = new Int32Array(p.end - p.start);
  let n = 0;
  const folded = ctx.folded;
  // (whitespace told on the folded code: the same, see sameCodes)
  for (let i = p.start; i < p.end; i++) {
    const c = folded[i];
    if (!isSpace(c)) out[n++] = c;
  }
  return n === out.length ? out : out.slice(0, n);
}

/**
 * Whether paragraph `para`'s comparison codes (compareCodes) are `codes`, without building them.
 * (Whitespace is told on the folded code: folding turns U+3000 into a space and makes nothing
 * else whitespace or whitespace anything else, so isSpace(folded) is isSpace(code).)
 */
function sameCodes(ctx: DocContext, para: number, codes: Int32Array): boolean {
  const p = ctx.paragraphs[para];
  const folded = ctx.folded;
  let n = 0;
  for (let i = p.start; i < p.end; i++) {
    const c = folded[i];
    if (isSpace(c)) continue;
    if (n >= codes.length || c !== codes[n]) return false;
    n++;
  }
  return n === codes.length;
}

/** A hash and the length of a paragraph's comparison codes, without building them. */
function hashParagraph(folded: Int32Array, start: number, end: number, out: Int32Array, at: number): void {
  let h = 0;
  let len = 0;
  for (let k = start; k < end; k++) {
    const c = folded[k];
    if (isSpace(c)) continue;
    h = (Math.imul(h, 0x01000193) + c) | 0;
    len++;
  }
  out[at] = h;
  out[at + 1] = len;
}

/** exactGroups' keys, reused from one document to the next. */
let keyBuffer = new Int32Array(0);

/**
 * Groups of paragraphs equal after folding whitespace and full/half-width punctuation, each in
 * document order (the first is the original). Paragraphs are sorted by hash and length, and
 * those with equal keys compared (a hash collision only costs a comparison: paragraphs are in
 * one group only when their codes are equal); the codes are built only then.
 */
export function exactGroups(ctx: DocContext): number[][] {
  const paras = ctx.paragraphs;
  if (keyBuffer.length < paras.length * 2) keyBuffer = new Int32Array(paras.length * 2 + 256);
  const keys = keyBuffer;
  const candidates: number[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (p.end - p.start < PARAGRAPH_MIN) continue;
    hashParagraph(ctx.folded, p.start, p.end, keys, 2 * i);
    if (keys[2 * i + 1] >= PARAGRAPH_MIN) candidates.push(i);
  }
  candidates.sort((a, b) => keys[2 * a] - keys[2 * b] || keys[2 * a + 1] - keys[2 * b + 1] || a - b);
  const groups: number[][] = [];
  for (let r = 0; r < candidates.length; ) {
    // a run of equal keys, in document order
    let e = r + 1;
    const a = 2 * candidates[r];
    while (e < candidates.length && keys[2 * candidates[e]] === keys[a] && keys[2 * candidates[e] + 1] === keys[a + 1]) e++;
    if (e - r > 1) {
      const run: { codes: Int32Array; members: number[] }[] = [];
      for (let k = r; k < e; k++) {
        const i = candidates[k];
        // (the codes are built only for a paragraph that starts a group)
        let g = 0;
        while (g < run.length && !sameCodes(ctx, i, run[g].codes)) g++;
        if (g < run.length) run[g].members.push(i);
        else run.push({ codes: compareCodes(ctx, i), members: [i] });
      }
      for (const g of run) if (g.members.length > 1) groups.push(g.members);
    }
    r = e;
  }
  return groups.sort((a, b) => a[0] - b[0]);
}
