import { describe, expect, it } from 'vitest';
import { itemsToLines, type PdfItem, type PdfLine } from './pdf-lines';
import { isPageNumber, linesToParagraphs, stripRunningHeads } from './pdf-layout';

/** Lays out lines like a typesetter: 12 pt, left margin 72, right edge 516, 18 pt leading. */
function page(rows: (string | { t: string; x?: number; end?: number; size?: number; gap?: number })[], top = 760): PdfLine[] {
  let y = top;
  return rows.map((r) => {
    const o = typeof r === 'string' ? { t: r } : r;
    y -= o.gap ?? 18;
    const size = o.size ?? 12;
    const x = o.x ?? 72;
    return { text: o.t, x, xEnd: o.end ?? 516, y, size };
  });
}

describe('itemsToLines', () => {
  it('groups runs by baseline, orders them, and spaces words but not CJK', () => {
    const items: PdfItem[] = [
      { str: '第二行', x: 72, y: 700, width: 36, size: 12 },
      { str: '第一', x: 72, y: 720, width: 24, size: 12 },
      { str: '行', x: 96, y: 720, width: 12, size: 12 },
      { str: 'GDP', x: 120, y: 720.5, width: 20, size: 12 },
      { str: 'grew', x: 144, y: 720, width: 24, size: 12 },
      { str: '2', x: 170, y: 724, width: 4, size: 7 },
      { str: ' ', x: 180, y: 700, width: 3, size: 12 },
    ];
    expect(itemsToLines(items).map((l) => l.text)).toEqual(['第一行 GDP grew2', '第二行']);
  });
});

describe('linesToParagraphs', () => {
  it('joins wrapped lines of indented paragraphs, across pages, without spaces in Chinese', () => {
    const p1 = page([{ t: '标题', end: 96 }, { t: '一年来，召开常委会会议', x: 96 }, '9次，制定法规', { t: '3件。', end: 108 }, { t: '二是加强', x: 96 }, '监督，']);
    const p2 = page(['持续发力', { t: '成效显著。', end: 132 }]);
    expect(linesToParagraphs([p1, p2])).toEqual(['标题', '一年来，召开常委会会议9次，制定法规3件。', '二是加强监督，持续发力成效显著。']);
  });

  it('joins Latin words with one space', () => {
    const p = page([{ t: 'The committee met nine', x: 96 }, 'times and passed three', { t: 'laws.', end: 110 }]);
    expect(linesToParagraphs([p])).toEqual(['The committee met nine times and passed three laws.']);
  });

  it('keeps a full line ending a sentence in the paragraph when paragraphs are marked by indent', () => {
    const p = page([{ t: '第一段开头', x: 96 }, '句子结束在行尾。', '下一句接着写', { t: '完。', end: 100 }, { t: '第二段', x: 96, end: 130 }, { t: '第三段', x: 96, end: 130 }]);
    expect(linesToParagraphs([p])).toEqual(['第一段开头句子结束在行尾。下一句接着写完。', '第二段', '第三段']);
  });

  it('splits block paragraphs (no indent) on extra space and on sentence ends', () => {
    const p = page(['第一段第一行', { t: '第一段结束。', end: 200 }, { t: '第二段第一行', gap: 30 }, '第二段到行尾结束。', '第三段', { t: '结束。', end: 100 }]);
    expect(linesToParagraphs([p])).toEqual(['第一段第一行第一段结束。', '第二段第一行第二段到行尾结束。', '第三段结束。']);
  });

  it('when paragraphs are set apart by blank lines, a full line ending a sentence does not end its paragraph', () => {
    const rows: Parameters<typeof page>[0] = [];
    for (let k = 1; k <= 7; k++) rows.push({ t: `第${k}段第一行`, gap: 36 }, { t: `写到行尾的一句话结束。`, end: 516 }, `第${k}段继续`, { t: '结束。', end: 110 });
    const out = linesToParagraphs([page(rows)]);
    expect(out).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => `第${k}段第一行写到行尾的一句话结束。第${k}段继续结束。`));
  });

  it('a table row stays a line of its own, and a hanging-indent item keeps its lines', () => {
    const p = page([
      { t: '表格前的一段文字，写到行尾' },
      { t: '200,001元至300,000元\t391 000\t85%' },
      { t: '(ii) 貫徹金融為實體經濟服務的理念，推出利得稅兩級制、研發' },
      { t: '開支額外扣稅；', x: 102, end: 200 },
    ]);
    p[1].cells = true;
    p[2].textX = 102;
    expect(linesToParagraphs([p])).toEqual(['表格前的一段文字，写到行尾', '200,001元至300,000元\t391 000\t85%', '(ii) 貫徹金融為實體經濟服務的理念，推出利得稅兩級制、研發開支額外扣稅；']);
  });

  it('starts a paragraph at a short heading after a finished sentence, and at a size change', () => {
    const p = page([{ t: '正文开头', x: 96 }, '写到行尾结束。', { t: '二、小标题', end: 140 }, { t: '正文', x: 96 }, '继续写', { t: '大标题', size: 16 }]);
    expect(linesToParagraphs([p])).toEqual(['正文开头写到行尾结束。', '二、小标题', '正文继续写', '大标题']);
  });
});

describe('stripRunningHeads', () => {
  it('drops running heads (digits aside) and page numbers at page edges, keeps body text', () => {
    const mk = (n: number, body: string[]) => ({
      height: 842,
      lines: [{ text: `长治市人大常委会工作报告 第${n}页`, x: 72, xEnd: 300, y: 800, size: 9 }, ...page(body), { text: `- ${n} -`, x: 280, xEnd: 300, y: 40, size: 9 }],
    });
    const pages = [mk(1, ['长治市人大常委会工作报告 第9页', '正文一']), mk(2, ['正文二', '12']), mk(3, ['正文三'])];
    const out = stripRunningHeads(pages).map((ls) => ls.map((l) => l.text));
    // the body line that looks like the head is at another height; "12" is the last body line, not at an edge zone? it is at an edge: dropped
    expect(out).toEqual([['长治市人大常委会工作报告 第9页', '正文一'], ['正文二'], ['正文三']]);
  });

  it('does not treat one page or a line on a single page as running', () => {
    const one = [{ height: 842, lines: page(['报告标题', '正文', '完']) }];
    expect(stripRunningHeads(one).map((ls) => ls.map((l) => l.text))).toEqual([['报告标题', '正文', '完']]);
  });

  it('recognises page number styles', () => {
    for (const t of ['3', '- 3 -', '— 12 —', '第 3 页', '3/10', '第3页 共10页', 'Page 3 of 10', '－3－', 'iv']) expect(isPageNumber(t), t).toBe(true);
    for (const t of ['2024年', '3件', '一、总体要求', '第三章']) expect(isPageNumber(t), t).toBe(false);
  });
});
