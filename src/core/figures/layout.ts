/**
 * Layout: the figure detector reads a compact view of the text, with the whitespace that is
 * layout removed (ANNOTATION-GUIDE §1, "Text as analysts really receive it"): spaces, U+3000,
 * thin spaces and the line breaks of a PDF paragraph between CJK characters and digits
 * (`2365 件`, `428 亿⏎元`, `会议 8 次`, `六 千三百零五億元`). Figures found in the view are mapped
 * back to the original offsets, so their `text` spans the whitespace.
 *
 * Whitespace between two digits is decided for the whole chain of digit groups it belongs to:
 * - groups of three after a first group of one to three digits, one space apart, are
 *   thousands (`12 000`, `3 300`, `254 000`, with U+2009/U+202F too);
 * - single digits one space apart in a letter-spaced line are one number (`1 9 8 6 年`);
 * - anything else (`1 2345`, `20 24`) is joined but marked uncertain: the figure that holds it
 *   is reported with value null rather than a plausible number.
 * `, ` after a comma between a digit and exactly three digits is a thousands separator (`3, 800`).
 *
 * A line break is kept (it ends a paragraph) after punctuation, before or after a line that
 * holds only a number (page numbers), at a blank line, and after a short line (a heading);
 * a line break between characters inside a long line's paragraph is layout.
 */

import qualifiersJson from '../../../resources/lexicon/qualifiers.json';
import unitsJson from '../../../resources/lexicon/units.json';
import { foldCode } from './lexicon';

/** The compact view: `text` and its mapping back to the original UTF-16 offsets. */
export interface Layout {
  text: string;
  /** true when whitespace was removed (else `text` is the original and offsets are the same) */
  changed: boolean;
  /** compact UTF-16 offsets of the first character after an uncertain digit junction, ascending */
  uncertain: number[];
  /** compact start of each kept segment, ascending */
  segC: number[];
  /** original start of each kept segment */
  segO: number[];
}


/** A line shorter than this (in UTF-16 units, whitespace excluded) ending without punctuation is a heading. */
const WRAPPED_LINE_MIN = 16;

const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
export const isWs = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** CJK ideographs (BMP and the surrogates of astral ones), kana. */
const isIdeo = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdfff) || (c >= 0x3040 && c <= 0x30ff);
/** CJK punctuation, full-width forms, %: whitespace next to them is layout. */
const isCjkMark = (c: number): boolean => (c >= 0x3001 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff65) || c === 0x25 || c === 0x2030 || c === 0x2014 || c === 0x2026 || (c >= 0x2018 && c <= 0x201d);
/** After these a line break ends a paragraph (CANDIDATE's look-behind set: such breaks are never seen one by one). */
const PARAGRAPH_MARK = new Uint8Array(0x10000);
for (const ch of '。！？；：…”’」』）)]】!?;:') PARAGRAPH_MARK[ch.charCodeAt(0)] = 1;
const isParagraphMark = (c: number): boolean => PARAGRAPH_MARK[c] === 1;
/** Characters between which whitespace is layout (no word spacing in Chinese). */
const joinable = (c: number): boolean => isIdeo(c) || isDigit(c) || isCjkMark(c) || c === 0x25cb || c === 0x25ef;
/** A line may end a paragraph after these. */
const isLineEndMark = (c: number): boolean => (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e) || (isCjkMark(c) && c !== 0x25);

const CH_NIAN = '年'.charCodeAt(0);
const CH_YUE = '月'.charCodeAt(0);
/** Chinese numeral characters, and 點 between them: a number goes on after them */
const NUMERAL_CJK = new Uint8Array(0x10000);
for (const ch of '零〇○◯一二两兩三四五六七八九十百千万萬亿億兆点點') NUMERAL_CJK[ch.charCodeAt(0)] = 1;
const isNumeralCjk = (c: number): boolean => NUMERAL_CJK[c] === 1;

/** Whether text[a, b) (a line without its break) holds only digits and spaces (a page number, a table cell). */
function numberOnlyLine(text: string, a: number, b: number): boolean {
  let digits = 0;
  let dashes = 0;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (c === 0x2d || c === 0x2013 || c === 0x2014) dashes++;
    else if (!isWs(c)) return false;
  }
  if (digits === 0 || digits > 3) return false;
  // - 12 -: dashes on both sides of a page number
  if (dashes === 0) return true;
  const line = text.slice(a, b).trim();
  return /^[-–—]/.test(line) && /[-–—]$/.test(line);
}

