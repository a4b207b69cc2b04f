import type { Defect } from '../schema';
import type { DefectContext } from './context';

/** A line is letter-spaced when at least this many gaps between CJK characters are spaces… */
export const LINE_MIN_GAPS = 4;
/** …and they are at least this share of all the places where two CJK characters meet. */
export const LINE_MIN_SHARE = 0.6;
/**
 * A report has letter-spaced text when at least this many of its lines are letter-spaced, or
 * they hold at least REPORT_MIN_GAPS spaced gaps: one spaced title (政 府 工 作 报 告 typed
 * so on purpose) is typography, not a text layer.
 */
export const REPORT_MIN_LINES = 3;
export const REPORT_MIN_GAPS = 40;

/** CJK: Han ideographs (BMP and, by their surrogates, the supplementary planes), CJK and full-width punctuation, Chinese quotes, …, —. */
function isCjkUnit(c: number): boolean {
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c < 0x2014) return false;
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c > 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60)
    || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026
    || (c >= 0xd840 && c <= 0xd8bf) /* high surrogate of planes 2-3 */;
}

/** The code unit that ends the character before UTF-16 index i stands for a CJK character? */
function cjkBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return isCjkUnit(text.charCodeAt(i - 2));
  return isCjkUnit(c);
}

const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isGap = (c: number): boolean => c === 0x20 || c === 0xa0;

/**
 * Letter-spaced text (a space between every CJK character, as PDF text layers give it:
 * `坚 持 党 的 领 导`). Like a report in half-width punctuation, it is ONE finding per report,
 * from the first space to remove to the last, whose fix is the same span with those spaces
 * removed. A space is removed when it stands alone (two or more are a column gap) inside a
 * letter-spaced line, between two CJK characters or a CJK character and a digit (the autospace
 * of `2021 年`); spaces next to Latin words (`AI 效能`), list markers (`1. 今天`) and lines that
 * are not letter-spaced stay. Linear: one pass over the text.
 */
export function findLetterSpacing(ctx: DefectContext): Defect[] {
  const { text } = ctx;
  const n = text.length;
  /** single spaces to remove, UTF-16 positions, ascending */
  const remove: number[] = [];
  let lines = 0;
  let lineStart = 0;
  // the next space and no-break space (-1: none further on): a line without either has no gap
  // to count and is skipped without looking at its characters
  let nextSpace = text.indexOf(' ');
  let nextNbsp = text.indexOf('\u00a0');
  while (lineStart <= n) {
    if (nextSpace >= 0 && nextSpace <= lineStart) nextSpace = text.indexOf(' ', lineStart + 1);
    if (nextNbsp >= 0 && nextNbsp <= lineStart) nextNbsp = text.indexOf('\u00a0', lineStart + 1);
    // no gap further on: no line left to count
    if (nextSpace < 0 && nextNbsp < 0) break;
    // the lines before the one holding the next gap have none: go to that line at once
    const gap = nextSpace < 0 ? nextNbsp : nextNbsp < 0 ? nextSpace : Math.min(nextSpace, nextNbsp);
    const gapLine = text.lastIndexOf('\n', gap - 1) + 1;
    if (gapLine > lineStart) {
      lineStart = gapLine;
      continue;
    }
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    if ((nextSpace < 0 || nextSpace >= lineEnd) && (nextNbsp < 0 || nextNbsp >= lineEnd)) {
      lineStart = lineEnd + 1;
      continue;
    }
    let spaced = 0;
    let joined = 0;
    const candidates: number[] = [];
    for (let i = lineStart + 1; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (isCjkUnit(c)) {
        if (cjkBefore(text, i)) joined++;
        continue;
      }
      if (!isGap(c) || i + 1 >= lineEnd) continue;
      // one space between two characters
      const next = text.charCodeAt(i + 1);
      const prev = text.charCodeAt(i - 1);
      if (isGap(next) || isGap(prev)) continue;
      const cjkPrev = cjkBefore(text, i);
      const cjkNext = isCjkUnit(next);
      if (cjkPrev && cjkNext) {
        spaced++;
        candidates.push(i);
      } else if ((cjkPrev && isDigit(next)) || (cjkNext && isDigit(prev))) {
        candidates.push(i);
      }
    }
    if (spaced >= LINE_MIN_GAPS && spaced >= LINE_MIN_SHARE * (spaced + joined)) {
      lines++;
      for (const i of candidates) remove.push(i);
    }
    lineStart = lineEnd + 1;
  }
  if (!remove.length || (lines < REPORT_MIN_LINES && remove.length < REPORT_MIN_GAPS)) return [];
  const u0 = remove[0];
  const u1 = remove[remove.length - 1] + 1;
  // the span's code units but the removed spaces, decoded in chunks (one slice per space
  // would make a rope of a million pieces on a letter-spaced book)
  const units = new Uint16Array(u1 - u0 - remove.length);
  let w = 0;
  let r = 0;
  for (let i = u0; i < u1; i++) {
    if (r < remove.length && remove[r] === i) {
      r++;
      continue;
    }
    units[w++] = text.charCodeAt(i);
  }
  const parts: string[] = [];
  for (let k = 0; k < units.length; k += 8192) parts.push(String.fromCharCode(...units.subarray(k, k + 8192)));
  const replacement = parts.join('');
  const note = `letter-spaced text (as in a PDF text layer): ${lines} lines, ${remove.length} spaces to remove`;
  return [{ kind: 'markup_residue', start: ctx.map.toCp(u0), end: ctx.map.toCp(u1), text: text.slice(u0, u1), replacement, note }];
}
