#!/usr/bin/env node
// bench/analyze: the whole analysis through the CLI on a 12 MB corpus (400 documents of
// shuffled sample paragraphs), against Recognizers-Text's zh-cn number model on the same files
// in the same run; then scale: one 50 MB report and a pathological one (one paragraph x500).
// Prints figures; never passes or fails on time.   node bench/analyze.mjs [--skip-scale] [--baseline COMMIT] [--core-only]
// --baseline COMMIT: also times analyzeText of that commit's src/core against this tree's on the
// same corpus in the same run (interleaved, one thread), from a temporary git worktree.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildNode } from '../scripts/lib/build.mjs';
import { dataDir, fmt, mb, rng, runCli, sampleParagraphs, syntheticReport, writeCorpus } from './lib.mjs';

const skipScale = process.argv.includes('--skip-scale');
const coreOnly = process.argv.includes('--core-only');
const baselineArg = process.argv.indexOf('--baseline');
const baseline = baselineArg > 0 ? process.argv[baselineArg + 1] : null;

if (baseline) {
  // core throughput before and after, same corpus, same run: A B A B … so load changes hit both
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir, loadavg } = await import('node:os');
  const { build } = await import('esbuild');
  const here = join(import.meta.dirname, '..');
  const tmp = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  const wt = join(tmp, 'tree');
  execFileSync('git', ['-C', here, 'worktree', 'add', '--detach', wt, baseline], { stdio: 'ignore' });
  try {
    const bundle = async (root, name) => {
      const out = join(tmp, `${name}.mjs`);
      // the baseline tree has no node_modules: resolve packages from this one
      await build({ entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error', nodePaths: [join(here, 'node_modules')] });
      return import(out);
    };
    const before = await bundle(wt, 'before');
    const after = await bundle(here, 'after');
    const { dir: cdir, bytes: cbytes } = writeCorpus('corpus-12mb', 400, 10_600, 7);
    const texts = readdirSync(cdir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(cdir, f), 'utf8'));
    // CPU time of this thread (user + system): less disturbed than wall time by the other processes of a shared machine
    const time = (core) => {
      const t = process.cpuUsage();
      for (const text of texts) core.analyzeText(text, {});
      const d = process.cpuUsage(t);
      return (d.user + d.system) / 1e6;
    };
    time(before); time(after); // warm up both
    const runs = { before: [], after: [] };
    const n = 7;
    for (let r = 0; r < n; r++) { runs.before.push(time(before)); runs.after.push(time(after)); }
    // the fastest run is the one least disturbed by other processes on a shared machine
    const mbs = (k) => mb(cbytes) / Math.min(...runs[k]);
    console.log(`core analyzeText, one thread, ${texts.length} documents, ${fmt(mb(cbytes))} MB, CPU time, fastest of ${n} interleaved runs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}:`);
    console.log(`  before (${baseline}): ${fmt(mbs('before'), 2)} MB/s (runs ${runs.before.map((x) => fmt(x, 2)).join(', ')} s)`);
    console.log(`  after (this tree): ${fmt(mbs('after'), 2)} MB/s (runs ${runs.after.map((x) => fmt(x, 2)).join(', ')} s)`);
    console.log(`  after / before: ${fmt(mbs('after') / mbs('before'), 3)}`);
  } finally {
    execFileSync('git', ['-C', here, 'worktree', 'remove', '--force', wt], { stdio: 'ignore' });
    rmSync(tmp, { recursive: true, force: true });
  }
  if (coreOnly) process.exit(0);
}

await buildNode();

// 1. 12 MB corpus
const { dir, bytes } = writeCorpus('corpus-12mb', 400, 10_600, 7);
const ours = await runCli(['analyze', dir, '--out', join(dataDir, 'corpus-12mb.jsonl')]);
if (ours.code !== 0) throw new Error(`analyze failed: ${ours.stderr.slice(-2000)}`);
const oursMBs = mb(bytes) / ours.seconds;

