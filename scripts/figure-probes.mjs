#!/usr/bin/env node
// Accuracy of the figure detector on the hand-checked probes of real-world text
// (src/core/figures/probes.testdata.ts: Hong Kong, Macau, Taiwan conventions, PDF text layers):
// expected figures found (by surface text), with the right value, kind, unit and qualifier, and
// figures reported that were not expected. With --real, also counts what the detector reads in
// the Hong Kong PDFs of ../shared/real-files (pdftotext; skipped with a line when absent).
//   node scripts/figure-probes.mjs [--real] [--src DIR]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// --src DIR: the detector of another checkout (to compare before and after a change)
const srcAt = process.argv.indexOf('--src');
const src = srcAt > 0 ? resolve(process.argv[srcAt + 1]) : root;
const dir = mkdtempSync(join(tmpdir(), 'ra-probes-'));
await build({
  stdin: { contents: `export { detectFigures } from '${join(src, 'src/core/figures/index.ts')}';\nexport { PROBES } from '${join(root, 'src/core/figures/probes.testdata.ts')}';`, resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'probes.mjs'), logLevel: 'error',
});
const { detectFigures, PROBES } = await import(join(dir, 'probes.mjs'));

const byRegion = new Map();
const acc = (r) => {
  if (!byRegion.has(r)) byRegion.set(r, { expected: 0, found: 0, value: 0, kind: 0, unit: 0, approx: 0, extra: 0 });
  return byRegion.get(r);
};
const misses = [];
for (const p of PROBES) {
  const a = acc(p.region);
  const figs = detectFigures(p.text).filter((f) => f.kind !== 'name');
  const used = new Set();
  for (const [text, kind, value, unit, approx, to] of p.figures) {
    a.expected++;
    const i = figs.findIndex((f, k) => !used.has(k) && f.text === text);
    if (i < 0) { misses.push(`${p.region} missed ${JSON.stringify(text)}`); continue; }
    used.add(i);
    const f = figs[i];
    a.found++;
    if (f.value === value && (kind !== 'range' || f.value_to === to)) a.value++;
    else misses.push(`${p.region} ${JSON.stringify(text)} value ${f.value}${f.value_to != null ? '..' + f.value_to : ''}, expected ${value}${to != null ? '..' + to : ''}`);
    if (f.kind === kind) a.kind++;
    if (f.unit === unit) a.unit++;
    if (f.approx === approx) a.approx++;
  }
  figs.forEach((f, k) => { if (!used.has(k)) { a.extra++; misses.push(`${p.region} unexpected ${JSON.stringify(f.text)} = ${f.value}`); } });
}
const pct = (x, n) => (n ? ((100 * x) / n).toFixed(1) : '-');
let tot = { expected: 0, found: 0, value: 0, kind: 0, unit: 0, approx: 0, extra: 0 };
console.log('region  expected  found  value%  kind%  unit%  approx%  unexpected');
for (const [r, a] of byRegion) {
  console.log(`${r.padEnd(6)}  ${String(a.expected).padStart(8)}  ${String(a.found).padStart(5)}  ${pct(a.value, a.found).padStart(6)}  ${pct(a.kind, a.found).padStart(5)}  ${pct(a.unit, a.found).padStart(5)}  ${pct(a.approx, a.found).padStart(7)}  ${String(a.extra).padStart(10)}`);
  for (const k of Object.keys(tot)) tot[k] += a[k];
}
console.log(`all     ${String(tot.expected).padStart(8)}  ${String(tot.found).padStart(5)}  ${pct(tot.value, tot.found).padStart(6)}  ${pct(tot.kind, tot.found).padStart(5)}  ${pct(tot.unit, tot.found).padStart(5)}  ${pct(tot.approx, tot.found).padStart(7)}  ${String(tot.extra).padStart(10)}`);
console.log(`recall ${pct(tot.found, tot.expected)}%`);
for (const m of misses) console.log('  ' + m);

if (process.argv.includes('--real')) {
  const pdfDir = resolve(root, '../shared/real-files/pdf');
  if (!existsSync(pdfDir)) console.log('real files: ../shared/real-files/pdf absent, skipped');
  else {
    for (const f of readdirSync(pdfDir).filter((x) => x.endsWith('.pdf'))) {
      const text = execFileSync('pdftotext', [join(pdfDir, f), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      const figs = detectFigures(text);
      const q = figs.filter((x) => x.kind !== 'name' && x.kind !== 'date');
      const d = figs.filter((x) => x.kind === 'date');
      console.log(`${f}: ${q.length} quantities (${q.filter((x) => x.value === null).length} without a value: uncertain), ${d.length} dates`);
    }
  }
}
