#!/usr/bin/env node
// Crash test of the workspace store: a child process writes (review updates with an increasing
// counter, settings, imported documents) and prints each write only after its promise resolved;
// it is killed with SIGKILL at a random moment (one in five while opening). After each kill the
// store is reopened and checked: it opens without any recovery, every acknowledged write is there.
// Prints figures, never passes or fails on time.
//   node bench/store/kill.mjs [--kills 200] [--seed 1] [--ack-early] [--keep]   (--keep: leave the workspace in the temp dir)
// --ack-early is a control run: the child acknowledges review writes before they are durable,
// so losses must show up (if they do not, the bench is not measuring anything).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleStore } from './bundle.mjs';
import { rng } from './synthetic.mjs';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' }, 'ack-early': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });
const kills = Number(values.kills);
const random = rng(Number(values.seed));
const storeModule = await bundleStore();
const { WorkspaceStore } = await import(storeModule);
const dir = mkdtempSync(join(tmpdir(), 'ra-kill-'));
const child = join(import.meta.dirname, 'kill-child.mjs');

let corrupted = 0;
let lost = 0;
let acked = 0;
let killedBeforeReady = 0;
let staleTemps = 0;
const journals = new Map(); // journal id → acknowledged review counters
const ackedDocs = new Set();
const started = Date.now();

function runChild(round) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [child, storeModule, dir, String(round), String(Math.floor(random() * 1e9)), values['ack-early'] ? 'ack-early' : 'normal'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    // one kill in five at a random moment of start-up (while opening: lock, temp cleaning,
    // recovery), the others 0–500 ms into the writing
    const duringOpen = random() < 0.2;
    const kill = (ms) => setTimeout(() => p.kill('SIGKILL'), ms);
    if (duringOpen) kill(Math.floor(random() * 400));
    const writingFor = Math.floor(random() * 500);
    const safety = setTimeout(() => p.kill('SIGKILL'), 20_000); // a child stuck before 'ready'
    p.stdout.on('data', (b) => {
      out += b;
      if (!ready && out.includes('ready\n')) {
        ready = true;
        if (!duringOpen) kill(writingFor);
      }
    });
    p.stderr.on('data', (b) => { err += b; });
    p.on('exit', (code, signal) => {
      clearTimeout(safety);
      // read what is left in the pipe
      setImmediate(() => resolve({ out, err, ready, code, signal }));
    });
  });
}

await (await WorkspaceStore.open(dir, { app: 'cli' })).close(); // create the workspace
for (let round = 1; round <= kills; round++) {
  const before = new Set(readdirSync(join(dir, '.report-annotator/cache')));
  const { out, err, ready, signal } = await runChild(round);
  if (signal !== 'SIGKILL') process.stderr.write(`round ${round}: child ended by itself (${signal ?? 'exit'}): ${err.slice(0, 500)}\n`);
  if (!ready) killedBeforeReady += 1;
  const journal = `journal-${round}`;
  const reviews = new Set();
  let settingsAck = 0;
  for (const line of out.split('\n')) {
    const [kind, value] = line.split(' ');
    if (kind === 'R') reviews.add(Number(value));
    else if (kind === 'S') settingsAck = Math.max(settingsAck, Number(value));
    else if (kind === 'D') ackedDocs.add(value);
  }
  acked += reviews.size + (settingsAck ? 1 : 0) + out.split('\n').filter((l) => l.startsWith('D ')).length;
  journals.set(journal, reviews);

  for (const sub of ['cache', 'work/local']) staleTemps += readdirSync(join(dir, '.report-annotator', sub)).filter((f) => f.endsWith('.tmp')).length;
  let store;
  try {
    store = await WorkspaceStore.open(dir, { app: 'cli' });
  } catch (e) {
    corrupted += 1;
    process.stderr.write(`round ${round}: reopen failed: ${e.code ?? ''} ${e.message}\n`);
    continue;
  }
  const recoveries = store.notices.filter((n) => n.code !== 'stale-lock-taken-over');
  try {
    if (reviews.size > 0 || out.includes(`D ${journal}`)) {
      const doc = await store.readDocument(journal);
      for (const n of reviews) if (!doc.reviews[`c${n}`]) lost += 1;
    }
    if (settingsAck && !(Number(store.workspace().settings.counter) >= settingsAck)) {
      // a later unacknowledged write may have landed: only going backwards is a loss
      lost += 1;
    }
    const index = new Set(store.workspace().documents.map((d) => d.id));
    for (const id of ackedDocs) if (!index.has(id) || !store.hasDocument(id)) lost += 1;
    // every document created this round must open (acknowledged or not)
    for (const id of store.documentIds()) if (!before.has(`${id}.json`)) await store.readDocument(id);
  } catch (e) {
    corrupted += 1;
    process.stderr.write(`round ${round}: check failed: ${e.code ?? ''} ${e.message}\n`);
  }
  if (store.notices.some((n) => n.code !== 'stale-lock-taken-over')) {
    corrupted += 1;
    process.stderr.write(`round ${round}: recoveries: ${JSON.stringify(recoveries.concat(store.notices.filter((n) => !recoveries.includes(n))))}\n`);
  }
  await store.close();
  if (round % 25 === 0) process.stderr.write(`… ${round} kills, ${acked} acknowledged writes so far\n`);
}

// final pass: every acknowledged write of every round
const store = await WorkspaceStore.open(dir, { app: 'cli' });
let finalLost = 0;
for (const [journal, reviews] of journals) {
  if (reviews.size === 0) continue;
  const doc = await store.readDocument(journal);
  for (const n of reviews) if (!doc.reviews[`c${n}`]) finalLost += 1;
}
const docs = store.workspace().documents.length;
await store.close();

console.log(`kills tried ${kills}, stores corrupted ${corrupted}, acknowledged writes lost ${lost}`);
console.log(`  acknowledged writes ${acked}; killed while opening ${killedBeforeReady}; documents in index at the end ${docs}; stale temp files seen after kills ${staleTemps} (removed on reopen)`);
console.log(`  final recheck of all rounds: acknowledged review writes lost ${finalLost}; ${((Date.now() - started) / 1000).toFixed(1)} s${values.keep ? `; workspace ${dir}` : ''}`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
rmSync(dirname(storeModule), { recursive: true, force: true });
