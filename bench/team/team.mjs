#!/usr/bin/env node
// bench/team: figures of issue 14 that do not need the store.
//  1. agreement for a whole workspace: 2,000 reports × 5 analysts' layers (200 findings per
//     report, each analyst deciding ~70% of them with some disagreement and manual findings),
//     computed by core/team computeAgreement in one process; seconds and peak RSS. Building
//     the layers from work files (store v2) is not in this figure.
//  2. sync latency: two Syncthing instances on 127.0.0.1 (src/main/team/harness.ts); one work
//     file written (temp + rename) on A, 50 times; time until B has the new content,
//     (a) when the writer asks for a scan (POST /rest/db/scan?sub=…, what the app does after a
//     write) and (b) through the file watcher alone (fsWatcherDelayS=1). Median and max.
// Prints figures with the load average; never passes or fails on time.
//   node bench/team/team.mjs [--docs 2000] [--analysts 5] [--findings 200] [--samples 50] [--skip-sync]
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, rng } from '../lib.mjs';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' }, analysts: { type: 'string', default: '5' }, findings: { type: 'string', default: '200' }, samples: { type: 'string', default: '50' }, files: { type: 'string', default: '1000' }, 'skip-sync': { type: 'boolean', default: false } } });
const DOCS = Number(values.docs);
const ANALYSTS = Number(values.analysts);
const PER_DOC = Number(values.findings);
const SAMPLES = Number(values.samples);
const load = () => execSync('uptime').toString().trim().replace(/^.*load/, 'load');

const benchDir = join(dataDir, 'team');
mkdirSync(benchDir, { recursive: true });
const entry = join(benchDir, 'entry.ts');
writeFileSync(entry, `export * from '../../../src/core/team';\nexport { effectiveFinding, figureId } from '../../../src/core/document';\nexport * from '../../../src/main/team/harness';\nexport * from '../../../src/main/team/syncthing';\n`);
const bundle = join(benchDir, 'team.mjs');
await build({ bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'error', entryPoints: [entry], outfile: bundle });
const T = await import(bundle);

// ---------------------------------------------------------------- 1. agreement
{
  const random = rng(14);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const KINDS = ['count', 'count', 'money', 'percent', 'date'];
  const UNITS = { count: ['次', '件', '项'], money: ['元'], percent: ['%'], date: [null] };
  const analysts = Array.from({ length: ANALYSTS }, (_, i) => `analyst-${i + 1}`);
  const t0 = performance.now();
  const docs = [];
  for (let d = 0; d < DOCS; d++) {
    const findings = [];
    for (let i = 0; i < PER_DOC; i++) {
      const kind = pick(KINDS);
      const data = { text: '12次', start: i * 40, end: i * 40 + 3 + Math.floor(random() * 4), kind, value: Math.floor(random() * 1e6), value_to: null, unit: pick(UNITS[kind]), approx: null, metric: null };
      findings.push({ type: 'figure', id: T.figureId(data), origin: 'detector', data });
    }
    const layers = analysts.map((analyst) => {
      const out = [];
      for (const f of findings) {
        const r = random();
        if (r < 0.3) continue; // not decided
        const status = r < 0.85 ? 'accepted' : r < 0.95 ? 'rejected' : 'corrected';
        const fields = status === 'corrected' ? { value: f.data.value + 1 } : {};
        out.push(T.effectiveFinding(f, { findingId: f.id, status, fields, tags: [], note: '', updatedAt: '2026-01-01T00:00:00Z', annotator: analyst, anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } }));
      }
      if (random() < 0.5) {
        const s = Math.floor(random() * PER_DOC) * 40 + 20;
        const data = { text: '3件', start: s, end: s + 2, kind: 'count', value: 3, value_to: null, unit: '件', approx: null, metric: null };
        out.push(T.effectiveFinding({ type: 'figure', id: `man:${s}-${s + 2}:${analyst}`, origin: 'manual', data }, { findingId: `man:${s}-${s + 2}:${analyst}`, status: 'accepted', fields: {}, tags: [], note: '', updatedAt: '2026-01-01T00:00:00Z', annotator: analyst, anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } }));
      }
      return { analyst, findings: out };
    });
    docs.push({ docId: `doc-${d}`, layers });
  }
  const built = performance.now() - t0;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const report = T.computeAgreement(docs, analysts);
  const secs = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(c1);
  const all = report.pairs[0].byKind.all;
  console.log(`agreement: ${DOCS} reports × ${ANALYSTS} analysts × ${PER_DOC} findings (${report.pairs.length} pairs): ${secs.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (layers built in memory in ${(built / 1000).toFixed(2)} s, not counted); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ${load()}`);
  console.log(`  sample pair ${report.pairs[0].a}–${report.pairs[0].b}: F1 ${all.f1.toFixed(3)}, alpha status ${all.status.alpha?.toFixed(3)}, count value alpha ${report.pairs[0].byKind.count.value.alpha?.toFixed(3)}`);
}

// ---------------------------------------------------------------- 2. sync latency
if (values['skip-sync']) process.exit(0);
if (!T.syncthingInstalled()) {
  console.log('SKIP sync latency: syncthing is not installed');
  process.exit(0);
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms (n=${s.length})`;
};
const dir = mkdtempSync(join(tmpdir(), 'bench-team-'));
const pair = await T.startSyncthingPair(dir);
try {
  console.log(`syncthing pair up: generate ${pair.timings.generateMs} ms, start ${pair.timings.startMs} ms, connect+share ${pair.timings.connectMs} ms; ${load()}`);
  const rel = '.report-annotator/work/ann/doc1.json';
  const write = (text) => {
    const file = join(pair.a.folderPath, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  };
  const arrived = async (text, limitMs = 15_000) => {
    const t0 = performance.now();
    for (;;) {
      try {
        if (readFileSync(join(pair.b.folderPath, rel), 'utf8') === text) return;
      } catch {
        /* not yet */
      }
      if (performance.now() - t0 > limitMs) throw new Error('sync did not arrive in time');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  for (const mode of ['scan', 'watcher']) {
    const times = [];
    for (let i = 0; i < SAMPLES; i++) {
      const text = JSON.stringify({ reviews: { [`fig:${i}-${i + 2}:count`]: { status: 'accepted', updatedAt: new Date().toISOString() } }, mode, i });
      const t0 = performance.now();
      write(text);
      if (mode === 'scan') await pair.a.client.scan(pair.folderId, rel);
      await arrived(text);
      times.push(performance.now() - t0);
    }
    console.log(`review A→B (${mode === 'scan' ? 'writer asks for a scan' : 'file watcher only'}): ${stats(times)}; ${load()}`);
  }
  // 3. many work files at once (a teammate's first sync of a workspace's work)
  const FILES = Number(values.files);
  const t0 = performance.now();
  for (let i = 0; i < FILES; i++) {
    const file = join(pair.a.folderPath, '.report-annotator', 'work', `analyst-${i % 5}`, `doc-${i}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ reviews: { [`fig:${i}-${i + 2}:count`]: { status: 'accepted', note: 'x'.repeat(1500) } } }));
  }
  const written = performance.now() - t0;
  await T.waitSynced({ writer: pair.a.client, reader: pair.b.client, readerId: pair.b.deviceId, folder: pair.folderId, timeoutMs: 600_000 });
  console.log(`${FILES} work files (~1.6 kB, 5 folders) A→B: ${((performance.now() - t0) / 1000).toFixed(1)} s from the first write (writing took ${(written / 1000).toFixed(1)} s); ${load()}`);
} finally {
  await pair.stop();
  rmSync(dir, { recursive: true, force: true });
}
