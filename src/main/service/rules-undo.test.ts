// undo-s6: one undo step reverts a workspace "apply to all like this" in every report of it.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/api';
import { batchOf } from '../../core/review';
import type { DocumentFile } from '../../core/store-schema';
import { WorkspaceStore } from '../store';
import { nodeFs, type StoreFs } from '../store/fs-layer';
import { STORE_DIR } from '../store/layout';
import { reviewStep } from './rules-undo';
import { ok, testBackends } from './test-backends';

const { backend, closeAll } = testBackends();
afterEach(closeAll);
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

// 召开常委会会议 … #次 in three reports (twice in a); 主任会议23次 and 听取报告8次 are not like it
const A = '\n\n推动三次产业融合，召开常委会会议9次，主任会议23次。\n\n下半年，召开常委会会议5次。\n';
const B = '\n\n三次产业协调发展。召开常委会会议12次，听取报告8次。\n';
const C = '\n\n一年来，召开常委会会议15次。\n';

async function workspace() {
  const ud = tmp('ra-undo-ud-');
  const ws = tmp('ra-undo-ws-');
  writeFileSync(join(ws, 'a.txt'), A);
  writeFileSync(join(ws, 'b.txt'), B);
  writeFileSync(join(ws, 'c.txt'), C);
  const b = backend(ud, ws);
  await ok(b, 'workspaceGet', {});
  await b.refreshed();
  const view = (await ok(b, 'workspaceGet', {}))!;
  const ids = Object.fromEntries(view.documents.map((d) => [d.name, d.id])) as Record<'a.txt' | 'b.txt' | 'c.txt', string>;
  const fig = async (name: keyof typeof ids, text: string) => (await ok(b, 'documentGet', { id: ids[name] })).findings.find((f) => f.type === 'figure' && f.data.text === text)!.id;
  const status = async (name: keyof typeof ids, text: string) => (await ok(b, 'documentGet', { id: ids[name] })).reviews[await fig(name, text)]?.status ?? 'suggested';
  return { b, ud, ws, ids, fig, status };
}

/** reject 9次 in a, then apply it to every figure like it in the workspace */
async function rejectEverywhere(w: Awaited<ReturnType<typeof workspace>>): Promise<ApiResponse<'likeApply'>> {
  const nine = await w.fig('a.txt', '9次');
  await ok(w.b, 'reviewApply', { documentId: w.ids['a.txt'], action: { type: 'setStatus', findingIds: [nine], status: 'rejected' } });
  const applied = await ok(w.b, 'likeApply', { documentId: w.ids['a.txt'], findingId: nine, scope: 'workspace' });
  expect(applied).toMatchObject({ count: 3, documents: 3, failed: [] });
  return applied;
}

const tops = (d: DocumentFile) => ({ undo: batchOf(d.history.undo.at(-1))?.id ?? null, redo: batchOf(d.history.redo.at(-1))?.id ?? null });

