/**
 * [import-s6] Section running heads: a budget speech (Hong Kong 2023) prints its chapter title
 * atop every page of the chapter, left or right by page parity. Each title recurs on fewer than
 * 40% of the pages, so it stayed in the text — as a paragraph of its own 6 to 18 times, or glued
 * to the paragraph that went on across the page ("…七億四千萬元；及復常下力保全速復蘇"). The
 * outermost line of three or more pages, at one height, short and not a table row, is a head.
 */
import { describe, expect, it } from 'vitest';
import type { PdfPage } from './pdf-layout';
import { linesToParagraphs, stripRunningHeads } from './pdf-layout';
import type { PdfLine } from './pdf-lines';

const body = (texts: string[], top = 760): PdfLine[] => texts.map((text, i) => ({ text, x: 72, xEnd: 516, y: top - 18 * (i + 1), size: 12 }));
const head = (text: string, pi: number, y = 800): PdfLine => ({ text, x: pi % 2 ? 72 : 380, xEnd: pi % 2 ? 250 : 516, y, size: 10 });
const foot = (text: string): PdfLine => ({ text, x: 290, xEnd: 306, y: 40, size: 10 });
const texts = (pages: PdfLine[][]): string[][] => pages.map((ls) => ls.map((l) => l.text));
/** Body text that differs from page to page (digits aside: a running head's key ignores them). */
const WORDS = '甲乙丙丁戊己庚辛壬癸子丑';
const prose = (pi: number): string[] => [`${WORDS[pi]}項正文，繼續說明各項措施的安排和預算`, `${WORDS[pi]}項全年撥款。`];

const TEN = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

describe('section running heads', () => {
  it('drops a chapter title atop three or more pages (either side), keeps the same title as the chapter’s heading in the body', () => {
    const pages: PdfPage[] = [];
    for (let pi = 0; pi < 12; pi++) {
      const chapter = pi < 6 ? '復常下力保全速復蘇' : '施政為民';
      const lines = [head(chapter, pi), ...(pi === 0 || pi === 6 ? body([chapter], 742) : []), ...body(prose(pi), 700)];
      // the appendix pages are numbered "(1)", "(2)"… at the foot
      if (pi >= 8) lines.push(foot(`(${pi - 7})`));
      pages.push({ height: 842, lines });
    }
    const out = texts(stripRunningHeads(pages));
    expect(out.flat().filter((t) => t === '復常下力保全速復蘇')).toHaveLength(1);
    expect(out.flat().filter((t) => t === '施政為民')).toHaveLength(1);
    expect(out[0][0]).toBe('復常下力保全速復蘇'); // the heading in the body (at 742), not the head (at 800)
    expect(out.flat().some((t) => /^\(\d\)$/.test(t))).toBe(false);
    expect(out.flat().filter((t) => t.endsWith('項全年撥款。'))).toHaveLength(12);
  });

  it('a paragraph that goes on across the page is no longer glued to the head', () => {
    // a chapter of three pages in a document of ten (under the 40% of a document-wide head)
    const pages: PdfPage[] = TEN.map((pi) => ({
      height: 842,
      lines: [head(pi < 3 ? '復常下力保全速復蘇' : `第${WORDS[pi]}章其他內容`, pi), ...body(pi === 0 ? ['估計涉及四十三萬個非住宅物業。政府收入將減少七億四千萬元；及'] : prose(pi), 700)],
    }));
    // the continuation on the next page starts at the body's left margin, under the head
    const paragraphs = linesToParagraphs(stripRunningHeads(pages));
    expect(paragraphs.some((p) => p.includes('復常下力保全速復蘇'))).toBe(false);
  });

  it('keeps what only looks like a head: on two pages, at another height, a table row, or a long line', () => {
    // ten pages: on three of them is under the 40% of a running head of the whole document
    const twice: PdfPage[] = TEN.map((pi) => ({ height: 842, lines: [...(pi < 2 ? [head('第一章 總論', pi)] : []), ...body(prose(pi))] }));
    expect(texts(stripRunningHeads(twice)).flat().filter((t) => t === '第一章 總論')).toHaveLength(2);
    const heights: PdfPage[] = TEN.map((pi) => ({ height: 842, lines: [...(pi < 3 ? [head('投資收入', pi, 800 - 100 * pi)] : []), ...body(prose(pi), 600)] }));
    expect(texts(stripRunningHeads(heights)).flat().filter((t) => t === '投資收入')).toHaveLength(3);
    const table: PdfPage[] = TEN.map((pi) => ({ height: 842, lines: [...(pi < 3 ? [{ ...head('(百萬元)\t預算\t預測', pi), cells: true }] : []), ...body(prose(pi))] }));
    expect(texts(stripRunningHeads(table)).flat().filter((t) => t.startsWith('(百萬元)'))).toHaveLength(3);
    const long = '這是一個很長的句子，在三頁的頂端以相同的文字出現，但它是正文而不是頁眉，因為頁眉不會這麼長的。';
    const longs: PdfPage[] = TEN.map((pi) => ({ height: 842, lines: [...(pi < 3 ? [head(long, pi)] : []), ...body(prose(pi))] }));
    expect(texts(stripRunningHeads(longs)).flat().filter((t) => t === long)).toHaveLength(3);
  });
});
