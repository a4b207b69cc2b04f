/**
 * Apply to all like this: the preview an analyst sees before one decision is repeated on the
 * findings like the decided one (core/rules findLike), and the one action that applies it.
 */
import { effectiveData } from '../document/effective';
import type { Finding, ReviewStatus } from '../store-schema';
import { type ActionContext, type BatchDecision, type ReviewAction, type ReviewState, applyAction } from './actions';

export interface BatchPreviewItem {
  findingId: string;
  /** the finding as the analyst sees it now, and after the decision */
  before: { status: ReviewStatus; data: Finding['data'] };
  after: { status: ReviewStatus; data: Finding['data'] };
}

export interface BatchPreview {
  count: number;
  items: BatchPreviewItem[];
  /** the action to dispatch when the analyst confirms (null: nothing would change) */
  action: ReviewAction | null;
}

/**
 * What applying `decision` to `findingIds` would do, computed by applying it to a copy (so the
 * preview and the action cannot disagree); findings it would not change are left out.
 */
export function previewBatch(state: ReviewState, findingIds: readonly string[], decision: BatchDecision, ctx: ActionContext): BatchPreview {
  const known = new Set(state.findings.map((f) => f.id));
  const ids = [...new Set(findingIds)].filter((id) => known.has(id));
  const action: ReviewAction = { type: 'applyToAll', findingIds: ids, decision };
  const next = applyAction(state, action, ctx);
  const byId = new Map(state.findings.map((f) => [f.id, f]));
  const items: BatchPreviewItem[] = [];
  for (const id of ids) {
    const f = byId.get(id) as Finding;
    const r0 = state.reviews[id];
    const r1 = next.reviews[id];
    const before = { status: r0?.status ?? 'suggested', data: effectiveData(f, r0) };
    const after = { status: r1?.status ?? 'suggested', data: effectiveData(f, r1) };
    if (before.status === after.status && JSON.stringify(before.data) === JSON.stringify(after.data)) continue;
    items.push({ findingId: id, before, after });
  }
  const changing = items.map((i) => i.findingId);
  return { count: items.length, items, action: changing.length > 0 ? { type: 'applyToAll', findingIds: changing, decision } : null };
}
