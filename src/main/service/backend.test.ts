import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../core/api';
import { type Backend, createBackend } from './backend';
import { call } from './dispatch';

const SAMPLES = resolve(__dirname, '../../../resources/samples');
const open: Backend[] = [];
const log = { error: (m: string, c?: unknown) => console.error(m, c) };

function backend(userDataDir: string, extra: Partial<Parameters<typeof createBackend>[0]> = {}): Backend {
  const b = createBackend({ mode: 'browser', app: 'serve', samplesDir: SAMPLES, userDataDir, log, version: '1.2.3', workerPath: null, ...extra });
  open.push(b);
  return b;
}

async function ok<M extends ApiMethod>(b: Backend, method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
  const r = await call(b.handlers, method, req);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The workspace once its folder's new and changed files are imported (in the background after the open). */
async function refreshedView(b: Backend): Promise<ApiResponse<'workspaceGet'>> {
  await ok(b, 'workspaceGet', {});
  await b.refreshed();
  return ok(b, 'workspaceGet', {});
}

afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

describe('backend over a real store on disk', () => {
  it('first run opens the sample workspace with the five reports, analysed', async () => {
    const b = backend(tmp('ra-ud-'));
    const ws = await ok(b, 'workspaceGet', {});
    expect(ws?.isSample).toBe(true);
    expect(ws?.documents.map((d) => d.name).sort()).toEqual([
      'changzhi-city-2024.txt', 'jiangxian-county-2024.txt', 'luzhou-district-2025.txt', 'lvliang-city-2024-newspaper.txt', 'taiyuan-city-2024.txt',
    ]);
    const taiyuan = ws!.documents.find((d) => d.name.startsWith('taiyuan'))!;
    const doc = await ok(b, 'documentGet', { id: taiyuan.id });
    expect(doc.text).toBe(readFileSync(join(SAMPLES, 'taiyuan-city-2024.txt'), 'utf8'));
    expect(doc.meta.encoding).toMatch(/utf-?8/i);
  });

  it('a review survives a restart, and so does its undo history', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    writeFileSync(join(wsDir, 'r.txt'), '\n\n召开常委会会议9次、主任会议23次。\n');
    let b = backend(ud, { workspaceDir: wsDir });
    const ws = await refreshedView(b);
    const id = ws!.documents[0].id;
    const manual = { type: 'figure' as const, id: 'man:9-11:1', origin: 'manual' as const, data: { text: '9次', start: 9, end: 11, kind: 'count' as const, value: 9, value_to: null, unit: '次', approx: null, metric: '召开常委会会议' } };
    await ok(b, 'reviewApply', { documentId: id, action: { type: 'addFinding', finding: manual } });
    const r = await ok(b, 'reviewApply', { documentId: id, action: { type: 'setFields', findingId: 'man:9-11:1', fields: { value: 10 } } });
    expect(r.reviews['man:9-11:1'].status).toBe('corrected');
    expect(r.meta.counts.reviewed).toBeGreaterThanOrEqual(1);
    await b.close();

    b = backend(ud, { workspaceDir: wsDir });
    const doc = await ok(b, 'documentGet', { id });
    expect(doc.reviews['man:9-11:1'].fields).toEqual({ value: 10 });
    expect(doc.canUndo).toBe(true);
    const undone = await ok(b, 'reviewUndo', { documentId: id });
    expect(undone.reviews['man:9-11:1'].fields).toEqual({});
    expect(undone.canRedo).toBe(true);
  });

  it('re-anchors reviews when the report file changed on disk', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    const file = join(wsDir, 'r.txt');
    writeFileSync(file, '\n\n召开常委会会议9次。\n');
    let b = backend(ud, { workspaceDir: wsDir });
    const id = (await refreshedView(b))!.documents[0].id;
    const manual = { type: 'figure' as const, id: 'man:9-11:1', origin: 'manual' as const, data: { text: '9次', start: 9, end: 11, kind: 'count' as const, value: 9, value_to: null, unit: '次', approx: null, metric: null } };
    await ok(b, 'reviewApply', { documentId: id, action: { type: 'addFinding', finding: manual, tags: ['legislation'] } });
    await b.close();

    writeFileSync(file, '\n\n新增的第一段。\n\n召开常委会会议9次。\n');
    appendFileSync(file, '\n');
    b = backend(ud, { workspaceDir: wsDir });
    await refreshedView(b);
    const doc = await ok(b, 'documentGet', { id });
    expect(doc.text).toContain('新增的第一段');
    const placed = Object.values(doc.reviews).find((rv) => rv.tags.includes('legislation'));
    expect(placed, JSON.stringify(doc.reviews)).toBeDefined();
    expect(placed!.anchor.quote).toBe('9次');
    expect(placed!.anchor.start).toBe(9 + 9);
    expect(doc.orphans).toEqual([]);
  });

  it('imports a GBK file and reports a bad file by code without storing it', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    const b = backend(ud, { workspaceDir: wsDir });
    await ok(b, 'workspaceGet', {});
    const src = tmp('ra-src-');
    writeFileSync(join(src, 'gbk.txt'), iconv.encode('\n\n长治市人大常委会召开常委会会议9次，审议法规草案3件。\n', 'gbk'));
    writeFileSync(join(src, 'empty.txt'), '');
    const summary = await ok(b, 'importFiles', { paths: [join(src, 'gbk.txt'), join(src, 'empty.txt')] });
    expect(summary.imported).toHaveLength(1);
    expect(summary.imported[0].encoding).toMatch(/gb/i);
    expect(summary.failed).toEqual([{ path: join(src, 'empty.txt'), error: expect.objectContaining({ code: 'file-empty' }) }]);
    const doc = await ok(b, 'documentGet', { id: summary.imported[0].id });
    expect(doc.text).toContain('召开常委会会议9次');
    const ws = await ok(b, 'workspaceGet', {});
    expect(ws!.documents).toHaveLength(1);
  });

  it('desktop mode refuses paths the user did not choose', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    const elsewhere = tmp('ra-else-');
    writeFileSync(join(elsewhere, 'x.txt'), '报告');
    let chosen: string[] = [];
    const b = backend(ud, { mode: 'desktop', app: 'desktop', workspaceDir: wsDir, dialogs: { chooseFolder: async () => null, chooseFiles: async () => chosen } });
    await ok(b, 'workspaceGet', {});
    const refused = await call(b.handlers, 'importFiles', { paths: [join(elsewhere, 'x.txt')] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
    const opened = await call(b.handlers, 'workspaceOpen', { dir: elsewhere });
    expect(opened).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
    chosen = [join(elsewhere, 'x.txt')];
    await ok(b, 'chooseFiles', {});
    const summary = await ok(b, 'importFiles', { paths: chosen });
    expect(summary.imported).toHaveLength(1);
  });

  it('searches the workspace with code point offsets and context', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    mkdirSync(join(wsDir, 'sub'));
    cpSync(join(SAMPLES, 'changzhi-city-2024.txt'), join(wsDir, 'sub', 'changzhi.txt'));
    writeFileSync(join(wsDir, 'astral.txt'), '\n\n𠀀😀常委会会议\n');
    const b = backend(ud, { workspaceDir: wsDir });
    await ok(b, 'importFiles', { paths: [wsDir] });
    const hits = await ok(b, 'search', { query: '常委会会议', limit: 100 });
    const astral = hits.find((h) => h.name === 'astral.txt')!;
    expect(astral.start).toBe(4);
    expect(astral.end).toBe(9);
    expect(hits.some((h) => h.name === 'changzhi.txt')).toBe(true);
  });
});

