import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findingSpan } from '../../core/review';
import type { DocumentFile, DocumentFileV1, DocumentMeta, Finding, Review, WorkspaceFile } from '../../core/store-schema';
import { idForIndexedPath } from './document-ids';
import { nodeFs } from './fs-layer';
import { WorkspaceStore } from './workspace-store';
import { removeTempWorkspaces, tempWorkspace } from './test-support';

const FIXTURE = resolve(__dirname, 'fixtures/v1/workspace');
const ANALYST = { id: 'b3c1f0de-0000-4000-8000-000000000001', name: '甲' };
const open: WorkspaceStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close({ discardUnsaved: true });
});
afterAll(removeTempWorkspaces);

async function openStore(dir: string, extra: Partial<Parameters<typeof WorkspaceStore.open>[1]> = {}): Promise<WorkspaceStore> {
  const s = await WorkspaceStore.open(dir, { app: 'cli', analyst: ANALYST, ...extra });
  open.push(s);
  return s;
}

/** A copy of the v1 fixture in a new folder (so it is also a moved workspace: v1 ids hashed the maker's absolute paths). */
function fixtureCopy(): string {
  const dir = tempWorkspace();
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

interface V1 {
  index: WorkspaceFile;
  docs: Map<string, DocumentFileV1>;
}
function readV1(dir: string): V1 {
  const root = join(dir, '.report-annotator');
  const index = JSON.parse(readFileSync(join(root, 'workspace.json'), 'utf8')) as WorkspaceFile;
  const docs = new Map<string, DocumentFileV1>();
  for (const name of readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.json'))) docs.set(name.slice(0, -5), JSON.parse(readFileSync(join(root, 'docs', name), 'utf8')) as DocumentFileV1);
  return { index, docs };
}

const byPlace = (x: Finding, y: Finding): number => findingSpan(x).start - findingSpan(y).start || findingSpan(x).end - findingSpan(y).end || x.id.localeCompare(y.id);
const sorted = (fs: readonly Finding[]): Finding[] => [...fs].sort(byPlace);

/** Everything a person made on a v1 document, and what a reader sees of it in v2. */
function expectSameWork(v2: DocumentFile, v1: DocumentFileV1): void {
  expect(v2.text).toBe(v1.text);
  expect(v2.sha256).toBe(v1.sha256);
  expect(sorted(v2.findings)).toEqual(sorted(v1.findings));
  expect(v2.reviews).toEqual(v1.reviews);
  expect(v2.orphans).toEqual(v1.orphans);
  expect(v2.history).toEqual(v1.history);
}

/** Checks a migrated workspace against the v1 data it came from: nothing lost. */
async function expectMigrated(s: WorkspaceStore, v1: V1): Promise<void> {
  const ws = s.workspace();
  expect(ws.schemaVersion).toBe(2);
  expect(ws.taxonomy).toEqual(v1.index.taxonomy);
  expect(ws.indicatorMap).toEqual(v1.index.indicatorMap);
  expect(ws.settings).toEqual(v1.index.settings);
  expect(ws.documents).toHaveLength(v1.index.documents.length);
  for (const old of v1.index.documents) {
    const meta = ws.documents.find((d) => d.path === old.path) as DocumentMeta;
    expect(meta).toEqual({ ...old, id: idForIndexedPath(old.path) });
    expectSameWork(await s.readDocument(meta.id), v1.docs.get(old.id)!);
  }
}

describe('migration of a v1 workspace made by the v1 writer (fixtures/v1)', () => {
  it('keeps every review, manual finding, tag, note, undo step, metadata, indicator mapping and tag; the originals stay as backup', async () => {
    const dir = fixtureCopy();
    const v1 = readV1(dir);
    expect([...v1.docs.values()].some((d) => d.findings.some((f) => f.origin === 'manual'))).toBe(true); // the fixture holds each kind of work
    expect([...v1.docs.values()].every((d) => Object.values(d.reviews).some((r) => r.tags.length > 0) && Object.values(d.reviews).some((r) => r.note !== '') && Object.values(d.reviews).some((r) => r.status === 'corrected'))).toBe(true);
    expect([...v1.docs.values()].every((d) => d.history.undo.length > 5)).toBe(true);
    const originals = new Map([...v1.docs.keys()].map((id) => [id, readFileSync(join(dir, '.report-annotator/docs', `${id}.json`))]));

    const s = await openStore(dir);
    await expectMigrated(s, v1);
    expect(s.notices.map((n) => n.code)).toEqual(['migrated', 'migrated']); // the index, then the layout
    expect(s.notices[1].counts).toEqual({ documents: 2, unrecoverable: 0 });
    // the work went to this analyst's files, the derived data to the cache
    for (const meta of s.workspace().documents) {
      const work = JSON.parse(readFileSync(join(dir, '.report-annotator/work', ANALYST.id, `${meta.id}.json`), 'utf8'));
      expect(work.analyst).toEqual(ANALYST);
      const cache = JSON.parse(readFileSync(join(dir, '.report-annotator/cache', `${meta.id}.json`), 'utf8'));
      expect(cache.findings.every((f: Finding) => f.origin === 'detector')).toBe(true);
      expect(cache).not.toHaveProperty('analysis');
    }
    // v1's files are kept byte for byte
    expect(existsSync(join(dir, '.report-annotator/docs'))).toBe(false);
    for (const [id, bytes] of originals) expect(readFileSync(join(dir, '.report-annotator/backups/v1/docs', `${id}.json`))).toEqual(bytes);
    expect(readdirSync(join(dir, '.report-annotator/backups/v1/docs-backups'))).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(dir, '.report-annotator/backups/workspace.json/v1-original.json'), 'utf8'))).toEqual(v1.index);
    await s.close();

    // reopening: nothing to migrate, the same data
    const again = await openStore(dir);
    expect(again.notices).toEqual([]);
    await expectMigrated(again, v1);
  });

  it('a damaged v1 document file is restored from its backup during the migration, with a notice naming the document', async () => {
    const dir = fixtureCopy();
    const v1 = readV1(dir);
    const [oldId] = [...v1.docs.keys()];
    const file = join(dir, '.report-annotator/docs', `${oldId}.json`);
    const bad = readFileSync(file).subarray(0, 5000);
    writeFileSync(file, bad);
    const backupDir = join(dir, '.report-annotator/backups/docs', `${oldId}.json`);
    const newest = readdirSync(backupDir).sort((a, b) => parseInt(b) - parseInt(a))[0];
    const backup = JSON.parse(readFileSync(join(backupDir, newest), 'utf8')) as DocumentFileV1;
    expect(Object.keys(backup.reviews).length).toBeGreaterThan(0);

    const s = await openStore(dir);
    const meta = s.workspace().documents.find((d) => d.path === v1.index.documents.find((x) => x.id === oldId)!.path)!;
    expectSameWork(await s.readDocument(meta.id), backup);
    const notice = s.notices.find((n) => n.code === 'restored-from-backup')!;
    expect(notice).toMatchObject({ file: `.report-annotator/docs/${oldId}.json`, document: { id: meta.id, part: 'v1' } });
    expect(notice.backupAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // the damaged file is kept, moved aside with v1's other files
    const kept = readdirSync(join(dir, '.report-annotator/backups/v1/docs')).find((n) => n.startsWith(`${oldId}.json.corrupt-`))!;
    expect(readFileSync(join(dir, '.report-annotator/backups/v1/docs', kept))).toEqual(bad);
    // the other document is untouched
    for (const [id, doc] of v1.docs) {
      if (id === oldId) continue;
      const m = s.workspace().documents.find((d) => d.path === v1.index.documents.find((x) => x.id === id)!.path)!;
      expectSameWork(await s.readDocument(m.id), doc);
    }
  });

  it('a migration cut short (the disk refused the last step) finishes on the next open, nothing lost', async () => {
    const dir = fixtureCopy();
    const v1 = readV1(dir);
    const failing = { ...nodeFs, rename: async (from: string, to: string) => (from.endsWith(`${'.report-annotator'}/docs`) ? Promise.reject(Object.assign(new Error('EIO: simulated'), { code: 'EIO' })) : nodeFs.rename(from, to)) };
    await expect(WorkspaceStore.open(dir, { app: 'cli', analyst: ANALYST, fs: failing })).rejects.toMatchObject({ code: 'EIO' });
    expect(existsSync(join(dir, '.report-annotator/migration-v1.json'))).toBe(true);
    expect(existsSync(join(dir, '.report-annotator/lock'))).toBe(false);
    const s = await openStore(dir);
    await expectMigrated(s, v1);
    expect(existsSync(join(dir, '.report-annotator/migration-v1.json'))).toBe(false);
  });

  it('a read-only open of a v1 workspace reads it as it is, changing nothing', async () => {
    const dir = fixtureCopy();
    const v1 = readV1(dir);
    const s = await openStore(dir, { readOnly: true });
    for (const old of v1.index.documents) expectSameWork(await s.readDocument(old.id), v1.docs.get(old.id)!);
    expect(existsSync(join(dir, '.report-annotator/cache'))).toBe(false);
    expect(existsSync(join(dir, '.report-annotator/docs'))).toBe(true);
  });
});

