import type { DocContext } from './context';
import { isHan } from './codes';
import { lexicon, type Lexicon } from './lexicon';

/**
 * A doubled unit: [start, start+len) repeated at [start+len, start+2len), code points. In
 * letter-spaced text (審 計 審 計) the two halves stand at `a` and `b` (spaces between their
 * characters), where they differ from those.
 */
export interface Repeat {
  start: number;
  len: number;
  a?: { start: number; end: number };
  b?: { start: number; end: number };
}

/** Longest unit looked at: a cursor slip doubles a run of one to four characters. */
export const MAX_UNIT = 4;

const ch = (c: number): string => String.fromCodePoint(c);

/**
 * A run of Han text with period `len` that holds its unit exactly twice (not three times: 哈哈哈,
 * 的重要的重要的重要 are style or structure, not a slip): the phases where a square can start
 * are `first` … `last` (fewer than `len` of them).
 */
interface Run {
  first: number;
  last: number;
  len: number;
}

/**
 * Squares (a unit of 1..MAX_UNIT Han characters written twice in a row), grouped by run.
 * Linear: one pass counts, for each unit length u, how many positions in a row have
 * codes[j] = codes[j + u]; a maximal count c ≥ u means a run of length c + u with period u.
 * (The pass is written out for MAX_UNIT = 4.)
 * Runs three units long or more are dropped, and so are units that are themselves periodic
 * (会会|会会 is a run of 会).
 */
export function runs(codes: Int32Array): Run[] {
  const n = codes.length;
  const byLen: Run[][] = [[], [], [], []];
  // positions [j - count, j) matched their partner u further on: period u over [j - count, j + u)
  const flush = (u: number, count: number, j: number): void => {
    if (count < u || count >= 2 * u) return;
    const first = j - count;
    if (!periodicUnit(codes, first, u)) byLen[u - 1].push({ first, last: j - u, len: u });
  };
  // one pass for the four unit lengths, counting for each how many positions in a row match
  // (most positions match none and nothing is being counted: passed over at once)
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let c4 = 0;
  const fast = n - MAX_UNIT;
  for (let j = 0; j < n; j++) {
    const c = codes[j];
    if (j < fast && (c1 | c2 | c3 | c4) === 0 && c !== codes[j + 1] && c !== codes[j + 2] && c !== codes[j + 3] && c !== codes[j + 4]) continue;
    const han = isHan(c);
    if (han && j + 1 < n && c === codes[j + 1]) c1++;
    else if (c1) { flush(1, c1, j); c1 = 0; }
    if (han && j + 2 < n && c === codes[j + 2]) c2++;
    else if (c2) { flush(2, c2, j); c2 = 0; }
    if (han && j + 3 < n && c === codes[j + 3]) c3++;
    else if (c3) { flush(3, c3, j); c3 = 0; }
    if (han && j + 4 < n && c === codes[j + 4]) c4++;
    else if (c4) { flush(4, c4, j); c4 = 0; }
  }
  // by unit length, then left to right
  return byLen[0].concat(byLen[1], byLen[2], byLen[3]);
}

/** Does the unit codes[s, s + u) repeat a shorter unit (会会, 研究研究)? */
export function periodicUnit(codes: Int32Array, s: number, u: number): boolean {
  for (let p = 1; p < u; p++) {
    if (u % p) continue;
    let k = p;
    while (k < u && codes[s + k] === codes[s + k - p]) k++;
    if (k === u) return true;
  }
  return false;
}

