import type { Defect } from '../schema';
import type { DefectContext } from './context';
import { REPORT_WIDE_NOTE } from './reason';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
/** Bit d set for the full-width mark U+FF00 + d among ， ； ： （ ） ！ ？ */
const FULL_MARKS = (1 << 0x0c) | (1 << 0x1b) | (1 << 0x1a) | (1 << 0x08) | (1 << 0x09) | (1 << 0x01) | (1 << 0x1f);
/** How many full-width ， ； ： （ ） ！ ？ text[from, to) holds (stopping at `limit`). */
function countFullWidthMarks(text: string, from = 0, to = text.length, limit = Infinity): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 0xff00;
    // one comparison for almost every character: all the marks are U+FF01..U+FF1F
    if (d >>> 5 === 0 && ((FULL_MARKS >>> d) & 1) !== 0 && ++count >= limit) break;
  }
  return count;
}

/** Chinese context: a Han character or Chinese punctuation. */
function isChinese(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)
    || (c >= 0x3000 && c <= 0x303f) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026
    || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xd840 && c <= 0xd8bf);
}
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

const HAN_RE = /\p{Script=Han}/u;
/** (1), (12), (ii), (a) followed by whitespace or the end: a note or list reference, read from its ( or its ) */
const NOTE_REF_AHEAD = /^\((?:\d{1,2}|[ivx]{1,4}|[a-z])\)(?:\s|$)/;
const NOTE_REF_BEHIND = /\((?:\d{1,2}|[ivx]{1,4}|[a-z])\)$/;
const isSpaceOrEnd = (c: number): boolean => c === 0 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000;

/** Does the bracket at i enclose Han text (looking for its partner within the same line)? */
function enclosesHan(text: string, i: number, from: number, to: number): boolean {
  const open = text[i] === '(';
  const partner = open ? ')' : '(';
  for (let k = 1; k <= 80; k++) {
    const j = open ? i + k : i - k;
    if (j < from || j >= to) return false;
    const ch = text[j];
    if (ch === '\n' || ch === text[i]) return false;
    if (ch === partner) return HAN_RE.test(open ? text.slice(i + 1, j) : text.slice(j + 1, i));
  }
  return false;
}

/**
 * Whether the line holding text[i] has a tab (a table row's cells). Asked for ascending positions:
 * each line is looked at once, so a long line full of marks costs its length, not length × marks.
 */
function tableRows(text: string, from: number, to: number): (i: number) => boolean {
  let lineEnd = -1;
  let tab = false;
  // the first tab at or after the last line start asked (-1: none further on; -Infinity: not
  // looked for yet): kept until a line starts past it, so the text is searched for tabs once
  let nextTab = -Infinity;
  return (i) => {
    if (i >= lineEnd) {
      const start = Math.max(from, text.lastIndexOf('\n', i - 1) + 1);
      const nl = text.indexOf('\n', i);
      lineEnd = nl < 0 || nl > to ? to : nl;
      if (nextTab !== -1 && nextTab < start) nextTab = text.indexOf('\t', start);
      tab = nextTab >= 0 && nextTab < lineEnd;
    }
    return tab;
  };
}

/** Positions (UTF-16, into text) of half-width , ; : ( ) ! ? used in Chinese prose. */
export function halfWidthMarks(text: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  const candidates = /[,;:()!?]/g;
  candidates.lastIndex = from;
  const inTableRow = tableRows(text, from, to);
  for (let m = candidates.exec(text); m && m.index < to; m = candidates.exec(text)) {
    const i = m.index;
    const ch = m[0];
    const prev = i > from ? text.charCodeAt(i - 1) : 0;
    const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
    let chinese: boolean;
    // a table row (its cells apart by tabs, as the importers keep them) is not prose
    if (inTableRow(i)) continue;
    if (ch === '(' || ch === ')') {
      // a note or list reference closing a table cell or a heading (差餉(1)⏎, 單位(4)⇥3,096, (ii) 記入…): not prose
      if (ch === '(' ? NOTE_REF_AHEAD.test(text.slice(i, i + 8)) : isSpaceOrEnd(next) && NOTE_REF_BEHIND.test(text.slice(Math.max(from, i - 6), i + 1))) continue;
      chinese = isChinese(prev) || isChinese(next) || enclosesHan(text, i, from, to);
    } else {
      if ((ch === ',' || ch === ':') && isDigit(prev) && isDigit(next)) continue; // 1,000  10:30
      if (ch === ':' && next === 0x2f) continue; // http://
      const latinBefore = (prev >= 0x41 && prev <= 0x5a) || (prev >= 0x61 && prev <= 0x7a) || isDigit(prev);
      chinese = isChinese(prev) || (isChinese(next) && !latinBefore) || (isChinese(next) && (ch === ',' || ch === ';'));
    }
    if (chinese) out.push(i);
  }
  return out;
}