/**
 * Non-whitespace length of the paragraph line ending at `end` (exclusive), bounded: back to the
 * last break that was kept (`lastKept`, or one after punctuation or at a blank line); breaks
 * removed as layout on the way do not end it.
 */
function lineLength(text: string, end: number, lastKept: number): number {
  let len = 0;
  for (let k = end - 1; k > lastKept && len < WRAPPED_LINE_MIN; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) {
      if (text.charCodeAt(k - 1) === 0x0a || text.charCodeAt(k + 1) === 0x0a || isParagraphMark(nextSolidBack(text, k - 1))) break;
      continue;
    }
    if (!isWs(c)) len++;
  }
  return len;
}

/** 1 for the whitespace characters of isWs */
const WS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isWs(c)) WS[c] = 1;

/**
 * Whitespace runs worth a look: any run but line breaks right after punctuation (the paragraph
 * ends of clean text, skipped by the regular expression engine without a call back).
 */
const CANDIDATE = /[ \t\f\v\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]*|(?<![。！？；：…”’」』）)\]】!?;:])[\n\r]+[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]*/g;

type Gap = 'keep' | 'remove' | 'uncertain';

/** A chain of digit groups separated by whitespace gaps, decided once for all its gaps. */
interface Chain {
  end: number;
  mode: Gap;
}

/** Reads the chain of digit groups starting at `g0` (the first digit of the run before a gap). */
function digitChain(text: string, g0: number): Chain {
  const n = text.length;
  const groups: number[] = [];
  const gaps: number[] = [];
  let i = g0;
  for (;;) {
    let j = i;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    groups.push(j - i);
    let k = j;
    while (k < n && isWs(text.charCodeAt(k))) k++;
    if (k > j && k < n && isDigit(text.charCodeAt(k)) && !blankLine(text, j, k)) {
      gaps.push(k - j);
      i = k;
      continue;
    }
    i = j;
    break;
  }
  const end = i;
  const before = g0 > 0 ? text.charCodeAt(g0 - 1) : 0;
  const after = end < n ? text.charCodeAt(end) : 0;
  // a decimal or comma-grouped number around the chain: no safe reading
  const clean = before !== 0x2e && before !== 0x2c && before !== 0xff0e && after !== 0x2c && !(after === 0x2e && isDigit(text.charCodeAt(end + 1)));
  const oneGaps = gaps.every((g) => g === 1);
  if (clean && oneGaps && groups[0] >= 1 && groups[0] <= 3 && groups.slice(1).every((g) => g === 3)) return { end, mode: 'remove' };
  if (clean && groups.every((g) => g === 1) && gaps.every((g) => g <= 3)) {
    // the characters before and after the chain stand alone between whitespace (於 2 4 0 0 間), or a line starts or ends there
    let b1 = g0 - 1;
    while (b1 >= 0 && isWs(text.charCodeAt(b1))) b1--;
    const spacedBefore = g0 === 0 || text.charCodeAt(g0 - 1) === 0x0a || (b1 < g0 - 1 && (b1 < 1 || isWs(text.charCodeAt(b1 - 1))));
    let a1 = end;
    while (a1 < n && isWs(text.charCodeAt(a1))) a1++;
    const spacedAfter = end >= n || text.charCodeAt(end) === 0x0a || (a1 > end && (a1 + 1 >= n || isWs(text.charCodeAt(a1 + 1))));
    const minGap = Math.min(...gaps);
    // (a line break between single digits leaves it unsure which of them belong together)
    if (spacedBefore && spacedAfter && !text.slice(g0, end).includes('\n')) {
      // a letter-spaced line: the wider gaps are the spaces of the text before it was spaced
      // (3   3 0 0 was 3 300), and those groups must read as thousands
      const wide: number[] = [1];
      for (const g of gaps) if (g > minGap) wide.push(1); else wide[wide.length - 1]++;
      if (wide.length === 1 || (wide[0] <= 3 && wide.slice(1).every((w) => w === 3))) return { end, mode: 'remove' };
    }
  }
  return { end, mode: 'uncertain' };
}

function blankLine(text: string, a: number, b: number): boolean {
  let nl = 0;
  for (let k = a; k < b; k++) if (text.charCodeAt(k) === 0x0a) nl++;
  return nl >= 2;
}

