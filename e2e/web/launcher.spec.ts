import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

// Issue 15 (18): `npm run serve` stopped by a TERM to npm's PID left the server running and
// answering. npm runs the script as npm → sh -c → node scripts/serve.mjs → node out/node/serve.mjs;
// the server must end with npm (TERM), and with the launcher even when it is KILLed.

const ROOT = resolve(import.meta.dirname, '..', '..');
const HAS_PROC = existsSync('/proc/self/stat');

function ppidOf(pid: number): number | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = s.slice(s.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Every process below `pid` (from /proc). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const pp = ppidOf(Number(e));
    if (pp === null) continue;
    children.set(pp, [...(children.get(pp) ?? []), Number(e)]);
  }
  const out: number[] = [];
  const walk = (p: number): void => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      ok(true);
    });
    s.once('error', () => ok(false));
  });
}

/** Polls `cond` every 100 ms until it holds or `ms` pass (bounded; no fixed sleep). */
async function waitFor(cond: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return cond();
}

interface Started {
  npm: ChildProcess;
  port: number;
  launcher: number;
  server: number;
  dirs: string[];
}

async function startNpmServe(): Promise<Started> {
  const ws = mkdtempSync(join(tmpdir(), 'ra-launch-ws-'));
  const ud = mkdtempSync(join(tmpdir(), 'ra-launch-ud-'));
  const npm = spawn('npm', ['run', 'serve', '--', '--port', '0', '--workspace', ws, '--user-data', ud], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  npm.stdout?.on('data', (d) => (out += String(d)));
  npm.stderr?.on('data', (d) => (out += String(d)));
  const ready = await waitFor(() => /running at http:\/\/127\.0\.0\.1:\d+/.test(out) || npm.exitCode !== null, 120_000);
  const m = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
  if (!ready || !m) throw new Error(`npm run serve did not start:\n${out}`);
  const tree = descendants(npm.pid!);
  const launcher = tree.find((p) => cmdline(p).includes('scripts/serve.mjs'));
  const server = tree.find((p) => cmdline(p).includes('out/node/serve.mjs'));
  if (!launcher || !server) throw new Error(`processes not found under npm (${npm.pid}): ${tree.map((p) => `${p} ${cmdline(p)}`).join('; ')}`);
  return { npm, port: Number(m[1]), launcher, server, dirs: [ws, ud] };
}

function cleanup(s: Started | null): void {
  if (!s) return;
  for (const pid of [s.server, s.launcher, s.npm.pid!]) {
    if (alive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const d of s.dirs) rmSync(d, { recursive: true, force: true });
}

test.describe('the server ends with npm run serve', () => {
  test.skip(!HAS_PROC, 'needs /proc to find the processes npm started (Linux)');
  test.describe.configure({ mode: 'serial' });

  test('a TERM to npm’s PID closes the port and ends the server process', async () => {
    test.setTimeout(180_000);
    let s: Started | null = null;
    try {
      s = await startNpmServe();
      expect(await portOpen(s.port)).toBe(true);
      process.kill(s.npm.pid!, 'SIGTERM');
      expect(await waitFor(async () => !(await portOpen(s!.port)), 15_000), 'the port is closed').toBe(true);
      expect(await waitFor(() => !alive(s!.server) && !alive(s!.launcher), 15_000), 'server and launcher are gone').toBe(true);
    } finally {
      cleanup(s);
    }
  });

  test('a KILLed launcher (scripts/serve.mjs) ends the server too', async () => {
    test.setTimeout(180_000);
    let s: Started | null = null;
    try {
      s = await startNpmServe();
      process.kill(s.launcher, 'SIGKILL');
      expect(await waitFor(async () => !alive(s!.server) && !(await portOpen(s!.port)), 15_000), 'the server process is gone and its port closed').toBe(true);
    } finally {
      cleanup(s);
    }
  });

  test('a KILLed npm ends the launcher and the server', async () => {
    test.setTimeout(180_000);
    let s: Started | null = null;
    try {
      s = await startNpmServe();
      process.kill(s.npm.pid!, 'SIGKILL');
      expect(await waitFor(async () => !alive(s!.server) && !alive(s!.launcher) && !(await portOpen(s!.port)), 15_000), 'launcher and server are gone').toBe(true);
    } finally {
      cleanup(s);
    }
  });
});
