import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astralFixture } from '../../core/export/testing';
import { WorkspaceStore } from '../store';
import { runExport } from './export';
import { runCli } from './index';

// The shipped CLI is an esbuild bundle with code splitting: the analysis pool lands in a shared
// chunk one folder below the worker scripts (analysis-worker.mjs, export-worker.mjs), and run
// from sources there are none. So this builds the real bundle once and checks that analysis
// and the JSONL export run on worker threads and write what the in-process code writes.
const ROOT = resolve(__dirname, '../../..');
const SAMPLES = join(ROOT, 'resources', 'samples');
mkdirSync(join(ROOT, 'out'), { recursive: true });
// inside the repository, so the bundle's external packages resolve from node_modules
const dir = mkdtempSync(join(ROOT, 'out', 'bundle-test-'));

beforeAll(() => {
  const build = spawnSync(process.execPath, ['--input-type=module', '-e', `import('${join(ROOT, 'scripts', 'lib', 'build.mjs')}').then((m) => m.bundleNode(${JSON.stringify(dir)}))`], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  expect(existsSync(join(dir, 'chunks'))).toBe(true);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled CLI', () => {
  it('analyses on worker threads, with the same output as in process', { timeout: 120_000 }, async () => {
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

  it('prints the consistency checks from the worker threads as in process', { timeout: 120_000 }, async () => {
    const src = join(dir, 'checks-src');
    mkdirSync(src, { recursive: true });
    const report = '\n\n收集意见建议4408件，解决落实5342件。\n\n代表建议办结率达到120%。\n';
    writeFileSync(join(src, 'a.txt'), report);
    writeFileSync(join(src, 'b.txt'), '\n\n召开常委会会议9次。' + report);
    const out = join(dir, 'checks.jsonl');
    const run = spawnSync(process.execPath, [join(dir, 'cli.mjs'), 'analyze', src, '--out', out], { encoding: 'utf8', cwd: ROOT });
    expect(run.status, run.stderr).toBe(0);
    const local = join(dir, 'checks-local.jsonl');
    expect(await runCli(['analyze', src, '--out', local], { errIsTTY: false, out: () => {}, err: () => {} })).toBe(0);
    type Line = { path: string; checks: { check: { rule: string } }[] };
    const read = (f: string): Line[] => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
    const bundled = read(out);
    expect(bundled.map((l) => l.checks.map((c) => c.check.rule).sort())).toEqual([
      ['part_exceeds_whole', 'percent_over_100'],
      ['part_exceeds_whole', 'percent_over_100'],
    ]);
    expect(read(local).map((l) => l.checks)).toEqual(bundled.map((l) => l.checks));
  });

  it('builds JSONL lines on worker threads, with the same output as in process', { timeout: 120_000 }, async () => {
    const ws = join(dir, 'ws');
    const store = await WorkspaceStore.open(ws, { app: 'cli' });
    const ids = Array.from({ length: 40 }, (_, i) => `doc-${String(i).padStart(2, '0')}`);
    for (const id of ids) await store.writeDocument(astralFixture(id).docs[0]);
    await store.updateWorkspace((w) => {
      w.documents = ids.map((id) => astralFixture(id).workspace.documents[0]);
      w.taxonomy = astralFixture().workspace.taxonomy;
    });
    await store.close();
    writeFileSync(join(ws, '.report-annotator', 'cache', 'doc-07.json'), '{"schemaVersion":2,"id":"doc-07","text":');

    const out = join(dir, 'bundled.jsonl');
    const run = spawnSync(process.execPath, [join(dir, 'cli.mjs'), 'export', '--workspace', ws, '--format', 'jsonl', '--filter', 'all', '--out', out], { encoding: 'utf8', cwd: ROOT });
    expect(run.status, run.stderr).toBe(1); // one document failed
    const threads = availableParallelism() >= 2 ? Math.min(availableParallelism(), 4) : 0;
    expect(run.stdout).toMatch(threads ? new RegExp(`exported 39 documents, \\d+ findings \\(jsonl, all, ${threads} worker threads\\)`) : /exported 39 documents/);
    expect(run.stderr).toMatch(/doc-07\.txt: store-corrupt: \.report-annotator\/cache\/doc-07\.json is damaged \(not valid JSON/);

    const local = join(dir, 'local.jsonl');
    const io = { out: () => {}, err: () => {} };
    expect(await runExport({ workspace: ws, format: 'jsonl', out: local, filter: 'all' }, io)).toBe(1);
    const body = (f: string): string[] => readFileSync(f, 'utf8').split('\n').slice(1);
    expect(body(out)).toEqual(body(local));
    expect(body(out).filter((l) => l.includes('"id":"doc-07"'))).toEqual([]);
  });
});
