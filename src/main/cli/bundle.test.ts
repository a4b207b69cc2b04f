import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './index';

// The shipped CLI is an esbuild bundle with code splitting: the analysis pool lands in a shared
// chunk one folder below the worker script. Run from sources, the pool cannot tell; so this
// builds the real bundle and checks that a multi-file run uses worker threads (both cores)
// and gives the same result as the in-process analysis.
const ROOT = resolve(__dirname, '../../..');
const SAMPLES = join(ROOT, 'resources', 'samples');
mkdirSync(join(ROOT, 'out'), { recursive: true });
// inside the repository, so the bundle's external packages resolve from node_modules
const dir = mkdtempSync(join(ROOT, 'out', 'bundle-test-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled CLI', () => {
  it('analyses on worker threads, with the same output as in process', { timeout: 120_000 }, async () => {
    const build = spawnSync(process.execPath, ['--input-type=module', '-e', `import('${join(ROOT, 'scripts', 'lib', 'build.mjs')}').then((m) => m.bundleNode(${JSON.stringify(dir)}))`], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(dir, 'chunks'))).toBe(true);
    const out = join(dir, 'out.jsonl');
    const run = spawnSync(process.execPath, [join(dir, 'cli.mjs'), 'analyze', SAMPLES, '--out', out], { encoding: 'utf8', cwd: ROOT });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/analysed 5 files, 0 failed \(\d+ worker threads\)/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => (JSON.parse(l) as { figures: unknown[] }).figures.length > 0)).toBe(true);
    const local = join(dir, 'local.jsonl');
    expect(await runCli(['analyze', SAMPLES, '--out', local], { errIsTTY: false, out: () => {}, err: () => {} })).toBe(0);
    const withoutPath = (l: string): unknown => ({ ...(JSON.parse(l) as object), path: null });
    expect(readFileSync(local, 'utf8').trim().split('\n').map(withoutPath)).toEqual(lines.map(withoutPath));
  });
});
