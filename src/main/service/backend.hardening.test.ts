/**
 * Hardening: a compromised renderer in the desktop app (strict file policy) names files it was
 * never handed — `..` traversal, symlinks out of the workspace, absolute and relative paths —
 * through the real backend (importFiles, workspaceOpen, search). Nothing outside the workspace
 * is read or stored.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiRequest, Result } from '../../core/api';
import { type Backend, createBackend } from './backend';
import { call } from './dispatch';

const SAMPLES = resolve(__dirname, '../../../resources/samples');
const SECRET = '机密外泄测试文本SECRET-0xC0FFEE';
const opened: Backend[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const b of opened.splice(0)) await b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree() {
  const base = mkdtempSync(join(tmpdir(), 'ra-desktop-policy-'));
  dirs.push(base);
  const ws = join(base, 'workspace');
  const outside = join(base, 'outside');
  const userData = join(base, 'user-data');
  mkdirSync(ws);
  mkdirSync(outside);
  mkdirSync(userData);
  writeFileSync(join(ws, 'report.txt'), '\n\n全市地区生产总值增长5.2%。\n');
  writeFileSync(join(outside, 'secret.txt'), `\n\n${SECRET}\n`);
  mkdirSync(join(outside, 'sub'));
  writeFileSync(join(outside, 'sub', 'more.txt'), `\n\n${SECRET} 2\n`);
  symlinkSync(join(outside, 'secret.txt'), join(ws, 'link-to-secret.txt'));
  symlinkSync(outside, join(ws, 'link-to-outside'));
  const b = createBackend({ mode: 'desktop', app: 'desktop', samplesDir: SAMPLES, userDataDir: userData, workspaceDir: ws, log: { error: () => {} }, version: '0', workerPath: null });
  opened.push(b);
  return { base, ws, outside, b };
}

const run = <M extends ApiMethod>(b: Backend, m: M, r: ApiRequest<M>): Promise<Result<unknown>> => call(b.handlers, m, r) as Promise<Result<unknown>>;

/** Every stored document's text, through the API. */
async function storedTexts(b: Backend): Promise<string[]> {
  const ws = await call(b.handlers, 'workspaceGet', {});
  if (!ws.ok || !ws.value) throw new Error('no workspace');
  const texts: string[] = [];
  for (const d of ws.value.documents) {
    const doc = await call(b.handlers, 'documentGet', { id: d.id });
    if (doc.ok) texts.push(doc.value.text);
  }
  return texts;
}

describe('desktop mode: a compromised renderer cannot make the backend read outside the workspace', () => {
  it('importFiles refuses .. traversal, absolute and relative paths outside it', async () => {
    const { ws, outside, b } = tree();
    for (const path of [
      `${ws}/../outside/secret.txt`,
      join(ws, '..', 'outside', 'secret.txt'),
      join(outside, 'secret.txt'),
      '/etc/hostname',
      '/etc/passwd',
      'report.txt',
      '../outside/secret.txt',
      `${ws}/./../outside/sub/../secret.txt`,
      outside,
    ]) {
      const r = await run(b, 'importFiles', { paths: [path] });
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.error.code, path).toBe('path-not-allowed');
    }
    // one bad path in a batch refuses the batch (nothing is read)
    const mixed = await run(b, 'importFiles', { paths: [join(ws, 'report.txt'), join(outside, 'secret.txt')] });
    expect(mixed.ok).toBe(false);
    expect((await storedTexts(b)).join('\n')).not.toContain(SECRET);
  });

  it('importFiles refuses symlinks that lead out of the workspace, named directly or found in a folder', async () => {
    const { ws, b } = tree();
    for (const path of [join(ws, 'link-to-secret.txt'), join(ws, 'link-to-outside', 'secret.txt'), join(ws, 'link-to-outside')]) {
      const r = await run(b, 'importFiles', { paths: [path] });
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.error.code, path).toBe('path-not-allowed');
    }
    // the workspace folder itself is allowed, but the links inside it are reported, not read
    const r = await run(b, 'importFiles', { paths: [ws] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const summary = r.value as { imported: { name: string }[]; failed: { path: string; error: { code: string } }[] };
      expect(summary.imported.map((d) => d.name)).toEqual(['report.txt']);
      expect(summary.failed.length).toBeGreaterThanOrEqual(2);
      for (const f of summary.failed) expect(f.error.code, f.path).toBe('path-not-allowed');
    }
    // ...also when the workspace was opened (its files are imported after it opens)
    await b.refreshed();
    const view = await call(b.handlers, 'workspaceGet', {});
    expect(view.ok && view.value?.notices.filter((n) => n.code === 'path-not-allowed').length).toBeGreaterThanOrEqual(2);
    expect((await storedTexts(b)).join('\n')).not.toContain(SECRET);
    const found = await call(b.handlers, 'search', { query: 'SECRET' });
    expect(found.ok && found.value).toEqual([]);
  });

  it('workspaceOpen refuses folders outside what the user chose (direct, .., symlink, /)', async () => {
    const { ws, outside, b } = tree();
    for (const dir of [outside, `${ws}/../outside`, join(ws, 'link-to-outside'), '/', '/tmp', 'outside']) {
      const r = await run(b, 'workspaceOpen', { dir });
      expect(r.ok, dir).toBe(false);
      if (!r.ok) expect(r.error.code, dir).toBe('path-not-allowed');
    }
    const still = await call(b.handlers, 'workspaceGet', {});
    expect(still.ok && still.value?.dir).toBe(ws);
  });

  it('a file the user chose is allowed, its folder is not', async () => {
    const { outside, b } = tree();
    // what a native dialog would grant: simulated through the same policy entry point
    await b.openWorkspace(join(outside, 'sub'));
    const inChosen = await run(b, 'importFiles', { paths: [join(outside, 'sub', 'more.txt')] });
    expect(inChosen.ok).toBe(true);
    const sibling = await run(b, 'importFiles', { paths: [join(outside, 'secret.txt')] });
    expect(sibling.ok).toBe(false);
  });
});
