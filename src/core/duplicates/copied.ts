import type { DocContext } from './context';

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
  return { srcPara: prev.srcPara, srcStart: s + shift, srcEnd: e + shift, dstPara: m.dstPara, dstStart: m.dstStart, dstEnd: m.dstEnd };
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
  const paras = ctx.paragraphs;
  let maxLen = 0;
  let total = 0;
  for (const i of paragraphs) {
    const len = paras[i].end - paras[i].start;
    maxLen = Math.max(maxLen, len);
    total += len;
  }
  const finder = new CopyFinder(ctx, maxLen, total);
  for (const pi of paragraphs) finder.paragraph(pi);
  return finder.matches;
}

const B = 0x01000193;
/** B^K */
const POW = ((): number => {
  let p = 1;
  for (let i = 0; i < K; i++) p = Math.imul(p, B);
  return p;
})();

/** findCopies' state; `paragraph` takes the paragraphs in document order. */
class CopyFinder {
  readonly matches: Match[] = [];
  private readonly hashes: Int32Array;
  /** first occurrence of each fingerprint: winnowing keeps about 2/(W+1) of the positions */
  private readonly firstAt: FirstSeen;
  private coverEnd = -1;

  constructor(
    private readonly ctx: DocContext,
    maxLen: number,
    total: number,
  ) {
    this.hashes = new Int32Array(Math.max(0, maxLen - K + 1));
    this.firstAt = new FirstSeen(Math.max(1024, Math.ceil(total / 5)));
  }

  paragraph(pi: number): void {
    const { folded } = this.ctx;
    const { start: ps, end: pe } = this.ctx.paragraphs[pi];
    if (pe - ps < COPY_MIN) return;
    const hashes = this.hashes;
    const m = pe - ps - K + 1;
    // k-gram hashes (mixed) of this paragraph, and winnowing as they come: the rightmost
    // minimum of every window of W hashes (its value kept in a local)
    let h = 0;
    for (let i = ps; i < ps + K; i++) h = (Math.imul(h, B) + folded[i]) | 0;
    let min = 0; // the rightmost minimum of the window
    let minHash = fmix(h);
    hashes[0] = minHash;
    let last = -1;
    for (let j = 1; j < m; j++) {
      h = (Math.imul(h, B) + folded[ps + j + K - 1] - Math.imul(POW, folded[ps + j - 1])) | 0;
      const hj = fmix(h);
      hashes[j] = hj;
      if (hj <= minHash) {
        min = j;
        minHash = hj;
      } else if (min <= j - W) {
        // the minimum left the window: find the window's rightmost minimum
        min = j - W + 1;
        minHash = hashes[min];
        for (let k = min + 1; k <= j; k++) {
          const v = hashes[k];
          if (v <= minHash) {
            min = k;
            minHash = v;
          }
        }
      }
      if (j < W - 1 || min === last) continue;
      last = min;
      const p = ps + min;
      const at = this.firstAt.claim(minHash, p);
      if (at >= 0) this.hit(pi, p, at);
    }
  }

  /** Index of the paragraph holding code point offset q. */
  private paragraphAt(q: number): number {
    const ps = this.ctx.paragraphs;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid].start <= q) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A fingerprint at p (paragraph pi) seen before: verify, extend both ways, record. */
  private hit(pi: number, p: number, at: number): void {
    const q = this.firstAt.posAt(at);
    const qi = this.paragraphAt(q);
    if (qi === pi || p < this.coverEnd) return;
    const { folded, paragraphs } = this.ctx;
    for (let k = 0; k < K; k++) if (folded[p + k] !== folded[q + k]) return;
    const ps = paragraphs[pi].start;
    const pe = paragraphs[pi].end;
    const qs = paragraphs[qi].start;
    const qe = paragraphs[qi].end;
    const low = Math.max(ps, this.coverEnd);
    let a = p;
    let b = q;
    while (a > low && b > qs && folded[a - 1] === folded[b - 1]) { a--; b--; }
    let e = p + K;
    let f = q + K;
    while (e < pe && f < qe && folded[e] === folded[f]) { e++; f++; }
    if (e - a < COPY_MIN) return;
    this.matches.push(canonical(this.matches, { srcPara: qi, srcStart: b, srcEnd: f, dstPara: pi, dstStart: a, dstEnd: e }));
    this.coverEnd = e;
  }
}

/**
 * Fingerprint → where it first stood: open addressing on one typed array, [fingerprint,
 * position + 1] per slot (position + 1 = 0: empty). The fingerprints are already mixed, so
 * their low bits index the table directly.
 */
class FirstSeen {
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** Records pos under key unless the key is known: -1 if new, else the known slot. */
  claim(key: number, pos: number): number {
    const slots = this.slots;
    let i = key & this.mask;
    for (;;) {
      const at = i << 1;
      if (slots[at + 1] === 0) {
        slots[at] = key;
        slots[at + 1] = pos + 1;
        if (++this.size * 2 > this.mask + 1) this.grow();
        return -1;
      }
      if (slots[at] === key) return at;
      i = (i + 1) & this.mask;
    }
  }

  posAt(at: number): number {
    return this.slots[at + 1] - 1;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let i = old[at] & this.mask;
      while (this.slots[(i << 1) + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[i << 1] = old[at];
      this.slots[(i << 1) + 1] = old[at + 1];
    }
  }
}
