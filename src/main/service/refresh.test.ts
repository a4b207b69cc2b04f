/**
 * Opening a workspace answers before any new file in its folder is parsed; a file that failed
 * is remembered (path, size, mtime) and not tried again on every open; special files in the
 * folder are left alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDocx, wParagraph } from '../import/test-fixtures';
import { ok, testBackends } from './test-backends';

const { backend, closeAll } = testBackends({ log: { error: () => {} }, version: '0' });
const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));

afterEach(closeAll);

const PARA = '一年来，召开常委会会议9次，制定、修改地方性法规3件，听取审议专项报告16项，作出决议决定10项。';

describe('opening a workspace', () => {
  it('answers before a new file is parsed, and announces the import when it is done', async () => {
    const wsDir = tmp('ra-ws-');
    const para = wParagraph(PARA);
    writeFileSync(join(wsDir, 'heavy.docx'), await makeDocx(para.repeat(Math.floor((1.5 * 1024 * 1024) / Buffer.byteLength(para)))));
    const b = backend(tmp('ra-ud-'), wsDir);
    const changed: number[] = [];
    b.onEvent((name, payload) => {
      if (name === 'workspaceChanged') changed.push((payload as { documents: unknown[] }).documents.length);
    });
    const first = await ok(b, 'workspaceGet', {});
    let settled = false;
    const refreshed = b.refreshed().then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(first!.documents).toEqual([]); // answered with the index as it was
    expect(settled).toBe(false); // while the docx is still being read
    await refreshed;
    expect((await ok(b, 'workspaceGet', {}))!.documents.map((d) => d.name)).toEqual(['heavy.docx']);
    expect(changed.at(-1)).toBe(1);
  }, 120_000);

  it('remembers a file that failed and does not try it again until it changes', async () => {
    const ud = tmp('ra-ud-');
    const wsDir = tmp('ra-ws-');
    writeFileSync(join(wsDir, 'good.txt'), `\n\n${PARA}\n`);
    writeFileSync(join(wsDir, 'broken.docx'), 'not a zip');
    let b = backend(ud, wsDir);
    await ok(b, 'workspaceGet', {});
    await b.refreshed();
    let view = await ok(b, 'workspaceGet', {});
    expect(view!.documents.map((d) => d.name)).toEqual(['good.txt']);
    expect(view!.notices.map((n) => n.code)).toContain('corrupt-docx');
    await b.close();

    b = backend(ud, wsDir);
    await ok(b, 'workspaceGet', {});
    await b.refreshed();
    view = await ok(b, 'workspaceGet', {});
    expect(view!.notices.map((n) => n.code)).not.toContain('corrupt-docx'); // not read again
    expect(view!.notices.find((n) => n.code === 'sources-skipped')?.params).toEqual({ count: 1 });
    await b.close();

    // the file is replaced by a real document: it is read on the next open, and forgotten as a failure
    writeFileSync(join(wsDir, 'broken.docx'), await makeDocx(wParagraph(PARA)));
    b = backend(ud, wsDir);
    await ok(b, 'workspaceGet', {});
    await b.refreshed();
    view = await ok(b, 'workspaceGet', {});
    expect(view!.documents.map((d) => d.name).sort()).toEqual(['broken.docx', 'good.txt']);
    expect(view!.notices.map((n) => n.code)).not.toContain('sources-skipped');
  }, 60_000);

  it.skipIf(process.platform === 'win32')('opens a folder holding named pipes, and review writes go on', async () => {
    const wsDir = tmp('ra-ws-');
    writeFileSync(join(wsDir, 'good.txt'), `\n\n${PARA}\n`);
    for (const n of ['a.txt', 'b.docx', 'c.html', 'd.pdf']) execFileSync('mkfifo', [join(wsDir, n)]);
    const b = backend(tmp('ra-ud-'), wsDir);
    await ok(b, 'workspaceGet', {});
    await b.refreshed();
    const view = await ok(b, 'workspaceGet', {});
    expect(view!.documents.map((d) => d.name)).toEqual(['good.txt']);
    // the pipes named directly are refused by code, at once
    const summary = await ok(b, 'importFiles', { paths: ['a.txt', 'b.docx', 'c.html', 'd.pdf'].map((n) => join(wsDir, n)) });
    expect(summary.failed.map((f) => f.error.code)).toEqual(Array(4).fill('not-regular-file'));
    const doc = await ok(b, 'documentGet', { id: view!.documents[0].id });
    const fig = doc.findings.find((f) => f.type === 'figure')!;
    await ok(b, 'reviewApply', { documentId: doc.meta.id, action: { type: 'setStatus', findingIds: [fig.id], status: 'accepted' } });
    expect((await ok(b, 'saveStateGet', {})).state).not.toBe('error');
    expect((await ok(b, 'documentGet', { id: doc.meta.id })).reviews[fig.id]?.status).toBe('accepted');
  }, 60_000);
});
