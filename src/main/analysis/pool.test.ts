import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../core/analyze';
import { isAppError } from '../../core/errors';
import type { AnalysisCapped } from '../../core/schema';
import { AnalysisPool } from './pool';

// Run from sources there is no bundled worker script, so this builds one (inside the
// repository, so its external packages resolve from node_modules).
const ROOT = resolve(__dirname, '../../..');
mkdirSync(join(ROOT, 'out'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'out', 'analysis-pool-test-'));
const workerPath = join(dir, 'analysis-worker.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [join(__dirname, 'worker.ts')], outfile: workerPath, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (n: number): string => Array.from({ length: n }, (_, i) => `第${i + 1}项：粮食产量增长${(i % 9) + 1}.5%，新建学校${i + 3}所。`).join('\n\n');

describe('AnalysisPool: findings capped per kind', () => {
  for (const where of ['worker', 'in process'] as const) {
    it(`${where}: every entry point says which kinds were cut, and keeps the first findings`, async () => {
      const pool = new AnalysisPool(where === 'worker' ? workerPath : null, 2, 256, 5);
      try {
        const text = report(10) + '\n\n' + report(10);
        const expected = analyzeText(text, { maxPerKind: 5 });
        expect(expected.capped?.figures).toBe(5);
        const a = await pool.analyze(text);
        expect(a).toEqual(expected);
        const seen: AnalysisCapped[] = [];
        const utf8 = await pool.analyzeUtf8(text, undefined, { onCapped: (c) => seen.push(c) });
        expect(JSON.parse(new TextDecoder().decode(utf8[0]))).toEqual(expected.figures);
        const fd = await pool.analyzePart(text, 'figures+defects', { onCapped: (c) => seen.push(c) });
        expect(fd.capped?.figures).toBe(5);
        await pool.analyzePart(text, 'duplicates', undefined, (c) => seen.push(c));
        expect(seen.reduce((m, c) => ({ ...m, ...c }), {})).toEqual(expected.capped);
        // within the limits nothing is reported
        const small = await pool.analyze(report(1));
        expect(small.capped).toBeUndefined();
      } finally {
        await pool.close();
      }
    }, 60_000);
  }

  it('the worker that learnt the boilerplate model is replaced after a very long report (its heap given back) and the next analyses still use the model', async () => {
    const pool = new AnalysisPool(workerPath, 1);
    try {
      const corpus = [report(6), report(5), report(4)];
      const builder = pool.boilerplateBuilder();
      for (const t of corpus) builder.add(t);
      const model = await builder.build();
      expect(model.passages.length).toBeGreaterThan(0);
      // over 4M UTF-16 units, cheap to analyse: blank lines around a short report
      const long = '\n'.repeat(4_300_000) + report(2);
      const before = pool.retired;
      expect(await pool.analyze(long, model)).toEqual(analyzeText(long, { boilerplate: model }));
      expect(pool.retired).toBe(before + 1);
      expect(await pool.analyze(corpus[0], model)).toEqual(analyzeText(corpus[0], { boilerplate: model }));
      expect(pool.retired).toBe(before + 1); // a short report keeps its worker
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('a report that runs the worker heap out is refused as too-complex; the worker is replaced and the analysis queued behind it still runs', async () => {
    const pool = new AnalysisPool(workerPath, 1, 64); // room for a normal report (lexicons loaded), not for 400,000 figures
    try {
      const huge = '增长5%。\n\n'.repeat(400_000); // 400,000 figures: far more than 16 MB of objects
      const first = pool.analyze(huge);
      const behind = pool.analyze(report(3)); // waits in the same worker's queue (depth 2)
      const err = await first.then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(err) && err.code).toBe('too-complex');
      const ok = await behind;
      expect(ok).toEqual(analyzeText(report(3)));
      expect(await pool.analyze(report(2))).toEqual(analyzeText(report(2)));
    } finally {
      await pool.close();
    }
  }, 120_000);
});
