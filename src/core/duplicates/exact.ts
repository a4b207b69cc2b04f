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

/** Whether paragraph `para`'s comparison codes (compareCodes) are `codes`, without building them. */
function sameCodes(ctx: DocContext, para: number, codes: Int32Array): boolean {
  const p = ctx.paragraphs[para];
  const raw = ctx.codes;
  const folded = ctx.folded;
  let n = 0;
  for (let i = p.start; i < p.end; i++) {
    if (isSpace(raw[i])) continue;
    if (n >= codes.length || folded[i] !== codes[n]) return false;
    n++;
  }
  return n === codes.length;
}

/** Two hashes and the length of a paragraph's comparison codes, without building them. */
function hashParagraph(raw: Int32Array, folded: Int32Array, start: number, end: number, out: Int32Array, at: number): void {
  let h1 = 0;
  let h2 = 0;
  let len = 0;
  for (let k = start; k < end; k++) {
    if (isSpace(raw[k])) continue;
    h1 = (Math.imul(h1, 0x01000193) + folded[k]) | 0;
    h2 = (Math.imul(h2, 0x5bd1e995) + folded[k]) | 0;
    len++;
  }
  out[at] = h1;
  out[at + 1] = h2;
  out[at + 2] = len;
}

/**
 * Groups of paragraphs equal after folding whitespace and full/half-width punctuation, each in
 * document order (the first is the original). Paragraphs are sorted by hash, and those with
 * equal hashes compared; the codes are built only then.
 */
export function exactGroups(ctx: DocContext): number[][] {
  const paras = ctx.paragraphs;
  const keys = new Int32Array(paras.length * 3);
  const candidates: number[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (p.end - p.start < PARAGRAPH_MIN) continue;
    hashParagraph(ctx.codes, ctx.folded, p.start, p.end, keys, 3 * i);
    if (keys[3 * i + 2] >= PARAGRAPH_MIN) candidates.push(i);
  }
  candidates.sort((a, b) => keys[3 * a] - keys[3 * b] || keys[3 * a + 1] - keys[3 * b + 1] || keys[3 * a + 2] - keys[3 * b + 2] || a - b);
  const groups: number[][] = [];
  for (let r = 0; r < candidates.length; ) {
    // a run of equal hashes, in document order
    let e = r + 1;
    const a = 3 * candidates[r];
    while (e < candidates.length && keys[3 * candidates[e]] === keys[a] && keys[3 * candidates[e] + 1] === keys[a + 1] && keys[3 * candidates[e] + 2] === keys[a + 2]) e++;
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
