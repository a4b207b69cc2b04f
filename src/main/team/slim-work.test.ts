/**
 * The slim read of a work file for agreement (./slim-work.ts) against the full read
 * (workspace.ts readWorkLight) on generated files — compact, indented, with a BOM, repeated
 * keys, escapes, other schema versions, invalid reviews — and on the same files damaged
 * (truncated, a byte changed, a control character put in): wherever the slim read answers, the
 * full read accepts the file and reads the same report, text hash, manual findings and every
 * review's status and fields; and it does answer for the files the store writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureFinding, review } from '../../core/team/testing';
import { CacheFile } from '../../core/store-schema';
import { decodeStoreFile } from '../store/decode';
import { scanCacheForAgreement, scanWorkForAgreement } from './slim-work';
import { readWorkLight } from './workspace';

const DOC = 'r1';

function sameAsFull(bytes: Buffer, docId = DOC): 'slim' | 'full' {
  const slim = scanWorkForAgreement(bytes, docId);
  if (slim === null) return 'full';
  const full = readWorkLight(bytes, docId);
  expect(full.ok).toBe(true);
  if (!full.ok) return 'full';
  expect(slim.sha256).toBe(full.work.sha256);
  expect(slim.findings).toEqual(full.work.findings);
  expect(slim.reviews).toEqual(new Map(Object.entries(full.work.reviews).map(([k, r]) => [k, { status: r.status, fields: r.fields }])));
  return 'slim';
}

const key = fc.oneof(fc.constantFrom('fig:2-7:date', 'dup:a:1-5:9-13', 'man:x1', '__proto__', 'constructor', '12', 'toString'), fc.string({ minLength: 1, maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const status = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('accepted', 'rejected', 'corrected', 'suggested') }, { weight: 1, arbitrary: fc.constantFrom('Accepted', 'accepted ', 'unknown', '') });
const fields = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  { weight: 3, arbitrary: fc.record({ value: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) }) },
  { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, [], 'x', 3) },
);
const text = fc.string({ unit: 'grapheme', maxLength: 10 });
const reviewArb = fc.record(
  {
    findingId: key,
    status,
    fields,
    tags: fc.array(text, { maxLength: 2 }),
    note: text,
    updatedAt: fc.oneof({ weight: 9, arbitrary: fc.constant('2026-01-01T00:00:00.000Z') }, { weight: 1, arbitrary: fc.constantFrom(0, null) }),
    annotator: text,
    anchor: fc.record({ start: fc.nat(), end: fc.nat(), quote: text, prefix: text, suffix: text }),
    extra: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['findingId', 'status', 'updatedAt'] },
);
const workArb = fc.record({
  schemaVersion: fc.oneof({ weight: 9, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: fc.constantFrom(1, 3, '2') }),
  documentId: fc.oneof({ weight: 9, arbitrary: fc.constant(DOC) }, { weight: 1, arbitrary: fc.constantFrom('r2', '') }),
  analyst: fc.record({ id: fc.constant('a1'), name: text }),
  sha256: fc.oneof({ weight: 9, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 8, maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom(null, 5) }),
  findings: fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.constant([figureFinding(3, 7, 'count', 12, '所', 'man:x1')]) }, { weight: 1, arbitrary: fc.constant([{ type: 'figure', id: 'man:bad' }]) }),
  reviews: fc.array(fc.tuple(key, reviewArb), { maxLength: 8 }),
  orphans: fc.array(reviewArb, { maxLength: 2 }),
  history: fc.record({ undo: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }), redo: fc.constant([]) }),
});

/** a work file's bytes: compact or indented, maybe a BOM, maybe a review repeated with another status (JSON.parse takes the last) */
type Work = typeof workArb extends fc.Arbitrary<infer T> ? T : never;

function serialize(w: Work, indent: number, bom: boolean, repeat: boolean): Buffer {
  const reviews = w.reviews.map(([k, r]) => `${JSON.stringify(k)}:${JSON.stringify(r, null, indent)}`);
  if (repeat && w.reviews.length > 0) {
    const [k, r] = w.reviews[0]!;
    reviews.push(`${JSON.stringify(k)}:${JSON.stringify({ ...r, status: r.status === 'accepted' ? 'rejected' : 'accepted' })}`);
  }
  const { reviews: _r, ...rest } = w;
  const head = JSON.stringify(rest, null, indent);
  const body = `${head.slice(0, -1)}${indent ? ',\n  ' : ','}"reviews": {${reviews.join(indent ? ',\n    ' : ',')}}${indent ? '\n' : ''}}`;
  return Buffer.from(`${bom ? '\uFEFF' : ''}${body}`, 'utf8');
}

