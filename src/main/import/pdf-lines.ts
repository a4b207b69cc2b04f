import { firstCp, isCjk, lastCp } from './chars';
import { CELL, HARD, SOFT, type SpacingCounts, removeLayoutSpaces } from './pdf-spacing';

/** One text run of a page, in PDF user space (y grows upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the text). */
  size: number;
}

/** One visual line of a page. */
export interface PdfLine {
  text: string;
  x: number;
  xEnd: number;
  /** Baseline. */
  y: number;
  size: number;
  /** Where the text starts after a list marker set apart by a hanging indent (`(ii)   text`). */
  textX?: number;
  /** A table row: its cells are separated by tabs. */
  cells?: boolean;
  /** Layout spaces removed from the line. */
  spacing?: SpacingCounts;
}

/** pdf.js text item → PdfItem (null for empty or marker items). */
export function fromPdfjsItem(item: unknown): PdfItem | null {
  const it = item as { str?: unknown; transform?: unknown; width?: unknown; height?: unknown };
  if (typeof it.str !== 'string' || it.str.length === 0 || !Array.isArray(it.transform)) return null;
  const [a, b, c, d, e, f] = it.transform as number[];
  const size = Math.hypot(c, d) || Math.hypot(a, b) || (typeof it.height === 'number' ? it.height : 0) || 1;
  return { str: it.str, x: e, y: f, width: typeof it.width === 'number' ? it.width : 0, size };
}

/**
 * Groups a page's runs into lines, top to bottom, each left to right. Runs whose baselines
 * are within half a font size belong to one line (superscripts included). Reading order is
 * taken from the layout, so the page is assumed to be a single column.
 */
export function itemsToLines(items: readonly PdfItem[]): PdfLine[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: PdfItem[][] = [];
  let current: PdfItem[] = [];
  let lineY = 0;
  let lineSize = 0;
  for (const it of sorted) {
    if (current.length > 0 && Math.abs(lineY - it.y) <= 0.5 * Math.max(lineSize, it.size)) {
      current.push(it);
      if (it.size > lineSize && it.str.trim().length > 0) {
        lineSize = it.size;
        lineY = it.y;
      }
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [it];
    lineY = it.y;
    lineSize = it.size;
  }
  if (current.length > 0) groups.push(current);
  const lines: PdfLine[] = [];
  for (const g of groups) {
    const line = joinRuns(g);
    if (line) lines.push(line);
  }
  return lines;
}

/** Gaps between runs, in ems of the larger font: a column gap, a wide gap, and the least gap that is a space. */
const CELL_GAP = 1.5;
const WIDE_GAP = 0.6;
const CJK_SPACE_GAP = 0.3;
const SPACE_GAP = 0.2;

/** A list marker that a hanging indent sets apart from its text (`2.`, `(3)`, `（一）`, `(iv)`, `•`). */
const LIST_MARKER = /^(?:[(（]?(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3}|[ivxlc]{1,5}|[a-z])[)）.．、]?[)）]?|[•·●○■□◆◇▪–—-])$/i;

/** Runs of single ideographs a space apart (`坚 持 党 的 领 导`): a letter-spaced line. */
const SPACED_HAN = /^[\p{Script=Han}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20](?: [\p{Script=Han}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20])+$/u;

/**
 * The letter spacing of a line, in ems: the extra advance between the ideographs of its
 * letter-spaced runs (each ideograph being one em wide), the median over those runs; 0 when
 * it has none. Gaps between runs are measured beyond it (twice: the letter spacing may stand
 * on both sides of an autospace).
 */
function tracking(runs: readonly PdfItem[]): number {
  const per: number[] = [];
  for (const r of runs) {
    if (r.size <= 0 || !SPACED_HAN.test(r.str)) continue;
    const n = Array.from(r.str.replace(/ /g, '')).length;
    per.push((r.width / r.size - n) / (n - 1));
  }
  if (per.length === 0) return 0;
  per.sort((a, b) => a - b);
  return Math.min(1, Math.max(0, per[Math.floor(per.length / 2)]));
}

