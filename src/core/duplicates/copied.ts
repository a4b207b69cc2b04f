import type { DocContext } from './context';
import { IntList, IntMap } from './hash-index';

/** A shared run of characters: dst (later) copies src (earlier). Code point offsets. */
export interface Match {
  srcPara: number;
  srcStart: number;
  srcEnd: number;
  dstPara: number;
  dstStart: number;
  dstEnd: number;
}

/** A copied passage is a run of at least this many identical characters. */
export const COPY_MIN = 20;
/** fingerprint k-gram length and winnowing window: any shared run ≥ K + W - 1 = 20 is seen */
const K = 12;
const W = COPY_MIN - K + 1;

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Points a match's source at the first occurrence of its text: if the source lies inside the
 * copy side of an earlier match, it is that match's source (already canonical) shifted. Which
 * occurrence a fingerprint first met depends on winnowing near the run's edges, so without
 * this one passage repeated N times could be reported against several sources.
 */
function canonical(matches: Match[], m: Match): Match {
  // earlier matches have ascending, disjoint dst spans: binary search the last dstStart < srcEnd
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid].dstStart < m.srcEnd) lo = mid + 1;
    else hi = mid;
  }
  const prev = lo > 0 ? matches[lo - 1] : undefined;
  if (!prev || prev.dstPara !== m.srcPara) return m;
  const s = Math.max(m.srcStart, prev.dstStart);
  const e = Math.min(m.srcEnd, prev.dstEnd);
  // mostly inside an earlier copy (a character more or less at an edge): its source stands for it
  if (e - s < 0.8 * (m.srcEnd - m.srcStart)) return m;
  const shift = prev.srcStart - prev.dstStart;
  return { ...m, srcPara: prev.srcPara, srcStart: s + shift, srcEnd: e + shift };
}

/**
 * Maximal runs of ≥ 20 identical (folded) characters shared by two different paragraphs.
 * Winnowing picks ~2/(W+1) of the 12-gram fingerprints of each paragraph; each fingerprint
 * is looked up against its first occurrence; a hit in another paragraph is verified and
 * extended both ways. A match's extension never reaches back into text an earlier match of
 * the same scan already covers, so every character is extended over at most once: the whole
 * pass is linear in the text, and a passage repeated N times gives N − 1 matches against its
 * first occurrence (which the caller groups), never N² pairs.
 */
export function findCopies(ctx: DocContext, paragraphs: number[]): Match[] {
  const { folded } = ctx;
  const paras = ctx.paragraphs;
  let maxLen = 0;
  for (const i of paragraphs) maxLen = Math.max(maxLen, paras[i].end - paras[i].start);
  const hashes = new Int32Array(Math.max(0, maxLen - K + 1));
  const deque = new Int32Array(hashes.length + 1);
  let total = 0;
  for (const i of paragraphs) total += paras[i].end - paras[i].start;
  // winnowing keeps about 2/(W+1) of the positions
  const firstAt = new IntMap(Math.max(1024, Math.ceil(total / 4)));
  const posOf = new IntList();
  const paraOf = new IntList();
  const matches: Match[] = [];
  let coverEnd = -1;

  for (const pi of paragraphs) {
    const { start: ps, end: pe } = paras[pi];
    const m = pe - ps - K + 1;
    if (pe - ps < COPY_MIN) continue;
    // k-gram hashes (mixed) of this paragraph
    let h = 0;
    let pow = 1;
    const B = 0x01000193;
    for (let i = 0; i < K; i++) pow = Math.imul(pow, B);
    for (let i = ps; i < ps + K; i++) h = (Math.imul(h, B) + folded[i]) | 0;
    hashes[0] = fmix(h);
    for (let j = 1; j < m; j++) {
      h = (Math.imul(h, B) + folded[ps + j + K - 1] - Math.imul(pow, folded[ps + j - 1])) | 0;
      hashes[j] = fmix(h);
    }
    // winnowing: the rightmost minimum of every window of W hashes
    let head = 0;
    let tail = 0;
    let last = -1;
    for (let j = 0; j < m; j++) {
      while (tail > head && hashes[deque[tail - 1]] >= hashes[j]) tail--;
      deque[tail++] = j;
      if (deque[head] <= j - W) head++;
      if (j < W - 1) continue;
      const sel = deque[head];
      if (sel === last) continue;
      last = sel;
      const p = ps + sel;
      const key = hashes[sel];
      const id = firstAt.setIfAbsent(key, posOf.length);
      if (id === posOf.length) {
        posOf.push(p);
        paraOf.push(pi);
        continue;
      }
      const qi = paraOf.data[id];
      if (qi === pi || p < coverEnd) continue;
      const q = posOf.data[id];
      let ok = true;
      for (let k = 0; k < K; k++) if (folded[p + k] !== folded[q + k]) { ok = false; break; }
      if (!ok) continue;
      const qs = paras[qi].start;
      const qe = paras[qi].end;
      const low = Math.max(ps, coverEnd);
      let a = p;
      let b = q;
      while (a > low && b > qs && folded[a - 1] === folded[b - 1]) { a--; b--; }
      let e = p + K;
      let f = q + K;
      while (e < pe && f < qe && folded[e] === folded[f]) { e++; f++; }
      if (e - a < COPY_MIN) continue;
      matches.push(canonical(matches, { srcPara: qi, srcStart: b, srcEnd: f, dstPara: pi, dstStart: a, dstEnd: e }));
      coverEnd = e;
    }
  }
  return matches;
}
