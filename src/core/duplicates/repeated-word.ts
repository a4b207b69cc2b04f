import type { DocContext } from './context';
import { isHan } from './codes';
import { lexicon, type Lexicon } from './lexicon';

/** A doubled unit: [start, start+len) repeated at [start+len, start+2len). Code points. */
export interface Repeat {
  start: number;
  len: number;
}

export const MAX_UNIT = 8;

const ch = (c: number): string => String.fromCodePoint(c);

/**
 * Where each character (by its low 16 bits) last stood, as `stamp + position`: kept between
 * documents, each document's stamps lie above every earlier one's, so stale entries read as
 * far away.
 */
const lastSeen = new Int32Array(0x10000);
let stamp = 0;

/**
 * Squares (a unit of 1..MAX_UNIT code points written twice in a row) made of Han characters,
 * left to right, longest unit first, not overlapping. One pass: a Han position j whose
 * character stood less than MAX_UNIT before looks back at those positions.
 */
function squares(codes: Int32Array): Repeat[] {
  const n = codes.length;
  if (stamp > 0x3fffffff - n - 2 * MAX_UNIT) {
    lastSeen.fill(0);
    stamp = 0;
  }
  const base = stamp + MAX_UNIT + 1;
  stamp = base + n;
  let best: Uint8Array | null = null; // start → longest unit (0: none)
  for (let j = 0; j < n; j++) {
    const c = codes[j];
    if (c < 0x3400 || !isHan(c)) continue;
    const key = c & 0xffff;
    const prev = lastSeen[key] - base;
    lastSeen[key] = base + j;
    if (j - prev > MAX_UNIT) continue;
    // a square with unit u = j - k starts at k if codes[k, j) equals codes[j, j + u)
    const lowest = Math.max(0, j - MAX_UNIT, 2 * j - n);
    for (let k = j - 1; k >= lowest; k--) {
      if (codes[k] !== c) continue;
      const u = j - k;
      let m = 1;
      while (m < u && codes[k + m] === codes[j + m] && isHan(codes[k + m])) m++;
      if (m === u) {
        best ??= new Uint8Array(n);
        if (u > best[k]) best[k] = u;
      }
    }
  }
  const out: Repeat[] = [];
  if (!best) return out;
  let free = 0;
  for (let s = 0; s < n; s++) {
    const len = best[s];
    if (len === 0 || s < free) continue;
    out.push({ start: s, len });
    free = s + 2 * len;
  }
  return out;
}

/**
 * Words written twice in a row by mistake (审计审计, 情况情况) and doubled single characters that
 * form no word (人民日报报等). Conservative by design:
 * - only Han characters, no numerals (十五五, 一个一个), no legitimate reduplication (时时, 常常,
 *   研究研究; lexicon AA/ABAB words), no half of an AABB word (的的确确, 家家户户);
 * - a doubled standalone word (的, 了, 是…) is flagged unless the character before forms a word
 *   with the first (目的的) or the second starts a word with the character after (了了解);
 * - another doubled single character X is flagged only if
 *   the character before forms a word with the first X (日报), and the second X starts no word
 *   with the character after (报等) — neither in the lexicon nor elsewhere in the document (so
 *   学习习近平 and 人民民主 pass, also in Traditional text where 習近平 recurs);
 * - a doubled unit of two or more characters must start with a word (lexicon, or the unit recurs
 *   elsewhere in the document, for Traditional text).
 */
export function findRepeats(ctx: DocContext, lex: Lexicon = lexicon()): Repeat[] {
  const codes = ctx.codes;
  const n = codes.length;
  const out: Repeat[] = [];
  const single: number[] = [];
  for (const { start: i, len: found } of squares(codes)) {
    const c = codes[i];
    const unitCodes = Array.from(codes.subarray(i, i + found));
    if (!unitCodes.every(isHan)) continue;
    const unit = String.fromCodePoint(...unitCodes);
    if (unitCodes.some((x) => lex.isNumeral(ch(x))) || lex.isLegitRedup(unit)) continue;
    if (found === 1) {
      // runs of three or more (哈哈哈) are style
      if ((i > 0 && codes[i - 1] === c) || (i + 2 < n && codes[i + 2] === c)) continue;
      // AABB (的的确确, 家家户户, 清清楚楚): half of a reduplicated four-character word
      if ((i >= 2 && codes[i - 2] === codes[i - 1]) || (i + 3 < n && codes[i + 2] === codes[i + 3])) continue;
      single.push(i);
      continue;
    }
    out.push({ start: i, len: found });
  }
  // a unit outside the lexicon counts as a word if it stands elsewhere, undoubled (one pass)
  const unknown = out.filter((r) => !unitInLexicon(ctx, r, lex));
  const recurring = recurs(ctx.codes, unknown);
  const multi = out.filter((r) => !lex.isStandalone(ch(ctx.codes[r.start])) && (unitInLexicon(ctx, r, lex) || recurring.has(r)));
  const singles = checkSingles(ctx, single, lex);
  return [...multi, ...singles].sort((a, b) => a.start - b.start);
}

