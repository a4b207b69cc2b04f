import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { astralFixture } from '../../core/export/testing';
import { CacheFile, DocumentFile, DocumentFileV1, WorkFile, WorkspaceFile } from '../../core/store-schema';
import { decodeStoreFile } from './decode';
import { exactCheck } from './exact-check';
import { review, sampleDoc } from './test-support';

type Json = Record<string, unknown>;

/** What the store writes: zod's output, through JSON. */
const onDisk = (schema: z.ZodType, data: unknown): Json => JSON.parse(JSON.stringify(schema.parse(data))) as Json;

function documents(): Json[] {
  const f = astralFixture();
  const withEverything = { ...sampleDoc('d2'), reviews: { f1: review('f1', '注') }, orphans: [review('gone', '')], history: { undo: [{ op: 'accept' }], redo: [] } };
  const dup = f.docs[0].findings.find((x) => x.type === 'duplicate') as { data: Json };
  dup.data.similarity = 0.5;
  dup.data.places = [{ start: 1, end: 2, text: 'x' }];
  const defect = f.docs[0].findings.find((x) => x.type === 'defect') as { data: Json };
  defect.data.note = '总数与分项之和不符';
  return [onDisk(DocumentFile, f.docs[0]), onDisk(DocumentFile, sampleDoc('d1')), onDisk(DocumentFile, withEverything)];
}
/** the v2 files a document splits into */
const caches = (): Json[] => documents().map((d) => onDisk(CacheFile, { schemaVersion: 2, id: d.id, sha256: d.sha256, analyzer: 't', text: d.text, findings: (d.findings as Json[]).filter((f) => f.origin !== 'manual') }));
const works = (): Json[] => documents().map((d) => onDisk(WorkFile, { schemaVersion: 2, documentId: d.id, analyst: { id: 'a', name: '甲' }, sha256: d.sha256, findings: (d.findings as Json[]).filter((f) => f.origin === 'manual'), reviews: d.reviews, orphans: d.orphans, history: d.history }));
const workspaces = (): Json[] => [onDisk(WorkspaceFile, astralFixture().workspace), onDisk(WorkspaceFile, { ...astralFixture().workspace, settings: { a: 1 }, indicatorMap: { 会议: 'x' } })];

/** Every path to a value inside a JSON value. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) out.push(...paths((v as Json)[k], [...at, k]));
  return out;
}

const jsonValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 60, 7, '', 'x', 'accepted', 'figure', 'count', 'percent', 'boilerplate', 'manual', [], {}, { start: 1, end: 2, text: 'x' }),
  fc.string({ maxLength: 3 }),
  fc.integer(),
);
const mutation = fc.record({ pick: fc.nat(), kind: fc.constantFrom('set', 'delete', 'add', 'move-last'), value: jsonValue, key: fc.constantFrom('extra', '__proto__', 'note', 'similarity', 'places', 'start_utf16', 'orphans', 'value_to', 'hotkey') });

function mutate(base: Json, ms: { pick: number; kind: string; value: unknown; key: string }[]): unknown {
  let root: unknown = structuredClone(base);
  for (const m of ms) {
    const all = paths(root);
    const path = all[m.pick % all.length];
    if (path.length === 0) {
      if (m.kind === 'set') root = m.value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Json)[k], root) as Json | unknown[];
    const key = path[path.length - 1];
    const value = structuredClone(m.value);
    if (Array.isArray(parent)) {
      if (m.kind === 'delete') parent.splice(key as number, 1);
      else if (m.kind === 'add') parent.push(value);
      else if (m.kind === 'move-last') parent.push(...parent.splice(key as number, 1));
      else parent[key as number] = value;
    } else if (m.kind === 'delete') delete parent[key];
    else if (m.kind === 'move-last') {
      const v = parent[key];
      delete parent[key];
      parent[key] = v;
    } else if (m.kind === 'add') Object.defineProperty(parent, m.key, { value, enumerable: true, writable: true, configurable: true }); // as JSON.parse makes "__proto__"
    else parent[key] = value;
  }
  return root;
}

/** The property: the checker says yes only where zod accepts and returns the input unchanged. */
function agrees(schema: z.ZodType, v: unknown): void {
  if (!exactCheck(schema)?.(v)) return;
  const parsed = schema.safeParse(v);
  expect(parsed.success).toBe(true);
  expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(v));
}