export function compactLayout(text: string): Layout {
  const segC: number[] = [0];
  const segO: number[] = [0];
  const uncertain: number[] = [];
  const parts: string[] = [];
  let copied = 0; // original offset up to which text is in `parts`
  let clen = 0; // compact length so far
  let chain: Chain | null = null;
  let lastKept = -1; // original offset of the last line break kept (a paragraph end)
  const n = text.length;
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text)) !== null) {
    // the whole whitespace run [s, e) around the match
    let s = m.index;
    const e = CANDIDATE.lastIndex; // (no match is empty)
    while (s > 0 && WS[text.charCodeAt(s - 1)] !== 0) s--;
    if (s === 0 || e >= n) continue;
    let nl = 0;
    for (let k = s; k < e; k++) if (text.charCodeAt(k) === 0x0a) nl++;
    const a = text.charCodeAt(s - 1);
    const b = text.charCodeAt(e);
    // a paragraph end (。⏎⏎, most runs of clean text): no number mark can stand at it, and a blank
    // line after punctuation is kept whatever follows (the nl >= 2 branch below, decided early)
    if (nl >= 2 && isParagraphMark(a)) { lastKept = e - 1; continue; }
    let decision: Gap = 'keep';
    const mark = numberMarkJunction(text, s, e, a, b);
    if (nl >= 2) {
      // a paragraph that ends inside a number (3,⏎⏎800, a page break): the parts are not read as numbers
      // (two runs of digits across a blank line are two paragraphs — the cells of a table — but a
      // comma or point at the break, or Chinese numerals on both sides, are a number cut apart)
      if (mark === 'keep') { lastKept = e - 1; continue; }
      if ((isDigit(b) && mark) || (isNumeralCjk(a) && isNumeralCjk(b)) || (isDigit(a) && (isDot(b) || isComma(b)) && isDigit(nextSolid(text, e + 1)))) {
        if (lineIsNumber(text, s, e) || numberOnlyLine(text, text.lastIndexOf('\n', s - 1) + 1, s)) { lastKept = e - 1; continue; }
        decision = 'uncertain';
      } else { lastKept = e - 1; continue; }
    } else if (mark) decision = mark;
    // a paragraph break after punctuation is kept
    else if (nl === 1 && isLineEndMark(a)) { lastKept = e - 1; continue; }
    else if (isDigit(a) && isDigit(b)) {
      if (nl < 2) {
        if (!chain || s >= chain.end) {
          let g0 = s - 1;
          while (g0 > 0 && isDigit(text.charCodeAt(g0 - 1))) g0--;
          chain = digitChain(text, g0);
        }
        decision = chain.mode;
        // a page number above a line that starts with a digit: which digits belong together is unknown
        if (nl === 1 && lineIsNumber(text, s, e)) decision = 'uncertain';
      }
    } else if (nl === 0) {
      if (joinable(a) && joinable(b)) decision = 'remove';
      else if (a === 0x2c && isDigit(b) && s >= 2 && isDigit(text.charCodeAt(s - 2)) && e - s === 1) {
        let k = e;
        while (k < n && isDigit(text.charCodeAt(k))) k++;
        if (k - e === 3) decision = 'remove';
      }
    } else if (nl === 1 && joinable(a) && joinable(b) && !isLineEndMark(a) && !lineIsNumber(text, s, e)) {
      // a long line wraps; a number, or a date going on with its month or day (2024年⏎3月), goes on
      if (lineLength(text, s, lastKept) >= WRAPPED_LINE_MIN || isNumeral(a) || ((a === CH_NIAN || a === CH_YUE) && isNumeral(b)) || insideUnit(text, s, a, b)) decision = 'remove';
    }
    if (decision === 'keep') {
      if (nl > 0) lastKept = e - 1;
      continue;
    }
    parts.push(text.slice(copied, s));
    clen += s - copied;
    copied = e;
    segC.push(clen);
    segO.push(e);
    if (decision === 'uncertain') uncertain.push(clen);
  }
  if (parts.length === 0) return { text, changed: false, uncertain, segC, segO };
  parts.push(text.slice(copied));
  return { text: parts.join(''), changed: true, uncertain, segC, segO };
}

const isComma = (c: number): boolean => c === 0x2c || c === 0xff0c;
const isDot = (c: number): boolean => c === 0x2e || c === 0xff0e;
/** range marks and the slash of 2022/23 */
const isRangeMark = (c: number): boolean => c === 0x2d || c === 0xff0d || c === 0x2013 || c === 0x2014 || c === 0x7e || c === 0xff5e || c === 0x2f || c === 0xff0f;
const isNumeral = (c: number): boolean => isDigit(c) || isNumeralCjk(c);

/** Digits from p on, a single whitespace allowed between two digits (letter spacing): how many. */
function digitsAhead(text: string, p: number): number {
  let count = 0;
  let k = p;
  while (k < text.length) {
    if (isDigit(text.charCodeAt(k))) { count++; k++; continue; }
    if (count > 0 && WS[text.charCodeAt(k)] !== 0 && isDigit(text.charCodeAt(k + 1))) { k++; continue; }
    break;
  }
  return count;
}

