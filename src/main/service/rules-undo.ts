/**
 * undo-s6: one undo step reverts the whole batch of a workspace "apply to all like this". Each
 * report's part of the batch is one history entry carrying the batch's id (core/review
 * BatchTag); the report the analyst applied it from lists every report of the batch. An undo
 * (or redo) in any report whose top step is part of a batch reverts that step in every report
 * of the batch where it is still the top step (a report where the analyst has made another step
 * since keeps its part: that step would be lost otherwise).
 *
 * Crash safety: a report's part is reverted by one write of its work file (temp file, fsync,
 * rename: the store's writeFileAtomic), so a kill in the middle leaves each report either
 * reverted or not. The report asked about is reverted last, and only when every other report's
 * part is: until then its top step is still the batch, so the same undo again finishes the
 * batch (the reports already reverted are skipped).
 */
import { AppError } from '../../core/errors';
import { type BatchTag, batchOf, batchOnTop, entrySize } from '../../core/review';
import type { DocumentFile, DocumentMeta } from '../../core/store-schema';
import type { WorkspaceStore } from '../store';
import { reviewDocument } from './documents';

export interface BatchStepSummary {
  /** findings whose review the step reverted (or made again), over every report */
  findings: number;
  /** reports where it was reverted */
  documents: number;
  /** reports of the batch that kept their part (the analyst made another step there since) */
  kept: number;
}

export interface StepResult {
  doc: DocumentFile;
  meta: DocumentMeta;
  /** null: an ordinary step of this report */
  batch: BatchStepSummary | null;
}

/**
 * Undo (or redo) in a report: the whole batch when the step on top is part of one, else the
 * report's own step as before.
 */
export async function reviewStep(store: WorkspaceStore, documentId: string, kind: 'undo' | 'redo'): Promise<StepResult> {
  if (!store.workspace().documents.some((d) => d.id === documentId)) throw new AppError('document-not-found', `no document ${documentId}`);
  const current = await store.readDocument(documentId);
  const tag = batchOnTop(current, kind);
  if (!tag) {
    const { doc, meta } = await reviewDocument(store, documentId, () => ({ kind }));
    return { doc, meta, batch: null };
  }
  const members = await batchDocuments(store, tag, documentId);
  const indexed = new Set(store.workspace().documents.map((d) => d.id));
  const summary: BatchStepSummary = { findings: 0, documents: 0, kept: 0 };
  const failed: string[] = [];
  for (const id of members) {
    if (id === documentId || !indexed.has(id)) continue;
    try {
      const r = await stepOne(store, id, kind, tag.id);
      summary.findings += r.findings;
      if (r.stepped && r.findings > 0) summary.documents++;
      else if (r.kept) summary.kept++;
    } catch (e) {
      failed.push(`${id}: ${(e as Error).message}`);
    }
  }
  if (failed.length > 0) {
    // the report asked about keeps the batch on top: the same undo again finishes it
    throw new AppError('store-write-failed', `${kind} of the batch stopped: ${failed.length} report(s) could not be changed (${failed.slice(0, 3).join('; ')}); try again`);
  }
  const own = await stepOne(store, documentId, kind, tag.id);
  summary.findings += own.findings;
  // (the home report's step may hold no finding: it only marks the batch there)
  if (own.stepped && own.findings > 0) summary.documents++;
  return { doc: own.doc, meta: own.meta, batch: summary };
}

async function stepOne(store: WorkspaceStore, id: string, kind: 'undo' | 'redo', batch: string): Promise<{ doc: DocumentFile; meta: DocumentMeta; stepped: boolean; kept: boolean; findings: number }> {
  let findings = 0;
  let stepped = false;
  let kept = false;
  const { doc, meta } = await reviewDocument(store, id, (d) => {
    const stack = kind === 'undo' ? d.history.undo : d.history.redo;
    const top = stack.at(-1);
    if (batchOf(top)?.id === batch) {
      stepped = true;
      findings = entrySize(top);
    } else {
      stepped = false;
      findings = 0;
      kept = stack.some((e) => batchOf(e)?.id === batch);
    }
    return { kind: 'batch', direction: kind, id: batch };
  });
  return { doc, meta, stepped, kept, findings };
}

/**
 * The reports of a batch: listed in the home report's step (found in its undo or redo history);
 * when the home report is gone or no longer has the step, every report of the workspace whose
 * history holds it (read one by one: rare).
 */
async function batchDocuments(store: WorkspaceStore, tag: BatchTag, documentId: string): Promise<string[]> {
  const ordered = (ids: readonly string[]): string[] => [...new Set([...ids.filter((x) => x !== documentId), documentId])];
  if (tag.documents) return ordered(tag.documents);
  const home = tag.home === documentId ? null : await store.readDocument(tag.home).catch(() => null);
  const listed = home && [...home.history.undo, ...home.history.redo].map(batchOf).find((b) => b?.id === tag.id && b.documents);
  if (listed?.documents) return ordered(listed.documents);
  const out: string[] = [];
  for (const meta of store.workspace().documents) {
    const d = meta.id === documentId ? null : await store.readDocument(meta.id).catch(() => null);
    if (d && [...d.history.undo, ...d.history.redo].some((e) => batchOf(e)?.id === tag.id)) out.push(meta.id);
  }
  return ordered(out);
}
