// undo-s6: the like-index narrows the reports a workspace preview reads, and is never wrong when a report changes
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { findLike, likeKey, likeModeOf } from '../../core/rules';
import { WorkspaceStore } from '../store';
import { FailingFs } from '../store/test-support';
import { STORE_DIR } from '../store/layout';
import { reviewDocument } from './documents';
import { LIKE_INDEX_NAME, likeIndexOf } from './rules-index';
import type { Backend } from './backend';
import { ok, testBackends } from './test-backends';

const { backend, closeAll } = testBackends();
afterEach(closeAll);
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

const TEXTS: Record<string, string> = {
  'a.txt': '\n\n推动三次产业融合，召开常委会会议9次，主任会议23次。\n',
  'b.txt': '\n\n三次产业协调发展。召开常委会会议12次，听取报告8次。\n',
  'c.txt': '\n\n一年来，召开常委会会议15次。\n',
  'd.txt': '\n\n全年听取报告6次，主任会议4次。\n',
};
const EXTRA = ['召开常委会会议7次。', '主任会议11次。', '听取报告3次。', '三次产业。'];

/** the findings like the decided one over every report, read in full (what the preview gave before the index) */
async function reference(b: Backend, ids: string[], documentId: string, findingId: string): Promise<number> {
  const docs = await Promise.all(ids.map(async (id) => ({ id, ...(await ok(b, 'documentGet', { id })) })));
  return findLike(docs, { documentId, findingId }).length;
}

/** The four reports imported through a backend: the folder, the backend, the report ids by name. */
async function imported(): Promise<{ ws: string; b: Backend; byName: Record<string, string> }> {
  const ws = tmp('ra-index-ws-');
  for (const [name, text] of Object.entries(TEXTS)) writeFileSync(join(ws, name), text);
  const b = backend(tmp('ra-index-ud-'), ws);
  await ok(b, 'workspaceGet', {});
  await b.refreshed();
  const byName = Object.fromEntries((await ok(b, 'workspaceGet', {}))!.documents.map((d) => [d.name, d.id]));
  return { ws, b, byName };
}

/** The same, the backend then closed (the store opened directly after): with the analyst's id. */
async function importedThenClosed(): Promise<{ ws: string; byName: Record<string, string>; analyst: string }> {
  const { ws, b, byName } = await imported();
  await b.close();
  const analyst = readdirSync(join(ws, STORE_DIR, 'work'), { withFileTypes: true }).find((e) => e.isDirectory())?.name ?? 'local';
  return { ws, byName, analyst };
}