function joinRuns(runs: PdfItem[]): PdfLine | null {
  runs.sort((p, q) => p.x - q.x);
  const solid = runs.filter((r) => r.str.trim().length > 0);
  if (solid.length === 0) return null;
  // pieces of text and the gaps between them
  const track = tracking(solid);
  const texts: string[] = [];
  const gaps: string[] = [];
  let end = -Infinity;
  let x = Infinity;
  let xEnd = -Infinity;
  let size = 0;
  let y = 0;
  let prevSize = 0;
  const weight = new Map<number, number>();
  for (const r of solid) {
    const str = r.str.replace(/\s+/g, SOFT);
    if (texts.length > 0) {
      const gap = r.x - end;
      const em = Math.max(r.size, prevSize);
      const prev = texts[texts.length - 1];
      const cjk = isCjk(lastCp(prev.trimEnd())) && isCjk(firstCp(str.trimStart()));
      gaps.push(gap >= (CELL_GAP + 2 * track) * em ? CELL : gap > (WIDE_GAP + 2 * track) * em ? HARD : gap >= (cjk ? CJK_SPACE_GAP : SPACE_GAP) * em ? SOFT : '');
    }
    texts.push(str);
    prevSize = r.size;
    x = Math.min(x, r.x);
    xEnd = Math.max(xEnd, r.x + r.width);
    const key = Math.round(r.size * 10) / 10;
    weight.set(key, (weight.get(key) ?? 0) + str.replace(/ /g, '').length);
    end = Math.max(end, r.x + r.width);
  }
  // The line's size and baseline are those of most of its characters (not of a larger
  // paragraph number or a superscript).
  let best = -1;
  for (const [k, n] of weight) {
    if (n > best || (n === best && k > size)) {
      best = n;
      size = k;
    }
  }
  y = solid.find((r) => Math.round(r.size * 10) / 10 === size)?.y ?? solid[0].y;
  // A wide gap after a leading list marker is a hanging indent, and a line whose every
  // "cell" is one character is spaced-out text: neither is a table row.
  let textX: number | undefined;
  const lead = gaps.findIndex((g) => g === CELL || g === HARD);
  if (lead >= 0 && LIST_MARKER.test(texts.slice(0, lead + 1).join('').trim())) {
    gaps[lead] = HARD;
    textX = solid[lead + 1].x;
  }
  if (gaps.includes(CELL)) {
    const cells: string[] = [''];
    texts.forEach((t, k) => {
      if (k > 0 && gaps[k - 1] === CELL) cells.push('');
      cells[cells.length - 1] += t;
    });
    if (cells.every((c) => Array.from(c.trim()).length === 1)) for (let k = 0; k < gaps.length; k++) if (gaps[k] === CELL) gaps[k] = HARD;
  }
  let raw = texts[0];
  for (let k = 1; k < texts.length; k++) {
    const sep = gaps[k - 1];
    // whitespace at the joint: the stronger of the run's own spaces and the gap wins
    const a = raw.replace(/ +$/, '');
    const b = texts[k].replace(/^ +/, '');
    const had = a.length < raw.length || b.length < texts[k].length;
    raw = a + (sep || (had ? SOFT : '')) + b;
  }
  const { text, counts } = removeLayoutSpaces(raw.trim());
  if (text.length === 0) return null;
  return { text, x, xEnd, y, size, cells: text.includes(CELL), spacing: counts, ...(textX === undefined ? {} : { textX }) };
}

/** Bins across the page's text width when looking for the gutter between two columns. */
const GUTTER_BINS = 240;
/** Each column holds at least this many lines, of at least this many characters on average. */
const COLUMN_MIN_LINES = 6;
const COLUMN_MIN_CHARS = 8;

/**
 * A page's lines in reading order. A page set in two text columns (a gutter down the middle
 * that no run crosses, with a column of prose on each side) is read column by column: first
 * what spans both columns above them (a title), then the left column, the right one, and what
 * spans them below. Anything else is read line by line across the page (tables keep their rows).
 */
export function pageToLines(items: readonly PdfItem[]): PdfLine[] {
  const cols = splitColumns(items);
  if (!cols) return itemsToLines(items);
  const top = Math.max(...[...cols.left, ...cols.right].map((i) => i.y));
  const above = cols.spanning.filter((i) => i.y > top);
  const below = cols.spanning.filter((i) => i.y <= top);
  return [...itemsToLines(above), ...itemsToLines(cols.left), ...itemsToLines(cols.right), ...itemsToLines(below)];
}

function splitColumns(items: readonly PdfItem[]): { left: PdfItem[]; right: PdfItem[]; spanning: PdfItem[] } | null {
  const solid = items.filter((i) => i.str.trim().length > 0 && i.width > 0);
  if (solid.length < 2 * COLUMN_MIN_LINES) return null;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const i of solid) {
    minX = Math.min(minX, i.x);
    maxX = Math.max(maxX, i.x + i.width);
  }
  const span = maxX - minX;
  if (!(span > 0)) return null;
  // runs as wide as most of the page (a title, a full-width paragraph) do not decide the gutter
  const narrow = solid.filter((i) => i.width < 0.6 * span);
  const cover = new Int32Array(GUTTER_BINS);
  const bin = (x: number): number => Math.min(GUTTER_BINS - 1, Math.max(0, Math.floor(((x - minX) / span) * GUTTER_BINS)));
  for (const i of narrow) for (let b = bin(i.x); b <= bin(i.x + i.width - 1e-6); b++) cover[b]++;
  // the widest empty band in the middle of the page
  const lo = Math.floor(0.3 * GUTTER_BINS);
  const hi = Math.ceil(0.7 * GUTTER_BINS);
  let best = -1;
  let bestLen = 0;
  for (let b = lo, run = 0; b < hi; b++) {
    run = cover[b] === 0 ? run + 1 : 0;
    if (run > bestLen) { bestLen = run; best = b - run + 1; }
  }
  const sizes = solid.map((i) => i.size).sort((a, b) => a - b);
  const em = sizes[Math.floor(sizes.length / 2)];
  if (best < 0 || (bestLen / GUTTER_BINS) * span < 1.5 * em) return null;
  const gutter = minX + ((best + bestLen / 2) / GUTTER_BINS) * span;
  const left: PdfItem[] = [];
  const right: PdfItem[] = [];
  const spanning: PdfItem[] = [];
  for (const i of items) {
    if (i.x + i.width <= gutter) left.push(i);
    else if (i.x >= gutter) right.push(i);
    else spanning.push(i);
  }
  const prose = (side: PdfItem[]): boolean => {
    const lines = itemsToLines(side);
    if (lines.length < COLUMN_MIN_LINES) return false;
    const chars = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
    return chars / lines.length >= COLUMN_MIN_CHARS && !lines.some((l) => l.cells);
  };
  return prose(left) && prose(right) ? { left, right, spanning } : null;
}
