#!/usr/bin/env node
// Store latency on a workspace of 2,000 synthetic documents: reopen time (open + list),
// first read of a document, and one review write until durable (p50/p95 over 200 writes).
// Prints figures, never passes or fails on time.
//   node bench/store/latency.mjs [--docs 2000] [--writes 200] [--keep]   (--keep: leave the workspace in the temp dir)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleStore } from './bundle.mjs';
import { loadParagraphs, makeDocument, metaOf, reviewOf, rng } from './synthetic.mjs';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' }, writes: { type: 'string', default: '200' }, keep: { type: 'boolean', default: false } } });
const docCount = Number(values.docs);
const writeCount = Number(values.writes);
const storeModule = await bundleStore();
const { WorkspaceStore, STORE_DEFAULTS } = await import(storeModule);
const random = rng(7);
const paragraphs = loadParagraphs();
const dir = mkdtempSync(join(tmpdir(), 'ra-latency-'));
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (x) => `${x.toFixed(1)} ms`;

// build the workspace (documents concurrently, so coalescing and fsync overlap)
let t0 = process.hrtime.bigint();
const build = await WorkspaceStore.open(dir, { app: 'cli' });
const metas = [];
for (let i = 0; i < docCount; i += 50) {
  const batch = [];
  for (let j = i; j < Math.min(docCount, i + 50); j++) {
    const doc = makeDocument(`doc-${String(j).padStart(5, '0')}`, paragraphs, random);
    metas.push(metaOf(doc));
    batch.push(build.writeDocument(doc));
  }
  await Promise.all(batch);
}
await build.updateWorkspace((w) => { w.documents.push(...metas); });
await build.close();
const buildMs = ms(t0);
const docsDir = join(dir, '.report-annotator/cache');
const sizes = readdirSync(docsDir).map((f) => statSync(join(docsDir, f)).size);
const wsSize = statSync(join(dir, '.report-annotator/workspace.json')).size;

// reopen: open + list, a few times (the first is the coldest the page cache allows)
const reopen = [];
for (let i = 0; i < 5; i++) {
  t0 = process.hrtime.bigint();
  const s = await WorkspaceStore.open(dir, { app: 'desktop' });
  const n = s.workspace().documents.length;
  reopen.push(ms(t0));
  if (n !== docCount) throw new Error(`listed ${n} documents`);
  await s.close();
}

async function writes(coalesceMs) {
  const s = await WorkspaceStore.open(dir, { app: 'desktop', coalesceMs });
  const ids = metas.map((m) => m.id);
  const reads = [];
  const lat = [];
  for (let i = 0; i < writeCount; i++) {
    const id = ids[Math.floor(random() * ids.length)];
    let t = process.hrtime.bigint();
    await s.readDocument(id);
    reads.push(ms(t));
    t = process.hrtime.bigint();
    await s.updateDocument(id, (d) => { d.reviews[`f${i % 150}`] = reviewOf(`f${i % 150}`, `review ${i}`); });
    lat.push(ms(t));
  }
  // keyboard-speed review of one document: 200 reviews, each awaited
  const one = ids[0];
  await s.readDocument(one);
  const same = [];
  for (let i = 0; i < writeCount; i++) {
    const t = process.hrtime.bigint();
    await s.updateDocument(one, (d) => { d.reviews[`f${i % 150}`] = reviewOf(`f${i % 150}`, `again ${i}`); });
    same.push(ms(t));
  }
  // as the service does a review: the document, then its counts in the workspace index
  const both = [];
  for (let i = 0; i < writeCount; i++) {
    const id = ids[Math.floor(random() * ids.length)];
    await s.readDocument(id);
    const t = process.hrtime.bigint();
    await s.updateDocument(id, (d) => { d.reviews[`f${i % 150}`] = reviewOf(`f${i % 150}`, `both ${i}`); });
    await s.updateWorkspace((w) => { const m = w.documents.find((x) => x.id === id); m.counts.reviewed = i; });
    both.push(ms(t));
  }
  await s.close();
  return { reads, lat, same, both };
}

const dflt = await writes(STORE_DEFAULTS.coalesceMs);
const zero = await writes(0);

const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
console.log(`workspace: ${docCount} documents, cache files p50 ${kb(pct(sizes, 50))} (max ${kb(Math.max(...sizes))}), workspace.json ${kb(wsSize)}; built in ${(buildMs / 1000).toFixed(1)} s`);
console.log(`reopen (open + list ${docCount} documents): first ${fmt(reopen[0])}, median of 5 ${fmt(pct(reopen, 50))}`);
console.log(`first read of a document: p50 ${fmt(pct(dflt.reads, 50))}, p95 ${fmt(pct(dflt.reads, 95))}`);
console.log(`one review write until durable, random documents (coalescing window ${STORE_DEFAULTS.coalesceMs} ms): p50 ${fmt(pct(dflt.lat, 50))}, p95 ${fmt(pct(dflt.lat, 95))}, max ${fmt(Math.max(...dflt.lat))}`);
console.log(`one review write until durable, same document (window ${STORE_DEFAULTS.coalesceMs} ms): p50 ${fmt(pct(dflt.same, 50))}, p95 ${fmt(pct(dflt.same, 95))}`);
console.log(`review + index counts (document, then workspace.json) until durable (window ${STORE_DEFAULTS.coalesceMs} ms): p50 ${fmt(pct(dflt.both, 50))}, p95 ${fmt(pct(dflt.both, 95))}`);
console.log(`one review write until durable, random documents (window 0 ms): p50 ${fmt(pct(zero.lat, 50))}, p95 ${fmt(pct(zero.lat, 95))}; same document p50 ${fmt(pct(zero.same, 50))}, p95 ${fmt(pct(zero.same, 95))}; review + index counts p50 ${fmt(pct(zero.both, 50))}, p95 ${fmt(pct(zero.both, 95))}`);
if (values.keep) console.log(`workspace: ${dir}`);
else rmSync(dir, { recursive: true, force: true });
rmSync(dirname(storeModule), { recursive: true, force: true });
