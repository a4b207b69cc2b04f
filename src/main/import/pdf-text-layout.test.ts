/**
 * The PDF importer on text laid out as real PDFs lay it out: generated files with runs placed
 * exactly (autospace, letter spacing, table cells), and the real Hong Kong PDFs of
 * ../shared/real-files when they are there. Expected texts are checked by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PdfResult, importPdf } from './pdf';
import { type PlacedRun, placedRunsPdf, runsInLine } from './pdf-fixtures';
import { warningText } from './warnings';

describe('importPdf: layout whitespace and tables', () => {
  it('removes the autospace a PDF puts between Chinese and numbers, and counts it', async () => {
    const line = runsInLine([{ text: '一年来，召开常委会会议' }, { text: '9', gapBefore: 0.2 }, { text: '次，制定法规', gapBefore: 0.2 }, { text: '3', gapBefore: 0.2 }, { text: '件。', gapBefore: 0.2 }], 72, 100);
    const r = await importPdf(await placedRunsPdf([line]));
    expect(r.text).toBe('\n\n一年来，召开常委会会议9次，制定法规3件。');
    expect(r.warnings.map(warningText)).toEqual(['4 layout spaces removed (4 between Chinese characters and numbers).']);
    expect(r.layoutSpaces).toEqual({ letterSpacing: 0, cjkDigit: 4, punctuation: 0 });
  });

  it('joins a letter-spaced line and keeps the spaces of Hong Kong thousands and of Latin words', async () => {
    const pages: PlacedRun[][] = [
      [
        { text: '坚持党的领导', x: 72, y: 100, size: 16, characterSpacing: 6 },
        ...runsInLine([{ text: '超過' }, { text: '3 300', gapBefore: 0.25 }, { text: '個單位，GDP grew 5 percent', gapBefore: 0.25 }], 72, 140),
      ],
    ];
    const r = await importPdf(await placedRunsPdf(pages));
    expect(r.text).toBe('\n\n坚持党的领导\n\n超過3 300個單位，GDP grew 5 percent');
    expect(r.warnings.map(warningText)).toEqual(['7 layout spaces removed (5 between letter-spaced Chinese characters, 2 between Chinese characters and numbers).']);
  });

  it('keeps table rows as lines of their own, cells apart (not `元 100%200,001 元至…`)', async () => {
    const cols = [72, 250, 360, 460];
    const row = (y: number, cells: { text: string; gapBefore?: number }[][]): PlacedRun[] => cells.flatMap((c, k) => runsInLine(c, cols[k], y));
    const runs: PlacedRun[] = [
      { text: '下表列出寬減措施的影響。', x: 72, y: 80 },
      ...row(110, [[{ text: '應評稅入息' }], [{ text: '納稅人數目' }], [{ text: '平均寬減稅款' }], [{ text: '百分率' }]]),
      ...row(130, [[{ text: '200,001' }, { text: '元至', gapBefore: 0.25 }, { text: '300,000', gapBefore: 0.25 }, { text: '元', gapBefore: 0.25 }], [{ text: '391 000' }], [{ text: '3,380' }, { text: '元', gapBefore: 0.25 }], [{ text: '85%' }]]),
      ...row(150, [[{ text: '300,001' }, { text: '元至', gapBefore: 0.25 }, { text: '400,000' }, { text: '元', gapBefore: 0.25 }], [{ text: '346 000' }], [{ text: '4,490' }, { text: '元', gapBefore: 0.25 }], [{ text: '48%' }]]),
      { text: '註：截至二零二二年年底，香港的工作人口為367萬人。', x: 72, y: 180 },
    ];
    const r = await importPdf(await placedRunsPdf([runs]));
    expect(r.text).toBe(
      [
        '',
        '',
        '下表列出寬減措施的影響。',
        '',
        '應評稅入息\t納稅人數目\t平均寬減稅款\t百分率',
        '',
        '200,001元至300,000元\t391 000\t3,380元\t85%',
        '',
        '300,001元至400,000元\t346 000\t4,490元\t48%',
        '',
        '註：截至二零二二年年底，香港的工作人口為367萬人。',
      ].join('\n'),
    );
  });

  it('a spaced-out title is not a table row', async () => {
    const r = await importPdf(await placedRunsPdf([[{ text: '目', x: 250, y: 80, size: 18 }, { text: '录', x: 300, y: 80, size: 18 }, { text: '正文第一段。', x: 72, y: 120 }]]));
    expect(r.text).toBe('\n\n目 录\n\n正文第一段。');
  });
});

const REAL = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'real-files', 'pdf');
const files = {
  budget: join(REAL, 'hk-policy-rag__香港財政預算案演辭_2023.pdf'),
  policy2021: join(REAL, 'hk-policy-rag__2021_香港施政報告.pdf'),
  policy2025: join(REAL, 'hk-policy-rag__2025_香港施政報告.pdf'),
};
const present = Object.values(files).every((f) => existsSync(f));
if (!present) console.log(`SKIPPED: the real Hong Kong PDFs are not in ${REAL} (../shared/real-files)`);

describe.skipIf(!present)('importPdf on the real Hong Kong PDFs (../shared/real-files)', () => {
  const got: Record<string, PdfResult> = {};
  beforeAll(async () => {
    for (const [k, f] of Object.entries(files)) got[k] = await importPdf(readFileSync(f));
  }, 240_000);

  const lines = (k: string): string[] => got[k].text.split('\n');
  /** Pairs of ideographs one space apart, per pair of adjacent ideographs: letter spacing left over. */
  const spacedShare = (t: string): number => [...t.matchAll(/\p{Script=Han} (?=\p{Script=Han})/gu)].length / [...t.matchAll(/\p{Script=Han}(?=\p{Script=Han})/gu)].length;

  it('the budget speech: table rows with cells apart, letter spacing gone, counted', () => {
    expect(lines('budget')).toContain('200,001元至300,000元\t391 000\t3,380元\t85%');
    expect(lines('budget')).toContain('總數\t1 900 000\t—\t—');
    expect(got.budget.text).not.toMatch(/100%200,001/);
    expect(lines('budget')).toContain('44. 此外，我建議由二零二三／二四課稅年度起，增加子女基本免稅額及子女出生課稅年度的額外免稅額，由現時的十二萬元增至十三萬元，估計將惠及三十二萬四千名納稅人，每年稅收減少六億一千萬元。');
    expect(got.budget.warnings.map(warningText).join()).toMatch(/layout spaces removed \(\d+ between letter-spaced Chinese characters, \d+ between Chinese characters and numbers, \d+ beside full-width punctuation\)/);
    expect(spacedShare(got.budget.text)).toBeLessThan(0.005);
  });

  it('the 2021 policy address: letter-spaced paragraphs and hanging-indent items read whole', () => {
    expect(lines('policy2021').some((l) => l.startsWith('5. 今年是中國共產黨百年華誕，而香港在1997年7月1日順利回歸祖國是中國共產黨百年偉業的一個重要組成部分。'))).toBe(true);
    expect(lines('policy2021')).toContain('(ii) 貫徹金融為實體經濟服務的理念，推出利得稅兩級制、研發開支額外扣稅、為吸引特定行業在香港發展的稅務優惠；發行政府綠色債券及銀色債券、推出「公共年金計劃」、修訂迎合新經濟企業需要的上巿制度等；');
    expect(spacedShare(got.policy2021.text)).toBeLessThan(0.005);
    // headings of two phrases keep the space between them
    expect(got.policy2021.text).toContain('背靠國家 面向世界');
  });

  it('the 2025 policy address', () => {
    expect(lines('policy2025')).toContain('20. 特區會全力籌備好今年12月7日舉行的第八屆立法會選舉，確保選舉公平、公正、誠實和安全有序進行。');
    expect(spacedShare(got.policy2025.text)).toBeLessThan(0.005);
    for (const k of Object.keys(files)) console.log(`${k}: ${got[k].pages} pages; ${got[k].warnings.map(warningText).join(' ')}`);
  });
});
