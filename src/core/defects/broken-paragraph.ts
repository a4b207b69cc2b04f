import type { Defect } from '../schema';
import { type DefectContext, lastChar } from './context';
import { captionNote } from './caption';
import { isHeadingLike } from './headings';
import { lexicon } from '../duplicates/lexicon';

/** A paragraph ending in one of these ends its sentence (or introduces what follows). */
const TERMINAL = new Set(['。', '．', '.', '！', '!', '？', '?', '；', ';', '：', ':', '…', '—', '–', '-', '」', '』', '》', '】', ']', '*', '#', '|', '>', '~', '～']);
/** Closing marks that end a sentence only after terminal punctuation: 。” but not “小” */
const CLOSERS = new Set(['”', '’', '"', "'", '）', ')']);
/** A paragraph ending in one of these continues for sure (a heading never ends so). */
const DANGLING = new Set(['的', '、', '，', ',', '“', '‘', '《', '（', '(', '「']);
/** A paragraph that continues a sentence starts with one of these. */
const CONTINUES = /^[\p{Script=Han}\p{L}\p{N}“‘"《(（]/u;

/** A table row: at least three cells apart by spaces or tabs, at least half of them numbers. */
const CELL_GAP = /[ \t\u3000]+/u;
/** a number with at most two characters of unit: 1,234.5 · 4.6% · 2021年 · (3件) */
const NUMERIC_CELL = /^[-+±(（]?[\d０-９][\d０-９,，.．]*[^\s\d０-９]{0,2}[)）]?$/u;
function isTableRow(text: string): boolean {
  const cells = text.trim().split(CELL_GAP);
  if (cells.length < 3) return false;
  let numeric = 0;
  for (const c of cells) if (NUMERIC_CELL.test(c)) numeric++;
  return numeric * 2 >= cells.length;
}

function endsSentence(text: string): boolean {
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
 * apart by spaces). The finding spans the separating line
 * breaks; the fix joins the two paragraphs.
 */
export function findBrokenParagraphs(ctx: DefectContext): Defect[] {
  const out: Defect[] = [];
  const ps = ctx.paragraphs;
  /** paragraphs that continue an earlier one, not the one before them */
  const movedAway = new Set<number>();
  for (let i = 0; i + 1 < ps.length; i++) {
    const p = ps[i];
    const q = ps[i + 1];
    if (endsSentence(p.text) || captionNote(p)) continue;
    if (isHeadingLike(p.text) && !DANGLING.has(lastChar(p.text))) continue;
    if (!CONTINUES.test(q.text) || isHeadingLike(q.text) || captionNote(q)) {
      // a page layout put a caption or a section between the two halves of a sentence
      const k = (isHeadingLike(q.text) || captionNote(q)) && !isHeadingLike(p.text) ? continuationFurtherOn(ps, i) : -1;
      if (k > 0) {
        movedAway.add(k);
        // no certain fix: what stands between the halves must move, not go
        out.push(brokenAt(ctx, i, k, null));
      }
      continue;
    }
    if (movedAway.has(i + 1)) continue;
    // rows of a table (numbers in columns) end unpunctuated and are not one sentence
    if (isTableRow(p.text) || isTableRow(q.text)) continue;
    out.push(brokenAt(ctx, i, i + 1, ''));
  }
  return out;
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
