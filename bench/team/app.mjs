#!/usr/bin/env node
// bench/team/app.mjs: the team figures of issue 14 through the app's service (store v2 files,
// src/main/service/team.ts), not in memory:
//  1. a workspace of 2,000 reports × 5 analysts' work files (synthetic reports made of the
//     sample paragraphs, analysed by the real detectors; each analyst decides ~70% of the
//     findings with some disagreement): the app opening it (store + team attach: .stignore,
//     profile, conflict scan, watchers), then teamAgreement over the whole workspace, twice, in
//     processes of their own: the first session on this machine (no agreement cache yet; before and after the slim read of
//     work files, src/main/team/slim-work.ts, under the same load),
//     the next session (cold: the first call after the process started, the machine-local cache
//     of per-report figures on disk), and a session after a sync changed 1 % of the work files;
//     peak RSS of each process.
//  2. review → teammate: two backends on two Syncthing instances on 127.0.0.1 (harness.ts); the
//     time from reviewApply on A to teamChanged naming that report on B (the app asks its
//     Syncthing to scan the work file it wrote; B's watcher reports the arrival). 50 reviews.
// Prints figures with the load average; never passes or fails on time.
//   node bench/team/app.mjs [--docs 2000] [--analysts 5] [--samples 50] [--skip-sync] [--skip-workspace]
import { build } from 'esbuild';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { dataDir, rng, root, sampleParagraphs, syntheticReport } from '../lib.mjs';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' }, analysts: { type: 'string', default: '5' }, samples: { type: 'string', default: '50' }, 'skip-sync': { type: 'boolean', default: false }, 'skip-workspace': { type: 'boolean', default: false }, child: { type: 'string' }, 'wait-warm': { type: 'boolean', default: false }, 'full-read': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, 'make-only': { type: 'boolean', default: false }, ud: { type: 'string' }, label: { type: 'string', default: '' } } });
const DOCS = Number(values.docs);
const ANALYSTS = Number(values.analysts);
const SAMPLES = Number(values.samples);
const load = () => execSync('uptime').toString().trim().replace(/^.*load/, 'load');
const rss = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;