/** The first non-whitespace character at or after p (code), or NaN. */
function nextSolid(text: string, p: number): number {
  while (p < text.length && WS[text.charCodeAt(p)] !== 0) p++;
  return text.charCodeAt(p);
}

/**
 * Whitespace next to a comma, a decimal point or a range mark inside a number: 3,⏎400, 3 , 4 0 0,
 * 97 . 5, 1-⏎7月. Null when no number mark stands at the gap [s, e).
 */
function numberMarkJunction(text: string, s: number, e: number, a: number, b: number): Gap | null {
  // thousands: the comma stands between a digit and exactly three digits
  if (isComma(a) && isDigit(b) && s >= 2 && isDigit(nextSolidBack(text, s - 2)) && digitsAhead(text, e) === 3) return 'remove';
  if (isDigit(a) && isComma(b) && digitsAhead(text, skipWs(text, e + 1)) === 3) return 'remove';
  // a decimal point: joined, but uncertain unless the line is letter-spaced (9 7 . 5) — 3.⏎5 may be a list marker and a number
  if (isDigit(a) && isDot(b) && isDigit(nextSolid(text, e + 1))) return WS[text.charCodeAt(e + 1)] === 0 || isDigit(nextSolidBack(text, s - 2)) || WS[text.charCodeAt(s - 2)] !== 0 ? 'remove' : 'uncertain';
  if (isDot(a) && isDigit(b) && s >= 2 && isDigit(nextSolidBack(text, s - 2))) {
    const head = numberMarkStart(text, s - 1);
    // 218. 2000年起… or 218.⏎2000年起 at the start of a paragraph: the paragraph's number, then the
    // text (HK, Macau reports number their paragraphs so; a PDF puts the number on a line of its
    // own), letter-spaced or not (2 1 8 .   2 0 0 0 年) — unless a bare rate follows: 5. 6% (or
    // 5 . 6%, 5 .   6 %, 5.⏎6%) may be 5.6%, so it stays uncertain
    if (head >= 0 && paragraphStart(text, head) && (text.charCodeAt(e - 1) === 0x0a || spaceAfterMark(text, s, e))) {
      return RATE_AHEAD.test(text.slice(e, e + 40)) ? 'uncertain' : 'keep';
    }
    // 30.⏎ on a line of its own inside a paragraph: a list marker, or a number cut by a break (97.⏎5%)
    if (text.charCodeAt(e - 1) === 0x0a && head >= 0) return 'uncertain';
    return WS[text.charCodeAt(s - 2)] !== 0 ? 'remove' : 'uncertain';
  }
  // a range: 1-⏎7月, 2021—⏎2035年
  if (isRangeMark(a) && isNumeral(b) && s >= 2 && !isRangeMark(text.charCodeAt(s - 2))) return 'remove';
  if (isRangeMark(b) && (isNumeral(a) || isIdeo(a)) && isNumeral(nextSolid(text, e + 1))) return 'remove';
  return null;
}

/** A bare rate, letter-spaced or not (6%, 2 5 . 3 %). */
const RATE_AHEAD = /^[\d０-９](?:\s?[\d０-９])*(?:\s*[.．]\s*[\d０-９](?:\s?[\d０-９])*)?\s*[%％‰]/;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x2009 || c === 0x202f || c === 0xa0;

/**
 * Start of a paragraph's number whose point stands at `dot` (218., 2 1 8 ., 5⏎.): one to three
 * digits, letter-spaced or not, first on their line. -1 when no such number stands there.
 */
function numberMarkStart(text: string, dot: number): number {
  let k = dot - 1;
  while (k >= 0 && WS[text.charCodeAt(k)] !== 0) k--;
  let first = -1;
  for (let digits = 0; k >= 0 && isDigit(text.charCodeAt(k)); ) {
    if (++digits > 3) return -1;
    first = k--;
    // a letter-spacing space between two digits
    if (k >= 1 && isSpace(text.charCodeAt(k)) && isDigit(text.charCodeAt(k - 1))) k--;
  }
  if (first < 0) return -1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  return k < 0 || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d ? first : -1;
}

/**
 * Whether the whitespace [s, e) after a paragraph's number point was written there (218. 2000年),
 * not only put there by letter spacing (5 . 6 % 的 is 5.6%的 spaced): in a letter-spaced line (what
 * follows the gap goes on spaced, character by character) it must be wider than the gap before the point.
 */
