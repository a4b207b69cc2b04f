#!/usr/bin/env node
// A full disk and a read-only workspace, for real: a 2 MB tmpfs is mounted (root on Linux;
// skipped with a message elsewhere), filled up, then remounted read-only. Each time the write
// must fail with a clear code (store-disk-full / store-read-only) through the API and the save
// state, the work must stay in memory (documentGet still shows it), and it must be saved once
// the disk is usable again — by the store's retry (backend) or by an explicit flush (store).
//   node bench/faults/disk.mjs [--json FILE]
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundle, root } from '../../fuzz/build.mjs';

const { values } = parseArgs({ options: { json: { type: 'string', default: join(root, 'bench', '.data', 'reliability', 'disk.json') } } });
const cases = [];
const result = (name, pass, detail = '') => {
  cases.push({ name, pass, detail });
  console.log(`${pass ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};
const save = (extra = {}) => {
  mkdirSync(join(values.json, '..'), { recursive: true });
  const passed = cases.filter((c) => c.pass).length;
  writeFileSync(values.json, JSON.stringify({ harness: 'disk', date: new Date().toISOString(), machine: { cores: availableParallelism(), platform: process.platform }, tried: cases.length, passed, cases, ...extra }, null, 2) + '\n');
  return passed;
};

const mnt = mkdtempSync(join(tmpdir(), 'ra-disk-'));
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt], { stdio: 'pipe' });
} catch (e) {
  console.log(`skipped: cannot mount a tmpfs here (${String(e.stderr ?? e.message).trim().split('\n')[0]}); run as root on Linux. The same code paths are unit-tested with injected ENOSPC/EROFS (src/main/store/write-failure.test.ts).`);
  rmSync(mnt, { recursive: true, force: true });
  save({ skipped: true });
  process.exit(0);
}

const lib = await bundle(join(import.meta.dirname, 'lib-entry.mjs'), 'faults-disk-lib');
const { WorkspaceStore, createBackend, call } = await import(lib);
const filler = join(mnt, 'filler.bin');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function fillDisk() {
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if (e.code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
}

async function waitSaved(b, ms = 15_000) {
  const until = Date.now() + ms;
  for (;;) {
    const s = await call(b.handlers, 'saveStateGet', {});
    if (s.ok && s.value.state === 'saved') return true;
    if (Date.now() > until) return false;
    await sleep(200);
  }
}

/** the analyst the backend works as (its identity in the user settings): whose work files to read */
let analyst;

async function onDisk(ws, id) {
  const store = await WorkspaceStore.open(ws, { app: 'cli', readOnly: true, analyst });
  try {
    return await store.readDocument(id);
  } finally {
    await store.close();
  }
}

const remount = (mode) => execFileSync('mount', ['-o', `remount,${mode}`, mnt], { stdio: 'pipe' });

try {
  const ws = join(mnt, 'ws');
  mkdirSync(ws);
  writeFileSync(join(ws, 'report.txt'), '\n\n全市地区生产总值增长5.2%，城镇新增就业3.2万人，粮食产量1.2亿斤。\n');
  const userData = mkdtempSync(join(tmpdir(), 'ra-disk-ud-'));
  const open = () => createBackend({ mode: 'browser', app: 'serve', samplesDir: join(root, 'resources', 'samples'), userDataDir: userData, workspaceDir: ws, log: { error: () => {} }, version: 'bench', workerPath: null });

  // ── full disk, through the backend; saved by the store's retry once space is back ──
  let b = open();
  await call(b.handlers, 'workspaceGet', {});
  await b.refreshed(); // the folder's reports are imported after the open answers
  const view = await call(b.handlers, 'workspaceGet', {});
  const me = (await call(b.handlers, 'identityGet', {})).value;
  analyst = { id: me.id, name: me.name };
  const id = view.value.documents[0].id;
  const figs = (await call(b.handlers, 'documentGet', { id })).value.findings.filter((f) => f.type === 'figure');
  fillDisk();
  const r1 = await call(b.handlers, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [figs[0].id], status: 'accepted' } });
  result('full disk: reviewApply answers store-disk-full', !r1.ok && r1.error.code === 'store-disk-full', r1.ok ? 'answered ok' : `${r1.error.code}: ${r1.error.message}`);
  const st = await call(b.handlers, 'saveStateGet', {});
  result('full disk: the save state shows the error', st.ok && st.value.state === 'error' && st.value.error?.code === 'store-disk-full', JSON.stringify(st.value));
  const r2 = await call(b.handlers, 'reviewApply', { documentId: id, action: { type: 'setNote', findingId: figs[1].id, note: '磁盘满时写的备注' } });
  const mem = await call(b.handlers, 'documentGet', { id });
  result('full disk: the work is kept in memory', !r2.ok && mem.ok && mem.value.reviews[figs[0].id]?.status === 'accepted' && mem.value.reviews[figs[1].id]?.note === '磁盘满时写的备注');
  rmSync(filler);
  const saved = await waitSaved(b);
  const disk1 = await onDisk(ws, id);
  result('space freed: saved by the retry, both reviews on disk', saved && disk1.reviews[figs[0].id]?.status === 'accepted' && disk1.reviews[figs[1].id]?.note === '磁盘满时写的备注');
  await b.close();

  // ── read-only workspace, through the backend ──
  b = open();
  await call(b.handlers, 'workspaceGet', {});
  await b.refreshed();
  remount('ro');
  const r3 = await call(b.handlers, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [figs[2].id], status: 'rejected' } });
  result('read-only: reviewApply answers store-read-only', !r3.ok && r3.error.code === 'store-read-only', r3.ok ? 'answered ok' : `${r3.error.code}: ${r3.error.message}`);
  const mem2 = await call(b.handlers, 'documentGet', { id });
  result('read-only: the work is kept in memory', mem2.ok && mem2.value.reviews[figs[2].id]?.status === 'rejected');
  remount('rw');
  const saved2 = await waitSaved(b);
  result('writable again: saved by the retry', saved2 && (await onDisk(ws, id)).reviews[figs[2].id]?.status === 'rejected');
  await b.close();

  // ── full disk with the store alone: free space, then flush ──
  const store = await WorkspaceStore.open(ws, { app: 'cli', retryMs: 60_000, analyst });
  fillDisk();
  let code = null;
  try {
    await store.updateDocument(id, (d) => {
      d.reviews[figs[0].id].note = 'flush 之后才保存';
    });
  } catch (e) {
    code = e.code;
  }
  result('store: updateDocument rejects with store-disk-full', code === 'store-disk-full', String(code));
  result('store: the change is pending in memory', store.saveState().pending > 0 && (await store.readDocument(id)).reviews[figs[0].id].note === 'flush 之后才保存');
  rmSync(filler);
  let flushed = true;
  try {
    await store.flush();
  } catch {
    flushed = false;
  }
  result('store: space freed, flush() saves it', flushed && store.saveState().pending === 0 && store.saveState().error === null);
  await store.close();
  result('store: the change is on disk after reopening', (await onDisk(ws, id)).reviews[figs[0].id].note === 'flush 之后才保存');
  rmSync(userData, { recursive: true, force: true });
} catch (e) {
  result('the bench ran to the end', false, e.stack ?? String(e));
} finally {
  try {
    execFileSync('umount', [mnt], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', mnt], { stdio: 'pipe' });
  }
  rmSync(mnt, { recursive: true, force: true });
  rmSync(lib, { force: true });
}
const passed = save();
console.log(`disk fault cases tried ${cases.length}, passed ${passed}`);
process.exit(passed === cases.length ? 0 : 1);
