/**
 * Issue 12: a PDF that LibreOffice makes from each sample report yields ≥ 98 % of the figure
 * values of the report's text, in order. The PDFs are made here (one soffice run, a temporary
 * folder and profile), never committed; skipped, visibly, where LibreOffice is not installed.
 * bench/pdf/roundtrip.mjs prints the same figures.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPdf } from './pdf';
import { type Converted, compareFigures, convertToPdf, findSoffice, readText } from './pdf-roundtrip-harness';
import { CORPUS } from './test-fixtures';
import { warningText } from './warnings';

const soffice = findSoffice();
if (!soffice) console.log('SKIPPED: LibreOffice (soffice) is not installed, so the PDF round trip of the sample reports is not tested');
const reports = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

describe.skipIf(!soffice)('LibreOffice PDF round trip of the sample reports', () => {
  let converted: Converted | null = null;
  beforeAll(async () => {
    converted = await convertToPdf(reports.map((f) => join(CORPUS, f)), { soffice: soffice ?? undefined, timeoutMs: 240_000 });
  }, 250_000);
  afterAll(() => converted?.remove());

  it('finds the sample reports', () => expect(reports.length).toBe(5));

  for (const name of reports) {
    it(`${name}: ≥ 98 % of the figures, same values, in order`, async () => {
      const src = join(CORPUS, name);
      const pdf = converted?.pdfs.get(src);
      if (!pdf) throw new Error(`no PDF for ${name}`);
      const r = await importPdf(await readFile(pdf));
      const c = compareFigures(readText(src), r.text);
      console.log(`${name}: ${(100 * c.ratio).toFixed(1)} % (${c.kept}/${c.original})`);
      expect(c.original).toBeGreaterThan(50);
      expect(c.ratio).toBeGreaterThanOrEqual(0.98);
      // the text layer's autospace was there and was removed
      expect(r.warnings.map(warningText).join()).toMatch(/\d+ between Chinese characters and numbers/);
    }, 60_000);
  }
});