describe('the like-index', () => {
  it('a workspace preview reads only the reports that may hold a finding like it, and counts what reading all of them counts as reports change (property)', async () => {
    const { ws, b, byName } = await imported();
    const ids = Object.values(byName);
    const a = await ok(b, 'documentGet', { id: byName['a.txt'] });
    const nine = a.findings.find((f) => f.type === 'figure' && f.data.text === '9次')!;
    await ok(b, 'reviewApply', { documentId: byName['a.txt'], action: { type: 'setFields', findingId: nine.id, fields: { metric: '召开常委会会议次数' } } });
    const preview = () => ok(b, 'likePreview', { documentId: byName['a.txt'], findingId: nine.id, scope: 'workspace' });
    expect((await preview()).count).toBe(2); // 12次 in b, 15次 in c
    expect((await preview()).count).toBe(await reference(b, ids, byName['a.txt'], nine.id));

    const step = fc.record({ doc: fc.constantFrom('b.txt', 'c.txt', 'd.txt'), what: fc.constantFrom('accept', 'reject', 'undo', 'rewrite'), extra: fc.constantFrom(...EXTRA), pick: fc.nat(20) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) {
          const id = byName[s.doc];
          if (s.what === 'rewrite') {
            // the report changed on disk and analysed again: new text, new findings
            writeFileSync(join(ws, s.doc), TEXTS[s.doc] + s.extra);
            await ok(b, 'rulesReanalyze', {});
          } else if (s.what === 'undo') {
            await ok(b, 'reviewUndo', { documentId: id });
          } else {
            const doc = await ok(b, 'documentGet', { id });
            const figs = doc.findings.filter((f) => f.type === 'figure');
            if (figs.length === 0) continue;
            await ok(b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [figs[s.pick % figs.length].id], status: s.what === 'accept' ? 'accepted' : 'rejected' } });
          }
        }
        expect((await preview()).count).toBe(await reference(b, ids, byName['a.txt'], nine.id));
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('reads a report again only when one of its files changed', async () => {
    const { ws, byName, analyst } = await importedThenClosed();
    const failing = new FailingFs();
    const store = await WorkspaceStore.open(ws, { app: 'serve', analyst: { id: analyst, name: analyst }, fs: failing.fs, retryMs: 600_000 });
    try {
      const a = await store.readDocument(byName['a.txt']);
      const nine = a.findings.find((f) => f.type === 'figure' && f.data.text === '9次')!;
      const key = likeKey(a.text, nine, likeModeOf(nine, { status: 'corrected', fields: { metric: 'x' } }));
      const others = ['b.txt', 'c.txt', 'd.txt'].map((n) => byName[n]);
      const index = likeIndexOf(store);
      expect(await index.candidates(key, others)).toEqual([byName['b.txt'], byName['c.txt']]);
      expect(index.lastRead).toBe(3);
      expect(await index.candidates(key, others)).toEqual([byName['b.txt'], byName['c.txt']]);
      expect(index.lastRead).toBe(0);
      // the analyst decides on 15次 in c: c is read again, and holds no undecided one any more
      const fifteen = (await store.readDocument(byName['c.txt'])).findings.find((f) => f.type === 'figure' && f.data.text === '15次')!;
      await reviewDocument(store, byName['c.txt'], () => ({ kind: 'apply', action: { type: 'setStatus', findingIds: [fifteen.id], status: 'accepted' }, ctx: { now: new Date().toISOString(), annotator: 't' } }));
      expect(await index.candidates(key, others)).toEqual([byName['b.txt']]);
      expect(index.lastRead).toBe(1);
      // a write the disk refused: the memory is ahead of the files, so the index is not used
      failing.errno = 'ENOSPC';
      await reviewDocument(store, byName['c.txt'], () => ({ kind: 'undo' })).catch(() => undefined);
      expect(await index.candidates(key, others)).toEqual(others);
      failing.errno = null;
      await store.flush();
      expect(await index.candidates(key, others)).toEqual([byName['b.txt'], byName['c.txt']]);
    } finally {
      await store.close({ discardUnsaved: true });
    }
  });

  it('s7: is kept on disk, so the next session reads only the reports that changed; a damaged or foreign file is ignored, never trusted', async () => {
    const { ws, byName, analyst } = await importedThenClosed();
    const others = ['b.txt', 'c.txt', 'd.txt'].map((n) => byName[n]);
    const session = async <T>(fn: (store: WorkspaceStore, key: string) => Promise<T>): Promise<T> => {
      const store = await WorkspaceStore.open(ws, { app: 'serve', analyst: { id: analyst, name: analyst } });
      try {
        const a = await store.readDocument(byName['a.txt']);
        const nine = a.findings.find((f) => f.type === 'figure' && f.data.text === '9次')!;
        return await fn(store, likeKey(a.text, nine, likeModeOf(nine, { status: 'corrected', fields: { metric: 'x' } })));
      } finally {
        await likeIndexOf(store).flush(); // the session's write lands before the next one starts
        await store.close();
      }
    };
    const both = [byName['b.txt'], byName['c.txt']];
    await session(async (store, key) => {
      const index = likeIndexOf(store);
      expect(await index.candidates(key, others)).toEqual(both);
      expect([index.loadState, index.lastRead]).toEqual(['missing', 3]);
      await index.flush();
    });
    const file = join(ws, STORE_DIR, 'cache', LIKE_INDEX_NAME);
    // the next session: nothing changed, nothing read
    await session(async (store, key) => {
      const index = likeIndexOf(store);
      expect(await index.candidates(key, others)).toEqual(both);
      expect([index.loadState, index.lastRead]).toEqual(['ok', 0]);
      // a decision on c in this session: c read again; saved for the next one
      const fifteen = (await store.readDocument(byName['c.txt'])).findings.find((f) => f.type === 'figure' && f.data.text === '15次')!;
      await reviewDocument(store, byName['c.txt'], () => ({ kind: 'apply', action: { type: 'setStatus', findingIds: [fifteen.id], status: 'accepted' }, ctx: { now: new Date().toISOString(), annotator: 't' } }));
      await store.flush();
      expect(await index.candidates(key, others)).toEqual([byName['b.txt']]);
      expect(index.lastRead).toBe(1);
      await index.flush();
    });
    // c's work file changed behind the index's back (a synced copy, another app): its stamp differs, c is read again
    const good = readFileSync(file);
    await session(async (store, key) => {
      const index = likeIndexOf(store);
      expect(await index.candidates(key, others)).toEqual([byName['b.txt']]);
      expect(index.lastRead).toBe(0);
      await reviewDocument(store, byName['c.txt'], () => ({ kind: 'undo' }));
      await store.flush();
    });
    await session(async (store, key) => {
      const index = likeIndexOf(store);
      expect(await index.candidates(key, others)).toEqual(both);
      expect(index.lastRead).toBe(1);
    });
    // damaged files: one byte changed, cut short, garbage, another folder's — ignored as a whole, every report read
    const text = good.toString('utf8');
    const nl = text.indexOf('\n');
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] ^= 1;
    const foreign = text.slice(0, nl).replace(JSON.stringify(ws).slice(1, -1), '/elsewhere') + text.slice(nl);
    for (const bad of [flipped, good.subarray(0, good.length - 7), Buffer.from('not an index'), Buffer.from(foreign)]) {
      writeFileSync(file, bad);
      await session(async (store, key) => {
        const index = likeIndexOf(store);
        expect(await index.candidates(key, others)).toEqual(both);
        expect([index.loadState, index.lastRead]).toEqual(['ignored', 3]);
      });
    }
  });
});