// 2. Recognizers-Text number model (zh-cn), same files, same run
// (recognizeNumber, their documented entry point, builds a recognizer per call; a model built
// once and reused is faster, so it is timed too, and the ratio is taken against the faster)
const { recognizeNumber, NumberRecognizer, Culture } = await import('@microsoft/recognizers-text-number');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
recognizeNumber('预热一下 12个', Culture.Chinese);
let t0 = performance.now();
let hits = 0;
for (const f of files) hits += recognizeNumber(readFileSync(join(dir, f), 'utf8'), Culture.Chinese).length;
const perCallSeconds = (performance.now() - t0) / 1000;
const model = new NumberRecognizer(Culture.Chinese).getNumberModel();
model.parse('预热一下 12个');
t0 = performance.now();
let modelHits = 0;
for (const f of files) modelHits += model.parse(readFileSync(join(dir, f), 'utf8')).length;
const modelSeconds = (performance.now() - t0) / 1000;
const theirSeconds = Math.min(perCallSeconds, modelSeconds);
const theirMBs = mb(bytes) / theirSeconds;

console.log(`corpus: ${files.length} documents, ${fmt(mb(bytes))} MB`);
console.log(`report-annotator analyze (everything, all cores): ${fmt(ours.seconds, 2)} s, ${fmt(oursMBs)} MB/s, CPU ${fmt(ours.userSeconds, 2)} s user + ${fmt(ours.systemSeconds, 2)} s system, peak RSS ${fmt(ours.maxRssMB, 0)} MB`);
console.log(`recognizers-text number model (zh-cn), recognizeNumber per file: ${fmt(perCallSeconds, 2)} s, ${fmt(mb(bytes) / perCallSeconds, 2)} MB/s (${hits} hits)`);
console.log(`recognizers-text number model (zh-cn), one model reused: ${fmt(modelSeconds, 2)} s, ${fmt(mb(bytes) / modelSeconds, 2)} MB/s (${modelHits} hits)`);
console.log(`ratio (ours / their faster run): ${fmt(oursMBs / theirMBs)}x`);

if (!skipScale) {
  // 3. Scale: single large reports, linear in size?
  const paragraphs = sampleParagraphs();
  const scaleDir = join(dataDir, 'scale');
  mkdirSync(scaleDir, { recursive: true });
  for (const sizeMB of [12.5, 25, 50]) {
    const file = join(scaleDir, `single-${sizeMB}mb.txt`);
    const text = syntheticReport(paragraphs, Math.round((sizeMB * 1024 * 1024) / 3), rng(sizeMB * 10));
    writeFileSync(file, text);
    const size = mb(Buffer.byteLength(text));
    const r = await runCli(['analyze', file, '--out', join(scaleDir, `single-${sizeMB}mb.jsonl`)]);
    console.log(`single report ${fmt(size)} MB: ${fmt(r.seconds, 2)} s (${fmt(r.seconds / size, 3)} s/MB), peak RSS ${fmt(r.maxRssMB, 0)} MB${r.code ? ` EXIT ${r.code}: ${r.stderr.slice(-300)}` : ''}`);
  }
  const longest = paragraphs.reduce((a, b) => (b.length > a.length ? b : a));
  for (const times of [125, 250, 500]) {
    const file = join(scaleDir, `repeated-${times}.txt`);
    const text = '\n\n' + Array(times).fill(longest).join('\n\n') + '\n\n';
    writeFileSync(file, text);
    const r = await runCli(['analyze', file, '--out', join(scaleDir, `repeated-${times}.jsonl`)]);
    console.log(`one paragraph (${longest.length} chars) repeated ${times}x (${fmt(mb(Buffer.byteLength(text)), 2)} MB): ${fmt(r.seconds, 2)} s, peak RSS ${fmt(r.maxRssMB, 0)} MB${r.code ? ` EXIT ${r.code}: ${r.stderr.slice(-300)}` : ''}`);
  }
}
