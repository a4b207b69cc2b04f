#!/usr/bin/env node
// The reliability figures in README.md: runs the hardening harnesses (or reads their latest JSON
// summaries from bench/.data/reliability/) and regenerates the table between the markers
// <!-- reliability:begin … --> and <!-- reliability:end --> (only what is between them).
//   node scripts/reliability.mjs            run what has no summary yet, read the rest
//   node scripts/reliability.mjs --run      run everything again (quick sizes below)
//   node scripts/reliability.mjs --read     only read the summaries and rewrite the table
//   options: --fuzz-count 1500  --store-kills 200  --service-kills 300  --migrate-kills 40  --no-readme
// Harnesses: fuzz/run.mjs, bench/store/kill.mjs (raw store), bench/store/kill-migrate.mjs (a v1
// workspace migrated on open, killed mid-way), bench/faults/kill-service.mjs
// (backend importFiles + reviewApply), bench/faults/disk.mjs, bench/faults/locks.mjs,
// scripts/security/electronegativity.mjs, the damaged-store cases (vitest), and the attack cases: the *.hardening tests of the
// HTTP binding and the desktop file policy (vitest) plus e2e/web/hostile.spec.ts (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildNode } from './lib/build.mjs';

const root = resolve(import.meta.dirname, '..');
const dataDir = join(root, 'bench', '.data', 'reliability');
const { values } = parseArgs({
  options: {
    run: { type: 'boolean', default: false },
    read: { type: 'boolean', default: false },
    'fuzz-count': { type: 'string', default: '1500' },
    'store-kills': { type: 'string', default: '200' },
    'service-kills': { type: 'string', default: '300' },
    'migrate-kills': { type: 'string', default: '40' },
    'no-readme': { type: 'boolean', default: false },
  },
});
mkdirSync(dataDir, { recursive: true });
const file = (name) => join(dataDir, `${name}.json`);
const read = (name) => (existsSync(file(name)) ? JSON.parse(readFileSync(file(name), 'utf8')) : null);
const want = (name) => !values.read && (values.run || !existsSync(file(name)));

