import type { PdfLine } from './pdf-lines';
import { joinWrapped } from './paragraphs';

export interface PdfPage {
  lines: PdfLine[];
  /** Page height in PDF units (for the header/footer zones). */
  height: number;
}

/** Lines at each end of a page that may be running heads or page numbers. */
const EDGE_LINES = 2;

const PAGE_NUMBER = [
  /^[-–—－‐·•\s]*(第\s*)?[0-9０-９]{1,4}\s*(页)?[-–—－‐·•\s]*$/,
  /^(第\s*)?[0-9]{1,4}\s*页?\s*[/／]\s*(共\s*)?[0-9]{1,4}\s*页?$/,
  /^第\s*[0-9]{1,4}\s*页\s*[,，、]?\s*共\s*[0-9]{1,4}\s*页$/,
  /^(page|p\.)\s*[0-9]{1,4}(\s*(of|\/)\s*[0-9]{1,4})?$/i,
  /^[-–—\s]*[ivxlcdm]{1,7}[-–—\s]*$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return t.length <= 24 && PAGE_NUMBER.some((re) => re.test(t));
}

/** A section's running head: at most this many characters (spaces aside), on at least this many pages. */
const SECTION_HEAD_MAX = 40;
const SECTION_HEAD_PAGES = 3;

/** Text with digits generalised and spaces removed: "第 3 页" and "第 4 页" are one running head. */
function headKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');
}

/**
 * Drops running heads and feet (a line at the top or bottom edge of a page whose text, digits
 * aside, recurs at about the same height on at least 40% of the pages, and on two or more)
 * and bare page numbers at the page edges. Returns the remaining lines per page.
 */
export function stripRunningHeads(pages: readonly PdfPage[]): PdfLine[][] {
  const edge = (lines: PdfLine[]): Set<number> => {
    const s = new Set<number>();
    for (let k = 0; k < Math.min(EDGE_LINES, lines.length); k++) {
      s.add(k);
      s.add(lines.length - 1 - k);
    }
    return s;
  };
  const seen = new Map<string, { page: number; y: number; size: number }[]>();
  pages.forEach((p, pi) => {
    for (const k of edge(p.lines)) {
      const line = p.lines[k];
      const key = headKey(line.text);
      const list = seen.get(key) ?? [];
      if (!list.some((e) => e.page === pi)) list.push({ page: pi, y: line.y, size: line.size });
      seen.set(key, list);
    }
  });
  // import-s6: a section's running head (the chapter title atop each page of a chapter, as in a
  // budget speech) recurs on fewer than 40% of the pages, but always as the outermost line of a
  // page, at one height: a short line (not a table row) that is the first or last line of three
  // or more pages at the same height is one too
  const outer = new Map<string, { page: number; y: number; size: number }[]>();
  pages.forEach((p, pi) => {
    for (const k of new Set([0, p.lines.length - 1])) {
      const line = p.lines[k];
      if (!line || line.cells || line.text.replace(/\s+/g, '').length > SECTION_HEAD_MAX) continue;
      const key = headKey(line.text);
      const list = outer.get(key) ?? [];
      if (!list.some((e) => e.page === pi)) list.push({ page: pi, y: line.y, size: line.size });
      outer.set(key, list);
    }
  });
  const minPages = Math.max(2, Math.ceil(pages.length * 0.4));
  const running = new Set<string>();
  const recurring = (found: Map<string, { page: number; y: number; size: number }[]>, min: number): void => {
    for (const [key, list] of found) {
      if (list.length < min) continue;
      const ys = list.map((e) => e.y).sort((a, b) => a - b);
      const median = ys[Math.floor(ys.length / 2)];
      const near = list.filter((e) => Math.abs(e.y - median) <= Math.max(e.size, 3)).length;
      if (near >= min) running.add(`${key}@${median}`);
    }
  };
  recurring(seen, minPages);
  recurring(outer, SECTION_HEAD_PAGES);
  const runningAt = (key: string, y: number, size: number): boolean => {
    for (const r of running) {
      const at = r.lastIndexOf('@');
      if (r.slice(0, at) === key && Math.abs(Number(r.slice(at + 1)) - y) <= Math.max(size, 3)) return true;
    }
    return false;
  };
  return pages.map((p) => {
    const edges = edge(p.lines);
    return p.lines.filter((line, k) => {
      if (!edges.has(k)) return true;
      if (isPageNumber(line.text)) return false;
      return !runningAt(headKey(line.text), line.y, line.size);
    });
  });
}

/** Ends a sentence or a clause that closes a paragraph, possibly followed by closing quotes/brackets. */
const CLOSING = /[。！？；：…!?;:][”’」』）)】》"']*$/;

interface Layout {
  left: number;
  right: number;
  gap: number;
  usesIndent: boolean;
  usesBlankLines: boolean;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function mode(xs: number[], bucket: number): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const x of xs) {
    const k = Math.round(x / bucket);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestN || (n === bestN && k < best)) {
      best = k;
      bestN = n;
    }
  }
  return best * bucket;
}

