import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingSpan } from '../document/findings';
import type { Analysis, Defect, Duplicate, Figure } from '../schema';
import { type DocumentFile, type DocumentMeta, type Finding, type Review, STORE_SCHEMA_VERSION, type WorkspaceFile } from '../store-schema';
import { cpLength, OffsetMap } from '../text';
import { exportContext, prepareDocument } from './context';
import { importJsonl } from './import';
import { documentRecord, jsonLine, workspaceRecord } from './jsonl';

const CHARS = ['𠀀', '😀', '长', '治', '市', '会', '议', '9', '次', '，', '。', '\n', ' ', 'a', '"', '\\', '\u2028', 'é', '🇨🇳'];
const textArb = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 60 }).map((a) => a.join(''));
const str = fc.string({ maxLength: 8, unit: fc.constantFrom('a', '中', '𠀀', '"', '\n', '=') });
const num = fc.oneof(fc.constant(null), fc.integer({ min: -1e6, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)));
const jsonValue = fc.oneof(str, fc.integer(), fc.boolean(), fc.constant(null), fc.array(str, { maxLength: 2 }));
const statusArb = fc.constantFrom('suggested', 'accepted', 'rejected', 'corrected') as fc.Arbitrary<Review['status']>;

function spanArb(len: number) {
  return fc.tuple(fc.nat(len), fc.nat(len)).map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) }));
}

function docArb(id: string) {
  return textArb.chain((text) => {
    const len = cpLength(text);
    const map = new OffsetMap(text);
    const q = (s: number, e: number) => text.slice(map.toUtf16(s), map.toUtf16(e));
    const figure = fc.record({ span: spanArb(len), kind: fc.constantFrom('count', 'money', 'percent', 'range', 'date', 'duration', 'name'), value: num, value_to: num, unit: fc.option(str), approx: fc.constantFrom(null, 'more', 'less', 'about'), metric: fc.option(str) })
      .map((f): Omit<Finding, 'id' | 'origin'> => ({ type: 'figure', data: { text: q(f.span.start, f.span.end), start: f.span.start, end: f.span.end, kind: f.kind, value: f.value, value_to: f.value_to, unit: f.unit, approx: f.approx, metric: f.metric } as Figure }));
    const duplicate = fc.record({ a: spanArb(len), b: spanArb(len), kind: fc.constantFrom('exact_paragraph', 'near_paragraph', 'copied_passage', 'repeated_word', 'boilerplate'), sim: fc.option(fc.double({ min: 0, max: 1, noNaN: true }).filter((x) => !Object.is(x, -0)), { nil: undefined }), places: fc.option(fc.array(spanArb(len), { maxLength: 2 }), { nil: undefined }) })
      .map((d): Omit<Finding, 'id' | 'origin'> => {
        const data: Duplicate = { kind: d.kind, a: { ...d.a, text: q(d.a.start, d.a.end) }, b: { ...d.b, text: q(d.b.start, d.b.end) }, length: d.b.end - d.b.start };
        if (d.sim !== undefined) data.similarity = d.sim;
        if (d.places) data.places = d.places.map((s) => ({ ...s, text: q(s.start, s.end) }));
        return { type: 'duplicate', data };
      });
    const defect = fc.record({ span: spanArb(len), kind: fc.constantFrom('broken_paragraph', 'foreign_token', 'markup_residue', 'caption', 'mixed_punctuation'), replacement: fc.option(str), note: fc.option(str, { nil: undefined }) })
      .map((d): Omit<Finding, 'id' | 'origin'> => {
        const data: Defect = { kind: d.kind, start: d.span.start, end: d.span.end, text: q(d.span.start, d.span.end), replacement: d.replacement };
        if (d.note !== undefined) data.note = d.note;
        return { type: 'defect', data };
      });
    const reviewArb = (findingId: string) => fc.record({ status: statusArb, fields: fc.dictionary(fc.constantFrom('value', 'unit', 'metric', 'replacement', 'extra'), jsonValue, { maxKeys: 2 }), tags: fc.array(fc.constantFrom('t1', 't2', 'gone'), { maxLength: 2 }), note: str, updatedAt: fc.constantFrom('2024-01-01T00:00:00.000Z', '2025-06-30T12:00:00.000Z'), annotator: str, anchor: spanArb(len) })
      .map((r): Review => ({ findingId, status: r.status, fields: r.fields, tags: r.tags, note: r.note, updatedAt: r.updatedAt, annotator: r.annotator, anchor: { ...r.anchor, quote: q(r.anchor.start, r.anchor.end), prefix: '', suffix: q(r.anchor.end, len) } }));
    return fc.tuple(fc.array(fc.tuple(fc.oneof(figure, duplicate, defect), fc.constantFrom('detector', 'manual') as fc.Arbitrary<'detector' | 'manual'>, fc.boolean()), { maxLength: 8 }), fc.array(reviewArb('orphan'), { maxLength: 2 }), fc.option(reviewArb('dangling'), { nil: undefined }), fc.dictionary(fc.constantFrom('region', 'year', 'reporter'), fc.option(str), { maxKeys: 2 }))
      .chain(([raw, orphans, dangling, metadata]) => {
        const findings: Finding[] = raw.map(([f, origin], i) => ({ ...f, id: `f${i}`, origin }) as Finding);
        findings.sort((x, y) => findingSpan(x).start - findingSpan(y).start || findingSpan(x).end - findingSpan(y).end);
        const reviewed = raw.map((r, i) => (r[2] ? `f${i}` : null)).filter((x): x is string => x !== null);
        return fc.tuple(...reviewed.map((fid) => reviewArb(fid))).map((reviewList) => {
          const reviews: Record<string, Review> = Object.fromEntries(reviewList.map((r) => [r.findingId, r]));
          if (dangling) reviews.dangling = dangling;
          const analysis: Analysis = { figures: [], duplicates: [], defects: [] };
          for (const f of findings) if (f.origin === 'detector') (f.type === 'figure' ? analysis.figures : f.type === 'duplicate' ? analysis.duplicates : analysis.defects).push(f.data as never);
          const doc: DocumentFile = { schemaVersion: STORE_SCHEMA_VERSION, id, sha256: id.padEnd(64, '0'), text, analysis, findings, reviews, orphans, history: { undo: [], redo: [] } };
          const meta: DocumentMeta = { id, path: `in/${id}.txt`, name: `${id}.txt`, format: 'txt', encoding: 'utf-8', size: text.length, mtimeMs: 1, sha256: doc.sha256, length: len, importedAt: '2024-01-01T00:00:00.000Z', counts: { figures: 0, duplicates: 0, defects: 0, reviewed: reviewList.length, total: findings.length }, metadata };
          return { doc, meta };
        });
      });
  });
}

