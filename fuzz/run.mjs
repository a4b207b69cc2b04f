#!/usr/bin/env node
// Fuzzes the import path with malformed report files: random bytes, truncated UTF-8/GBK/Big5/
// UTF-16, lone surrogates, NUL bytes, a 20 MB single line, deeply nested and broken HTML, zip
// bombs, docx with broken XML or a bad package, malformed and encrypted PDFs. Each input goes
// through the real path (a real WorkspaceStore in a fresh workspace + importIntoStore: importers,
// analysis, store) in a child process, with a time budget per input.
//   node fuzz/run.mjs [--count 3000] [--budget-ms 20000] [--seed 1] [--big-mb 20] [--no-specials] [--json FILE]
// The budget per input is the app's own import budget (src/main/import/budget.ts, 20 s + 2 s/MB,
// sent by the child), unless --budget-ms gives another base.
// Counts tried / imported / refused (AppError, by code) / crashed (uncaught exception, child
// died, or a non-AppError) / hung (over budget) / store-dirty (a refused input left something
// in the store). Failing inputs are kept in bench/.data/fuzz/failures/ for replay
// (`node fuzz/run.mjs --replay FILE`). Exits 1 on any crash, hang or dirty store.
import { execFileSync, fork } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundle, root } from './build.mjs';
import { mutatedPdf, pdfBases, randomInput, rng, specials } from './generators.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    'budget-ms': { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 1e9) },
    'big-mb': { type: 'string', default: '20' },
    'no-specials': { type: 'boolean', default: false },
    json: { type: 'string', default: join(root, 'bench', '.data', 'reliability', 'fuzz.json') },
    replay: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
/** the import budget (budget.ts IMPORT_BUDGET), from the child's first ready message */
let budgetMs = values['budget-ms'] === undefined ? null : Number(values['budget-ms']);
let perMbMs = null;
const seed = Number(values.seed);
const r = rng(seed);
const started = Date.now();
/** the machine's 1-minute load average, sampled every 10 s: timings (hangs) are measured against wall time */
const loads = [loadavg()[0]];
const loadTimer = setInterval(() => loads.push(loadavg()[0]), 10_000);
loadTimer.unref();
const work = mkdtempSync(join(tmpdir(), 'ra-fuzz-'));
const failuresDir = join(root, 'bench', '.data', 'fuzz', 'failures');
const workerModule = await bundle(join(import.meta.dirname, 'worker.mjs'), 'fuzz-worker');
// the importers' worker thread, where the service finds it: beside the bundle that runs it
const importWorker = join(workerModule, '..', 'import-worker.mjs');
await bundle(join(root, 'src', 'main', 'import', 'worker.ts'), 'import-worker', importWorker);
// and the analysis worker, as the app runs it (a bounded heap: its failure is a refusal with a code)
const analysisWorker = join(workerModule, '..', 'analysis-worker.mjs');
await bundle(join(root, 'src', 'main', 'analysis', 'worker.ts'), 'analysis-worker', analysisWorker);

// ── the child ──────────────────────────────────────────────────────────────────────────────
let child = null;
let waiting = null; // { id, resolve }
let restarts = 0;

function startChild() {
  return new Promise((ready, fail) => {
    const c = fork(workerModule, [], { cwd: root, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: ['--max-old-space-size=3072', '--stack-size=984'] });
    let stderr = '';
    c.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    c.on('message', (m) => {
      if (m?.type === 'ready') {
        budgetMs ??= m.budget.baseMs;
        perMbMs ??= m.budget.perMbMs;
        return ready(c);
      }
      if (waiting && m.id === waiting.id) {
        const w = waiting;
        waiting = null;
        w.resolve(m);
      }
    });
    c.on('exit', (code, signal) => {
      if (child === c) child = null;
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.resolve({ id: w.id, outcome: 'crash', detail: `child died (${signal ?? `exit ${code}`}): ${stderr.slice(-1500)}` });
      }
    });
    c.on('error', fail);
  });
}

/** The peak resident set of a live process so far (Linux VmHWM), MB; null where unknown. */
function peakRssOf(pid) {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function runInput(id, path, budget) {
  child ??= await startChild();
  const c = child;
  const workspace = join(work, `ws-${id}`);
  const t0 = Date.now();
  const reply = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (waiting?.id !== id) return;
      waiting = null;
      const rssMb = peakRssOf(c.pid); // a hung input's memory counts too (read before the kill)
      c.kill('SIGKILL');
      child = null;
      restarts++;
      resolve({ id, outcome: 'hung', detail: `over the ${budget} ms budget`, ...(rssMb === null ? {} : { rssMb }) });
    }, budget);
    waiting = {
      id,
      resolve: (m) => {
        clearTimeout(timer);
        resolve(m);
      },
    };
    c.send({ id, path, workspace });
  });
  if (reply.outcome === 'crash' && child === null) restarts++;
  rmSync(workspace, { recursive: true, force: true });
  return { ...reply, ms: Date.now() - t0 };
}

// ── the run ────────────────────────────────────────────────────────────────────────────────
const tally = { tried: 0, imported: 0, refused: 0, crashed: 0, hung: 0, storeDirty: 0 };
/** the largest resident set of the child (the app's import path, worker threads included), MB */
let peakRssMb = 0;
let peakRssKind = null;
const byCode = {};
const byKind = {};
const failures = [];
const slowest = [];

