import { isCjk, isHan } from './chars';

/**
 * Whitespace of one rebuilt PDF line, by what the layout says about it:
 * - SOFT (' '): a gap of at most about half an em, or a space inside a pdf.js run (pdf.js
 *   writes a space there for a real space glyph or for a gap of 0.1–0.6 em);
 * - HARD: a wider gap that is not a table column (kept as one space, never removed);
 * - CELL ('\t'): a gap between table cells (kept).
 * HARD is a noncharacter, used only between pdf-lines and removeLayoutSpaces.
 */
export const SOFT = ' ';
export const HARD = '\uFDD0';
export const CELL = '\t';

export interface SpacingCounts {
  /** Spaces between Chinese characters of a letter-spaced (justified or tracked) line. */
  letterSpacing: number;
  /** Autospace between a Chinese character and a digit (`会议 9 次`, `2023 年`). */
  cjkDigit: number;
  /** Spaces beside full-width punctuation (which carries its own spacing). */
  punctuation: number;
}

export function emptyCounts(): SpacingCounts {
  return { letterSpacing: 0, cjkDigit: 0, punctuation: 0 };
}

export function addCounts(a: SpacingCounts, b: SpacingCounts): void {
  a.letterSpacing += b.letterSpacing;
  a.cjkDigit += b.cjkDigit;
  a.punctuation += b.punctuation;
}

const isDigit = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
const isLatin = (cp: number): boolean => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f);
const isFullWidthAlnum = (cp: number): boolean => isDigit(cp) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
/** Chinese (and other CJK) punctuation and symbols: CJK but not an ideograph, kana or full-width letter/digit. */
const isCjkPunct = (cp: number): boolean =>
  (isCjk(cp) && !isHan(cp) && !isFullWidthAlnum(cp) && !(cp >= 0x3040 && cp <= 0x30ff) && cp !== 0x3000) || CHINESE_QUOTES.has(cp);
/** Quotation marks and the ellipsis that Chinese text sets full-width (outside the CJK blocks). */
const CHINESE_QUOTES = new Set([0x2018, 0x2019, 0x201c, 0x201d, 0x2026]);
/** The end of a number as printed: a digit, or a percent/per-mille sign right after one. */
const PERCENT = new Set([0x25, 0xff05, 0x2030]);
const OPENING = new Set(['(', '['].map((c) => c.charCodeAt(0)));
const CLOSING = new Set([')', ']'].map((c) => c.charCodeAt(0)));
/** Half-width marks that a letter-spaced line spaces like its characters. */
const ASCII_PUNCT = new Set(Array.from('/()[],.;:!?%-').map((c) => c.charCodeAt(0)));

/**
 * Removes the whitespace of a PDF line that can be proven to be layout, and turns HARD back
 * into a plain space:
 * 1. between Chinese characters in a letter-spaced line — one where at least as many pairs of
 *    adjacent ideographs stand a space apart as stand together (at least two); a wide gap
 *    (HARD) goes too when every pair is spaced (a spaced-out title);
 * 2. a SOFT space beside full-width punctuation (`100%， 每`, `（ 深`) unless a Latin word
 *    stands on its other side (`the “Belt and Road” initiative`), inside half-width
 *    half-width brackets (`( 一 )`, `(a )`), and in a letter-spaced line beside a
 *    half-width mark (`二 零 二 二 / 二 三`);
 * 3. a SOFT space between a Chinese character and a number (`会议 9 次`, `2023 年`, `8.5% 的`).
 * Spaces between digits (`12 000`, thousands as Hong Kong writes them), between Latin words
 * and between a Chinese character and a Latin word stay, and so do table cells (CELL).
 */