describe('datasets through the backend', () => {
  it('exports the workspace, pivots indicators across reports, and keeps an indicator mapping', async () => {
    const ud = tmp('ra-ud-');
    const b = backend(ud);
    const ws = await ok(b, 'workspaceGet', {});
    const taiyuan = ws!.documents.find((d) => d.name.startsWith('taiyuan'))!;
    expect(taiyuan.metadata.region).toBe('太原市');
    const pivot = await ok(b, 'pivotGet', {});
    expect(pivot.documents).toHaveLength(5);
    const meetings = pivot.cells['常委会会议次数'];
    expect(meetings?.[taiyuan.id]?.value).toBe(9);
    const someUnmapped = pivot.unmapped[0];
    const map = await ok(b, 'indicatorMapSet', { metric: someUnmapped.metric, indicator: '我的指标' });
    expect(map[someUnmapped.metric]).toBe('我的指标');
    expect((await ok(b, 'pivotGet', {})).indicators).toContain('我的指标');

    const out = join(ws!.dir, 'export.jsonl');
    const summary = await ok(b, 'exportDataset', { format: 'jsonl', filter: 'all', out });
    expect(summary.documents).toBe(5);
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(6);
  });

  it('desktop mode refuses to export to a place the user did not choose', async () => {
    const ud = tmp('ra-ud-');
    const b = backend(ud, { mode: 'desktop', app: 'desktop', dialogs: { chooseFolder: async () => null, chooseFiles: async () => [] } });
    await ok(b, 'workspaceGet', {});
    const r = await call(b.handlers, 'exportDataset', { format: 'jsonl', out: join(tmp('ra-else-'), 'x.jsonl') });
    expect(r).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
  });
});