const benchDir = join(dataDir, 'team');
mkdirSync(benchDir, { recursive: true });
const entry = join(benchDir, 'app-entry.ts');
writeFileSync(entry, [
  "export { createBackend } from '../../../src/main/service/backend';",
  "export { call } from '../../../src/main/service/dispatch';",
  "export { analyzeText } from '../../../src/core/analyze';",
  "export { buildDocument, emptyWork } from '../../../src/core/document';",
  "export * from '../../../src/main/team/harness';",
  "export { waitSynced } from '../../../src/main/team/syncthing';",
  "export { TeamWorkspace } from '../../../src/main/team/workspace';",
  '',
].join('\n'));
const bundle = join(benchDir, 'app.mjs');
if (!values.child) await build({ bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'error', entryPoints: [entry], outfile: bundle });
const T = await import(bundle);
const log = { error: (m, c) => console.error(m, c ?? '') };
const SAMPLES_DIR = join(root, 'resources', 'samples');
const ok = async (b, method, req) => {
  const r = await T.call(b.handlers, method, req);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms (n=${s.length})`;
};

// ---------------------------------------------------------------- the app in a process of its own (cold = first call after the process started)
const noSyncthing = async () => {
  const e = new Error('no Syncthing in this bench part');
  e.name = 'SyncthingError';
  throw Object.assign(e, { code: 'syncthing-not-configured' });
};
if (values.child) {
  // --full-read: every work file read in full for agreement, as before the slim read (src/main/team/slim-work.ts): the "before" figure
  if (values['full-read']) T.TeamWorkspace.SLIM_WORK_READ = false;
  const h = monitorEventLoopDelay({ resolution: 5 });
  const t1 = performance.now();
  const b = T.createBackend({ mode: 'browser', app: 'serve', samplesDir: SAMPLES_DIR, userDataDir: values.ud, workspaceDir: values.child, log, version: '2.0.0-bench', workerPath: null, syncthing: noSyncthing });
  const ws = await ok(b, 'workspaceGet', {});
  const openMs = performance.now() - t1;
  const who = await ok(b, 'identityGet', {});
  console.log(`  open: ${openMs.toFixed(0)} ms to the workspace view (${ws.documents.length} reports, as ${who.name}; store + team attach: .stignore, profile, conflict scan, watchers); peak RSS ${rss()}; ${load()}`);
  const r0 = performance.now();
  await b.refreshed();
  const sofar = process.cpuUsage();
  console.log(`  refresh of the folder's reports: ${(performance.now() - r0).toFixed(0)} ms; process CPU since start ${((sofar.user + sofar.system) / 1e6).toFixed(2)} s (the background warming runs from the open on); ${load()}`);
  if (values['wait-warm']) {
    // the service fills the agreement cache in the background after the open (src/main/service/team.ts warmAgreement): the
    // cache file appears (renamed into place) when it went through every report. Meanwhile: how long the event loop was blocked
    const cacheFile = join(values.child, '.report-annotator', 'cache', 'team-agreement.v1');
    h.enable(); // from the end of the refresh (the warming waits for it) to the cache on disk
    // what blocks it: garbage collection pauses, and each stretch over 50 ms between two timer turns with the GC time inside it
    const gcs = [];
    const gcObs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration, kind: e.detail?.kind });
    });
    gcObs.observe({ entryTypes: ['gc'] });
    const stalls = [];
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      if (now - last > 50) stalls.push({ from: last, to: now });
      last = now;
    }, 5);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    // a request every 50 ms while warming: answered in time?
    const lat = [];
    for (let i = 0; i < 2400 && !existsSync(cacheFile); i++) {
      const q0 = performance.now();
      await ok(b, 'workspaceGet', {});
      lat.push(performance.now() - q0);
      await new Promise((r) => setTimeout(r, 50));
    }
    h.disable();
    clearInterval(tick);
    gcObs.disconnect();
    const cpu = process.cpuUsage(c0);
    console.log(`  background warming of the agreement cache: ${existsSync(cacheFile) ? 'done' : 'NOT done'} in ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU; event loop delay max ${(h.max / 1e6).toFixed(0)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(0)} ms, mean ${(h.mean / 1e6).toFixed(1)} ms; workspaceGet while warming ${lat.length ? stats(lat) : 'none'}; ${load()}`);
    const gcIn = (a, b) => gcs.filter((g) => g.start < b && g.start + g.ms > a).reduce((t, g) => t + g.ms, 0);
    const worst = stalls.sort((x, y) => y.to - y.from - (x.to - x.from)).slice(0, 5);
    console.log(`  while warming: ${gcs.length} GC pauses, longest ${Math.max(0, ...gcs.map((g) => g.ms)).toFixed(0)} ms (${gcs.reduce((t, g) => t + g.ms, 0).toFixed(0)} ms in all); longest stalls of a 5 ms timer: ${worst.map((w) => `${(w.to - w.from).toFixed(0)} ms (GC ${gcIn(w.from, w.to).toFixed(0)} ms)`).join(', ') || 'none over 50 ms'}`);
  }
  for (const round of ['first call', 'second call']) {
    const c0 = process.cpuUsage();
    const t2 = performance.now();
    const agr = await ok(b, 'teamAgreement', {});
    const secs = (performance.now() - t2) / 1000;
    const cpu = process.cpuUsage(c0);
    const p = agr.pairs[0];
    console.log(`  agreement, ${round}: ${secs.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU over ${agr.documents} reports × ${agr.analysts.length} analysts (${agr.pairs.length} pairs); pair ${p.a.slice(-1)}-${p.b.slice(-1)} F1 ${p.byKind.all.f1?.toFixed(6)}, alpha status ${p.byKind.all.status.alpha?.toFixed(6)}; peak RSS ${rss()}; ${load()}`);
  }
  const t3 = performance.now();
  const q = await ok(b, 'teamAdjudicationQueue', { documentId: ws.documents[0].id });
  const l = await ok(b, 'teamLayers', { documentId: ws.documents[0].id });
  console.log(`  one report: adjudication queue (${q.items.length} items) + layers (${l.layers.length}) in ${(performance.now() - t3).toFixed(0)} ms`);
  await b.close(); // the agreement cache written after the call is on disk once the team side is detached
  process.exit(0);
}

