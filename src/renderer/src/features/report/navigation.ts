/**
 * Keyboard navigation over findings: which findings the filters let through, and the next /
 * previous / next unreviewed one from the current selection. Pure functions.
 */
import type { Finding, Review, ReviewStatus } from '../../../../core/store-schema';
import { type FindingType, isDimmed, primarySpan } from './model';

export interface FindingFilter {
  type: 'all' | FindingType;
  kind: 'all' | string;
  status: 'all' | ReviewStatus;
  tag: 'all' | string;
  /** include names and boilerplate in navigation */
  showDimmed: boolean;
}

export const DEFAULT_FILTER: FindingFilter = { type: 'all', kind: 'all', status: 'all', tag: 'all', showDimmed: false };

export function statusOf(reviews: Record<string, Review>, id: string): ReviewStatus {
  return reviews[id]?.status ?? 'suggested';
}

export function matchesFilter(f: Finding, review: Review | undefined, filter: FindingFilter): boolean {
  if (filter.type !== 'all' && f.type !== filter.type) return false;
  if (filter.kind !== 'all' && f.data.kind !== filter.kind) return false;
  if (filter.status !== 'all' && (review?.status ?? 'suggested') !== filter.status) return false;
  if (filter.tag !== 'all' && !(review?.tags ?? []).includes(filter.tag)) return false;
  if (!filter.showDimmed && isDimmed(f) && filter.kind !== f.data.kind) return false;
  return true;
}

export interface NavIndex {
  list: Finding[];
  starts: Int32Array;
  pos: Map<string, number>;
}

export function buildNavIndex(order: readonly Finding[], reviews: Record<string, Review>, filter: FindingFilter): NavIndex {
  // reviews are looked up only when the filter asks about them
  const byReview = filter.status !== 'all' || filter.tag !== 'all';
  const list = order.filter((f) => matchesFilter(f, byReview ? reviews[f.id] : undefined, filter));
  const starts = new Int32Array(list.length);
  const pos = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    starts[i] = primarySpan(list[i]).start;
    pos.set(list[i].id, i);
  }
  return { list, starts, pos };
}

/** First index in the list whose start is > cp (dir 1), or last whose start is < cp (dir -1). */
function indexFromPosition(nav: NavIndex, cp: number, dir: 1 | -1): number {
  let lo = 0;
  let hi = nav.starts.length;
  // first index with start > cp
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nav.starts[mid] <= cp) lo = mid + 1;
    else hi = mid;
  }
  if (dir === 1) return lo < nav.list.length ? lo : -1;
  // last index with start < cp
  let i = lo - 1;
  while (i >= 0 && nav.starts[i] >= cp) i--;
  return i;
}

/**
 * The next (dir 1) or previous (dir -1) finding from the current one. `current` is the
 * selected finding's id (or null) and `at` its position (for a selection that the filters hide).
 * Stops at the ends (no wrap).
 */
export function stepFinding(nav: NavIndex, current: string | null, dir: 1 | -1, at: number | null = null): Finding | null {
  if (nav.list.length === 0) return null;
  const i = current === null ? undefined : nav.pos.get(current);
  let j: number;
  if (i !== undefined) j = i + dir;
  else if (at !== null) j = indexFromPosition(nav, at, dir);
  else j = dir === 1 ? 0 : nav.list.length - 1;
  return j >= 0 && j < nav.list.length ? nav.list[j] : null;
}

/** The next finding still 'suggested' after the current one, wrapping around once. */
export function nextUnreviewed(nav: NavIndex, reviews: Record<string, Review>, current: string | null, at: number | null = null): Finding | null {
  const n = nav.list.length;
  if (n === 0) return null;
  let from = current === null ? undefined : nav.pos.get(current);
  if (from === undefined) {
    const k = at === null ? 0 : indexFromPosition(nav, at, 1);
    from = (k < 0 ? 0 : k) - 1;
  }
  for (let step = 1; step <= n; step++) {
    const f = nav.list[(((from + step) % n) + n) % n];
    if (statusOf(reviews, f.id) === 'suggested' && f.id !== current) return f;
  }
  return null;
}

/** Ids of the suggested findings of one kind (for "accept all suggested of this kind"). */
export function suggestedOfKind(order: readonly Finding[], reviews: Record<string, Review>, type: FindingType, kind: string): string[] {
  return order.filter((f) => f.type === type && f.data.kind === kind && statusOf(reviews, f.id) === 'suggested').map((f) => f.id);
}