describe('encoding override', () => {
  it('re-decodes a report with the chosen encoding and keeps the review', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    // Big5 bytes of a Traditional report line
    writeFileSync(join(wsDir, 'big5.txt'), iconv.encode('\n\n召開常委會會議9次、主任會議23次，審議法規草案3件。\n', 'big5'));
    const b = backend(ud, { workspaceDir: wsDir });
    const ws = await refreshedView(b);
    const id = ws!.documents[0].id;
    const before = await ok(b, 'documentGet', { id });
    expect(before.text).toContain('召開常委會會議9次');
    const fig = before.findings.find((f) => f.type === 'figure' && f.data.text === '23次')!;
    await ok(b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [fig.id], status: 'accepted' } });
    // the analyst forces GBK (wrong): the text changes, the review becomes an orphan — neither lost
    // nor carried onto the mojibake (23次 read as GBK is not 23次)
    const wrong = await ok(b, 'documentSetEncoding', { documentId: id, encoding: 'gbk' });
    expect(wrong.meta.encoding).toMatch(/gb/i);
    expect(wrong.text).not.toContain('召開常委會會議');
    expect(wrong.reviews).toEqual({});
    expect(wrong.orphans.map((o) => [o.findingId, o.status, o.anchor.quote])).toEqual([[fig.id, 'accepted', '23次']]);
    // and back to Big5: the text is right again, and the review is back on its figure
    const right = await ok(b, 'documentSetEncoding', { documentId: id, encoding: 'big5' });
    expect(right.text).toContain('召開常委會會議9次');
    expect(right.orphans).toEqual([]);
    expect(right.reviews[fig.id]?.status).toBe('accepted');
  });
});

describe('dropped files', () => {
  it('copies dropped bytes into the workspace under a safe name, never overwriting, and imports them', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    const b = backend(ud, { workspaceDir: wsDir });
    await ok(b, 'workspaceGet', {});
    const data = iconv.encode('\n\n召开常委会会议9次。\n', 'gbk').toString('base64');
    const first = await ok(b, 'importDropped', { files: [{ name: '../../etc/报告.txt', data }] });
    expect(first.imported).toHaveLength(1);
    expect(first.imported[0].path).toBe('dropped/报告.txt');
    const second = await ok(b, 'importDropped', { files: [{ name: '报告.txt', data }] });
    expect(second.imported[0].path).toBe('dropped/报告 (2).txt');
    const doc = await ok(b, 'documentGet', { id: second.imported[0].id });
    expect(doc.text).toContain('召开常委会会议9次');
    expect((await ok(b, 'workspaceGet', {}))!.documents).toHaveLength(2);
  });
});

