import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from './importing';

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
