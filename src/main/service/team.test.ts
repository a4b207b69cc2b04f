/**
 * Teams through the service (issue 14): two analysts on two machines, simulated as two
 * workspace folders with the same reports and two app user-data folders; "sync" copies a work
 * file from one folder to the other the way Syncthing delivers it (temp file, then rename).
 * Each side sees the other's layer, the agreement, the adjudication queue; conflict copies of
 * my own work are merged with a notice; exports take another layer.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse } from '../../core/api';
import { runCli } from '../cli';
import { SyncthingError } from '../team/syncthing';
import { type Backend, createBackend } from './backend';
import { call } from './dispatch';

const SAMPLES = resolve(__dirname, '../../../resources/samples');
const open: Backend[] = [];
const log = { error: (m: string, c?: unknown) => console.error(m, c) };
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const noSyncthing = async (): Promise<never> => {
  throw new SyncthingError('syncthing-not-configured', 'no config');
};

function backend(userDataDir: string, workspaceDir: string): Backend {
  const b = createBackend({ mode: 'browser', app: 'serve', samplesDir: SAMPLES, userDataDir, workspaceDir, log, version: '2.0.0-test', workerPath: null, syncthing: noSyncthing });
  open.push(b);
  return b;
}
async function ok<M extends ApiMethod>(b: Backend, method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
  const r = await call(b.handlers, method, req);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
async function fails<M extends ApiMethod>(b: Backend, method: M, req: ApiRequest<M>): Promise<string> {
  const r = await call(b.handlers, method, req);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error.code;
}
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

const REPORT = '\n\n召开常委会会议9次、主任会议23次，审议法规草案12件。\n\n全年地区生产总值增长5.2%。\n';

interface Machine {
  b: Backend;
  dir: string;
  ud: string;
  me: { id: string; name: string };
}

async function machine(name: string, more: Record<string, string> = {}): Promise<Machine> {
  const dir = tmp(`ra-team-${name}-`);
  writeFileSync(join(dir, 'report.txt'), REPORT);
  for (const [f, text] of Object.entries(more)) writeFileSync(join(dir, f), text);
  const ud = tmp(`ra-ud-${name}-`);
  const b = backend(ud, dir);
  await ok(b, 'workspaceGet', {});
  await b.refreshed();
  const me = await ok(b, 'identitySet', { name });
  return { b, dir, ud, me };
}

/** What Syncthing does on the receiving side: a temp file in the folder, renamed over the target. */
function deliver(from: Machine, to: Machine, rel: string): void {
  const src = join(from.dir, rel);
  const dst = join(to.dir, rel);
  mkdirSync(dirname(dst), { recursive: true });
  const tmpName = join(dirname(dst), `.syncthing.${Date.now()}.tmp`);
  copyFileSync(src, tmpName);
  renameSync(tmpName, dst);
}
const workRel = (m: Machine, docId: string) => `.report-annotator/work/${m.me.id}/${docId}.json`;

async function docOf(m: Machine) {
  const ws = (await ok(m.b, 'workspaceGet', {}))!;
  const id = ws.documents[0]!.id;
  const doc = await ok(m.b, 'documentGet', { id });
  const figs = doc.findings.filter((f) => f.type === 'figure' && f.data.kind !== 'name');
  return { id, figs };
}

