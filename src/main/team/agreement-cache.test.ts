/**
 * The machine-local agreement cache (./agreement-cache.ts, team-s6): on generated data — three
 * analysts on three machines, random decisions and corrected values, one report whose text
 * differs on the observing machine (the teammates' work on it re-anchored) — the figures given
 * through the cache equal a full recomputation from the files: on the first call, in a later
 * session read from the cache, after work files changed behind it (same size, mtime put back),
 * and with the cache damaged, truncated, made for another folder, or well-formed but holding
 * another workspace's entries or numbers that do not add up.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../core/api';
import { computeAgreement } from '../../core/team';
import { rng } from '../../core/team/testing';
import { type Backend, createBackend } from '../service/backend';
import { call } from '../service/dispatch';
import { WorkspaceStore } from '../store';
import { AGREEMENT_CACHE_NAME } from './agreement-cache';
import { SyncthingError } from './syncthing';
import { TeamWorkspace } from './workspace';

const SAMPLES = resolve(__dirname, '../../../resources/samples');
const log = { error: (m: string, c?: unknown) => console.error(m, c) };
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const open: Backend[] = [];
const stores: WorkspaceStore[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
  for (const s of stores.splice(0)) await s.close();
});

async function ok<M extends ApiMethod>(b: Backend, method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
  const r = await call(b.handlers, method, req);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** a report of figures of several kinds (counts, percents, amounts) */
function report(random: () => number, n: number): string {
  const out = ['\n\n'];
  for (let i = 0; i < n; i++) {
    const x = 1 + Math.floor(random() * 90);
    out.push(`全年新建学校${x}所，增长${(random() * 20).toFixed(1)}%，完成投资${x * 3}亿元，改造道路${x + 7}条。\n\n`);
  }
  return out.join('');
}

const REPORTS = 5;
const workRel = (id: string, docId: string) => `.report-annotator/work/${id}/${docId}.json`;

/** Three analysts' work on generated reports, delivered to the observer's folder (bob's); report r0's text differs there. */
async function generated(seed: number) {
  const random = rng(seed);
  const texts = Array.from({ length: REPORTS }, () => report(random, 6));
  const names = ['ann', 'bob', 'cy'];
  const machines = [];
  for (const name of names) {
    const dir = tmp(`ra-agc-${name}-`);
    texts.forEach((t, i) => writeFileSync(join(dir, `r${i}.txt`), name === 'bob' && i === 0 ? `${t}附记：本报告回顾全年工作，共计8项。\n` : t));
    const b = createBackend({ mode: 'browser', app: 'serve', samplesDir: SAMPLES, userDataDir: tmp(`ra-agc-ud-${name}-`), workspaceDir: dir, log, version: '2.0.0-test', workerPath: null, syncthing: async () => Promise.reject(new SyncthingError('syncthing-not-configured', 'no config')) });
    open.push(b);
    await ok(b, 'workspaceGet', {});
    await b.refreshed();
    const me = await ok(b, 'identitySet', { name });
    machines.push({ name, b, dir, me });
  }
  for (const m of machines) {
    for (const d of (await ok(m.b, 'workspaceGet', {}))!.documents) {
      const doc = await ok(m.b, 'documentGet', { id: d.id });
      for (const f of doc.findings) {
        const r = random();
        if (r < 0.25) continue;
        if (r < 0.35 && f.type === 'figure' && typeof f.data.value === 'number') {
          await ok(m.b, 'reviewApply', { documentId: d.id, action: { type: 'setFields', findingId: f.id, fields: { value: f.data.value + Math.floor(random() * 3) } } });
          continue;
        }
        await ok(m.b, 'reviewApply', { documentId: d.id, action: { type: 'setStatus', findingIds: [f.id], status: r < 0.8 ? 'accepted' : 'rejected' } });
      }
    }
  }
  for (const b of open.splice(0)) await b.close();
  const [ann, bob, cy] = machines as [(typeof machines)[0], (typeof machines)[0], (typeof machines)[0]];
  const docIds = (await WorkspaceStore.open(bob.dir, { app: 'cli', readOnly: true, analyst: { id: '_reader', name: 'r' } }).then(async (s) => {
    const ids = [...s.workspace().documents].sort((x, y) => (x.name < y.name ? -1 : 1)).map((d) => d.id); // r0 first
    await s.close();
    return ids;
  })) as string[];
  for (const other of [ann, cy]) for (const id of docIds) cpSync(join(other.dir, workRel(other.me.id, id)), join(bob.dir, workRel(other.me.id, id)), { preserveTimestamps: true });
  return { bob, ids: [ann.me.id, bob.me.id, cy.me.id].sort(), docIds, analystIds: { ann: ann.me.id, cy: cy.me.id } };
}

