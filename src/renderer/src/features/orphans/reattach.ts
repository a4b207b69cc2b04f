/**
 * Orphaned reviews: where one may belong in the text now (its quote, best matching its
 * context), and the review actions that put it back on a span — onto the finding already there,
 * or as a new manual finding with the orphan's values. Pure.
 */
import type { DefectKind, DuplicateKind, FigureKind } from '../../../../core/schema';
import { parseFindingId } from '../../../../core/document/ids';
import type { ReviewAction } from '../../../../core/review';
import type { Anchor, Finding, Review } from '../../../../core/store-schema';
import { manualFigure, manualId } from '../report/manual';
import { primarySpan } from '../report/model';
import type { TextIndex } from '../report/offsets';

const FIGURE_KINDS: readonly FigureKind[] = ['count', 'money', 'percent', 'range', 'date', 'duration', 'name'];
const DUPLICATE_KINDS: readonly DuplicateKind[] = ['exact_paragraph', 'near_paragraph', 'copied_passage', 'repeated_word', 'boilerplate'];
const DEFECT_KINDS: readonly DefectKind[] = ['broken_paragraph', 'foreign_token', 'markup_residue', 'caption', 'mixed_punctuation', 'consistency'];

export type OrphanKind =
  | { type: 'figure'; kind: FigureKind | null }
  | { type: 'duplicate'; kind: DuplicateKind }
  | { type: 'defect'; kind: DefectKind };

/** What the orphan's finding was, read from its id (core/document/ids: a manual finding carried from another is what it was carried from; a plain manual one, a figure). */
export function orphanKind(r: Pick<Review, 'findingId'>): OrphanKind {
  let parsed = parseFindingId(r.findingId);
  // a finding carried from another: what it was carried from
  while (parsed?.origin === 'manual') parsed = parsed.from;
  const id = parsed?.origin === 'detector' ? parsed : null;
  if (id?.type === 'duplicate' && DUPLICATE_KINDS.includes(id.kind as DuplicateKind)) return { type: 'duplicate', kind: id.kind as DuplicateKind };
  if (id?.type === 'defect' && DEFECT_KINDS.includes(id.kind as DefectKind)) return { type: 'defect', kind: id.kind as DefectKind };
  if (id?.type === 'figure' && FIGURE_KINDS.includes(id.kind as FigureKind)) return { type: 'figure', kind: id.kind as FigureKind };
  return { type: 'figure', kind: null };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The place of the orphan's quote in the text that best matches its context (then nearest its old place), or null. */
export function locateAnchor(index: TextIndex, anchor: Anchor): { start: number; end: number } | null {
  const text = index.text;
  const q = anchor.quote;
  if (!q) return null;
  let best: { at: number; score: number; distance: number } | null = null;
  const old = index.toUtf16(anchor.start);
  for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) {
    const before = text.slice(Math.max(0, i - anchor.prefix.length), i);
    const after = text.slice(i + q.length, i + q.length + anchor.suffix.length);
    const score = commonSuffix(before, anchor.prefix) + commonPrefix(after, anchor.suffix);
    const distance = Math.abs(i - old);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { at: i, score, distance };
  }
  return best ? { start: index.toCp(best.at), end: index.toCp(best.at + q.length) } : null;
}

export interface Target {
  start: number;
  end: number;
  text: string;
}

/** The finding of the orphan's type whose primary place is exactly the target, if any. */
export function findingAt(findings: readonly Finding[], kind: OrphanKind, target: Target): Finding | null {
  return findings.find((f) => {
    if (f.type !== kind.type) return false;
    const p = primarySpan(f);
    return p.start === target.start && p.end === target.end;
  }) ?? null;
}

/** A new manual finding at the target, of the orphan's type and kind. */
export function manualFindingFor(kind: OrphanKind, target: Target, now: number = Date.now()): Finding {
  const id = manualId(target.start, target.end, now);
  const span = { start: target.start, end: target.end, text: target.text };
  switch (kind.type) {
    case 'figure': {
      const f = manualFigure(target, now);
      return f.type === 'figure' && kind.kind ? { ...f, data: { ...f.data, kind: kind.kind } } : f;
    }
    case 'duplicate':
      return { type: 'duplicate', id, origin: 'manual', data: { kind: kind.kind, a: span, b: span, length: [...target.text].length } };
    case 'defect':
      return { type: 'defect', id, origin: 'manual', data: { kind: kind.kind, start: target.start, end: target.end, text: target.text, replacement: null } };
  }
}

/**
 * The review actions that carry an orphan's status, fields, tags and note onto the target:
 * the finding already there (same type, same place) or a new manual one.
 */
export function reattachActions(orphan: Review, findings: readonly Finding[], existingReview: Review | undefined, target: Target, now: number = Date.now()): { findingId: string; actions: ReviewAction[] } {
  const kind = orphanKind(orphan);
  const fields = orphan.fields ?? {};
  const hasFields = Object.keys(fields).length > 0;
  const actions: ReviewAction[] = [];
  const existing = findingAt(findings, kind, target);
  let findingId: string;
  if (existing) {
    findingId = existing.id;
    if (hasFields) actions.push({ type: 'setFields', findingId, fields });
    const status = orphan.status === 'corrected' ? 'accepted' : orphan.status;
    if (status !== 'suggested' || (existingReview && existingReview.status !== 'suggested')) actions.push({ type: 'setStatus', findingIds: [findingId], status });
    const have = new Set(existingReview?.tags ?? []);
    for (const tag of orphan.tags) if (!have.has(tag)) actions.push({ type: 'toggleTag', findingId, tag });
  } else {
    const finding = manualFindingFor(kind, target, now);
    findingId = finding.id;
    actions.push({ type: 'addFinding', finding, status: orphan.status === 'corrected' ? 'accepted' : orphan.status, tags: [...orphan.tags] });
    if (hasFields) actions.push({ type: 'setFields', findingId, fields });
  }
  const note = orphan.note ?? '';
  if (note && note !== (existing ? (existingReview?.note ?? '') : '')) actions.push({ type: 'setNote', findingId, note });
  return { findingId, actions };
}