const runChild = (label, dir, ud, extra = []) => {
  console.log(`${label}:`);
  execFileSync(process.execPath, [import.meta.filename, '--child', dir, '--ud', ud, ...extra], { stdio: 'inherit' });
};

// ---------------------------------------------------------------- 1. a 2,000 × 5 workspace
if (!values['skip-workspace']) {
  const random = rng(1414);
  const dir = mkdtempSync(join(tmpdir(), 'bench-team-ws-'));
  const store = join(dir, '.report-annotator');
  const paragraphs = sampleParagraphs();
  const templates = [];
  for (let i = 0; i < 20; i++) {
    const text = syntheticReport(paragraphs, 8000, random);
    const doc = T.buildDocument({ text, detectorFindings: T.analyzeText(text), work: T.emptyWork() });
    templates.push({ text, findings: doc.findings, counts: doc.counts });
  }
  const analysts = Array.from({ length: ANALYSTS }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, name: `analyst ${i + 1}` }));
  const t0 = performance.now();
  mkdirSync(join(store, 'cache'), { recursive: true });
  for (const a of analysts) mkdirSync(join(store, 'work', a.id), { recursive: true });
  const metas = [];
  let findingsTotal = 0;
  let workBytes = 0;
  for (let d = 0; d < DOCS; d++) {
    const tpl = templates[d % templates.length];
    const id = `bench${String(d).padStart(5, '0')}`;
    const sha = `${'0'.repeat(48)}${String(d).padStart(16, '0')}`;
    findingsTotal += tpl.findings.length;
    writeFileSync(join(store, 'cache', `${id}.json`), JSON.stringify({ schemaVersion: 2, id, sha256: sha, analyzer: '2.0.0-bench', sliced: false, text: tpl.text, findings: tpl.findings }));
    metas.push({ id, path: `reports/${id}.txt`, name: `${id}.txt`, format: 'txt', encoding: 'utf-8', size: tpl.text.length, mtimeMs: 0, sha256: sha, length: tpl.text.length, importedAt: '2026-01-01T00:00:00.000Z', counts: tpl.counts, metadata: {} });
    for (const a of analysts) {
      const reviews = {};
      for (const f of tpl.findings) {
        const r = random();
        if (r < 0.3) continue;
        const status = r < 0.85 ? 'accepted' : r < 0.95 ? 'rejected' : 'corrected';
        const fields = status === 'corrected' && f.type === 'figure' && typeof f.data.value === 'number' ? { value: f.data.value + 1 } : {};
        reviews[f.id] = { findingId: f.id, status: status === 'corrected' && !fields.value ? 'accepted' : status, fields, tags: [], note: '', updatedAt: '2026-01-01T00:00:00.000Z', annotator: a.name, anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } };
      }
      const text = JSON.stringify({ schemaVersion: 2, documentId: id, analyst: a, sha256: sha, findings: [], reviews, orphans: [], history: { undo: [], redo: [] } });
      workBytes += text.length;
      writeFileSync(join(store, 'work', a.id, `${id}.json`), text);
    }
  }
  writeFileSync(join(store, 'workspace.json'), JSON.stringify({ schemaVersion: 2, documents: metas, taxonomy: [], settings: {}, indicatorMap: {} }));
  console.log(`workspace: ${DOCS} reports (${(findingsTotal / DOCS).toFixed(0)} findings each on average) × ${ANALYSTS} analysts' work files (${(workBytes / DOCS / ANALYSTS / 1024).toFixed(1)} kB each) written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // the app: analyst 1's machine (their identity in the user data), each run a new process
  const ud = mkdtempSync(join(tmpdir(), 'bench-team-ud-'));
  writeFileSync(join(ud, 'identity.json'), JSON.stringify({ ...analysts[0], confirmed: true }));
  const cacheFile = join(store, 'cache', 'team-agreement.v1');
  if (values['make-only']) {
    // a workspace to profile one session on: node --cpu-prof bench/team/app.mjs --child DIR --ud UD
    console.log(`made: --child ${dir} --ud ${ud}`);
    process.exit(0);
  }
  // before / after the slim read of work files, one after the other under the same load
  runChild('app, first session, agreement asked at once after the open (no agreement cache on this machine yet: the background warming stops, the call reads and matches the rest) — BEFORE: every work file read in full', dir, ud, ['--full-read']);
  rmSync(cacheFile, { force: true });
  runChild('app, first session, agreement asked at once after the open — AFTER: work files read by the slim scan', dir, ud);
  rmSync(cacheFile, { force: true });
  runChild('app, first session, agreement asked after the background warming filled the cache (no agreement cache on this machine at the open)', dir, ud, ['--wait-warm']);
  console.log(`  agreement cache: ${existsSync(cacheFile) ? `${(statSync(cacheFile).size / 1e6).toFixed(1)} MB` : 'not written'}`);
  runChild('app, next session (cold: the first agreement call after the process started, the cache on disk)', dir, ud);
  // a teammate's sync brings new versions of 1 % of the work files (another status on one finding)
  const changed = Math.max(1, Math.round(DOCS / 100));
  for (let d = 0; d < changed; d++) {
    const id = `bench${String(d * Math.floor(DOCS / changed)).padStart(5, '0')}`;
    const file = join(store, 'work', analysts[1 % ANALYSTS].id, `${id}.json`);
    const w = JSON.parse(readFileSync(file, 'utf8'));
    const fid = Object.keys(w.reviews)[0];
    if (fid) w.reviews[fid].status = w.reviews[fid].status === 'rejected' ? 'accepted' : 'rejected';
    writeFileSync(`${file}.tmp`, JSON.stringify(w));
    renameSync(`${file}.tmp`, file);
  }
  runChild(`app, next session after a sync changed ${changed} work files (cold)`, dir, ud);
  if (values.keep) console.log(`kept: --child ${dir} --ud ${ud}`);
  else {
    rmSync(dir, { recursive: true, force: true });
    rmSync(ud, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- 2. review → teammate through the app
if (values['skip-sync']) process.exit(0);
if (!T.syncthingInstalled()) {
  console.log('SKIP review latency: syncthing is not installed');
  process.exit(0);
}
const rootDir = mkdtempSync(join(tmpdir(), 'bench-team-sync-'));
const pair = await T.startSyncthingPair(rootDir);
const backends = [];
try {
  const random = rng(7);
  const paragraphs = sampleParagraphs();
  for (let i = 0; i < 3; i++) writeFileSync(join(pair.a.folderPath, `r${i}.txt`), syntheticReport(paragraphs, 6000, random));
  await T.waitSynced({ writer: pair.a.client, reader: pair.b.client, readerId: pair.b.deviceId, folder: pair.folderId });
  const mk = (side, name) => T.createBackend({ mode: 'browser', app: 'serve', samplesDir: SAMPLES_DIR, userDataDir: join(rootDir, `${name}-ud`), workspaceDir: side.folderPath, log, version: '2.0.0-bench', workerPath: null, syncthing: async () => side.client });
  const A = mk(pair.a, 'ann');
  const B = mk(pair.b, 'bob');
  backends.push(A, B);
  for (const [b, name] of [[A, 'ann'], [B, 'bob']]) {
    await ok(b, 'workspaceGet', {});
    await b.refreshed();
    await ok(b, 'identitySet', { name });
  }
  const docs = (await ok(A, 'workspaceGet', {})).documents;
  const findings = [];
  for (const d of docs) for (const f of (await ok(A, 'documentGet', { id: d.id })).findings) findings.push([d.id, f.id]);
  const times = [];
  for (let i = 0; i < SAMPLES; i++) {
    const [docId, fid] = findings[i % findings.length];
    const seen = new Promise((res, rej) => {
      const timer = setTimeout(() => {
        off();
        rej(new Error('no teamChanged within 30 s'));
      }, 30_000);
      const off = B.onEvent((n, p) => {
        if (n === 'teamChanged' && p.documentIds.includes(docId) && p.analysts.length > 0) {
          clearTimeout(timer);
          off();
          res();
        }
      });
    });
    const t0 = performance.now();
    await ok(A, 'reviewApply', { documentId: docId, action: { type: 'setStatus', findingIds: [fid], status: i % 2 ? 'rejected' : 'accepted' } });
    await seen;
    times.push(performance.now() - t0);
  }
  console.log(`review on A → teamChanged on B (app scans after its write, B's watcher): ${stats(times)}; ${load()}`);
} finally {
  for (const b of backends) await b.close();
  await pair.stop();
  rmSync(rootDir, { recursive: true, force: true });
}
