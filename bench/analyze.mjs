#!/usr/bin/env node
// bench/analyze: the whole analysis through the CLI on a 12 MB corpus (400 documents of
// shuffled sample paragraphs), against Recognizers-Text's zh-cn number model on the same files
// in the same run; then scale: one 50 MB report and a pathological one (one paragraph x500).
// Prints figures; never passes or fails on time.   node bench/analyze.mjs [--skip-scale]
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildNode } from '../scripts/lib/build.mjs';
import { dataDir, fmt, mb, rng, runCli, sampleParagraphs, syntheticReport, writeCorpus } from './lib.mjs';

await buildNode();
const skipScale = process.argv.includes('--skip-scale');

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