/** A new session on the folder (a new store and team workspace: nothing in memory); the previous one is closed first (the lock). */
async function session(dir: string, me: { id: string; name: string }) {
  for (const s of stores.splice(0)) await s.close();
  const store = await WorkspaceStore.open(dir, { app: 'cli', analyst: me });
  stores.push(store);
  return new TeamWorkspace(dir, store, undefined, 'test-build');
}

/** What the cache must give: agreement recomputed from every file, nothing kept. */
async function fromScratch(team: TeamWorkspace, ids: string[]) {
  return computeAgreement(await team.agreementDocuments(), ids, { perDocumentKinds: 'all' });
}

function rewriteCache(file: string, edit: (head: Record<string, unknown>, rest: Buffer) => Buffer): void {
  const bytes = readFileSync(file);
  const nl = bytes.indexOf(0x0a);
  const head = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as Record<string, unknown>;
  const rest = edit(head, Buffer.from(bytes.subarray(nl + 1)));
  head.sha256 = createHash('sha256').update(rest).digest('hex');
  writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), rest]));
}

describe('the agreement cache', () => {
  it('gives the figures of a full recomputation: first call, next session, after work changed behind it, and from a damaged or foreign cache', async () => {
    const { bob, ids, docIds, analystIds } = await generated(1414);
    const cacheFile = join(bob.dir, '.report-annotator', 'cache', AGREEMENT_CACHE_NAME);

    // first session: nothing kept yet
    let team = await session(bob.dir, bob.me);
    const full = await fromScratch(team, ids);
    expect(full.perDocument.length).toBe(REPORTS);
    expect(full.pairs.every((p) => p.documents === REPORTS)).toBe(true);
    const first = await team.agreement(ids, { perDocumentKinds: 'all' });
    expect(first.report).toEqual(full);
    expect([first.fromCache, first.documents, team.agreementCacheState()]).toEqual([0, REPORTS, 'missing']);
    await team.agreementCacheSaved();
    // the teammates' work on r0 was made on another text: carried to this one (its reviews placed, not orphaned)
    const r0 = await team.documentLayers(docIds[0]!);
    expect(r0.layers.filter((l) => l.otherVersion).map((l) => l.analyst).sort()).toEqual([analystIds.ann, analystIds.cy].sort());
    for (const l of r0.layers) expect(l.reviewed.length).toBeGreaterThan(5);

    // no temp file left beside it; one a crash left behind is removed when the store next opens the folder
    const cacheDir = join(bob.dir, '.report-annotator', 'cache');
    expect(readdirSync(cacheDir).filter((n) => n.includes(AGREEMENT_CACHE_NAME))).toEqual([AGREEMENT_CACHE_NAME]);
    writeFileSync(join(cacheDir, `.${AGREEMENT_CACHE_NAME}.99999.1.tmp`), 'half');

    // next session: every report from the cache, the same figures
    team = await session(bob.dir, bob.me);
    expect(readdirSync(cacheDir).filter((n) => n.includes(AGREEMENT_CACHE_NAME))).toEqual([AGREEMENT_CACHE_NAME]);
    const next = await team.agreement(ids, { perDocumentKinds: 'all' });
    expect([next.fromCache, team.agreementCacheState()]).toEqual([REPORTS, 'ok']);
    expect(next.report).toEqual(full);
    // every kind per report as well (the CLI's form), from the same cache
    expect((await team.agreement(ids)).report).toEqual(computeAgreement(await team.agreementDocuments(), ids));

    // ann's work on r1 changes behind the cache: one decision accepted → rejected, in place (the same size), the mtime put back
    const annFile = join(bob.dir, workRel(analystIds.ann, docIds[1]!));
    const before = statSync(annFile);
    const w = JSON.parse(readFileSync(annFile, 'utf8')) as { reviews: Record<string, { status: string }> };
    Object.values(w.reviews).find((r) => r.status === 'accepted')!.status = 'rejected';
    writeFileSync(annFile, JSON.stringify(w));
    utimesSync(annFile, before.atime, before.mtime);
    expect([statSync(annFile).size, statSync(annFile).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    team = await session(bob.dir, bob.me);
    const changed = await team.agreement(ids, { perDocumentKinds: 'all' });
    expect(changed.fromCache).toBe(REPORTS - 1);
    expect(changed.report).toEqual(await fromScratch(team, ids));
    const r1 = (r: typeof full) => r.perDocument.find((d) => d.docId === docIds[1]);
    expect(r1(changed.report)).not.toEqual(r1(full)); // the change shows
    await team.agreementCacheSaved();
    // another change in the same session (cy's work on r3, as a sync delivers it): the cache file is written again at most every 10 s, or when the workspace closes
    const written = statSync(cacheFile).mtimeMs;
    const cyFile = join(bob.dir, workRel(analystIds.cy, docIds[3]!));
    const cw = JSON.parse(readFileSync(cyFile, 'utf8')) as { reviews: Record<string, { status: string }> };
    Object.values(cw.reviews).find((r) => r.status === 'accepted')!.status = 'rejected';
    writeFileSync(`${cyFile}.tmp`, JSON.stringify(cw));
    renameSync(`${cyFile}.tmp`, cyFile);
    const again = await team.agreement(ids, { perDocumentKinds: 'all' });
    const fullChanged = await fromScratch(team, ids);
    expect([again.fromCache, again.report]).toEqual([REPORTS - 1, fullChanged]);
    await team.agreementCacheSaved();
    expect(statSync(cacheFile).mtimeMs).toBe(written);
    await team.flushAgreementCache();
    expect(statSync(cacheFile).mtimeMs).not.toBe(written);

    const check = async (state: string, fromCache: number) => {
      const t = await session(bob.dir, bob.me);
      const r = await t.agreement(ids, { perDocumentKinds: 'all' });
      expect([t.agreementCacheState(), r.fromCache]).toEqual([state, fromCache]);
      expect(r.report).toEqual(fullChanged);
      await t.agreementCacheSaved();
    };
    const good = readFileSync(cacheFile);
    // a flipped byte in the numbers (the hash no longer matches)
    const flipped = Buffer.from(good);
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0x40;
    writeFileSync(cacheFile, flipped);
    await check('damaged', 0);
    // truncated, and not a cache at all
    writeFileSync(cacheFile, good.subarray(0, good.length - 100));
    await check('damaged', 0);
    writeFileSync(cacheFile, '{"not": "a cache"}');
    await check('damaged', 0);
    // made for another folder (a copy of the workspace, mtimes kept), as is: foreign
    const copy = tmp('ra-agc-copy-');
    cpSync(bob.dir, copy, { recursive: true, preserveTimestamps: true });
    const other = await session(copy, bob.me);
    await other.agreement(ids, { perDocumentKinds: 'all' });
    await other.agreementCacheSaved();
    for (const s of stores.splice(0)) await s.close();
    const copyCache = join(copy, '.report-annotator', 'cache', AGREEMENT_CACHE_NAME);
    writeFileSync(cacheFile, readFileSync(copyCache));
    await check('foreign', 0);
    // the same, its header made to name this folder: well-formed, but every fingerprint is another file's (inodes)
    writeFileSync(cacheFile, readFileSync(copyCache));
    rewriteCache(cacheFile, (head, rest) => {
      head.dir = resolve(bob.dir);
      return rest;
    });
    await check('ok', 0);
    // the right fingerprints, one number changed so that a report's counts no longer add up: that report is computed again
    writeFileSync(cacheFile, good);
    rewriteCache(cacheFile, (head, rest) => {
      const index = JSON.parse(rest.subarray(0, head.indexLength as number).toString('utf8')) as { docs: Record<string, [string, number, number]> };
      const [, offset] = index.docs[docIds[2]!]!;
      expect(rest.readDoubleLE((head.indexLength as number) + (offset + 8) * 8)).toBeGreaterThan(0); // status pairs there
      const at = (head.indexLength as number) + (offset + 8 + 4) * 8; // r2, first pair, 'all', status: the first value's count
      rest.writeDoubleLE(rest.readDoubleLE(at) + 1, at);
      return rest;
    });
    await check('ok', REPORTS - 1);
  }, 120_000);

  it('the slim read of work files (./slim-work.ts) gives the figures of the full read: re-anchored work, edited and reformatted files, damaged files', async () => {
    const { bob, ids, docIds, analystIds } = await generated(77);
    const reference = async () => {
      TeamWorkspace.SLIM_WORK_READ = false;
      try {
        return await fromScratch(await session(bob.dir, bob.me), ids);
      } finally {
        TeamWorkspace.SLIM_WORK_READ = true;
      }
    };
    const compare = async () => {
      const full = await reference();
      const team = await session(bob.dir, bob.me);
      const cacheFile = join(bob.dir, '.report-annotator', 'cache', AGREEMENT_CACHE_NAME);
      writeFileSync(cacheFile, 'none'); // the first call on a machine: every report read
      const first = await team.agreement(ids, { perDocumentKinds: 'all' });
      expect(first.fromCache).toBe(0);
      expect(first.report).toEqual(full);
      expect(await fromScratch(team, ids)).toEqual(full);
      return full;
    };
    const base = await compare(); // r0: the teammates' work re-anchored to bob's text
    // ann's file on r1 reformatted by a tool (indented, a BOM) with one decision changed; cy's on r2 given a correction
    const annFile = join(bob.dir, workRel(analystIds.ann, docIds[1]!));
    const w = JSON.parse(readFileSync(annFile, 'utf8')) as { reviews: Record<string, { status: string; fields: Record<string, unknown> }> };
    Object.values(w.reviews).find((r) => r.status === 'accepted')!.status = 'rejected';
    writeFileSync(annFile, `\uFEFF${JSON.stringify(w, null, 2)}`);
    const cyFile = join(bob.dir, workRel(analystIds.cy, docIds[2]!));
    const cw = JSON.parse(readFileSync(cyFile, 'utf8')) as { reviews: Record<string, { status: string; fields: Record<string, unknown> }> };
    const fig = Object.entries(cw.reviews).find(([id, r]) => id.startsWith('fig:') && r.status === 'accepted')!;
    fig[1].status = 'corrected';
    fig[1].fields = { value: 123456 };
    writeFileSync(cyFile, JSON.stringify(cw));
    const edited = await compare();
    expect(edited).not.toEqual(base);
    // damaged: ann's file on r3 half written; cy's on r4 with a control character inside a note (JSON.parse refuses it): those layers unreadable in both reads
    const annR3 = join(bob.dir, workRel(analystIds.ann, docIds[3]!));
    writeFileSync(annR3, readFileSync(annR3).subarray(0, 900));
    const cyR4 = join(bob.dir, workRel(analystIds.cy, docIds[4]!));
    writeFileSync(cyR4, readFileSync(cyR4, 'utf8').replace('"note":"', '"note":"\u0007'));
    const damaged = await compare();
    expect(damaged).not.toEqual(edited);
    expect(damaged.perDocument.find((d) => d.docId === docIds[3])!.pairs.some((p) => p.a === analystIds.ann || p.b === analystIds.ann)).toBe(false);
  }, 120_000);

  it('warming in the background: an agreement asked while it runs reuses what it did and equals a full recomputation; a finished warming leaves every report in the cache; a cancelled one stops', async () => {
    const { bob, ids } = await generated(2024);
    const slice = TeamWorkspace.WARM_SLICE_MS;
    TeamWorkspace.WARM_SLICE_MS = 0; // yield before every report: the call below lands mid-way
    try {
      let team = await session(bob.dir, bob.me);
      const full = await fromScratch(team, ids);
      expect(full.perDocument.length).toBe(REPORTS);
      // asked after warming computed one report (its `cancelled` hook is asked before each report)
      let steps = 0;
      let midway!: () => void;
      const reached = new Promise<void>((r) => (midway = r));
      const warming = team.warmAgreement(ids, () => {
        if (++steps === 3) midway();
        return false;
      });
      await reached;
      const during = await team.agreement(ids, { perDocumentKinds: 'all' });
      const warmed = await warming;
      expect(during.report).toEqual(full);
      expect(warmed.complete).toBe(false); // it stopped: the call computed the rest
      expect(warmed.computed).toBeGreaterThanOrEqual(1);
      expect(during.fromCache).toBe(warmed.computed); // what warming did was reused, nothing twice
      expect(during.fromCache).toBeLessThan(REPORTS);
      await team.agreementCacheSaved();

      // a new session on a folder without a cache: warming goes through every report and saves; the call then reads only the cache
      const cacheFile = join(bob.dir, '.report-annotator', 'cache', AGREEMENT_CACHE_NAME);
      writeFileSync(cacheFile, 'gone');
      team = await session(bob.dir, bob.me);
      expect(await team.warmAgreement(ids)).toEqual({ computed: REPORTS, complete: true });
      expect(readFileSync(cacheFile, 'utf8').startsWith('{')).toBe(true); // written (a header line), not the junk left there
      const after = await team.agreement(ids, { perDocumentKinds: 'all' });
      expect([after.fromCache, after.report]).toEqual([REPORTS, full]);
      team = await session(bob.dir, bob.me);
      const next = await team.agreement(ids, { perDocumentKinds: 'all' });
      expect([next.fromCache, team.agreementCacheState(), next.report]).toEqual([REPORTS, 'ok', full]);

      // cancelled (the workspace closed) after one report: it stops there and writes nothing
      writeFileSync(cacheFile, 'gone');
      team = await session(bob.dir, bob.me);
      let asked = 0;
      expect(await team.warmAgreement(ids, () => ++asked > 2)).toEqual({ computed: 1, complete: false });
      expect(readFileSync(cacheFile, 'utf8')).toBe('gone');
      const rest = await team.agreement(ids, { perDocumentKinds: 'all' });
      expect([rest.fromCache, rest.report]).toEqual([1, full]);
    } finally {
      TeamWorkspace.WARM_SLICE_MS = slice;
    }
  }, 120_000);
});
