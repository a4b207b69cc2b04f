/**
 * The workspace rules at work (issue 16): a document analysed (imported, re-analysed, changed on
 * disk) gets its machine findings through core's `ruledFindings` with the analyst's active rules;
 * "apply to all like this" finds the findings like a decided one in the report or the workspace,
 * previews the batch, and applies it (one undo step per report), recording the rule the
 * decision teaches. The analyst's reviews are never changed by a rule: a reviewed finding keeps
 * the data it had when it was reviewed.
 */
import { randomUUID } from 'node:crypto';
import { type DocumentModel, byReadingOrder, countFindings } from '../../core/document';
import { AppError } from '../../core/errors';
import { type BatchDecision, type BatchPreviewItem, previewBatch } from '../../core/review';
import { type LikeDocument, type Rule, changeCounts, findLike, isReviewed, likeKey, likeModeOf, ruleFromDecision, ruledFromDerived } from '../../core/rules';
import type { DocumentFile, DocumentMeta, Finding, Review } from '../../core/store-schema';
import type { WorkspaceStore } from '../store';
import { reviewDocument } from './documents';
import { newRuleId, ruleBookOf } from './rules';
import { likeIndexOf } from './rules-index';

/**
 * The document `built` (core's rebuildDocument, without rules) with the workspace's active rules
 * applied to its machine findings (core's ruledFromDerived: ruledFindings over what was derived). A reviewed detector finding is kept as it was in the previous
 * analysis of the same text (what the analyst reviewed, a rule's change included); the rules'
 * per-document change counts are recorded in the rule book.
 */
export function withWorkspaceRules(store: WorkspaceStore, id: string, text: string, built: DocumentModel, previous: Pick<DocumentFile, 'text' | 'findings'> | null): DocumentModel {
  const book = ruleBookOf(store);
  if (!book) return built;
  const rules = book.active();
  const touched = book.touchedIn(id);
  if (rules.length === 0 && touched.size === 0) return built;
  return applyWorkspaceRules(text, built, previous, rules, store.workspace().indicatorMap, touched, (counts, ids) => {
    if (!book.readOnly) book.setDocumentChanges(id, counts, ids);
  });
}

/** Pure core of withWorkspaceRules (unit tested). */
export function applyWorkspaceRules(
  text: string,
  built: DocumentModel,
  previous: Pick<DocumentFile, 'text' | 'findings'> | null,
  rules: readonly Rule[],
  indicators: Readonly<Record<string, string>>,
  /** findings whose data a rule made at the previous analysis (a reviewed one keeps it) */
  touched: ReadonlySet<string> = new Set(),
  record: (counts: Record<string, number>, touched: string[]) => void = () => undefined,
): DocumentModel {
  // core's ruledFindings from the findings rebuildDocument derived (no second derivation)
  const ruled = ruledFromDerived(text, built.findings, rules, built.reviews, indicators);
  // the previous data of the reviewed findings a rule had changed (undo-s6: only those are looked up)
  const keep = previous && previous.text === text && touched.size > 0 ? [...touched].filter((id) => Object.hasOwn(built.reviews, id)) : [];
  const keepSet = new Set(keep);
  const prev = keep.length > 0 ? new Map(previous!.findings.filter((f) => keepSet.has(f.id)).map((f) => [f.id, f])) : null;
  const kept: string[] = [];
  const findings: Finding[] = [];
  for (const f of ruled.findings) {
    // what the analyst reviewed is what stays: a reviewed finding a rule had changed keeps the rule's data
    const was = prev?.get(f.id);
    if (was && was.origin === f.origin && was.type === f.type) {
      findings.push(was);
      if (was !== f) kept.push(f.id);
    } else findings.push(f);
  }
  record(changeCounts(ruled.changed), [...ruled.changed.filter((c) => c.after !== null).map((c) => c.findingId), ...kept]);
  if (ruled.changed.length === 0 && kept.length === 0) return built;
  let manual = false;
  const ids = built.findings.some((f) => f.origin === 'manual') ? new Set(ruled.findings.map((f) => f.id)) : null;
  for (const f of built.findings) {
    if (f.origin !== 'manual' || ids?.has(f.id)) continue;
    findings.push(f);
    manual = true;
  }
  if (manual) findings.sort(byReadingOrder);
  return { ...built, findings, counts: countFindings(findings, built.reviews, built.orphans) };
}

export type LikeScope = 'report' | 'workspace';

/** The decision an analyst made on a finding, to repeat on the findings like it. */
export function decisionOf(review: Review | undefined): BatchDecision | null {
  if (!review || !isReviewed(review)) return null;
  const fields = Object.keys(review.fields).length > 0 ? review.fields : undefined;
  if (review.status === 'rejected') return { status: 'rejected' };
  if (fields) return { fields, ...(review.status === 'accepted' ? { status: 'accepted' as const } : {}) };
  return { status: review.status };
}

export interface LikeItem extends BatchPreviewItem {
  documentId: string;
}

export interface LikePlan {
  /** the report the decision was made in */
  home: string;
  decision: BatchDecision;
  /** the rule the decision teaches (null: none, e.g. an accept) */
  rule: Rule | null;
  /** per report: the findings the batch changes, and the preview items */
  perDocument: { documentId: string; ids: string[]; items: BatchPreviewItem[] }[];
  count: number;
}

const MAX_WORKSPACE_DOCS = 100_000;