function nextEvent<E extends 'teamChanged' | 'workspaceChanged'>(b: Backend, name: E, pred: (p: ApiEvent<E>) => boolean, timeoutMs = 10_000): Promise<ApiEvent<E>> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      off();
      rej(new Error(`no ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = b.onEvent((n, p) => {
      if (n === name && pred(p as ApiEvent<E>)) {
        clearTimeout(timer);
        off();
        res(p as ApiEvent<E>);
      }
    });
  });
}

/** ann accepts the first figure and corrects the second's value; bob rejects the first and accepts the second. */
async function twoAnalysts() {
  const ann = await machine('ann');
  const bob = await machine('bob');
  const { id, figs } = await docOf(ann);
  expect((await docOf(bob)).id).toBe(id); // same report, same id on both machines
  expect(figs.length).toBeGreaterThanOrEqual(3);
  const [f0, f1] = figs as [(typeof figs)[0], (typeof figs)[0]];
  await ok(ann.b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [f0.id], status: 'accepted' } });
  await ok(ann.b, 'reviewApply', { documentId: id, action: { type: 'setFields', findingId: f1.id, fields: { value: 24 } } });
  await ok(bob.b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [f0.id], status: 'rejected' } });
  await ok(bob.b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [f1.id], status: 'accepted' } });
  return { ann, bob, id, f0, f1 };
}

describe('team layers through the service', () => {
  it('a teammate’s review reaches the open view: teamChanged, then teamLayers shows who decided what, with the values', async () => {
    const { ann, bob, id, f0, f1 } = await twoAnalysts();
    const changed = nextEvent(bob.b, 'teamChanged', (e) => e.documentIds.includes(id));
    const t0 = Date.now();
    deliver(ann, bob, workRel(ann, id));
    const ev = await changed;
    const ms = Date.now() - t0;
    expect(ev.analysts).toEqual([ann.me.id]);
    console.log(`teamChanged ${ms} ms after the teammate's file arrived`);
    const layers = await ok(bob.b, 'teamLayers', { documentId: id });
    expect(layers.layers.map((l) => [l.name, l.isMe, l.reviewed])).toEqual([['bob', true, 2], ['ann', false, 2]]);
    const d0 = Object.fromEntries(layers.decisions[f0.id]!.map((d) => [d.analyst, d.status]));
    expect(d0).toEqual({ [bob.me.id]: 'rejected', [ann.me.id]: 'accepted' });
    const annOnF1 = layers.decisions[f1.id]!.find((d) => d.analyst === ann.me.id)!;
    expect(annOnF1).toMatchObject({ status: 'corrected', value: 24, fields: { value: 24 } });
    const analysts = await ok(bob.b, 'teamAnalysts', {});
    expect(analysts.map((a) => [a.name, a.isMe, a.documents])).toEqual([['bob', true, 1], ['ann', false, 1]]);
  });

  it('agreement and the adjudication queue; adjudicating writes a layer the export takes', async () => {
    const { ann, bob, id, f0, f1 } = await twoAnalysts();
    deliver(ann, bob, workRel(ann, id));
    const agr = await ok(bob.b, 'teamAgreement', {});
    expect(agr.analysts).toEqual([bob.me.id, ann.me.id].sort()); // by id, the same on every machine
    expect(agr.documents).toBe(1);
    const all = agr.pairs[0]!.byKind.all!;
    // ann asserts f0 and f1 (corrected), bob asserts f1 only: one match → F1 = 2·1/(2+1)
    expect([all.aCount + all.bCount, all.matched]).toEqual([3, 1]);
    expect(all.f1).toBeCloseTo(2 / 3);
    expect(agr.matrices.f1).toEqual([[1, all.f1], [all.f1, 1]]);
    expect(agr.perDocument.map((d) => d.documentId)).toEqual([id]);
    // team-s6: ann's machine, with bob's work, gives the same pairs the same way round (analysts by id, not "me first")
    deliver(bob, ann, workRel(bob, id));
    const onAnn = await ok(ann.b, 'teamAgreement', {});
    expect([onAnn.analysts, onAnn.pairs, onAnn.matrices]).toEqual([agr.analysts, agr.pairs, agr.matrices]);

    const q = await ok(bob.b, 'teamAdjudicationQueue', { documentId: id });
    const byId = Object.fromEntries(q.items.map((i) => [i.id, i]));
    expect(byId[f0.id]!.class).toBe('disagree');
    expect(byId[f1.id]!.class).toBe('disagree'); // corrected to 24 vs accepted as is
    expect(q.counts.open).toBe(2);
    expect(await fails(bob.b, 'teamAdjudicate', { documentId: id, item: f0.id, choice: { take: 'nobody' } })).toBe('bad-request');
    await ok(bob.b, 'teamAdjudicate', { documentId: id, item: f0.id, choice: { take: ann.me.id } });
    const q2 = await ok(bob.b, 'teamAdjudicate', { documentId: id, item: f1.id, choice: { take: ann.me.id, fields: { value: 25 } } });
    expect(q2.counts).toMatchObject({ open: 0, resolved: 2 });
    expect(q2.adjudicatedBy).toBe(bob.me.id);
    // un-settling one item puts it back in the queue
    const q3 = await ok(bob.b, 'teamAdjudicate', { documentId: id, item: f0.id, choice: null });
    expect(q3.counts.open).toBe(1);
    await ok(bob.b, 'teamAdjudicate', { documentId: id, item: f0.id, choice: { reject: true } });

    // export of the adjudicated layer: f1 at the edited value, f0 out
    const out = join(tmp('ra-exp-'), 'adj.jsonl');
    await ok(bob.b, 'exportDataset', { format: 'jsonl', filter: 'accepted', out, layer: 'adjudicated' });
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const text = JSON.stringify(lines[1]);
    expect(text).toContain('"value":25');
    expect(text).not.toContain(f0.id);
    // the adjudication is a file of bob's own, which reaches ann like any other
    deliver(bob, ann, `.report-annotator/team/adjudicated/${bob.me.id}/${id}.json`);
    deliver(bob, ann, workRel(bob, id));
    const qa = await ok(ann.b, 'teamAdjudicationQueue', { documentId: id });
    expect(qa.adjudicatedBy).toBe(bob.me.id);
    expect(qa.items.find((i) => i.id === f1.id)!.resolution?.choice).toEqual({ take: ann.me.id, fields: { value: 25 } });
    expect(qa.items.find((i) => i.id === f1.id)!.stale).toBe(false);
    // ann changes her mind on f1: the adjudicated choice is kept and marked stale
    await ok(ann.b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [f1.id], status: 'rejected' } });
    expect((await ok(ann.b, 'teamAdjudicationQueue', { documentId: id })).items.find((i) => i.id === f1.id)!.stale).toBe(true);
  });

  it('every layer in one export: csv facts with an annotator column, Label Studio with one annotation per analyst', async () => {
    const { ann, bob, id } = await twoAnalysts();
    deliver(ann, bob, workRel(ann, id));
    const dir = tmp('ra-exp-');
    await ok(bob.b, 'exportDataset', { format: 'csv', filter: 'accepted', out: join(dir, 'csv'), layer: 'all' });
    const facts = readFileSync(join(dir, 'csv', 'facts.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(facts[0]!.split(',').at(-1)).toBe('annotator');
    const annotators = facts.slice(1).map((r) => r.split(',').at(-1));
    // ann asserted two figures, bob one (the adjudicated layer has nothing settled yet: the two disagree)
    expect(annotators.sort()).toEqual(['ann', 'ann', 'bob']);
    await ok(bob.b, 'exportDataset', { format: 'label-studio', filter: 'accepted', out: join(dir, 'ls.json'), layer: 'all' });
    const tasks = JSON.parse(readFileSync(join(dir, 'ls.json'), 'utf8')) as { annotations?: { completed_by: string; result: unknown[] }[] }[];
    expect(tasks[0]!.annotations!.map((a) => [a.completed_by, a.result.length]).sort()).toEqual([['ann', 2], ['bob', 1]]);
    // one analyst's layer, by id
    await ok(bob.b, 'exportDataset', { format: 'csv', filter: 'accepted', out: join(dir, 'ann'), layer: { analyst: ann.me.id } });
    expect(readFileSync(join(dir, 'ann', 'facts.csv'), 'utf8').trim().split(/\r?\n/)).toHaveLength(3);
    expect(await fails(bob.b, 'exportDataset', { format: 'brat', filter: 'accepted', out: join(dir, 'brat'), layer: 'all' })).toBe('bad-request');
    expect(await fails(bob.b, 'exportDataset', { format: 'csv', filter: 'accepted', out: join(dir, 'x'), layer: { analyst: 'nobody' } })).toBe('bad-request');
  });

  it('s7: a teammate’s tags are exported with the names they gave them, even where both machines made a tag with the same id', async () => {
    const { ann, bob, id, f0, f1 } = await twoAnalysts();
    // a tag id made on both machines (as tag ids made from the name were) naming two different tags
    await ok(ann.b, 'taxonomySet', { tags: [{ id: 'new-tag', name: '财政', color: '#123456', hotkey: null }] });
    await ok(bob.b, 'taxonomySet', { tags: [{ id: 'new-tag', name: '教育', color: '#654321', hotkey: null }] });
    await ok(ann.b, 'reviewApply', { documentId: id, action: { type: 'toggleTag', findingId: f0.id, tag: 'new-tag' } });
    await ok(bob.b, 'reviewApply', { documentId: id, action: { type: 'toggleTag', findingId: f1.id, tag: 'new-tag' } });
    deliver(ann, bob, workRel(ann, id));
    deliver(ann, bob, `.report-annotator/team/analysts/${ann.me.id}.json`);
    const dir = tmp('ra-exp-tags-');
    await ok(bob.b, 'exportDataset', { format: 'csv', filter: 'accepted', out: join(dir, 'all'), layer: 'all' });
    const rows = (file: string) => {
      const [head, ...rest] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((r) => r.split(','));
      return rest.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]])));
    };
    const tagged = rows(join(dir, 'all', 'facts.csv')).filter((r) => r.tags).map((r) => [r.annotator, r.figure_id, r.tags]);
    expect(tagged.sort()).toEqual([['ann', f0.id, '财政'], ['bob', f1.id, '教育']].sort());
    // ann's layer alone, exported on bob's machine
    await ok(bob.b, 'exportDataset', { format: 'jsonl', filter: 'accepted', out: join(dir, 'ann.jsonl'), layer: { analyst: ann.me.id } });
    const doc = readFileSync(join(dir, 'ann.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { record: string; findings?: { id: string; tags: string[]; tag_ids: string[] }[] }).find((r) => r.record === 'document')!;
    expect(doc.findings!.find((f) => f.id === f0.id)).toMatchObject({ tags: ['财政'], tag_ids: ['new-tag'] });
    // bob adjudicates: ann's decision on f0 (her 财政), his own on f1 (his 教育) — the adjudicated layer names each as its analyst did
    await ok(bob.b, 'teamAdjudicate', { documentId: id, item: f0.id, choice: { take: ann.me.id } });
    await ok(bob.b, 'teamAdjudicate', { documentId: id, item: f1.id, choice: { take: bob.me.id } });
    await ok(bob.b, 'exportDataset', { format: 'jsonl', filter: 'accepted', out: join(dir, 'adj.jsonl'), layer: 'adjudicated' });
    const adj = readFileSync(join(dir, 'adj.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { record: string; findings?: { id: string; tags: string[] }[] }).find((r) => r.record === 'document')!;
    expect(adj.findings!.find((f) => f.id === f0.id)!.tags).toEqual(['财政']);
    expect(adj.findings!.find((f) => f.id === f1.id)!.tags).toEqual(['教育']);
    await ok(bob.b, 'exportDataset', { format: 'csv', filter: 'accepted', out: join(dir, 'all2'), layer: 'all' });
    const adjRows = rows(join(dir, 'all2', 'facts.csv')).filter((r) => r.annotator === 'adjudicated' && r.tags).map((r) => [r.figure_id, r.tags]);
    expect(adjRows.sort()).toEqual([[f0.id, '财政'], [f1.id, '教育']].sort());
  });

  it('the agreement command reads the same workspace (read-only, while the app has it open) and gives the same figures', async () => {
    const { ann, bob, id } = await twoAnalysts();
    deliver(ann, bob, workRel(ann, id));
    const fromApp = await ok(bob.b, 'teamAgreement', {});
    const io = { stdout: '', stderr: '', out: (x: string) => void (io.stdout += x), err: (x: string) => void (io.stderr += x) };
    expect(await runCli(['agreement', '--workspace', bob.dir, '--format', 'json'], io)).toBe(0);
    const cli = JSON.parse(io.stdout) as { analysts: string[]; names: { id: string; name: string }[]; pairs: { a: string; b: string; documents: number; byKind: Record<string, { f1: number | null }> }[] };
    expect(cli.analysts.sort()).toEqual([ann.me.id, bob.me.id].sort());
    expect(cli.names.map((n) => n.name).sort()).toEqual(['ann', 'bob']);
    expect(cli.pairs).toHaveLength(1);
    expect(cli.pairs[0]!.documents).toBe(1);
    expect(cli.pairs[0]!.byKind.all!.f1).toBeCloseTo(fromApp.pairs[0]!.byKind.all!.f1!);
    io.stdout = '';
    expect(await runCli(['agreement', '--workspace', bob.dir], io)).toBe(0);
    expect(io.stdout).toContain('span F1');
    expect(await runCli(['agreement', '--workspace', join(bob.dir, 'nope')], io)).toBe(1);
    expect(io.stderr).toContain('workspace-not-found');
  });

  it('a report a teammate added (its source and their work arriving while the app is open) is listed, with their layer', async () => {
    const ann = await machine('ann', { 'extra.txt': '新建学校3所，改造道路12条。\n' });
    const bob = await machine('bob');
    const ws = (await ok(ann.b, 'workspaceGet', {}))!;
    const extra = ws.documents.find((d) => d.name === 'extra.txt')!.id;
    const fig = (await ok(ann.b, 'documentGet', { id: extra })).findings.find((f) => f.type === 'figure')!;
    await ok(ann.b, 'reviewApply', { documentId: extra, action: { type: 'setStatus', findingIds: [fig.id], status: 'accepted' } });
    const listed = nextEvent(bob.b, 'workspaceChanged', (v) => v.documents.some((d) => d.id === extra));
    deliver(ann, bob, 'extra.txt');
    deliver(ann, bob, workRel(ann, extra));
    await listed;
    const layers = await ok(bob.b, 'teamLayers', { documentId: extra });
    expect(layers.decisions[fig.id]!.map((d) => [d.analyst, d.status])).toEqual([[ann.me.id, 'accepted']]);
  });

  it('a teammate’s file that is damaged or half-written leaves their layer empty, never an error', async () => {
    const { ann, bob, id } = await twoAnalysts();
    const target = join(bob.dir, workRel(ann, id));
    mkdirSync(dirname(target), { recursive: true });
    const full = readFileSync(join(ann.dir, workRel(ann, id)), 'utf8');
    writeFileSync(target, full.slice(0, Math.floor(full.length / 2)));
    const layers = await ok(bob.b, 'teamLayers', { documentId: id });
    expect(layers.layers.find((l) => l.analyst === ann.me.id)).toMatchObject({ unreadable: true, reviewed: 0 });
    expect((await ok(bob.b, 'teamAgreement', {})).pairs[0]!.documents).toBe(0);
    // the rest arrives: the layer is there
    writeFileSync(target, full);
    expect((await ok(bob.b, 'teamLayers', { documentId: id })).layers.find((l) => l.analyst === ann.me.id)).toMatchObject({ unreadable: false, reviewed: 2 });
  });
});

