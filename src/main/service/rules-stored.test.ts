// undo-s6: re-analysis of reports whose source file is missing
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rule, exportRules } from '../../core/rules';
import { STORE_DIR } from '../store/layout';
import { ok, testBackends } from './test-backends';

const { backend, closeAll } = testBackends();
afterEach(closeAll);
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const prov = { analyst: 'a', documentId: 'd', at: '2026-01-01T00:00:00.000Z' };
const fixRule: Rule = { id: 'n1', enabled: true, match: { type: 'figure', kind: 'count', pattern: '主任会议|#次' }, action: { op: 'fix', fields: { metric: '主任会议次数' } }, provenance: prov };

const A = '\n\n推动三次产业融合，召开常委会会议9次，主任会议23次。\n';
const B = '\n\n三次产业协调发展。召开常委会会议12次，听取报告8次。\n';

describe('re-analysis of a report whose source file is missing', () => {
  it('is made from the text the workspace keeps (the work kept, the rules applied); without that text it is skipped, not failed', async () => {
    const ud = tmp('ra-stored-ud-');
    const ws = tmp('ra-stored-ws-');
    writeFileSync(join(ws, 'a.txt'), A);
    writeFileSync(join(ws, 'b.txt'), B);
    const b = backend(ud, ws);
    await ok(b, 'workspaceGet', {});
    await b.refreshed();
    const ids = Object.fromEntries((await ok(b, 'workspaceGet', {}))!.documents.map((d) => [d.name, d.id]));
    const a0 = await ok(b, 'documentGet', { id: ids['a.txt'] });
    const nine = a0.findings.find((f) => f.type === 'figure' && f.data.text === '9次')!;
    const meetings = a0.findings.find((f) => f.type === 'figure' && f.data.text === '23次');
    expect(meetings?.data).toMatchObject({ kind: 'count' });
    expect(meetings?.data).not.toMatchObject({ metric: '主任会议次数' });
    await ok(b, 'reviewApply', { documentId: ids['a.txt'], action: { type: 'setStatus', findingIds: [nine.id], status: 'rejected' } });
    await ok(b, 'rulesImport', { json: exportRules([fixRule]) });
    unlinkSync(join(ws, 'a.txt'));

    const report = await ok(b, 'rulesReanalyze', {});
    expect(report).toMatchObject({ documents: 2, fromStore: 1, skipped: [], failed: [] });
    expect(report.rules).toEqual([{ ruleId: 'n1', before: 0, after: 1 }]);
    const a1 = await ok(b, 'documentGet', { id: ids['a.txt'] });
    expect(a1.text).toBe(a0.text);
    expect(a1.reviews[nine.id].status).toBe('rejected');
    expect(a1.canUndo).toBe(true);
    expect(a1.findings.find((f) => f.id === meetings!.id)?.data).toMatchObject({ metric: '主任会议次数' });
    expect((await ok(b, 'workspaceGet', {}))!.documents.map((d) => d.name).sort()).toEqual(['a.txt', 'b.txt']);

    // the text gone too (cache file and its backups deleted while the app was closed): skipped, nothing changed, not a failure
    await b.close();
    unlinkSync(join(ws, 'b.txt'));
    rmSync(join(ws, STORE_DIR, 'cache', `${ids['b.txt']}.json`));
    rmSync(join(ws, STORE_DIR, 'backups', 'cache'), { recursive: true, force: true });
    const b2 = backend(ud, ws);
    await ok(b2, 'workspaceGet', {});
    await b2.refreshed();
    const again = await ok(b2, 'rulesReanalyze', {});
    expect(again).toMatchObject({ documents: 1, fromStore: 1, failed: [], skipped: [{ documentId: ids['b.txt'], path: 'b.txt', code: 'source-missing' }] });
  });
});
