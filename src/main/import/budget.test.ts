/**
 * The import's time budgets come from one place (budget.ts): the import worker's and the PDF
 * importer's are parts of the whole import's 20 s + 2 s/MB, and the fuzz harness counts hangs
 * against that same budget.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_BUDGET, PARSE_BUDGET, importBudgetMs, pdfBudgetMs } from './budget';
import { importFile } from './index';
import { defaultPdfLimits } from './pdf-limits';
import { DEFAULT_LIMITS, ParseWorker, importWorkerScript, timeBudgetMs } from './runner';
import { TempDir, makeDocx, rejectionOf, wParagraph } from './test-fixtures';

const MB = 1024 * 1024;

describe('import time budgets', () => {
  it('the whole import gets issue 17’s 20 s + 2 s/MB', () => {
    expect(importBudgetMs(0)).toBe(20_000);
    expect(importBudgetMs(10 * MB)).toBe(40_000);
  });

  it('for any file size: PDF deadline < import worker budget < whole import budget, each from budget.ts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * MB }), (bytes) => {
        const whole = importBudgetMs(bytes);
        const parse = timeBudgetMs(bytes);
        const pdf = defaultPdfLimits(bytes).timeBudgetMs;
        expect(pdf).toBe(pdfBudgetMs(bytes));
        expect(pdf).toBeLessThan(parse);
        expect(parse).toBeLessThan(whole);
        // what is left for the analysis and the store grows with the file too
        expect(whole - parse).toBeGreaterThanOrEqual(5_000 + Math.floor((500 * bytes) / MB) - 1);
      }),
    );
    expect({ baseMs: DEFAULT_LIMITS.baseMs, perMbMs: DEFAULT_LIMITS.perMbMs }).toEqual(PARSE_BUDGET);
  });

  it('the fuzz harness counts hangs against the same budget (sent by its child, not a copy)', () => {
    const root = join(__dirname, '..', '..', '..');
    expect(readFileSync(join(root, 'fuzz', 'worker.mjs'), 'utf8')).toMatch(/type: 'ready', budget: IMPORT_BUDGET/);
    expect(readFileSync(join(root, 'fuzz', 'run.mjs'), 'utf8')).not.toMatch(/\* 2000|2_000/);
    expect(IMPORT_BUDGET).toEqual({ baseMs: 20_000, perMbMs: 2_000 });
  });

  describe('the budget holds on a file that parses too long', () => {
    const dir = new TempDir();
    const workers: ParseWorker[] = [];
    afterAll(async () => {
      for (const w of workers) await w.close();
      dir.remove();
    });

    it('the import worker stops it at its budget and refuses it with timeout (not when the parser is done)', async () => {
      const para = wParagraph('一年来，召开常委会会议9次，制定、修改地方性法规3件，听取审议专项报告16项，作出决议决定10项。');
      // ~6 MB of paragraph XML: seconds of mammoth, far over the 0.4 s budget below
      const path = dir.file('slow.docx', await makeDocx(para.repeat(Math.floor((6 * MB) / Buffer.byteLength(para)))));
      const w = new ParseWorker(importWorkerScript(), { baseMs: 400, perMbMs: 0 });
      workers.push(w);
      const t0 = Date.now();
      const r = await rejectionOf(importFile(path, { worker: w }));
      const took = Date.now() - t0;
      expect(r.code).toBe('timeout');
      // stopped by the clock: reading and hashing the 150 kB file take a few ms; a loaded machine gets slack
      expect(took).toBeLessThan(400 + 4_000);
      expect(w.replaced).toBe(1);
    }, 60_000);
  });
});
