import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../core/errors';
import { AnalysisPool } from '../analysis/pool';
import { WorkspaceStore } from '../store';
import { expandPaths } from '../import';
import { importIntoStore } from './importing';
import { TaskRegistry } from './tasks';

describe('expandPaths', () => {
  it('lists report files once, skipping hidden entries and the store, even with looping symlinks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-expand-'));
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.report-annotator'));
    writeFileSync(join(dir, 'a.txt'), 'a');
    writeFileSync(join(dir, 'sub', 'b.docx'), 'b');
    writeFileSync(join(dir, 'sub', 'notes.xyz'), 'x');
    writeFileSync(join(dir, '.hidden.txt'), 'h');
    writeFileSync(join(dir, '.report-annotator', 'workspace.json'), '{}');
    symlinkSync('.', join(dir, 'loop1'));
    symlinkSync('.', join(dir, 'loop2'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    const files = await expandPaths([dir]);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['a.txt', 'sub/b.docx']);
  });

  it('keeps an explicitly named file of any type and a missing path (the importer reports them)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-expand-'));
    writeFileSync(join(dir, 'x.xyz'), 'x');
    const files = await expandPaths([join(dir, 'x.xyz'), join(dir, 'missing.txt')]);
    expect(files).toEqual([join(dir, 'x.xyz'), join(dir, 'missing.txt')]);
  });
});

describe('importIntoStore', () => {
  const ctx = (pool: AnalysisPool) => ({ pool, tasks: new TaskRegistry(), emit: () => {}, log: { info: () => {}, warn: () => {}, error: () => {} }, taskId: 't', label: 'import' });

  function sources(n: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'ra-import-src-'));
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.txt`), `\n\n第${i}号报告：召开常委会会议${i + 1}次，审议法规${i + 2}件。\n`);
    return dir;
  }

  it('s7: says which phase it is in — every file read (named), then each analysed — and ends finished', async () => {
    const src = sources(3);
    const store = await WorkspaceStore.open(mkdtempSync(join(tmpdir(), 'ra-import-ws-')), { app: 'cli' });
    const pool = new AnalysisPool(null);
    const events: { done: number; current: string | null; phase?: string; finished: boolean }[] = [];
    try {
      await importIntoStore(store, [src], { ...ctx(pool), emit: (name: string, p: unknown) => void (name === 'progress' && events.push(p as (typeof events)[number])) });
      const reading = events.filter((e) => e.phase === 'reading');
      expect(reading.map((e) => [e.done, e.current])).toEqual([[0, null], [0, 'r00.txt'], [1, 'r01.txt'], [2, 'r02.txt']]);
      // every reading event comes before the first analysing one
      const firstAnalysing = events.findIndex((e) => e.phase === 'analysing');
      expect(events.slice(firstAnalysing).every((e) => e.phase === 'analysing')).toBe(true);
      expect(events.at(-1)).toMatchObject({ done: 3, current: null, finished: true, phase: 'analysing' });
      expect(events.filter((e) => e.finished)).toHaveLength(1);
    } finally {
      await pool.close();
      await store.close();
    }
  });

  it('indexes every imported report, in far fewer index writes than reports', async () => {
    const src = sources(24);
    const store = await WorkspaceStore.open(mkdtempSync(join(tmpdir(), 'ra-import-ws-')), { app: 'cli' });
    const pool = new AnalysisPool(null);
    const updates = vi.spyOn(store, 'updateWorkspace');
    try {
      const summary = await importIntoStore(store, [src], ctx(pool));
      expect(summary.failed).toEqual([]);
      expect(summary.imported).toHaveLength(24);
      expect(store.workspace().documents.map((d) => d.name).sort()).toEqual(summary.imported.map((m) => m.name).sort());
      expect(store.workspace().documents.every((d) => d.counts.figures === 2)).toBe(true);
      expect(updates.mock.calls.length).toBeLessThan(12);
    } finally {
      await pool.close();
      await store.close();
    }
  });

  it('carries each imported file\'s warnings into the summary as codes and params, by path [figures-import-warnings]', async () => {
    const src = sources(2);
    const damaged = join(src, 'damaged.txt');
    writeFileSync(damaged, Buffer.concat([Buffer.from('\n\n召开常委会会议9次，审议法规12件，听取和审议专项工作报告6个。'.repeat(4), 'utf8'), Buffer.from([0xff]), Buffer.from('结束。', 'utf8')]));
    const store = await WorkspaceStore.open(mkdtempSync(join(tmpdir(), 'ra-import-ws-')), { app: 'cli' });
    const pool = new AnalysisPool(null);
    try {
      const summary = await importIntoStore(store, [src], ctx(pool));
      expect(summary.imported).toHaveLength(3);
      expect(summary.warnings).toEqual([{ path: damaged, warning: { code: 'undecodable-bytes', params: { count: 1, encoding: 'utf-8' } } }]);
    } finally {
      await pool.close();
      await store.close();
    }
  });

  it('reports the reports whose index entry could not be written as failed, not imported', async () => {
    const src = sources(5);
    const store = await WorkspaceStore.open(mkdtempSync(join(tmpdir(), 'ra-import-ws-')), { app: 'cli' });
    const pool = new AnalysisPool(null);
    vi.spyOn(store, 'updateWorkspace').mockRejectedValue(new AppError('store-disk-full', 'Not enough disk space'));
    try {
      const summary = await importIntoStore(store, [src], ctx(pool));
      expect(summary.imported).toEqual([]);
      expect(summary.failed.map((f) => f.error.code)).toEqual(Array(5).fill('store-disk-full'));
    } finally {
      await pool.close();
      await store.close();
    }
  });
});
