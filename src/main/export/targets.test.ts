/**
 * An export never writes inside the workspace's store and never replaces an existing file
 * unless the request says overwrite.
 */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../service/backend';
import { call } from '../service/dispatch';
import { exportTargets } from './targets';

const SAMPLES = resolve(__dirname, '../../../resources/samples');
const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

async function workspace(): Promise<{ b: Backend; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ra-ws-'));
  writeFileSync(join(dir, 'r.txt'), '\n\n召开常委会会议9次、主任会议23次。\n');
  const b = createBackend({ mode: 'browser', app: 'serve', samplesDir: SAMPLES, userDataDir: mkdtempSync(join(tmpdir(), 'ra-ud-')), workspaceDir: dir, log: { error: () => {} }, version: '0', workerPath: null });
  open.push(b);
  await call(b.handlers, 'workspaceGet', {});
  await b.refreshed();
  return { b, dir };
}

describe('export targets', () => {
  it('refuses to write inside .report-annotator, by any path to it, and leaves the store intact', async () => {
    const { b, dir } = await workspace();
    const store = join(dir, '.report-annotator');
    const before = readFileSync(join(store, 'workspace.json'), 'utf8');
    symlinkSync(store, join(dir, 'link'));
    const cases: [string, string][] = [
      ['jsonl', join(store, 'workspace.json')],
      ['jsonl', join(store, 'new.jsonl')],
      ['jsonl', join(dir, 'sub', '..', '.report-annotator', 'x.jsonl')],
      ['jsonl', join(dir, 'link', 'x.jsonl')],
      ['csv', store],
      ['text', join(store, 'docs')],
    ];
    for (const [format, out] of cases) {
      const r = await call(b.handlers, 'exportDataset', { format: format as 'jsonl', filter: 'all', out, overwrite: true });
      expect(r.ok ? 'ok' : r.error.code, out).toBe('export-into-store');
    }
    expect(readFileSync(join(store, 'workspace.json'), 'utf8')).toBe(before);
    expect((await call(b.handlers, 'workspaceGet', {})).ok).toBe(true);
  });

  it('refuses to replace an existing file unless asked to overwrite', async () => {
    const { b, dir } = await workspace();
    const out = join(dir, 'notes.jsonl');
    writeFileSync(out, 'my own notes');
    const refused = await call(b.handlers, 'exportDataset', { format: 'jsonl', filter: 'all', out });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('file-exists');
    expect(readFileSync(out, 'utf8')).toBe('my own notes');
    const replaced = await call(b.handlers, 'exportDataset', { format: 'jsonl', filter: 'all', out, overwrite: true });
    expect(replaced.ok).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/^\{/);
    // a folder format: one existing file among those it writes is enough to ask
    writeFileSync(join(dir, 'facts.csv'), 'mine');
    const csv = await call(b.handlers, 'exportDataset', { format: 'csv', filter: 'all', out: dir });
    expect(csv.ok ? 'ok' : csv.error.code).toBe('file-exists');
    expect(readFileSync(join(dir, 'facts.csv'), 'utf8')).toBe('mine');
  });

  it('lists every file a format writes', () => {
    const docs = [{ id: 'a1', name: '报告.txt' }];
    expect(exportTargets('label-studio', '/o/x.json', docs)).toEqual(['/o/x.json', '/o/x.label-config.xml']);
    expect(exportTargets('brat', '/o', docs)).toEqual(['/o/报告__a1.txt', '/o/报告__a1.ann', '/o/annotation.conf']);
    expect(exportTargets('text', '/o', docs)).toEqual(['/o/报告__a1.txt']);
  });
});
