import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../core/analyze';
import { type AnalystWork, buildDocument, effectiveFinding, emptyWork } from '../../core/document';
import { adjudicate, adjudicationItems, computeAgreement } from '../../core/team';
import type { Review } from '../../core/store-schema';
import { runTeam } from '../cli/team';
import { type SyncthingPair, startSyncthingPair, syncthingInstalled } from './harness';
import { SyncthingClient, SyncthingError, waitSynced } from './syncthing';

const INSTALLED = syncthingInstalled();
if (!INSTALLED) console.warn('SKIP Syncthing integration test: `syncthing` is not installed (apt-get install syncthing)');

const load = () => execSync('uptime').toString().trim().replace(/^.*load/, 'load');

/** Writes like the store: a temp file, then a rename (Syncthing never indexes the temp file). */
async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

const workFile = (root: string, analyst: string, doc: string) => join(root, '.report-annotator', 'work', analyst, `${doc}.json`);
const rel = (analyst: string, doc: string) => `.report-annotator/work/${analyst}/${doc}.json`;

describe.skipIf(!INSTALLED)('Syncthing: two instances on 127.0.0.1', { timeout: 180_000 }, () => {
  let root = '';
  let pair: SyncthingPair;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'st-team-'));
    pair = await startSyncthingPair(root);
    const t = pair.timings;
    console.log(`syncthing pair: generate ${t.generateMs} ms, start ${t.startMs} ms, connect+share ${t.connectMs} ms (${load()})`);
  }, 180_000);

  afterAll(async () => {
    const pids = [pair?.a.proc?.pid, pair?.b.proc?.pid].filter((p): p is number => !!p);
    await pair?.stop();
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    if (root) await rm(root, { recursive: true, force: true });
  }, 60_000);

  it('a work file written on A reaches B, waited for through REST; machine-local files stay home', async () => {
    const { a, b, folderId } = pair;
    const review = JSON.stringify({ reviews: { 'fig:0-2:count': { status: 'accepted', annotator: 'ann', updatedAt: new Date().toISOString() } } });
    // machine-local files first: they must never travel
    await writeAtomic(join(a.folderPath, '.report-annotator', 'cache', 'doc1.json'), '{"derived":true}');
    await writeFile(join(a.folderPath, '.report-annotator', 'lock'), String(process.pid));
    const t0 = Date.now();
    await writeAtomic(workFile(a.folderPath, 'ann', 'doc1'), review);
    await waitSynced({ writer: a.client, reader: b.client, readerId: b.deviceId, folder: folderId, sub: rel('ann', 'doc1') });
    const ms = Date.now() - t0;
    expect(await readFile(workFile(b.folderPath, 'ann', 'doc1'), 'utf8')).toBe(review);
    // a full scan of A, waited for: still nothing machine-local on B
    await waitSynced({ writer: a.client, reader: b.client, readerId: b.deviceId, folder: folderId });
    expect(existsSync(join(b.folderPath, '.report-annotator', 'cache'))).toBe(false);
    expect(existsSync(join(b.folderPath, '.report-annotator', 'lock'))).toBe(false);
    // and the other way round: B's analyst writes their own file
    const t1 = Date.now();
    await writeAtomic(workFile(b.folderPath, 'bob', 'doc1'), '{"reviews":{}}');
    await waitSynced({ writer: b.client, reader: a.client, readerId: a.deviceId, folder: folderId, sub: rel('bob', 'doc1') });
    expect(await readFile(workFile(a.folderPath, 'bob', 'doc1'), 'utf8')).toBe('{"reviews":{}}');
    console.log(`one work file A→B ${ms} ms, B→A ${Date.now() - t1} ms (scan + completion + status polling; ${load()})`);
  });

  it('B killed mid-sync and started again: nothing is lost', async () => {
    const { a, b, folderId } = pair;
    const files = Array.from({ length: 20 }, (_, i) => [`doc${i + 10}`, JSON.stringify({ n: i, pad: 'x'.repeat(2000 + i) })] as const);
    for (const [doc, text] of files) await writeAtomic(workFile(a.folderPath, 'ann', doc), text);
    await a.client.scan(folderId, '.report-annotator/work/ann');
    await b.kill();
    expect(b.proc).toBeNull();
    const t0 = Date.now();
    await b.start();
    await waitSynced({ writer: a.client, reader: b.client, readerId: b.deviceId, folder: folderId, timeoutMs: 60_000 });
    for (const [doc, text] of files) expect(await readFile(workFile(b.folderPath, 'ann', doc), 'utf8')).toBe(text);
    expect(await readFile(workFile(b.folderPath, 'ann', 'doc1'), 'utf8')).toContain('fig:0-2:count');
    console.log(`restart after kill -9 and catch-up of 20 files: ${Date.now() - t0} ms (${load()})`);
  });

  it('clear errors: wrong key, folder shared elsewhere, bad device id, nothing running', async () => {
    const { a, b } = pair;
    const wrongKey = new SyncthingClient({ url: `http://127.0.0.1:${a.guiPort}`, apiKey: 'nope' });
    await expect(wrongKey.myId()).rejects.toMatchObject({ code: 'syncthing-forbidden' });
    await expect(a.client.shareFolder({ id: 'other', path: join(a.folderPath, '.report-annotator'), devices: [b.deviceId] })).rejects.toMatchObject({ code: 'syncthing-folder-shared-elsewhere' });
    await expect(a.client.shareFolder({ id: pair.folderId, path: join(root, 'elsewhere'), devices: [b.deviceId] })).rejects.toMatchObject({ code: 'syncthing-folder-shared-elsewhere' });
    await expect(a.client.addDevice(b.deviceId.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'typo')).rejects.toBeInstanceOf(SyncthingError);
    // adding the same device again and sharing again are no-ops
    expect(await a.client.addDevice(b.deviceId.toLowerCase(), 'b')).toBe(b.deviceId);
    expect((await a.client.shareFolder({ id: pair.folderId, path: a.folderPath, devices: [b.deviceId] })).devices).toHaveLength(2);
    expect(await a.client.myId()).toBe(a.deviceId);
  });

  it('the team command talks to a running instance', async () => {
    const { a, b, folderId } = pair;
    const out: string[] = [];
    const io = { out: (x: string) => void out.push(x), err: (x: string) => void out.push(x) };
    expect(await runTeam({ sub: 'id', positionals: [] }, io, async () => a.client)).toBe(0);
    expect(out.join('')).toBe(`${a.deviceId}\n`);
    out.length = 0;
    expect(await runTeam({ sub: 'status', positionals: [], workspace: a.folderPath, folderId }, io, async () => a.client)).toBe(0);
    expect(out.join('')).toContain(`${b.deviceId}  connected  100.0% in sync`);
  });

  it('two analysts review one report on two machines: each sees the other’s layer, agreement and an adjudication', async () => {
    const { a, b, folderId } = pair;
    const text = '一年来，召开常委会会议9次，制定、修改地方性法规3件，依法任免国家机关工作人员43人（次）。\n收集意见建议5342件，满意率达97.5%。';
    const detectorFindings = analyzeText(text);
    const derived = buildDocument({ text, detectorFindings, work: emptyWork() }).findings.filter((f) => f.type === 'figure' && f.data.kind !== 'name');
    expect(derived.length).toBeGreaterThanOrEqual(4);
    const rev = (id: string, status: Review['status'], annotator: string, fields: Record<string, unknown> = {}): Review => ({ findingId: id, status, fields, tags: [], note: '', updatedAt: new Date().toISOString(), annotator, anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } });
    // ann accepts every figure; bob rejects the first and corrects the value of the second
    const annWork: AnalystWork = { ...emptyWork(), reviews: Object.fromEntries(derived.map((f) => [f.id, rev(f.id, 'accepted', 'ann')])) };
    const bobWork: AnalystWork = { ...emptyWork(), reviews: Object.fromEntries(derived.map((f, i) => [f.id, i === 0 ? rev(f.id, 'rejected', 'bob') : i === 1 ? rev(f.id, 'corrected', 'bob', { value: 4 }) : rev(f.id, 'accepted', 'bob')])) };
    await writeAtomic(workFile(a.folderPath, 'ann', 'report'), JSON.stringify(annWork));
    await writeAtomic(workFile(b.folderPath, 'bob', 'report'), JSON.stringify(bobWork));
    await Promise.all([
      waitSynced({ writer: a.client, reader: b.client, readerId: b.deviceId, folder: folderId, sub: rel('ann', 'report') }),
      waitSynced({ writer: b.client, reader: a.client, readerId: a.deviceId, folder: folderId, sub: rel('bob', 'report') }),
    ]);
    // on each machine, from the files it has: both layers, the same agreement, the same adjudication queue
    const seen = [];
    for (const side of [a, b]) {
      const layers = [];
      for (const analyst of ['ann', 'bob']) {
        const work = JSON.parse(await readFile(workFile(side.folderPath, analyst, 'report'), 'utf8')) as AnalystWork;
        const doc = buildDocument({ text, detectorFindings, work });
        layers.push({ analyst, findings: doc.findings.map((f) => effectiveFinding(f, doc.reviews[f.id])) });
      }
      const agreement = computeAgreement([{ docId: 'report', layers }]);
      const items = adjudicationItems(layers);
      seen.push({ f1: agreement.pairs[0]!.byKind.all!.f1, status: agreement.pairs[0]!.byKind.all!.status.observed, open: items.filter((i) => i.class === 'disagree').map((i) => i.id) });
      const judged = adjudicate(items, [{ item: derived[0]!.id, take: 'ann' }, { item: derived[1]!.id, take: 'bob' }], 'judge', '2026-01-01T00:00:00Z');
      expect(judged.open).toEqual([]);
      expect(judged.work.reviews[derived[1]!.id]).toMatchObject({ status: 'corrected', fields: { value: 4 } });
    }
    const n = derived.length;
    // ann asserts n, bob n − 1 (all matched, the corrected value keeps kind and span) → F1 = 2(n − 1)/(2n − 1)
    expect(seen[0]!.f1).toBeCloseTo((2 * (n - 1)) / (2 * n - 1));
    expect(seen[0]!.open).toEqual([derived[0]!.id, derived[1]!.id]);
    expect(seen[1]).toEqual(seen[0]);
  });
});
