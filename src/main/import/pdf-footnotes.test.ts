/**
 * [import-s6] A footnote at the foot of a page (smaller type, opening with its number) stood
 * between a paragraph's last line on one page and its continuation on the next: the Hong Kong
 * 2025 policy address read "…大學校長或代表等意 | 3 現時的北部都會區督導委員會將會取消。 | 見。小組…",
 * a paragraph cut in two (a false broken_paragraph, a sentence lost to the figures' metrics).
 * The footnotes now follow the paragraph that runs on past them.
 */
import { describe, expect, it } from 'vitest';
import { linesToParagraphs } from './pdf-layout';
import type { PdfLine } from './pdf-lines';

/** Body lines at 12.5 pt from the top, and footnotes at 9 pt at the foot. */
function page(body: (string | { t: string; x?: number; end?: number })[], notes: string[] = []): PdfLine[] {
  const lines: PdfLine[] = body.map((r, i) => {
    const o = typeof r === 'string' ? { t: r } : r;
    return { text: o.t, x: o.x ?? 72, xEnd: o.end ?? 516, y: 760 - 20 * i, size: 12.5 };
  });
  notes.forEach((t, i) => lines.push({ text: t, x: 72, xEnd: 400, y: 96 - 12 * i, size: 9 }));
  return lines;
}

describe('footnotes at the foot of a page', () => {
  it('wait until the paragraph that runs on to the next page has ended', () => {
    const pages = [
      page([{ t: '(ii) 「大學城籌劃及建設組」由政務司司長任組長，成立調研專班，研究', x: 96 }, '實地考察不同地方大學城的成功模式，廣納本地、內地和國際知名', '大學校長或代表等意'], ['3 現時的北部都會區督導委員會將會取消。']),
      page(['見。小組亦會研究把香港優勢學術領域與產業深度結合發展的路徑。', { t: '下一段的開頭，寫到這一行的行尾為止還有很多的文字繼續寫', x: 96 }, '完。']),
    ];
    expect(linesToParagraphs(pages)).toEqual([
      '(ii) 「大學城籌劃及建設組」由政務司司長任組長，成立調研專班，研究實地考察不同地方大學城的成功模式，廣納本地、內地和國際知名大學校長或代表等意見。小組亦會研究把香港優勢學術領域與產業深度結合發展的路徑。',
      '3 現時的北部都會區督導委員會將會取消。',
      '下一段的開頭，寫到這一行的行尾為止還有很多的文字繼續寫完。',
    ]);
  });

  it('keep their own lines and items apart, and come at the end when nothing follows', () => {
    const pages = [page([{ t: '正文第一段的開頭，寫到這一行的行尾還沒有寫完的句子', x: 96 }, '續寫正文，寫到這一行的行尾還沒有寫完的句子', '續寫正文，寫到這一行的行尾還沒有寫完的句子', '最後一行沒有寫完'], ['19 約章涵蓋四個要素，分別為：', '(1) 休息：足夠的睡眠。', '20 第二個註釋'])];
    expect(linesToParagraphs(pages)).toEqual([
      '正文第一段的開頭，寫到這一行的行尾還沒有寫完的句子續寫正文，寫到這一行的行尾還沒有寫完的句子續寫正文，寫到這一行的行尾還沒有寫完的句子最後一行沒有寫完',
      '19 約章涵蓋四個要素，分別為：',
      '(1) 休息：足夠的睡眠。',
      '20 第二個註釋',
    ]);
  });

  it('small type without a footnote number, a page all in small type, and small table rows stay where they are', () => {
    // a source line in small type under a table: not a footnote
    const source = [page(['正文寫到行尾還沒有寫完的句子，繼續寫到這一行的行尾為止', '還沒寫完'], ['資料來源：統計處']), page(['續完。'])];
    expect(linesToParagraphs(source)).toEqual(['正文寫到行尾還沒有寫完的句子，繼續寫到這一行的行尾為止還沒寫完', '資料來源：統計處', '續完。']);
    // (each item a line of its own, 20 pt apart like the body, so that only the size differs)
    const small: PdfLine[] = ['1 附錄第一項', '2 附錄第二項', '3 附錄第三項'].map((t, i) => ({ text: t, x: 72, xEnd: 200, y: 700 - 40 * i, size: 9 }));
    const body = page(['正文寫到行尾還沒有寫完的句子，繼續寫到這一行的行尾為止', '正文寫到行尾還沒有寫完的句子，繼續寫到這一行的行尾為止', '寫完。']);
    expect(linesToParagraphs([body, small])).toEqual(['正文寫到行尾還沒有寫完的句子，繼續寫到這一行的行尾為止正文寫到行尾還沒有寫完的句子，繼續寫到這一行的行尾為止寫完。', '1 附錄第一項', '2 附錄第二項', '3 附錄第三項']);
    const table = [page(['表前文字寫到行尾還沒有寫完的句子，繼續寫到這一行的行尾為止'], []), page(['接續。'])];
    table[0].push({ text: '1 600\t2 300', x: 72, xEnd: 400, y: 96, size: 9, cells: true });
    expect(linesToParagraphs(table)).toEqual(['表前文字寫到行尾還沒有寫完的句子，繼續寫到這一行的行尾為止', '1 600\t2 300', '接續。']);
  });
});
