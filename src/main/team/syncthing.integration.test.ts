import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