/**
 * Runs of one to four characters written twice in a row by mistake (ANNOTATION-GUIDE §2): a
 * dictionary word (审计审计, 情况情况) or not (的重要的重要, 会议召会议召) — a cursor slip doubles
 * any run — and doubled single characters that form no word (人民日报报等). Conservative by
 * design, a wrong finding being worse than a missed one:
 * - only Han characters (numbers 11, 2020, Latin and punctuation never), tripled runs (哈哈哈)
 *   never, nor a unit with a numeral (一一, 一个一个, 一年一年, 三三两两, 十五五, 高校一校一策);
 * - legitimate reduplication never: AA (时时, 常常, 人人, 节节), ABAB (研究研究, 雪白雪白,
 *   非常非常), AABB halves (的的确确, 是是非非, 家家户户);
 * - two or more characters: a doubled word beside a longer word that contains it is two words
 *   side by side (博士博士后, 大学生学生会), and a unit that is no word must not be cut from a
 *   word on either side in another phase;
 * - one character: see checkSingles.
 * Linear in the text (one pass per unit length, hashing for the look-ups elsewhere).
 */
export function findRepeats(ctx: DocContext, lex: Lexicon = lexicon()): Repeat[] {
  const spaced = letterSpacedGaps(ctx.codes);
  if (!spaced) return findIn(ctx.codes, lex);
  // letter-spaced lines (PDF text layers): look for squares with their spaces taken out, and
  // map each back to the two halves as they stand
  const n = ctx.codes.length;
  const keepAll = new Int32Array(n);
  const compactAll = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (spaced[i]) continue;
    keepAll[m] = i;
    compactAll[m++] = ctx.codes[i];
  }
  const keep = keepAll.subarray(0, m);
  const compact = compactAll.subarray(0, m);
  return findIn(compact, lex).map((r) => {
    const a = { start: keep[r.start], end: keep[r.start + r.len - 1] + 1 };
    const b = { start: keep[r.start + r.len], end: keep[r.start + 2 * r.len - 1] + 1 };
    return a.end === b.start && a.end - a.start === r.len ? { start: a.start, len: r.len } : { start: a.start, len: r.len, a, b };
  });
}

/** Gaps between Han characters in a letter-spaced line: at least this many single spaces… */
const SPACED_MIN = 4;
/** …and this share of the places where two Han characters meet (as for the letter-spacing defect). */
const SPACED_SHARE = 0.6;

/**
 * The single spaces between two Han characters in letter-spaced lines (坚 持 党 的 领 导), by
 * code point offset, or null when the text has none. One pass.
 */
function letterSpacedGaps(codes: Int32Array): Uint8Array | null {
  const n = codes.length;
  let out: Uint8Array | null = null;
  let lineStart = 0;
  let spaced = 0;
  let joined = 0;
  // the next space (-1: none further on): a line without one has no spaced gap and is passed
  // over without looking at its characters
  let nextSpace = codes.indexOf(0x20);
  if (nextSpace < 0) return null;
  for (let i = 0; i <= n; i++) {
    if (i === lineStart && i < n) {
      if (nextSpace >= 0 && nextSpace < i) nextSpace = codes.indexOf(0x20, i);
      let lineEnd = codes.indexOf(0x0a, i);
      if (lineEnd < 0) lineEnd = n;
      if (nextSpace < 0 || nextSpace >= lineEnd) {
        // spaced and joined are 0 here: the line ends with nothing counted
        lineStart = lineEnd + 1;
        i = lineEnd;
        continue;
      }
    }
    if (i === n || codes[i] === 0x0a) {
      if (spaced >= SPACED_MIN && spaced >= SPACED_SHARE * (spaced + joined)) {
        out ??= new Uint8Array(n);
        for (let k = lineStart + 1; k + 1 < i; k++) if (codes[k] === 0x20 && isHan(codes[k - 1]) && isHan(codes[k + 1])) out[k] = 1;
      }
      lineStart = i + 1;
      spaced = 0;
      joined = 0;
      continue;
    }
    if (i > lineStart && isHan(codes[i])) {
      if (isHan(codes[i - 1])) joined++;
      else if (codes[i - 1] === 0x20 && i - 2 >= lineStart && isHan(codes[i - 2])) spaced++;
    }
  }
  return out;
}