export function removeLayoutSpaces(line: string): { text: string; counts: SpacingCounts } {
  const counts = emptyCounts();
  if (!/[ \uFDD0]/.test(line)) return { text: line, counts };
  const cps = Array.from(line);
  const cp = (i: number): number => (i >= 0 && i < cps.length ? (cps[i].codePointAt(0) ?? -1) : -1);
  const isWs = (i: number): boolean => cps[i] === SOFT || cps[i] === HARD;

  // Letter spacing: pairs of ideographs one whitespace apart, or side by side.
  let spaced = 0;
  let tight = 0;
  for (let i = 0; i + 1 < cps.length; i++) {
    if (!isHan(cp(i))) continue;
    if (isHan(cp(i + 1))) tight++;
    else if (isWs(i + 1) && isHan(cp(i + 2))) spaced++;
  }
  const letterSpaced = spaced >= 2 && spaced >= tight;
  const allSpaced = letterSpaced && tight === 0;

  // Digits of a letter-spaced line are spaced like its characters: a run of single digits a
  // space apart (`2 0 2 4 年`, `2 5 %`) is one number. Groups of several digits (`3 300`) are
  // left to the figure detector.
  // A number cut by a stray space: `5 ,440` (never a space before a separator between digits),
  // and `5,4 40` (a group after a comma has three digits: the only reading is 5,440).
  const fixed = cps
    .join('')
    .replace(/([0-9]) (?=[,.][0-9])/g, (_m, a: string) => {
      counts.letterSpacing++;
      return a;
    })
    .replace(/([0-9],([0-9]{1,2}))((?: ?[0-9]){1,2})(?! ?[0-9])/g, (m, c: string, group: string, rest: string) => {
      const digits = rest.replace(/ /g, '');
      if (digits === rest || group.length + digits.length !== 3) return m;
      counts.letterSpacing += rest.length - digits.length;
      return c + digits;
    });
  if (fixed.length !== cps.length) cps.splice(0, cps.length, ...Array.from(fixed));
  if (letterSpaced) {
    const rejoined = cps.join('').replace(/(?<![0-9０-９.,])[0-9０-９](?: [0-9０-９])+(?![0-9０-９])/g, (m) => {
      counts.letterSpacing += (m.length - 1) / 2;
      return m.replace(/ /g, '');
    });
    cps.splice(0, cps.length, ...Array.from(rejoined));
  }
  const out: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c !== SOFT && c !== HARD) {
      out.push(c);
      continue;
    }
    // one whitespace between two non-space characters (runs of spaces are left alone)
    const a = cp(i - 1);
    const b = cp(i + 1);
    const lone = a > 0 && b > 0 && !isWs(i - 1) && !isWs(i + 1) && cps[i - 1] !== CELL && cps[i + 1] !== CELL;
    if (lone) {
      const cjkA = isHan(a) || isCjkPunct(a);
      const cjkB = isHan(b) || isCjkPunct(b);
      if (c === SOFT && (OPENING.has(a) || CLOSING.has(b))) {
        counts.punctuation++; // `( 一 )`, `(a )`: never a space inside brackets
        continue;
      }
      if (c === SOFT && letterSpaced && ((cjkA && ASCII_PUNCT.has(b)) || (ASCII_PUNCT.has(a) && cjkB) || (isDigit(a) && PERCENT.has(b)))) {
        counts.punctuation++; // `二零二二 /二三`
        continue;
      }
      if (letterSpaced && cjkA && cjkB && (c === SOFT || allSpaced)) {
        if (isCjkPunct(a) || isCjkPunct(b)) counts.punctuation++;
        else counts.letterSpacing++;
        continue;
      }
      if (c === SOFT) {
        if ((isCjkPunct(a) && !isLatin(b)) || (isCjkPunct(b) && !isLatin(a))) {
          counts.punctuation++;
          continue;
        }
        const numA = isDigit(a) || (PERCENT.has(a) && isDigit(cp(i - 2)));
        if ((isHan(a) && isDigit(b)) || (numA && isHan(b))) {
          counts.cjkDigit++;
          continue;
        }
      }
    }
    out.push(c === HARD ? ' ' : c);
  }
  return { text: out.join(''), counts };
}
