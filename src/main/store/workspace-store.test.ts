import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { decodeSavedDocument } from './decode';
import { review, sampleDoc, sampleMeta, tempWorkspace, removeTempWorkspaces } from './test-support';

afterAll(removeTempWorkspaces);

const open: WorkspaceStore[] = [];
async function openStore(dir: string, opts: Partial<Parameters<typeof WorkspaceStore.open>[1]> = {}) {
  const s = await WorkspaceStore.open(dir, { app: 'cli', ...opts });
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.close({ discardUnsaved: true });
});

describe('WorkspaceStore', () => {
  it('creates a new workspace with the default taxonomy (hotkeys 1–9, 0)', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir, { defaultTaxonomyPath: join(dir, 'missing.json') });
    const w = s.workspace();
    expect(w.schemaVersion).toBe(2);
    expect(w.documents).toEqual([]);
    expect(w.taxonomy.map((t) => t.name)).toEqual(['立法', '监督', '代表工作', '任免', '决议决定', '自身建设', '经济', '民生', '生态', '司法']);
    expect(w.taxonomy.map((t) => t.hotkey)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
    expect(existsSync(join(dir, '.report-annotator/workspace.json'))).toBe(true);
    expect(s.notices).toEqual([]);
  });

  it('takes the default taxonomy from resources/taxonomy/default.json when it is valid', async () => {
    const dir = tempWorkspace();
    const file = join(dir, 'default.json');
    const tags = [{ id: 'x', name: '经济', color: '#000000', hotkey: '1' }];
    writeFileSync(file, JSON.stringify({ tags }));
    const s = await openStore(dir, { defaultTaxonomyPath: file });
    expect(s.workspace().taxonomy).toEqual(tags);
    writeFileSync(file, '{"tags": "broken"}');
    const t = await openStore(tempWorkspace(), { defaultTaxonomyPath: file });
    expect(t.workspace().taxonomy).toHaveLength(10);
  });

  it('applyToDocument swaps in a new document built from the current one, durable; a throwing or invalid change leaves it as it was', async () => {
    const dir = tempWorkspace();
    const a = await openStore(dir);
    await a.writeDocument(sampleDoc('doc-1'));
    const before = await a.readDocument('doc-1');
    const after = await a.applyToDocument('doc-1', (d) => ({ ...d, reviews: { ...d.reviews, r1: review('r1', '核对过') } }));
    expect(after.reviews.r1.note).toBe('核对过');
    expect(before.reviews).toEqual({}); // the old value was not changed in place
    await expect(
      a.applyToDocument('doc-1', () => {
        throw new Error('action failed');
      }),
    ).rejects.toThrow('action failed');
    await expect(a.applyToDocument('doc-1', (d) => ({ ...d, findings: [{ type: 'figure', id: 'x' } as never] }))).rejects.toMatchObject({ code: 'bad-request' });
    expect(await a.readDocument('doc-1')).toBe(after);
    await a.close();
    const b = await openStore(dir, { readOnly: true });
    expect((await b.readDocument('doc-1')).reviews).toEqual(after.reviews);
  });

  it('savedDocumentFile: the file of a document not in memory, null once it is loaded', async () => {
    const dir = tempWorkspace();
    const a = await openStore(dir);
    await a.writeDocument(sampleDoc('doc-1'));
    await a.writeDocument(sampleDoc('doc-2'));
    await a.close();
    const b = await openStore(dir, { readOnly: true, maxCachedDocuments: 1 });
    const file = b.savedDocumentFile('doc-1');
    expect(JSON.parse(file as string)).toEqual({ cache: join(dir, '.report-annotator', 'cache', 'doc-1.json'), work: null });
    const decoded = decodeSavedDocument(file as string, (p) => readFileSync(p));
    expect(decoded.ok && decoded.data.id).toBe('doc-1');
    await b.readDocument('doc-1');
    expect(b.savedDocumentFile('doc-1')).toBeNull(); // in memory: may hold unsaved changes
    await b.readDocument('doc-2'); // doc-1 leaves the cache
    expect(b.savedDocumentFile('doc-1')).not.toBeNull();
    expect(b.savedDocumentFile('nope')).toBeNull();
    expect(() => b.savedDocumentFile('../x')).toThrow(/Invalid document id/);
  });

  it('round-trips the workspace and documents through the disk', async () => {
    const dir = tempWorkspace();
    const a = await openStore(dir);
    await a.writeDocument(sampleDoc('doc-1'));
    await a.updateWorkspace((w) => {
      w.documents.push(sampleMeta('doc-1'));
      w.settings.theme = 'dark';
    });
    const updated = await a.updateDocument('doc-1', (d) => {
      d.reviews.f1 = review('f1', '核对无误');
    });
    expect(updated.reviews.f1.note).toBe('核对无误');
    await a.close();

    const b = await openStore(dir);
    expect(b.workspace().documents.map((d) => d.id)).toEqual(['doc-1']);
    expect(b.workspace().settings.theme).toBe('dark');
    expect(b.hasDocument('doc-1')).toBe(true);
    expect(b.documentIds()).toEqual(['doc-1']);
    const doc = await b.readDocument('doc-1');
    expect(doc.reviews.f1.note).toBe('核对无误');
    expect(doc.text).toBe(sampleDoc('x').text);
    expect(await b.readDocument('doc-1')).toBe(doc); // cached
  });

  it('answers document-not-found and workspace-not-open with codes', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir);
    await expect(s.readDocument('nope')).rejects.toMatchObject({ code: 'document-not-found' });
    await expect(s.updateDocument('nope', () => undefined)).rejects.toMatchObject({ code: 'document-not-found' });
    await expect(s.writeDocument(sampleDoc('../evil'))).rejects.toMatchObject({ code: 'bad-request' });
    await s.close();
    expect(() => s.workspace()).toThrow(expect.objectContaining({ code: 'workspace-not-open' }));
  });

  it('refuses a change that would fail the schema and keeps the data as it was', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir);
    await s.writeDocument(sampleDoc('d'));
    await expect(s.updateDocument('d', (d) => {
      (d as unknown as { text: number }).text = 42;
    })).rejects.toMatchObject({ code: 'bad-request' });
    expect((await s.readDocument('d')).text).toBe(sampleDoc('d').text);
  });

  it('coalesces 100 rapid updates into a few writes with all data present', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir);
    await s.writeDocument(sampleDoc('d'));
    const before = s.writeCount();
    const all = Array.from({ length: 100 }, (_, i) => s.updateDocument('d', (d) => {
      d.reviews[`r${i}`] = review(`r${i}`, `note ${i}`);
    }));
    await Promise.all(all);
    const writes = s.writeCount() - before;
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(3);
    await s.close();
    const file = JSON.parse(readFileSync(join(dir, '.report-annotator/work/local/d.json'), 'utf8'));
    expect(Object.keys(file.reviews)).toHaveLength(100);
  });

  it('reports pending changes and the last save time honestly', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir, { coalesceMs: 100 });
    await s.writeDocument(sampleDoc('d'));
    const states: number[] = [];
    s.onSaveState((st) => states.push(st.pending));
    const saved = s.updateDocument('d', (d) => {
      d.reviews.f1 = review('f1', 'x');
    });
    expect(s.saveState().pending).toBe(1);
    await saved;
    expect(s.saveState()).toMatchObject({ pending: 0, error: null });
    expect(s.saveState().lastSavedAt).not.toBeNull();
    expect(states).toContain(1);
    expect(states.at(-1)).toBe(0);
  });

  it('flush() writes pending changes at once, without waiting for the window', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir, { coalesceMs: 200 });
    await s.writeDocument(sampleDoc('d'));
    void s.updateDocument('d', (d) => {
      d.reviews.f1 = review('f1', 'flushed');
    });
    const t0 = Date.now();
    await s.flush();
    expect(Date.now() - t0).toBeLessThan(150);
    expect(readFileSync(join(dir, '.report-annotator/work/local/d.json'), 'utf8')).toContain('flushed');
  });

  it('deletes a document file and its backups', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir, { backupIntervalMs: 0 });
    await s.writeDocument(sampleDoc('d'));
    await s.updateDocument('d', (d) => {
      d.text = 'changed';
    });
    expect(existsSync(join(dir, '.report-annotator/backups/cache/d.json'))).toBe(true);
    await s.deleteDocument('d');
    expect(s.hasDocument('d')).toBe(false);
    expect(existsSync(join(dir, '.report-annotator/cache/d.json'))).toBe(false);
    expect(existsSync(join(dir, '.report-annotator/backups/cache/d.json'))).toBe(false);
    await expect(s.readDocument('d')).rejects.toMatchObject({ code: 'document-not-found' });
  });

  it('keeps the last 5 backup generations, at most one per interval', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir, { backupIntervalMs: 0 });
    await s.writeDocument(sampleDoc('d'));
    for (let i = 0; i < 9; i++) await s.updateDocument('d', (d) => { d.text = `v${i}`; });
    const names = readdirSync(join(dir, '.report-annotator/backups/cache/d.json')).sort((a, b) => parseInt(a) - parseInt(b));
    expect(names).toEqual(['5.json', '6.json', '7.json', '8.json', '9.json']);
    // backup 9 is the generation before the last write
    expect(JSON.parse(readFileSync(join(dir, '.report-annotator/backups/cache/d.json/9.json'), 'utf8')).text).toBe('v7');

    const t = await openStore(tempWorkspace(), { backupIntervalMs: 60_000 });
    await t.writeDocument(sampleDoc('d'));
    for (let i = 0; i < 5; i++) await t.updateDocument('d', (d) => { d.text = `v${i}`; });
    expect(readdirSync(join(t.dir, '.report-annotator/backups/cache/d.json'))).toEqual(['1.json']);
  });

  it('skips writing unchanged data', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir);
    await s.writeDocument(sampleDoc('d'));
    const inode = () => statSync(join(dir, '.report-annotator/cache/d.json')).ino;
    const before = inode();
    await s.updateDocument('d', () => undefined);
    expect(inode()).toBe(before); // not replaced
    await s.updateDocument('d', (d) => { d.text = 'changed'; });
    expect(inode()).not.toBe(before);
    expect(s.saveState().pending).toBe(0);
  });

  it('opens read-only without a lock and refuses writes', async () => {
    const dir = tempWorkspace();
    const w = await openStore(dir);
    await w.writeDocument(sampleDoc('d'));
    const r = await openStore(dir, { readOnly: true });
    expect((await r.readDocument('d')).id).toBe('d');
    await expect(r.updateWorkspace(() => undefined)).rejects.toMatchObject({ code: 'store-read-only' });
    await expect(r.writeDocument(sampleDoc('e'))).rejects.toMatchObject({ code: 'store-read-only' });
  });

  it('unloads least recently used documents beyond the cache limit and reads them again', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir, { maxCachedDocuments: 2 });
    for (const id of ['a', 'b', 'c']) await s.writeDocument(sampleDoc(id));
    await s.updateDocument('a', (d) => { d.text = 'A again'; });
    expect((await s.readDocument('b')).id).toBe('b');
    expect((await s.readDocument('a')).text).toBe('A again');
  });
});

