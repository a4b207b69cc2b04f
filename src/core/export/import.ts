/**
 * Reading datasets back into plain workspace data: the native JSONL (lossless when it was
 * exported with the `all` filter, except undo history) and Label Studio task exports
 * (annotations → accepted findings, predictions → suggested ones).
 */
import type { Analysis, Defect, Duplicate, Figure } from '../schema';
import { type DocumentFile, type DocumentMeta, type Finding, type Review, STORE_SCHEMA_VERSION, type WorkspaceFile } from '../store-schema';
import { makeAnchor } from '../document/findings';
import { OffsetMap, cpLength } from '../text';
import type { DocumentRecord, FindingRecord, WorkspaceRecord } from './jsonl';
import { JSONL_FORMAT } from './jsonl';
import type { FindingData } from './model';

export class ImportFormatError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'ImportFormatError';
  }
}

export interface ImportedWorkspace {
  workspace: WorkspaceFile;
  documents: DocumentFile[];
}

function stripUtf16<T>(o: T): T {
  if (!o || typeof o !== 'object') return o;
  const { start_utf16: _s, end_utf16: _e, ...rest } = o as Record<string, unknown>;
  return rest as T;
}

function storedData(r: FindingRecord): FindingData {
  if (r.original) return r.original;
  const d = stripUtf16(r.data) as Record<string, unknown>;
  if (r.type === 'duplicate') {
    d.a = stripUtf16(d.a);
    d.b = stripUtf16(d.b);
    if (Array.isArray(d.places)) d.places = d.places.map(stripUtf16);
  }
  return d as unknown as FindingData;
}

/** One document line back to a DocumentFile and its DocumentMeta. */
export function documentFromRecord(rec: DocumentRecord): { meta: DocumentMeta; doc: DocumentFile } {
  const findings: Finding[] = [];
  const reviews: Record<string, Review> = {};
  const analysis: Analysis = { figures: [], duplicates: [], defects: [] };
  for (const r of rec.findings) {
    const data = storedData(r);
    const finding = { type: r.type, id: r.id, origin: r.origin, data } as Finding;
    findings.push(finding);
    if (r.origin === 'detector') {
      if (r.type === 'figure') analysis.figures.push(data as Figure);
      else if (r.type === 'duplicate') analysis.duplicates.push(data as Duplicate);
      else analysis.defects.push(data as Defect);
    }
    if (r.review) {
      reviews[r.id] = { findingId: r.id, status: r.status, fields: r.review.fields, tags: r.tag_ids, note: r.note, updatedAt: r.updated_at ?? '', annotator: r.annotator ?? '', anchor: r.review.anchor };
    }
  }
  for (const r of rec.dangling_reviews ?? []) reviews[r.findingId] = r;
  const doc: DocumentFile = { schemaVersion: STORE_SCHEMA_VERSION, id: rec.id, sha256: rec.meta.sha256, text: rec.text, analysis, findings, reviews, orphans: rec.orphans ?? [], history: { undo: [], redo: [] } };
  return { meta: rec.meta, doc };
}

/** Parses a native JSONL export (all lines). Throws ImportFormatError on a line that is not ours. */
export function importJsonl(lines: Iterable<string>): ImportedWorkspace {
  let header: WorkspaceRecord | null = null;
  const documents: DocumentFile[] = [];
  const metas: DocumentMeta[] = [];
  let n = 0;
  for (const raw of lines) {
    n++;
    const line = raw.trim();
    if (!line) continue;
    let rec: { record?: string };
    try {
      rec = JSON.parse(line);
    } catch (e) {
      throw new ImportFormatError(`not JSON (${(e as Error).message})`, n);
    }
    if (rec.record === 'workspace') {
      const h = rec as WorkspaceRecord;
      if (h.format !== JSONL_FORMAT) throw new ImportFormatError(`unknown format ${String(h.format)}`, n);
      header = h;
    } else if (rec.record === 'document') {
      const { meta, doc } = documentFromRecord(rec as DocumentRecord);
      metas.push(meta);
      documents.push(doc);
    } else throw new ImportFormatError('neither a workspace nor a document record', n);
  }
  if (!header) throw new ImportFormatError('no workspace record: not a report-annotator JSONL export');
  return {
    workspace: { schemaVersion: header.schemaVersion, documents: metas, taxonomy: header.taxonomy, settings: header.settings ?? {}, indicatorMap: header.indicatorMap ?? {} },
    documents,
  };
}

// ------------------------------------------------------------------------- Label Studio

const FIGURE_KINDS = new Set(['count', 'money', 'percent', 'range', 'date', 'duration', 'name']);
const DUPLICATE_KINDS = new Set(['exact_paragraph', 'near_paragraph', 'copied_passage', 'repeated_word', 'boilerplate']);
const DEFECT_KINDS = new Set(['broken_paragraph', 'foreign_token', 'markup_residue', 'caption', 'mixed_punctuation', 'consistency']);