describe('the slim read of a work file', () => {
  it('answers only where the full read accepts the file, and then reads what it reads', () => {
    let slim = 0;
    fc.assert(
      fc.property(workArb, fc.constantFrom(0, 2), fc.boolean(), fc.boolean(), (w, indent, bom, repeat) => {
        if (sameAsFull(serialize(w, indent, bom, repeat)) === 'slim') slim++;
      }),
      { numRuns: 400, seed: 1414 },
    );
    expect(slim).toBeGreaterThan(40); // it does take the fast way on many of them
  });

  it('a damaged file: truncated, a byte changed, a control character or a stray byte put in — never read otherwise than in full', () => {
    fc.assert(
      fc.property(workArb, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('truncate', 'set', 'insert'), (w, at, byte, how) => {
        const good = serialize(w, 0, false, false);
        const i = at % good.length;
        let bad: Buffer;
        if (how === 'truncate') bad = good.subarray(0, i);
        else if (how === 'set') {
          bad = Buffer.from(good);
          bad[i] = byte;
        } else bad = Buffer.concat([good.subarray(0, i), Buffer.from([byte % 0x20]), good.subarray(i)]);
        sameAsFull(bad);
      }),
      { numRuns: 1500, seed: 77 },
    );
  });

  it('reads the store’s own files the fast way, with every review', () => {
    const reviews = Object.fromEntries(
      [review('fig:2-7:date', 'corrected', { value: 2024 }), review('fig:9-12:count', 'rejected'), review('dup:x:1-5:9-13', 'accepted'), review('fig:20-24:percent', 'suggested')].map((r) => [r.findingId, { ...r, anchor: { start: 2, end: 7, quote: '2023年', prefix: '\n\n', suffix: '，是全面贯彻"党的"\\二十大' } }]),
    );
    const file = { schemaVersion: 2, documentId: DOC, analyst: { id: 'a1', name: '分析员 1' }, sha256: 'ab'.repeat(32), findings: [figureFinding(3, 7, 'count', 12, '所', 'man:x1')], reviews, orphans: [], history: { undo: [{ type: 'x' }], redo: [] } };
    const bytes = Buffer.from(JSON.stringify(file));
    expect(sameAsFull(bytes)).toBe('slim');
    expect(scanWorkForAgreement(bytes, DOC)!.reviews.size).toBe(4);
    // of another report, or another schema version: the full read decides
    expect(scanWorkForAgreement(bytes, 'r2')).toBeNull();
    expect(scanWorkForAgreement(Buffer.from(JSON.stringify({ ...file, schemaVersion: 1 })), DOC)).toBeNull();
    // an escaped key: the full read decides (and reads it)
    const escaped = Buffer.from(JSON.stringify({ ...file, reviews: { 'a"b': { ...review('a"b', 'accepted') } } }));
    expect(scanWorkForAgreement(escaped, DOC)).toBeNull();
    expect(readWorkLight(escaped, DOC).ok).toBe(true);
  });
});

/** the derived-data file read without its text: where it answers, the store's decoder gives the same file (its text aside) */
function cacheSameAsFull(bytes: Buffer, docId = DOC): 'slim' | 'full' {
  const slim = scanCacheForAgreement(bytes, docId);
  if (slim === null) return 'full';
  const full = decodeStoreFile(bytes, 'cache', CacheFile);
  expect(full.ok).toBe(true);
  if (!full.ok) return 'full';
  expect(full.migratedFrom).toBeNull();
  expect(slim).toEqual({ ...full.data, text: '' });
  return 'slim';
}

const cacheArb = fc.record(
  {
    schemaVersion: fc.oneof({ weight: 9, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: fc.constantFrom(1, 3) }),
    id: fc.oneof({ weight: 9, arbitrary: fc.constant(DOC) }, { weight: 1, arbitrary: fc.constant('r2') }),
    sha256: fc.oneof({ weight: 9, arbitrary: fc.constant('ab'.repeat(32)) }, { weight: 1, arbitrary: fc.constant(7) }),
    analyzer: fc.oneof({ weight: 9, arbitrary: fc.constant('2.0.0') }, { weight: 1, arbitrary: fc.constant(null) }),
    sliced: fc.oneof({ weight: 9, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant('no') }),
    text: fc.oneof({ weight: 9, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) }, { weight: 1, arbitrary: fc.constant(3) }),
    findings: fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.tuple(fc.nat(50), fc.nat(9), fc.integer()).map(([s, l, v]) => figureFinding(s, s + l + 1, 'count', v, '所')) },
        { weight: 1, arbitrary: fc.constant({ type: 'figure', id: 'x' }) },
      ),
      { maxLength: 5 },
    ),
    extra: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: ['schemaVersion', 'id', 'sha256', 'analyzer', 'sliced', 'text', 'findings'] },
);

describe('the derived data read without its text', () => {
  it('answers only where the store decodes the file as it is, with the same findings; damaged files too', () => {
    let slim = 0;
    fc.assert(
      fc.property(cacheArb, fc.constantFrom(0, 2), fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('none', 'none', 'none', 'truncate', 'set', 'insert'), (c, indent, bom, at, byte, how) => {
        const good = Buffer.from(`${bom ? '\uFEFF' : ''}${JSON.stringify(c, null, indent)}`, 'utf8');
        const i = at % good.length;
        let bytes = good;
        if (how === 'truncate') bytes = good.subarray(0, i);
        else if (how === 'set') {
          bytes = Buffer.from(good);
          bytes[i] = byte;
        } else if (how === 'insert') bytes = Buffer.concat([good.subarray(0, i), Buffer.from([byte % 0x20]), good.subarray(i)]);
        if (cacheSameAsFull(bytes) === 'slim') slim++;
      }),
      { numRuns: 1500, seed: 2026 },
    );
    expect(slim).toBeGreaterThan(50);
  });
});
