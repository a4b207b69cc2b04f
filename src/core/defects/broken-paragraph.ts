import type { Defect } from '../schema';
import { type DefectContext, lastChar } from './context';
import { captionNote } from './caption';
import { isHeadingLike, startsEnumerated } from './headings';
import type { Paragraph } from '../text';
import { lexicon } from '../duplicates/lexicon';

/** A paragraph ending in one of these ends its sentence (or introduces what follows). */
const TERMINAL = new Set(['。', '．', '.', '！', '!', '？', '?', '；', ';', '：', ':', '…', '—', '–', '-', '」', '』', '》', '】', ']', '*', '#', '|', '>', '~', '～']);
/** Closing marks that end a sentence only after terminal punctuation: 。” but not “小” */
const CLOSERS = new Set(['”', '’', '"', "'", '）', ')']);
/** A paragraph ending in one of these continues for sure (a heading never ends so). */
const DANGLING = new Set(['的', '、', '，', ',', '“', '‘', '《', '（', '(', '「']);
/** A paragraph that continues a sentence starts with one of these. */
const CONTINUES = /^[\p{Script=Han}\p{L}\p{N}“‘"《(（]/u;

/** A table row: at least three cells apart by spaces or tabs, at least half of them numbers, or two cells of numbers. */
const CELL_GAP = /[ \t\u3000]+/u;
/** a number with at most two characters of unit: 1,234.5 · 4.6% · 2021年 · (3件) */
const NUMERIC_CELL = /^[-+±(（]?[\d０-９][\d０-９,，.．]*[^\s\d０-９]{0,2}[)）]?$/u;
function isTableRow(text: string): boolean {
  const cells = text.trim().split(CELL_GAP);
  if (cells.length < 2) return false;
  let numeric = 0;
  for (const c of cells) if (NUMERIC_CELL.test(c)) numeric++;
  // (two cells count as a row only when both are numbers: 8,000⇥8,000)
  return cells.length === 2 ? numeric === 2 : numeric * 2 >= cells.length;
}

/** Invisible characters at the end of a paragraph (a ZWNJ after 。 in a DOCX). */
const INVISIBLE_END = /[\u200b-\u200f\u2060\ufeff]+$/u;

const isInvisible = (c: number): boolean => (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff;

function endsSentence(raw: string): boolean {
  // (the expression is tried only when the paragraph ends in an invisible character: anchored at
  // the end, it would otherwise be tried from every position of the paragraph)
  const text = isInvisible(raw.charCodeAt(raw.length - 1)) ? raw.replace(INVISIBLE_END, '') : raw;
  const last = lastChar(text);
  if (TERMINAL.has(last)) return true;
  if (CLOSERS.has(last)) {
    const before = lastChar(text.slice(0, text.length - last.length));
    return TERMINAL.has(before) || CLOSERS.has(before);
  }
  return false;
}

/**
 * Paragraphs broken mid-sentence (ANNOTATION-GUIDE §3): a prose paragraph that ends without
 * closing punctuation, followed by one that continues it. Headings, titles, speaker lines,
 * datelines and captions (by shape: short without sentence punctuation, enumerated 一、（一）1.,
 * parenthesised, or a caption) end unpunctuated legitimately and are not joined unless they end
 * in a mark that cannot end a line (的, 、, ，, an opening quote or bracket), nor is a
 * paragraph joined to a following heading or caption, nor rows of a table (cells of numbers
 * apart by spaces), nor a paragraph to a list item (15.虚拟电厂). The finding spans the
 * separating line breaks; the fix joins the two paragraphs. Where the continuation stands
 * further on (past a caption or section a page layout put between), or is lost (a caption, a
 * section or the end of the text follows a prose paragraph that certainly stops mid-sentence),
 * it is still a finding, with no fix (null). Hard-wrapped text is one finding (hardWrapped).
 */
export function findBrokenParagraphs(ctx: DefectContext): Defect[] {
  const out: Defect[] = [];
  const ps = ctx.paragraphs;
  /** paragraphs that continue an earlier one, not the one before them */
  const movedAway = new Set<number>();
  /** findings of a continuation lost */
  const lost = new Set<Defect>();
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const q: Paragraph | undefined = ps[i + 1];
    if (endsSentence(p.text) || captionNote(p)) continue;
    if (isHeadingLike(p.text) && !DANGLING.has(lastChar(p.text))) continue;
    if (!q || !CONTINUES.test(q.text) || isHeadingLike(q.text) || captionNote(q) || startsEnumerated(q.text)) {
      // a page layout put a caption or a section between the two halves of a sentence
      const k = q && (isHeadingLike(q.text) || captionNote(q)) && !isHeadingLike(p.text) ? continuationFurtherOn(ps, i) : -1;
      if (k > 0) {
        movedAway.add(k);
        // no certain fix: what stands between the halves must move, not go
        out.push(brokenAt(ctx, i, k, null));
      } else if ((!q || captionNote(q) || startsEnumerated(q.text)) && endsMidSentence(p)) {
        // a short line after p may be its continuation (a link's text, a hard-wrapped line);
        // a caption, a section or the end of the text cannot be
        // the continuation is lost (or stands where it cannot be told): still a finding
        const d = lostAt(ctx, i);
        lost.add(d);
        out.push(d);
      }
      continue;
    }
    if (movedAway.has(i + 1)) continue;
    // rows of a table (numbers in columns) end unpunctuated and are not one sentence
    if (isTableRow(p.text) || isTableRow(q.text)) continue;
    out.push(brokenAt(ctx, i, i + 1, ''));
  }
  return hardWrapped(ctx, out, lost);
}

/** A report where this many line breaks (and this share of its paragraphs) cut sentences… */
export const HARD_WRAP_MIN = 12;
export const HARD_WRAP_SHARE = 0.2;
/** …or this many whatever the share (no report cuts fifty sentences by mistake) */
export const HARD_WRAP_ANY = 50;
/**
 * …is hard-wrapped (text copied out of a PDF: a line break at the end of every printed line):
 * like a report in half-width punctuation, that is ONE finding from the first break to join to
 * the last, whose fix joins them all, not hundreds of findings.
 */
function hardWrapped(ctx: DefectContext, found: Defect[], lost: Set<Defect>): Defect[] {
  const joins = found.filter((d) => d.replacement === '');
  if (joins.length < HARD_WRAP_MIN || (joins.length < HARD_WRAP_SHARE * ctx.paragraphs.length && joins.length < HARD_WRAP_ANY)) return found;
  const first = joins[0];
  const last = joins[joins.length - 1];
  const u0 = ctx.map.toUtf16(first.start);
  const u1 = ctx.map.toUtf16(last.end);
  let replacement = '';
  let at = u0;
  for (const d of joins) {
    replacement += ctx.text.slice(at, ctx.map.toUtf16(d.start));
    at = ctx.map.toUtf16(d.end);
  }
  replacement += ctx.text.slice(at, u1);
  const whole: Defect = {
    kind: 'broken_paragraph',
    start: first.start,
    end: last.end,
    text: ctx.text.slice(u0, u1),
    replacement,
    note: `hard-wrapped text: ${joins.length} line breaks inside sentences to join`,
  };
  // continuations reported lost are not certain in hard-wrapped text (short last lines, page
  // numbers): only those found elsewhere stay
  return [whole, ...found.filter((d) => d.replacement === null && !lost.has(d))].sort((a, b) => a.start - b.start);
}

/** Shortest prose paragraph whose lost continuation is reported. */
const LOST_MIN = 20;
const SENTENCE_MARK = /[，,。；;！!？?]/;
/**
 * Does prose paragraph p certainly stop mid-sentence? It is prose (long, punctuated inside, not
 * a heading, caption or table row) and ends in a mark that cannot end a line (的 、 ， “ 《 （)
 * or mid-word: its last character is a content character that makes no word with the one
 * before (…法治化轨, …常委会持), so a paragraph that merely lacks its full stop (…取得明显成效)
 * is not reported.
 */
function endsMidSentence(p: Paragraph): boolean {
  const t = p.text;
  if (t.length < LOST_MIN || (t.length < 2 * LOST_MIN && [...t].length < LOST_MIN) || !SENTENCE_MARK.test(t.slice(0, -1)) || isHeadingLike(t) || isTableRow(t)) return false;
  const last = lastChar(t);
  const before = lastChar(t.slice(0, t.length - last.length));
  if (DANGLING.has(last)) return HAN.test(before);
  if (!HAN.test(last) || !HAN.test(before)) return false;
  const lex = lexicon();
  return !lex.isStandalone(last) && !lex.isWord2(before, last);
}

/** The finding for paragraph i whose continuation is lost: over the line breaks after it (or its last character at the end of the text), with no fix. */
function lostAt(ctx: DefectContext, i: number): Defect {
  const p = ctx.paragraphs[i];
  const q = ctx.paragraphs[i + 1];
  const note = `…${[...p.text.slice(-16)].slice(-8).join('')} / ?`;
  if (q) {
    const text = ctx.text.slice(ctx.map.toUtf16(p.end), ctx.map.toUtf16(q.start));
    return { kind: 'broken_paragraph', start: p.end, end: q.start, text, replacement: null, note };
  }
  return { kind: 'broken_paragraph', start: p.end - 1, end: p.end, text: lastChar(p.text), replacement: null, note };
}

/**
 * The finding over the line breaks after paragraph i, whose sentence goes on in paragraph k;
 * the note shows one "… /" per paragraph between them (no words: it reads in any UI language).
 */
function brokenAt(ctx: DefectContext, i: number, k: number, replacement: string | null): Defect {
  const p = ctx.paragraphs[i];
  const q = ctx.paragraphs[i + 1];
  const r = ctx.paragraphs[k];
  const text = ctx.text.slice(ctx.map.toUtf16(p.end), ctx.map.toUtf16(q.start));
  const note = `…${[...p.text.slice(-16)].slice(-8).join('')} / ${'… / '.repeat(k - i - 1)}${[...r.text.slice(0, 16)].slice(0, 8).join('')}…`;
  return { kind: 'broken_paragraph', start: p.end, end: q.start, text, replacement, note };
}

/** How far past a caption or heading the continuation of a broken sentence is looked for. */
const LOOK_AHEAD = 10;

/**
 * The index of the paragraph, past the caption or heading after ps[i], that continues ps[i]'s
 * sentence, or -1: it starts mid-sentence (after a paragraph that ends unpunctuated too) and
 * mid-word (no word starts with its first two characters), and its first character makes a word
 * with the last of ps[i] (…持 / 续夯基础) but not with the last of the paragraph before it
 * (…补齐 / 续夯基础).
 */
function continuationFurtherOn(ps: DefectContext['paragraphs'], i: number): number {
  const lex = lexicon();
  const tail = lastChar(ps[i].text);
  if (!HAN.test(tail)) return -1;
  for (let k = i + 2; k < ps.length && k <= i + 1 + LOOK_AHEAD; k++) {
    const r = ps[k];
    const prev = ps[k - 1];
    if (endsSentence(prev.text) || captionNote(prev) || isHeadingLike(prev.text)) continue;
    if (!CONTINUES.test(r.text) || isHeadingLike(r.text) || captionNote(r)) continue;
    const [head, next = ''] = Array.from(r.text.slice(0, 4));
    // r starts mid-word (续夯基础: no word starts 续夯), and its first character ends ps[i]'s word
    if (HAN.test(head) && !lex.startsWord(head, next) && lex.isWord2(tail, head) && !lex.isWord2(lastChar(prev.text), head)) return k;
  }
  return -1;
}

const HAN = /^\p{Script=Han}$/u;
