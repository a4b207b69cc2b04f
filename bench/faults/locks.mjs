#!/usr/bin/env node
// Two app instances and the CLI on one workspace, each in its own process: while the first
// holds the workspace, every other one gets 'store-locked' with a message naming the holder
// (app and pid); once the first closes, the next one opens it.
//   node bench/faults/locks.mjs [--json FILE]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundle, root } from '../../fuzz/build.mjs';

const { values } = parseArgs({ options: { json: { type: 'string', default: join(root, 'bench', '.data', 'reliability', 'locks.json') } } });
const lib = await bundle(join(import.meta.dirname, 'lib-entry.mjs'), 'faults-lib');
const base = mkdtempSync(join(tmpdir(), 'ra-locks-'));
const ws = join(base, 'workspace');
mkdirSync(ws);
writeFileSync(join(ws, 'report.txt'), '\n\n召开常委会会议9次。\n');

function instance(app, hold = false) {
  const userData = mkdtempSync(join(base, `ud-${app}-`));
  const p = spawn(process.execPath, [join(import.meta.dirname, 'instance.mjs'), lib, app, ws, userData, hold ? 'hold' : ''], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  const first = new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve(JSON.parse(line));
    });
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => (out.includes('\n') ? undefined : reject(new Error(`${app} exited ${code}: ${err.slice(0, 800)}`))));
  });
  return { p, first, stop: () => new Promise((ok) => (p.exitCode !== null ? ok() : (p.once('exit', ok), p.stdin.end()))) };
}

const cases = [];
const expectLocked = (name, r, holderPid, holderWords) => {
  const pass = r.ok === false && r.code === 'store-locked' && r.message.includes(`pid ${holderPid}`) && r.message.includes(holderWords);
  cases.push({ name, pass, got: r });
  console.log(`${pass ? '✓' : '✗'} ${name}: ${r.code ?? (r.ok ? 'opened' : '?')} — ${r.message ?? ''}`);
};

try {
  const first = instance('desktop', true);
  const held = await first.first;
  cases.push({ name: 'first desktop instance opens the workspace', pass: held.ok === true, got: held });
  console.log(`${held.ok ? '✓' : '✗'} first desktop instance (pid ${held.pid}) opened the workspace`);
  expectLocked('a second desktop instance', await instance('desktop').first, held.pid, 'the desktop app');
  expectLocked('a browser-mode server', await instance('serve').first, held.pid, 'the desktop app');
  expectLocked('the CLI import', await instance('cli').first, held.pid, 'the desktop app');
  await first.stop();
  const next = instance('serve', true);
  const nextR = await next.first;
  cases.push({ name: 'after the first closes, the server opens it', pass: nextR.ok === true, got: nextR });
  console.log(`${nextR.ok ? '✓' : '✗'} after the desktop app closed, the browser-mode server (pid ${nextR.pid}) opened it`);
  expectLocked('the CLI while the server holds it', await instance('cli').first, nextR.pid, 'the browser-mode server');
  await next.stop();
  const cli = await instance('cli').first;
  cases.push({ name: 'the CLI alone imports', pass: cli.ok === true, got: cli });
  console.log(`${cli.ok ? '✓' : '✗'} the CLI alone imports (exit ${cli.exit})`);
} finally {
  rmSync(base, { recursive: true, force: true });
  rmSync(lib, { force: true });
}

const passed = cases.filter((c) => c.pass).length;
mkdirSync(join(values.json, '..'), { recursive: true });
writeFileSync(values.json, JSON.stringify({ harness: 'locks', date: new Date().toISOString(), machine: { cores: availableParallelism(), platform: process.platform }, tried: cases.length, passed, cases }, null, 2) + '\n');
console.log(`lock cases tried ${cases.length}, passed ${passed}`);
process.exit(passed === cases.length ? 0 : 1);