function unitInLexicon(ctx: DocContext, r: Repeat, lex: Lexicon): boolean {
  const x = ch(ctx.codes[r.start]);
  const y = ch(ctx.codes[r.start + 1]);
  return r.len === 2 ? lex.isWord2(x, y) : lex.startsWord(x, y);
}

/**
 * Which repeats' units stand somewhere else in the text (outside the doubled site itself)?
 * One pass over the text, prefiltered by a bitmap of the units' first code points.
 */
function recurs(codes: Int32Array, repeats: Repeat[]): Set<Repeat> {
  const found = new Set<Repeat>();
  if (!repeats.length) return found;
  const byFirst = new Map<number, Repeat[]>();
  const bitmap = new Uint8Array(0x10000);
  for (const r of repeats) {
    const c = codes[r.start];
    bitmap[c & 0xffff] = 1;
    const list = byFirst.get(c);
    if (list) list.push(r);
    else byFirst.set(c, [r]);
  }
  for (let j = 0; j < codes.length; j++) {
    if (!bitmap[codes[j] & 0xffff]) continue;
    const list = byFirst.get(codes[j]);
    if (!list) continue;
    for (const r of list) {
      if (found.has(r) || j === r.start || j === r.start + r.len || j + r.len > codes.length) continue;
      let k = 1;
      while (k < r.len && codes[j + k] === codes[r.start + k]) k++;
      if (k === r.len) found.add(r);
    }
  }
  return found;
}

function checkSingles(ctx: DocContext, sites: number[], lex: Lexicon): Repeat[] {
  const codes = ctx.codes;
  const candidates: number[] = [];
  const particles: Repeat[] = [];
  for (const i of sites) {
    const x = ch(codes[i]);
    if (i === 0 || i + 2 >= codes.length) continue;
    if (lex.isStandalone(x)) {
      // 情况的的报告: a doubled particle is a slip unless a word takes one of the two (目的的,
      // 了了解); legitimate doubles (等等, 每每) were left out before
      const before = codes[i - 1];
      const after = codes[i + 2];
      if (isHan(before) && lex.isWord2(ch(before), x)) continue;
      if (isHan(after) && lex.startsWord(x, ch(after))) continue;
      particles.push({ start: i, len: 1 });
      continue;
    }
    const prev = codes[i - 1];
    const next = codes[i + 2];
    if (!isHan(prev) || !lex.isWord2(ch(prev), x)) continue;
    if (isHan(next) && lex.startsWord(x, ch(next))) continue;
    candidates.push(i);
  }
  if (!candidates.length) return particles;
  // does "X next" stand elsewhere in the document? one pass, prefiltered by a bitmap of the Xs
  const found = new Uint8Array(candidates.length);
  for (const i of candidates) FIRSTS[codes[i] & 0xffff] = 1;
  for (let j = 0; j + 1 < codes.length; j++) {
    if (!FIRSTS[codes[j] & 0xffff]) continue;
    if (j > 0 && codes[j - 1] === codes[j]) continue; // the doubled site itself
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k];
      if (codes[i] === codes[j] && codes[i + 2] === codes[j + 1]) found[k] = 1;
    }
  }
  for (const i of candidates) FIRSTS[codes[i] & 0xffff] = 0;
  const out: Repeat[] = particles;
  for (let k = 0; k < candidates.length; k++) if (!found[k]) out.push({ start: candidates[k], len: 1 });
  return out.sort((a, b) => a.start - b.start);
}

/** Scratch bitmap by low 16 bits of a code point, all zero between uses. */
const FIRSTS = new Uint8Array(0x10000);
