import { firstCp, isCjk, lastCp } from './chars';

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

function joinRuns(runs: PdfItem[]): PdfLine | null {
  runs.sort((p, q) => p.x - q.x);
  let text = '';
  let end = -Infinity;
  let x = Infinity;
  let xEnd = -Infinity;
  let size = 0;
  let y = 0;
  let prevSize = 0;
  for (const r of runs) {
    const blank = r.str.trim().length === 0;
    if (!blank) {
      if (text.length > 0 && !text.endsWith(' ')) {
        const gap = r.x - end;
        const cjk = isCjk(lastCp(text)) && isCjk(firstCp(r.str));
        if (gap > (cjk ? 1.0 : 0.2) * Math.max(r.size, prevSize)) text += ' ';
      }
      text += r.str;
      prevSize = r.size;
      x = Math.min(x, r.x);
      xEnd = Math.max(xEnd, r.x + r.width);
      if (r.size >= size) {
        size = r.size;
        y = r.y;
      }
    } else if (text.length > 0 && !text.endsWith(' ')) {
      text += ' ';
    }
    end = Math.max(end, r.x + r.width);
  }
  text = text.trim();
  if (text.length === 0) return null;
  return { text, x, xEnd, y, size };
}