function run(label, args, opts = {}) {
  process.stderr.write(`\n── ${label} ──\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  process.stderr.write(r.stdout ?? '');
  return r;
}

if (want('fuzz')) run('fuzz', [join(root, 'fuzz', 'run.mjs'), '--count', values['fuzz-count'], '--quiet']);
if (want('kills-store')) {
  const r = run('kill -9: raw store', [join(root, 'bench', 'store', 'kill.mjs'), '--kills', values['store-kills']]);
  const m = /kills tried (\d+), stores corrupted (\d+), acknowledged writes lost (\d+)/.exec(r.stdout ?? '');
  const fin = /final recheck of all rounds: acknowledged review writes lost (\d+)/.exec(r.stdout ?? '');
  if (m) writeFileSync(file('kills-store'), JSON.stringify({ harness: 'kills-store', date: new Date().toISOString(), machine: { cores: availableParallelism() }, kills: Number(m[1]), corrupted: Number(m[2]), lost: Number(m[3]) + Number(fin?.[1] ?? 0) }, null, 2) + '\n');
}
if (want('kills-migrate')) {
  const r = run('kill -9: during a v1 → v2 migration', [join(root, 'bench', 'store', 'kill-migrate.mjs'), '--kills', values['migrate-kills']]);
  const m = /kills during a v1 migration tried (\d+) \((\d+) finished before the kill\), stores corrupted (\d+), documents with work lost or changed (\d+)/.exec(r.stdout ?? '');
  if (m) writeFileSync(file('kills-migrate'), JSON.stringify({ harness: 'kills-migrate', date: new Date().toISOString(), machine: { cores: availableParallelism() }, kills: Number(m[1]), finished: Number(m[2]), corrupted: Number(m[3]), lost: Number(m[4]) }, null, 2) + '\n');
}
if (want('kills-service')) run('kill -9: through the service', [join(root, 'bench', 'faults', 'kill-service.mjs'), '--kills', values['service-kills']]);
if (want('disk')) run('full disk / read-only', [join(root, 'bench', 'faults', 'disk.mjs')]);
if (want('locks')) run('locks', [join(root, 'bench', 'faults', 'locks.mjs')]);
if (want('electronegativity')) run('electronegativity', [join(root, 'scripts', 'security', 'electronegativity.mjs')]);
if (want('attacks')) {
  const tmp = join(tmpdir(), `ra-attacks-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const unitJson = join(tmp, 'unit.json');
  run('attack cases: HTTP binding and desktop file policy (vitest)', [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'src/main/http', 'src/main/service/backend.hardening.test.ts', 'src/main/service/path-policy.test.ts', '--reporter=json', `--outputFile=${unitJson}`]);
  const unit = existsSync(unitJson) ? JSON.parse(readFileSync(unitJson, 'utf8')) : null;
  let e2e = null;
  if (existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    await buildNode(); // out/node/serve.mjs, rebuilt only when sources changed (esbuild, ~1 s)
    const e2eJson = join(tmp, 'e2e.json');
    run('attack cases: hostile reports in the browser (playwright)', [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', 'e2e/web/hostile.spec.ts', '--project', 'web', '--reporter=json'], { env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson } });
    if (existsSync(e2eJson)) {
      const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats ?? {};
      e2e = { tried: (s.expected ?? 0) + (s.unexpected ?? 0) + (s.flaky ?? 0), passed: (s.expected ?? 0) + (s.flaky ?? 0) };
    }
  } else process.stderr.write('hostile.spec.ts skipped: build the app first (npm run build)\n');
  rmSync(tmp, { recursive: true, force: true });
  if (unit) {
    const tried = unit.numTotalTests + (e2e?.tried ?? 0);
    const passed = unit.numPassedTests + (e2e?.passed ?? 0);
    writeFileSync(file('attacks'), JSON.stringify({ harness: 'attacks', date: new Date().toISOString(), machine: { cores: availableParallelism() }, tried, passed, unit: { tried: unit.numTotalTests, passed: unit.numPassedTests }, e2e }, null, 2) + '\n');
  }
}

if (want('damaged')) {
  // the damaged-store cases through the service (issue 17): restores all acknowledged work or says exactly what was lost
  const tmp = join(tmpdir(), `ra-damaged-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const out = join(tmp, 'damaged.json');
  run('damaged-store cases (vitest)', [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'src/main/service/damaged-store.test.ts', '--reporter=json', `--outputFile=${out}`]);
  if (existsSync(out)) {
    const cases = JSON.parse(readFileSync(out, 'utf8')).testResults.flatMap((f) => f.assertionResults);
    const gaps = cases.filter((c) => /known gap/.test(c.title));
    writeFileSync(file('damaged'), JSON.stringify({ harness: 'damaged', date: new Date().toISOString(), machine: { cores: availableParallelism() }, tried: cases.length, passed: cases.filter((c) => c.status === 'passed' && !/known gap/.test(c.title)).length, knownGaps: gaps.map((c) => c.title) }, null, 2) + '\n');
  }
  rmSync(tmp, { recursive: true, force: true });
}

// ── the table ──────────────────────────────────────────────────────────────────────────────
const fuzz = read('fuzz');
const ks = read('kills-store');
const kv = read('kills-service');
const km = read('kills-migrate');
const disk = read('disk');
const locks = read('locks');
const eneg = read('electronegativity');
const attacks = read('attacks');
const damaged = read('damaged');
/** issue 17: the app's peak resident set on any single hostile input (1.5 GB) */
const RSS_TARGET_MB = 1536;
if (fuzz) console.error(`fuzz: peak RSS of the import path ${fuzz.peakRssMb ?? '?'} MB on any one input (target ≤ ${RSS_TARGET_MB} MB; largest: ${fuzz.peakRssKind ?? '-'})`);
const n = (x) => (x === null || x === undefined ? '—' : Number(x).toLocaleString('en-US'));
const dates = [fuzz, ks, kv, km, disk, locks, eneg, attacks, damaged].filter(Boolean).map((s) => s.date).sort();
const newest = dates.at(-1)?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
const oldest = dates[0]?.slice(0, 10) ?? newest;
const kills = (ks?.kills ?? 0) + (kv?.kills ?? 0);
const rows = [
  ['Malformed inputs through import + analysis + store (`fuzz/run.mjs`)', fuzz ? `${n(fuzz.tried)} tried · **${n(fuzz.crashed)} crashed** · **${n(fuzz.hung)} hung**${fuzz.hung ? ` (${fuzz.failures.filter((f) => f.outcome === 'hung').map((f) => f.kind).join(', ')})` : ''} (budget ${fuzz.budgetMs / 1000} s + ${(fuzz.perMbMs ?? 2000) / 1000} s/MB of wall time${fuzz.load ? `, load ${fuzz.load.min}–${fuzz.load.max} on ${fuzz.load.cores} cores` : ''}) · peak RSS **${fuzz.peakRssMb === undefined ? '—' : `${n(fuzz.peakRssMb)} MB`}** on any one input (target ≤ ${n(RSS_TARGET_MB)} MB; largest: ${fuzz.peakRssKind ?? '—'}) · ${n(fuzz.storeDirty)} refused inputs left data in the store` : 'not run'],
  ['kill -9 during imports and review writes (`bench/store/kill.mjs`, `bench/faults/kill-service.mjs`)', ks || kv ? `${n(kills)} kills (${n(ks?.kills)} raw store + ${n(kv?.kills)} through importFiles/reviewApply) · **${n((ks?.corrupted ?? 0) + (kv?.corrupted ?? 0))} stores corrupted** · **${n((ks?.lost ?? 0) + (kv?.lost ?? 0))} acknowledged writes lost**` : 'not run'],
  ['kill -9 while a v1 workspace is migrated to the v2 layout on open (`bench/store/kill-migrate.mjs`)', km ? `${n(km.kills)} kills (${n(km.kills - km.finished)} mid-migration) · **${n(km.corrupted)} stores corrupted** · **${n(km.lost)} documents with work lost or changed**` : 'not run'],
  ['Damaged store: work file, cache file, index × truncated, garbage, empty, wrong schema, deleted (`src/main/service/damaged-store.test.ts`)', damaged ? `${n(damaged.tried)} cases · ${n(damaged.passed)} restore all acknowledged work or name the report and the exact number of reviews lost${damaged.knownGaps.length ? ` · **${n(damaged.knownGaps.length)} known gap${damaged.knownGaps.length === 1 ? '' : 's'}**: a damaged cache file with no good backup leaves its report unopenable until imported again (its work file is intact and comes back with it; a notice names the damaged file)` : ''}` : 'not run'],
  ['Full disk and read-only workspace, real tmpfs (`bench/faults/disk.mjs`)', disk ? (disk.skipped ? 'skipped (mount not permitted)' : `${n(disk.tried)} cases · ${n(disk.passed)} passed (store-disk-full / store-read-only, work kept, saved once writable)`) : 'not run'],
  ['Two app instances + CLI on one workspace (`bench/faults/locks.mjs`)', locks ? `${n(locks.tried)} cases · ${n(locks.passed)} passed (store-locked naming the holder)` : 'not run'],
  ['Electronegativity findings ≥ warning (`scripts/security/electronegativity.mjs`)', eneg ? `**${n(eneg.failing)}** (${n(eneg.falsePositives)} documented false positives, ${n(eneg.findings - eneg.atLeastWarning)} notes)` : 'not run'],
  ['Browser-mode and file-policy attack cases (`*.hardening.test.ts`, `e2e/web/hostile.spec.ts`)', attacks ? `${n(attacks.tried)} tried · ${n(attacks.passed)} passed` : 'not run'],
];
const machine = `${process.platform}, ${availableParallelism()} cores, Node ${process.version}`;
const table = [
  `Measured ${oldest === newest ? newest : `${oldest} – ${newest}`} on ${machine}. Regenerate with \`node scripts/reliability.mjs --run\`.`,
  '',
  '| check | result |',
  '|---|---|',
  ...rows.map(([a, b]) => `| ${a} | ${b} |`),
].join('\n');

const ok = (fuzz ? fuzz.crashed + fuzz.hung + fuzz.storeDirty === 0 && !(fuzz.peakRssMb > RSS_TARGET_MB) : true) && (ks ? ks.corrupted + ks.lost === 0 : true) && (kv ? kv.corrupted + kv.lost === 0 : true) && (km ? km.corrupted + km.lost === 0 : true) && (disk ? disk.skipped || disk.passed === disk.tried : true) && (locks ? locks.passed === locks.tried : true) && (eneg ? eneg.failing === 0 : true) && (attacks ? attacks.passed === attacks.tried : true) && (damaged ? damaged.passed + damaged.knownGaps.length === damaged.tried : true);

if (!values['no-readme']) {
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const begin = /<!-- reliability:begin[^>]*-->\n?/.exec(text);
  const end = text.indexOf('<!-- reliability:end -->');
  if (!begin || end < begin.index) {
    console.error('README.md has no <!-- reliability:begin … --> … <!-- reliability:end --> markers');
    process.exit(2);
  }
  const from = begin.index + begin[0].length;
  writeFileSync(readme, text.slice(0, from) + table + '\n' + text.slice(end));
}
console.log(table);
process.exit(ok ? 0 : 1);
