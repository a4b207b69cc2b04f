/**
 * anchor-s7: a teammate's work made on another version of a report's text, through the service
 * with real stores: ann's machine has text v1, bob's has v2 (a passage inserted at the start,
 * so every finding's position — its id — moved). Only ann's work file travels; her reviews
 * must show on bob's findings of the same words, and count in the agreement.
 */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncthingError } from '../team/syncthing';
import type { Backend } from './backend';
import { ok, testBackends } from './test-backends';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const noSyncthing = async (): Promise<never> => {
  throw new SyncthingError('syncthing-not-configured', 'no config');
};
const { backend, closeAll } = testBackends({ version: '2.0.0-test', syncthing: noSyncthing });
afterEach(closeAll);

const V1 = '\n\n召开常委会会议9次、主任会议23次，审议法规草案12件。\n\n全年地区生产总值增长5.2%。\n';
const V2 = '\n\n（本版在开头加了一段导语：以下为常委会全年工作的主要数字。）\n' + V1;

interface Machine {
  b: Backend;
  dir: string;
  me: { id: string; name: string };
}

async function machine(name: string, report: string): Promise<Machine> {
  const dir = tmp(`ra-anchor-${name}-`);
  writeFileSync(join(dir, 'report.txt'), report);
  const b = backend(tmp(`ra-ud-${name}-`), dir);
  await ok(b, 'workspaceGet', {});
  await b.refreshed();
  const me = await ok(b, 'identitySet', { name });
  return { b, dir, me };
}

/** What Syncthing does on the receiving side: a temp file in the folder, renamed over the target. */
function deliver(from: Machine, to: Machine, rel: string): void {
  const dst = join(to.dir, rel);
  mkdirSync(dirname(dst), { recursive: true });
  const t = join(dirname(dst), `.syncthing.${Date.now()}.tmp`);
  copyFileSync(join(from.dir, rel), t);
  renameSync(t, dst);
}

async function figures(m: Machine) {
  const ws = (await ok(m.b, 'workspaceGet', {}))!;
  const id = ws.documents[0]!.id;
  const doc = await ok(m.b, 'documentGet', { id });
  const figs = doc.findings.filter((f) => f.type === 'figure' && f.data.kind !== 'name');
  const byQuote = (q: string) => figs.find((f) => f.type === 'figure' && f.data.text === q)!;
  return { id, byQuote };
}

describe('a teammate’s work made on another version of the text (text inserted at the start)', () => {
  it('shows in my view on the same words, and counts in the agreement', async () => {
    const ann = await machine('ann', V1);
    const bob = await machine('bob', V2);
    const a = await figures(ann);
    const b = await figures(bob);
    expect(b.id).toBe(a.id); // the same report
    for (const q of ['9次', '23次', '12件']) expect(b.byQuote(q).id).not.toBe(a.byQuote(q).id); // every id moved

    await ok(ann.b, 'reviewApply', { documentId: a.id, action: { type: 'setStatus', findingIds: [a.byQuote('9次').id], status: 'accepted' } });
    await ok(ann.b, 'reviewApply', { documentId: a.id, action: { type: 'setFields', findingId: a.byQuote('23次').id, fields: { value: 24 } } });
    await ok(ann.b, 'reviewApply', { documentId: a.id, action: { type: 'setStatus', findingIds: [a.byQuote('12件').id], status: 'rejected' } });
    await ok(bob.b, 'reviewApply', { documentId: b.id, action: { type: 'setStatus', findingIds: [b.byQuote('9次').id, b.byQuote('23次').id], status: 'accepted' } });
    await ok(bob.b, 'reviewApply', { documentId: b.id, action: { type: 'setStatus', findingIds: [b.byQuote('12件').id], status: 'rejected' } });
    deliver(ann, bob, `.report-annotator/work/${ann.me.id}/${a.id}.json`);

    const layers = await ok(bob.b, 'teamLayers', { documentId: b.id });
    expect(layers.layers.map((l) => [l.name, l.isMe, l.reviewed])).toEqual([['bob', true, 3], ['ann', false, 3]]);
    const annOn = (q: string) => layers.decisions[b.byQuote(q).id]?.find((d) => d.analyst === ann.me.id);
    expect(annOn('9次')).toMatchObject({ status: 'accepted' });
    expect(annOn('23次')).toMatchObject({ status: 'corrected', value: 24, fields: { value: 24 } });
    expect(annOn('12件')).toMatchObject({ status: 'rejected' });
    expect(layers.findings).toEqual([]); // nothing carried over as a manual finding: all on bob's findings

    const agr = await ok(bob.b, 'teamAgreement', {});
    expect(agr.documents).toBe(1);
    const pair = agr.pairs[0]!;
    expect(pair.documents).toBe(1);
    // ann asserts 9次 and 23次 (corrected), bob asserts both: two matches, F1 = 1; 12件 rejected by both
    const all = pair.byKind.all!;
    expect([all.aCount, all.bCount, all.matched, all.f1]).toEqual([2, 2, 2, 1]);
    const q = await ok(bob.b, 'teamAdjudicationQueue', { documentId: b.id });
    const cls = Object.fromEntries(q.items.map((i) => [i.id, i.class]));
    expect([cls[b.byQuote('9次').id], cls[b.byQuote('23次').id], cls[b.byQuote('12件').id]]).toEqual(['agree', 'disagree', 'agree']);
  });
});
