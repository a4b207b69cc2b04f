/**
 * Timings of the importers on large inputs. Prints figures, never fails on time; runs only
 * with IMPORT_BENCH=1 (npx vitest run src/main/import/import.bench).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../core/text';
import { htmlToParagraphs } from './html-text';
import { importFile } from './index';
import { CORPUS, TempDir, makePdf } from './test-fixtures';

const enabled = process.env.IMPORT_BENCH === '1';

describe.skipIf(!enabled)('import timings', () => {
  const dir = new TempDir();
  afterAll(() => dir.remove());
  const corpus = readFileSync(join(CORPUS, 'changzhi-city-2024.txt'), 'utf8');

  it('10 MB GBK text', async () => {
    const unit = iconv.encode(corpus, 'gbk');
    const copies = Math.ceil((10 * 1024 * 1024) / unit.length);
    const path = dir.file('big-gbk.txt', Buffer.concat(Array.from({ length: copies }, () => unit)));
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const r = await importFile(path);
      times.push(performance.now() - t0);
      expect(r.encoding).toBe('gb18030');
      expect(r.text.length).toBe(corpus.length * copies);
    }
    console.log(`10 MB GBK txt (${(unit.length * copies / 1048576).toFixed(1)} MB): ${times.map((t) => t.toFixed(0)).join(' / ')} ms`);
  });

  it('50-page PDF', async () => {
    const paras = splitParagraphs(corpus).map((p) => p.text);
    const blocks: { paragraph: string }[] = [];
    while (blocks.length < 420) for (const p of paras) blocks.push({ paragraph: p });
    let pdf = await makePdf({ blocks: blocks.slice(0, 420), header: '长治市人大常委会工作报告', pageNumbers: true });
    const path = dir.file('fifty.pdf', pdf);
    const t0 = performance.now();
    const r = await importFile(path);
    const first = performance.now() - t0;
    const t1 = performance.now();
    await importFile(path);
    const second = performance.now() - t1;
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    pdf = Buffer.alloc(0);
    console.log(`${pages}-page PDF (${(r.size / 1024).toFixed(0)} kB, ${r.text.length} chars): first ${first.toFixed(0)} ms (incl. loading pdf.js), then ${second.toFixed(0)} ms`);
    expect(pages).toBeGreaterThanOrEqual(50);
  });
  it('HTML floods of "<" (the tokenizer and paragraph builder are linear)', () => {
    for (const unit of ['<', '<\n', '会\n<', '<pre><', '<td><']) {
      const row = [100_000, 200_000, 400_000].map((n) => {
        const html = unit.repeat(n);
        const t0 = performance.now();
        htmlToParagraphs(html);
        return `${n / 1000}k ${(performance.now() - t0).toFixed(0)} ms`;
      });
      console.log(`HTML ${JSON.stringify(unit)} × ${row.join(' / ')}`);
    }
  });
});
