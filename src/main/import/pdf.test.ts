import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../core/text';
import { importPdf } from './pdf';
import { CORPUS, makeImageOnlyPdf, makePdf, rejectionCode } from './test-fixtures';
import { warningText } from './warnings';

const paras = splitParagraphs(readFileSync(join(CORPUS, 'taiyuan-city-2024.txt'), 'utf8')).map((p) => p.text);
const longs = paras.filter((p) => p.length > 200).slice(0, 10);

describe('importPdf', () => {
  it('rebuilds paragraphs over several pages, dropping the running head and page numbers', async () => {
    const blocks = [{ heading: '太原市人民代表大会常务委员会工作报告' }, ...longs.map((paragraph) => ({ paragraph }))];
    const pdf = await makePdf({ blocks, header: '太原市人大常委会工作报告（2024）', pageNumbers: true });
    const r = await importPdf(pdf);
    expect(r.pages).toBeGreaterThanOrEqual(3);
    expect(r.text).toBe('\n\n' + ['太原市人民代表大会常务委员会工作报告', ...longs].join('\n\n'));
    expect(r.warnings).toEqual([]);
  });

  it('joins English lines with spaces', async () => {
    const en = 'The standing committee held nine meetings, enacted or amended three local regulations, heard and deliberated sixteen special work reports and made ten resolutions and decisions over the year, which is a long sentence that wraps.';
    const r = await importPdf(await makePdf({ blocks: [{ paragraph: en }, { paragraph: '第二段。' }] }));
    expect(r.text).toBe(`\n\n${en}\n\n第二段。`);
  });

  it('maps Kangxi radicals that some producers emit back to ideographs', async () => {
    const r = await importPdf(await makePdf({ blocks: [{ paragraph: '⼯作报告：⼈⼤常委会' }] }));
    expect(r.text).toBe('\n\n工作报告：人大常委会');
    expect(r.warnings.map(warningText).join()).toMatch(/3 Kangxi radical characters/);
  });

  it('password-protected → pdf-encrypted', async () => {
    const pdf = await makePdf({ blocks: [{ paragraph: longs[0] }], userPassword: 'secret' });
    expect(await rejectionCode(importPdf(pdf))).toBe('pdf-encrypted');
  });

  it('truncated or malformed → corrupt-pdf', async () => {
    const pdf = await makePdf({ blocks: [{ paragraph: longs[0] }] });
    expect(await rejectionCode(importPdf(pdf.subarray(0, Math.floor(pdf.length * 0.6))))).toBe('corrupt-pdf');
    expect(await rejectionCode(importPdf(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF')))).toBe('corrupt-pdf');
    expect(await rejectionCode(importPdf(Buffer.from('just some text, not a pdf')))).toBe('corrupt-pdf');
  });

  it('pages without a text layer → pdf-no-text', async () => {
    expect(await rejectionCode(importPdf(await makeImageOnlyPdf()))).toBe('pdf-no-text');
  });

  it('does not detach the caller’s buffer', async () => {
    const pdf = await makePdf({ blocks: [{ paragraph: '各位代表：' }] });
    const copy = Buffer.from(pdf);
    await importPdf(pdf);
    expect(pdf.equals(copy)).toBe(true);
  });
});
