#!/usr/bin/env node
// bench/pdf/hostile: the PDFs of issue 17 (4 million text operators on one page, a page tree
// naming one page 200,000 times, and variants) through the CLI (`report-annotator analyze`),
// one process each: exit code, the error code it reports, wall time and peak RSS; then the
// real Hong Kong PDFs (../shared/real-files, skipped when absent) for comparison.
// Prints figures; never passes or fails.   node bench/pdf/hostile.mjs
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildNode } from '../../scripts/lib/build.mjs';
import { dataDir, fmt, root, runCli } from '../lib.mjs';
import { bundleTs } from './lib.mjs';

await buildNode();
const fx = await bundleTs('pdf-fixtures', `export * from './src/main/import/pdf-fixtures';`);
const dir = join(dataDir, 'pdf-hostile');
mkdirSync(dir, { recursive: true });
const cases = [
  ['4M-Tj-one-page.pdf', () => fx.manyOperatorsPdf(4_000_000, false)],
  ['4M-Tj-4M-lines.pdf', () => fx.manyOperatorsPdf(4_000_000, true)],
  ['200k-refs-one-page.pdf', () => fx.repeatedPagePdf(200_000)],
  ['4k-refs-one-page.pdf', () => fx.repeatedPagePdf(4_000)],
  ['TJ-1M-strings.pdf', () => fx.bigTextArrayPdf(1_000_000)],
  ['form-drawn-100k.pdf', () => fx.formDrawsPdf(100_000, 100)],
  ['30k-Tj-lines-under-limits.pdf', () => fx.manyOperatorsPdf(30_000, true)],
];
const files = cases.map(([name, make]) => {
  const p = join(dir, name);
  const bytes = make();
  writeFileSync(p, bytes);
  return { name, path: p, kb: bytes.length / 1024 };
});
const real = join(root, '..', 'shared', 'real-files', 'pdf');
if (existsSync(real)) for (const f of readdirSync(real).filter((f) => f.endsWith('.pdf'))) files.push({ name: f, path: join(real, f), kb: NaN });
else console.log(`SKIPPED (real files): ${real} is absent`);

console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const f of files) {
  const out = join(dir, 'out.jsonl');
  writeFileSync(out, '');
  const r = await runCli(['analyze', f.path, '--out', out]);
  const line = readFileSync(out, 'utf8');
  const code = /^\{"path":[^\n]*?"error":\{"code":"([a-z-]+)"/.exec(line)?.[1] ?? (line.includes('"figures"') ? `ok, ${(line.match(/"kind":/g) ?? []).length} findings` : 'no output');
  console.log(`${f.name.padEnd(40)} ${Number.isFinite(f.kb) ? fmt(f.kb, 0).padStart(6) + ' KB' : '   real  '}  exit ${r.code}  ${code.padEnd(20)} ${fmt(r.seconds, 2).padStart(6)} s  peak RSS ${fmt(r.maxRssMB, 0)} MB`);
}
