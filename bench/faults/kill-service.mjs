#!/usr/bin/env node
// kill -9 through the service path: a child runs the real backend (importFiles + reviewApply,
// see kill-service-child.mjs) and acknowledges each call only after it answered ok; it is
// killed with SIGKILL at a random moment (one in five while opening the workspace, which also
// imports the report files left unindexed by the previous kill). After each kill the store is
// reopened and checked: it opens without any recovery, every indexed document reads and
// validates, and every acknowledged import and review is there.
//   node bench/faults/kill-service.mjs [--kills 300] [--seed 1] [--json FILE] [--keep]
// Complements bench/store/kill.mjs (raw store, 200 kills). Prints figures; exits 1 on any loss
// or corruption.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundle, root } from '../../fuzz/build.mjs';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '300' }, seed: { type: 'string', default: '1' }, json: { type: 'string', default: join(root, 'bench', '.data', 'reliability', 'kills-service.json') }, keep: { type: 'boolean', default: false } } });
const kills = Number(values.kills);
let s = Number(values.seed) >>> 0 || 1;
const random = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const childModule = await bundle(join(import.meta.dirname, 'kill-service-child.mjs'), 'kill-service-child');
const storeModule = await bundle(join(root, 'src', 'main', 'store', 'index.ts'), 'kill-service-store');
const { WorkspaceStore } = await import(storeModule);
const base = mkdtempSync(join(tmpdir(), 'ra-kill-service-'));
const ws = join(base, 'workspace');
const userData = join(base, 'user-data');
mkdirSync(ws);
mkdirSync(userData);

let corrupted = 0;
let lost = 0;
let acked = 0;
let killedWhileOpening = 0;
let endedByItself = 0;
const ackedDocs = new Set();
const ackedManual = new Map(); // doc → Set(findingId)
const ackedAccepted = new Map(); // doc → Set(findingId)
const started = Date.now();

function runChild(round) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [childModule, ws, userData, String(round), String(Math.floor(random() * 1e9))], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    const duringOpen = random() < 0.2;
    const kill = (ms) => setTimeout(() => p.kill('SIGKILL'), ms);
    if (duringOpen) kill(Math.floor(random() * 1200));
    const writingFor = 50 + Math.floor(random() * 700);
    const safety = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.stdout.on('data', (b) => {
      out += b;
      if (!ready && out.includes('ready\n')) {
        ready = true;
        if (!duringOpen) kill(writingFor);
      }
    });
    p.stderr.on('data', (b) => {
      err += b;
    });
    p.on('exit', (code, signal) => {
      clearTimeout(safety);
      setImmediate(() => resolve({ out, err, ready, code, signal }));
    });
  });
}

const add = (map, doc, id) => (map.get(doc) ?? map.set(doc, new Set()).get(doc)).add(id);

/** the analyst the child's backend works as (its identity in the user settings): their work files are the ones to check */
function analyst() {
  try {
    const i = JSON.parse(readFileSync(join(userData, 'identity.json'), 'utf8'));
    return { id: i.id, name: i.name };
  } catch {
    return undefined; // killed before its first run wrote one: no work yet
  }
}

async function check(round) {
  let store;
  try {
    store = await WorkspaceStore.open(ws, { app: 'cli', analyst: analyst() });
  } catch (e) {
    corrupted++;
    process.stderr.write(`round ${round}: reopen failed: ${e.code ?? ''} ${e.message}\n`);
    return;
  }
  try {
    const recoveries = store.notices.filter((n) => n.code !== 'stale-lock-taken-over');
    if (recoveries.length > 0) {
      corrupted++;
      process.stderr.write(`round ${round}: recoveries: ${JSON.stringify(recoveries)}\n`);
    }
    const index = new Set(store.workspace().documents.map((d) => d.id));
    for (const id of ackedDocs) {
      if (!index.has(id) || !store.hasDocument(id)) {
        lost++;
        process.stderr.write(`round ${round}: acknowledged import ${id} missing\n`);
      }
    }
    for (const id of store.documentIds()) {
      let doc;
      try {
        doc = await store.readDocument(id);
      } catch (e) {
        corrupted++;
        process.stderr.write(`round ${round}: document ${id} unreadable: ${e.code ?? ''} ${e.message}\n`);
        continue;
      }
      const ids = new Set(doc.findings.map((f) => f.id));
      for (const fid of ackedManual.get(id) ?? []) if (!ids.has(fid)) lost++;
      for (const fid of ackedAccepted.get(id) ?? []) if (doc.reviews[fid]?.status !== 'accepted') lost++;
    }
  } finally {
    await store.close();
  }
}

for (let round = 1; round <= kills; round++) {
  const { out, err, ready, signal } = await runChild(round);
  if (signal !== 'SIGKILL') {
    endedByItself++;
    process.stderr.write(`round ${round}: child ended by itself (${signal ?? 'exit'}): ${err.slice(0, 800)}\n`);
  }
  if (!ready) killedWhileOpening++;
  for (const line of out.split('\n')) {
    const [kind, doc, fid] = line.split(' ');
    if (kind === 'I') ackedDocs.add(doc);
    else if (kind === 'M') add(ackedManual, doc, fid);
    else if (kind === 'A') add(ackedAccepted, doc, fid);
    else continue;
    acked++;
  }
  if (/op failed/.test(err)) process.stderr.write(`round ${round}: ${err.split('\n').filter((l) => l.startsWith('op failed')).slice(0, 2).join('; ')}\n`);
  await check(round);
  if (round % 25 === 0) process.stderr.write(`… ${round} kills, ${acked} acknowledged calls, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

const docsOnDisk = readdirSync(join(ws, '.report-annotator', 'cache')).filter((f) => f.endsWith('.json')).length;
const seconds = (Date.now() - started) / 1000;
const summary = { harness: 'kills-service', date: new Date().toISOString(), machine: { cores: availableParallelism(), platform: process.platform, node: process.version }, kills, corrupted, lost, acked, killedWhileOpening, endedByItself, documents: docsOnDisk, seconds: Number(seconds.toFixed(1)) };
mkdirSync(join(values.json, '..'), { recursive: true });
writeFileSync(values.json, JSON.stringify(summary, null, 2) + '\n');
console.log(`kills tried ${kills}, stores corrupted ${corrupted}, acknowledged writes lost ${lost}`);
console.log(`  through the service (importFiles + reviewApply): acknowledged calls ${acked}; killed while opening ${killedWhileOpening}; documents at the end ${docsOnDisk}; ${seconds.toFixed(1)} s${values.keep ? `; workspace ${ws}` : ''}`);
if (!values.keep) rmSync(base, { recursive: true, force: true });
rmSync(childModule, { force: true });
rmSync(storeModule, { force: true });
process.exit(corrupted + lost + endedByItself > 0 ? 1 : 0);