describe('one analyst on two machines: conflict copies', () => {
  it('are merged into the work by review time, the copy removed, and a notice raised', async () => {
    const { bob, id, f0, f1 } = await twoAnalysts();
    const file = join(bob.dir, workRel(bob, id));
    const mine = JSON.parse(readFileSync(file, 'utf8')) as { reviews: Record<string, { status: string; updatedAt: string; note: string }> };
    // the other machine: bob accepted f0 later, and noted f1 earlier than this machine's review
    const other = structuredClone(mine);
    other.reviews[f0.id] = { ...other.reviews[f0.id]!, status: 'accepted', updatedAt: new Date(Date.now() + 60_000).toISOString() };
    other.reviews[f1.id] = { ...other.reviews[f1.id]!, note: 'old', updatedAt: '2020-01-01T00:00:00.000Z' };
    const copy = join(dirname(file), `${id}.sync-conflict-20260101-101010-ABCDEFG.json`);
    const noticed = nextEvent(bob.b, 'workspaceChanged', (v) => v.notices.some((n) => n.code === 'work-conflict-merged'));
    writeFileSync(`${copy}.tmp`, JSON.stringify(other));
    renameSync(`${copy}.tmp`, copy);
    const view = await noticed;
    expect(view.notices.find((n) => n.code === 'work-conflict-merged')!.params).toMatchObject({ copies: 1, superseded: 2 });
    expect(existsSync(copy)).toBe(false);
    const doc = await ok(bob.b, 'documentGet', { id });
    expect(doc.reviews[f0.id]!.status).toBe('accepted'); // the later review wins
    expect(doc.reviews[f1.id]!.note).toBe(''); // this machine's f1 review was later
    expect(doc.canUndo).toBe(true); // the replaced one is in the history
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as typeof mine;
    expect(onDisk.reviews[f0.id]!.status).toBe('accepted');
  });

  it('a newer version of my work file from my other computer (no conflict) is merged, not overwritten by my next review', async () => {
    const { bob, id, f0, f1 } = await twoAnalysts();
    // more reviews here: none of these writes counts as another computer's
    await ok(bob.b, 'reviewApply', { documentId: id, action: { type: 'setNote', findingId: f1.id, note: '本机' } });
    await ok(bob.b, 'reviewApply', { documentId: id, action: { type: 'setNote', findingId: f1.id, note: '本机2' } });
    const file = join(bob.dir, workRel(bob, id));
    const other = JSON.parse(readFileSync(file, 'utf8')) as { reviews: Record<string, { status: string; updatedAt: string; note: string }> };
    other.reviews[f0.id] = { ...other.reviews[f0.id]!, status: 'accepted', note: '另一台电脑', updatedAt: new Date(Date.now() + 60_000).toISOString() };
    const noticed = nextEvent(bob.b, 'workspaceChanged', (v) => v.notices.some((n) => n.code === 'work-conflict-merged'));
    writeFileSync(`${file}.sync.tmp`, JSON.stringify(other));
    renameSync(`${file}.sync.tmp`, file);
    const view = await noticed;
    expect(view.notices.filter((n) => n.code === 'work-conflict-merged')).toHaveLength(1);
    const doc = await ok(bob.b, 'documentGet', { id });
    expect(doc.reviews[f0.id]).toMatchObject({ status: 'accepted', note: '另一台电脑' });
    expect(doc.reviews[f1.id]!.note).toBe('本机2');
    await ok(bob.b, 'reviewApply', { documentId: id, action: { type: 'setNote', findingId: f1.id, note: '之后' } });
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as typeof other;
    expect(onDisk.reviews[f0.id]!.note).toBe('另一台电脑');
    expect(onDisk.reviews[f1.id]!.note).toBe('之后');
  });

  it('the report list counts what my other computer reviewed (its version of my work file arriving), not the old count (team-s6)', async () => {
    const { bob, id } = await twoAnalysts();
    const { figs } = await docOf(bob);
    const f2 = figs[2]!;
    const countOf = async () => (await ok(bob.b, 'workspaceGet', {}))!.documents.find((d) => d.id === id)!.counts.reviewed;
    expect(await countOf()).toBe(2);
    const file = join(bob.dir, workRel(bob, id));
    const other = JSON.parse(readFileSync(file, 'utf8')) as { reviews: Record<string, { findingId: string; status: string; updatedAt: string }> };
    const first = Object.values(other.reviews)[0]!;
    other.reviews[f2.id] = { ...first, findingId: f2.id, status: 'accepted', updatedAt: new Date(Date.now() + 60_000).toISOString() };
    const counted = nextEvent(bob.b, 'workspaceChanged', (v) => v.documents.find((d) => d.id === id)?.counts.reviewed === 3);
    writeFileSync(`${file}.sync.tmp`, JSON.stringify(other));
    renameSync(`${file}.sync.tmp`, file);
    await counted;
    expect(await countOf()).toBe(3);
  });

  it('a copy that cannot be read is left where it is, with a notice', async () => {
    const { bob, id } = await twoAnalysts();
    const copy = join(bob.dir, '.report-annotator', 'work', bob.me.id, `${id}.sync-conflict-20260101-101010-ABCDEFG.json`);
    const noticed = nextEvent(bob.b, 'workspaceChanged', (v) => v.notices.some((n) => n.code === 'work-conflict-unreadable'));
    writeFileSync(copy, '{"reviews": {');
    await noticed;
    expect(existsSync(copy)).toBe(true);
  });
});