describe('v2 layout: derived data and the analyst\'s work apart', () => {
  it('a review writes only this analyst\'s small work file: the cache is not touched, whatever the report size', { timeout: 60_000 }, async () => {
    const dir = tempWorkspace();
    const analyst = { id: 'analyst-1', name: '乙' };
    const s = await openStore(dir, { analyst, backupIntervalMs: 0 });
    const long = sampleDoc('d', '2024年全市地区生产总值增长5.2%。'.repeat(5_000));
    await s.writeDocument(long);
    const cachePath = join(dir, '.report-annotator/cache/d.json');
    const before = { ino: statSync(cachePath).ino, mtime: statSync(cachePath).mtimeMs, bytes: readFileSync(cachePath) };
    const writes = s.writeCounts();
    for (let i = 0; i < 5; i++) {
      await s.applyToDocument('d', (d) => ({ ...d, reviews: { ...d.reviews, f1: review('f1', `note ${i}`) } }));
    }
    expect(s.writeCounts()).toEqual({ ...writes, work: writes.work + 5 });
    expect(statSync(cachePath).ino).toBe(before.ino);
    expect(statSync(cachePath).mtimeMs).toBe(before.mtime);
    expect(readFileSync(cachePath)).toEqual(before.bytes);
    const work = readFileSync(join(dir, '.report-annotator/work/analyst-1/d.json'), 'utf8');
    expect(work.length).toBeLessThan(2_000);
    expect(JSON.parse(work)).toMatchObject({ documentId: 'd', analyst, reviews: { f1: { note: 'note 4' } } });
  });

  it('another analyst\'s app reads its own work only', async () => {
    const dir = tempWorkspace();
    const a = await openStore(dir, { analyst: { id: 'a', name: 'A' } });
    await a.writeDocument(sampleDoc('d'));
    await a.updateDocument('d', (d) => { d.reviews.f1 = review('f1', 'by A'); });
    await a.close();
    const b = await openStore(dir, { analyst: { id: 'b', name: 'B' } });
    expect((await b.readDocument('d')).reviews).toEqual({});
    expect((await b.readDocument('d')).text).toBe(sampleDoc('d').text);
  });

  it('re-importing a report with no work in it never erases the work on disk; a changed report carries it (orphans when it cannot be placed)', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir);
    await s.writeDocument(sampleDoc('d'));
    await s.updateDocument('d', (d) => { d.reviews.f1 = review('f1', 'kept'); });
    await s.close();
    const t = await openStore(dir);
    await t.writeDocument(sampleDoc('d')); // an import that did not read the work first
    expect((await t.readDocument('d')).reviews.f1.note).toBe('kept');
    await t.writeDocument({ ...sampleDoc('d', '完全不同的文字。'), sha256: 'b'.repeat(64), findings: [] });
    const d = await t.readDocument('d');
    expect([...Object.values(d.reviews), ...d.orphans].map((r) => r.note)).toEqual(['kept']);
  });
});

