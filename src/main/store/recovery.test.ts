import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { review, sampleDoc, sampleMeta, tempWorkspace, removeTempWorkspaces } from './test-support';

afterAll(removeTempWorkspaces);

const open: WorkspaceStore[] = [];
async function openStore(dir: string, opts: Partial<Parameters<typeof WorkspaceStore.open>[1]> = {}) {
  const s = await WorkspaceStore.open(dir, { app: 'cli', backupIntervalMs: 0, ...opts });
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.close({ discardUnsaved: true });
});

/** A workspace with one document, written twice (so both files have a backup). */
async function seeded(): Promise<string> {
  const dir = tempWorkspace();
  const s = await openStore(dir);
  await s.writeDocument(sampleDoc('d'));
  await s.updateWorkspace((w) => { w.documents.push(sampleMeta('d')); });
  await s.updateDocument('d', (d) => { d.reviews.f1 = review('f1', 'first'); });
  await s.updateWorkspace((w) => { w.settings.n = 2; });
  await s.updateDocument('d', (d) => { d.reviews.f1 = review('f1', 'second'); });
  await s.close();
  return dir;
}

const wsPath = (dir: string) => join(dir, '.report-annotator/workspace.json');
const docPath = (dir: string) => join(dir, '.report-annotator/work/local/d.json');
const cachePath = (dir: string) => join(dir, '.report-annotator/cache/d.json');
const corruptions: [string, (good: string) => Buffer][] = [
  ['garbage', () => Buffer.from('{"schemaVersion": 1, "documents": [oops')],
  ['truncated', (good) => Buffer.from(good.slice(0, Math.floor(good.length / 2)))],
  ['empty', () => Buffer.alloc(0)],
  ['NUL-filled', (good) => Buffer.alloc(good.length)],
  ['BOM + garbage', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":')])],
  ['an array (valid JSON, wrong shape)', () => Buffer.from('[1,2]')],
  ['schema violation', () => Buffer.from(JSON.stringify({ schemaVersion: 1, documents: 'none', taxonomy: [] }))],
];

describe('recovery of a damaged workspace file', () => {
  it.each(corruptions)('%s → moved aside, newest good backup restored, notice', async (_name, damage) => {
    const dir = await seeded();
    const bad = damage(readFileSync(wsPath(dir), 'utf8'));
    writeFileSync(wsPath(dir), bad);
    const s = await openStore(dir);
    expect(s.workspace().documents.map((d) => d.id)).toEqual(['d']); // from the backup
    expect(s.notices).toHaveLength(1);
    const n = s.notices[0];
    expect(n).toMatchObject({ code: 'restored-from-backup', file: '.report-annotator/workspace.json' });
    expect(n.movedTo).toMatch(/^\.report-annotator\/workspace\.json\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(n.backup).toMatch(/^\.report-annotator\/backups\/workspace\.json\/\d+\.json$/);
    expect(readFileSync(join(dir, n.movedTo!))).toEqual(bad); // the bad file is kept byte for byte
    expect(JSON.parse(readFileSync(wsPath(dir), 'utf8')).documents).toHaveLength(1); // good file back in place
  });

  it('no backup → a fresh empty workspace, the corrupt file kept, notice', async () => {
    const dir = tempWorkspace();
    mkdirSync(join(dir, '.report-annotator'), { recursive: true });
    writeFileSync(wsPath(dir), '{"schemaVersion":1,"documents":[{"id":');
    const s = await openStore(dir);
    expect(s.workspace().documents).toEqual([]);
    expect(s.workspace().taxonomy.length).toBeGreaterThan(0);
    expect(s.notices).toEqual([expect.objectContaining({ code: 'reset-to-empty' })]);
    const kept = readdirSync(join(dir, '.report-annotator')).filter((f) => f.startsWith('workspace.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, '.report-annotator', kept[0]), 'utf8')).toBe('{"schemaVersion":1,"documents":[{"id":');
  });

  it('a missing workspace file with backups is restored from them', async () => {
    const dir = await seeded();
    unlinkSync(wsPath(dir));
    const s = await openStore(dir);
    expect(s.workspace().documents).toHaveLength(1);
    expect(s.notices).toEqual([expect.objectContaining({ code: 'restored-from-backup', reason: 'file missing' })]);
  });

  it('a BOM before valid JSON is accepted as the newest data (an editor added it)', async () => {
    const dir = await seeded();
    const good = readFileSync(wsPath(dir));
    writeFileSync(wsPath(dir), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good]));
    const s = await openStore(dir);
    expect(s.notices).toEqual([]);
    expect(s.workspace().settings.n).toBe(2);
  });

  it('skips a damaged backup and restores the next good one', async () => {
    const dir = await seeded();
    const backups = join(dir, '.report-annotator/backups/workspace.json');
    const newest = readdirSync(backups).sort((a, b) => parseInt(b) - parseInt(a))[0];
    writeFileSync(join(backups, newest), '{');
    writeFileSync(wsPath(dir), 'not json');
    const s = await openStore(dir);
    expect(s.notices[0]).toMatchObject({ code: 'restored-from-backup' });
    expect(s.notices[0].backup).not.toContain(`/${newest}`);
  });
});

describe('recovery of a damaged work file', () => {
  it.each(corruptions)('%s → moved aside, backup restored on read, notice', async (_name, damage) => {
    const dir = await seeded();
    const bad = damage(readFileSync(docPath(dir), 'utf8'));
    writeFileSync(docPath(dir), bad);
    const s = await openStore(dir);
    const d = await s.readDocument('d');
    expect(d.reviews.f1.note).toBe('first'); // the generation before the last write
    expect(s.notices).toEqual([expect.objectContaining({ code: 'restored-from-backup', file: '.report-annotator/work/local/d.json', document: { id: 'd', part: 'work' } })]);
    expect(Date.parse(s.notices[0].backupAt!)).toBeLessThanOrEqual(Date.now());
    expect(readFileSync(join(dir, s.notices[0].movedTo!))).toEqual(bad);
    expect(s.documentIds()).toEqual(['d']); // the .corrupt- file is not a document
  });

  it('a cache file without backup → store-corrupt, the file kept aside, notice', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir);
    await s.writeDocument(sampleDoc('d'));
    await s.close();
    writeFileSync(cachePath(dir), '{"id": "d", "text": ');
    const t = await openStore(dir);
    await expect(t.readDocument('d')).rejects.toMatchObject({ code: 'store-corrupt' });
    expect(t.notices).toEqual([expect.objectContaining({ code: 'document-unrecoverable', document: { id: 'd', part: 'cache' } })]);
    expect(readdirSync(join(dir, '.report-annotator/cache')).some((f) => f.startsWith('d.json.corrupt-'))).toBe(true);
  });

  it('a work file without backup → the document opens without that work, the file kept aside, notice', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir);
    await s.writeDocument(sampleDoc('d'));
    await s.updateDocument('d', (d) => { d.reviews.f1 = review('f1', 'only'); });
    await s.close();
    rmSync(join(dir, '.report-annotator/backups/work'), { recursive: true, force: true });
    writeFileSync(docPath(dir), '{"documentId": "d", "reviews": ');
    const t = await openStore(dir);
    expect((await t.readDocument('d')).reviews).toEqual({});
    expect(t.notices).toEqual([expect.objectContaining({ code: 'document-unrecoverable', document: { id: 'd', part: 'work' } })]);
    expect(readdirSync(join(dir, '.report-annotator/work/local')).some((f) => f.startsWith('d.json.corrupt-'))).toBe(true);
  });

  it('a deleted work file with backups is restored from them on read, with a notice', async () => {
    const dir = await seeded();
    rmSync(docPath(dir));
    const s = await openStore(dir);
    expect((await s.readDocument('d')).reviews.f1.note).toBe('first');
    expect(s.notices).toEqual([expect.objectContaining({ code: 'restored-from-backup', file: '.report-annotator/work/local/d.json', reason: 'file missing' })]);
  });

  it('a deleted cache file with backups is restored from them on read, with a notice', async () => {
    const dir = tempWorkspace();
    const s = await openStore(dir, { backupIntervalMs: 0 });
    await s.writeDocument(sampleDoc('d'));
    await s.writeDocument({ ...sampleDoc('d'), text: sampleDoc('d').text + '二' });
    await s.close();
    rmSync(cachePath(dir));
    const t = await openStore(dir);
    expect((await t.readDocument('d')).text).toBe(sampleDoc('d').text);
    expect(t.notices).toEqual([expect.objectContaining({ code: 'restored-from-backup', document: { id: 'd', part: 'cache' } })]);
  });
});

describe('files from a newer version', () => {
  it('workspace: opening fails with store-newer-version and the file is untouched', async () => {
    const dir = await seeded();
    const newer = JSON.stringify({ schemaVersion: 99, documents: [], taxonomy: [], future: true });
    writeFileSync(wsPath(dir), newer);
    await expect(openStore(dir)).rejects.toMatchObject({ code: 'store-newer-version' });
    expect(readFileSync(wsPath(dir), 'utf8')).toBe(newer);
    expect(existsSync(join(dir, '.report-annotator/lock'))).toBe(false); // released
    expect(readdirSync(join(dir, '.report-annotator')).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('document: reading fails with store-newer-version and the file is untouched', async () => {
    const dir = await seeded();
    const newer = JSON.stringify({ ...JSON.parse(readFileSync(cachePath(dir), 'utf8')), schemaVersion: 3 });
    writeFileSync(cachePath(dir), newer);
    const s = await openStore(dir);
    await expect(s.readDocument('d')).rejects.toMatchObject({ code: 'store-newer-version' });
    await s.close();
    expect(readFileSync(cachePath(dir), 'utf8')).toBe(newer);
  });
});

describe('stale temp files', () => {
  it('are removed on open (ours and lowdb/steno ones); other files stay', async () => {
    const dir = await seeded();
    const root = join(dir, '.report-annotator');
    const stale = ['.workspace.json.4242.7.tmp', '.workspace.json.tmp', 'cache/.d.json.4242.9.tmp', 'work/local/.d.json.4242.9.tmp', 'backups/workspace.json/.3.json.4242.1.tmp'];
    for (const f of stale) writeFileSync(join(root, f), '{"half');
    writeFileSync(join(root, 'cache/notes.txt'), 'keep me');
    const s = await openStore(dir);
    for (const f of stale) expect(existsSync(join(root, f))).toBe(false);
    expect(existsSync(join(root, 'cache/notes.txt'))).toBe(true);
    expect(s.notices).toEqual([]);
  });
});
