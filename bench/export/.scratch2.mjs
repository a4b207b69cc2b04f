import { build } from 'esbuild';
import { writeFileSync, readFileSync, readdirSync } from 'node:fs';
writeFileSync('/tmp/ra-scratch/entry2.ts', `export * from '/work/main/src/core/analyze'; export * from '/work/main/src/core/checks';`);
await build({ entryPoints: ['/tmp/ra-scratch/entry2.ts'], bundle: true, platform: 'node', format: 'esm', outfile: '/tmp/ra-scratch/b2.mjs', logLevel: 'error', absWorkingDir: '/work/main' });
const m = await import('/tmp/ra-scratch/b2.mjs?' + Date.now());
for (const f of readdirSync('/work/shared/corpus')) {
  const text = readFileSync('/work/shared/corpus/' + f, 'utf8');
  const a = m.analyzeText(text);
  for (const i of m.checkConsistency(text, a.figures)) console.log(f.slice(0, 8), JSON.stringify(i));
}
