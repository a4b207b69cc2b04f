#!/usr/bin/env node
// bench/workspace: the workspace figures through the real service path.
// 1. 2,000 synthetic reports imported and analysed with `report-annotator import` (CLI, both cores);
// 2. reopening that workspace (backend open + the documents list);
// 3. review actions through the backend (reviewApply), durable before they return: p50/p95;
// 4. the same on one long report (1,000,000 characters, ~20,000 findings) and on a 20 kB one;
// 5. the store's size on disk (by folder) for the 2,000 reports.
// Prints figures; never passes or fails on time.   node bench/workspace.mjs [--docs N] [--reviews N]
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildNode } from '../scripts/lib/build.mjs';
import { fmt, rng, root, runCli, sampleParagraphs, writeCorpus } from './lib.mjs';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' }, reviews: { type: 'string', default: '300' }, keep: { type: 'boolean' } } });
const docs = Number(values.docs);
await buildNode();

const { dir: sources, bytes } = writeCorpus(`workspace-${docs}`, docs, 9_000, 11);
const ws = mkdtempSync(join(tmpdir(), 'ra-bench-ws-'));
const imp = await runCli(['import', sources, '--workspace', ws]);
if (imp.code !== 0) throw new Error(`import failed: ${imp.stderr.slice(-1500)}`);
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${execSync('nproc').toString().trim()} cores)`);
console.log(`import + analysis of ${docs} reports (${fmt(bytes / 1048576)} MB): ${fmt(imp.seconds, 1)} s, peak RSS ${fmt(imp.maxRssMB, 0)} MB`);

/** bytes of the files under a folder, by first-level entry of .report-annotator (backups apart) */
function storeSize(dir) {
  const by = {};
  const walk = (d, top) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, top ?? e.name);
      else if (e.isFile()) by[top ?? e.name] = (by[top ?? e.name] ?? 0) + statSync(p).size;
    }
  };
  walk(join(dir, '.report-annotator'), null);
  const total = Object.entries(by).filter(([k]) => k !== 'backups').reduce((n, [, v]) => n + v, 0);
  return { total, by };
}
const size = storeSize(ws);
console.log(`store on disk for ${docs} reports: ${fmt(size.total / 1048576, 2)} MB without backups (${Object.entries(size.by).map(([k, v]) => `${k} ${fmt(v / 1048576, 2)} MB`).join(', ')})`);

// The backend, bundled from source, in this process.
// (bundled into bench/.data so its bare imports resolve from the project's node_modules)
const out = join(root, 'bench', '.data', 'backend-bundle');
await build({
  entryPoints: { backend: join(root, 'src/main/service/backend.ts'), dispatch: join(root, 'src/main/service/dispatch.ts') },
  bundle: true, platform: 'node', format: 'esm', outdir: out, outExtension: { '.js': '.mjs' }, packages: 'external', logLevel: 'error',
});
const { createBackend } = await import(join(out, 'backend.mjs'));
const { dispatch } = await import(join(out, 'dispatch.mjs'));
const log = { error: (m, c) => console.error(m, c) };
const opts = { mode: 'browser', app: 'serve', samplesDir: join(root, 'resources', 'samples'), userDataDir: mkdtempSync(join(tmpdir(), 'ra-bench-ud-')), workspaceDir: ws, log, version: 'bench', workerPath: null };

const reopenTimes = [];
let backend;
for (let i = 0; i < 5; i++) {
  backend = createBackend(opts);
  const t0 = performance.now();
  const r = await dispatch(backend.handlers, 'workspaceGet', {});
  reopenTimes.push(performance.now() - t0);
  if (!r.ok || r.value.documents.length !== docs) throw new Error(`reopen: ${JSON.stringify(r).slice(0, 300)}`);
  if (i < 4) await backend.close();
}
reopenTimes.sort((a, b) => a - b);
console.log(`reopen (open store + list ${docs} reports): median ${fmt(reopenTimes[2], 0)} ms, worst ${fmt(reopenTimes[4], 0)} ms`);

const list = (await dispatch(backend.handlers, 'workspaceGet', {})).value.documents;
const lat = [];
const n = Number(values.reviews);
const statuses = ['accepted', 'rejected', 'corrected'];
for (let i = 0; i < n; i++) {
  const meta = list[(i * 7919) % list.length];
  const doc = (await dispatch(backend.handlers, 'documentGet', { id: meta.id })).value;
  const fig = doc.findings.find((f) => f.type === 'figure' && f.data.kind !== 'name');
  if (!fig) continue;
  const action = statuses[i % 3] === 'corrected' ? { type: 'setFields', findingId: fig.id, fields: { value: i } } : { type: 'setStatus', findingIds: [fig.id], status: statuses[i % 3] };
  const t0 = performance.now();
  const r = await dispatch(backend.handlers, 'reviewApply', { documentId: meta.id, action });
  lat.push(performance.now() - t0);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}
lat.sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
console.log(`review action durable (backend reviewApply, ${lat.length} actions over ${docs} reports): p50 ${fmt(q(0.5), 1)} ms, p95 ${fmt(q(0.95), 1)} ms, max ${fmt(lat.at(-1), 1)} ms`);
await backend.close();
if (!values.keep) rmSync(ws, { recursive: true, force: true });

// 4. One report under review, 1,000,000 characters of figure-dense sample paragraphs (~20k
// findings) and 20 kB: imported, then reviews through the backend, each durable before it returns.
for (const chars of [1_000_000, 7_000]) {
  const paragraphs = sampleParagraphs().filter((p) => /\d/.test(p));
  const random = rng(5);
  const parts = [];
  for (let n = 0; n < chars; ) {
    const p = paragraphs[Math.floor(random() * paragraphs.length)];
    parts.push(p);
    n += p.length + 1;
  }
  const longWs = mkdtempSync(join(tmpdir(), 'ra-bench-long-'));
  writeFileSync(join(longWs, 'long-report.txt'), parts.join('\n'));
  const fileKB = statSync(join(longWs, 'long-report.txt')).size / 1024;
  const longImport = await runCli(['import', join(longWs, 'long-report.txt'), '--workspace', longWs]);
  if (longImport.code !== 0) throw new Error(`import failed: ${longImport.stderr.slice(-1500)}`);
  const b = createBackend({ ...opts, userDataDir: mkdtempSync(join(tmpdir(), 'ra-bench-ud-')), workspaceDir: longWs });
  const id = (await dispatch(b.handlers, 'workspaceGet', {})).value.documents[0].id;
  const doc = (await dispatch(b.handlers, 'documentGet', { id })).value;
  const figs = doc.findings.filter((f) => f.type === 'figure' && f.data.kind !== 'name');
  const times = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    const r = await dispatch(b.handlers, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [figs[(i * 37) % figs.length].id], status: i % 2 ? 'accepted' : 'rejected' } });
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  times.sort((a, b) => a - b);
  console.log(`review action durable on one report of ${doc.text.length.toLocaleString('en')} characters (${fmt(fileKB, 0)} kB) with ${doc.findings.length.toLocaleString('en')} findings: p50 ${fmt(times[50], 1)} ms, p95 ${fmt(times[95], 1)} ms (load ${loadavg()[0].toFixed(2)})`);
  await b.close();
  if (!values.keep) rmSync(longWs, { recursive: true, force: true });
}