describe('index changes that can wait (a document\'s counts after a review)', () => {
  it('are in memory at once, written after the delay, or with the next change, flush() or close()', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir);
    await s.updateWorkspace((w) => { w.documents.push(sampleMeta('d')); });
    const onDisk = () => JSON.parse(readFileSync(join(dir, '.report-annotator/workspace.json'), 'utf8')).documents[0].counts.reviewed;
    const withReviewed = (n: number) => (w: ReturnType<typeof s.workspace>) => ({ ...w, documents: w.documents.map((m) => ({ ...m, counts: { ...m.counts, reviewed: n } })) });
    const later = s.applyToWorkspaceLater(withReviewed(3), 60_000);
    expect(s.workspace().documents[0].counts.reviewed).toBe(3);
    expect(s.saveState().pending).toBe(1);
    expect(onDisk()).toBe(0);
    await s.flush();
    await later;
    expect(onDisk()).toBe(3);
    void s.applyToWorkspaceLater(withReviewed(4), 60_000);
    await s.updateWorkspace((w) => { w.settings.x = 1; }); // the next change takes it along
    expect(onDisk()).toBe(4);
    void s.applyToWorkspaceLater(withReviewed(5), 60_000);
    await s.close();
    expect(onDisk()).toBe(5);
  });
});
