/**
 * Requests an attacker (or a confused script) would send get clear codes: reserved key names
 * are refused (never acknowledged and dropped), odd paths are refused before they reach the
 * file system, a file is not a workspace, and a lost race for the workspace lock is store-locked.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiRequest, Result } from '../../core/api';
import { type Backend, createBackend } from './backend';
import { call } from './dispatch';

const SAMPLES = resolve(__dirname, '../../../resources/samples');
const open: Backend[] = [];
const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

function backend(workspaceDir?: string, mode: 'browser' | 'desktop' = 'browser'): Backend {
  const b = createBackend({ mode, app: mode === 'browser' ? 'serve' : 'desktop', samplesDir: SAMPLES, userDataDir: tmp('ra-ud-'), workspaceDir, log: { error: () => {} }, version: '0', workerPath: null });
  open.push(b);
  return b;
}
const run = <M extends ApiMethod>(b: Backend, m: M, r: ApiRequest<M>): Promise<Result<unknown>> => call(b.handlers, m, r) as Promise<Result<unknown>>;
const codeOf = (r: Result<unknown>): string => (r.ok ? 'ok' : r.error.code);

async function withReport(): Promise<{ b: Backend; dir: string; id: string; figureId: string }> {
  const dir = tmp('ra-ws-');
  writeFileSync(join(dir, 'r.txt'), '\n\n召开常委会会议9次、主任会议23次。\n');
  const b = backend(dir);
  await run(b, 'workspaceGet', {});
  await b.refreshed();
  const ws = await call(b.handlers, 'workspaceGet', {});
  const id = ws.ok ? ws.value!.documents[0].id : '';
  const doc = await call(b.handlers, 'documentGet', { id });
  const figureId = doc.ok ? doc.value.findings.find((f) => f.type === 'figure')!.id : '';
  return { b, dir, id, figureId };
}

describe('reserved key names', () => {
  it('__proto__, constructor and prototype are refused with bad-request wherever they would be keys', async () => {
    const { b, id, figureId } = await withReport();
    const fig = { type: 'figure' as const, origin: 'manual' as const, data: { text: '9次', start: 9, end: 11, kind: 'count' as const, value: 9, value_to: null, unit: '次', approx: null, metric: null } };
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const requests: [ApiMethod, unknown][] = [
        ['indicatorMapSet', { metric: name, indicator: '指标' }],
        ['metadataSet', JSON.parse(`{"documentId":${JSON.stringify(id)},"metadata":{${JSON.stringify(name)}:"x"}}`)],
        ['reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [name], status: 'accepted' } }],
        ['reviewApply', { documentId: id, action: { type: 'addFinding', finding: { ...fig, id: name } } }],
        ['reviewApply', { documentId: id, action: { type: 'toggleTag', findingId: figureId, tag: name } }],
        ['reviewApply', JSON.parse(`{"documentId":${JSON.stringify(id)},"action":{"type":"setFields","findingId":${JSON.stringify(figureId)},"fields":{${JSON.stringify(name)}:1}}}`)],
        ['taxonomySet', { tags: [{ id: name, label: 'x', color: '#123456', hotkey: null }] }],
      ];
      for (const [m, r] of requests) expect(codeOf(await run(b, m, r as never)), `${m} ${name} ${JSON.stringify(r)}`).toBe('bad-request');
    }
    // and an ordinary key is stored
    const map = await call(b.handlers, 'indicatorMapSet', { metric: '常委会会议', indicator: '会议次数' });
    expect(map.ok && Object.entries(map.value)).toEqual([['常委会会议', '会议次数']]);
  });

  it('a tag colour must be a colour: url(), var() and other CSS are bad-request', async () => {
    const { b } = await withReport();
    for (const color of ['url(http://127.0.0.1:1/x)', 'var(--accent)', 'red;background:url(x)']) {
      expect(codeOf(await run(b, 'taxonomySet', { tags: [{ id: 'a', name: 'A', color, hotkey: null }] })), color).toBe('bad-request');
    }
    expect(codeOf(await run(b, 'taxonomySet', { tags: [{ id: 'a', name: 'A', color: '#1f77b4', hotkey: null }] }))).toBe('ok');
  });

  it('an encoding called __proto__ or constructor is unknown-encoding, not internal', async () => {
    const { b, id } = await withReport();
    for (const encoding of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(codeOf(await run(b, 'documentSetEncoding', { documentId: id, encoding })), encoding).toBe('unknown-encoding');
    }
  });
});

describe('paths', () => {
  it('a NUL byte in a path is path-invalid, in both modes', async () => {
    const dir = tmp('ra-ws-');
    for (const mode of ['browser', 'desktop'] as const) {
      const b = backend(dir, mode);
      await run(b, 'workspaceGet', {});
      expect(codeOf(await run(b, 'importFiles', { paths: [join(dir, 'a\u0000.txt')] })), mode).toBe('path-invalid');
      expect(codeOf(await run(b, 'workspaceOpen', { dir: `${dir}\u0000x` })), mode).toBe('path-invalid');
      expect(codeOf(await run(b, 'exportDataset', { format: 'jsonl', out: join(dir, 'x\u0000.jsonl') })), mode).toBe('path-invalid');
      await b.close();
    }
  });

  it('browser mode refuses paths that are not absolute and creates nothing in its working directory', async () => {
    const dir = tmp('ra-ws-');
    const b = backend(dir);
    await run(b, 'workspaceGet', {});
    for (const p of ['relative-ws', './x', '../up', 'C:\\Users\\a\\ws'].filter((p) => process.platform !== 'win32' || !p.startsWith('C:'))) {
      expect(codeOf(await run(b, 'workspaceOpen', { dir: p })), p).toBe('path-invalid');
      expect(codeOf(await run(b, 'importFiles', { paths: [p] })), p).toBe('path-invalid');
      expect(codeOf(await run(b, 'exportDataset', { format: 'jsonl', out: `${p}.jsonl` })), p).toBe('path-invalid');
    }
    expect(existsSync(join(process.cwd(), 'relative-ws'))).toBe(false);
  });

  it('a file given as the workspace is not-a-folder; a file where the store keeps a folder (cache/) is store-corrupt', async () => {
    const base = tmp('ra-ws-');
    const file = join(base, 'report.txt');
    writeFileSync(file, '报告');
    const b = backend(base);
    await run(b, 'workspaceGet', {});
    expect(codeOf(await run(b, 'workspaceOpen', { dir: file }))).toBe('not-a-folder');

    const broken = join(base, 'broken');
    mkdirSync(join(broken, '.report-annotator'), { recursive: true });
    writeFileSync(join(broken, '.report-annotator', 'cache'), 'a file, not a folder');
    writeFileSync(join(broken, 'r.txt'), '\n\n召开常委会会议9次。\n');
    expect(codeOf(await run(b, 'workspaceOpen', { dir: broken }))).toBe('store-corrupt');
    // the workspace that was open stays open
    const still = await call(b.handlers, 'workspaceGet', {});
    expect(still.ok && still.value!.dir).toBe(base);
  });
});

describe('simultaneous opens', () => {
  it('15 backends opening one workspace at once: one wins, every other gets store-locked (4 rounds)', async () => {
    for (let round = 0; round < 4; round++) {
      const dir = tmp('ra-ws-');
      writeFileSync(join(dir, 'r.txt'), '\n\n召开常委会会议9次。\n');
      const backends = Array.from({ length: 15 }, () => backend());
      const results = await Promise.all(backends.map((b) => run(b, 'workspaceOpen', { dir })));
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === 'ok'), `round ${round}`).toHaveLength(1);
      expect(codes.filter((c) => c !== 'ok'), `round ${round}`).toEqual(Array(14).fill('store-locked'));
      for (const b of open.splice(0)) await b.close();
    }
  }, 60_000);
});
