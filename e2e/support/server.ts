import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServeHandle {
  url: string;
  origin: string;
  token: string;
  userDataDir: string;
  process: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Starts browser mode (`out/node/serve.mjs`, built by the test command) on a free port with a
 * fresh user-data folder, so each test gets its own sample workspace.
 */
export async function startServe(opts: { workspace?: string; env?: Record<string, string>; /** the same analyst's app again (its identity, settings): kept when this server stops */ userDataDir?: string } = {}): Promise<ServeHandle> {
  const own = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'ra-e2e-'));
  const args = [join(ROOT, 'out', 'node', 'serve.mjs'), '--port', '0', '--user-data', userDataDir];
  if (opts.workspace) args.push('--workspace', opts.workspace);
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${output}`)), 30_000);
    const onData = (): void => {
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  const u = new URL(url);
  return {
    url,
    origin: u.origin,
    token: u.searchParams.get('token') ?? '',
    userDataDir,
    process: child,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (own) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