function record(input, res, file) {
  tally.tried++;
  const k = (byKind[input.kind] ??= { tried: 0, imported: 0, refused: 0, crashed: 0, hung: 0, storeDirty: 0 });
  k.tried++;
  const key = { imported: 'imported', refused: 'refused', crash: 'crashed', hung: 'hung', 'store-dirty': 'storeDirty' }[res.outcome] ?? 'crashed';
  tally[key]++;
  k[key]++;
  if (res.code) byCode[res.code] = (byCode[res.code] ?? 0) + 1;
  if (typeof res.rssMb === 'number' && res.rssMb > peakRssMb) {
    peakRssMb = res.rssMb;
    peakRssKind = input.kind;
  }
  slowest.push({ kind: input.kind, ms: res.ms, bytes: input.bytes.length, outcome: res.outcome });
  slowest.sort((a, b) => b.ms - a.ms);
  slowest.length = Math.min(slowest.length, 5);
  if (key === 'crashed' || key === 'hung' || key === 'storeDirty') {
    mkdirSync(failuresDir, { recursive: true });
    const kept = join(failuresDir, `${input.kind}-${seed}-${tally.tried}.${input.ext}`);
    if (input.fifo) writeFileSync(`${kept}.fifo`, 'a named pipe (mkfifo)\n');
    else if (input.bytes.length <= 64 * 1024 * 1024) copyFileSync(file, kept);
    failures.push({ kind: input.kind, outcome: res.outcome, code: res.code ?? null, detail: String(res.detail ?? '').slice(0, 600), input: kept });
    process.stderr.write(`✗ ${res.outcome}: ${input.kind} (${input.bytes.length} bytes) ${String(res.detail ?? '').slice(0, 400)}\n  kept as ${kept}\n`);
  }
}

async function one(input) {
  const id = tally.tried + 1;
  const file = join(work, `in-${id}.${input.ext}`);
  if (input.fifo) execFileSync('mkfifo', [file]);
  else writeFileSync(file, input.bytes);
  // large inputs get a budget that grows with their size (reading, hashing, analysis are linear)
  child ??= await startChild();
  const budget = Math.round(budgetMs + (perMbMs * input.bytes.length) / (1024 * 1024));
  const res = await runInput(id, file, budget);
  record(input, res, file);
  rmSync(file, { force: true });
  // a fresh child after a large input: its gigabyte heap would slow the next inputs down
  if (input.bytes.length > 1024 * 1024 && child) {
    const c = child;
    child = null;
    await new Promise((ok) => {
      c.once('exit', ok);
      c.send({ type: 'exit' });
      setTimeout(() => c.kill('SIGKILL'), 2000).unref();
    });
  }
  if (!values.quiet && tally.tried % 250 === 0) process.stderr.write(`… ${tally.tried} inputs, ${tally.crashed} crashed, ${tally.hung} hung, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

try {
  if (values.replay) {
    const bytes = readFileSync(values.replay);
    await one({ kind: `replay:${basename(values.replay)}`, ext: extname(values.replay).slice(1), bytes });
  } else {
    const bases = await pdfBases();
    if (!values['no-specials']) for await (const input of specials(r, bases, { bigMb: Number(values['big-mb']) })) await one(input);
    for (let i = 0; i < count; i++) await one(r() < 0.08 ? mutatedPdf(r, bases) : randomInput(r));
  }
} finally {
  if (child) {
    child.send({ type: 'exit' });
    const c = child;
    setTimeout(() => c.kill('SIGKILL'), 2000).unref();
  }
  rmSync(work, { recursive: true, force: true });
  rmSync(workerModule, { force: true });
  rmSync(importWorker, { force: true });
  rmSync(analysisWorker, { force: true });
}

const seconds = (Date.now() - started) / 1000;
const summary = {
  harness: 'fuzz',
  date: new Date().toISOString(),
  machine: { cores: availableParallelism(), platform: process.platform, node: process.version },
  seed,
  budgetMs,
  perMbMs,
  seconds: Number(seconds.toFixed(1)),
  ...tally,
  peakRssMb,
  peakRssKind,
  load: { min: Number(Math.min(...loads).toFixed(1)), max: Number(Math.max(...loads).toFixed(1)), cores: availableParallelism() },
  childRestarts: restarts,
  refusedByCode: byCode,
  byKind,
  slowest,
  failures,
};
if (!values.replay) {
  mkdirSync(join(values.json, '..'), { recursive: true });
  writeFileSync(values.json, JSON.stringify(summary, null, 2) + '\n');
}

console.log(`inputs tried ${tally.tried}, crashed ${tally.crashed}, hung ${tally.hung}, store dirty after a refused input ${tally.storeDirty}`);
console.log(`  imported ${tally.imported}, refused with a code ${tally.refused}: ${Object.entries(byCode).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`);
console.log(`  peak RSS of the import path ${peakRssMb} MB (${peakRssKind ?? '-'})`);
console.log(`  seed ${seed}; budget ${budgetMs} ms per input (+${perMbMs / 1000} s per MB); ${seconds.toFixed(1)} s; slowest: ${slowest.map((s) => `${s.kind} ${s.ms} ms`).join(', ')}`);
if (!values.quiet) {
  console.log('  by kind:');
  for (const [kind, k] of Object.entries(byKind).sort()) console.log(`    ${kind.padEnd(30)} tried ${String(k.tried).padStart(5)}  imported ${String(k.imported).padStart(5)}  refused ${String(k.refused).padStart(5)}${k.crashed ? `  CRASHED ${k.crashed}` : ''}${k.hung ? `  HUNG ${k.hung}` : ''}${k.storeDirty ? `  DIRTY ${k.storeDirty}` : ''}`);
}
process.exit(tally.crashed + tally.hung + tally.storeDirty > 0 ? 1 : 0);