function convert(text: string, u0: number, u1: number, marks: number[]): string {
  let out = '';
  let at = u0;
  for (const m of marks) {
    out += text.slice(at, m) + FULL[text[m]];
    at = m + 1;
  }
  return out + text.slice(at, u1);
}

/** A report counts as written in half-width punctuation when at least this many marks… */
export const REPORT_WIDE_MIN = 10;
/** …are half-width and they outnumber the full-width ones. A run of this many half-width marks
 * with no full-width mark between them is one finding. */
export const RUN_MIN = 3;

/**
 * Half-width , ; : ( ) ! ? in Chinese prose (ANNOTATION-GUIDE §3). Design:
 * - a mark counts when it stands in Chinese text (not 1,000, 10:30, http://, (AED) after Latin);
 * - if the report is written in half-width punctuation (≥ 10 such marks and more than its
 *   full-width ， ； ： （ ） ！ ？), that is ONE finding from the first mark to the last, whose fix
 *   is the same span with every counted mark made full-width;
 * - otherwise, within a paragraph, a run of ≥ 3 half-width marks with no full-width mark between
 *   (a passage pasted in the other style) is one finding, and each other stray mark is a
 *   finding of its own. The findings never number more than the marks / 3 plus the strays.
 */
export function findMixedPunctuation(ctx: DefectContext, covered: readonly Defect[] = []): Defect[] {
  const { text } = ctx;
  const marks = outside(ctx, halfWidthMarks(text), covered);
  if (!marks.length) return [];
  if (marks.length >= REPORT_WIDE_MIN) {
    // (counted only up to the number of half-width marks: past it the report is not half-width, and
    // below it the count is exact, as the note gives it)
    const full = countFullWidthMarks(text, 0, text.length, marks.length);
    if (marks.length > full) return [mixedFinding(ctx, marks, `${REPORT_WIDE_NOTE}: ${marks.length} marks (vs ${full} full-width) to make full-width`)];
  }
  const out: Defect[] = [];
  for (const run of splitRuns(ctx, marks)) {
    if (run.length >= RUN_MIN) out.push(mixedFinding(ctx, run, `passage in half-width punctuation: ${run.length} marks`));
    else for (const m of run) out.push(mixedFinding(ctx, [m], `half-width ${text[m]} in Chinese prose`));
  }
  return out;
}

/** One finding over the marks in `list` (UTF-16 positions, ascending), each made full-width. */
function mixedFinding(ctx: DefectContext, list: number[], note: string): Defect {
  const u0 = list[0];
  const u1 = list[list.length - 1] + 1;
  return { kind: 'mixed_punctuation', start: ctx.map.toCp(u0), end: ctx.map.toCp(u1), text: ctx.text.slice(u0, u1), replacement: convert(ctx.text, u0, u1, list), note };
}

/** The marks in runs: a full-width mark or a paragraph break between two marks ends a run. */
function splitRuns(ctx: DefectContext, marks: number[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  let runEnd = -1; // end (UTF-16) of the paragraph the run is in
  let k = 0; // paragraph index, for the paragraph ends (marks ascend)
  const ps = ctx.paragraphs;
  for (const m of marks) {
    // (a full-width mark between the run's last mark and m: looked for only inside the paragraph)
    if (run.length && (m >= runEnd || countFullWidthMarks(ctx.text, run[run.length - 1] + 1, m, 1) > 0)) {
      runs.push(run);
      run = [];
    }
    if (!run.length) {
      // UTF-16 end of the paragraph holding m
      while (k < ps.length && ctx.map.toUtf16(ps[k].end) <= m) k++;
      runEnd = k < ps.length ? ctx.map.toUtf16(ps[k].end) : ctx.text.length;
    }
    run.push(m);
  }
  runs.push(run);
  return runs;
}

/** The marks (UTF-16 positions, ascending) that no finding in `covered` spans. */
function outside(ctx: DefectContext, marks: number[], covered: readonly Defect[]): number[] {
  if (covered.length === 0 || marks.length === 0) return marks;
  const spans = covered.map((d) => [ctx.map.toUtf16(d.start), ctx.map.toUtf16(d.end)] as const).sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  let k = 0;
  for (const m of marks) {
    while (k < spans.length && spans[k][1] <= m) k++;
    if (k < spans.length && spans[k][0] <= m) continue;
    out.push(m);
  }
  return out;
}
