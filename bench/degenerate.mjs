#!/usr/bin/env node
// bench/degenerate: the whole analysis (analyzeText, as the CLI and the app run it) over
// degenerate texts — one character, one word, one digit, one punctuation mark, one paragraph,
// one newline, spaces… repeated to 0.25, 0.5 and 1 MB (UTF-8 bytes) — printing ms per input,
// ms per MB and the time of each detector on its own (figures / duplicates / defects) at the
// largest size that ran. Every detector must be linear (ms/MB flat across the sizes) and
// ≤ 5 s per MB (issue 17). Each run is a child process killed after --timeout seconds (a
// superlinear detector would otherwise hang the bench), and larger sizes of an input that
// timed out are skipped. Prints wall and CPU time per MB (the CPU time is what a loaded machine
// does not inflate); never passes or fails on time.
//   node bench/degenerate.mjs [--sizes 0.25,0.5,1] [--only NAME,NAME] [--timeout 120]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const PARAGRAPH = '一年来，常委会坚持党的领导，召开常委会会议9次，审议法规草案12件，听取和审议专项工作报告20个。';
/** name → the unit repeated */
const INPUTS = {
  char: '会',
  word: '会议',
  'word-3': '的重要',
  'word-4': '审计工作',
  'doubled-word': '审计审计工作。',
  digit: '1',
  'digit-cn': '一',
  punct: '。',
  comma: '，',
  'half-comma': ',',
  paragraph: PARAGRAPH + '\n\n',
  'one-line': PARAGRAPH.replace(/[，。]/g, ''),
  'no-end': PARAGRAPH.replace(/。/g, '') + '\n\n',
  newline: '\n',
  spaces: ' ',
  'letter-spaced': '会 ',
  'spaced-para': [...PARAGRAPH].join(' ') + '\n',
  latin: 'a',
  lt: '<',
  'open-paren': '（',
  star: '*',
};

const mb = (s) => Buffer.byteLength(s) / 1_000_000;
const repeatTo = (unit, bytes) => unit.repeat(Math.max(1, Math.round(bytes / Buffer.byteLength(unit))));

if (process.argv[2] === '--child') {
  // one measurement: --child BUNDLE NAME SIZE
  const [, , , bundle, name, size] = process.argv;
  const core = await import(bundle);
  // warm-up on the same input, 20 kB, so the timing is not of the JIT compiling the code paths
  core.analyzeText(repeatTo(INPUTS[name], 20_000));
  const text = repeatTo(INPUTS[name], Number(size) * 1_000_000);
  let t0 = performance.now();
  const c0 = process.cpuUsage();
  const a = core.analyzeText(text);
  const total = performance.now() - t0;
  // CPU time of this thread's process: what the analysis costs, apart from how many others share the machine
  const c1 = process.cpuUsage(c0);
  const cpu = (c1.user + c1.system) / 1000;
  const paragraphs = core.splitParagraphs(text);
  t0 = performance.now();
  core.detectFigures(text);
  const figures = performance.now() - t0;
  t0 = performance.now();
  core.detectDuplicates(text, paragraphs);
  const duplicates = performance.now() - t0;
  t0 = performance.now();
  core.detectDefects(text, paragraphs);
  const defects = performance.now() - t0;
  process.stdout.write(JSON.stringify({ mb: mb(text), total, cpu, figures, duplicates, defects, counts: [a.figures.length, a.duplicates.length, a.defects.length] }));
  process.exit(0);
}

const sizes = (arg('--sizes') ?? '0.25,0.5,1').split(',').map(Number);
const only = arg('--only')?.split(',');
const timeoutMs = Number(arg('--timeout') ?? 120) * 1000;
const dir = mkdtempSync(join(tmpdir(), 'ra-degenerate-'));
const bundle = join(dir, 'core.mjs');
execFileSync(process.execPath, ['-e', `require('esbuild').buildSync({ entryPoints: [${JSON.stringify(join(root, 'src/core/index.ts'))}], bundle: true, platform: 'node', format: 'esm', outfile: ${JSON.stringify(bundle)}, logLevel: 'error' })`], { cwd: root, stdio: 'inherit' });

const pad = (s, n) => String(s).padStart(n);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`load average ${load()} · node ${process.version} · timeout ${timeoutMs / 1000} s per run`);
console.log(`${'input'.padEnd(14)}${sizes.map((s) => pad(`${s}MB ms`, 10)).join('')}${sizes.map((s) => pad(`${s}MB ms/MB`, 12)).join('')}${sizes.map(() => pad(`cpu/MB`, 10)).join('')}  findings fig/dup/def · split ms fig/dup/def (largest run)`);
let worst = 0;
let worstCpu = 0;
for (const name of Object.keys(INPUTS)) {
  if (only && !only.includes(name)) continue;
  const cells = [];
  let last = null;
  let gaveUp = false;
  for (const size of sizes) {
    if (gaveUp) {
      cells.push(null);
      continue;
    }
    const r = spawnSync(process.execPath, [import.meta.filename, '--child', bundle, name, String(size)], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 });
    if (r.status !== 0 || !r.stdout) {
      cells.push(r.error?.code === 'ETIMEDOUT' || r.signal ? 'timeout' : 'failed');
      gaveUp = true;
      continue;
    }
    last = JSON.parse(r.stdout);
    cells.push(last);
    worst = Math.max(worst, last.total / last.mb);
    worstCpu = Math.max(worstCpu, last.cpu / last.mb);
  }
  const ms = (c) => pad(c === null ? '-' : typeof c === 'string' ? `>${c === 'timeout' ? timeoutMs / 1000 + 's' : c}` : c.total.toFixed(0), 10);
  const perMb = (c) => pad(c === null || typeof c === 'string' ? '-' : (c.total / c.mb).toFixed(0), 12);
  const cpuPerMb = (c) => pad(c === null || typeof c === 'string' ? '-' : (c.cpu / c.mb).toFixed(0), 10);
  const tail = last ? `  ${pad(last.counts.join('/'), 12)} · ${last.figures.toFixed(0)} / ${last.duplicates.toFixed(0)} / ${last.defects.toFixed(0)}` : '';
  console.log(`${name.padEnd(14)}${cells.map(ms).join('')}${cells.map(perMb).join('')}${cells.map(cpuPerMb).join('')}${tail}`);
}
console.log(`worst completed: ${(worst / 1000).toFixed(2)} s per MB wall, ${(worstCpu / 1000).toFixed(2)} s CPU per MB (target ≤ 5 s per MB, flat across sizes) · load average ${load()}`);
