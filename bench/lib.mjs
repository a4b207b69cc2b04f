// Shared helpers for the benchmarks: synthetic corpora from the sample reports, a seeded
// shuffle, and running the CLI bundle with its peak RSS measured.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const dataDir = join(root, 'bench', '.data');

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleParagraphs() {
  const dir = join(root, 'resources', 'samples');
  const out = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    for (const p of readFileSync(join(dir, f), 'utf8').split('\n')) if (p.trim()) out.push(p.trim());
  }
  return out;
}

/** A report of about `chars` characters made of shuffled sample paragraphs. */
export function syntheticReport(paragraphs, chars, random) {
  const parts = ['\n\n'];
  let n = 0;
  while (n < chars) {
    const p = paragraphs[Math.floor(random() * paragraphs.length)];
    parts.push(p, '\n\n');
    n += p.length + 2;
  }
  return parts.join('');
}

export function writeCorpus(name, docs, chars, seed = 1) {
  const dir = join(dataDir, name);
  mkdirSync(dir, { recursive: true });
  const paragraphs = sampleParagraphs();
  const random = rng(seed);
  let bytes = 0;
  for (let i = 0; i < docs; i++) {
    const text = syntheticReport(paragraphs, chars, random);
    const file = join(dir, `report-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

/**
 * Runs `node out/node/cli.mjs …args`; resolves with wall time, exit code, peak RSS and the CPU
 * time of the whole process (every thread: workers, JIT, GC).
 */
export function runCli(args) {
  const hook = "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nCPU '+u.userCPUTime+' '+u.systemCPUTime+' '+u.maxRSS+'\\n')})";
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', hook, join(root, 'out', 'node', 'cli.mjs'), ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('error', fail);
    child.on('exit', (code) => {
      const m = /CPU (\d+) (\d+) (\d+)/.exec(err);
      ok({ seconds: (performance.now() - t0) / 1000, code, userSeconds: m ? Number(m[1]) / 1e6 : NaN, systemSeconds: m ? Number(m[2]) / 1e6 : NaN, maxRssMB: m ? Number(m[3]) / 1024 : NaN, stderr: err });
    });
  });
}

export const mb = (bytes) => bytes / (1024 * 1024);
export const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
