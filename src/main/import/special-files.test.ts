/**
 * Only regular files are read: a named pipe (FIFO) is refused before it is opened, so it can
 * neither hang an import nor take the threads that every other file access shares.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandPaths, importFile } from './index';
import { TempDir, rejectionOf } from './test-fixtures';

const canFifo = process.platform !== 'win32';

describe.skipIf(!canFifo)('named pipes and other special files', () => {
  const dir = new TempDir();
  afterAll(() => dir.remove());
  const fifo = (name: string): string => {
    const p = join(dir.path, name);
    execFileSync('mkfifo', [p]);
    return p;
  };

  it('refuses a FIFO with not-regular-file instead of waiting for a writer', async () => {
    const p = fifo('pipe.txt');
    const r = await rejectionOf(importFile(p));
    expect(r.code).toBe('not-regular-file');
    expect(r.message).toContain(p);
  });

  it('leaves a FIFO out of a folder and keeps the reports beside it', async () => {
    fifo('report-pipe.txt');
    const real = dir.file('real.txt', '各位代表：');
    const found = await expandPaths([dir.path]);
    expect(found).toContain(real);
    expect(found.some((p) => p.endsWith('report-pipe.txt') || p.endsWith('pipe.txt'))).toBe(false);
  });

  it('four FIFOs imported at once neither hang nor hold up other file writes', async () => {
    const pipes = [1, 2, 3, 4].map((i) => fifo(`four-${i}.html`));
    const results = await Promise.allSettled(pipes.map((p) => importFile(p)));
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'read'))).toEqual(Array(4).fill('not-regular-file'));
    // the file-system threads are free: a write (a review being saved) completes
    const out = join(dir.path, 'after.json');
    await writeFile(out, '{"ok":true}');
    expect(await readFile(out, 'utf8')).toBe('{"ok":true}');
  });
});