/** What applying the analyst's decision on `findingId` to the findings like it would change, in the report or the workspace. */
export async function planLike(store: WorkspaceStore, documentId: string, findingId: string, scope: LikeScope, ctx: { now: string; annotator: string }): Promise<LikePlan> {
  const metas = store.workspace().documents;
  if (!metas.some((m) => m.id === documentId)) throw new AppError('document-not-found', `no document ${documentId}`);
  const home = await store.readDocument(documentId);
  const finding = home.findings.find((f) => f.id === findingId);
  if (!finding) throw new AppError('finding-not-found', `no finding ${findingId} in ${documentId}`);
  const review = home.reviews[findingId];
  const decision = decisionOf(review);
  if (!decision) throw new AppError('bad-request', 'decide on this finding first (accept, reject or correct it)');
  const others = scope === 'report' ? [] : metas.map((m) => m.id).filter((id) => id !== documentId).slice(0, MAX_WORKSPACE_DOCS);
  // undo-s6: only the reports the like-index says may hold a finding like it are read
  const ids = [documentId, ...(others.length > 0 ? await likeIndexOf(store).candidates(likeKey(home.text, finding, likeModeOf(finding, review)), others) : [])];
  const docs = new Map<string, DocumentFile>([[documentId, home]]);
  const likeDocs: LikeDocument[] = [];
  for (const id of ids) {
    const d = docs.get(id) ?? (await store.readDocument(id).catch(() => null));
    if (!d) continue;
    docs.set(id, d);
    likeDocs.push({ id, text: d.text, findings: d.findings, reviews: d.reviews });
  }
  const matches = findLike(likeDocs, { documentId, findingId, review });
  const byDoc = new Map<string, string[]>();
  for (const m of matches) byDoc.set(m.documentId, [...(byDoc.get(m.documentId) ?? []), m.findingId]);
  const perDocument: LikePlan['perDocument'] = [];
  let count = 0;
  for (const [id, fids] of byDoc) {
    const d = docs.get(id)!;
    const p = previewBatch({ text: d.text, findings: d.findings, reviews: d.reviews, history: d.history }, fids, decision, ctx);
    if (p.count === 0 || !p.action || p.action.type !== 'applyToAll') continue;
    perDocument.push({ documentId: id, ids: p.action.findingIds, items: p.items });
    count += p.count;
  }
  const rule = ruleFromDecision(home.text, finding, review!, { analyst: store.analyst.name || store.analyst.id, documentId, at: review!.updatedAt }, newRuleId());
  return { home: documentId, decision, rule, perDocument, count };
}

export interface LikeApplied {
  count: number;
  documents: number;
  ruleId: string | null;
  /** reports whose batch could not be applied (changed meanwhile, or a store error) */
  failed: { documentId: string; message: string }[];
  metas: DocumentMeta[];
}

/**
 * Applies the plan: one applyToAll (one undo step) per report; records the rule (when the
 * decision teaches one and `learn`) and how many reviews it made. undo-s6: when the batch
 * reaches beyond the home report, every report's step carries one batch id (one undo in any of
 * them reverts all, see rules-undo.ts); the home report's step, made first, lists the reports —
 * a home report with no finding like it gets an empty step that only marks the batch.
 */
export async function applyLike(store: WorkspaceStore, plan: LikePlan, learn: boolean, ctx: { now: string; annotator: string }): Promise<LikeApplied> {
  const book = ruleBookOf(store);
  let ruleId: string | null = null;
  if (learn && plan.rule && book && !book.readOnly) ruleId = book.add(plan.rule).id;
  let count = 0;
  let documents = 0;
  const failed: LikeApplied['failed'] = [];
  const metas: DocumentMeta[] = [];
  // undo-s6: the batch tag, the home report first
  const beyondHome = plan.perDocument.some((p) => p.documentId !== plan.home);
  const homePart = plan.perDocument.find((p) => p.documentId === plan.home) ?? { documentId: plan.home, ids: [] as string[], items: [] };
  const parts = beyondHome ? [homePart, ...plan.perDocument.filter((p) => p.documentId !== plan.home)] : plan.perDocument;
  const batchId = beyondHome ? `b-${randomUUID()}` : null;
  const members = parts.map((p) => p.documentId);
  for (const p of parts) {
    const batch = batchId ? { id: batchId, home: plan.home, ...(p.documentId === plan.home ? { documents: members } : {}) } : undefined;
    try {
      const before = await store.readDocument(p.documentId);
      const { meta, doc } = await reviewDocument(store, p.documentId, () => ({ kind: 'apply', action: { type: 'applyToAll', findingIds: p.ids, decision: plan.decision, ...(batch ? { batch } : {}) }, ctx }));
      if (p.ids.length === 0) continue;
      if (doc !== before) {
        count += p.ids.length;
        documents++;
        metas.push(meta);
      }
    } catch (e) {
      failed.push({ documentId: p.documentId, message: (e as Error).message });
    }
  }
  if (ruleId) book!.recordApplied(ruleId, count);
  await book?.flush();
  return { count, documents, ruleId, failed, metas };
}

/** Preview items for the UI: the first `limit`, with the document they are in. */
export function previewItems(plan: LikePlan, limit: number): LikeItem[] {
  const out: LikeItem[] = [];
  for (const p of plan.perDocument) {
    for (const item of p.items) {
      if (out.length >= limit) return out;
      out.push({ ...item, documentId: p.documentId });
    }
  }
  return out;
}