function measure(pages: readonly PdfLine[][]): Layout {
  const all = pages.flat();
  const size = median(all.map((l) => l.size)) || 10;
  const left = mode(all.map((l) => l.x), size / 4);
  const ends = all.map((l) => l.xEnd).sort((a, b) => a - b);
  const right = ends.length ? ends[Math.floor(ends.length * 0.9)] : 0;
  const gaps: number[] = [];
  for (const p of pages) for (let k = 1; k < p.length; k++) if (p[k - 1].y - p[k].y > 0) gaps.push(p[k - 1].y - p[k].y);
  const indented = all.filter((l) => l.x > left + 0.8 * l.size && l.x < left + 4.5 * l.size).length;
  const gap = median(gaps) || size * 1.5;
  // Paragraphs set apart by blank space: most clear paragraph ends (a short line closing a
  // sentence) are followed by a wider gap. Then a full line closing a sentence is no end.
  let closed = 0;
  let spaced = 0;
  for (const p of pages) {
    for (let k = 1; k < p.length; k++) {
      const a = p[k - 1];
      if (!CLOSING.test(a.text) || right - a.xEnd <= 4 * a.size || a.cells || p[k].cells) continue;
      closed++;
      if (a.y - p[k].y > 1.6 * gap) spaced++;
    }
  }
  return { left, right, gap, usesIndent: indented >= 2 && indented >= all.length * 0.03, usesBlankLines: closed >= 5 && spaced >= 0.8 * closed };
}

/**
 * Re-joins wrapped lines into paragraphs. A line break is a paragraph break when the next
 * line is indented, set apart by extra space, or in another font size; when the line stops
 * clearly short of the right margin; or when it closes a sentence and either the document
 * does not mark paragraphs by indentation or the next line is a short heading. Otherwise
 * the next line continues the paragraph (also across pages), joined without a space between
 * CJK characters. A table row (cells apart) stands alone.
 */
export function linesToParagraphs(pages: readonly PdfLine[][]): string[] {
  return flow(pages, measure(pages), median(pages.flat().map((l) => l.size)) || 10);
}

/** The paragraphs of pages with their layout; footnotes are looked for where `bodySize` is given. */
function flow(pages: readonly PdfLine[][], layout: Layout, bodySize: number | null): string[] {
  const out: string[] = [];
  let para = '';
  let prev: PdfLine | null = null;
  let prevPage = -1;
  let hang: number | undefined; // the text column of a paragraph that opened with a hanging list marker
  // import-s6: the footnotes at the foot of a page wait until the paragraph that runs on past
  // them has ended ("…校長或代表等意 | 3 現時的… | 見。" was cut in two by its footnote)
  let notes: string[] = [];
  pages.forEach((lines, pi) => {
    const foot = bodySize === null ? lines.length : footnoteStart(lines, bodySize);
    for (const line of lines.slice(0, foot)) {
      if (prev && !startsParagraph(prev, line, prevPage === pi, layout, hang)) {
        para = joinWrapped(para, line.text);
      } else {
        if (para) out.push(para);
        out.push(...notes);
        notes = [];
        para = line.text;
        hang = line.textX;
      }
      prev = line;
      prevPage = pi;
    }
    // a page's footnotes as paragraphs, laid out as the body is (a numbered item in a note stays apart)
    if (foot < lines.length) notes.push(...flow([lines.slice(foot)], layout, null));
  });
  if (para) out.push(para);
  out.push(...notes);
  return out;
}

/** A footnote's marker: a number (or *, †, 註/注 with a number) and a space before its text. */
const FOOTNOTE_MARK = /^(?:[0-9]{1,3}|[*＊†‡]|[註注][0-9０-９]{0,3}[：:]?)[\s\u3000]+\S/;

/**
 * Where a page's footnotes begin (lines.length when it has none): the lines at the foot of the
 * page set clearly smaller than the body text (≤ 80%), below the body, the first one opening
 * with a footnote marker, none a table row.
 */
function footnoteStart(lines: readonly PdfLine[], bodySize: number): number {
  let k = lines.length;
  while (k > 1 && lines[k - 1].size <= 0.8 * bodySize && !lines[k - 1].cells) k--;
  if (k === lines.length || k === 0) return lines.length;
  // the block starts at its first marker line, under the body
  while (k < lines.length && !FOOTNOTE_MARK.test(lines[k].text)) k++;
  if (k === lines.length || lines[k].y >= lines[k - 1].y) return lines.length;
  // a page set small throughout (an appendix) has no footnotes: the line above them is body text
  return lines[k - 1].size > 0.8 * bodySize ? k : lines.length;
}

function startsParagraph(a: PdfLine, b: PdfLine, samePage: boolean, L: Layout, hang: number | undefined): boolean {
  if (a.cells || b.cells) return true; // a table row is a line of its own
  const size = Math.max(a.size, b.size);
  if (Math.abs(a.size - b.size) > 0.15 * size) return true; // heading or footnote size
  if (samePage && (a.y - b.y > 1.6 * L.gap || b.y > a.y)) return true; // blank space, or a jump back up
  if (b.textX !== undefined) return true; // a list item or numbered paragraph with a hanging indent
  // lines under the text of a hanging indent continue the item, and so do the lines of an
  // indented block (a line as indented as the full line before it, which goes on)
  const full = L.right - a.xEnd <= 2 * a.size;
  if (hang !== undefined && full && Math.abs(b.x - hang) <= 0.5 * b.size) return false;
  if (samePage && full && !CLOSING.test(a.text) && Math.abs(b.x - a.x) <= 0.5 * b.size && b.x > L.left + 0.8 * b.size) return false;
  if (b.x > L.left + 0.8 * b.size) return true; // first-line indent (or centred)
  // Line breaking (e.g. no break before "”" or "，") leaves lines up to a few characters
  // short of the margin, so only a clearly short line ends a paragraph by itself.
  if (L.right - a.xEnd > 4 * a.size) return true;
  if (!CLOSING.test(a.text)) return false;
  if (L.usesBlankLines && samePage) return false; // paragraphs are set apart by space, and this is no gap
  if (!L.usesIndent) return true; // block paragraphs: a finished sentence at the line end ends it
  return L.right - b.xEnd > 2 * b.size && !CLOSING.test(b.text); // a short heading after a finished sentence
}
