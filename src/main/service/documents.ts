/** Document views and review operations over the store. */
import type { DocumentFindings, DocumentView, PackedDocumentView, ReviewResult } from '../../core/api';
import { AppError } from '../../core/errors';
import { type PackedFinding, packFindings } from '../../core/findings-pack';
import { type ActionContext, type ReviewAction, type ReviewState, ReviewError, applyAction, canRedo, canUndo, redo, stepBatch, undo } from '../../core/review';
import type { DocumentFile, DocumentMeta, Finding } from '../../core/store-schema';
import type { WorkspaceStore } from '../store';
import { countFindings } from '../../core/document';


export function buildDocumentView(meta: DocumentMeta, doc: DocumentFile): DocumentView {
  const state = toState(doc);
  return { meta, text: doc.text, findings: thin(doc.findings), reviews: doc.reviews, orphans: doc.orphans, canUndo: canUndo(state), canRedo: canRedo(state) };
}

/**
 * The review screen's view: as buildDocumentView, with the findings packed (see core/findings-pack).
 * `apart`: the findings are left out (their count is given) and come from buildFindingsPart — a
 * long report's text then travels and shows before its findings are packed, sent and parsed
 * (buildFindingsPart, in parts).
 */
export function buildPackedView(meta: DocumentMeta, doc: DocumentFile, apart = false): PackedDocumentView {
  const state = toState(doc);
  const findings = apart ? { findings: [], findingsApart: doc.findings.length } : { findings: packed(doc) };
  return { meta, text: doc.text, ...findings, reviews: doc.reviews, orphans: doc.orphans, canUndo: canUndo(state), canRedo: canRedo(state) };
}

/** A part of the document's packed findings: [from, from + size) of them (the packed findings are cached). */
export function buildFindingsPart(doc: DocumentFile, from: number, size: number): DocumentFindings {
  const all = packed(doc);
  return { sha256: doc.sha256, count: all.length, from, findings: all.slice(from, from + size) };
}

/**
 * The review state after a review step. The findings travel only when the step may have added
 * or removed some (the last entry of either history stack changed findings): a review of a long
 * report then answers with its reviews alone, not its tens of thousands of findings again.
 */
export function buildReviewResult(meta: DocumentMeta, doc: DocumentFile): ReviewResult {
  const state = toState(doc);
  return { findings: lastStepTouchedFindings(doc) ? packed(doc) : null, reviews: doc.reviews, canUndo: canUndo(state), canRedo: canRedo(state), meta };
}

function lastStepTouchedFindings(doc: DocumentFile): boolean {
  const touched = (entry: unknown): boolean => {
    const f = (entry as { before?: { findings?: object } } | undefined)?.before?.findings;
    // an entry of an unknown shape: send the findings, to be safe
    return entry !== undefined && (f === undefined || Object.keys(f).length > 0);
  };
  return touched(doc.history.undo.at(-1)) || touched(doc.history.redo.at(-1));
}

const packCache = new WeakMap<Finding[], PackedFinding[]>();

/** The document's findings packed, cached while the document's findings stay the same array. */
export function packed(doc: DocumentFile): PackedFinding[] {
  let out = packCache.get(doc.findings);
  if (!out) {
    out = packFindings(doc.findings, doc.text);
    packCache.set(doc.findings, out);
  }
  return out;
}

const thinCache = new WeakMap<Finding[], Finding[]>();

/**
 * The findings as sent to the UI: the places of a duplicate carry offsets only (the UI slices
 * them from the document text it already has), which keeps a long report's view small — a
 * paragraph repeated many times would otherwise travel once per place.
 */
export function thin(findings: Finding[]): Finding[] {
  const cached = thinCache.get(findings);
  if (cached) return cached;
  const out = findings.map((f): Finding => {
    if (f.type !== 'duplicate') return f;
    const d = f.data;
    return { ...f, data: { ...d, a: { ...d.a, text: '' }, b: { ...d.b, text: '' }, ...(d.places ? { places: d.places.map((p) => ({ ...p, text: '' })) } : {}) } };
  });
  thinCache.set(findings, out);
  return out;
}

function toState(doc: DocumentFile): ReviewState {
  return { text: doc.text, findings: doc.findings, reviews: doc.reviews, history: doc.history };
}

export type ReviewStep =
  | { kind: 'apply'; action: ReviewAction; ctx: ActionContext }
  | { kind: 'undo' }
  | { kind: 'redo' }
  /** undo-s6: undo or redo the top step only when it is part of batch `id` (see rules-undo.ts) */
  | { kind: 'batch'; direction: 'undo' | 'redo'; id: string };

/**
 * Applies one review step to a document and waits until it is durable; updates the counts in
 * the workspace index.
 */
export async function reviewDocument(store: WorkspaceStore, id: string, step: (doc: DocumentFile) => ReviewStep): Promise<{ doc: DocumentFile; meta: DocumentMeta }> {
  if (!store.workspace().documents.some((d) => d.id === id)) throw new AppError('document-not-found', `no document ${id}`);
  // the review actions are pure (they return new state, sharing what did not change), so the
  // store swaps in the new document without deep-copying the old one first; an action that
  // fails throws before anything is swapped in
  let doc: DocumentFile;
  try {
    doc = await store.applyToDocument(id, (d) => {
      const s = step(d);
      const before = toState(d);
      const after = s.kind === 'apply' ? applyAction(before, s.action, s.ctx) : s.kind === 'undo' ? undo(before) : s.kind === 'redo' ? redo(before) : stepBatch(before, s.direction, s.id); // undo-s6: batch
      if (after === before) return d; // undo-s6: nothing to do (a batch step already reverted here)
      return { ...d, findings: after.findings, reviews: after.reviews, history: after.history };
    });
  } catch (e) {
    if (e instanceof ReviewError) throw new AppError(e.code, e.message);
    throw e;
  }
  // The review is durable once the analyst's work file is written. The counts in the index are
  // derived from it, so their write waits (a few seconds, or the next index change, or the
  // close) rather than being awaited — and the index is not copied: at 2,000 documents
  // rewriting it costs more than the review itself.
  const counts = countFindings(doc.findings, doc.reviews, doc.orphans);
  const current = store.workspace().documents.find((m) => m.id === id)!;
  store
    .applyToWorkspaceLater((w) => ({ ...w, documents: w.documents.map((m) => (m.id === id ? { ...m, counts } : m)) }))
    .catch(() => {
      // the save state shows the failure; the counts are recomputed on the next review
    });
  return { doc, meta: { ...current, counts } };
}
