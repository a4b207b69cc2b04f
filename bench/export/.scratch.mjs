import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/ra-scratch/entry.ts', `export * from '/work/main/src/core/analyze'; export * from '/work/main/src/core/indicators'; export * from '/work/main/src/core/metadata';`);
await build({ entryPoints: ['/tmp/ra-scratch/entry.ts'], bundle: true, platform: 'node', format: 'esm', outfile: '/tmp/ra-scratch/b.mjs', logLevel: 'error', absWorkingDir: '/work/main' });
const m = await import('/tmp/ra-scratch/b.mjs?' + Date.now());
import { readFileSync, readdirSync } from 'node:fs';
const only = process.argv[2];
for (const f of readdirSync('/work/shared/corpus')) {
  const text = readFileSync('/work/shared/corpus/' + f, 'utf8');
  const a = m.analyzeText(text);
  for (const fig of a.figures) if (fig.kind === 'count' || fig.kind === 'percent') {
    const ind = m.indicatorFor(fig);
    if (only === 'mapped' ? ind : only === 'unmapped' ? !ind : true) console.log(f.slice(0, 8), fig.text, '|', fig.metric, '|', fig.unit, '→', ind);
  }
}
