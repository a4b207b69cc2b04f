/**
 * The native dataset: JSON Lines. The first line describes the workspace (taxonomy, indicator
 * mapping, filter); then one line per document with its metadata, original and corrected text
 * and its findings with effective values, review state, and offsets both as code points
 * (`start`, `end`: Python's str indices) and as UTF-16 units (`start_utf16`, `end_utf16`:
 * JavaScript's), plus the quoted text so a consumer can verify either.
 */
import type { Duplicate, Figure, Span } from '../schema';
import type { Review } from '../store-schema';
import { type ExportContext, type ExportWorkspace, type PreparedDocument, exportIndicator } from './context';
import { correctedText } from './corrected';
import { type EffectiveFinding, type ExportFilter, type FindingData, tagNames } from './model';

export const JSONL_FORMAT = 'report-annotator-jsonl';
export const JSONL_VERSION = 1;

export interface WorkspaceRecord {
  record: 'workspace';
  format: typeof JSONL_FORMAT;
  version: number;
  schemaVersion: number;
  filter: ExportFilter;
  exported_at: string;
  documents: number;
  taxonomy: ExportWorkspace['taxonomy'];
  indicatorMap: Record<string, string>;
  settings: Record<string, unknown>;
}

export interface SpanRecord extends Span {
  start_utf16: number;
  end_utf16: number;
}

export interface FindingRecord {
  id: string;
  type: EffectiveFinding['type'];
  origin: EffectiveFinding['origin'];
  kind: string;
  start: number;
  end: number;
  start_utf16: number;
  end_utf16: number;
  /** the document text at [start, end) */
  quote: string;
  /** effective values: the stored data with the analyst's fields over it, spans with UTF-16 offsets */
  data: Record<string, unknown>;
  /** the stored (detector) data, when the analyst changed fields */
  original: FindingData | null;
  indicator?: string | null;
  status: EffectiveFinding['status'];
  tags: string[];
  tag_ids: string[];
  note: string;
  annotator: string | null;
  updated_at: string | null;
  /** the raw review parts not given above, for a lossless import */
  review: { fields: Record<string, unknown>; anchor: Review['anchor'] } | null;
}

export interface DocumentRecord {
  record: 'document';
  id: string;
  name: string;
  metadata: PreparedDocument['metadata'];
  meta: PreparedDocument['meta'];
  text: string;
  corrected_text: string;
  corrections: { finding_id: string; start: number; end: number; start_utf16: number; end_utf16: number; replacement: string }[];
  findings: FindingRecord[];
  orphans: Review[];
  /** reviews whose finding is missing from the document (kept when exporting everything) */
  dangling_reviews: Review[];
}

export function workspaceRecord(ws: ExportWorkspace, filter: ExportFilter, documents: number, exportedAt: string = new Date().toISOString()): WorkspaceRecord {
  return { record: 'workspace', format: JSONL_FORMAT, version: JSONL_VERSION, schemaVersion: ws.schemaVersion ?? 1, filter, exported_at: exportedAt, documents, taxonomy: ws.taxonomy, indicatorMap: ws.indicatorMap ?? {}, settings: ws.settings ?? {} };
}

/**
 * A copy with the same own keys in the same order, as `{ ...o }`. Adding keys to it afterwards
 * gives the same object as `{ ...o, key: value }`. V8 (Node 20) copies several times faster with
 * Object.assign than with a spread, and the two differ only for an own "__proto__" key (assign
 * would set the prototype), which is left to the spread.
 */
function copyOf(o: object): Record<string, unknown> {
  return (Object.hasOwn(o, '__proto__') ? { ...o } : Object.assign({}, o)) as Record<string, unknown>;
}

function spanWithUtf16(p: PreparedDocument, s: Span): SpanRecord {
  const out = copyOf(s);
  out.start_utf16 = p.map.toUtf16(s.start);
  out.end_utf16 = p.map.toUtf16(s.end);
  return out as unknown as SpanRecord;
}

function dataWithUtf16(p: PreparedDocument, f: EffectiveFinding): Record<string, unknown> {
  if (f.type === 'duplicate') {
    const d = f.data as Duplicate;
    const out = copyOf(d);
    out.a = spanWithUtf16(p, d.a);
    out.b = spanWithUtf16(p, d.b);
    if (d.places) out.places = d.places.map((s) => spanWithUtf16(p, s));
    return out;
  }
  const d = f.data as Figure;
  const out = copyOf(d);
  out.start_utf16 = p.map.toUtf16(d.start);
  out.end_utf16 = p.map.toUtf16(d.end);
  // [figures-note] a figure's note says why its value is null: not once the analyst set one (a defect's note stays)
  if (f.type === 'figure' && out.note !== undefined && d.value !== null) delete out.note;
  return out;
}

export function findingRecord(p: PreparedDocument, f: EffectiveFinding, ctx: ExportContext): FindingRecord {
  const r = f.review;
  const rec: FindingRecord = {
    id: f.id,
    type: f.type,
    origin: f.origin,
    kind: f.kind,
    start: f.start,
    end: f.end,
    start_utf16: p.map.toUtf16(f.start),
    end_utf16: p.map.toUtf16(f.end),
    quote: p.quote(f.start, f.end),
    data: dataWithUtf16(p, f),
    original: f.original,
    status: f.status,
    tags: tagNames(r?.tags ?? [], ctx.taxonomy),
    tag_ids: r?.tags ?? [],
    note: r?.note ?? '',
    annotator: r?.annotator ?? null,
    updated_at: r?.updatedAt ?? null,
    review: r ? { fields: r.fields, anchor: r.anchor } : null,
  };
  if (f.type === 'figure') rec.indicator = exportIndicator(f.data as Figure, ctx);
  return rec;
}

export function documentRecord(p: PreparedDocument, ctx: ExportContext): DocumentRecord {
  const corrected = correctedText(p.doc, p.map);
  const ids = new Set(p.doc.findings.map((f) => f.id));
  return {
    record: 'document',
    id: p.meta.id,
    name: p.meta.name,
    metadata: p.metadata,
    meta: p.meta,
    text: p.doc.text,
    corrected_text: corrected.text,
    corrections: corrected.applied.map((c) => ({ finding_id: c.findingId, start: c.start, end: c.end, start_utf16: p.map.toUtf16(c.start), end_utf16: p.map.toUtf16(c.end), replacement: c.replacement })),
    findings: p.findings.map((f) => findingRecord(p, f, ctx)),
    orphans: p.doc.orphans,
    dangling_reviews: ctx.filter === 'all' || ctx.filter === 'complete' ? Object.values(p.doc.reviews).filter((r) => !ids.has(r.findingId)) : [],
  };
}

/** One JSONL line (with its newline). Line and paragraph separators are escaped so a line stays a line. */
export function jsonLine(value: unknown): string {
  const s = JSON.stringify(value);
  return (s.includes('\u2028') || s.includes('\u2029') ? s.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : s) + '\n';
}