describe('migration of generated v1 workspaces (property)', () => {
  const text = fc.stringMatching(/^[一二三四五六七八九十年月日增长亿元万人。，0-9%]{20,80}$/);
  const finding = (n: number, manual: boolean, len: number): Finding => {
    const start = n % Math.max(1, len - 3);
    return { type: 'figure', id: `${manual ? 'man' : 'fig'}:${start}-${start + 2}:${n}`, origin: manual ? 'manual' : 'detector', data: { text: 'xx', start, end: start + 2, kind: 'count', value: n, value_to: null, unit: null, approx: null, metric: null } };
  };
  const reviewOf = (f: Finding, i: number): Review => ({
    findingId: f.id, status: (['accepted', 'rejected', 'corrected', 'suggested'] as const)[i % 4], fields: i % 3 === 0 ? { value: i } : {}, tags: i % 2 ? ['t1'] : [], note: i % 5 ? '' : `注${i}`,
    updatedAt: '2025-01-01T00:00:00.000Z', annotator: 'v1-user', anchor: { start: findingSpan(f).start, end: findingSpan(f).end, quote: 'xx', prefix: 'p', suffix: 's' },
  });
  const v1doc = fc.record({ text, detector: fc.uniqueArray(fc.nat(500), { maxLength: 12 }), manual: fc.uniqueArray(fc.nat(500), { maxLength: 4 }), reviewed: fc.array(fc.nat(), { maxLength: 10 }), orphans: fc.nat(3), undo: fc.nat(6), redo: fc.nat(3), path: fc.constantFrom('a.txt', 'sub/b.docx', '深/报告.pdf', '/elsewhere/c.txt') });

  it('every review, manual finding, orphan and undo/redo step survives (30 generated workspaces)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(v1doc, { minLength: 1, maxLength: 3, selector: (d) => d.path }), async (gen) => {
        const dir = tempWorkspace();
        const root = join(dir, '.report-annotator');
        mkdirSync(join(root, 'docs'), { recursive: true });
        const index: WorkspaceFile = { schemaVersion: 1, documents: [], taxonomy: [{ id: 't1', name: '标签', color: '#123456', hotkey: null }], settings: { s: 1 }, indicatorMap: { 增长: 'growth' } };
        const docs = new Map<string, DocumentFileV1>();
        gen.forEach((g, n) => {
          const id = `old${n}abcdef0123`;
          const len = [...g.text].length;
          const findings = [...g.detector.map((x) => finding(x, false, len)), ...g.manual.map((x) => finding(x, true, len))].filter((f, i, all) => all.findIndex((o) => o.id === f.id) === i).sort(byPlace);
          const reviews: Record<string, Review> = {};
          g.reviewed.forEach((r, i) => {
            if (findings.length) {
              const f = findings[r % findings.length];
              reviews[f.id] = reviewOf(f, i);
            }
          });
          const orphans = Array.from({ length: g.orphans }, (_, i) => reviewOf(finding(900 + i, false, len), i));
          const step = (i: number) => ({ label: `s${i}`, at: '2025-01-01T00:00:00.000Z', before: { reviews: { x: null }, findings: {} }, after: { reviews: { x: reviewOf(finding(i, false, len), i) }, findings: {} } });
          const doc: DocumentFileV1 = { schemaVersion: 1, id, sha256: `${n}`.padEnd(64, 'a'), text: g.text, analysis: { figures: [], duplicates: [], defects: [] }, findings, reviews, orphans, history: { undo: Array.from({ length: g.undo }, (_, i) => step(i)), redo: Array.from({ length: g.redo }, (_, i) => step(100 + i)) } };
          docs.set(id, doc);
          writeFileSync(join(root, 'docs', `${id}.json`), JSON.stringify(doc));
          index.documents.push({ id, path: g.path, name: g.path.split('/').at(-1)!, format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 1, sha256: doc.sha256, length: len, importedAt: '2025-01-01T00:00:00.000Z', counts: { figures: 0, duplicates: 0, defects: 0, reviewed: 0, total: 0 }, metadata: { year: '2024' } });
        });
        writeFileSync(join(root, 'workspace.json'), JSON.stringify(index));
        const s = await WorkspaceStore.open(dir, { app: 'cli', analyst: ANALYST });
        try {
          await expectMigrated(s, { index, docs });
        } finally {
          await s.close();
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
