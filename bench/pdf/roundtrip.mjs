#!/usr/bin/env node
// bench/pdf/roundtrip: each sample report → PDF by LibreOffice (`soffice --headless
// --convert-to pdf`, one run, temp folder, own profile) → the PDF importer → the analysis;
// prints, per report, the share of the figures of the report's own text found again in the
// PDF's text with the same kind and value, in order (LCS), and the import time.
// Prints figures; never passes or fails.   node bench/pdf/roundtrip.mjs [files…]
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { bundleTs } from './lib.mjs';
import { root } from '../lib.mjs';

const h = await bundleTs('pdf-roundtrip', `
  export * from './src/main/import/pdf-roundtrip-harness';
  export { importPdf } from './src/main/import/pdf';
  export { warningText } from './src/main/import/warnings';
`);
const soffice = h.findSoffice();
if (!soffice) {
  console.log('SKIPPED: soffice (LibreOffice) is not installed; apt install libreoffice-writer-nogui');
  process.exit(0);
}
const args = process.argv.slice(2);
const samples = join(root, 'resources', 'samples');
const files = args.length ? args : readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => join(samples, f));
const conv = await h.convertToPdf(files, { soffice, timeoutMs: 300_000 });
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; soffice converted ${files.length} files in ${conv.seconds.toFixed(1)} s`);
let kept = 0;
let total = 0;
try {
  for (const f of files) {
    const { readFileSync } = await import('node:fs');
    const t0 = performance.now();
    const r = await h.importPdf(readFileSync(conv.pdfs.get(f)));
    const ms = performance.now() - t0;
    const c = h.compareFigures(h.readText(f), r.text);
    kept += c.kept;
    total += c.original;
    console.log(`${f.split('/').pop().padEnd(36)} ${(100 * c.ratio).toFixed(1).padStart(5)} %  (${c.kept}/${c.original} figures kept in order, ${c.found} found in the PDF text; ${r.pages} pages imported in ${ms.toFixed(0)} ms)${r.warnings.length ? '\n    warnings: ' + r.warnings.map(h.warningText).join(' | ') : ''}`);
  }
  console.log(`all: ${(100 * kept / Math.max(1, total)).toFixed(1)} % (${kept}/${total})`);
} finally {
  conv.remove();
}
