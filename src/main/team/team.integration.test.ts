/**
 * Issue 14 item 8, end to end: two Syncthing instances on 127.0.0.1 (harness.ts: discovery,
 * relays, NAT and usage reports off before the first start), two workspaces, two backends (the
 * app's service, each with its own analyst). The apps ask their Syncthing to scan each work
 * file they write; the other side's watcher pushes teamChanged. Every wait is on an event or on
 * Syncthing's REST API, bounded; no sleeps. Every Syncthing started is stopped in afterAll.
 */
import { execSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse } from '../../core/api';
import { type Backend, createBackend } from '../service/backend';
import { call } from '../service/dispatch';
import { type SyncthingInstance, type SyncthingPair, startSyncthingPair, syncthingInstalled } from './harness';
import { waitSynced } from './syncthing';

const INSTALLED = syncthingInstalled();
if (!INSTALLED) console.warn('SKIP team integration test: `syncthing` is not installed (apt-get install syncthing)');

const load = () => execSync('uptime').toString().trim().replace(/^.*load/, 'load');
const SAMPLES = resolve(__dirname, '../../../resources/samples');
const log = { error: (m: string, c?: unknown) => console.error(m, c) };

async function ok<M extends ApiMethod>(b: Backend, method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
  const r = await call(b.handlers, method, req);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Resolves with the first teamChanged that satisfies `pred` (rejects after `timeoutMs`). */
function teamChanged(b: Backend, pred: (e: ApiEvent<'teamChanged'>) => boolean, timeoutMs = 60_000): Promise<ApiEvent<'teamChanged'>> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      off();
      rej(new Error(`no teamChanged within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = b.onEvent((n, p) => {
      if (n === 'teamChanged' && pred(p as ApiEvent<'teamChanged'>)) {
        clearTimeout(timer);
        off();
        res(p as ApiEvent<'teamChanged'>);
      }
    });
  });
}

const REPORTS = Array.from({ length: 8 }, (_, i) => [`r${i}.txt`, `\n\n第${i + 1}份报告：召开会议${i + 3}次，审议法规草案${i + 12}件，满意率达9${i}.5%。\n`] as const);

describe.skipIf(!INSTALLED)('a team on two machines through real Syncthing', { timeout: 240_000 }, () => {
  let root = '';
  let pair: SyncthingPair;
  let A: Backend;
  let B: Backend;
  const ids: Record<string, string> = {};
  let annId = '';
  let bobId = '';

  const sync = (from: SyncthingInstance, to: SyncthingInstance, timeoutMs = 60_000) => waitSynced({ writer: from.client, reader: to.client, readerId: to.deviceId, folder: pair.folderId, timeoutMs });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'st-app-'));
    pair = await startSyncthingPair(root);
    // the reports travel with the folder
    for (const [name, text] of REPORTS) await writeFile(join(pair.a.folderPath, name), text);
    await sync(pair.a, pair.b);
    const mk = (side: SyncthingInstance, name: string) =>
      createBackend({ mode: 'browser', app: 'serve', samplesDir: SAMPLES, userDataDir: join(root, `${name}-userdata`), workspaceDir: side.folderPath, log, version: '2.0.0-test', workerPath: null, syncthing: async () => side.client });
    A = mk(pair.a, 'ann');
    B = mk(pair.b, 'bob');
    for (const [b, name] of [[A, 'ann'], [B, 'bob']] as const) {
      await ok(b, 'workspaceGet', {});
      await b.refreshed();
      const me = await ok(b, 'identitySet', { name });
      if (name === 'ann') annId = me.id;
      else bobId = me.id;
    }
    const wa = (await ok(A, 'workspaceGet', {}))!;
    const wb = (await ok(B, 'workspaceGet', {}))!;
    for (const d of wa.documents) ids[d.name] = d.id;
    expect(wb.documents.map((d) => d.id).sort()).toEqual(Object.values(ids).sort()); // one report, one id, on both machines
  }, 240_000);

  afterAll(async () => {
    await A?.close();
    await B?.close();
    const pids = [pair?.a.proc?.pid, pair?.b.proc?.pid].filter((p): p is number => !!p);
    await pair?.stop();
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    if (root) await rm(root, { recursive: true, force: true });
  }, 60_000);

  const figuresOf = async (b: Backend, id: string) => (await ok(b, 'documentGet', { id })).findings.filter((f) => f.type === 'figure' && f.data.kind !== 'name');

  it('two analysts review one report: each sees the other’s layer, the same agreement, and an adjudication', async () => {
    const id = ids['r0.txt']!;
    const figs = await figuresOf(A, id);
    expect(figs.length).toBeGreaterThanOrEqual(3);
    const [f0, f1, f2] = figs as [(typeof figs)[0], (typeof figs)[0], (typeof figs)[0]];
    const bSees = teamChanged(B, (e) => e.analysts.includes(annId) && e.documentIds.includes(id));
    const t0 = Date.now();
    await ok(A, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [f0.id, f2.id], status: 'accepted' } });
    await ok(A, 'reviewApply', { documentId: id, action: { type: 'setFields', findingId: f1.id, fields: { value: 4 } } });
    await bSees;
    const msAB = Date.now() - t0;
    const aSees = teamChanged(A, (e) => e.analysts.includes(bobId) && e.documentIds.includes(id));
    const t1 = Date.now();
    await ok(B, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [f0.id], status: 'rejected' } });
    await ok(B, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [f1.id, f2.id], status: 'accepted' } });
    await aSees;
    console.log(`review → teammate's teamChanged: A→B ${msAB} ms, B→A ${Date.now() - t1} ms (app scans after each write; ${load()})`);
    // the last write of each may still be on its way: wait until both folders are in sync
    await sync(pair.a, pair.b);
    await sync(pair.b, pair.a);
    for (const [b, other, otherName] of [[A, bobId, 'bob'], [B, annId, 'ann']] as const) {
      const layers = await ok(b, 'teamLayers', { documentId: id });
      expect(layers.layers.find((l) => l.analyst === other)).toMatchObject({ name: otherName, reviewed: 3, unreadable: false });
    }
    const onB = (await ok(B, 'teamLayers', { documentId: id })).decisions;
    expect(onB[f1.id]!.find((d) => d.analyst === annId)).toMatchObject({ status: 'corrected', value: 4 });
    expect(onB[f0.id]!.map((d) => [d.analyst, d.status]).sort()).toEqual([[annId, 'accepted'], [bobId, 'rejected']].sort());
    const [ga, gb] = [await ok(A, 'teamAgreement', {}), await ok(B, 'teamAgreement', {})];
    const fa = ga.pairs[0]!.byKind.all!;
    // ann asserts 3, bob 2, all of bob's match ann's (f1 corrected keeps its kind and span) → F1 = 4/5
    expect(fa.f1).toBeCloseTo(4 / 5);
    // both machines order the analysts by id: the same pair, the same way round, the same figures (team-s6)
    expect(ga.analysts).toEqual([annId, bobId].sort());
    expect(gb.analysts).toEqual(ga.analysts);
    expect(gb.pairs).toEqual(ga.pairs);
    expect(gb.matrices).toEqual(ga.matrices);
    // bob adjudicates; ann sees the adjudicated layer
    const aAdj = teamChanged(A, (e) => e.documentIds.includes(id) && !e.analysts.includes(bobId));
    await ok(B, 'teamAdjudicate', { documentId: id, item: f0.id, choice: { take: annId } });
    const q = await ok(B, 'teamAdjudicate', { documentId: id, item: f1.id, choice: { take: bobId } });
    expect(q.counts).toMatchObject({ open: 0, resolved: 2 });
    await aAdj;
    await sync(pair.b, pair.a);
    const qa = await ok(A, 'teamAdjudicationQueue', { documentId: id });
    expect(qa.adjudicatedBy).toBe(bobId);
    expect(qa.counts).toEqual(q.counts);
  });

  it('the team page’s status comes from the running Syncthing; a mistyped device id is a clear error', async () => {
    const st = await ok(A, 'teamStatus', {});
    expect(st).toMatchObject({ syncthing: 'running', errorCode: null, deviceId: pair.a.deviceId, folderId: pair.folderId, folderShared: true, scanAfterWrite: true });
    expect(st.devices).toEqual([expect.objectContaining({ deviceId: pair.b.deviceId, connected: true })]);
    const r = await call(A.handlers, 'teamAddDevice', { deviceId: pair.b.deviceId.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(r.ok ? null : r.error.code).toBe('syncthing-bad-device-id');
    // sharing again with the same device is a no-op that keeps the folder id
    expect((await ok(A, 'teamShareFolder', { devices: [pair.b.deviceId] })).folderId).toBe(pair.folderId);
  });

  it('B’s Syncthing killed mid-sync and started again: nothing is lost', async () => {
    const before = await ok(B, 'teamLayers', { documentId: ids['r0.txt']! });
    // ann reviews every other report; B's Syncthing dies while they travel
    const expected: Record<string, number> = {};
    const rest = REPORTS.slice(1).map(([n]) => ids[n]!);
    for (const [i, id] of rest.entries()) {
      const figs = await figuresOf(A, id);
      await ok(A, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: figs.map((f) => f.id), status: 'accepted' } });
      expected[id] = figs.length;
      if (i === 1) await pair.b.kill();
    }
    expect(pair.b.proc).toBeNull();
    // and bob keeps working while his Syncthing is down
    const id0 = ids['r0.txt']!;
    const f = (await figuresOf(B, id0)).at(-1)!;
    await ok(B, 'reviewApply', { documentId: id0, action: { type: 'setNote', findingId: f.id, note: '离线时所写' } });
    const t0 = Date.now();
    await pair.b.start();
    await sync(pair.a, pair.b, 120_000);
    await sync(pair.b, pair.a, 120_000);
    console.log(`restart after kill -9 and catch-up: ${Date.now() - t0} ms (${load()})`);
    for (const id of rest) {
      const layers = await ok(B, 'teamLayers', { documentId: id });
      expect(layers.layers.find((l) => l.analyst === annId)).toMatchObject({ reviewed: expected[id], unreadable: false });
    }
    const after = await ok(B, 'teamLayers', { documentId: id0 });
    expect(after.layers).toEqual(before.layers); // nothing of either layer lost
    const onA = await ok(A, 'teamLayers', { documentId: id0 });
    expect(onA.decisions[f.id]!.find((d) => d.analyst === bobId)!.note).toBe('离线时所写');
    expect((await ok(B, 'teamAgreement', {})).pairs[0]!.documents).toBe(1); // only r0 has both layers
  });
});
