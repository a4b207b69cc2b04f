import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../../core/export';
import { astralFixture } from '../../core/export/testing';
import type { DocumentFile, DocumentMeta } from '../../core/store-schema';
import { WorkspaceStore } from '../store';
import { FailingFs } from '../store/test-support';
import { type ExportSource, exportWorkspace, type ExportSummary } from './index';

// Run from sources there is no bundled worker script, so this builds one (inside the
// repository, so its external packages resolve from node_modules) and compares the JSONL export
// on worker threads with the export in one thread, on good documents and on every kind of bad one.
const ROOT = resolve(__dirname, '../../..');
mkdirSync(join(ROOT, 'out'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'out', 'export-workers-test-'));
const workerPath = join(dir, 'export-worker.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [join(__dirname, 'worker.ts')], outfile: workerPath, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD = ['bad-json', 'bad-schema', 'newer', 'missing'];

/** A workspace of good documents (some with line separators, a BOM, a v0 file) and bad ones. */
async function makeWorkspace(): Promise<string> {
  const ws = mkdtempSync(join(dir, 'ws-'));
  const store = await WorkspaceStore.open(ws, { app: 'cli' });
  const metas: DocumentMeta[] = [];
  for (let i = 0; i < 12; i++) {
    const f = astralFixture(`doc-${i}`);
    const doc = f.docs[0];
    const [first] = Object.values(doc.reviews);
    if (i % 3 === 1) first.note = `行\u2028分\u2029隔 ${i}`;
    if (i % 4 === 2) first.fields = { ...first.fields, extra: [1, '二'], value: null };
    if (i === 5) doc.reviews.dangling = { ...first, findingId: 'dangling' };
    await store.writeDocument(doc);
    metas.push({ ...f.workspace.documents[0], name: `报告 ${i}.txt` });
  }
  for (const id of [...BAD, 'bom', 'v0']) metas.push({ ...astralFixture(id).workspace.documents[0] });
  await store.updateWorkspace((w) => {
    w.documents = metas;
    w.taxonomy = astralFixture().workspace.taxonomy;
    w.indicatorMap = { 召开常委会会议: '会议次数' };
  });
  await store.close();
  // store v2: a document is its cache file (text, detector findings) and the analyst's work file
  const caches = join(ws, '.report-annotator', 'cache');
  const good = (id: string): DocumentFile => astralFixture(id).docs[0];
  const cacheOf = (d: DocumentFile) => ({ schemaVersion: 2, id: d.id, sha256: d.sha256, analyzer: 'test', text: d.text, findings: d.findings.filter((f) => f.origin !== 'manual') });
  const workOf = (d: DocumentFile, sha256 = d.sha256) => ({ schemaVersion: 2, documentId: d.id, analyst: store.analyst, sha256, findings: d.findings.filter((f) => f.origin === 'manual'), reviews: d.reviews, orphans: d.orphans, history: d.history });
  writeFileSync(join(caches, 'bad-json.json'), JSON.stringify(cacheOf(good('bad-json'))).slice(0, 500));
  const wrong = cacheOf(good('bad-schema')) as unknown as { findings: { data: Record<string, unknown> }[] };
  wrong.findings[0].data.start = '15';
  writeFileSync(join(caches, 'bad-schema.json'), JSON.stringify(wrong));
  writeFileSync(join(caches, 'newer.json'), JSON.stringify({ ...cacheOf(good('newer')), schemaVersion: 99 }));
  writeFileSync(join(caches, 'bom.json'), '\ufeff' + JSON.stringify(cacheOf(good('bom'))));
  // work made on another version of the text: re-anchored by the store, never by a worker
  writeFileSync(join(caches, 'v0.json'), JSON.stringify(cacheOf(good('v0'))));
  writeFileSync(join(ws, '.report-annotator', 'work', store.analyst.id, 'v0.json'), JSON.stringify(workOf(good('v0'), 'f'.repeat(64))));
  return ws;
}

async function exportOnce(ws: string, out: string, parallel: { workerPath: string | null; workers?: number }): Promise<{ summary: ExportSummary; text: string; notices: string[]; readHere: string[] }> {
  const store = await WorkspaceStore.open(ws, { app: 'cli', readOnly: true, maxCachedDocuments: 2 });
  const readHere: string[] = [];
  const source: ExportSource = {
    workspace: () => store.workspace(),
    readDocument: (id) => (readHere.push(id), store.readDocument(id)),
    savedDocumentFile: (id) => store.savedDocumentFile(id),
  };
  try {
    const summary = await exportWorkspace(source, { format: 'jsonl', filter: 'all', out, parallel: { ...parallel, minDocuments: 1 } });
    // the header carries the export time
    const text = readFileSync(out, 'utf8').replace(/"exported_at":"[^"]*"/, '"exported_at":"T"');
    return { summary, text, notices: store.notices.map((n) => `${n.code} ${n.file}`).sort(), readHere: readHere.sort() };
  } finally {
    await store.close();
  }
}

describe('JSONL export on worker threads', () => {
  it('writes the same bytes as in one thread; bad documents fail the same way, through the store', { timeout: 60_000 }, async () => {
    const ws = await makeWorkspace();
    const one = await exportOnce(ws, join(dir, 'one.jsonl'), { workerPath: null });
    const two = await exportOnce(ws, join(dir, 'two.jsonl'), { workerPath, workers: 2 });
    expect(one.summary.threads).toBeUndefined();
    expect(two.summary.threads).toBe(2);
    expect(two.text).toBe(one.text);
    // the workers built every line they could; the rest went through the store here
    expect(two.readHere).toEqual(['bad-json', 'bad-schema', 'missing', 'newer', 'v0']);
    expect({ ...two.summary, threads: undefined, files: [] }).toEqual({ ...one.summary, files: [] });

    expect(one.summary.documents).toBe(14);
    expect(two.summary.failed.map((f) => [f.id, f.error.code])).toEqual([
      ['bad-json', 'store-corrupt'], ['bad-schema', 'store-corrupt'], ['newer', 'store-newer-version'], ['missing', 'document-not-found'],
    ]);
    const schema = two.summary.failed.find((f) => f.id === 'bad-schema');
    expect(schema?.error.message).toMatch(/cache\/bad-schema\.json is damaged \(schema: [a-z.0-9]*\.start: Invalid input: expected number, received string\)/);
    // the work to re-anchor was re-anchored (in memory: the export is read-only) by the store, not the worker
    expect(two.notices).toEqual(one.notices);
    expect(two.notices).toEqual(expect.arrayContaining([`work-reanchored .report-annotator/work/local/v0.json`, 'document-unrecoverable .report-annotator/cache/bad-json.json']));

    const lines = two.text.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 14); // line separators in notes stay escaped
    const back = importJsonl(lines);
    expect(back.documents.map((d) => d.id).filter((id) => BAD.includes(id))).toEqual([]);
    const store = await WorkspaceStore.open(ws, { app: 'cli', readOnly: true });
    expect(back.documents.find((d) => d.id === 'doc-4')?.reviews).toEqual((await store.readDocument('doc-4')).reviews);
    await store.close();
  });

  it('a worker that dies leaves its documents to this thread: same output', { timeout: 60_000 }, async () => {
    const ws = await makeWorkspace();
    const dying = join(dir, 'dying-worker.mjs');
    writeFileSync(dying, 'process.exit(3);\n');
    const one = await exportOnce(ws, join(dir, 'one.jsonl'), { workerPath: null });
    const dead = await exportOnce(ws, join(dir, 'dead.jsonl'), { workerPath: dying, workers: 2 });
    expect(dead.text).toBe(one.text);
    expect(dead.readHere).toEqual(one.readHere);
    expect(dead.summary.failed).toEqual(one.summary.failed);
  });

  it('a document in memory is exported from memory, not from its file', { timeout: 60_000 }, async () => {
    const ws = await makeWorkspace();
    const disk = new FailingFs();
    const store = await WorkspaceStore.open(ws, { app: 'desktop', fs: disk.fs });
    try {
      disk.errno = 'ENOSPC'; // the change stays in memory only
      const saved = store.updateDocument('doc-3', (d) => {
        Object.values(d.reviews)[0].note = '未保存的修改';
      });
      await expect(saved).rejects.toMatchObject({ code: 'store-disk-full' });
      expect(readFileSync(join(ws, '.report-annotator', 'work', 'local', 'doc-3.json'), 'utf8')).not.toContain('未保存的修改');
      const s = await exportWorkspace(store, { format: 'jsonl', filter: 'all', out: join(dir, 'mem.jsonl'), parallel: { workerPath, workers: 2, minDocuments: 1 } });
      expect(s.threads).toBe(2);
      const doc3 = importJsonl(readFileSync(join(dir, 'mem.jsonl'), 'utf8').trimEnd().split('\n')).documents.find((d) => d.id === 'doc-3');
      expect(Object.values(doc3?.reviews ?? {}).map((r) => r.note)).toContain('未保存的修改');
    } finally {
      await store.close({ discardUnsaved: true });
    }
  });
});