describe('a failed drop leaves nothing behind', () => {
  it('the copy of a dropped file that fails to import is deleted; the imported ones stay', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    const b = backend(ud, { workspaceDir: wsDir });
    await ok(b, 'workspaceGet', {});
    const good = Buffer.from('\n\n召开常委会会议9次。\n').toString('base64');
    const s = await ok(b, 'importDropped', { files: [{ name: 'empty', data: '' }, { name: 'ok.txt', data: good }, { name: 'bin.txt', data: Buffer.from([0, 1, 2, 0, 0, 255, 0]).toString('base64') }] });
    expect(s.imported.map((d) => d.path)).toEqual(['dropped/ok.txt']);
    expect(s.failed.map((f) => f.error.code).sort()).toEqual(['binary-file', 'unsupported-format']);
    expect(readdirSync(join(wsDir, 'dropped'))).toEqual(['ok.txt']);
    await b.close();
    // reopened: no failure comes back
    const again = backend(ud, { workspaceDir: wsDir });
    expect((await ok(again, 'workspaceGet', {}))!.notices).toEqual([]);
  });

  it('a copy left by an older version is reported once at open and removed', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    mkdirSync(join(wsDir, 'dropped'));
    writeFileSync(join(wsDir, 'dropped', 'left.txt'), '');
    writeFileSync(join(wsDir, 'mine.txt'), ''); // the user's own file outside dropped/ is never deleted
    const b = backend(ud, { workspaceDir: wsDir });
    await ok(b, 'workspaceGet', {});
    await b.refreshed(); // the folder's files are read after the open answers
    const ws = await ok(b, 'workspaceGet', {});
    expect(ws!.notices.map((n) => n.code)).toEqual(['file-empty', 'file-empty']);
    expect(existsSync(join(wsDir, 'dropped', 'left.txt'))).toBe(false);
    expect(existsSync(join(wsDir, 'mine.txt'))).toBe(true);
  });
});

describe('open folder', () => {
  it('a mistyped path is workspace-not-found: nothing is created and the open workspace stays; create: true makes a new one', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    writeFileSync(join(wsDir, 'r.txt'), '\n\n召开常委会会议9次。\n');
    const b = backend(ud, { workspaceDir: wsDir });
    await ok(b, 'workspaceGet', {});
    const missing = join(tmp('ra-parent-'), 'typo');
    const r = await call(b.handlers, 'workspaceOpen', { dir: missing });
    expect(r).toMatchObject({ ok: false, error: { code: 'workspace-not-found' } });
    expect(existsSync(missing)).toBe(false);
    expect((await ok(b, 'workspaceGet', {}))!.dir).toBe(resolve(wsDir));
    const file = await call(b.handlers, 'workspaceOpen', { dir: join(wsDir, 'r.txt') });
    expect(file).toMatchObject({ ok: false, error: { code: 'not-a-folder' } });
    const created = await ok(b, 'workspaceOpen', { dir: missing, create: true });
    expect(created.dir).toBe(resolve(missing));
    expect(created.documents).toEqual([]);
    expect(existsSync(missing)).toBe(true);
  });

  it('a last workspace whose folder was deleted is not made again at the next start', async () => {
    const ud = tmp('ra-ud-');
    const dir = join(tmp('ra-parent-'), 'gone');
    const b = backend(ud, { log: { error: () => undefined } });
    await ok(b, 'workspaceOpen', { dir, create: true });
    await b.close();
    rmSync(dir, { recursive: true, force: true });
    const again = backend(ud, { log: { error: () => undefined } });
    expect((await ok(again, 'workspaceGet', {}))!.isSample).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('consistency checks', () => {
  it('a part larger than its whole becomes a consistency finding to review', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    writeFileSync(join(wsDir, 'r.txt'), '\n\n全年收集代表意见建议4408件，其中解决落实5342件。满意率达到97.5%。\n');
    const b = backend(ud, { workspaceDir: wsDir });
    const id = (await refreshedView(b))!.documents[0].id;
    const doc = await ok(b, 'documentGet', { id });
    const checks = doc.findings.filter((f) => f.type === 'defect' && f.data.kind === 'consistency');
    expect(checks).toHaveLength(1);
    expect(checks[0].data).toMatchObject({ text: '5342件', replacement: null });
    expect(doc.meta.counts.defects).toBe(1);
  });
});
