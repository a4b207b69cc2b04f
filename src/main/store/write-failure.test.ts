/**
 * Write failures. We run as root, where chmod does not stop writes, so the failures are
 * injected through the store's file-system layer (FailingFs): the same code paths see the same
 * errno codes as on a full or read-only disk. Where this process may mount a tmpfs (root on
 * Linux), one more test fills a real 1 MiB file system.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { FailingFs, review, sampleDoc, tempWorkspace, removeTempWorkspaces } from './test-support';

afterAll(removeTempWorkspaces);

const open: WorkspaceStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close({ discardUnsaved: true });
});

async function setup(retryMs = 60_000) {
  const dir = tempWorkspace();
  const failing = new FailingFs();
  const s = await WorkspaceStore.open(dir, { app: 'cli', fs: failing.fs, retryMs, coalesceMs: 0 });
  open.push(s);
  await s.writeDocument(sampleDoc('d'));
  return { dir, failing, s };
}

/** this analyst's work on d as saved (none yet: no reviews) */
const docOnDisk = (dir: string) => {
  const p = join(dir, '.report-annotator/work/local/d.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : { reviews: {} };
};

describe('write failures', () => {
  it.each([
    ['ENOSPC', 'store-disk-full'],
    ['EROFS', 'store-read-only'],
    ['EACCES', 'store-read-only'],
    ['EPERM', 'store-read-only'],
    ['EIO', 'store-write-failed'],
  ])('%s → %s; the change stays in memory and a later flush saves it', async (errno, code) => {
    const { dir, failing, s } = await setup();
    failing.errno = errno;
    await expect(s.updateDocument('d', (d) => { d.reviews.f1 = review('f1', 'kept'); })).rejects.toMatchObject({ code });
    expect((await s.readDocument('d')).reviews.f1.note).toBe('kept');
    expect(s.saveState()).toMatchObject({ pending: 1, error: { code } });
    expect(docOnDisk(dir).reviews).toEqual({}); // the old file is intact
    await expect(s.flush()).rejects.toMatchObject({ code });
    failing.errno = null;
    await s.flush();
    expect(docOnDisk(dir).reviews.f1.note).toBe('kept');
    expect(s.saveState()).toMatchObject({ pending: 0, error: null });
  });

  it('a later change retries and saves everything, including the change that failed', async () => {
    const { dir, failing, s } = await setup();
    failing.errno = 'ENOSPC';
    await s.updateDocument('d', (d) => { d.reviews.a = review('a', 'first'); }).catch(() => undefined);
    failing.errno = null;
    await s.updateDocument('d', (d) => { d.reviews.b = review('b', 'second'); });
    expect(Object.keys(docOnDisk(dir).reviews).sort()).toEqual(['a', 'b']);
  });

  it('retries by itself once the disk accepts writes again', async () => {
    const { dir, failing, s } = await setup(50);
    failing.errno = 'ENOSPC';
    await s.updateDocument('d', (d) => { d.reviews.a = review('a', 'auto'); }).catch(() => undefined);
    failing.errno = null;
    await new Promise((r) => setTimeout(r, 300));
    expect(docOnDisk(dir).reviews.a.note).toBe('auto');
    expect(s.saveState()).toMatchObject({ pending: 0, error: null });
  });

  it('close() refuses to drop unsaved changes unless told to', async () => {
    const { failing, s } = await setup();
    failing.errno = 'ENOSPC';
    await s.updateWorkspace((w) => { w.settings.x = 1; }).catch(() => undefined);
    await expect(s.close()).rejects.toMatchObject({ code: 'store-disk-full' });
    expect(s.workspace().settings.x).toBe(1); // still open
    failing.errno = null;
    await s.close();
  });

  it('a failed write leaves no temp files behind', async () => {
    const { dir, failing, s } = await setup();
    failing.errno = 'EIO';
    await s.updateDocument('d', (d) => { d.text = 'x'; }).catch(() => undefined);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(dir, '.report-annotator/cache')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

function mountTmpfs(dir: string, size: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('a real full disk (tmpfs, when it can be mounted)', () => {
  const dir = join(tempWorkspace(), 'small');
  mkdirSync(dir);
  const mounted = mountTmpfs(dir, '1m');
  afterEach(() => {
    if (mounted) {
      try {
        execFileSync('umount', [dir], { stdio: 'ignore' });
      } catch {
        // busy: left for the OS
      }
    }
  });

  it.skipIf(!mounted)('ENOSPC → store-disk-full, memory kept, saved once space is free', async () => {
    const s = await WorkspaceStore.open(dir, { app: 'cli', coalesceMs: 0, retryMs: 60_000 });
    open.push(s);
    await s.writeDocument(sampleDoc('d'));
    const filler = join(dir, 'filler.bin');
    try {
      writeFileSync(filler, Buffer.alloc(2 * 1024 * 1024));
    } catch {
      // filled up to the last block: that is the point
    }
    const big = '经济'.repeat(100_000);
    await expect(s.updateDocument('d', (d) => { d.text = big; })).rejects.toMatchObject({ code: 'store-disk-full' });
    expect((await s.readDocument('d')).text).toBe(big);
    expect(JSON.parse(readFileSync(join(dir, '.report-annotator/cache/d.json'), 'utf8')).text).toBe(sampleDoc('d').text);
    rmSync(filler);
    await s.flush();
    expect(JSON.parse(readFileSync(join(dir, '.report-annotator/cache/d.json'), 'utf8')).text).toBe(big);
    await s.close();
  });
});
