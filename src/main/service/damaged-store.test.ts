/**
 * Damaged-store cases through the service (issue 17: "every one either restores all acknowledged
 * work or tells the analyst exactly what was lost; 0 silent"): each file of a reviewed workspace
 * — this analyst's work file, the report's cache file, the index — truncated, garbage, empty,
 * valid JSON of the wrong shape, or deleted; then the workspace is opened and the report read.
 * Either every acknowledged review is back, or a notice names the report and the number of
 * reviewed findings lost, and that number is the true loss. (A damaged or deleted cache file
 * with no good backup is made again from the source; the intact work file comes back with it.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, WorkspaceView } from '../../core/api';
import { settled as ok, testBackends } from './test-backends';

const { backend, closeAll } = testBackends({ log: { error: () => undefined }, version: '2.0.0-test' });
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
afterEach(closeAll);

const REPORT_A = '\n\n召开常委会会议9次、主任会议23次，审议法规草案12件。\n\n全年地区生产总值增长5.2%，粮食产量增长3.1%。\n';
const REPORT_B = '\n\n审议法规草案12件，批准法规7件。\n';

/** Two reports, each with one accepted and noted figure; then, in a later session, two more decisions on a.txt (so its backup is older than its work). */
async function reviewedWorkspace(): Promise<{ ud: string; dir: string; ids: Record<string, string>; analyst: string }> {
  const ud = tmp('ra-ud-');
  const dir = tmp('ra-ws-');
  writeFileSync(join(dir, 'a.txt'), REPORT_A);
  writeFileSync(join(dir, 'b.txt'), REPORT_B);
  let b = backend(ud, dir);
  const ws = (await ok(b, 'workspaceGet', {}))!;
  const ids = Object.fromEntries(ws.documents.map((d) => [d.name, d.id]));
  for (const id of Object.values(ids)) {
    const doc = await ok(b, 'documentGet', { id });
    const fig = doc.findings.find((f) => f.type === 'figure')!;
    await ok(b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [fig.id], status: 'accepted' } });
    await ok(b, 'reviewApply', { documentId: id, action: { type: 'setNote', findingId: fig.id, note: '已核对' } });
  }
  await closeAll();
  b = backend(ud, dir);
  const doc = await ok(b, 'documentGet', { id: ids['a.txt'] });
  for (const f of doc.findings.filter((x) => x.type === 'figure' && !doc.reviews[x.id]).slice(0, 2)) {
    await ok(b, 'reviewApply', { documentId: ids['a.txt'], action: { type: 'setStatus', findingIds: [f.id], status: 'rejected' } });
  }
  await closeAll();
  const analyst = (JSON.parse(readFileSync(join(ud, 'identity.json'), 'utf8')) as { id: string }).id;
  return { ud, dir, ids, analyst };
}

const DAMAGE: Record<string, (file: string) => void> = {
  truncated: (f) => writeFileSync(f, readFileSync(f, 'utf8').slice(0, 40)),
  garbage: (f) => writeFileSync(f, '\u0000\u00ff垃圾 not json at all'),
  empty: (f) => writeFileSync(f, ''),
  'wrong-schema': (f) => writeFileSync(f, JSON.stringify({ schemaVersion: 2, documentId: 7, reviews: 'none', findings: {} })),
  deleted: (f) => rmSync(f),
};

/** reviews the analyst decided (accepted, rejected, corrected) */
const decided = (reviews: Record<string, { status: string }>): number => Object.values(reviews).filter((r) => r.status !== 'suggested').length;

describe('damaged store: every case restores all acknowledged work or says exactly what was lost', () => {
  const targets: Record<string, (w: { dir: string; ids: Record<string, string>; analyst: string }) => string> = {
    'work file': (w) => join(w.dir, '.report-annotator', 'work', w.analyst, `${w.ids['a.txt']}.json`),
    'cache file': (w) => join(w.dir, '.report-annotator', 'cache', `${w.ids['a.txt']}.json`),
    index: (w) => join(w.dir, '.report-annotator', 'workspace.json'),
  };
  for (const [target, fileOf] of Object.entries(targets)) {
    for (const [damage, apply] of Object.entries(DAMAGE)) {
      it(`${target}, ${damage}`, async () => {
        const w = await reviewedWorkspace();
        apply(fileOf(w));
        const b = backend(w.ud, w.dir);
        const views: WorkspaceView[] = [];
        b.onEvent((name, payload) => name === 'workspaceChanged' && views.push(payload as ApiEvent<'workspaceChanged'>));
        const ws = (await ok(b, 'workspaceGet', {}))!;
        views.push(ws);
        const lostBy: Record<string, number> = {};
        for (const [name, before] of [['a.txt', 3], ['b.txt', 1]] as const) {
          const id = ws.documents.find((d) => d.name === name)?.id;
          let now = 0;
          if (id) {
            try {
              now = decided((await ok(b, 'documentGet', { id })).reviews);
            } catch (e) {
              // a report that cannot be read must be named in a notice (checked below)
              now = 0;
              expect((e as { code?: string }).code, `${name}: ${String(e)}`).toMatch(/store-corrupt|document-not-found/);
            }
          }
          lostBy[name] = before - now;
        }
        for (let i = 0; i < 200; i++) await new Promise((r) => setImmediate(r)); // notices raised on first read
        const notices = views.flatMap((v) => v.notices);
        for (const [name, lost] of Object.entries(lostBy)) {
          if (lost === 0) continue; // all acknowledged work is back
          // not silent, and exact: a notice names the report and the true number lost
          const told = notices.filter((n) => n.params?.name === name && Number(n.params?.lost) === lost);
          expect(told, `${target} ${damage}: ${lost} decided review(s) lost on ${name}; notices ${JSON.stringify(notices)}`).not.toHaveLength(0);
        }
      }, 60_000);
    }
  }
});
