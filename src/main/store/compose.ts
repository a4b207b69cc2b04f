/**
 * A document as readers see it, composed from its cache file (text, detector findings) and one
 * analyst's work file (manual findings, reviews, orphans, undo history) — and split back into
 * the two when it changes, so that a review writes the small work file only.
 */
import { findingSpan, reanchorReviews } from '../../core/review';
import { type Analyst, type CacheFile, type DocumentFile, type Finding, STORE_SCHEMA_VERSION, type WorkFile } from '../../core/store-schema';

const byPlace = (x: Finding, y: Finding): number => findingSpan(x).start - findingSpan(y).start || findingSpan(x).end - findingSpan(y).end;

/** The work of an analyst who has not touched the document yet. */
export function emptyWork(cache: Pick<CacheFile, 'id' | 'sha256'>, analyst: Analyst | null): WorkFile {
  return { schemaVersion: STORE_SCHEMA_VERSION, documentId: cache.id, analyst: analyst ?? { id: '', name: '' }, sha256: cache.sha256, findings: [], reviews: {}, orphans: [], history: { undo: [], redo: [] } };
}

export function isEmptyWork(w: Pick<WorkFile, 'findings' | 'reviews' | 'orphans' | 'history'>): boolean {
  return w.findings.length === 0 && w.orphans.length === 0 && w.history.undo.length === 0 && w.history.redo.length === 0 && Object.keys(w.reviews).length === 0;
}

const merged = new WeakMap<Finding[], WeakMap<Finding[], Finding[]>>();

/** The detector findings and the manual ones in reading order (the same array while neither changes). */
function allFindings(detector: Finding[], manual: Finding[]): Finding[] {
  if (manual.length === 0) return detector;
  let inner = merged.get(detector);
  if (!inner) merged.set(detector, (inner = new WeakMap()));
  let out = inner.get(manual);
  if (!out) {
    out = [...detector, ...manual].sort(byPlace);
    inner.set(manual, out);
  }
  return out;
}

const composed = new WeakMap<CacheFile, WeakMap<WorkFile, DocumentFile>>();

/** The document of a cache and a work file (the same object while neither changes). */
export function composeDocument(cache: CacheFile, work: WorkFile): DocumentFile {
  let inner = composed.get(cache);
  if (!inner) composed.set(cache, (inner = new WeakMap()));
  let doc = inner.get(work);
  if (!doc) {
    doc = { schemaVersion: STORE_SCHEMA_VERSION, id: cache.id, sha256: cache.sha256, text: cache.text, findings: allFindings(cache.findings, work.findings), reviews: work.reviews, orphans: work.orphans, history: work.history };
    inner.set(work, doc);
  }
  return doc;
}

/** The parts of a changed document: the cache when the derived data changed (else null), and the work. */
export function splitDocument(next: DocumentFile, prev: { cache: CacheFile | null; work: WorkFile }, analyst: Analyst, analyzer: string): { cache: CacheFile | null; work: WorkFile } {
  const prevDoc = prev.cache ? composeDocument(prev.cache, prev.work) : null;
  let detector: Finding[];
  let manual: Finding[];
  if (prevDoc && next.findings === prevDoc.findings) {
    detector = prev.cache!.findings;
    manual = prev.work.findings;
  } else {
    detector = [];
    manual = [];
    for (const f of next.findings) (f.origin === 'manual' ? manual : detector).push(f);
    if (prev.cache && sameItems(detector, prev.cache.findings)) detector = prev.cache.findings;
    if (sameItems(manual, prev.work.findings)) manual = prev.work.findings;
  }
  const c = prev.cache;
  const cache = c && c.text === next.text && c.sha256 === next.sha256 && c.findings === detector && c.id === next.id
    ? null
    : { schemaVersion: STORE_SCHEMA_VERSION, id: next.id, sha256: next.sha256, analyzer: c && c.findings === detector && c.text === next.text ? c.analyzer : analyzer, sliced: false, text: next.text, findings: detector };
  const w = prev.work;
  const work = w.findings === manual && w.reviews === next.reviews && w.orphans === next.orphans && w.history === next.history && w.sha256 === next.sha256 && w.analyst.id === analyst.id && w.analyst.name === analyst.name
    ? w
    : { schemaVersion: STORE_SCHEMA_VERSION, documentId: next.id, analyst: { id: analyst.id, name: analyst.name }, sha256: next.sha256, findings: manual, reviews: next.reviews, orphans: next.orphans, history: next.history };
  return { cache, work };
}

function sameItems(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Work made on another version of the report (its source changed while another app, the CLI,
 * or a synced copy re-analysed it; a teammate's work on their version): every review is carried
 * to its place in the current text by its anchor and its finding's id (core/document/reanchor.ts),
 * and what cannot be placed surely is kept as an orphan for the analyst — never dropped.
 * The undo history is cleared (its steps refer to the old text).
 */
export function reconcileWork(cache: CacheFile, work: WorkFile): WorkFile {
  if (work.sha256 === cache.sha256) return work;
  // the other text's detector findings do not travel (their ids say their type and kind, the
  // reviews' anchors their words): only the work's own manual findings can be carried over.
  // This cache's findings are never taken for the old ones: an id here may name another finding
  // when text was inserted or deleted before it
  const carried = reanchorReviews({ oldFindings: work.findings, reviews: work.reviews, newText: cache.text, newFindings: cache.findings, orphans: work.orphans });
  const ids = new Set(cache.findings.map((f) => f.id));
  return { ...work, sha256: cache.sha256, findings: carried.findings.filter((f) => !ids.has(f.id) && f.origin === 'manual'), reviews: carried.reviews, orphans: carried.orphans, history: { undo: [], redo: [] } };
}