const workspaceArb = fc.integer({ min: 0, max: 3 }).chain((n) =>
  fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => docArb(`d${i}`))), fc.dictionary(str, str, { maxKeys: 2 })).map(([docs, indicatorMap]) => {
    const workspace: WorkspaceFile = { schemaVersion: 1, documents: docs.map((d) => d.meta), taxonomy: [{ id: 't1', name: '标签', color: '#000', hotkey: '1' }, { id: 't2', name: 'x', color: '#fff', hotkey: null }], settings: { a: 1 }, indicatorMap };
    return { workspace, docs: docs.map((d) => d.doc) };
  }),
);

function exportLines(workspace: WorkspaceFile, docs: DocumentFile[]): string {
  const ctx = exportContext(workspace, 'complete');
  let out = jsonLine(workspaceRecord(workspace, 'complete', docs.length));
  for (const [i, doc] of docs.entries()) out += jsonLine(documentRecord(prepareDocument(workspace.documents[i], doc, ctx), ctx));
  return out;
}

describe('native JSONL round trip', () => {
  it('imports back to the same workspace data (property, astral characters and emoji included)', () => {
    fc.assert(
      fc.property(workspaceArb, ({ workspace, docs }) => {
        const text = exportLines(workspace, docs);
        expect(text.split('\n').length).toBe(docs.length + 2); // one line per document, U+2028 escaped
        const back = importJsonl(text.split('\n'));
        expect(back.workspace).toEqual(workspace);
        expect(back.documents).toEqual(docs);
      }),
      { numRuns: 300 },
    );
  });
  it('fails loudly on a file that is not ours', () => {
    expect(() => importJsonl(['{"text":"x"}'])).toThrow(/line 1/);
    expect(() => importJsonl(['not json'])).toThrow(/not JSON/);
    expect(() => importJsonl([])).toThrow(/no workspace record/);
  });
});
