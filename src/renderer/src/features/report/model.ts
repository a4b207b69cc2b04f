/**
 * The document model the report view renders: paragraphs (code point spans), every finding's
 * highlight marks assigned to the paragraphs they touch, and reading order. Derived once per
 * text + findings (not per review change).
 */
import type { Finding } from '../../../../core/store-schema';
import { type Paragraph, splitParagraphs } from '../../../../core/text';
import { TextIndex } from './offsets';
import { findingSpan } from '../../../../core/review/findings';

export type FindingType = Finding['type'];

/** One highlighted place of a finding. A duplicate has two (or more) places. */
export interface Mark {
  id: string;
  type: FindingType | 'search';
  kind: string;
  start: number;
  end: number;
  /** the finding's primary place (the one navigation goes to) */
  primary: boolean;
  /** names and boilerplate: dimmed text, no background */
  dimmed: boolean;
  /** a zero-length mark, or one that lies between paragraphs: drawn as a marker */
  point: boolean;
}

export interface DocModel {
  index: TextIndex;
  paragraphs: Paragraph[];
  /** paragraph start offsets, ascending (for binary search) */
  starts: Int32Array;
  findings: Finding[];
  byId: Map<string, Finding>;
  /** marks touching each paragraph */
  marks: Mark[][];
  /** paragraph of each finding's primary place */
  paragraphOf: Map<string, number>;
  /** findings in reading order (by primary start, then end) */
  order: Finding[];
}

/** The primary span of a finding (for a duplicate: its second place, the copy). */
export const primarySpan = findingSpan;

export function findingKind(f: Finding): string {
  return f.data.kind;
}

export function isDimmed(f: Finding): boolean {
  return (f.type === 'figure' && f.data.kind === 'name') || (f.type === 'duplicate' && f.data.kind === 'boilerplate');
}

export function marksOf(f: Finding): Omit<Mark, 'point'>[] {
  const base = { id: f.id, type: f.type, kind: f.data.kind, dimmed: isDimmed(f) };
  if (f.type !== 'duplicate') return [{ ...base, start: f.data.start, end: f.data.end, primary: true }];
  const out: Omit<Mark, 'point'>[] = [{ ...base, start: f.data.b.start, end: f.data.b.end, primary: true }];
  const others = [f.data.a, ...(f.data.places ?? [])];
  const seen = new Set([`${f.data.b.start}-${f.data.b.end}`]);
  for (const p of others) {
    const key = `${p.start}-${p.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...base, start: p.start, end: p.end, primary: false });
  }
  return out;
}

/** Index of the paragraph containing code point `cp`, or the last one starting before it. */
export function paragraphAt(starts: Int32Array, cp: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function buildModel(text: string, findings: Finding[]): DocModel {
  const index = new TextIndex(text);
  const paragraphs = splitParagraphs(text, index.map);
  const starts = Int32Array.from(paragraphs.map((p) => p.start));
  const marks: Mark[][] = paragraphs.map(() => []);
  const paragraphOf = new Map<string, number>();
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    byId.set(f.id, f);
    for (const m of marksOf(f)) {
      if (paragraphs.length === 0) break;
      let p = paragraphAt(starts, m.start);
      if (p < 0) p = 0;
      const para = paragraphs[p];
      // a mark entirely outside its paragraph (between paragraphs) or empty: a point marker
      const empty = m.end <= m.start;
      const outside = m.start >= para.end && (p + 1 >= paragraphs.length || m.end <= paragraphs[p + 1].start);
      if (empty || outside) {
        marks[p].push({ ...m, point: true, start: Math.min(Math.max(m.start, para.start), para.end), end: Math.min(Math.max(m.start, para.start), para.end) });
        if (m.primary) paragraphOf.set(f.id, p);
        continue;
      }
      let first = true;
      for (let q = m.start >= para.end ? p + 1 : p; q < paragraphs.length && paragraphs[q].start < m.end; q++) {
        marks[q].push({ ...m, point: false });
        if (m.primary && first) paragraphOf.set(f.id, q);
        first = false;
      }
    }
  }
  const order = [...findings].sort((x, y) => {
    const a = primarySpan(x);
    const b = primarySpan(y);
    return a.start - b.start || a.end - b.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  });
  return { index, paragraphs, starts, findings, byId, marks, paragraphOf, order };
}

/** True when two findings lists hold the same findings in the same order (ids compared). */
export function sameFindings(a: Finding[], b: Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id) return false;
  return true;
}
