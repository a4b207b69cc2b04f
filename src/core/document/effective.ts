/**
 * The effective finding — the detector's (or the analyst's manual) finding with its review
 * applied, as the analyst sees it and as a dataset says it — and the rules a review follows when
 * the analyst sets a status or a tag. The review actions (core/review), the exports, the
 * figures table and the renderer's inspector and preview all use these, so they cannot disagree.
 */
import type { Defect, Duplicate, Figure } from '../schema';
import type { Finding, Review, ReviewStatus } from '../store-schema';
import { findingSpan } from './findings';

export type FindingData = Figure | Duplicate | Defect;

/** A finding with its review applied: what the analyst's dataset should say. */
export interface EffectiveFinding {
  id: string;
  type: Finding['type'];
  origin: Finding['origin'];
  kind: string;
  /** detector data merged with review.fields */
  data: FindingData;
  /** the stored (detector or manual) data when the review changed fields, else null */
  original: FindingData | null;
  status: ReviewStatus;
  review: Review | null;
  /** primary span (code points) of the effective data */
  start: number;
  end: number;
}

export const isAcceptedStatus = (s: ReviewStatus): boolean => s === 'accepted' || s === 'corrected';

/**
 * The finding's data with the review's corrected fields over it (the same object when the
 * review corrected nothing).
 */
export function effectiveData<F extends Finding>(finding: F, review: Review | null | undefined): F['data'] {
  const fields = review?.fields ?? {};
  if (Object.keys(fields).length === 0) return finding.data;
  return { ...finding.data, ...fields } as F['data'];
}

export function effectiveFinding(finding: Finding, review: Review | null | undefined): EffectiveFinding {
  const data = effectiveData(finding, review);
  const changed = data !== finding.data;
  // findingSpan reads only type and data (a spread of the whole finding would cost more than the rest)
  const span = findingSpan({ type: finding.type, data } as Finding);
  return {
    id: finding.id,
    type: finding.type,
    origin: finding.origin,
    kind: (data as { kind: string }).kind,
    data,
    original: changed ? finding.data : null,
    status: review?.status ?? 'suggested',
    review: review ?? null,
    start: span.start,
    end: span.end,
  };
}

/**
 * The status a review takes when the analyst sets `status`: accepting a finding whose fields
 * the analyst corrected keeps it 'corrected' (the correction is what is accepted).
 */
export function statusWhenSet(review: Pick<Review, 'fields'> | null | undefined, status: ReviewStatus): ReviewStatus {
  return status === 'accepted' && review && Object.keys(review.fields).length > 0 ? 'corrected' : status;
}

/** The tags after the analyst toggles `tag` (added at the end, or removed). */
export function tagsToggled(tags: readonly string[], tag: string): string[] {
  return tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag];
}
