import { loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import { importPdf } from './pdf';
import { bigTextArrayPdf, formDrawsPdf, manyOperatorsPdf, pagesPdf, repeatedPagePdf } from './pdf-fixtures';
import { countTextOperators, defaultPdfLimits, scanContentStreams } from './pdf-limits';
import { rejectionOf } from './test-fixtures';
import { warningText } from './warnings';

/** Imports, returning the error code and the time taken (printed with the load: timings are not asserted). */
async function timed(label: string, pdf: Buffer, limits = {}): Promise<{ code: string; message: string }> {
  const t0 = performance.now();
  const r = await rejectionOf(importPdf(pdf, limits));
  console.log(`${label} (${(pdf.length / 1024).toFixed(0)} KB): ${r.code} after ${((performance.now() - t0) / 1000).toFixed(2)} s (load ${loadavg()[0].toFixed(1)})`);
  return r;
}

describe('countTextOperators', () => {
  it('counts Tj, TJ, quote operators, strings and Do, not the same letters inside strings or comments', () => {
    const c = countTextOperators(Buffer.from("BT (Tj TJ ' \" Do) Tj [(a) 10 <0041>] TJ (x) ' 1 2 (y) \" %Tj Tj\n/Fm1 Do ET", 'latin1'));
    expect(c).toEqual({ textOps: 4, strings: 5, stringBytes: 17, doOps: 1 });
  });
});

describe('hostile PDFs are refused before they block the app', () => {
  it('a page with 4 million text-drawing operators (issue 17): too-complex', async () => {
    const r = await timed('4,000,000 Tj on one page', manyOperatorsPdf(4_000_000, false));
    expect(r.code).toBe('too-complex');
    expect(r.message).toMatch(/draws text 4000000 times/);
    expect((await timed('4,000,000 Tj on 4,000,000 lines', manyOperatorsPdf(4_000_000, true))).code).toBe('too-complex');
  });

  it('a page tree naming one page 200,000 times (issue 17): too-complex', async () => {
    const r = await timed('200,000 references to one page', repeatedPagePdf(200_000));
    expect(r).toEqual({ code: 'too-complex', message: 'The PDF has 200000 pages (at most 5000).' });
    // under the page cap, a page named again and again is refused once it is clearly no accident
    expect((await timed('4,000 references to one page', repeatedPagePdf(4_000))).code).toBe('too-complex');
  });

  it('a page named a few times is read once and its text repeated', async () => {
    const r = await importPdf(repeatedPagePdf(3));
    expect(r.pages).toBe(3);
    expect(r.warnings.map(warningText).join()).toMatch(/names 2 pages again/);
  });

  it('one TJ array of a million strings, and a form drawn 100,000 times: too-complex', async () => {
    expect((await timed('TJ with 1,000,000 strings', bigTextArrayPdf(1_000_000))).code).toBe('too-complex');
    expect((await timed('form with 100 Tj drawn 100,000 times', formDrawsPdf(100_000, 100))).code).toBe('too-complex');
    // a form drawn a few times is fine
    const ok = await importPdf(formDrawsPdf(3, 2));
    expect(ok.text).toContain('form text');
  });

  it('real-size files pass the scan with room to spare', () => {
    const line = 'A line of a report, about fifty characters long.';
    const page = 'BT /F1 10 Tf 72 800 Td ' + `(${line}) Tj 0 -12 Td `.repeat(60) + 'ET';
    const pdf = pagesPdf(Array.from({ length: 300 }, () => page));
    const scan = scanContentStreams(pdf, defaultPdfLimits(pdf.length));
    // 60 lines a page: the work is counted by glyphs (one operator per 16 characters)
    expect(scan.streams).toBe(300);
    expect(scan.maxTextOpsInStream).toBe(Math.ceil((60 * line.length) / 16));
    expect(scan.maxTextOpsInStream).toBeLessThan(defaultPdfLimits(pdf.length).maxTextOpsPerStream / 400);
  });

  it('limits met while reading: time budget, characters, runs per page', async () => {
    const words = ['First', 'Second', 'Third'];
    const pdf = pagesPdf(words.map((w) => `BT /F1 12 Tf 72 700 Td (${w} page of a report.) Tj ET`));
    expect((await rejectionOf(importPdf(pdf, { timeBudgetMs: 0 }))).code).toBe('timeout');
    expect((await rejectionOf(importPdf(pdf, { maxChars: 20 }))).code).toBe('too-large');
    const runs = pagesPdf([`BT /F1 12 Tf 72 700 Td ${'(x) Tj 0 -1 Td '.repeat(500)} ET`]);
    expect((await rejectionOf(importPdf(runs, { maxItemsPerPage: 100 }))).code).toBe('too-complex');
    expect((await rejectionOf(importPdf(pdf, { maxPages: 2 }))).code).toBe('too-complex');
    const fine = await importPdf(pdf);
    expect(fine.text.replace(/\s+/g, ' ').trim()).toBe('First page of a report. Second page of a report. Third page of a report.');
  });
});