describe('exactCheck: a stand-in for zod on data already in zod form', () => {
  it('understands the store schemas', () => {
    expect(exactCheck(DocumentFile)).toBeTypeOf('function');
    expect(exactCheck(WorkspaceFile)).toBeTypeOf('function');
    expect(exactCheck(CacheFile)).toBeTypeOf('function');
    expect(exactCheck(WorkFile)).toBeTypeOf('function');
  });
  it('accepts what the store writes (so reads take the fast path)', () => {
    for (const d of documents()) expect(exactCheck(DocumentFile)?.(d)).toBe(true);
    for (const w of workspaces()) expect(exactCheck(WorkspaceFile)?.(w)).toBe(true);
    for (const c of caches()) expect(exactCheck(CacheFile)?.(c)).toBe(true);
    for (const w of works()) expect(exactCheck(WorkFile)?.(w)).toBe(true);
  });
  it('rejects what zod would reject or change', () => {
    const check = exactCheck(DocumentFile) as (v: unknown) => boolean;
    const base = documents()[0] as Json & { findings: Json[]; reviews: Record<string, Json> };
    const cases: [string, (d: typeof base) => void][] = [
      ['a defaulted key missing (zod fills it in)', (d) => delete d.orphans],
      ['an unknown key (zod strips it)', (d) => (d.extra = 1)],
      ['keys out of schema order', (d) => { const t = d.text; delete d.text; d.text = t; }],
      ['a fractional offset', (d) => ((d.findings[0].data as Json).start = 1.5)],
      ['a negative offset', (d) => ((d.findings[0].data as Json).end = -1)],
      ['an unsafe integer', (d) => ((d.findings[0].data as Json).end = 2 ** 60)],
      ['an unknown status', (d) => (Object.values(d.reviews)[0].status = 'maybe')],
      ['an unknown finding type', (d) => (d.findings[0].type = 'table')],
      ['data of another type', (d) => (d.findings[0].type = 'duplicate')],
      ['a string for a number', (d) => ((d.findings[0].data as Json).value = '9')],
      ['a similarity above 1', (d) => { const x = d.findings.find((f) => f.type === 'duplicate') as Json; (x.data as Json).similarity = 2; }],
      ['a "__proto__" review key (zod drops it)', (d) => Object.defineProperty(d.reviews, '__proto__', { value: Object.values(d.reviews)[0], enumerable: true })],
      ['an array for an object', (d) => (d.reviews = [] as never)],
      ['a figure note param neither string nor number', (d) => ((d.findings.find((f) => f.type === 'figure')!.data as Json).note = { code: 'minguo-year', params: { year: true } })],
    ];
    for (const [name, change] of cases) {
      const d = structuredClone(base);
      change(d);
      expect(check(d), name).toBe(false);
      agrees(DocumentFile, d);
    }
    // a plain union of scalars (a figure note's params) is understood, so such documents keep the fast path
    const noted = structuredClone(base);
    (noted.findings.find((f) => f.type === 'figure')!.data as Json).note = { code: 'minguo-year', params: { year: 112, era: '民國' } };
    expect(check(noted)).toBe(true);
    agrees(DocumentFile, noted);
    expect(check(null)).toBe(false);
    expect(check([])).toBe(false);
  });
  it('never accepts what zod would reject or change (property, random edits of real documents)', () => {
    const docs = documents();
    const ws = workspaces();
    const cs = caches();
    const wk = works();
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
        agrees(DocumentFile, mutate(docs[i % docs.length], ms));
        agrees(CacheFile, mutate(cs[i % cs.length], ms));
        agrees(WorkFile, mutate(wk[i % wk.length], ms));
        agrees(WorkspaceFile, mutate(ws[i % ws.length], ms));
      }),
      { numRuns: 3000 },
    );
  });
  it('gives up (null) on schemas with constructs it does not model, so zod runs', () => {
    expect(exactCheck(z.object({ a: z.string().min(1) }))).toBeNull();
    expect(exactCheck(z.object({ a: z.number().transform((x) => x + 1) }))).toBeNull();
    expect(exactCheck(z.object({ a: z.number().refine((x) => x > 1) }))).toBeNull();
    expect(exactCheck(z.object({ a: z.number() }).passthrough())).toBeNull();
    expect(exactCheck(z.union([z.string(), z.object({ a: z.number() })]))).toBeNull();
    // a union of scalars is modelled: zod passes such values through unchanged
    const scalar = exactCheck(z.union([z.string(), z.number()]))!;
    for (const v of ['a', 1, true, null, {}, [1]]) expect(scalar(v), JSON.stringify(v)).toBe(typeof v === 'string' || typeof v === 'number');
  });
  it('optional and defaulted keys: absent is exact only for a plain optional one', () => {
    const s = z.object({ a: z.string().optional(), b: z.number().default(1), c: z.string().nullable() });
    const check = exactCheck(s) as (v: unknown) => boolean;
    expect(check({ b: 2, c: null })).toBe(true);
    expect(check({ a: 'x', b: 2, c: 'y' })).toBe(true);
    expect(check({ a: 'x', c: 'y' })).toBe(false);
    expect(check({ b: 2, a: 'x', c: 'y' })).toBe(false);
    for (const v of [{ b: 2, c: null }, { a: 'x', c: 'y' }, { b: 2, a: 'x', c: 'y' }]) agrees(s, v);
  });
});

describe('decodeStoreFile with the fast path', () => {
  it('returns the same data as zod for what the store writes, and the text as on disk', () => {
    for (const d of documents().map((x) => ({ ...x, schemaVersion: 1 }))) {
      const bytes = Buffer.from('\ufeff' + JSON.stringify(d));
      const r = decodeStoreFile(bytes, 'document', DocumentFileV1);
      expect(r.ok && r.data).toEqual(DocumentFileV1.parse(d));
      expect(r.ok && r.text).toBe(bytes.toString('utf8'));
    }
  });
  it('still normalises through zod (defaults) and still refuses a wrong value with the schema message', () => {
    const d: Json = { ...documents()[1], schemaVersion: 1 };
    delete d.orphans;
    const r = decodeStoreFile(Buffer.from(JSON.stringify(d)), 'document', DocumentFileV1);
    expect(r.ok && r.data.orphans).toEqual([]);
    (d.findings as Json[])[0].data = { ...((d.findings as Json[])[0].data as Json), start: '15' };
    const bad = decodeStoreFile(Buffer.from(JSON.stringify(d)), 'document', DocumentFileV1);
    expect(bad).toMatchObject({ ok: false, problem: 'corrupt' });
    expect(!bad.ok && bad.problem === 'corrupt' && bad.reason).toMatch(/^schema: findings\.0\.data\.start: /);
  });
});