describe('assignment, queues, sharing, identity', () => {
  it('an assignment set on one machine is every machine’s; each analyst sees their queue', async () => {
    const ann = await machine('ann', Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`r${i}.txt`, `第${i}份报告：完成项目${i + 3}个。\n`])));
    const dir = ann.dir;
    const ids = (await ok(ann.b, 'workspaceGet', {}))!.documents.map((d) => d.id);
    expect(ids).toHaveLength(6);
    expect((await ok(ann.b, 'teamMyQueue', {})).assigned).toBe(false);
    const set = await ok(ann.b, 'teamAssignmentSet', { analysts: [ann.me.id, 'bob-id'], overlap: 0, manual: { [ids[0]!]: ['bob-id'] } });
    expect(set.setBy).toBe(ann.me.id);
    expect(set.byDoc[ids[0]!]).toEqual(['bob-id']);
    expect(set.queues[ann.me.id]!.length + set.queues['bob-id']!.length).toBe(6);
    const q = await ok(ann.b, 'teamMyQueue', {});
    expect(q.assigned).toBe(true);
    expect(q.documents.map((d) => d.documentId).sort()).toEqual([...set.queues[ann.me.id]!].sort());
    expect(existsSync(join(dir, '.report-annotator', 'team', 'assignment', `${ann.me.id}.json`))).toBe(true);
    // a later assignment by someone else (their own file) wins
    const other = { schemaVersion: 1, setBy: { id: 'bob-id', name: 'bob' }, setAt: new Date(Date.now() + 1000).toISOString(), analysts: ['bob-id'], overlap: 0, manual: {} };
    writeFileSync(join(dir, '.report-annotator', 'team', 'assignment', 'bob-id.json'), JSON.stringify(other));
    expect((await ok(ann.b, 'teamAssignmentGet', {})).setBy).toBe('bob-id');
    expect((await ok(ann.b, 'teamMyQueue', {})).documents).toEqual([]);
    expect(await fails(ann.b, 'teamAssignmentSet', { analysts: ['x'], overlap: 0, manual: { nope: ['x'] } })).toBe('document-not-found');
  });

  it('opening writes the .stignore and my profile; without Syncthing the status says so, and sharing is a clear error', async () => {
    const ann = await machine('ann');
    expect(readFileSync(join(ann.dir, '.stignore'), 'utf8')).toContain('/.report-annotator/cache');
    const profile = JSON.parse(readFileSync(join(ann.dir, '.report-annotator', 'team', 'analysts', `${ann.me.id}.json`), 'utf8')) as { name: string };
    expect(profile.name).toBe('ann');
    const st = await ok(ann.b, 'teamStatus', {});
    expect(st).toMatchObject({ syncthing: 'not-configured', errorCode: 'syncthing-not-configured', deviceId: null, folderShared: false });
    expect(['apt', 'dnf', 'brew', 'windows', 'other']).toContain(st.installHint);
    expect(await fails(ann.b, 'teamAddDevice', { deviceId: 'x' })).toBe('syncthing-not-configured');
  });

  it('a machine that lost its user settings can take its earlier analyst id back', async () => {
    const { ann, bob, id } = await twoAnalysts();
    const f2 = (await docOf(ann)).figs[2]!;
    await ok(ann.b, 'reviewApply', { documentId: id, action: { type: 'setStatus', findingIds: [f2.id], status: 'rejected' } }); // ann: 3 reviewed, bob 2
    deliver(ann, bob, workRel(ann, id));
    await bob.b.close();
    open.splice(open.indexOf(bob.b), 1);
    // ann's laptop was reinstalled: a new user-data folder, a new id, on bob's copy of the folder
    const fresh = backend(tmp('ra-ud-new-'), bob.dir);
    await ok(fresh, 'workspaceGet', {});
    const before = await ok(fresh, 'identityGet', {});
    expect(before.id).not.toBe(ann.me.id);
    expect(await fails(fresh, 'teamAdoptAnalyst', { analystId: 'nobody' })).toBe('bad-request');
    // team-s6: the report list counts ann's work once her id is taken (the index had counted other work: bob's 2)
    const counted = nextEvent(fresh, 'workspaceChanged', (v) => v.documents.find((d) => d.id === id)?.counts.reviewed === 3);
    const adopted = await ok(fresh, 'teamAdoptAnalyst', { analystId: ann.me.id });
    expect(adopted).toMatchObject({ id: ann.me.id, name: 'ann' });
    await counted;
    expect((await ok(fresh, 'workspaceGet', {}))!.documents.find((d) => d.id === id)!.counts.reviewed).toBe(3);
    const doc = await ok(fresh, 'documentGet', { id });
    expect(Object.values(doc.reviews).map((r) => r.status).sort()).toEqual(['accepted', 'corrected', 'rejected']);
    // with work of its own, a machine cannot take another id
    expect(await fails(fresh, 'teamAdoptAnalyst', { analystId: bob.me.id })).toBe('bad-request');
    expect(readdirSync(join(bob.dir, '.report-annotator', 'work')).sort()).toEqual([ann.me.id, bob.me.id, before.id].sort());
  });
});
