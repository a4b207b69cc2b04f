import type { Defect } from '../schema';
import { type DefectContext, lastChar } from './context';
import { captionNote } from './caption';
import { isHeadingLike } from './headings';

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
  for (let i = 0; i + 1 < ps.length; i++) {
    const p = ps[i];
    const q = ps[i + 1];
    if (endsSentence(p.text) || captionNote(p)) continue;
    if (isHeadingLike(p.text) && !DANGLING.has(lastChar(p.text))) continue;
    if (!CONTINUES.test(q.text) || isHeadingLike(q.text) || captionNote(q)) continue;
    // rows of a table (numbers in columns) end unpunctuated and are not one sentence
    if (isTableRow(p.text) || isTableRow(q.text)) continue;
    const u0 = ctx.map.toUtf16(p.end);
    const u1 = ctx.map.toUtf16(q.start);
    out.push({ kind: 'broken_paragraph', start: p.end, end: q.start, text: ctx.text.slice(u0, u1), replacement: '', note: `…${[...p.text.slice(-16)].slice(-8).join('')} / ${[...q.text.slice(0, 16)].slice(0, 8).join('')}…` });
  }
  return out;
}