function findIn(codes: Int32Array, lex: Lexicon): Repeat[] {
  const multi: Repeat[] = [];
  const single: number[] = [];
  for (const run of runs(codes)) {
    if (run.len === 1) {
      if (legitSingle(codes, run.first, lex)) continue;
      single.push(run.first);
      continue;
    }
    // the phase that starts with a word (会计审计审计: 审计, not 计审); none if any phase is
    // legitimate
    let strong = -1;
    let weak = -1;
    let legit = false;
    for (let i = run.first; i <= run.last && !legit; i++) {
      const v = verdict(codes, i, run.len, lex);
      if (v === 'legit') legit = true;
      else if (v === 'word' && strong < 0) strong = i;
      else if (v === 'slip' && weak < 0) weak = i;
    }
    if (!legit && (strong >= 0 || weak >= 0)) multi.push({ start: strong >= 0 ? strong : weak, len: run.len });
  }
  const found = [...multi, ...checkSingles(codes, single, lex)];
  // longest unit first, then left to right, none overlapping
  found.sort((a, b) => b.len - a.len || a.start - b.start);
  const taken: Repeat[] = [];
  if (!found.length) return taken;
  const used = new Uint8Array(codes.length);
  for (const r of found) {
    let free = true;
    for (let k = r.start; k < r.start + 2 * r.len && free; k++) free = used[k] === 0;
    if (!free) continue;
    used.fill(1, r.start, r.start + 2 * r.len);
    taken.push(r);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Per lexicon, by BMP code: 1 if a doubled character is legitimate as such (a numeral, AA), 2 if not, 0 unknown yet. */
const legitAA = new WeakMap<Lexicon, Uint8Array>();

/** lex.isNumeral(x) || lex.isLegitRedup(x) for the character c, looked up once per character. */
function legitAsSuch(c: number, lex: Lexicon): boolean {
  const x = ch(c);
  if (c >= 0x10000) return lex.isNumeral(x) || lex.isLegitRedup(x);
  let memo = legitAA.get(lex);
  if (!memo) legitAA.set(lex, (memo = new Uint8Array(0x10000)));
  if (memo[c] === 0) memo[c] = lex.isNumeral(x) || lex.isLegitRedup(x) ? 1 : 2;
  return memo[c] === 1;
}

/** A doubled single character that is legitimate whatever stands around it. */
function legitSingle(codes: Int32Array, i: number, lex: Lexicon): boolean {
  const n = codes.length;
  const c = codes[i];
  if (legitAsSuch(c, lex)) return true;
  // AABB (的的确确, 家家户户, 清清楚楚): half of a reduplicated four-character word
  if ((i >= 2 && codes[i - 2] === codes[i - 1] && isHan(codes[i - 1])) || (i + 3 < n && codes[i + 2] === codes[i + 3] && isHan(codes[i + 2]))) return true;
  return false;
}

/**
 * The unit codes[i, i + u), written twice from i (u ≥ 2): legitimate, a slip of a unit that
 * starts with a word ('word'), a slip of another unit ('slip'), or not certain ('none').
 */
function verdict(codes: Int32Array, i: number, u: number, lex: Lexicon): 'legit' | 'word' | 'slip' | 'none' {
  const n = codes.length;
  // numerals: 一个一个, 一年一年, 一校一策 (高校一校一策), 第一第一
  for (let k = i; k < i + u; k++) if (lex.isNumeral(ch(codes[k]))) return 'legit';
  const unit = String.fromCodePoint(...codes.subarray(i, i + u));
  if (lex.isLegitRedup(unit)) return 'legit';
  const before = i > 0 && isHan(codes[i - 1]) ? ch(codes[i - 1]) : '';
  const after = i + 2 * u < n && isHan(codes[i + 2 * u]) ? ch(codes[i + 2 * u]) : '';
  // two words side by side: 博士 + 博士后, 大学生 + 学生会
  if (u === 2 && ((after && lex.isWord3(unit, after, true)) || (before && lex.isWord3(unit, before, false)))) return 'legit';
  const x = ch(codes[i]);
  const y = ch(codes[i + 1]);
  if (lex.startsWord(x, y)) return 'word'; // 审计审计, 会议召会议召
  // a unit that starts with no word, of three or four characters (two meet by chance too
  // often: 有的人的人生): 的/是… start phrases (的重要的重要); otherwise only when its first
  // character ends a word with the one before (会[议召开议召开]: 会议) does the doubling cut
  // the text where a slip would
  if (u < 3) return 'none';
  if (lex.isStandalone(x)) return 'slip';
  return before !== '' && lex.isWord2(before, x) ? 'slip' : 'none';
}

/**
 * Doubled single characters (both halves are the same character X):
 * - a standalone word (的, 了, 是…) is flagged unless the characters before form a word with
 *   the first (目的的, 委员会会继续) or the second starts a word with the character after (了了解, 的的确);
 * - another X only if the character before forms a word with the first X (日报), the second X
 *   starts no word with what follows (报等) — neither in the lexicon nor elsewhere in the
 *   document (学习习近平 and 人民民主 pass, also in Traditional text where 習近平 recurs) — and
 *   what follows is punctuation or a standalone word (等, 的, 和): a doubled character inside a
 *   run of content words (高中中史: 高中 + 中史) is more often two words than a slip.
 */
function checkSingles(codes: Int32Array, sites: number[], lex: Lexicon): Repeat[] {
  const n = codes.length;
  const out: Repeat[] = [];
  const candidates: number[] = [];
  for (const i of sites) {
    if (i === 0 || i + 2 >= n) continue;
    const x = ch(codes[i]);
    const before = codes[i - 1];
    const after = codes[i + 2];
    if (lex.isStandalone(x)) {
      // 情况的的报告: a doubled particle is a slip unless a word takes one of the two
      if (isHan(before) && lex.isWord2(ch(before), x)) continue;
      // 委员会 + 会 (will): the first ends a three-character word
      if (i >= 2 && isHan(before) && isHan(codes[i - 2]) && lex.isWord3(ch(codes[i - 2]) + ch(before), x, true)) continue;
      if (isHan(after) && lex.startsWord(x, ch(after))) continue;
      out.push({ start: i, len: 1 });
      continue;
    }
    if (!isHan(before) || !lex.isWord2(ch(before), x)) continue;
    if (isHan(after) && (lex.startsWord(x, ch(after)) || !lex.isStandalone(ch(after)))) continue;
    candidates.push(i);
  }
  if (!candidates.length) return out;
  // does "X next" stand elsewhere in the document, not at a doubled site? one pass over the
  // text, looking bigrams up in a hash of the candidates' bigrams
  // (a bigram's key is a number: its two code points, each below 0x110000)
  const bigram = (a: number, b: number): number => a * 0x110000 + b;
  const wanted = new Map<number, number>();
  for (const i of candidates) {
    wanted.set(bigram(codes[i], codes[i + 2]), 0);
    FIRSTS[codes[i] & 0xffff] = 1;
  }
  for (let j = 0; j + 1 < n; j++) {
    if (!FIRSTS[codes[j] & 0xffff]) continue;
    if (j > 0 && codes[j - 1] === codes[j]) continue; // a doubled site itself
    const key = bigram(codes[j], codes[j + 1]);
    if (wanted.has(key)) wanted.set(key, 1);
  }
  for (const i of candidates) FIRSTS[codes[i] & 0xffff] = 0;
  for (const i of candidates) if (!wanted.get(bigram(codes[i], codes[i + 2]))) out.push({ start: i, len: 1 });
  return out;
}

/** Scratch bitmap by low 16 bits of a code point, all zero between uses. */
const FIRSTS = new Uint8Array(0x10000);
