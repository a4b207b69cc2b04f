/**
 * The document model the report view renders: paragraphs (code point spans), every finding's
 * highlight marks assigned to the paragraphs they touch, and reading order. Derived once per
 * text + findings (not per review change).
 */
import type { Finding } from '../../../../core/store-schema';
import { type Paragraph, splitParagraphs } from '../../../../core/text';
import { TextIndex } from './offsets';
import { findingSpan } from '../../../../core/document/findings';
import { isReviewWork } from '../../../../core/document/counts';
import { isReportWide } from '../../../../core/defects/reason';

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
  /** the finding (absent for a search hit) */
  finding?: Finding;
}

export interface DocModel {
  index: TextIndex;
  paragraphs: Paragraph[];
  /** paragraph start offsets, ascending (for binary search) */
  starts: Int32Array;
  findings: Finding[];
  /** findings by id (built on first use) */
  readonly byId: Map<string, Finding>;
  /** marks touching each paragraph */
  marks: Mark[][];
  /** paragraph of each finding's primary place (built on first use) */
  readonly paragraphOf: Map<string, number>;
  /** findings in reading order (by primary start, then end) */
  order: Finding[];
  /** findings that are review work (not names or boilerplate), as in the document counts */
  reviewable: number;
  /** findings about the whole report (half-width punctuation throughout): a notice over the report, no marks in the text */
  reportWide: Finding[];
  /** the text alone, shown while a long report's findings are still being prepared (they follow in a task or two) */
  pending?: boolean;
}

/** The primary span of a finding (for a duplicate: its second place, the copy). */
export const primarySpan = findingSpan;

/** Names and boilerplate: not review work (core/document), shown dimmed. */
export function isDimmed(f: Finding): boolean {
  return !isReviewWork(f);
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

export function buildModel(text: string, findings: Finding[], index: TextIndex = new TextIndex(text), paragraphs: Paragraph[] = splitParagraphs(text, index.map)): DocModel {
  const steps = modelSteps(findings, index, paragraphs, Infinity);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * buildModel in steps: the generator yields after every `chunk` findings placed (and before the
 * reading order), so a long report's model is built over several tasks; its return value is the model.
 */
export function* modelSteps(findings: Finding[], index: TextIndex, paragraphs: Paragraph[], chunk: number): Generator<void, DocModel, void> {
  const n = paragraphs.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const marks: Mark[][] = new Array<Mark[]>(n);
  for (let i = 0; i < n; i++) {
    starts[i] = paragraphs[i].start;
    ends[i] = paragraphs[i].end;
    marks[i] = [];
  }
  // one mark object per place, shared by the paragraphs it spans (marks are never changed)
  const place = (f: Finding, kind: string, dimmed: boolean, start: number, end: number, primary: boolean): void => {
    let p = paragraphAt(starts, start);
    if (p < 0) p = 0;
    // a mark entirely outside its paragraph (between paragraphs) or empty: a point marker
    if (end <= start || (start >= ends[p] && (p + 1 >= n || end <= starts[p + 1]))) {
      const at = Math.min(Math.max(start, starts[p]), ends[p]);
      marks[p].push({ id: f.id, type: f.type, kind, start: at, end: at, primary, dimmed, point: true, finding: f });
      return;
    }
    const m: Mark = { id: f.id, type: f.type, kind, start, end, primary, dimmed, point: false, finding: f };
    for (let q = start >= ends[p] ? p + 1 : p; q < n && starts[q] < end; q++) marks[q].push(m);
  };
  let reviewable = 0;
  const reportWide: Finding[] = [];
  let done = 0;
  for (const f of findings) {
    if (++done % chunk === 0) yield;
    const kind = f.data.kind;
    const dimmed = isDimmed(f);
    if (!dimmed) reviewable++;
    // painting every clause of the report would hide everything else: it gets a notice instead
    if (f.type === 'defect' && isReportWide(f.data)) {
      reportWide.push(f);
      continue;
    }
    if (n === 0) continue;
    if (f.type !== 'duplicate') {
      place(f, kind, dimmed, f.data.start, f.data.end, true);
      continue;
    }
    const d = f.data;
    place(f, kind, dimmed, d.b.start, d.b.end, true);
    if (d.a.start !== d.b.start || d.a.end !== d.b.end) place(f, kind, dimmed, d.a.start, d.a.end, false);
    if (d.places) {
      const seen = new Set([`${d.b.start}-${d.b.end}`, `${d.a.start}-${d.a.end}`]);
      for (const pl of d.places) {
        const key = `${pl.start}-${pl.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        place(f, kind, dimmed, pl.start, pl.end, false);
      }
    }
  }
  if (findings.length >= chunk) yield;
  const order = readingOrder(findings);
  // the maps by id are built when first asked for (after the first paint: the view needs neither)
  let byId: Map<string, Finding> | null = null;
  let paragraphOf: Map<string, number> | null = null;
  return {
    index, paragraphs, starts, findings, marks, order, reviewable, reportWide,
    get byId() {
      if (!byId) {
        byId = new Map();
        for (const f of findings) byId.set(f.id, f);
      }
      return byId;
    },
    get paragraphOf() {
      if (!paragraphOf) {
        paragraphOf = new Map();
        for (let i = 0; i < n; i++) for (const m of marks[i]) if (m.primary && !paragraphOf.has(m.id)) paragraphOf.set(m.id, i);
      }
      return paragraphOf;
    },
  };
}

/**
 * Findings in reading order: by primary start, then end, then id. The backend keeps them by
 * start and end already, so usually only runs of findings at the same span need sorting.
 */
export function readingOrder(findings: Finding[]): Finding[] {
  const len = findings.length;
  const s = new Int32Array(len);
  const e = new Int32Array(len);
  let bySpan = true;
  for (let i = 0; i < len; i++) {
    const span = primarySpan(findings[i]);
    s[i] = span.start;
    e[i] = span.end;
    if (i > 0 && (s[i - 1] > s[i] || (s[i - 1] === s[i] && e[i - 1] > e[i]))) bySpan = false;
  }
  const byIdOrder = (x: Finding, y: Finding): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  if (!bySpan) {
    const idx = Array.from({ length: len }, (_, i) => i);
    idx.sort((a, b) => s[a] - s[b] || e[a] - e[b] || byIdOrder(findings[a], findings[b]));
    return idx.map((i) => findings[i]);
  }
  let out: Finding[] | null = null;
  for (let i = 0; i < len; ) {
    let j = i + 1;
    while (j < len && s[j] === s[i] && e[j] === e[i]) j++;
    if (j - i > 1) {
      let inOrder = true;
      for (let k = i + 1; k < j && inOrder; k++) if (byIdOrder(findings[k - 1], findings[k]) > 0) inOrder = false;
      if (!inOrder) {
        out ??= findings.slice();
        const run = findings.slice(i, j).sort(byIdOrder);
        for (let k = i; k < j; k++) out[k] = run[k - i];
      }
    }
    i = j;
  }
  return out ?? findings;
}

/** True when two findings lists hold the same findings in the same order (ids compared). */
export function sameFindings(a: Finding[], b: Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id) return false;
  return true;
}