function spaceAfterMark(text: string, s: number, e: number): boolean {
  // letter-spaced: what follows alternates character and space (6 % 的, not 6 %的)
  for (let k = e + 1; k <= e + 5; k += 2) {
    const c = text.charCodeAt(k);
    if (k >= text.length || WS[c] === 0 || c === 0x0a || WS[text.charCodeAt(k + 1)] !== 0) return true;
  }
  let q = s - 2;
  while (q >= 0 && WS[text.charCodeAt(q)] !== 0) q--;
  return e - s > s - 2 - q;
}

/** Whether the line starting at `lineStart` begins a paragraph: the text's start, after a blank line or after a paragraph mark. */
function paragraphStart(text: string, lineStart: number): boolean {
  let q = lineStart - 1;
  let nl = 0;
  while (q >= 0 && WS[text.charCodeAt(q)] !== 0) {
    if (text.charCodeAt(q) === 0x0a) nl++;
    q--;
  }
  return q < 0 || nl >= 2 || isParagraphMark(text.charCodeAt(q));
}

function skipWs(text: string, p: number): number {
  while (p < text.length && WS[text.charCodeAt(p)] !== 0) p++;
  return p;
}

/** The first non-whitespace character at or before p (code), or NaN. */
function nextSolidBack(text: string, p: number): number {
  while (p >= 0 && WS[text.charCodeAt(p)] !== 0) p--;
  return p >= 0 ? text.charCodeAt(p) : NaN;
}

/** Adjacent character pairs inside the units and suffixes of a figure (人次, 年度, 分之 …), folded. */
const INNER_PAIRS = new Set<number>();
for (const w of [
  ...Object.values(unitsJson).flatMap((v) => (Array.isArray(v) ? v : [])),
  ...qualifiersJson.yearSuffixes, ...qualifiersJson.dateSuffixes, ...Object.keys(qualifiersJson.suffix), '百分之', '千分之', '学年', '财政年度', '成半',
  // 三分⏎一, 八成⏎六: a fraction without 之, a tenth after 成
  ...Array.from('一二三四五六七八九', (d) => '分' + d), ...Array.from('一二三四五六七八九', (d) => '成' + d),
] as string[]) {
  for (let k = 0; k + 1 < w.length; k++) INNER_PAIRS.add((foldCode(w.charCodeAt(k)) << 16) | foldCode(w.charCodeAt(k + 1)));
}

/** 民國 (the Minguo era before a year): a break inside it is layout. */
const ERA_PAIRS = new Set<number>(['民国', '华民', '中华'].map((w) => (foldCode(w.charCodeAt(0)) << 16) | foldCode(w.charCodeAt(1))));

/** A break inside the unit of a number (二二年⏎度, 43人⏎次, 百分⏎之): a numeral stands just before. */
function insideUnit(text: string, s: number, a: number, b: number): boolean {
  if (ERA_PAIRS.has((foldCode(a) << 16) | foldCode(b))) return true;
  if (!INNER_PAIRS.has((foldCode(a) << 16) | foldCode(b))) return false;
  for (let k = s - 1, seen = 0; k >= 0 && seen < 4; k--) {
    const c = text.charCodeAt(k);
    if (isWs(c)) continue;
    if (isNumeral(c)) return true;
    seen++;
  }
  return false;
}

/** Whether the line before the break in text[s, e) or the line after it holds only a number. */
function lineIsNumber(text: string, s: number, e: number): boolean {
  const prevStart = text.lastIndexOf('\n', s - 1) + 1;
  let nextEnd = text.indexOf('\n', e);
  if (nextEnd < 0) nextEnd = text.length;
  return numberOnlyLine(text, prevStart, s) || numberOnlyLine(text, e, nextEnd);
}

/** Original offset of compact offset `ci` (a character's start). */
export function toOriginal(layout: Layout, ci: number): number {
  if (!layout.changed) return ci;
  const { segC, segO } = layout;
  let lo = 0;
  let hi = segC.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segC[mid] <= ci) lo = mid;
    else hi = mid - 1;
  }
  return segO[lo] + (ci - segC[lo]);
}

/** Original end offset of a compact span ending at `ce` (exclusive, ce > 0). */
export function toOriginalEnd(layout: Layout, ce: number): number {
  return layout.changed ? toOriginal(layout, ce - 1) + 1 : ce;
}

/** Whether an uncertain digit junction lies strictly inside the compact span [s, e). */
export function hasUncertain(layout: Layout, s: number, e: number): boolean {
  const u = layout.uncertain;
  if (u.length === 0) return false;
  let lo = 0;
  let hi = u.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u[mid] <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo < u.length && u[lo] < e;
}