export interface LabelStudioImportDocument {
  /** data.document when present, else the task id as a string */
  documentId: string;
  text: string;
  findings: Finding[];
  reviews: Record<string, Review>;
  /** results that could not be used (unknown label, span outside the text, quote mismatch) */
  skipped: { id: string; reason: string }[];
}

interface LsResultIn {
  id?: string;
  type?: string;
  value?: { start?: number; end?: number; text?: string; labels?: string[] };
  meta?: { text?: string[] };
}
interface LsTaskIn {
  id?: number | string;
  data?: { text?: string; document?: string };
  annotations?: { result?: LsResultIn[]; completed_by?: unknown; updated_at?: string; created_at?: string; was_cancelled?: boolean }[];
  predictions?: { result?: LsResultIn[]; model_version?: string }[];
}

function annotatorOf(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (v && typeof v === 'object') {
    const o = v as { email?: string; id?: number };
    return o.email ?? (o.id !== undefined ? String(o.id) : 'label-studio');
  }
  return 'label-studio';
}

/**
 * Label Studio tasks → findings. Offsets are read as code points; when the quoted `text` only
 * matches as UTF-16 units (exports of Label Studio before its emoji fix) they are converted.
 */
export function importLabelStudio(tasks: unknown, opts: { now?: string } = {}): LabelStudioImportDocument[] {
  if (!Array.isArray(tasks)) throw new ImportFormatError('a Label Studio export is a JSON array of tasks');
  const now = opts.now ?? new Date().toISOString();
  return (tasks as LsTaskIn[]).map((task, ti) => {
    const text = task?.data?.text;
    if (typeof text !== 'string') throw new ImportFormatError(`task ${ti}: data.text is missing`);
    const map = new OffsetMap(text);
    const doc: LabelStudioImportDocument = { documentId: String(task.data?.document ?? task.id ?? ti), text, findings: [], reviews: {}, skipped: [] };
    const take = (results: LsResultIn[] | undefined, status: 'accepted' | 'suggested', annotator: string, updatedAt: string): void => {
      for (const [ri, r] of (results ?? []).entries()) {
        const id = r.id ? String(r.id) : `ls:${ti}:${status}:${ri}`;
        const label = r.value?.labels?.[0];
        let start = r.value?.start;
        let end = r.value?.end;
        if (r.type !== 'labels' || typeof label !== 'string' || typeof start !== 'number' || typeof end !== 'number') {
          doc.skipped.push({ id, reason: 'not a text labels region' });
          continue;
        }
        const quote = r.value?.text;
        if (typeof quote === 'string' && text.slice(map.toUtf16(start), map.toUtf16(end)) !== quote && text.slice(start, end) === quote) {
          start = map.toCp(start);
          end = map.toCp(end);
        }
        if (start < 0 || end < start || end > map.cpLength) {
          doc.skipped.push({ id, reason: 'span outside the text' });
          continue;
        }
        const spanText = text.slice(map.toUtf16(start), map.toUtf16(end));
        if (typeof quote === 'string' && quote !== spanText) {
          doc.skipped.push({ id, reason: 'quoted text does not match the span' });
          continue;
        }
        const finding = toFinding(id, label, start, end, spanText);
        if (!finding) {
          doc.skipped.push({ id, reason: `unknown label ${label}` });
          continue;
        }
        if (doc.reviews[id]) continue; // an annotation already gave this region
        doc.findings.push(finding);
        doc.reviews[id] = { findingId: id, status, fields: {}, tags: [], note: r.meta?.text?.join('\n') ?? '', updatedAt, annotator, anchor: makeAnchor(text, start, end, map) };
      }
    };
    for (const a of task.annotations ?? []) if (!a.was_cancelled) take(a.result, 'accepted', annotatorOf(a.completed_by), a.updated_at ?? a.created_at ?? now);
    for (const p of task.predictions ?? []) take(p.result, 'suggested', p.model_version ?? 'label-studio', now);
    doc.findings.sort((a, b) => spanStart(a) - spanStart(b));
    return doc;
  });
}

function spanStart(f: Finding): number {
  return f.type === 'duplicate' ? f.data.b.start : f.data.start;
}

function toFinding(id: string, label: string, start: number, end: number, text: string): Finding | null {
  if (FIGURE_KINDS.has(label)) return { type: 'figure', id, origin: 'manual', data: { text, start, end, kind: label as Figure['kind'], value: null, value_to: null, unit: null, approx: null, metric: null } };
  if (DUPLICATE_KINDS.has(label)) {
    const span = { start, end, text };
    return { type: 'duplicate', id, origin: 'manual', data: { kind: label as Duplicate['kind'], a: span, b: span, length: cpLength(text) } };
  }
  if (DEFECT_KINDS.has(label)) return { type: 'defect', id, origin: 'manual', data: { kind: label as Defect['kind'], start, end, text, replacement: null } };
  return null;
}
