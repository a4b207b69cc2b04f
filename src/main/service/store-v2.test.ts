/**
 * The store v2 guarantees through the service: a moved workspace keeps one entry per report
 * and its reviews (issue 17 item 9), recovery is never silent (item 6), a lost index is rebuilt
 * from what is on disk (item 8), a v1 workspace opens migrated, and the analyst's identity.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../core/api';
import { settled as ok, testBackends } from './test-backends';

const FIXTURE = resolve(__dirname, '../store/fixtures/v1/workspace');
const { backend, open, closeAll } = testBackends({ version: '2.0.0-test' });
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
afterEach(closeAll);

const REPORT_A = '\n\n召开常委会会议9次、主任会议23次。\n\n全年地区生产总值增长5.2%。\n';
const REPORT_B = '\n\n审议法规草案12件，批准法规7件。\n';

async function reviewedWorkspace(ud: string): Promise<{ dir: string; ids: Record<string, string> }> {
  const dir = tmp('ra-ws-');
  writeFileSync(join(dir, 'a.txt'), REPORT_A);
  writeFileSync(join(dir, 'b.txt'), REPORT_B);
  const b = backend(ud, dir);
  const ws = (await ok(b, 'workspaceGet', {}))!;
  const ids = Object.fromEntries(ws.documents.map((d) => [d.name, d.id]));
  for (const id of Object.values(ids)) {
    const doc = await ok(b, 'documentGet', { id });
    const figs = doc.findings.filter((f) => f.type === 'figure');
    await ok(b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [figs[0].id], status: 'accepted' } });
    await ok(b, 'reviewApply', { documentId: id, action: { type: 'setNote', findingId: figs[0].id, note: '已核对' } });
  }
  await b.close();
  open.splice(open.indexOf(b), 1);
  return { dir, ids };
}

describe('a moved workspace (issue 17 item 9)', () => {
  it('moved elsewhere with one report edited: one entry per report, the reviews follow', async () => {
    const ud = tmp('ra-ud-');
    const { dir, ids } = await reviewedWorkspace(ud);
    const moved = join(tmp('ra-moved-'), 'renamed-workspace');
    cpSync(dir, moved, { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(join(moved, 'a.txt'), `\n\n新增的第一段。${REPORT_A}`);
    const b = backend(ud, moved);
    const ws = (await ok(b, 'workspaceGet', {}))!;
    expect(ws.documents.map((d) => d.name).sort()).toEqual(['a.txt', 'b.txt']);
    expect(Object.fromEntries(ws.documents.map((d) => [d.name, d.id]))).toEqual(ids); // ids survive the move
    for (const d of ws.documents) {
      const doc = await ok(b, 'documentGet', { id: d.id });
      const notes = Object.values(doc.reviews).map((r) => r.note);
      expect(notes).toEqual(['已核对']); // carried to its new place in the edited report
      const r = Object.values(doc.reviews)[0];
      expect([...doc.text].slice(r.anchor.start, r.anchor.end).join('')).toBe(r.anchor.quote);
    }
  });
});

describe('recovery is never silent (issue 17 item 6)', () => {
  it('a damaged work file restored on first read: the UI is told at once what was restored, from when, and how much was lost', async () => {
    const ud = tmp('ra-ud-');
    const { dir, ids } = await reviewedWorkspace(ud);
    const identity = JSON.parse(readFileSync(join(ud, 'identity.json'), 'utf8'));
    const workDir = join(dir, '.report-annotator/work', identity.id);
    // a later session: three more reviews on a.txt (its first write backs up the two-review state)
    let b = backend(ud, dir);
    const doc = await ok(b, 'documentGet', { id: ids['a.txt'] });
    const figs = doc.findings.filter((f) => f.type === 'figure' && !doc.reviews[f.id]);
    for (const f of figs.slice(0, 2)) await ok(b, 'reviewApply', { documentId: ids['a.txt'], action: { type: 'setStatus', findingIds: [f.id], status: 'rejected' } });
    const before = (await ok(b, 'workspaceGet', {}))!.documents.find((d) => d.id === ids['a.txt'])!.counts.reviewed;
    await b.close();
    open.splice(open.indexOf(b), 1);
    expect(before).toBe(3);
    writeFileSync(join(workDir, `${ids['a.txt']}.json`), '{"schemaVersion":2,"documentId":'); // truncated

    b = backend(ud, dir);
    const events: ApiEvent<'workspaceChanged'>[] = [];
    b.onEvent((name, payload) => name === 'workspaceChanged' && events.push(payload as ApiEvent<'workspaceChanged'>));
    const opened = (await ok(b, 'workspaceGet', {}))!;
    expect(opened.notices).toEqual([]); // nothing known yet: the work file is read on first use
    const restored = await ok(b, 'documentGet', { id: ids['a.txt'] });
    expect(Object.values(restored.reviews).filter((r) => r.status !== 'suggested')).toHaveLength(1);
    for (let i = 0; i < 100 && events.length === 0; i++) await new Promise((r) => setImmediate(r));
    const notice = events.at(-1)!.notices.find((n) => n.code.startsWith('work-restored'))!;
    expect(notice).toMatchObject({ code: 'work-restored-partly', params: { name: 'a.txt', lost: 2 } });
    expect(String(notice.params!.time)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(notice.message).toContain('2 reviewed finding(s)');
    // the index counts now match the restored work
    expect(events.at(-1)!.documents.find((d) => d.id === ids['a.txt'])!.counts.reviewed).toBe(1);
  });
});

describe('a damaged index with every backup damaged (issue 17 item 8)', () => {
  it('is rebuilt from the document files on disk, with the reviews, instead of an empty workspace', async () => {
    const ud = tmp('ra-ud-');
    const { dir, ids } = await reviewedWorkspace(ud);
    const root = join(dir, '.report-annotator');
    writeFileSync(join(root, 'workspace.json'), 'garbage');
    for (const f of readdirSync(join(root, 'backups/workspace.json'))) writeFileSync(join(root, 'backups/workspace.json', f), '{"schemaVersion":');
    const b = backend(ud, dir);
    const ws = (await ok(b, 'workspaceGet', {}))!;
    expect(Object.fromEntries(ws.documents.map((d) => [d.name, d.id]))).toEqual(ids);
    expect(ws.notices.map((n) => n.code)).toEqual(expect.arrayContaining(['reset-to-empty', 'index-rebuilt']));
    for (const id of Object.values(ids)) {
      const doc = await ok(b, 'documentGet', { id });
      expect(Object.values(doc.reviews).map((r) => r.note)).toEqual(['已核对']);
    }
  });

  it('a deleted work file with backups is restored from them, with a notice', async () => {
    const ud = tmp('ra-ud-');
    const { dir, ids } = await reviewedWorkspace(ud);
    const identity = JSON.parse(readFileSync(join(ud, 'identity.json'), 'utf8'));
    rmSync(join(dir, '.report-annotator/work', identity.id, `${ids['b.txt']}.json`));
    const b = backend(ud, dir);
    (await ok(b, 'workspaceGet', {}))!;
    const doc = await ok(b, 'documentGet', { id: ids['b.txt'] });
    expect(Object.keys(doc.reviews)).toHaveLength(1); // the backup of the first write: the accept, without the note
  });
});

describe('a v1 workspace through the service', () => {
  it('opens migrated: the same reports, the same reviews, a notice', async () => {
    const dir = tmp('ra-v1-');
    cpSync(FIXTURE, dir, { recursive: true });
    const v1Docs = readdirSync(join(dir, '.report-annotator/docs')).filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(join(dir, '.report-annotator/docs', n), 'utf8')) as { reviews: Record<string, { findingId: string }> });
    const b = backend(tmp('ra-ud-'), dir);
    const ws = (await ok(b, 'workspaceGet', {}))!;
    expect(ws.documents.map((d) => d.name).sort()).toEqual(['changzhi.txt', 'taiyuan.txt']);
    expect(ws.notices.map((n) => n.code)).toContain('migrated');
    const reviews = [];
    for (const d of ws.documents) reviews.push(...Object.values((await ok(b, 'documentGet', { id: d.id })).reviews));
    expect(reviews.sort((x, y) => x.findingId.localeCompare(y.findingId))).toEqual(v1Docs.flatMap((d) => Object.values(d.reviews)).sort((x, y) => x.findingId.localeCompare(y.findingId)));
    expect(existsSync(join(dir, '.report-annotator/backups/v1/docs'))).toBe(true);
  });
});

describe('analyst identity', () => {
  it('defaults to the OS user with a stable uuid, kept in the user settings; the name is recorded on every review', async () => {
    const ud = tmp('ra-ud-');
    const dir = tmp('ra-ws-');
    writeFileSync(join(dir, 'a.txt'), REPORT_A);
    let b = backend(ud, dir);
    const first = await ok(b, 'identityGet', {});
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.confirmed).toBe(false);
    const set = await ok(b, 'identitySet', { name: '  王分析 ' });
    expect(set).toEqual({ id: first.id, name: '王分析', confirmed: true });
    const id = (await ok(b, 'workspaceGet', {}))!.documents[0].id;
    const fig = (await ok(b, 'documentGet', { id })).findings[0];
    const r = await ok(b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [fig.id], status: 'accepted' } });
    expect(r.reviews[fig.id].annotator).toBe('王分析');
    expect(existsSync(join(dir, '.report-annotator/work', first.id, `${id}.json`))).toBe(true);
    await b.close();
    open.splice(open.indexOf(b), 1);
    // the identity is the app's, not the workspace's: it survives a restart and a damaged first copy
    writeFileSync(join(ud, 'identity.json'), '{');
    b = backend(ud, dir);
    expect(await ok(b, 'identityGet', {})).toEqual({ id: first.id, name: '王分析', confirmed: true });
    expect((await ok(b, 'documentGet', { id })).reviews[fig.id].status).toBe('accepted');
  });
});
