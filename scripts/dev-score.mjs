#!/usr/bin/env node
// Development loop for the detectors: bundles src/core/analyze.ts, analyses the two gold
// reports (with boilerplate across all five corpus reports) and runs the shared scorer.
//   node scripts/dev-score.mjs [--json]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '../shared');
const dir = mkdtempSync(join(tmpdir(), 'ra-score-'));
await build({ entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'core.mjs'), logLevel: 'error' });
const core = await import(join(dir, 'core.mjs'));
const corpus = join(shared, 'corpus');
const texts = Object.fromEntries(readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(join(corpus, f), 'utf8')]));
const boilerplate = core.buildBoilerplate(Object.values(texts));
const gold = readdirSync(join(shared, 'eval/dev-gold')).map((f) => f.replace(/\.json$/, '.txt'));
const lines = gold.map((f) => JSON.stringify({ path: f, ...core.analyzeText(texts[f], { boilerplate }) }));
writeFileSync(join(dir, 'pred.jsonl'), lines.join('\n') + '\n');
const args = ['--gold', join(shared, 'eval/dev-gold'), '--pred', join(dir, 'pred.jsonl'), ...process.argv.slice(2)];
process.stdout.write(execFileSync('node', [join(shared, 'eval/score.mjs'), ...args], { encoding: 'utf8' }));