describe('undo of a workspace apply-to-all', () => {
  it('one undo in any report of the batch reverts it in every report, with how many findings in how many reports; redo makes it again', async () => {
    const w = await workspace();
    await rejectEverywhere(w);
    expect([await w.status('a.txt', '5次'), await w.status('b.txt', '12次'), await w.status('c.txt', '15次')]).toEqual(['rejected', 'rejected', 'rejected']);
    // Ctrl+Z in b (not the report it was applied from)
    const undone = await ok(w.b, 'reviewUndo', { documentId: w.ids['b.txt'] });
    expect(undone.batch).toEqual({ findings: 3, documents: 3, kept: 0 });
    expect([await w.status('a.txt', '5次'), await w.status('b.txt', '12次'), await w.status('c.txt', '15次')]).toEqual(['suggested', 'suggested', 'suggested']);
    // the analyst's own decision in a is its own step: still there, and the next undo in a reverts it alone
    expect(await w.status('a.txt', '9次')).toBe('rejected');
    const own = await ok(w.b, 'reviewUndo', { documentId: w.ids['a.txt'] });
    expect(own.batch).toBeUndefined();
    expect(await w.status('a.txt', '9次')).toBe('suggested');
    await ok(w.b, 'reviewRedo', { documentId: w.ids['a.txt'] });
    // redo from c makes the whole batch again
    const redone = await ok(w.b, 'reviewRedo', { documentId: w.ids['c.txt'] });
    expect(redone.batch).toEqual({ findings: 3, documents: 3, kept: 0 });
    expect([await w.status('a.txt', '5次'), await w.status('b.txt', '12次'), await w.status('c.txt', '15次')]).toEqual(['rejected', 'rejected', 'rejected']);
    // the counts in the index follow
    const meta = (await ok(w.b, 'workspaceGet', {}))!.documents.find((d) => d.id === w.ids['c.txt'])!;
    expect(meta.counts.reviewed).toBe(1);
  });

  it('a report where the analyst made another step since keeps its part; an undo there reverts that step only', async () => {
    const w = await workspace();
    await rejectEverywhere(w);
    await ok(w.b, 'reviewApply', { documentId: w.ids['c.txt'], action: { type: 'setNote', findingId: await w.fig('c.txt', '15次'), note: 'checked' } });
    const undone = await ok(w.b, 'reviewUndo', { documentId: w.ids['a.txt'] });
    expect(undone.batch).toEqual({ findings: 2, documents: 2, kept: 1 });
    expect([await w.status('a.txt', '5次'), await w.status('b.txt', '12次'), await w.status('c.txt', '15次')]).toEqual(['suggested', 'suggested', 'rejected']);
    const inC = await ok(w.b, 'reviewUndo', { documentId: w.ids['c.txt'] });
    expect(inC.batch).toBeUndefined();
    expect((await ok(w.b, 'documentGet', { id: w.ids['c.txt'] })).reviews[await w.fig('c.txt', '15次')].note).toBe('');
  });

  it('a report-wide apply is one ordinary step; a step stored without a batch (older versions) undoes its report alone', async () => {
    const w = await workspace();
    const nine = await w.fig('a.txt', '9次');
    await ok(w.b, 'reviewApply', { documentId: w.ids['a.txt'], action: { type: 'setStatus', findingIds: [nine], status: 'rejected' } });
    await ok(w.b, 'likeApply', { documentId: w.ids['a.txt'], findingId: nine, scope: 'report' });
    const doc = await ok(w.b, 'documentGet', { id: w.ids['a.txt'] });
    expect(doc.canUndo).toBe(true);
    expect((await ok(w.b, 'reviewUndo', { documentId: w.ids['a.txt'] })).batch).toBeUndefined();
    expect(await w.status('a.txt', '5次')).toBe('suggested');
    expect(await w.status('a.txt', '9次')).toBe('rejected');

    // a workspace batch whose entries an older version wrote (no `batch` key): each report undoes alone
    await ok(w.b, 'reviewRedo', { documentId: w.ids['a.txt'] });
    await ok(w.b, 'reviewUndo', { documentId: w.ids['a.txt'] }); // back to the reject alone
    await ok(w.b, 'likeApply', { documentId: w.ids['a.txt'], findingId: nine, scope: 'workspace' });
    await w.b.close();
    const workDir = join(w.ws, STORE_DIR, 'work');
    const analyst = readdirSync(workDir)[0];
    for (const name of readdirSync(join(workDir, analyst)).filter((n) => n.endsWith('.json'))) {
      const file = join(workDir, analyst, name);
      const work = JSON.parse(readFileSync(file, 'utf8'));
      for (const e of work.history.undo) delete e.batch;
      writeFileSync(file, JSON.stringify(work));
    }
    const b2 = backend(w.ud, w.ws);
    await ok(b2, 'workspaceGet', {});
    await b2.refreshed();
    const undone = await ok(b2, 'reviewUndo', { documentId: w.ids['b.txt'] });
    expect(undone.batch).toBeUndefined();
    const st = async (id: string) => {
      const d = await ok(b2, 'documentGet', { id });
      return d.findings.filter((f) => f.type === 'figure' && /^(5|12|15)次$/.test(f.data.text)).map((f) => d.reviews[f.id]?.status ?? 'suggested');
    };
    expect([...(await st(w.ids['a.txt'])), ...(await st(w.ids['b.txt'])), ...(await st(w.ids['c.txt']))]).toEqual(['rejected', 'suggested', 'rejected']);
  });

  it('a crash in the middle leaves each report either reverted or not, and the same undo again finishes the batch', async () => {
    const w = await workspace();
    await rejectEverywhere(w);
    const home = w.ids['a.txt'];
    await w.b.close();
    const analyst = readdirSync(join(w.ws, STORE_DIR, 'work'))[0];
    const batchId = tops(JSON.parse(readFileSync(join(w.ws, STORE_DIR, 'work', analyst, `${home}.json`), 'utf8')) as DocumentFile).undo;
    expect(batchId).toMatch(/^b-/);
    // the file system dies (as the process would) when the second work file is being written
    let works = 0;
    let dead = false;
    const dying: StoreFs = {
      ...nodeFs,
      create: async (path) => {
        if (path.includes(`${join(STORE_DIR, 'work')}`) && ++works === 2) dead = true;
        if (dead) throw Object.assign(new Error('EIO: simulated kill'), { code: 'EIO' });
        return nodeFs.create(path);
      },
      rename: async (from, to) => {
        if (dead) throw Object.assign(new Error('EIO: simulated kill'), { code: 'EIO' });
        return nodeFs.rename(from, to);
      },
    };
    const store = await WorkspaceStore.open(w.ws, { app: 'serve', analyst: { id: analyst, name: analyst }, fs: dying, retryMs: 600_000 });
    await expect(reviewStep(store, home, 'undo')).rejects.toThrow();
    await store.close({ discardUnsaved: true }).catch(() => undefined);

    // what is on disk: every report is wholly before or wholly after the undo
    const again = await WorkspaceStore.open(w.ws, { app: 'serve', analyst: { id: analyst, name: analyst } });
    const states: string[] = [];
    for (const name of ['a.txt', 'b.txt', 'c.txt'] as const) {
      const d = await again.readDocument(w.ids[name]);
      const batchFindings = d.findings.filter((f) => f.type === 'figure' && /^(5|12|15)次$/.test(f.data.text));
      const rejected = batchFindings.map((f) => d.reviews[f.id]?.status === 'rejected');
      const t = tops(d);
      if (t.undo === batchId) {
        expect(rejected.every(Boolean)).toBe(true);
        states.push('applied');
      } else {
        expect(t.redo).toBe(batchId);
        expect(rejected.some(Boolean)).toBe(false);
        states.push('reverted');
      }
    }
    // one report was reverted before the kill; the home report (reverted last) was not
    expect(states.filter((s) => s === 'reverted')).toHaveLength(1);
    expect(states[0]).toBe('applied');
    const finished = await reviewStep(again, home, 'undo');
    expect(finished.batch).toEqual({ findings: 2, documents: 2, kept: 0 });
    for (const name of ['a.txt', 'b.txt', 'c.txt'] as const) expect(tops(await again.readDocument(w.ids[name])).redo).toBe(batchId);
    await again.close();
  });
});
